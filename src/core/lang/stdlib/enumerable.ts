/**
 * The Enumerable protocol for the TS side of the standard modules: lists, maps (entries as
 * `{k, v}` tuples in key order) and ranges. Ranges are Elixir 1.14's struct, the map
 * `%{__struct__: Range, first: f, last: l, step: s}`, so they print, match and compare as in
 * Elixir; anything else raises `Protocol.UndefinedError` as Elixir does.
 */
import { atom, Cons, NIL, Tuple, type MapTerm, type Term } from '../../term/types.ts';
import { mapFromPairs, mapGet, mapPairs } from '../../term/map.ts';
import { protocolUndefined } from '../errors.ts';

const STRUCT = atom('__struct__');
const RANGE = atom('Elixir.Range');
const FIRST = atom('first');
const LAST = atom('last');
const STEP = atom('step');

export interface RangeParts {
  readonly first: number;
  readonly last: number;
  readonly step: number;
}

export function makeRange(first: number, last: number, step: number): MapTerm {
  return mapFromPairs([
    [STRUCT, RANGE],
    [FIRST, first],
    [LAST, last],
    [STEP, step],
  ]);
}

/** The parts of a range struct, or null when `t` is not one (or has non-small-integer bounds). */
export function rangeParts(t: Term): RangeParts | null {
  if (typeof t !== 'object' || t.kind !== 'map' || mapGet(t, STRUCT) !== RANGE) return null;
  const first = mapGet(t, FIRST);
  const last = mapGet(t, LAST);
  const step = mapGet(t, STEP);
  if (typeof first !== 'number' || typeof last !== 'number' || typeof step !== 'number') return null;
  return { first, last, step };
}

export function rangeSize(r: RangeParts): number {
  if (r.step > 0 ? r.first > r.last : r.first < r.last) return 0;
  return Math.floor((r.last - r.first) / r.step) + 1;
}

export function rangeAt(r: RangeParts, i: number): number {
  return r.first + i * r.step;
}

export function rangeMember(r: RangeParts, x: Term): boolean {
  if (typeof x !== 'number') return false; // Range membership is integer-only: 5.0 in 1..10 is false
  const n = rangeSize(r);
  if (n === 0) return false;
  const lo = Math.min(r.first, rangeAt(r, n - 1));
  const hi = Math.max(r.first, rangeAt(r, n - 1));
  return x >= lo && x <= hi && (x - r.first) % r.step === 0;
}

function isStruct(m: MapTerm): boolean {
  return mapGet(m, STRUCT) !== undefined;
}

/** The elements of any enumerable, in order. Raises Protocol.UndefinedError otherwise. */
export function enumToArray(t: Term): Term[] {
  if (typeof t === 'object') {
    if (t.kind === 'nil') return [];
    if (t.kind === 'cons') {
      const out: Term[] = [];
      let l: Term = t;
      while (typeof l === 'object' && l.kind === 'cons') {
        out.push(l.head);
        l = l.tail;
      }
      return out;
    }
    if (t.kind === 'map') {
      const r = rangeParts(t);
      if (r !== null) {
        const n = rangeSize(r);
        const out = new Array<Term>(n);
        for (let i = 0; i < n; i++) out[i] = rangeAt(r, i);
        return out;
      }
      if (!isStruct(t)) return mapPairs(t).map(([k, v]) => new Tuple([k, v]));
    }
  }
  throw protocolUndefined('Enumerable', t);
}

/** Count without building the elements where the shape allows it. */
export function enumCount(t: Term): number {
  if (typeof t === 'object') {
    if (t.kind === 'map') {
      const r = rangeParts(t);
      if (r !== null) return rangeSize(r);
      if (!isStruct(t)) return t.size;
    }
  }
  return enumToArray(t).length;
}

/** An enumerable as a list term: lists are returned as they are (no copy). */
export function enumToList(t: Term): Term {
  if (typeof t === 'object' && (t.kind === 'nil' || t.kind === 'cons')) return t;
  return fromArray(enumToArray(t));
}

export function fromArray(items: readonly Term[], tail: Term = NIL): Term {
  let l: Term = tail;
  for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i] as Term, l);
  return l;
}
