/**
 * The standard library's macros a user calls after `require` (directives.ts): each expands to
 * plain code, as Elixir's own macros do. Without the `require` the call is left as it is and
 * fails as in Elixir, with "function Logger.info/1 is undefined or private".
 *
 * - Logger's level macros call `Logger.__do_log__/3` (otp/logger.ts), which prints the line as
 *   iex's default handler does (`warn` logs at `warning`, as in Elixir 1.14).
 * - `Integer.is_odd/1` and `is_even/1` (defguards, also allowed in guards) expand to
 *   `is_integer(n) and rem(n, 2) != 0` / `== 0`.
 */
import type { Expr } from './ast.ts';

const LOGGER_LEVELS = new Set(['debug', 'info', 'notice', 'warning', 'warn', 'error', 'critical', 'alert', 'emergency']);

/** The macros above of `module`, `[name, arity]` (UndefinedFunctionError's "did you mean" lists them too). */
export function macrosOf(module: string): (readonly [string, number])[] {
  if (module === 'Elixir.Logger') return [...LOGGER_LEVELS].flatMap((l) => [[l, 1] as const, [l, 2] as const]);
  return module === 'Elixir.Integer' ? [['is_even', 1], ['is_odd', 1]] : [];
}

/** Is `module.name/arity` one of the macros above (UndefinedFunctionError's "require" hint)? */
export function isMacro(module: string, name: string, arity: number): boolean {
  return macrosOf(module).some(([n, a]) => n === name && a === arity);
}

/** `Mod.name(args)` expanded, or null when it is not one of Mod's macros. */
export function expandMacro(module: string, call: Expr & { kind: 'remote' }): Expr | null {
  const { pos, args } = call;
  if (!isMacro(module, call.name, args.length)) return null;
  if (module === 'Elixir.Logger') {
    const level: Expr = { kind: 'atom', pos, name: call.name === 'warn' ? 'warning' : call.name };
    const metadata: Expr = args[1] ?? { kind: 'list', pos, items: [], tail: null };
    return { kind: 'remote', pos, module: { kind: 'alias', pos, name: 'Elixir.Logger' }, name: '__do_log__', args: [level, args[0] as Expr, metadata] };
  }
  // Integer.is_odd/1, is_even/1.
  const n = args[0] as Expr;
  const rem: Expr = { kind: 'call', pos, name: 'rem', args: [n, { kind: 'int', pos, value: 2 }] };
  const test: Expr = { kind: 'binop', pos, op: call.name === 'is_odd' ? '!=' : '==', left: rem, right: { kind: 'int', pos, value: 0 } };
  return { kind: 'binop', pos, op: 'and', left: { kind: 'call', pos, name: 'is_integer', args: [n] }, right: test };
}
