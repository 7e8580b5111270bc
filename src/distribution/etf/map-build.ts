/**
 * Building a MapTerm from decoded pairs, keyed by the term layer's `mapKey` so lookups work as
 * for any other map. Unlike `mapFromPairs` (later pair wins), a key that occurs twice is an
 * error here: binary_to_term rejects such input, and a hostile peer must not get to pick.
 */
import { mapKey } from '../../core/term/hash.ts';
import { MapTerm, type Term } from '../../core/term/types.ts';

/** Returns the map, or null when a key occurs twice. */
export function buildMap(pairs: readonly (readonly [Term, Term])[]): MapTerm | null {
  const entries = new Map<unknown, readonly [Term, Term]>();
  for (const p of pairs) {
    const k = mapKey(p[0]);
    if (entries.has(k)) return null;
    entries.set(k, p);
  }
  return new MapTerm(entries);
}
