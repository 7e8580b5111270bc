/**
 * Erlang's `:lists` and `:maps` (the parts Elixir code calls directly). Pure functions are TS;
 * the ones taking funs are control BIFs that continue in the Enum prelude (`ctx.tailCallMfa`),
 * since Erlang-named modules cannot be written in the Elixir prelude (`defmodule :lists` is not
 * in the language subset). Errors are the FunctionClauseError/BadMapError/KeyError BEAM raises.
 */
import { atom, bool, Cons, NIL, OK, ERROR, Tuple, type MapTerm, type Term } from '../../term/types.ts';
import { strictEquals } from '../../term/equality.ts';
import { compare } from '../../term/order.ts';
import { mapDelete, mapFromPairs, mapGet, mapHas, mapKeys, mapPairs, mapPut, mapPutMany, mapValues } from '../../term/map.ts';
import { at, defineBifs } from './define.ts';
import { badarg, badMap, functionClause, keyError } from './errors.ts';
import { sortTerms } from './enum.ts';
import { fromArray } from './enumerable.ts';
import { add, isList } from './values.ts';
import { buildList, properItems, smallList, STEP, visitAll, walk, type Walk } from './walk.ts';
import type { BifContext, BifFn } from '../builtins.ts';

const ENUM = atom('Elixir.Enum');

/** Elements of a proper list, or a FunctionClauseError in `:lists.name/arity`. */
export function properList(t: Term, name: string, arity: number, module = 'lists'): Term[] {
  const out: Term[] = [];
  while (typeof t === 'object' && t.kind === 'cons') {
    out.push(t.head);
    t = t.tail;
  }
  if (t !== NIL) return functionClause(module, name, arity);
  return out;
}

function flatten(t: Term, tail: Term): Term {
  const out: Term[] = [];
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let l = stack.pop() as Term;
    while (typeof l === 'object' && l.kind === 'cons') {
      const h = l.head;
      if (isList(h)) {
        stack.push(l.tail);
        l = h;
        continue;
      }
      out.push(h);
      l = l.tail;
    }
  }
  return fromArray(out, tail);
}

function* seq(from: Term, to: Term, step: Term, arity: number): Walk<Term> {
  if (typeof from !== 'number' || typeof to !== 'number' || typeof step !== 'number') return functionClause('lists', 'seq', arity);
  if ((step > 0 && to < from - step) || (step < 0 && to > from - step) || (step === 0 && from !== to)) {
    return functionClause('lists', 'seq', arity);
  }
  if (step === 0) return fromArray([from]);
  // Built from the last element down, so no array is needed.
  const count = Math.floor((to - from) / step) + 1;
  let l: Term = NIL;
  for (let i = count - 1, n = STEP; i >= 0; i--) {
    l = new Cons(from + i * step, l);
    if (--n === 0) {
      n = STEP;
      yield;
    }
  }
  return l;
}

function reverse(ctx: BifContext, t: Term, tail: Term, arity: number): Term {
  if (typeof t !== 'object' || (t.kind !== 'cons' && t.kind !== 'nil')) return functionClause('lists', 'reverse', arity);
  let l = tail;
  return visitAll(ctx, t, (x) => void (l = new Cons(x, l)), (end) => (end === NIL ? l : functionClause('lists', 'reverse', arity)));
}

/** A BIF from a walk of its arguments (see walk.ts). */
const walking = (w: (a: readonly Term[]) => Walk<Term>): BifFn => (a, ctx) => walk(ctx, w(a));

