/**
 * Built-ins that walk a collection without holding the scheduler, as BEAM's BIFs trap.
 *
 * Such a BIF is written as a generator (a `Walk`) that does its work in order and says
 * `yield` after about STEP elements. `walk(ctx, w)` runs it: a walk that finishes before its
 * first `yield` (any small collection) returns its result at once; otherwise, at each `yield`,
 * the BIF traps (`ctx.trap`): the VM charges REDS_PER_STEP reductions and calls the rest later,
 * after a yield when the process's budget is spent. So `Enum.reverse` of 10 million elements
 * takes many slices, and every other process on the node runs between them.
 *
 * The helpers below are the usual parts of a walk (`yield*` them): reading an enumerable into
 * an array, building a list from one, counting a list.
 */
import { Cons, NIL, type Term } from '../../term/types.ts';
import type { BifContext } from '../builtins.ts';
import { enumToArray, rangeAt, rangeParts, rangeSize } from './enumerable.ts';
import { functionClause } from './errors.ts';

/** A walking built-in: `yield` after each STEP elements of work, return the result. */
export type Walk<T> = Generator<void, T, void>;

/** Elements a walk handles between two yields. */
export const STEP = 1000;
/**
 * Reductions charged per STEP: one per 4 elements, about what walking or consing that many
 * costs beside one function call of the VM (a reduction).
 */
export const REDS_PER_STEP = STEP / 4;

/** Runs a walking BIF: the result, or a trap that carries on with the rest. */
export function walk(ctx: BifContext, w: Walk<Term>): Term {
  const r = w.next();
  if (r.done === true) return r.value;
  return ctx.trap(REDS_PER_STEP, () => walk(ctx, w));
}

/**
 * Calls `visit` on each element of an enumerable (list, range, map as `{k, v}`) in order,
 * without building an array; stops early when `visit` returns true. Returns the list's tail
 * where the walk stopped: `[]` after a whole proper list, the improper tail otherwise (callers
 * that need a proper list check it), and `[]` for ranges and maps.
 */
export function* forEach(t: Term, visit: (x: Term) => boolean | void): Walk<Term> {
  if (typeof t === 'object' && t.kind === 'cons') {
    let l: Term = t;
    let n = STEP;
    while (typeof l === 'object' && l.kind === 'cons') {
      if (visit(l.head) === true) return l;
      l = l.tail;
      if (--n === 0) {
        n = STEP;
        yield;
      }
    }
    return l;
  }
  const r = rangeParts(t);
  if (r !== null) {
    const size = rangeSize(r);
    for (let i = 0, n = STEP; i < size; i++) {
      if (visit(rangeAt(r, i)) === true) break;
      if (--n === 0) {
        n = STEP;
        yield;
      }
    }
    return NIL;
  }
  for (const x of enumToArray(t)) if (visit(x) === true) break; // [] or a map's pairs, else Protocol.UndefinedError
  return NIL;
}

/** The elements of an enumerable, as an array. */
export function* itemsOf(t: Term): Walk<Term[]> {
  const out: Term[] = [];
  yield* forEach(t, (x) => void out.push(x));
  return out;
}

/** The elements of a proper list, or a FunctionClauseError in `module.name/arity` (as properList). */
export function* properItems(t: Term, name: string, arity: number, module = 'lists'): Walk<Term[]> {
  if (typeof t !== 'object' || (t.kind !== 'cons' && t.kind !== 'nil')) return functionClause(module, name, arity);
  const out: Term[] = [];
  const end = yield* forEach(t, (x) => void out.push(x));
  return end === NIL ? out : functionClause(module, name, arity);
}

/** `[items... | tail]`, built from the end. */
export function* buildList(items: readonly Term[], tail: Term = NIL): Walk<Term> {
  let l: Term = tail;
  for (let i = items.length - 1, n = STEP; i >= 0; i--) {
    l = new Cons(items[i] as Term, l);
    if (--n === 0) {
      n = STEP;
      yield;
    }
  }
  return l;
}

/** The length of a proper list, or -1 for anything else (an improper list too). */
export function* lengthOf(t: Term): Walk<number> {
  if (typeof t !== 'object' || (t.kind !== 'cons' && t.kind !== 'nil')) return -1;
  let n = 0;
  const end = yield* forEach(t, () => void n++);
  return end === NIL ? n : -1;
}

/**
 * A stable sort in steps: runs of STEP elements sorted natively, then merged pairwise (the left
 * run first on ties), STEP elements between yields.
 */
export function* sortItems(items: Term[], cmp: (a: Term, b: Term) => number): Walk<Term[]> {
  if (items.length <= STEP) return items.sort(cmp);
  let runs: Term[][] = [];
  for (let i = 0; i < items.length; i += STEP) {
    runs.push(items.slice(i, i + STEP).sort(cmp));
    yield;
  }
  while (runs.length > 1) {
    const next: Term[][] = [];
    for (let k = 0; k < runs.length; k += 2) {
      const a = runs[k] as Term[];
      const b = runs[k + 1];
      next.push(b === undefined ? a : yield* merge(a, b, cmp));
    }
    runs = next;
  }
  return runs[0] as Term[];
}

function* merge(a: Term[], b: Term[], cmp: (a: Term, b: Term) => number): Walk<Term[]> {
  const out: Term[] = [];
  let i = 0, j = 0;
  for (let n = STEP; i < a.length || j < b.length; ) {
    out.push(j >= b.length || (i < a.length && cmp(a[i] as Term, b[j] as Term) <= 0) ? (a[i++] as Term) : (b[j++] as Term));
    if (--n === 0) {
      n = STEP;
      yield;
    }
  }
  return out;
}
