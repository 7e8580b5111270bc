/**
 * Enum functions that call no user code, as TS BIFs (fast, and inlinable by the VM). The ones
 * that take funs live in prelude/enum.ts, in Elixir, so user funs run preemptibly on the VM.
 */
import { atom, Binary, bool, Cons, NIL, NIL_ATOM, Tuple, type Term } from '../../term/types.ts';
import { strictEquals } from '../../term/equality.ts';
import { compare } from '../../term/order.ts';
import { mapKey } from '../../term/hash.ts';
import { EMPTY_MAP, mapPutMany } from '../../term/map.ts';
import { pairsOfEnum } from './map.ts';
import { emptyError, functionClause, outOfBounds } from './errors.ts';
import { protocolUndefined } from '../errors.ts';
import { isStruct } from '../structs.ts';
import { enumCount, enumToArray, enumToList, fromArray, rangeAt, rangeMember, rangeParts, rangeSize, type RangeParts } from './enumerable.ts';
import { buildList, forEach, itemsOf, smallList, sortItems, STEP, visitAll, walk, type Walk } from './walk.ts';
import { add, chars, concatBinaries, isBinary, isTruthy, mul } from './values.ts';
import { at as arg, defineBifs } from './define.ts';
import type { BifContext, BifFn } from '../builtins.ts';

const DISCARD = atom('discard');

function intArg(a: readonly Term[], i: number, name: string, arity: number): number {
  const v = a[i];
  if (typeof v !== 'number') return functionClause('Enum', name, arity);
  return v;
}

/**
 * `Enum.at`/`fetch`: `then(element)`, or `then(undefined)` when out of range. Negative indexes
 * count from the end: a list's length is needed first, so it is walked twice.
 */
function elementAt(ctx: BifContext, e: Term, i: number, then: (x: Term | undefined) => Term): Term {
  const r = rangeParts(e);
  if (r !== null) {
    const n = rangeSize(r);
    const j = i < 0 ? n + i : i;
    return then(j >= 0 && j < n ? rangeAt(r, j) : undefined);
  }
  if (i < 0) return count(ctx, e, (n) => (n + i < 0 ? then(undefined) : elementAt(ctx, e, n + i, then)));
  let found: Term | undefined;
  let k = 0;
  return visitAll(ctx, e, (x) => (k++ === i ? ((found = x), true) : false), () => then(found));
}

function memberOf(ctx: BifContext, e: Term, x: Term): Term {
  const r = rangeParts(e);
  if (r !== null) return bool(rangeMember(r, x));
  if (typeof e === 'object' && e.kind === 'map' && !isStruct(e)) {
    // Map membership (a struct goes through its Enumerable, as a Date.Range does) is by {key, value} tuple, with the value compared exactly.
    if (typeof x !== 'object' || x.kind !== 'tuple' || x.size !== 2) return bool(false);
  }
  let found = false;
  return visitAll(ctx, e, (y) => (found = strictEquals(x, y)), () => bool(found));
}

/** `first..last//step` summed without walking it (as Elixir's Enum.sum/1 does for ranges). */
function rangeSum(r: RangeParts): Term {
  const n = BigInt(rangeSize(r));
  if (n === 0n) return 0;
  const s = n * BigInt(r.first) + (BigInt(r.step) * n * (n - 1n)) / 2n;
  return add(s, 0);
}

function fold(ctx: BifContext, e: Term, acc: Term, f: (acc: Term, x: Term) => Term): Term {
  return visitAll(ctx, e, (x) => void (acc = f(acc, x)), () => acc);
}

/** Stable sort in term order; `desc` keeps equal elements in their original order, as Elixir does. */
export function* sortTerms(items: Term[], desc: boolean): Walk<Term[]> {
  return yield* sortItems(items, desc ? (x, y) => compare(y, x) : (x, y) => compare(x, y));
}

/** Enum.max/min: the first of equal extremes wins. A range's are its ends. */
function extreme(ctx: BifContext, e: Term, sign: 1 | -1, then: (x: Term) => Term = (x) => x): Term {
  const r = rangeParts(e);
  if (r !== null && rangeSize(r) > 0) {
    const ends = [r.first, rangeAt(r, rangeSize(r) - 1)];
    return then(sign === 1 ? Math.max(...ends) : Math.min(...ends));
  }
  let best: Term | undefined;
  return visitAll(ctx, e, (x) => void (best === undefined || compare(x, best) === sign ? (best = x) : 0), () => then(best ?? emptyError()));
}