// The functions that walk a list trap (walk.ts), so the table is `control` (never inlined).
export const listsBifs = defineBifs('lists', {
  'reverse/1': (a, ctx) => reverse(ctx, at(a, 0), NIL, 1),
  'reverse/2': (a, ctx) => reverse(ctx, at(a, 0), at(a, 1), 2),
  'seq/2': walking((a) => seq(at(a, 0), at(a, 1), 1, 2)),
  'seq/3': walking((a) => seq(at(a, 0), at(a, 1), at(a, 2), 3)),
  'sort/1': (a, ctx) => {
    const small = smallList(at(a, 0));
    if (small !== null) return fromArray(small.sort(compare));
    return walk(ctx, (function* () {
      return yield* buildList(yield* sortTerms(yield* properItems(at(a, 0), 'sort', 1), false));
    })());
  },
  'member/2': (a, ctx) => {
    let found = false;
    if (!isList(at(a, 1))) return functionClause('lists', 'member', 2);
    const finish = (end: Term) => (found ? bool(true) : end === NIL ? bool(false) : functionClause('lists', 'member', 2));
    return visitAll(ctx, at(a, 1), (x) => (found = strictEquals(x, at(a, 0))), finish);
  },
  'keyfind/3': keyfind,
  'keymember/3': (a) => bool(keyfind(a) !== bool(false)),
  'nth/2': (a) => {
    const n = at(a, 0);
    const items = properList(at(a, 1), 'nth', 2);
    if (typeof n !== 'number' || n < 1 || n > items.length) return functionClause('lists', 'nth', 2);
    return items[n - 1] as Term;
  },
  'sum/1': walking(function* (a) {
    let acc: Term = 0;
    for (const x of yield* properItems(at(a, 0), 'sum', 1)) acc = add(acc, x);
    return acc;
  }),
  'append/1': (a) => {
    const lists = properList(at(a, 0), 'append', 1);
    const last = lists.pop() ?? NIL;
    return fromArray(lists.flatMap((l) => properList(l, 'append', 1)), last);
  },
  'append/2': walking(function* (a) {
    return yield* buildList(yield* properItems(at(a, 0), 'append', 2), at(a, 1));
  }),
  'flatten/1': (a) => (isList(at(a, 0)) ? flatten(at(a, 0), NIL) : functionClause('lists', 'flatten', 1)),
  'flatten/2': (a) => (isList(at(a, 0)) ? flatten(at(a, 0), at(a, 1)) : functionClause('lists', 'flatten', 2)),
  'delete/2': (a) => {
    const items = properList(at(a, 1), 'delete', 2);
    const i = items.findIndex((x) => strictEquals(x, at(a, 0)));
    if (i >= 0) items.splice(i, 1);
    return fromArray(items);
  },
  'duplicate/2': walking((a) => duplicate(at(a, 1), at(a, 0))),
  'zip/2': (a) => {
    const xs = properList(at(a, 0), 'zip', 2);
    const ys = properList(at(a, 1), 'zip', 2);
    if (xs.length !== ys.length) return functionClause('lists', 'zip', 2);
    return fromArray(xs.map((x, i) => new Tuple([x, ys[i] as Term])));
  },
  'last/1': walking(function* (a) {
    const items = yield* properItems(at(a, 0), 'last', 1);
    return items.length === 0 ? functionClause('lists', 'last', 1) : (items[items.length - 1] as Term);
  }),
  'max/1': walking(function* (a) {
    return extremeOf(yield* properItems(at(a, 0), 'max', 1), 1, 'max');
  }),
  'min/1': walking(function* (a) {
    return extremeOf(yield* properItems(at(a, 0), 'min', 1), -1, 'min');
  }),
  'usort/1': walking(function* (a) {
    const sorted = yield* sortTerms(yield* properItems(at(a, 0), 'usort', 1), false);
    return yield* buildList(sorted.filter((x, i) => i === 0 || !strictEquals(sorted[i - 1] as Term, x)));
  }),
  'split/2': (a) => {
    const n = at(a, 0);
    const items = properList(at(a, 1), 'split', 2);
    if (typeof n !== 'number' || n < 0 || n > items.length) return functionClause('lists', 'split', 2);
    return new Tuple([fromArray(items.slice(0, n)), fromArray(items.slice(n))]);
  },
  'sublist/2': (a) => fromArray(properList(at(a, 0), 'sublist', 2).slice(0, Math.max(0, at(a, 1) as number))),
  'subtract/2': (a) => subtract(properList(at(a, 0), 'subtract', 2), properList(at(a, 1), 'subtract', 2)),
}, true);

/** `:lists.keyfind(key, n, list)`: the first tuple whose n-th element is exactly `key`, else false. */
export function keyfind(a: readonly Term[]): Term {
  const n = at(a, 1);
  if (typeof n !== 'number' || n < 1) return functionClause('lists', 'keyfind', 3);
  for (const x of properList(at(a, 2), 'keyfind', 3)) {
    if (typeof x === 'object' && x.kind === 'tuple' && x.size >= n && strictEquals(x.elements[n - 1] as Term, at(a, 0))) return x;
  }
  return bool(false);
}

