/**
 * Enum functions that call no user code, as TS BIFs (fast, and inlinable by the VM). The ones
 * that take funs live in prelude/enum.ts, in Elixir, so user funs run preemptibly on the VM.
 */
import { atom, Binary, bool, NIL, NIL_ATOM, Tuple, type Term } from '../../term/types.ts';
import { strictEquals } from '../../term/equality.ts';
import { compare } from '../../term/order.ts';
import { mapKey } from '../../term/hash.ts';
import { EMPTY_MAP, mapPutMany } from '../../term/map.ts';
import { argumentError } from '../errors.ts';
import { emptyError, functionClause, outOfBounds, protocolUndefined } from './errors.ts';
import { enumCount, enumToArray, enumToList, fromArray, rangeAt, rangeMember, rangeParts, rangeSize } from './enumerable.ts';
import { add, chars, concatBinaries, isBinary, isTruthy, mul } from './values.ts';
import { at as arg, defineBifs } from './define.ts';

const DISCARD = atom('discard');

function intArg(a: readonly Term[], i: number, name: string, arity: number): number {
  const v = a[i];
  if (typeof v !== 'number') return functionClause('Enum', name, arity);
  return v;
}

/** `Enum.at`/`fetch` index normalisation: negative counts from the end; null when out of range. */
function elementAt(e: Term, i: number): Term | undefined {
  const r = rangeParts(e);
  if (r !== null) {
    const n = rangeSize(r);
    const j = i < 0 ? n + i : i;
    return j >= 0 && j < n ? rangeAt(r, j) : undefined;
  }
  if (i >= 0 && typeof e === 'object' && (e.kind === 'cons' || e.kind === 'nil')) {
    let l: Term = e;
    for (let k = 0; typeof l === 'object' && l.kind === 'cons'; k++, l = l.tail) if (k === i) return l.head;
    return undefined;
  }
  const items = enumToArray(e);
  const j = i < 0 ? items.length + i : i;
  return items[j];
}

function memberOf(e: Term, x: Term): boolean {
  const r = rangeParts(e);
  if (r !== null) return rangeMember(r, x);
  if (typeof e === 'object' && e.kind === 'map' && rangeParts(e) === null) {
    // Map membership is by {key, value} tuple, with the value compared exactly.
    if (typeof x !== 'object' || x.kind !== 'tuple' || x.size !== 2) return false;
  }
  for (const y of enumToArray(e)) if (strictEquals(x, y)) return true;
  return false;
}

function sum(items: readonly Term[]): Term {
  let acc: Term = 0;
  for (const x of items) acc = add(acc, x);
  return acc;
}

/** Stable sort in term order; `desc` keeps equal elements in their original order, as Elixir does. */
export function sortTerms(items: Term[], desc: boolean): Term[] {
  return items.sort(desc ? (x, y) => compare(y, x) : (x, y) => compare(x, y));
}

/** Enum.max/min: the first of equal extremes wins. */
function extreme(e: Term, sign: 1 | -1): Term {
  const items = enumToArray(e);
  if (items.length === 0) return emptyError();
  let best = items[0] as Term;
  for (let i = 1; i < items.length; i++) if (compare(items[i] as Term, best) === sign) best = items[i] as Term;
  return best;
}

function join(e: Term, joiner: Term): Term {
  if (!isBinary(joiner)) return functionClause('Enum', 'join', 2);
  const parts: Binary[] = [];
  for (const x of enumToArray(e)) {
    if (parts.length > 0) parts.push(joiner);
    parts.push(chars(x));
  }
  return concatBinaries(parts);
}

function take(items: readonly Term[], n: number): Term[] {
  return n >= 0 ? items.slice(0, n) : items.slice(Math.max(0, items.length + n));
}

function drop(items: readonly Term[], n: number): Term[] {
  return n >= 0 ? items.slice(n) : items.slice(0, Math.max(0, items.length + n));
}

