/**
 * `&(&1 + &2)` is `&:erlang.+/2` in Elixir: a capture whose body is one call taking exactly
 * `&1, ..., &n` in order names that function instead of making an anonymous one (elixir_fn's
 * capture rewrite), so it prints as `&:erlang.+/2` and compares equal to `&:erlang.+/2`.
 * Operators and imported Kernel functions go to their home in `:erlang`, as Kernel inlines
 * them; a remote call names its module.
 *
 * Only what is known to be a function is rewritten: Kernel macros (`<>`, `and`, `!`, `..`,
 * `to_string`, ...) stay anonymous functions, as in iex, and so does any operator whose
 * `:erlang` function is not a BIF of the node (`bifs`: the fun must be callable).
 */
import type { Expr } from './ast.ts';
import type { BifResolver } from './builtins.ts';

/** Elixir's operator → its `:erlang` function (Kernel inlines each to that). */
const ERLANG_BINARY: Readonly<Record<string, string>> = {
  '+': '+', '-': '-', '*': '*', '/': '/', '++': '++', '--': '--',
  '==': '==', '!=': '/=', '===': '=:=', '!==': '=/=', '<': '<', '>': '>', '<=': '=<', '>=': '>=',
};
const ERLANG_UNARY: Readonly<Record<string, string>> = { '-': '-', '+': '+', not: 'not' };

type CaptureFun = Expr & { kind: 'capture_fun' };

/** The `:erlang` name of a Kernel operator (`&<=/2` is `&:erlang.=</2`), else the name itself. */
export function erlangName(name: string, arity: number): string {
  const op = arity === 2 ? ERLANG_BINARY[name] : arity === 1 ? ERLANG_UNARY[name] : undefined;
  return op ?? name;
}

/** The named-function capture `e` stands for, or null when it must stay an anonymous function. */
export function captureShorthand(
  e: Expr & { kind: 'capture_expr' },
  definesLocal: (name: string, arity: number) => boolean,
  bifs: BifResolver,
): CaptureFun | null {
  const { body, arity, pos } = e;
  const erlang = (name: string | undefined): CaptureFun | null =>
    name !== undefined && bifs.lookup('erlang', name, arity) !== undefined ? { kind: 'capture_fun', pos, module: { kind: 'atom', pos, name: 'erlang' }, name, arity } : null;
  switch (body.kind) {
    case 'binop':
      return arity === 2 && isArgs([body.left, body.right]) ? erlang(ERLANG_BINARY[body.op]) : null;
    case 'unop':
      return arity === 1 && isArgs([body.arg]) ? erlang(ERLANG_UNARY[body.op]) : null;
    case 'call':
      if (!isArgs(body.args) || body.args.length !== arity || definesLocal(body.name, arity)) return null;
      return erlang(body.name);
    case 'remote':
      if (!isArgs(body.args) || body.args.length !== arity || !isModuleName(body.module)) return null;
      return { kind: 'capture_fun', pos, module: body.module, name: body.name, arity };
    default:
      return null;
  }
}

/** `&1, &2, ..., &n` exactly, in order. */
function isArgs(args: readonly Expr[]): boolean {
  return args.every((a, i) => a.kind === 'capture_arg' && a.index === i + 1);
}

function isModuleName(e: Expr): boolean {
  return e.kind === 'atom' || e.kind === 'alias';
}
