/**
 * `:stdlib_native`: TS helpers the Elixir prelude calls where TS is faster or where the
 * exception must be raised exactly as Elixir's (the prelude cannot build exception structs
 * itself). Not part of Elixir's API; the name is lowercase so it reads as an internal module.
 * The "keyed" helpers take `[{key, value}]` lists built by the prelude (keys computed by user funs).
 */
import { atom, type Atom, type Tuple, type Term } from '../../term/types.ts';
import { strictEquals } from '../../term/equality.ts';
import { compare } from '../../term/order.ts';
import { mapKey } from '../../term/hash.ts';
import { mapFromPairs } from '../../term/map.ts';
import { at, defineBifs } from './define.ts';
import { emptyError, functionClause, keyError, outOfBounds } from './errors.ts';
import { raise } from '../errors.ts';
import { protocolUndefined } from '../errors.ts';
import { chars } from './values.ts';
import { enumToArray, fromArray } from './enumerable.ts';
import { sortedList } from './enum.ts';

const DESC = atom('desc');
const MAX = atom('max');

function pairsOf(list: Term): [Term, Term][] {
  return enumToArray(list).map((p) => {
    const e = (p as Tuple).elements;
    return [e[0] as Term, e[1] as Term];
  });
}

export const nativeBifs = defineBifs('stdlib_native', {
  'empty_error/0': () => emptyError(),
  'out_of_bounds/0': () => outOfBounds(),
  'not_enumerable/1': (a) => {
    throw protocolUndefined('Enumerable', at(a, 0));
  },
  'key_error/2': (a) => keyError(at(a, 0), at(a, 1)),
  // As List.keyfind!/3 raises it: `raise KeyError, message: ..., key: key, term: list`.
  'raise_key_error/3': (a) => raise('KeyError', chars(at(a, 0)).text ?? '', [['key', at(a, 1)], ['term', at(a, 2)], ['message', at(a, 0)]]),
  'function_clause/3': (a) => functionClause((at(a, 0) as Atom).name.replace(/^Elixir\./, ''), (at(a, 1) as Atom).name, at(a, 2) as number),
  'sort/2': (a, ctx) => sortedList(ctx, at(a, 0), at(a, 1) === DESC),
  'sort_keyed/2': (a) => {
    const pairs = pairsOf(at(a, 0));
    const sign = at(a, 1) === DESC ? -1 : 1;
    pairs.sort((x, y) => sign * compare(x[0], y[0])); // Array.prototype.sort is stable
    return fromArray(pairs.map((p) => p[1]));
  },
  'uniq_keyed/1': (a) => {
    const seen = new Set<unknown>();
    const out: Term[] = [];
    for (const [k, v] of pairsOf(at(a, 0))) {
      const key = mapKey(k);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(v);
      }
    }
    return fromArray(out);
  },
  'dedup_keyed/1': (a) => {
    const out: Term[] = [];
    let last: Term | undefined;
    for (const [k, v] of pairsOf(at(a, 0))) {
      if (out.length === 0 || !strictEquals(last as Term, k)) out.push(v);
      last = k;
    }
    return fromArray(out);
  },
  'extreme_keyed/2': (a) => {
    const pairs = pairsOf(at(a, 0));
    const first = pairs[0];
    if (first === undefined) return emptyError();
    const want = at(a, 1) === MAX ? 1 : -1;
    let best = first;
    for (const p of pairs) if (compare(p[0], best[0]) === want) best = p; // the first extreme wins
    return best[1];
  },
  'group_pairs/1': (a) => {
    const groups = new Map<unknown, [Term, Term[]]>();
    for (const [k, v] of pairsOf(at(a, 0))) {
      const key = mapKey(k);
      const g = groups.get(key);
      if (g === undefined) groups.set(key, [k, [v]]);
      else g[1].push(v);
    }
    return mapFromPairs(Array.from(groups.values(), ([k, vs]) => [k, fromArray(vs)] as const));
  },
}, true); // control: sort/2 traps (walk.ts)
