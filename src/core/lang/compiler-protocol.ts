/**
 * `defprotocol` and `defimpl` as the modules Elixir makes of them, written as ordinary module
 * ASTs so the module compiler needs nothing new:
 *  - `defprotocol Size do def size(data) end` is module `Size` whose `size/1` dispatches on its
 *    first argument (`:elixir_protocol.dispatch`, stdlib/protocols.ts), plus `impl_for/1`,
 *    `impl_for!/1` and `__protocol__/1`;
 *  - `defimpl Size, for: [List, Map] do … end` is one module per type, `Size.List` and `Size.Map`
 *    (inside `defmodule User`, without `for:`, it is `Size.User`).
 */
import type { Clause, Expr, Pos } from './ast.ts';
import { CompileError } from './env.ts';

type Def = Expr & { kind: 'def' };
type ModuleExpr = Expr & { kind: 'defmodule' };

/** The body of a protocol module: its attributes, then the dispatching functions. */
export function protocolBody(e: ModuleExpr): Expr {
  const forms = e.body.kind === 'block' ? e.body.exprs : [e.body];
  const kept: Expr[] = [];
  const fns: [string, number][] = [];
  for (const f of forms) {
    const head = protocolHead(f);
    if (head === null) {
      if (f.kind === 'attr_set') kept.push(f);
      else if (!(f.kind === 'atom' && f.name === 'nil')) throw new CompileError(f.pos, 'protocol definitions may only hold def heads and attributes');
      continue;
    }
    if (fns.some(([n, a]) => n === head.name && a === head.arity)) continue;
    fns.push([head.name, head.arity]);
  }
  const pos = e.pos;
  const mod: Expr = { kind: 'module_ref', pos };
  const fallback: Expr = { kind: 'attr_get', pos, name: 'fallback_to_any' };
  const x: Expr = { kind: 'var', pos, name: 'x' };
  const defs: Def[] = fns.map(([name, arity]) => {
    const params: Expr[] = Array.from({ length: arity }, (_, i) => ({ kind: 'var', pos, name: `arg${i}` }));
    return def(pos, name, params, call(pos, 'dispatch', [mod, fallback, { kind: 'atom', pos, name }, { kind: 'list', pos, items: params, tail: null }]));
  });
  const functions: Expr = { kind: 'list', pos, items: fns.map(([n, a]) => ({ kind: 'tuple', pos, items: [{ kind: 'atom', pos, name: n }, { kind: 'int', pos, value: a }] })), tail: null };
  defs.push(
    def(pos, 'impl_for', [x], call(pos, 'impl_for', [mod, fallback, x])),
    def(pos, 'impl_for!', [x], call(pos, 'impl_for!', [mod, fallback, x])),
    def(pos, '__protocol__', [x], call(pos, 'info', [mod, functions, x])),
  );
  return { kind: 'block', pos: e.body.pos, exprs: [...kept, ...defs] };
}

/** `def name(args)` without a body, as a protocol declares its functions. */
function protocolHead(f: Expr): { name: string; arity: number } | null {
  if (f.kind !== 'call' || f.name !== 'def' || f.args.length !== 1) return null;
  const h = f.args[0] as Expr;
  if (h.kind === 'call') return { name: h.name, arity: h.args.length };
  if (h.kind === 'var') return { name: h.name, arity: 0 };
  return null;
}

/**
 * The modules a `defimpl` defines: `Proto.Type` for each type of `for:` (one alias or a list),
 * or for the enclosing module.
 */
export function implNames(e: ModuleExpr, forExpr: Expr | null, enclosing: string | undefined): string[] {
  const proto = e.name.startsWith('Elixir.') ? e.name.slice(7) : e.name;
  const short = (n: string) => (n.startsWith('Elixir.') ? n.slice(7) : n);
  if (forExpr === null) {
    if (enclosing === undefined) throw new CompileError(e.pos, 'defimpl/3 expects a :for option when declared outside a module');
    return [`Elixir.${proto}.${short(enclosing)}`];
  }
  const targets = forExpr.kind === 'list' ? forExpr.items : [forExpr];
  return targets.map((t) => {
    if (t.kind === 'alias') return `Elixir.${proto}.${short(t.name)}`;
    if (t.kind === 'module_ref' && enclosing !== undefined) return `Elixir.${proto}.${short(enclosing)}`;
    throw new CompileError(t.pos, 'defimpl/3 expects a :for option with module names');
  });
}

function def(pos: Pos, name: string, params: Expr[], body: Expr): Def {
  const clause: Clause = { pos, params, guard: null, body };
  return { kind: 'def', pos, private: false, name, clause, defaults: params.map(() => null) };
}

function call(pos: Pos, name: string, args: Expr[]): Expr {
  return { kind: 'remote', pos, module: { kind: 'atom', pos, name: 'elixir_protocol' }, name, args };
}
