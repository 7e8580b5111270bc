/**
 * `length/1`, `++` and `--` as trapping BIFs (BEAM's have trapped since OTP 21): a list of up
 * to STEP elements is done in one plain call; a longer one is walked STEP elements at a time
 * (walk.ts), so a 10-million-element `length` never holds the scheduler for more than a slice.
 *
 * Guards call the inline, non-trapping versions (ops.ts and `listLength`): a guard cannot yield.
 *
 * `a -- b` on big lists counts b's elements in a multiset keyed as map keys are (`===`, as `--`
 * compares), instead of searching `a` once per element of `b`: linear, not quadratic. Removing
 * the first occurrence in `a` of each element of `b` in turn removes, for each value, its first
 * k occurrences, k being how often `b` holds it: the multiset gives the same list.
 */
import { NIL, type Term } from '../../term/types.ts';
import { mapKey } from '../../term/hash.ts';
import { listLength } from '../../term/list.ts';
import type { Bif, BifContext, BifFn, BuiltinModule } from '../builtins.ts';
import { BADARG, OpError, append, subtract } from '../ops.ts';
import { badargAt } from '../bifs-kernel.ts';
import { buildList, forEach, REDS_PER_STEP, smallList, STEP, walk, type Walk } from './walk.ts';

const isList = (t: Term): boolean => typeof t === 'object' && (t.kind === 'cons' || t.kind === 'nil');

/** `length(list)`: counts STEP cells per call, trapping between. */
export function lengthOf([x]: readonly Term[], ctx: BifContext): Term {
  return countFrom(ctx, x as Term, 0);
}

function countFrom(ctx: BifContext, l: Term, n: number): Term {
  for (let k = STEP; k > 0 && typeof l === 'object' && l.kind === 'cons'; k--, n++) l = l.tail;
  if (l === NIL) return n;
  if (typeof l !== 'object' || l.kind !== 'cons') return badargAt(0, 'not a list');
  return ctx.trap(REDS_PER_STEP, resumeCount(ctx, l, n));
}

// A closure of its own, so a call that does not trap allocates none (see walk.ts).
function resumeCount(ctx: BifContext, l: Term, n: number): () => Term {
  return () => countFrom(ctx, l, n);
}

/** `a ++ b`: a short `a` in one call, a long one copied in steps. */
export function appendBif([a, b]: readonly Term[], ctx: BifContext): Term {
  const x = a as Term, y = b as Term;
  if (!isList(x) || smallList(x) !== null) return append(x, y);
  return walk(ctx, appendWalk(x, y));
}

function* appendWalk(a: Term, b: Term): Walk<Term> {
  const items = yield* listItems(a, '++', a, b);
  return yield* buildList(items, b);
}

/** Element pairs compared in one call of `--` before it walks in steps instead. */
const SMALL_WORK = 4 * STEP;

/** `a -- b`: small lists as before (quadratic but tiny), big ones through a multiset, in steps. */
export function subtractBif([a, b]: readonly Term[], ctx: BifContext): Term {
  const x = a as Term, y = b as Term;
  if (!isList(x) || !isList(y)) return subtract(x, y);
  const xs = smallList(x), ys = smallList(y);
  if (xs !== null && ys !== null && xs.length * ys.length <= SMALL_WORK) return subtract(x, y);
  return walk(ctx, subtractWalk(x, y));
}

function* subtractWalk(a: Term, b: Term): Walk<Term> {
  const items = yield* listItems(a, '--', a, b);
  const removed = yield* listItems(b, '--', a, b);
  const counts = new Map<unknown, number>();
  let n = STEP;
  for (const t of removed) {
    const k = mapKey(t);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    if (--n === 0) {
      n = STEP;
      yield;
    }
  }
  const kept: Term[] = [];
  for (const t of items) {
    const k = mapKey(t);
    const c = counts.get(k);
    if (c === undefined) kept.push(t);
    else if (c === 1) counts.delete(k);
    else counts.set(k, c - 1);
    if (--n === 0) {
      n = STEP;
      yield;
    }
  }
  return yield* buildList(kept);
}

/** The elements of the proper list `l`, or `op`'s badarg on `[a, b]` (as ops.ts raises it). */
function* listItems(l: Term, op: string, a: Term, b: Term): Walk<Term[]> {
  const out: Term[] = [];
  const end = yield* forEach(l, (x) => void out.push(x));
  if (end !== NIL) throw new OpError(BADARG, 'erlang', op, [a, b]);
  return out;
}

/** Kernel.name and :erlang.name: trapping in a body (small inputs inline), `guard` in guards. */
function both(name: string, arity: number, fn: BifFn, small: NonNullable<Bif['small']>, guard: BifFn): Bif[] {
  return ['Elixir.Kernel', 'erlang'].map((module) => ({ module, name, arity, fn, control: true, small, guard }));
}

/** `length` of a list of at most STEP cells, else undefined (see Bif.small). */
function smallLength([x]: readonly Term[]): Term | undefined {
  let l = x as Term, n = 0;
  for (; n <= STEP && typeof l === 'object' && l.kind === 'cons'; n++) l = l.tail;
  if (l === NIL) return n;
  return typeof l === 'object' && l.kind === 'cons' ? undefined : badargAt(0, 'not a list');
}

// `++` and `--`: the BIF's own one-call case, or undefined where it would trap.
const noTrap = { trap: (): Term => TOO_BIG } as unknown as BifContext;
const TOO_BIG = {} as Term;
const smallOf = (fn: BifFn) => (args: readonly Term[]): Term | undefined => {
  const v = fn(args, noTrap);
  return v === TOO_BIG ? undefined : v;
};

export const listOpsModule: BuiltinModule = { name: 'list-ops', bifs: [
  ...both('length', 1, lengthOf, smallLength, ([x]) => { const n = listLength(x as Term); return n < 0 ? badargAt(0, 'not a list') : n; }),
  ...both('++', 2, appendBif, smallOf(appendBif), ([a, b]) => append(a as Term, b as Term)),
  ...both('--', 2, subtractBif, smallOf(subtractBif), ([a, b]) => subtract(a as Term, b as Term)),
] };