function chunkEvery(e: Term, count: Term, step: Term, leftover: Term): Term {
  if (typeof count !== 'number' || count <= 0 || typeof step !== 'number' || step <= 0) {
    return functionClause('Enum', 'chunk_every', 4);
  }
  const items = enumToArray(e);
  const pad = leftover === DISCARD ? null : enumToArray(leftover);
  const out: Term[] = [];
  for (let i = 0; i < items.length; i += step) {
    const chunk = items.slice(i, i + count);
    if (chunk.length === count) {
      out.push(fromArray(chunk));
      continue;
    }
    if (pad !== null) out.push(fromArray(chunk.concat(pad.slice(0, count - chunk.length))));
    break;
  }
  return fromArray(out);
}

function slice(items: readonly Term[], start: number, amount: number): Term[] {
  const s = start < 0 ? Math.max(0, items.length + start) : start;
  return items.slice(s, s + amount);
}

function sliceRange(e: Term, range: Term): Term {
  const r = rangeParts(range);
  if (r === null) return functionClause('Enum', 'slice', 2);
  const items = enumToArray(e);
  const n = items.length;
  let first = r.first < 0 ? Math.max(0, n + r.first) : r.first;
  const last = r.last < 0 ? n + r.last : r.last;
  const step = r.step < 0 ? 1 : r.step; // 1.14: a decreasing range slices nothing (first > last below)
  if (r.step < 0 && r.first > r.last) return NIL;
  const out: Term[] = [];
  for (; first <= last && first < n; first += step) out.push(items[first] as Term);
  return fromArray(out);
}

function into(e: Term, target: Term): Term {
  if (typeof target === 'object' && (target.kind === 'nil' || target.kind === 'cons')) {
    return fromArray(enumToArray(target).concat(enumToArray(e)));
  }
  if (typeof target === 'object' && target.kind === 'map' && rangeParts(target) === null) {
    const pairs: (readonly [Term, Term])[] = [];
    for (const x of enumToArray(e)) {
      if (typeof x !== 'object' || x.kind !== 'tuple' || x.size !== 2) return argumentError();
      pairs.push([x.elements[0] as Term, x.elements[1] as Term]);
    }
    return mapPutMany(target, pairs);
  }
  return protocolUndefined('Collectable', target);
}

function zipLists(lists: Term[][]): Term {
  if (lists.length === 0) return NIL;
  const n = Math.min(...lists.map((l) => l.length));
  const out: Term[] = [];
  for (let i = 0; i < n; i++) out.push(new Tuple(lists.map((l) => l[i] as Term)));
  return fromArray(out);
}

