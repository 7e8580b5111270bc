/**
 * The few Enumerable operations the compiler itself needs (for comprehensions): turning a list,
 * range or map into a list, and collecting a result `into:` a list, map or binary.
 */
import { Binary, Cons, NIL, Tuple, type Term } from '../term/types.ts';
import { mapPairs, mapPutMany } from '../term/map.ts';
import { inspect } from '../term/inspect.ts';
import { ElixirThrow, exception } from './errors.ts';
import { rangeBounds, typeName, toStr } from './values.ts';
import { concat } from './ops.ts';

export function notEnumerable(t: Term): never {
  throw new ElixirThrow(
    'error',
    exception('Protocol.UndefinedError', `protocol Enumerable not implemented for ${inspect(t)} of type ${typeName(t)}`, [['value', t]]),
  );
}

/** The elements of an enumerable, as a list. */
export function enumToList(t: Term): Term {
  if (typeof t === 'object') {
    if (t.kind === 'cons' || t.kind === 'nil') return t;
    if (t.kind === 'map') {
      const r = rangeBounds(t);
      if (r !== null) {
        const [first, last, step] = r;
        let l: Term = NIL;
        if (step > 0) for (let i = last - ((last - first) % step); i >= first; i -= step) l = new Cons(i, l);
        else for (let i = last + ((first - last) % -step); i <= first; i -= step) l = new Cons(i, l);
        return l;
      }
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
    if (into.kind === 'binary') {
      let acc: Term = into;
      for (let l: Term = items; typeof l === 'object' && l.kind === 'cons'; l = l.tail) acc = concat(acc, toStr(l.head));
      return acc as Binary;
    }
  }
  return notEnumerable(into);
}
