/**
 * Built-ins that walk a collection without holding the scheduler, as BEAM's BIFs trap.
 *
 * A walking BIF does at most STEP elements of work at a time; when more is left, it traps
 * (`ctx.trap`): the VM charges REDS_PER_STEP reductions and calls the rest later, after a yield
 * when the process's budget is spent. So `Enum.reverse` of 10 million elements takes many
 * slices, and every other process on the node runs between them. A small collection is done in
 * the first step, at the cost of a plain call.
 *
 * Two ways to write one:
 *  - `visitAll(ctx, t, visit, finish)`: one pass over an enumerable (sum, count, member?,
 *    reverse, ...), no generator: the cheapest, for the many small calls;
 *  - a generator (a `Walk`) that says `yield` after about STEP elements, run by `walk(ctx, w)`:
 *    for walks in several phases (read into an array, sort, build a list), composed with
 *    `yield*` from the helpers below.
 */
import { Cons, NIL, type Term } from '../../term/types.ts';
import type { BifContext } from '../builtins.ts';
import { enumToArray, rangeAt, rangeParts, rangeSize, type RangeParts } from './enumerable.ts';
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
  return r.done === true ? r.value : ctx.trap(REDS_PER_STEP, resumeWalk(ctx, w));
}

// The closures that resume a walk are made in functions of their own: a closure in walk() or
// runVisit() would make every call allocate its context, trapping or not (3–10× slower calls).
function resumeWalk(ctx: BifContext, w: Walk<Term>): () => Term {
  return () => walk(ctx, w);
}

/**
 * A walk over an enumerable (list, range, map as `{k, v}`), STEP elements at a time, without
 * building an array. After the walk, `end` is the list's tail where it stopped: `[]` after a
 * whole proper list, the improper tail otherwise, the cons cell where `visit` stopped it
 * (callers that need a proper list check it), and `[]` for ranges and maps.
 */
class Cursor {
  end: Term = NIL;
  private l: Term;
  private i = 0;
  private readonly range: RangeParts | null = null;
  private readonly items: readonly Term[] | null = null;

  constructor(t: Term) {
    this.l = t;
    if (typeof t === 'object' && (t.kind === 'cons' || t.kind === 'nil')) return;
    this.range = rangeParts(t);
    // A map's pairs are in memory already; anything else raises Protocol.UndefinedError.
    if (this.range === null) this.items = enumToArray(t);
  }

  /** Calls `visit` on up to STEP elements; true when the walk is over (the end, or `visit` said stop). */
  step(visit: (x: Term) => boolean | void): boolean {
    const items = this.items;
    if (items !== null) {
      for (let n = STEP; n > 0; n--, this.i++) {
        if (this.i >= items.length || visit(items[this.i] as Term) === true) return true;
      }
      return this.i >= items.length;
    }
    const r = this.range;
    if (r !== null) {
      const size = rangeSize(r);
      for (let n = STEP; n > 0; n--, this.i++) {
        if (this.i >= size || visit(rangeAt(r, this.i)) === true) return true;
      }
      return this.i >= size;
    }
    let l = this.l;
    for (let n = STEP; n > 0; n--) {
      if (typeof l !== 'object' || l.kind !== 'cons' || visit(l.head) === true) {
        this.end = l;
        return true;
      }
      l = l.tail;
    }
    this.l = l;
    return false;
  }
}

/**
 * A one-pass BIF: calls `visit` on each element of `t` in order (stopping early when it returns
 * true), trapping every STEP elements, then returns `finish(end)` (see Cursor for `end`).
 * No generator: the cheapest walk for the many small calls.
 */
export function visitAll(ctx: BifContext, t: Term, visit: (x: Term) => boolean | void, finish: (end: Term) => Term): Term {
  return runVisit(ctx, new Cursor(t), visit, finish);
}

function runVisit(ctx: BifContext, c: Cursor, visit: (x: Term) => boolean | void, finish: (end: Term) => Term): Term {
  return c.step(visit) ? finish(c.end) : ctx.trap(REDS_PER_STEP, resumeVisit(ctx, c, visit, finish));
}

function resumeVisit(ctx: BifContext, c: Cursor, visit: (x: Term) => boolean | void, finish: (end: Term) => Term): () => Term {
  return () => runVisit(ctx, c, visit, finish);
}

/** As visitAll, inside a walk: returns `end`. */
export function* forEach(t: Term, visit: (x: Term) => boolean | void): Walk<Term> {
  const c = new Cursor(t);
  while (!c.step(visit)) yield;
  return c.end;
}

/** The elements of a list of at most STEP elements (proper or not), else null: small inputs skip the walk. */
export function smallList(t: Term): Term[] | null {
  const out: Term[] = [];
  let l = t;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) if (out.push(l.head) > STEP) return null;
  return typeof l === 'object' && l.kind === 'nil' ? out : null;
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
  const m = { a, b, cmp, i: 0, j: 0, out: [] as Term[] };
  while (!mergeStep(m)) yield;
  return m.out;
}

/** Merges up to STEP more elements (a plain function: V8 optimises its loop better than a generator's). */
function mergeStep(m: { a: Term[]; b: Term[]; cmp: (a: Term, b: Term) => number; i: number; j: number; out: Term[] }): boolean {
  const { a, b, cmp, out } = m;
  let { i, j } = m;
  for (let n = STEP; n > 0 && (i < a.length || j < b.length); n--) {
    out.push(j >= b.length || (i < a.length && cmp(a[i] as Term, b[j] as Term) <= 0) ? (a[i++] as Term) : (b[j++] as Term));
  }
  m.i = i;
  m.j = j;
  return i >= a.length && j >= b.length;
}
