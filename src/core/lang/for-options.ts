/**
 * What `for`'s options change in the comprehension compileFor builds: `uniq: true` (a result
 * is kept only the first time it appears), `reduce: init` (the body is `acc -> expr` clauses
 * folded over the iterations instead of collected), and the generator source that accepts
 * streams. Kept apart from compileFor so that its loop stays about generators and filters.
 */
import { atom, Cons, type Term } from '../term/types.ts';
import { mapKey } from '../term/hash.ts';
import type { Expr } from './ast.ts';
import { CompileError, type Ctx } from './env.ts';
import { literalValue } from './patterns.ts';
import { inspect } from '../term/inspect.ts';

/** The variable the `reduce:` clauses match the accumulator from: a name no source can write. */
export const FOR_ACC = 'for acc';

export type ForMode = { kind: 'collect'; uniq: boolean } | { kind: 'reduce'; init: Expr; body: Expr };

/** Checks the options as Elixir does at compile time and says how the results are gathered. */
export function forMode(e: Expr & { kind: 'for' }): ForMode {
  let uniq = false;
  if (e.uniq !== null) {
    const v = literalValue(e.uniq);
    if (v !== atom('true') && v !== atom('false')) {
      throw new CompileError(e.pos, `:uniq option for comprehensions only accepts a boolean, got: ${v === undefined ? '...' : inspect(v)}`);
    }
    uniq = v === atom('true');
  }
  if (e.reduce === null) return { kind: 'collect', uniq };
  if (e.into !== null || e.uniq !== null) throw new CompileError(e.pos, 'cannot use :reduce alongside :into/:uniq in comprehension');
  const clauses = e.reduce.clauses;
  if (clauses === null) {
    throw new CompileError(
      e.pos,
      'when using :reduce with comprehensions, the do block must be written using acc -> expr clauses, where each clause expects the accumulator as a single argument',
    );
  }
  const subject: Expr = { kind: 'var', pos: e.pos, name: FOR_ACC };
  return { kind: 'reduce', init: e.reduce.init, body: { kind: 'case', pos: e.pos, subject, clauses } };
}

/** The results seen so far by a `uniq: true` comprehension (kept in a slot, as RangeCursor is). */
export class SeenResults {
  private readonly keys = new Set<unknown>();

  /** True the first time `t` (by value) is offered. */
  firstTime(t: Term): boolean {
    const k = mapKey(t);
    if (this.keys.has(k)) return false;
    this.keys.add(k);
    return true;
  }
}

/** `acc` with the body's value `v` pushed, unless `seen` says it came before. */
export function pushResult(v: Term, acc: Term, seen: SeenResults | null): Term {
  return seen === null || seen.firstTime(v) ? new Cons(v, acc) : acc;
}

/**
 * A generator's source expression, through `Stream.__for__/1` when the node has it: a list,
 * range or map comes back as it is (inline), a stream as its list.
 */
export function generatorSourceExpr(source: Expr, ctx: Ctx): Expr {
  if (ctx.fb.bifs.lookup('Elixir.Stream', '__for__', 1) === undefined) return source;
  return { kind: 'remote', pos: source.pos, module: { kind: 'alias', pos: source.pos, name: 'Stream' }, name: '__for__', args: [source] };
}
