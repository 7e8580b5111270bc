/**
 * Elixir's lexical directives, `alias`, `import` and `require`, expanded on the syntax tree before
 * it is compiled, as Elixir's own expansion does:
 *
 * - `alias Foo.Bar` (`as: B`, `Foo.{Bar, Baz}`): later `Bar` and `Bar.X` in the same lexical
 *   scope are `Foo.Bar` and `Foo.Bar.X`; a nested `defmodule Inner` aliases `Inner` in its parent.
 * - `import Enum` (`only:`/`except:`): a later local call `map(xs, f)` that is not the module's
 *   own function becomes `Enum.map(xs, f)`; one that Kernel also has is ambiguous, as in Elixir.
 * - `require Logger`: lets the module's macros expand (macros.ts).
 *
 * A directive is scoped to the rest of its block (module body, function body, `fn`, branch); at
 * the prompt it lasts for the rest of the session (the shell keeps the returned env), as iex's.
 * Each directive is replaced by its value (`alias Foo.Bar` is `Foo.Bar`), so iex prints it.
 * Modules are looked up when the code is compiled (what the node has loaded, plus the modules this
 * same code defines earlier), so `import Bogus` is a CompileError, as in Elixir.
 */
import type { Expr, Pos } from './ast.ts';
import { CompileError } from './env.ts';
import { expandMacro } from './macros.ts';
import { desugarPipe } from './compiler-calls.ts';
import { atom } from '../term/types.ts';
import type { ModuleRegistry } from './modules.ts';
import { moduleFullName } from './compiler-module.ts';
import { moduleName } from './exceptions.ts';

export interface Import {
  /** The module's atom name (`Elixir.Enum`, `lists`). */
  readonly module: string;
  /** `name/arity`s of `only:`; null for all. */
  readonly only: ReadonlySet<string> | null;
  readonly except: ReadonlySet<string>;
}

/** The directives in force at a point of the code. */
export interface LexicalEnv {
  /** Short alias (`Bar`) → module atom name (`Elixir.Foo.Bar`, `lists`). */
  readonly aliases: ReadonlyMap<string, string>;
  readonly imports: readonly Import[];
  readonly requires: ReadonlySet<string>;
}

export const NO_DIRECTIVES: LexicalEnv = { aliases: new Map(), imports: [], requires: new Set() };

/** What the node knows of its modules when the code is compiled. */
export interface ModuleKnowledge {
  isLoaded(module: string): boolean;
  /** Its public functions, as `name/arity`. */
  exports(module: string): ReadonlySet<string>;
}

/** What a node's module table knows: its Elixir modules' public functions and its BIFs. */
export function registryKnowledge(reg: ModuleRegistry): ModuleKnowledge {
  return {
    isLoaded: (module) => reg.isLoaded(atom(module)),
    exports: (module) => new Set(reg.exports(atom(module)).map(([name, arity]) => `${name}/${arity}`)),
  };
}

const KERNEL = 'Elixir.Kernel';
const IEX_HELPERS = 'Elixir.IEx.Helpers';
/** Kernel macros the compiler expands itself (compiler-calls.ts), not functions of the table. */
const COMPILER_FORMS: ReadonlySet<string> = new Set(['raise/1', 'raise/2', 'reraise/2', 'reraise/3']);
const DIRECTIVES = new Set(['alias', 'import', 'require']);
const IMPORT_STACK = (line: number) => [`    (elixir 1.14.0) src/elixir_import.erl:${line}: :elixir_import.calculate/6`, '    (elixir 1.14.0) src/elixir_import.erl:22: :elixir_import.import/4'];
const UNDEFINED_LOCAL_STACK = ['    (elixir 1.14.0) src/elixir_locals.erl:115: anonymous fn/4 in :elixir_locals.ensure_no_undefined_local/3', '    (elixir 1.14.0) src/elixir_erl_compiler.erl:12: anonymous fn/2 in :elixir_erl_compiler.spawn/1'];
const AMBIGUOUS_STACK = ['    (elixir 1.14.0) src/elixir_dispatch.erl:149: :elixir_dispatch.expand_import/7', '    (elixir 1.14.0) src/elixir_dispatch.erl:119: :elixir_dispatch.dispatch_import/6'];