/** An enumerable's elements as a sorted list (a short list is sorted at once). */
export function sortedList(ctx: BifContext, e: Term, desc: boolean): Term {
  const small = smallList(e);
  if (small !== null) return fromArray(small.sort(desc ? (x, y) => compare(y, x) : compare));
  return walk(ctx, sortWalk(e, desc));
}

function* sortWalk(e: Term, desc: boolean): Walk<Term> {
  return yield* buildList(yield* sortTerms(yield* itemsOf(e), desc));
}

function join(ctx: BifContext, e: Term, joiner: Term): Term {
  if (!isBinary(joiner)) return functionClause('Enum', 'join', 2);
  const parts: Binary[] = [];
  const visit = (x: Term) => {
    if (parts.length > 0) parts.push(joiner);
    parts.push(chars(x));
  };
  return visitAll(ctx, e, visit, () => concatBinaries(parts));
}

function* toList(e: Term): Walk<Term> {
  if (typeof e === 'object' && (e.kind === 'nil' || e.kind === 'cons')) return e;
  const r = rangeParts(e);
  if (r === null) return enumToList(e);
  let l: Term = NIL;
  for (let i = rangeSize(r) - 1, n = STEP; i >= 0; i--) {
    l = new Cons(rangeAt(r, i), l);
    if (--n === 0) {
      n = STEP;
      yield;
    }
  }
  return l;
}

function count(ctx: BifContext, e: Term, then: (n: number) => Term = (n) => n): Term {
  if (typeof e !== 'object' || e.kind !== 'cons') return then(enumCount(e));
  let n = 0;
  return visitAll(ctx, e, () => void n++, () => then(n));
}

function* take(e: Term, n: number): Walk<Term> {
  if (n < 0) {
    const items = yield* itemsOf(e);
    return yield* buildList(items.slice(Math.max(0, items.length + n)));
  }
  const out: Term[] = [];
  if (n > 0) yield* forEach(e, (x) => out.push(x) >= n);
  return yield* buildList(out);
}

function reverse(ctx: BifContext, e: Term, tail: Term): Term {
  let l = tail;
  return visitAll(ctx, e, (x) => void (l = new Cons(x, l)), () => l);
}

function drop(items: readonly Term[], n: number): Term[] {
  return n >= 0 ? items.slice(n) : items.slice(0, Math.max(0, items.length + n));
}

function* chunkEvery(e: Term, count: Term, step: Term, leftover: Term): Walk<Term> {
  if (typeof count !== 'number' || count <= 0 || typeof step !== 'number' || step <= 0) {
    return functionClause('Enum', 'chunk_every', 4);
  }
  const items = yield* itemsOf(e);
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
  return yield* buildList(out);
}

function slice(items: readonly Term[], start: number, amount: number): Term[] {
  const s = start < 0 ? Math.max(0, items.length + start) : start;
  return items.slice(s, s + amount);
}

function* sliceRange(e: Term, range: Term): Walk<Term> {
  const r = rangeParts(range);
  if (r === null) return functionClause('Enum', 'slice', 2);
  const items = yield* itemsOf(e);
  const n = items.length;
  let first = r.first < 0 ? Math.max(0, n + r.first) : r.first;
  const last = r.last < 0 ? n + r.last : r.last;
  const step = r.step < 0 ? 1 : r.step; // 1.14: a decreasing range slices nothing (first > last below)
  if (r.step < 0 && r.first > r.last) return NIL;
  const out: Term[] = [];
  for (; first <= last && first < n; first += step) out.push(items[first] as Term);
  return yield* buildList(out);
}

function* into(e: Term, target: Term): Walk<Term> {
  if (typeof target === 'object' && (target.kind === 'nil' || target.kind === 'cons')) {
    const head = yield* itemsOf(target);
    return yield* buildList(head, yield* toList(e));
  }
  if (typeof target === 'object' && target.kind === 'map' && rangeParts(target) === null) {
    return mapPutMany(target, yield* pairsOfEnum(e));
  }
  throw protocolUndefined('Collectable', target);
}

