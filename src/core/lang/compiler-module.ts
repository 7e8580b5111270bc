/**
 * `defmodule`: groups the `def`/`defp` clauses by name/arity (adding the lower arities that
 * default arguments imply), compiles each group once into an FnCode, resolves the module's local
 * calls to those FnCodes, and emits an OP_DEFMODULE that — when run, in the defining process —
 * evaluates the attribute values and loads the module into the node's ModuleRegistry.
 *
 * `@attr` reads inside a def see the attribute's last value set before that def, as in Elixir:
 * each `@attr value` is a new "version" slot, and a read resolves to a version at compile time.
 */
import { noReturnFunctions } from './no-return.ts';
import { atom, list, NIL_ATOM, type Term } from '../term/types.ts';
import { implNames, protocolBody } from './compiler-protocol.ts';
import type { Clause, Expr } from './ast.ts';
import { OP_DEFMODULE, type Ev, type FnCode, type LocalSite, type ModuleTemplate } from './vm-code.ts';
import { CompileError, FnBuilder, type Ctx } from './env.ts';
import { compileExpr, compileStatement, slotEv, toSlot, constEv } from './compiler.ts';
import { compileFunctionClauses } from './compiler-calls.ts';
import { exceptionDefs, structDefs, structForm } from './compiler-struct.ts';
import type { StructDef } from './structs.ts';
import { expandUse } from './compiler-use.ts';

export class ModuleCtx {
  readonly defs = new Set<string>();
  readonly localSites: LocalSite[] = [];
  /** Attribute values by version, filled when the module is defined. */
  readonly attrValues: Term[] = [];
  /** Attribute name → current version, as seen by the clause being compiled. */
  currentAttrs = new Map<string, number>();
  currentDef: string | null = null;
  funIndex = 0;
  readonly uniq: number;
  constructor(readonly name: string) {
    let h = 5381;
    for (let i = 0; i < name.length; i++) h = ((h * 33) ^ name.charCodeAt(i)) >>> 0;
    this.uniq = h % 134217727;
  }
  defines(name: string, arity: number): boolean {
    return this.defs.has(`${name}/${arity}`);
  }
}

interface Group {
  readonly name: string;
  readonly arity: number;
  readonly private: boolean;
  readonly clauses: { clause: Clause; attrs: Map<string, number> }[];
}

/** Names of modules being compiled, innermost last (for nested `defmodule` names). */
const nesting: string[] = [];

export function compileModuleExpr(e: Expr, ctx: Ctx): Ev {
  if (e.kind === 'def') throw new CompileError(e.pos, `cannot invoke ${e.private ? 'defp' : 'def'}/2 outside module`);
  if (e.kind === 'attr_set') throw new CompileError(e.pos, `cannot invoke @/1 outside module`);
  if (e.kind !== 'defmodule') throw new CompileError(e.pos, 'not a module form');
  const outer = nesting[nesting.length - 1];
  if (e.role?.kind === 'impl') return compileImpl(e, e.role.for, outer, ctx);
  const name = moduleFullName(e.name, outer);
  return compileNamed(e.role?.kind === 'protocol' ? { ...e, body: protocolBody(e) } : e, name, ctx);
}

/**
 * The module a `defmodule name` defines: `:name` is the atom itself, a name inside `outer` is
 * nested under it (`Outer.Inner`), any other is `Elixir.` and the name.
 */
export function moduleFullName(name: string, outer: string | undefined): string {
  if (name.startsWith(':')) return name.slice(1);
  const short = name.startsWith('Elixir.') ? name.slice(7) : name;
  return outer !== undefined ? `${outer}.${short}` : `Elixir.${short}`;
}

