/**
 * A fun typed in a real iex (or erl shell) arrives as an `:erl_eval` closure: NEW_FUN_EXT of
 * module erl_eval whose one free variable is `{Anno, Bindings, Lf, Ef, UsedVars, Clauses}`
 * (OTP 25's erl_eval.erl, `expr({'fun', ...})`): the bindings it closed over and its Erlang
 * abstract clauses. We translate the clauses (to-elixir.ts) and compile them as a closure over
 * the bindings, so calling the fun on a tab runs what was typed on the real node.
 *
 * A fun we cannot translate still arrives (a message must not be lost, nor the link closed):
 * calling it raises `{:unsupported_fun, why}`.
 */
import { Atom, MapTerm, Tuple, type Fun, type Term } from '../../term/types.ts';
import { listToArray } from '../../term/list.ts';
import { mapPairs } from '../../term/map.ts';
import type { Expr } from '../ast.ts';
import { buildFun } from '../fun-transfer.ts';
import type { LangRuntime } from '../vm-node.ts';
import { ErlAbstractError, ErlToElixir, varName } from './to-elixir.ts';

/** The erl_eval closure environment in `freeVars`, or null when it is not one. */
export function erlEvalEnv(freeVars: readonly Term[]): readonly Term[] | null {
  if (freeVars.length !== 1) return null;
  const t = freeVars[0];
  if (!(t instanceof Tuple) || (t.elements.length !== 6 && t.elements.length !== 7)) return null;
  return t.elements;
}

/** erl_eval keeps only the bindings a fun uses: more than this is no fun typed in a shell. */
export const MAX_BINDINGS = 10_000;

/** erl_eval's bindings: a map in OTP 25, an orddict of `{Name, Value}` before. */
function bindings(bs: Term): [string, Term][] {
  const pairs: readonly (readonly [Term, Term])[] = bs instanceof MapTerm
    ? mapPairs(bs)
    : listToArray(bs).items.map((p) => (p instanceof Tuple && p.elements.length === 2 ? [p.elements[0] as Term, p.elements[1] as Term] as const : [0, 0] as const));
  if (pairs.length > MAX_BINDINGS) throw new ErlAbstractError(`an erl_eval fun with more than ${MAX_BINDINGS} bindings`);
  return pairs.map(([k, v]) => {
    if (!(k instanceof Atom)) throw new ErlAbstractError('an erl_eval binding whose name is not an atom');
    return [varName(k.name), v];
  });
}

/** The `fn` AST and bindings of an erl_eval closure (throws ErlAbstractError). */
export function erlEvalFn(env: readonly Term[], arity: number): { ast: Expr & { kind: 'fn' }; names: string[]; values: Term[] } {
  if (env.length === 7) throw new ErlAbstractError('named funs (fun F(...) -> ... end) are not supported');
  const bs = bindings(env[1] as Term);
  const ast = new ErlToElixir().fn(env[5] as Term, new Set(bs.map(([n]) => n)));
  if (ast.clauses[0]?.params.length !== arity) throw new ErlAbstractError(`an erl_eval fun of arity ${arity} whose clauses take ${ast.clauses[0]?.params.length}`);
  return { ast, names: bs.map(([n]) => n), values: bs.map(([, v]) => v) };
}

/** `fn _, ... -> :erlang.error({:unsupported_fun, why}) end`: what a fun that cannot cross becomes. */
export function unsupportedFnAst(arity: number, why: string): Expr & { kind: 'fn' } {
  const pos = { line: 1, column: 1 };
  const params: Expr[] = Array.from({ length: arity }, () => ({ kind: 'var', pos, name: '_' }));
  const reason: Expr = { kind: 'tuple', pos, items: [{ kind: 'atom', pos, name: 'unsupported_fun' }, { kind: 'string', pos, parts: [why] }] };
  const body: Expr = { kind: 'remote', pos, module: { kind: 'atom', pos, name: 'erlang' }, name: 'error', args: [reason] };
  return { kind: 'fn', pos, clauses: [{ pos, params, guard: null, body }] };
}

function unsupportedFun(arity: number, why: string, lang: LangRuntime): Fun {
  return buildFun(unsupportedFnAst(arity, why), [], [], lang);
}

export function errorText(e: unknown): string {
  if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') return e.message;
  return String(e);
}

/** Rebuilds an erl_eval closure on this node: its clauses run here, over its bindings. */
export function erlEvalFunFromWire(env: readonly Term[], arity: number, lang: LangRuntime): Fun {
  try {
    const { ast, names, values } = erlEvalFn(env, arity);
    return buildFun(ast, names, values, lang);
  } catch (e) {
    return unsupportedFun(arity, errorText(e), lang);
  }
}