function* zipLists(lists: Term[]): Walk<Term> {
  if (lists.length === 0) return NIL;
  const arrays: Term[][] = [];
  for (const l of lists) arrays.push(yield* itemsOf(l));
  const n = Math.min(...arrays.map((l) => l.length));
  const out: Term[] = [];
  for (let i = 0; i < n; i++) out.push(new Tuple(arrays.map((l) => l[i] as Term)));
  return yield* buildList(out);
}

function* uniq(e: Term): Walk<Term> {
  const seen = new Set<unknown>();
  const out: Term[] = [];
  yield* forEach(e, (x) => {
    const k = mapKey(x);
    if (seen.has(k)) return;
    seen.add(k);
    out.push(x);
  });
  return yield* buildList(out);
}

function* dedup(e: Term): Walk<Term> {
  const out: Term[] = [];
  yield* forEach(e, (x) => void (out.length === 0 || !strictEquals(out[out.length - 1] as Term, x) ? out.push(x) : 0));
  return yield* buildList(out);
}

function* frequencies(e: Term): Walk<Term> {
  const counts = new Map<unknown, [Term, number]>();
  yield* forEach(e, (x) => {
    const k = mapKey(x);
    const c = counts.get(k);
    if (c === undefined) counts.set(k, [x, 1]);
    else c[1]++;
  });
  return mapPutMany(EMPTY_MAP, Array.from(counts.values(), ([k, n]) => [k, n] as const));
}

/** A BIF from a walk of its arguments (see walk.ts). */
const walking = (w: (a: readonly Term[]) => Walk<Term>): BifFn => (a, ctx) => walk(ctx, w(a));