/** Compiles `e` as the module `name` (nested modules inside it are named under it). */
function compileNamed(e: Expr & { kind: 'defmodule' }, name: string, ctx: Ctx): Ev {
  nesting.push(name);
  try {
    // Nested modules are their own entries: the source of this one leaves them out.
    const forms = e.body.kind === 'block' ? e.body.exprs : [e.body];
    const own = forms.filter((f) => f.kind !== 'defmodule');
    const { role: _role, ...plain } = e;
    const source = { ...plain, name: e.name.startsWith(':') ? e.name : name, body: own.length === forms.length ? e.body : { kind: 'block' as const, pos: e.body.pos, exprs: own } };
    return compileDefmodule(name, e.body, ctx, source);
  } finally {
    nesting.pop();
  }
}

/** `defimpl`: one module per type; several types give a list of `{:module, …}` results, as Elixir. */
function compileImpl(e: Expr & { kind: 'defmodule' }, forExpr: Expr | null, enclosing: string | undefined, ctx: Ctx): Ev {
  const names = implNames(e, forExpr, enclosing);
  const evs = names.map((n) => {
    const saved = nesting.splice(0);
    try {
      return compileNamed(e, n, ctx);
    } finally {
      nesting.push(...saved);
    }
  });
  if (forExpr === null || forExpr.kind !== 'list') return evs[0] as Ev;
  return (r, b, m) => list(evs.map((ev) => ev(r, b, m)));
}

function compileDefmodule(name: string, body: Expr, ctx: Ctx, source: ModuleTemplate['source']): Ev {
  const mod = new ModuleCtx(name);
  const forms = expandUse(body.kind === 'block' ? body.exprs : [body]);
  const mctx: Ctx = { fb: ctx.fb, scope: new Map() };
  const groups = new Map<string, Group>();
  const attrEvs: Ev[] = [];
  let last: ModuleTemplate['last'] = null;
  let struct: StructDef | undefined;
  for (const f of forms) {
    const sd = structForm(f);
    if (sd !== null) {
      // `defstruct fields`: the fields are a hidden attribute, `__struct__/0,1` read them.
      if (struct !== undefined) throw new CompileError(f.pos, `defstruct has already been called for ${name.slice(7)}, defstruct can only be called once per module`);
      // `defstruct @enforce_keys` (as Elixir's own Task does) reads the attribute's version.
      const fromAttr = sd.fields.kind === 'attr_get' ? mod.currentAttrs.get(sd.fields.name) : undefined;
      const fields = fromAttr ?? attrEvs.length;
      if (fromAttr === undefined) attrEvs.push(toSlot(compileExpr(sd.fields, mctx), mctx, f.pos));
      struct = { fields, enforce: mod.currentAttrs.get('enforce_keys') ?? -1, derive: mod.currentAttrs.get('derive') ?? -1, exception: sd.exception };
      for (const d of structDefs(f.pos)) addDef(groups, mod, d);
      // defstruct's value is the struct; defexception's is :ok, as iex shows them.
      last = sd.exception ? null : 'struct';
      continue;
    }
    if (f.kind === 'attr_set') {
      const v = toSlot(compileExpr(f.value, mctx), mctx, f.pos);
      mod.currentAttrs = new Map(mod.currentAttrs).set(f.name, attrEvs.length);
      attrEvs.push(v);
      last = null;
      continue;
    }
    if (f.kind === 'def') {
      addDef(groups, mod, f);
      last = { name: f.name, arity: f.clause.params.length };
      continue;
    }
    if (f.kind === 'defmodule') {
      // A nested module (or defimpl) as the last form: its result is the module's value, as in iex.
      last = { attr: attrEvs.length };
      attrEvs.push(toSlot(compileExpr(f, mctx), mctx, f.pos));
      continue;
    }
    compileStatement(f, mctx);
    last = null;
  }
  if (struct?.exception === true) for (const d of exceptionDefs(body.pos)) if (!groups.has(`${d.name}/${d.clause.params.length}`)) addDef(groups, mod, d);
  for (const g of groups.values()) mod.defs.add(`${g.name}/${g.arity}`);
  const functions = new Map<string, { code: FnCode; private: boolean }>();
  const never = noReturnFunctions([...groups.values()].map((g) => ({ key: `${g.name}/${g.arity}`, clauses: g.clauses.map((c) => c.clause) })));
  for (const g of groups.values()) {
    const fb = new FnBuilder(name, g.name, g.arity, null, mod, ctx.fb.bifs, ctx.fb.code.src);
    mod.currentDef = `${g.name}/${g.arity}`;
    // Each clause sees the attributes set before it.
    const clauses = g.clauses.map((c) => c.clause);
    const attrsOf = new Map(g.clauses.map((c) => [c.clause, c.attrs] as const));
    compileGroup(fb, clauses, attrsOf, mod, name, g.name);
    fb.code.noReturn = never.has(`${g.name}/${g.arity}`);
    fb.code.line = clauses[0]?.pos.line ?? 0;
    functions.set(`${g.name}/${g.arity}`, { code: fb.code, private: g.private });
  }
  for (const site of mod.localSites) {
    const f = functions.get(`${site.name}/${site.arity}`);
    if (f === undefined) throw new Error(`internal: unresolved local ${site.name}/${site.arity}`);
    site.target = f.code;
  }
  const template: ModuleTemplate = { name, functions, last, attrs: mod.attrValues, localSites: mod.localSites, source, ...(struct ? { struct } : {}) };
  const dst = ctx.fb.newSlot();
  const i = ctx.fb.emit(OP_DEFMODULE, body.pos);
  i.a = dst;
  i.x = template;
  i.evs = attrEvs;
  return slotEv(dst);
}

