/**
 * Building and reading map terms. MapTerm is immutable: every update returns a new map
 * (copy-on-write of the underlying JS Map). Entries are keyed by `mapKey` (hash.ts), so lookups
 * follow `===` exactly as BEAM map keys do.
 */
import { MapTerm, type Term } from './types.ts';
import { mapKey } from './hash.ts';
import { sortedPairs } from './map-order.ts';

export const EMPTY_MAP = new MapTerm(new Map());

/** A map from key/value pairs; a later pair overrides an earlier one with the same key. */
export function mapFromPairs(pairs: Iterable<readonly [Term, Term]>): MapTerm {
  const m = new Map<unknown, readonly [Term, Term]>();
  for (const [k, v] of pairs) setEntry(m, k, v);
  return new MapTerm(m);
}

function setEntry(m: Map<unknown, readonly [Term, Term]>, k: Term, v: Term): void {
  const key = mapKey(k);
  const old = m.get(key);
  // BEAM keeps the stored key on update (`%{0.0 => 1, -0.0 => 2}` prints `%{0.0 => 2}`).
  m.set(key, [old === undefined ? k : old[0], v]);
}

export function mapGet(m: MapTerm, k: Term): Term | undefined {
  const e = m.entries.get(mapKey(k));
  return e === undefined ? undefined : e[1];
}

export function mapHas(m: MapTerm, k: Term): boolean {
  return m.entries.has(mapKey(k));
}

export function mapPut(m: MapTerm, k: Term, v: Term): MapTerm {
  const copy = new Map(m.entries);
  setEntry(copy, k, v);
  return new MapTerm(copy);
}

/** Several puts with one copy (map literals, `%{m | a: 1, b: 2}`). */
export function mapPutMany(m: MapTerm, pairs: Iterable<readonly [Term, Term]>): MapTerm {
  const copy = new Map(m.entries);
  for (const [k, v] of pairs) setEntry(copy, k, v);
  return new MapTerm(copy);
}

export function mapDelete(m: MapTerm, k: Term): MapTerm {
  const key = mapKey(k);
  if (!m.entries.has(key)) return m;
  const copy = new Map(m.entries);
  copy.delete(key);
  return new MapTerm(copy);
}

/** Pairs in Erlang's key order (as `Map.to_list` and iex print them for small maps). */
export function mapPairs(m: MapTerm): readonly (readonly [Term, Term])[] {
  return sortedPairs(m);
}

export function mapKeys(m: MapTerm): Term[] {
  return sortedPairs(m).map((p) => p[0]);
}

export function mapValues(m: MapTerm): Term[] {
  return sortedPairs(m).map((p) => p[1]);
}
