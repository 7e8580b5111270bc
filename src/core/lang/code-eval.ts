/**
 * Code.eval_string/1,2,3: Elixir source compiled with the given bindings and run in the calling
 * process, answering `{value, bindings}` as Elixir 1.14 does (every binding after the code, new
 * and given, sorted by name from the last). The code is compiled twice: once to learn which
 * variables it binds, then wrapped in a fn of the given bindings that returns the value and
 * those variables; the caller continues into that fn (ctx.tailCall), so `self()`, `receive` and
 * errors are the caller's. Syntax errors raise as Elixir's, at `nofile`.
 */
import { atom, list, type Term } from '../term/types.ts';
import { listToArray } from '../term/list.ts';
import type { Bif, BifContext, BuiltinModule } from './builtins.ts';
import type { Expr, Pos } from './ast.ts';
import { parse } from './parser.ts';
import { syntaxSnippet } from './parser-errors.ts';
import { expandDirectives, NO_DIRECTIVES, registryKnowledge } from './directives.ts';
import { compileShellExpr } from './program.ts';
import { buildFun } from './fun-transfer.ts';
import { CompileError } from './env.ts';
import { ElixirThrow, exception } from './errors.ts';
import { toStr } from './values.ts';
import type { LangRuntime } from './vm-node.ts';

const CODE = atom('Elixir.Code');
const VALIDATED = atom('validated_eval_string');

/**
 * The code runs under a frame of Code.validated_eval_string/3, as in Elixir (not a tail call, so
 * an error's stacktrace keeps it: iex prints `(elixir 1.14.0) lib/code.ex…` under the error).
 */
const CODE_PRELUDE = `defmodule Code do
  @doc false
  def validated_eval_string(fun, args, _opts) do
    result = apply(fun, args)
    result
  end
end
`;

/** The variable holding the code's value inside the wrapper: a name no source can spell. */
const RESULT = 'eval value';

export function codeEvalModule(lang: () => LangRuntime): BuiltinModule {
  const evalString = (args: readonly Term[], ctx: BifContext): Term => {
    const source = toStr(args[0] as Term).text ?? '';
    const given = bindingsOf(args[1] ?? list([]));
    const parsed = parse(source);
    if (!parsed.ok) {
      const { type, line, column, message } = parsed.error;
      const shown = parsed.error.incomplete && type === 'TokenMissingError' && /incomplete/.test(message) ? 'syntax error: expression is incomplete' : message;
      const snippet = syntaxSnippet(shown, line, column, source.split('\n')[line - 1] ?? '').replace(/\n$/, '');
      throw new ElixirThrow('error', exception(type, `nofile:${line}:${column}: ${shown}${snippet === '' ? '' : `\n${snippet}`}`));
    }
    const names = [...given.keys()];
    const runtime = lang();
    try {
      const expr = expandDirectives(parsed.expr, NO_DIRECTIVES, registryKnowledge(runtime.modules)).expr;
      const bound = [...compileShellExpr(expr, names, runtime.builtins).bindings.keys()].filter((n) => !n.startsWith('&') && n !== RESULT);
      bound.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
      const fun = buildFun(wrapper(expr, names, bound), [], [], runtime);
      return ctx.tailCallMfa(CODE, VALIDATED, [fun, list(names.map((n) => given.get(n) as Term)), list([])]);
    } catch (e) {
      if (e instanceof CompileError) throw new ElixirThrow('error', exception('CompileError', `nofile:${e.pos.line}: ${e.message}`));
      throw e;
    }
  };
  const bif = (arity: number): Bif => ({ module: 'Elixir.Code', name: 'eval_string', arity, control: true, fn: evalString });
  return { name: 'code_eval', bifs: [bif(1), bif(2), bif(3)], prelude: CODE_PRELUDE };
}

/** A keyword list of bindings, the last of a repeated name winning (as Elixir's). */
function bindingsOf(t: Term): Map<string, Term> {
  const out = new Map<string, Term>();
  for (const pair of listToArray(t).items) {
    if (typeof pair !== 'object' || pair.kind !== 'tuple' || pair.elements.length !== 2) continue;
    const [k, v] = pair.elements as [Term, Term];
    if (typeof k === 'object' && k.kind === 'atom') out.set(k.name, v);
  }
  return out;
}

/** `fn given... -> value = code; {value, [name: name, ...]} end`. */
function wrapper(code: Expr, params: readonly string[], bound: readonly string[]): Expr {
  const pos: Pos = code.pos;
  const v = (name: string): Expr => ({ kind: 'var', pos, name });
  const pairs: Expr[] = bound.map((n) => ({ kind: 'tuple', pos, items: [{ kind: 'atom', pos, name: n }, v(n)] }));
  const body: Expr = {
    kind: 'block', pos, exprs: [
      { kind: 'match', pos, pattern: v(RESULT), value: code },
      { kind: 'tuple', pos, items: [v(RESULT), { kind: 'list', pos, items: pairs, tail: null }] },
    ],
  };
  return { kind: 'fn', pos, clauses: [{ pos, params: params.map(v), guard: null, body }] };
}

