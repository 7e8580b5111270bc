/**
 * The few Enumerable operations the compiler itself needs (for comprehensions): walking a list,
 * range or map, and collecting a result `into:` a list, map or binary.
 */
import { BitWriter, isBits } from '../term/bits.ts';
import { Cons, NIL, Tuple, type Term } from '../term/types.ts';
import { mapPairs, mapPutMany } from '../term/map.ts';
import { inspect } from '../term/inspect.ts';
import { ElixirThrow, exception, protocolUndefined } from './errors.ts';
import { toStr } from './values.ts';
import { rangeParts, rangeSize } from './stdlib/enumerable.ts';

export function notEnumerable(t: Term): never {
  throw protocolUndefined('Enumerable', t);
}

/**
 * Where a comprehension's generator stands in a range: ranges are walked a number at a time,
 * never built as a list (`for x <- 1..100_000_000` holds two numbers, not 100 million cells).
 */
export class RangeCursor {
  constructor(
    public next: number,
    readonly step: number,
    public left: number,
  ) {}
}

/** What a generator walks: a list (maps as their `{k, v}` pairs), or a RangeCursor for a range. */
export function generatorSource(t: Term): Term | RangeCursor {
  if (typeof t === 'object') {
    if (t.kind === 'cons' || t.kind === 'nil') return t;
    if (t.kind === 'map') {
      const r = rangeParts(t);
      if (r !== null) return new RangeCursor(r.first, r.step, rangeSize(r));
      let l: Term = NIL;
      const pairs = mapPairs(t);
      for (let i = pairs.length - 1; i >= 0; i--) {
        const p = pairs[i] as readonly [Term, Term];
        l = new Cons(new Tuple([p[0], p[1]]), l);
      }
      return l;
    }
  }
  return notEnumerable(t);
}

/** `for ..., into: target`: a list, a map (of {k, v} results) or a binary (of strings). */
export function collectInto(items: Term, into: Term): Term {
  if (typeof into === 'object') {
    if (into.kind === 'nil' || into.kind === 'cons') {
      const xs: Term[] = [];
      for (let l: Term = into; typeof l === 'object' && l.kind === 'cons'; l = l.tail) xs.push(l.head);
      let out = items;
      for (let i = xs.length - 1; i >= 0; i--) out = new Cons(xs[i] as Term, out);
      return out;
    }
    if (into.kind === 'map') {
      const pairs: [Term, Term][] = [];
      for (let l: Term = items; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
        const t = l.head;
        if (typeof t !== 'object' || t.kind !== 'tuple' || t.elements.length !== 2) {
          throw new ElixirThrow('error', exception('ArgumentError', `collecting into a map requires {key, value} tuples, got: ${inspect(t)}`));
        }
        pairs.push([t.elements[0] as Term, t.elements[1] as Term]);
      }
      return mapPutMany(into, pairs);
    }
    if (into.kind === 'binary' || into.kind === 'bitstring') {
      // Collectable for BitString: bitstrings append bit by bit (`<<x::3>>` pieces make <<10::size(6)>>).
      const w = new BitWriter();
      w.putBits(into);
      for (let l: Term = items; typeof l === 'object' && l.kind === 'cons'; l = l.tail) w.putBits(isBits(l.head) ? l.head : toStr(l.head));
      return w.finish();
    }
  }
  throw protocolUndefined('Collectable', into);
}