function compileGroup(fb: FnBuilder, clauses: Clause[], attrsOf: Map<Clause, Map<string, number>>, mod: ModuleCtx, modName: string, fname: string): void {
  // Each clause (guard and body) sees the attribute versions set before it.
  compileFunctionClauses(fb, clauses, new Map(), { kind: 'function_clause', module: modName, name: fname }, (i) => {
    mod.currentAttrs = attrsOf.get(clauses[i] as Clause) ?? new Map();
  });
}

function addDef(groups: Map<string, Group>, mod: ModuleCtx, f: Expr & { kind: 'def' }): void {
  const arity = f.clause.params.length;
  const put = (ar: number, clause: Clause) => {
    const key = `${f.name}/${ar}`;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { name: f.name, arity: ar, private: f.private, clauses: [] }));
    g.clauses.push({ clause, attrs: mod.currentAttrs });
  };
  // A bodiless head (`def f(a, b \\ 1)`) adds no clause: only the functions its defaults define.
  if (f.bodiless !== true) put(arity, f.clause);
  const defaults = f.defaults.map((d, i) => [d, i] as const).filter(([d]) => d !== null) as [Expr, number][];
  // f(a, b \\ 1, c \\ 2) also defines f/2 and f/1: the last omitted defaults are filled in.
  for (let j = 1; j <= defaults.length; j++) {
    const omitted = new Map(defaults.slice(defaults.length - j).map(([d, i]) => [i, d] as const));
    const params: Expr[] = [];
    const args: Expr[] = [];
    f.clause.params.forEach((_p, i) => {
      const d = omitted.get(i);
      if (d !== undefined) args.push(d);
      else {
        const v: Expr = { kind: 'var', pos: f.pos, name: `&d${i}` };
        params.push(v);
        args.push(v);
      }
    });
    const key = `${f.name}/${arity - j}`;
    if (groups.has(key)) continue;
    put(arity - j, { pos: f.pos, params, guard: null, body: { kind: 'call', pos: f.pos, name: f.name, args } });
  }
}

export function compileAttrGet(e: Expr & { kind: 'attr_get' }, ctx: Ctx): Ev {
  const mod = ctx.fb.mod;
  if (mod === null) throw new CompileError(e.pos, `cannot invoke @/1 outside module`);
  const version = mod.currentAttrs.get(e.name);
  if (version === undefined) return constEv(NIL_ATOM);
  const values = mod.attrValues;
  return () => values[version] as Term;
}

export const MODULE_ATOM = atom('module');