/** The code with its directives applied, and the env in force after it (for the next prompt). */
export function expandDirectives(code: Expr, env: LexicalEnv, known: ModuleKnowledge): { expr: Expr; env: LexicalEnv } {
  const w = new Walker(known);
  const exprs = code.kind === 'block' ? code.exprs : [code];
  const out = w.sequence(exprs, env);
  return { expr: code.kind === 'block' ? { ...code, exprs: out.exprs } : (out.exprs[0] as Expr), env: out.env };
}

/** A module being expanded: its name and the functions it defines (they win over imports). */
interface ModuleScope {
  readonly name: string;
  readonly defs: ReadonlySet<string>;
  /** Inside one of its `def`s (module-level code such as `use` and `defstruct` is not checked). */
  inDef: boolean;
}

class Walker {
  /** Modules defined earlier in this same code, with their public functions. */
  private readonly defined = new Map<string, ReadonlySet<string>>();
  private readonly exportCache = new Map<string, ReadonlySet<string>>();
  private readonly modules: ModuleScope[] = [];

  constructor(private readonly known: ModuleKnowledge) {}

  /** A block's expressions in order, each directive in force for the ones after it. */
  sequence(exprs: readonly Expr[], env: LexicalEnv): { exprs: Expr[]; env: LexicalEnv } {
    let cur = env;
    const out: Expr[] = [];
    for (const e of exprs) {
      if (e.kind === 'call' && isDirective(e)) {
        const d = this.directive(e, cur);
        cur = d.env;
        out.push(d.value);
      } else if (e.kind === 'defmodule') {
        const m = this.defmodule(e, cur);
        cur = m.env;
        out.push(m.expr);
      } else out.push(this.expr(e, cur));
    }
    return { exprs: out, env: cur };
  }

  expr(e: Expr, env: LexicalEnv): Expr {
    switch (e.kind) {
      case 'block':
        return { ...e, exprs: this.sequence(e.exprs, env).exprs };
      case 'alias':
        return moduleExpr(this.expandAlias(e.name, env), e.pos);
      case 'defmodule':
        return this.defmodule(e, env).expr;
      case 'binop':
        // `x |> f(a)` is `f(x, a)`: its arity is the call's, as the compiler will see it.
        return e.op === '|>' ? this.expr(desugarPipe(e), env) : (this.fields(e, env) as Expr);
      case 'def': {
        const scope = this.modules[this.modules.length - 1];
        if (scope !== undefined) scope.inDef = true;
        try {
          return this.fields(e, env) as Expr;
        } finally {
          if (scope !== undefined) scope.inDef = false;
        }
      }
      case 'call': {
        if (isDirective(e)) return this.directive(e, env).value;
        const call = { ...e, args: e.args.map((a) => this.expr(a, env)) };
        const from = this.importedFrom(e.name, e.args.length, env, e.pos);
        if (from === null) this.checkLocal(e.name, e.args.length, e.pos);
        return from === null ? call : { kind: 'remote', pos: e.pos, module: moduleExpr(from, e.pos), name: e.name, args: call.args };
      }
      case 'capture_fun': {
        if (e.module !== null) return { ...e, module: this.expr(e.module, env) };
        const from = this.importedFrom(e.name, e.arity, env, e.pos);
        return from === null ? e : { ...e, module: moduleExpr(from, e.pos) };
      }
      case 'remote': {
        const remote = { ...e, module: this.expr(e.module, env), args: e.args.map((a) => this.expr(a, env)) };
        const m = literalModule(remote.module);
        return (m !== null && env.requires.has(m) && expandMacro(m, remote)) || remote;
      }
      default:
        return this.fields(e, env) as Expr;
    }
  }

  /** Any other node: its sub-expressions expanded (clauses, steps, pairs and segments included). */
  private children(node: unknown, env: LexicalEnv): unknown {
    if (Array.isArray(node)) return node.map((n) => this.children(n, env));
    if (node === null || typeof node !== 'object') return node;
    return isExpr(node) ? this.expr(node, env) : this.fields(node, env);
  }