export const enumBifs = defineBifs('Elixir.Enum', {
  'to_list/1': (a) => enumToList(arg(a, 0)),
  'count/1': (a) => enumCount(arg(a, 0)),
  'member?/2': (a) => bool(memberOf(arg(a, 0), arg(a, 1))),
  'empty?/1': (a) => bool(enumCount(arg(a, 0)) === 0),
  'reverse/1': (a) => fromArray(enumToArray(arg(a, 0)).reverse()),
  'reverse/2': (a) => fromArray(enumToArray(arg(a, 0)).reverse(), enumToList(arg(a, 1))),
  'sum/1': (a) => sum(enumToArray(arg(a, 0))),
  'product/1': (a) => enumToArray(arg(a, 0)).reduce<Term>((acc, x) => mul(acc, x), 1),
  'sort/1': (a) => fromArray(sortTerms(enumToArray(arg(a, 0)), false)),
  'max/1': (a) => extreme(arg(a, 0), 1),
  'min/1': (a) => extreme(arg(a, 0), -1),
  'join/1': (a) => join(arg(a, 0), Binary.fromString('')),
  'join/2': (a) => join(arg(a, 0), arg(a, 1)),
  'at/2': (a) => elementAt(arg(a, 0), intArg(a, 1, 'at', 3)) ?? NIL_ATOM,
  'at/3': (a) => elementAt(arg(a, 0), intArg(a, 1, 'at', 3)) ?? arg(a, 2),
  'fetch/2': (a) => {
    const v = elementAt(arg(a, 0), intArg(a, 1, 'fetch', 2));
    return v === undefined ? atom('error') : new Tuple([atom('ok'), v]);
  },
  'fetch!/2': (a) => elementAt(arg(a, 0), intArg(a, 1, 'fetch!', 2)) ?? outOfBounds(),
  'take/2': (a) => fromArray(take(enumToArray(arg(a, 0)), intArg(a, 1, 'take', 2))),
  'drop/2': (a) => fromArray(drop(enumToArray(arg(a, 0)), intArg(a, 1, 'drop', 2))),
  'split/2': (a) => {
    const items = enumToArray(arg(a, 0));
    const n = intArg(a, 1, 'split', 2);
    const at = n >= 0 ? Math.min(n, items.length) : Math.max(0, items.length + n);
    return new Tuple([fromArray(items.slice(0, at)), fromArray(items.slice(at))]);
  },
  'slice/2': (a) => sliceRange(arg(a, 0), arg(a, 1)),
  'slice/3': (a) => {
    const start = arg(a, 1);
    const amount = arg(a, 2);
    if (typeof start !== 'number' || typeof amount !== 'number' || amount < 0) return functionClause('Enum', 'slice', 3);
    return fromArray(slice(enumToArray(arg(a, 0)), start, amount));
  },
  'zip/1': (a) => zipLists(enumToArray(arg(a, 0)).map(enumToArray)),
  'zip/2': (a) => zipLists([enumToArray(arg(a, 0)), enumToArray(arg(a, 1))]),
  'concat/1': (a) => fromArray(enumToArray(arg(a, 0)).flatMap(enumToArray)),
  'concat/2': (a) => fromArray(enumToArray(arg(a, 0)), enumToList(arg(a, 1))),
  'uniq/1': (a) => {
    const seen = new Set<unknown>();
    return fromArray(enumToArray(arg(a, 0)).filter((x) => (seen.has(mapKey(x)) ? false : (seen.add(mapKey(x)), true))));
  },
  'dedup/1': (a) => {
    const out: Term[] = [];
    for (const x of enumToArray(arg(a, 0))) if (out.length === 0 || !strictEquals(out[out.length - 1] as Term, x)) out.push(x);
    return fromArray(out);
  },
  'frequencies/1': (a) => {
    const counts = new Map<unknown, [Term, number]>();
    for (const x of enumToArray(arg(a, 0))) {
      const k = mapKey(x);
      const c = counts.get(k);
      if (c === undefined) counts.set(k, [x, 1]);
      else c[1]++;
    }
    return mapPutMany(EMPTY_MAP, Array.from(counts.values(), ([k, n]) => [k, n] as const));
  },
  'chunk_every/2': (a) => chunkEvery(arg(a, 0), arg(a, 1), arg(a, 1), NIL),
  'chunk_every/3': (a) => chunkEvery(arg(a, 0), arg(a, 1), arg(a, 2), NIL),
  'chunk_every/4': (a) => chunkEvery(arg(a, 0), arg(a, 1), arg(a, 2), arg(a, 3)),
  'into/2': (a) => into(arg(a, 0), arg(a, 1)),
  'any?/1': (a) => bool(enumToArray(arg(a, 0)).some(isTruthy)),
  'all?/1': (a) => bool(enumToArray(arg(a, 0)).every(isTruthy)),
  'take_every/2': (a) => {
    const n = intArg(a, 1, 'take_every', 2);
    if (n < 0) return functionClause('Enum', 'take_every', 2);
    return n === 0 ? NIL : fromArray(enumToArray(arg(a, 0)).filter((_, i) => i % n === 0));
  },
  'min_max/1': (a) => new Tuple([extreme(arg(a, 0), -1), extreme(arg(a, 0), 1)]),
});
