/**
 * What compiled code and built-in functions share at run time: ranges (`first..last`, `x in
 * range`), String.Chars (`to_string/1`, string interpolation), and the type names Elixir's
 * protocol errors print. Here rather than in the compiler, so built-ins never depend on it.
 */
import { atom, Binary, type MapTerm, type Term } from '../term/types.ts';
import { mapGet } from '../term/map.ts';
import { toStringTerm, ToStringError } from '../term/to-string.ts';
import { ElixirThrow, exception, protocolUndefined } from './errors.ts';
import * as ops from './ops.ts';
import { isoDays } from './stdlib/calendar-iso.ts';
import { makeRange as rangeStruct, rangeMember, rangeParts } from './stdlib/enumerable.ts';

const STRUCT = atom('__struct__');
const STEP = atom('step');

export function makeRange(first: Term, last: Term): Term {
  if (typeof first !== 'number' || typeof last !== 'number') {
    throw new ElixirThrow('error', exception('ArgumentError', 'ranges (first..last) expect both sides to be integers'));
  }
  return rangeStruct(first, last, first <= last ? 1 : -1);
}

/**
 * `x in coll` where coll is a literal list or range, or in a guard (the compiler sends every
 * other `in` to Enum.member?/2, as Kernel.in expands it).
 */
export function isIn(x: Term, coll: Term): boolean {
  if (typeof coll === 'object') {
    if (coll.kind === 'cons' || coll.kind === 'nil') {
      let l: Term = coll;
      while (typeof l === 'object' && l.kind === 'cons') {
        if (ops.seq(x, l.head)) return true;
        l = l.tail;
      }
      return false;
    }
    const range = rangeParts(coll);
    if (range !== null) return rangeMember(range, x);
  }
  throw protocolUndefined('Enumerable', coll);
}

const DATE_RANGE = atom('Elixir.Date.Range');
const DATE = atom('Elixir.Date');

/** [first, last, step] in ISO days when `t` is a %Date.Range{}, else null. */
function dateRangeBounds(t: MapTerm): [number, number, number] | null {
  if (mapGet(t, STRUCT) !== DATE_RANGE) return null;
  const f = mapGet(t, atom('first_in_iso_days')), l = mapGet(t, atom('last_in_iso_days')), s = mapGet(t, STEP);
  return typeof f === 'number' && typeof l === 'number' && typeof s === 'number' && s !== 0 ? [f, l, s] : null;
}

/**
 * `x in range` for a %Date.Range{}: a %Date{} on the range's steps; null when `range` is not one.
 * Date.Range's Enumerable.member? (calendar.ts) asks it.
 */
export function inDateRange(range: MapTerm, x: Term): boolean | null {
  const bounds = dateRangeBounds(range);
  return bounds === null ? null : dateRangeHas(bounds, x);
}

function dateRangeHas([f, l, s]: [number, number, number], x: Term): boolean {
  if (typeof x !== 'object' || x.kind !== 'map' || mapGet(x, STRUCT) !== DATE) return false;
  const [year, month, day] = [mapGet(x, atom('year')), mapGet(x, atom('month')), mapGet(x, atom('day'))];
  if (typeof year !== 'number' || typeof month !== 'number' || typeof day !== 'number') return false;
  const d = isoDays({ year, month, day });
  return (s > 0 ? f <= d && d <= l : l <= d && d <= f) && (d - f) % s === 0;
}

/** `to_string` for interpolation: String.Chars, raising Protocol.UndefinedError like Elixir. */
export function toStr(t: Term): Binary {
  if (typeof t === 'object' && t.kind === 'binary') return t;
  try {
    return toStringTerm(t);
  } catch (err) {
    if (err instanceof ToStringError) {
      if (err.exception === 'Protocol.UndefinedError') throw protocolUndefined('String.Chars', err.term, err.description);
      throw new ElixirThrow('error', exception(err.exception, err.message, [['value', err.term]]));
    }
    throw err;
  }
}