  /** A node with each of its fields expanded. */
  private fields(node: object, env: LexicalEnv): unknown {
    const out: Record<string, unknown> = {};
    // `rescue e in Bar ->`: a rescue clause names its exception modules as text.
    if ('modules' in node && 'binding' in node) out.modules = (node.modules as string[]).map((m) => this.expandAlias(m, env));
    // A bitstring segment's type spec (`binary-size(len)`) is not code: its words are not calls.
    if ('spec' in node && 'value' in node) out.spec = node.spec;
    for (const [k, v] of Object.entries(node)) if (!(k in out)) out[k] = k === 'pos' ? v : this.children(v, env);
    return out;
  }

  private defmodule(e: Expr & { kind: 'defmodule' }, env: LexicalEnv): { expr: Expr; env: LexicalEnv } {
    const outer = this.modules[this.modules.length - 1];
    const full = moduleFullName(e.name, outer?.name);
    const short = e.name.startsWith('Elixir.') ? e.name.slice(7) : e.name;
    // `defmodule Inner` inside `Outer` aliases `Inner` to `Outer.Inner` there (and inside Inner).
    let after = env;
    // (`defimpl` inside a module defines `Protocol.Outer`: no alias.)
    if (outer !== undefined && e.role?.kind !== 'impl' && !e.name.startsWith(':') && !e.name.startsWith('Elixir.')) {
      const first = short.split('.')[0] as string;
      after = withAlias(env, first, `${outer.name}.${first}`);
    }
    const forms = e.body.kind === 'block' ? e.body.exprs : [e.body];
    const defs = definedFunctions(forms);
    this.modules.push({ name: full, defs: defs.all, inDef: false });
    let body: Expr;
    try {
      const inner = this.sequence(forms, after).exprs;
      body = e.body.kind === 'block' ? { ...e.body, exprs: inner } : (inner[0] as Expr);
    } finally {
      this.modules.pop();
    }
    this.defined.set(full, defs.public);
    const role = e.role?.kind === 'impl' && e.role.for !== null ? { kind: 'impl' as const, for: this.expr(e.role.for, env) } : e.role;
    return { expr: { ...e, body, ...(role === undefined ? {} : { role }) }, env: after };
  }

  private directive(e: Expr & { kind: 'call' }, env: LexicalEnv): { value: Expr; env: LexicalEnv } {
    const [target, optsExpr] = e.args as [Expr, Expr | undefined];
    const opts = keywordOptions(optsExpr);
    if (e.name === 'alias' && target.kind === 'remote' && target.name === '{}' && target.module.kind === 'alias') {
      if (opts.has('as')) throw new CompileError(e.pos, ':as option is not supported by multi-alias call');
      const base = this.expandAlias(target.module.name, env);
      let cur = env;
      const names: string[] = [];
      for (const item of target.args) {
        if (item.kind !== 'alias') throw new CompileError(e.pos, `invalid argument for alias, expected a compile time atom or alias, got: ${shown(item)}`);
        const full = `${base}.${item.name}`;
        names.push(full);
        cur = withAlias(cur, lastSegment(item.name), full);
      }
      return { value: { kind: 'list', pos: e.pos, items: names.map((n) => moduleExpr(n, e.pos)), tail: null }, env: cur };
    }
    const module = this.moduleOf(target, env);
    if (module === null) throw new CompileError(e.pos, `invalid argument for ${e.name}, expected a compile time atom or alias, got: ${shown(target)}`);
    const value = moduleExpr(module, e.pos);
    if (e.name === 'import') return { value, env: this.importing(module, opts, env, e.pos) };
    if (e.name === 'require' && !this.loaded(module)) throw new CompileError(e.pos, `module ${displayName(module)} is not loaded and could not be found`);
    let next = env;
    if (e.name === 'require') next = { ...env, requires: new Set(env.requires).add(module) };
    const as = opts.get('as');
    if (as !== undefined) {
      if (as.kind !== 'alias') throw new CompileError(e.pos, `invalid value for option :as, expected an alias, got: ${shown(as)}`);
      if (as.name.includes('.')) throw new CompileError(e.pos, `invalid value for option :as, expected a simple alias, got nested alias: ${as.name}`);
      return { value, env: withAlias(next, as.name, module) };
    }
    // `alias Foo.Bar` aliases Bar; `require Logger` aliases nothing.
    if (e.name === 'alias' && module.startsWith('Elixir.')) next = withAlias(next, lastSegment(module), module);
    return { value, env: next };
  }