// Every Enum BIF may walk a big collection, so all are `control` (never inlined): they trap.
export const enumBifs = defineBifs('Elixir.Enum', {
  'to_list/1': (a, ctx) => {
    const e = arg(a, 0);
    return typeof e === 'object' && (e.kind === 'nil' || e.kind === 'cons') ? e : walk(ctx, toList(e));
  },
  'count/1': (a, ctx) => count(ctx, arg(a, 0)),
  'member?/2': (a, ctx) => memberOf(ctx, arg(a, 0), arg(a, 1)),
  'empty?/1': (a) => {
    const e = arg(a, 0);
    return bool(typeof e === 'object' && e.kind === 'cons' ? false : enumCount(e) === 0);
  },
  'reverse/1': (a, ctx) => reverse(ctx, arg(a, 0), NIL),
  'reverse/2': (a, ctx) => {
    const tail = arg(a, 1);
    if (typeof tail === 'object' && (tail.kind === 'nil' || tail.kind === 'cons')) return reverse(ctx, arg(a, 0), tail);
    // A range or map as the tail (rare): built first.
    return walk(ctx, (function* () {
      let l = yield* toList(tail);
      yield* forEach(arg(a, 0), (x) => void (l = new Cons(x, l)));
      return l;
    })());
  },
  'sum/1': (a, ctx) => {
    const r = rangeParts(arg(a, 0));
    return r !== null ? rangeSum(r) : fold(ctx, arg(a, 0), 0, add);
  },
  'product/1': (a, ctx) => fold(ctx, arg(a, 0), 1, mul),
  'sort/1': (a, ctx) => sortedList(ctx, arg(a, 0), false),
  'max/1': (a, ctx) => extreme(ctx, arg(a, 0), 1),
  'min/1': (a, ctx) => extreme(ctx, arg(a, 0), -1),
  'join/1': (a, ctx) => join(ctx, arg(a, 0), Binary.fromString('')),
  'join/2': (a, ctx) => join(ctx, arg(a, 0), arg(a, 1)),
  'at/2': (a, ctx) => elementAt(ctx, arg(a, 0), intArg(a, 1, 'at', 3), (x) => x ?? NIL_ATOM),
  'at/3': (a, ctx) => elementAt(ctx, arg(a, 0), intArg(a, 1, 'at', 3), (x) => x ?? arg(a, 2)),
  'fetch/2': (a, ctx) => elementAt(ctx, arg(a, 0), intArg(a, 1, 'fetch', 2), (x) => (x === undefined ? atom('error') : new Tuple([atom('ok'), x]))),
  'fetch!/2': (a, ctx) => elementAt(ctx, arg(a, 0), intArg(a, 1, 'fetch!', 2), (x) => x ?? outOfBounds()),
  'take/2': walking((a) => take(arg(a, 0), intArg(a, 1, 'take', 2))),
  'drop/2': walking(function* (a) {
    return yield* buildList(drop(yield* itemsOf(arg(a, 0)), intArg(a, 1, 'drop', 2)));
  }),
  'split/2': walking(function* (a) {
    const items = yield* itemsOf(arg(a, 0));
    const n = intArg(a, 1, 'split', 2);
    const at = n >= 0 ? Math.min(n, items.length) : Math.max(0, items.length + n);
    return new Tuple([yield* buildList(items.slice(0, at)), yield* buildList(items.slice(at))]);
  }),
  'slice/2': walking((a) => sliceRange(arg(a, 0), arg(a, 1))),
  'slice/3': walking(function* (a) {
    const start = arg(a, 1);
    const amount = arg(a, 2);
    if (typeof start !== 'number' || typeof amount !== 'number' || amount < 0) return functionClause('Enum', 'slice', 3);
    return yield* buildList(slice(yield* itemsOf(arg(a, 0)), start, amount));
  }),
  'zip/1': walking(function* (a) {
    return yield* zipLists(yield* itemsOf(arg(a, 0)));
  }),
  'zip/2': walking((a) => zipLists([arg(a, 0), arg(a, 1)])),
  'concat/1': walking(function* (a) {
    const out: Term[] = [];
    for (const l of yield* itemsOf(arg(a, 0))) for (const x of yield* itemsOf(l)) out.push(x);
    return yield* buildList(out);
  }),
  'concat/2': walking(function* (a) {
    return yield* buildList(yield* itemsOf(arg(a, 0)), yield* toList(arg(a, 1)));
  }),
  'uniq/1': walking((a) => uniq(arg(a, 0))),
  'dedup/1': walking((a) => dedup(arg(a, 0))),
  'frequencies/1': walking((a) => frequencies(arg(a, 0))),
  'chunk_every/2': walking((a) => chunkEvery(arg(a, 0), arg(a, 1), arg(a, 1), NIL)),
  'chunk_every/3': walking((a) => chunkEvery(arg(a, 0), arg(a, 1), arg(a, 2), NIL)),
  'chunk_every/4': walking((a) => chunkEvery(arg(a, 0), arg(a, 1), arg(a, 2), arg(a, 3))),
  'into/2': walking((a) => into(arg(a, 0), arg(a, 1))),
  'any?/1': (a, ctx) => {
    let any = false;
    return visitAll(ctx, arg(a, 0), (x) => (any = isTruthy(x)), () => bool(any));
  },
  'all?/1': (a, ctx) => {
    let all = true;
    return visitAll(ctx, arg(a, 0), (x) => !(all = isTruthy(x)), () => bool(all));
  },
  'take_every/2': walking(function* (a) {
    const n = intArg(a, 1, 'take_every', 2);
    if (n < 0) return functionClause('Enum', 'take_every', 2);
    if (n === 0) return NIL;
    const out: Term[] = [];
    let i = 0;
    yield* forEach(arg(a, 0), (x) => void (i++ % n === 0 ? out.push(x) : 0));
    return yield* buildList(out);
  }),
  'min_max/1': (a, ctx) => extreme(ctx, arg(a, 0), -1, (min) => extreme(ctx, arg(a, 0), 1, (max) => new Tuple([min, max]))),
}, true).map((b) => (b.name === 'member?' && b.arity === 2 ? { ...b, small: memberSmall } : b));

/**
 * Enum.member?/2 on a range or a short proper list, inline: `x in list` in a body compiles to
 * it, and this keeps that as cheap as it was inline. Structs, maps and long lists take the call.
 */
function memberSmall(a: readonly Term[]): Term | undefined {
  const [e, x] = [arg(a, 0), arg(a, 1)];
  const r = rangeParts(e);
  if (r !== null) return bool(rangeMember(r, x));
  let l = e;
  for (let n = 0; n < STEP && typeof l === 'object' && l.kind === 'cons'; n++, l = l.tail) if (strictEquals(x, l.head)) return bool(true);
  return typeof l === 'object' && l.kind === 'nil' ? bool(false) : undefined;
}