function extremeOf(items: Term[], sign: 1 | -1, name: string): Term {
  if (items.length === 0) return functionClause('lists', name, 1);
  let best = items[0] as Term;
  for (const x of items) if (compare(x, best) === sign) best = x;
  return best;
}

/** `List.duplicate(x, n)` / `:lists.duplicate(n, x)`, built without an array. */
export function* duplicate(x: Term, n: Term): Walk<Term> {
  if (typeof n !== 'number' || n < 0) return functionClause('lists', 'duplicate', 2);
  let l: Term = NIL;
  for (let i = 0, k = STEP; i < n; i++) {
    l = new Cons(x, l);
    if (--k === 0) {
      k = STEP;
      yield;
    }
  }
  return l;
}

/** `a -- b`: removes the first occurrence of each element of b (exact match). */
export function subtract(a: Term[], b: readonly Term[]): Term {
  for (const y of b) {
    const i = a.findIndex((x) => strictEquals(x, y));
    if (i >= 0) a.splice(i, 1);
  }
  return fromArray(a);
}

/** Higher-order `:lists` functions continue in the Enum prelude (fun argument moved last). */
export const listsHigherOrderBifs = defineBifs(
  'lists',
  {
    'map/2': (a, ctx) => ctx.tailCallMfa(ENUM, atom('map'), [at(a, 1), at(a, 0)]),
    'foreach/2': (a, ctx) => ctx.tailCallMfa(ENUM, atom('each'), [at(a, 1), at(a, 0)]),
    'filter/2': (a, ctx) => ctx.tailCallMfa(ENUM, atom('filter'), [at(a, 1), at(a, 0)]),
    'any/2': (a, ctx) => ctx.tailCallMfa(ENUM, atom('any?'), [at(a, 1), at(a, 0)]),
    'all/2': (a, ctx) => ctx.tailCallMfa(ENUM, atom('all?'), [at(a, 1), at(a, 0)]),
    'flatmap/2': (a, ctx) => ctx.tailCallMfa(ENUM, atom('flat_map'), [at(a, 1), at(a, 0)]),
    'foldl/3': (a, ctx) => ctx.tailCallMfa(ENUM, atom('reduce'), [at(a, 2), at(a, 1), at(a, 0)]),
    'foldr/3': (a, ctx) =>
      ctx.tailCallMfa(ENUM, atom('reduce'), [fromArray(properList(at(a, 2), 'foldr', 3).reverse()), at(a, 1), at(a, 0)]),
    'sort/2': (a, ctx) => ctx.tailCallMfa(ENUM, atom('sort'), [at(a, 1), at(a, 0)]),
  },
  true,
);

function needMap(t: Term): MapTerm {
  return typeof t === 'object' && t.kind === 'map' ? t : badMap(t);
}

export const mapsBifs = defineBifs('maps', {
  'get/2': (a) => mapGet(needMap(at(a, 1)), at(a, 0)) ?? keyError(at(a, 0), at(a, 1)),
  'get/3': (a) => mapGet(needMap(at(a, 1)), at(a, 0)) ?? at(a, 2),
  'find/2': (a) => {
    const v = mapGet(needMap(at(a, 1)), at(a, 0));
    return v === undefined ? ERROR : new Tuple([OK, v]);
  },
  'put/3': (a) => mapPut(needMap(at(a, 2)), at(a, 0), at(a, 1)),
  'remove/2': (a) => mapDelete(needMap(at(a, 1)), at(a, 0)),
  'is_key/2': (a) => bool(mapHas(needMap(at(a, 1)), at(a, 0))),
  'keys/1': (a) => fromArray(mapKeys(needMap(at(a, 0)))),
  'values/1': (a) => fromArray(mapValues(needMap(at(a, 0)))),
  'size/1': (a) => needMap(at(a, 0)).size,
  'to_list/1': (a) => fromArray(mapPairs(needMap(at(a, 0))).map(([k, v]) => new Tuple([k, v]))),
  'from_list/1': (a) =>
    mapFromPairs(
      properList(at(a, 0), 'from_list', 1, 'maps').map((p) => {
        if (typeof p !== 'object' || p.kind !== 'tuple' || p.size !== 2) return badarg(1, 'not a list of 2-tuples');
        return [p.elements[0] as Term, p.elements[1] as Term] as const;
      }),
    ),
  'merge/2': (a) => mapPutMany(needMap(at(a, 0)), mapPairs(needMap(at(a, 1)))),
  'new/0': () => mapFromPairs([]),
});