  private importing(module: string, opts: ReadonlyMap<string, Expr>, env: LexicalEnv, pos: Pos): LexicalEnv {
    for (const k of opts.keys()) if (k !== 'only' && k !== 'except' && k !== 'warn') throw new CompileError(pos, `unsupported option :${k} given to import`);
    if (!this.loaded(module)) throw new CompileError(pos, `module ${displayName(module)} is not loaded and could not be found`);
    const onlyExpr = opts.get('only');
    const exceptExpr = opts.get('except');
    const all = onlyExpr === undefined || (onlyExpr.kind === 'atom' && ['functions', 'macros', 'sigils'].includes(onlyExpr.name));
    if (!all && exceptExpr !== undefined) throw new CompileError(pos, ':only and :except can only be given together to import when :only is :functions, :macros, or :sigils', IMPORT_STACK(87));
    const exports = this.exportsOf(module);
    const named = (x: Expr, option: string): Set<string> => {
      const keys = arityList(x);
      if (keys === null) throw new CompileError(pos, `invalid :${option} option for import, expected a keyword list with integer values`, IMPORT_STACK(81));
      for (const k of keys) if (!exports.has(k)) throw new CompileError(pos, `cannot import ${displayName(module)}.${k} because it is undefined or private`, IMPORT_STACK(91));
      return keys;
    };
    const only = all ? null : named(onlyExpr as Expr, 'only');
    const except = exceptExpr === undefined ? new Set<string>() : named(exceptExpr, 'except');
    // A later import of the same module replaces the earlier one.
    return { ...env, imports: [...env.imports.filter((i) => i.module !== module), { module, only, except }] };
  }

  /** The module a local call `name/arity` is imported from, or null when it is not imported. */
  private importedFrom(name: string, arity: number, env: LexicalEnv, pos: Pos): string | null {
    if (env.imports.length === 0 || name.startsWith('_')) return null;
    const key = `${name}/${arity}`;
    if (this.modules[this.modules.length - 1]?.defs.has(key) === true) return null;
    const from = env.imports.filter((i) => (i.only === null || i.only.has(key)) && !i.except.has(key) && this.exportsOf(i.module).has(key)).map((i) => i.module);
    if (from.length === 0) return null;
    if (this.exportsOf(KERNEL).has(key)) from.push(KERNEL);
    if (from.length > 1) throw new CompileError(pos, `function ${key} imported from both ${from.map(displayName).join(' and ')}, call is ambiguous`, AMBIGUOUS_STACK);
    return from[0] as string;
  }

  /**
   * A local call that is neither the module's own function nor imported (Kernel's are, and at
   * the prompt IEx.Helpers') is a CompileError before anything runs, as in Elixir: in a module's
   * function when the module is compiled, at the prompt before the line's arguments are
   * evaluated (`foo(IO.puts("x"))` prints nothing). Module-level code (`use`, `defstruct`) is left
   * to the compiler.
   */
  private checkLocal(name: string, arity: number, pos: Pos): void {
    const scope = this.modules[this.modules.length - 1];
    const key = `${name}/${arity}`;
    if (this.exportsOf(KERNEL).has(key) || COMPILER_FORMS.has(key)) return;
    if (scope === undefined) {
      if (this.exportsOf(IEX_HELPERS).has(key)) return;
      throw new CompileError(pos, `undefined function ${key} (there is no such import)`);
    }
    if (!scope.inDef || scope.defs.has(key)) return;
    throw new CompileError(pos, `undefined function ${key} (expected ${displayName(scope.name)} to define such a function or for it to be imported, but none are available)`, UNDEFINED_LOCAL_STACK);
  }

  private expandAlias(name: string, env: LexicalEnv): string {
    if (name.startsWith('Elixir.')) return name;
    const dot = name.indexOf('.');
    const first = dot < 0 ? name : name.slice(0, dot);
    const to = env.aliases.get(first);
    if (to === undefined) return `Elixir.${name}`;
    return dot < 0 ? to : `${to}${name.slice(dot)}`;
  }

