/**
 * The module forms `defstruct` and `defexception`: the functions they define, as the AST of
 * ordinary `def`s calling the struct BIFs (stdlib/structs.ts), so the rest of the compiler sees
 * nothing new. The fields themselves are evaluated once, when the module is defined
 * (compiler-module.ts keeps them as a hidden attribute; modules.ts turns them into StructInfo).
 */
import type { Clause, Expr, Pos } from './ast.ts';
import { CompileError } from './env.ts';

type Def = Expr & { kind: 'def' };

/** `defstruct fields` / `defexception fields`, or null for any other form. */
export function structForm(f: Expr): { fields: Expr; exception: boolean } | null {
  if (f.kind !== 'call' || (f.name !== 'defstruct' && f.name !== 'defexception') || f.args.length !== 1) return null;
  return { fields: f.args[0] as Expr, exception: f.name === 'defexception' };
}

/** `__struct__/0` (the defaults) and `__struct__/1` (with keys, enforced keys checked). */
export function structDefs(pos: Pos): Def[] {
  const kv: Expr = { kind: 'var', pos, name: 'kv' };
  return [
    def(pos, '__struct__', [], bif(pos, 'new', [{ kind: 'module_ref', pos }, { kind: 'list', pos, items: [], tail: null }, atomE(pos, 'loose')])),
    def(pos, '__struct__', [kv], bif(pos, 'new', [{ kind: 'module_ref', pos }, kv, atomE(pos, 'strict')])),
  ];
}

/** `exception/1` and `message/1` as defexception defines them, unless the module does. */
export function exceptionDefs(pos: Pos): Def[] {
  const arg: Expr = { kind: 'var', pos, name: 'arg' };
  return [
    def(pos, 'exception', [arg], bif(pos, 'default_exception', [{ kind: 'module_ref', pos }, arg])),
    def(pos, 'message', [arg], bif(pos, 'default_message', [arg])),
  ];
}

function def(pos: Pos, name: string, params: Expr[], body: Expr): Def {
  const clause: Clause = { pos, params, guard: null, body };
  return { kind: 'def', pos, private: false, name, clause, defaults: params.map(() => null) };
}

function bif(pos: Pos, name: string, args: Expr[]): Expr {
  return { kind: 'remote', pos, module: atomE(pos, 'elixir_struct'), name, args };
}

function atomE(pos: Pos, name: string): Expr {
  return { kind: 'atom', pos, name };
}

type StructExpr = Expr & { kind: 'struct' };

/**
 * `%Mod{k: v}` → `:elixir_struct.expand(Mod, [k: v])`, `%Mod{base | k: v}` →
 * `:elixir_struct.update(Mod, base, [k: v])`: Elixir expands a struct literal while compiling; we
 * do it when it runs (so a module defined earlier in the same input works too), with the same errors.
 */
export function desugarStruct(e: StructExpr): Expr {
  const pos = e.pos;
  if (e.module.kind === 'var') throw new CompileError(e.module.pos, `expected struct name to be a compile time atom or alias, got: ${e.module.name}`);
  const kv: Expr = { kind: 'list', pos, items: e.pairs.map(([k, v]) => ({ kind: 'tuple', pos: k.pos, items: [k, v] })), tail: null };
  return e.update === null ? bif(pos, 'expand', [e.module, kv]) : bif(pos, 'update', [e.module, e.update, kv]);
}

/** The pattern `%Mod{k: p}` is the map pattern `%{__struct__: Mod, k: p}` (`%_{}`, `%m{}` too). */
export function structPattern(e: StructExpr, currentModule: string | null): Expr {
  const pos = e.pos;
  const mod: Expr = e.module.kind === 'module_ref' && currentModule !== null ? atomE(pos, currentModule) : e.module;
  return { kind: 'map', pos, pairs: [[atomE(pos, '__struct__'), mod], ...e.pairs], update: e.update };
}

/**
 * `raise Mod` / `raise Mod, opts` / `raise value` → `raise(:elixir_struct.exception(x, opts))`:
 * the exception is built by `Mod.exception(opts)` when the module defines it (defexception), as
 * Elixir does, and by the built-in exceptions' own rules otherwise. `raise "text"` is left as is.
 */
/** `reraise Mod, opts, stacktrace`: `:erlang.raise(:error, Mod.exception(opts), stacktrace)`, as Elixir 1.14 expands it. */
export function reraiseWithException(e: Expr & { kind: 'call' }): Expr & { kind: 'remote' } {
  const [what, opts, stack] = e.args as [Expr, Expr, Expr];
  return { kind: 'remote', pos: e.pos, module: { kind: 'atom', pos: e.pos, name: 'erlang' }, name: 'raise', args: [{ kind: 'atom', pos: e.pos, name: 'error' }, bif(e.pos, 'exception', [what, opts]), stack] };
}

export function raiseWithException(e: Expr & { kind: 'call' }): Expr & { kind: 'call' | 'remote' } {
  const [what, opts] = e.args;
  if (what === undefined || e.args.length > 2 || (e.args.length === 1 && what.kind === 'string')) return e;
  const args: Expr[] = opts === undefined ? [what] : [what, opts];
  // `raise Mod, opts` is `:erlang.error(Mod.exception(opts))` in Elixir 1.14: no error_info in
  // its stacktrace, and BEAM knows it never returns (no-return.ts).
  if (opts !== undefined) return { kind: 'remote', pos: e.pos, module: { kind: 'atom', pos: e.pos, name: 'erlang' }, name: 'error', args: [bif(e.pos, 'exception', args)] };
  return { ...e, args: [bif(e.pos, 'exception', args)] };
}