  /** The module a directive names: an alias (expanded), an atom, or `__MODULE__`. */
  private moduleOf(e: Expr, env: LexicalEnv): string | null {
    if (e.kind === 'alias') return this.expandAlias(e.name, env);
    if (e.kind === 'atom') return e.name;
    if (e.kind === 'module_ref') return this.modules[this.modules.length - 1]?.name ?? null;
    return null;
  }

  private loaded(module: string): boolean {
    return this.defined.has(module) || this.known.isLoaded(module);
  }

  private exportsOf(module: string): ReadonlySet<string> {
    const own = this.defined.get(module);
    if (own !== undefined) return own;
    let e = this.exportCache.get(module);
    if (e === undefined) this.exportCache.set(module, (e = this.known.exports(module)));
    return e;
  }
}

function isDirective(e: Expr): boolean {
  return e.kind === 'call' && DIRECTIVES.has(e.name) && (e.args.length === 1 || e.args.length === 2);
}

function isExpr(node: object): node is Expr {
  // Clauses, steps and segments have no `pos`-carrying `kind` of an expression; expressions do.
  return 'kind' in node && 'pos' in node && !STEP_KINDS.has((node as { kind: string }).kind);
}

/** The `kind`s of `with`/`for` steps, which are not expressions. */
const STEP_KINDS = new Set(['bind', 'expr', 'generator', 'filter', 'bits']);

function withAlias(env: LexicalEnv, short: string, module: string): LexicalEnv {
  return { ...env, aliases: new Map(env.aliases).set(short, module) };
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** The expression for a module: an alias (`Foo.Bar`) or, for an Erlang module, its atom. */
function moduleExpr(module: string, pos: Pos): Expr {
  return module.startsWith('Elixir.') ? { kind: 'alias', pos, name: module } : { kind: 'atom', pos, name: module };
}

/** The module of an expanded module expression (moduleExpr's), or null for any other expression. */
function literalModule(e: Expr): string | null {
  return e.kind === 'alias' || e.kind === 'atom' ? e.name : null;
}

/** How iex names a module in these errors: `Enum`, `:lists`. */
function displayName(module: string): string {
  return moduleName(atom(module));
}

/** A literal as Elixir's messages show it. */
function shown(e: Expr): string {
  switch (e.kind) {
    case 'int': case 'float': return String(e.value);
    case 'atom': return `:${e.name}`;
    case 'var': return e.name;
    case 'string': return JSON.stringify(e.parts.join(''));
    default: return 'it';
  }
}

/** `[only: ..., as: ...]` as a map from option to its expression (none: empty). */
function keywordOptions(e: Expr | undefined): Map<string, Expr> {
  const out = new Map<string, Expr>();
  if (e === undefined || e.kind !== 'list') return out;
  for (const item of e.items) {
    if (item.kind === 'tuple' && item.items.length === 2 && item.items[0]?.kind === 'atom') out.set(item.items[0].name, item.items[1] as Expr);
  }
  return out;
}

/** `[map: 2, reduce: 3]` as `name/arity`s; null when it is not such a list. */
function arityList(e: Expr): Set<string> | null {
  if (e.kind !== 'list' || e.tail !== null) return null;
  const out = new Set<string>();
  for (const item of e.items) {
    const [k, v] = item.kind === 'tuple' && item.items.length === 2 ? item.items : [];
    if (k?.kind !== 'atom' || v?.kind !== 'int') return null;
    out.add(`${k.name}/${String(v.value)}`);
  }
  return out;
}

/** The `name/arity`s a module body defines (default arguments add the lower arities), and its public ones. */
function definedFunctions(forms: readonly Expr[]): { all: Set<string>; public: Set<string> } {
  const all = new Set<string>();
  const pub = new Set<string>();
  for (const f of forms) {
    if (f.kind !== 'def') continue;
    const arity = f.clause.params.length;
    const defaults = f.defaults.filter((d) => d !== null).length;
    for (let a = arity - defaults; a <= arity; a++) {
      all.add(`${f.name}/${a}`);
      if (!f.private) pub.add(`${f.name}/${a}`);
    }
  }
  return { all, public: pub };
}
