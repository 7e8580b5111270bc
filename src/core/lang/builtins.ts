/**
 * Built-in functions (BIFs): functions written in TypeScript that Elixir code calls as
 * `Mod.fun(args)` (or as a local call to a Kernel import), and the Elixir prelude source that
 * completes them. They come in modules (`BuiltinModule`: a name, BIFs, optional prelude) and
 * each node is assembled from a list of them when it is created (`new Builtins([...])`, see
 * elixir-node.ts and playground/node.ts): there is no process-wide table, so two nodes in one
 * process can have different functions. A BIF of a module list's later entry replaces an
 * earlier one of the same module/name/arity.
 *
 * ## Writing a TS BIF
 * ```ts
 * export const mapModule: BuiltinModule = {
 *   name: 'map',
 *   bifs: [
 *     { module: 'Elixir.Map', name: 'get', arity: 2, fn: ([m, k]) => mapGet(m!, k!) ?? NIL_ATOM },
 *     { module: 'erlang', name: 'self', arity: 0, fn: (_args, ctx) => ctx.proc.self },
 *   ],
 * };
 * ```
 * `module` is the module atom's name: `Elixir.Enum` for Elixir modules, `erlang`, `timer`, `math`
 * for Erlang ones. Raise Elixir errors with the helpers of errors.ts (`raise('ArgumentError', ...)`,
 * `argumentError()`): the VM turns the thrown `ElixirThrow` into the Elixir exception. A BIF
 * holds no state of its own: what it needs per process comes through `ctx`; what it needs per
 * node is either `ctx.node` or, for services of a layer above (distribution), a closure made
 * when the node is assembled (distribution/elixir/modules.ts).
 *
 * A BIF must not call back into Elixir code by itself (that would recurse on the JS stack).
 * The ways out:
 *  - `return ctx.tailCall(fun, args)` / `ctx.tailCallMfa(mod, name, args)`: the VM replaces the
 *    BIF call by a call to that function (how `apply/2,3` works). Mark the BIF `control: true`.
 *  - `return ctx.sleep(ms, result)`: the process waits `ms` (null = forever) then the call
 *    returns `result`. Mark the BIF `control: true`.
 *  - `return ctx.trap(reductions, resume)`: a BIF that walks a big collection does a bounded
 *    part and continues in the next call (stdlib/walk.ts does this for generator-written BIFs).
 *    Mark the BIF `control: true`.
 *  - write the function in Elixir instead (higher-order functions such as Enum.map/reduce), in
 *    the module's `prelude`: a plain string of Elixir source (so it loads the same in the browser,
 *    Vitest and tsx), e.g.
 *    `prelude: 'defmodule Enum do\n  def map(list, f), do: :lists.map(f, list)\nend'`.
 *
 * Every node compiles its modules' prelude sources against its own BIFs and loads them when it
 * starts (prelude-cache.ts shares the compiled code between nodes whose BIFs agree). A function
 * defined in Elixir wins over a BIF of the same module/name/arity, so a module can mix both:
 * e.g. `Enum.map/2` in the prelude and `Enum.sum/1` as a TS BIF.
 *
 * BIFs not marked `control` may be called inline in expressions (the VM calls them directly while
 * evaluating an expression), so they must not use `ctx.tailCall`/`ctx.sleep`/`ctx.trap`.
 */
import type { ModuleView } from './undefined-function.ts';
import type { Atom, Term } from '../term/types.ts';
import type { ProcessApi } from '../runtime/process-api.ts';
import type { Logger, LogLevel } from '../ports.ts';
import type { StructInfo } from './structs.ts';

/** What a BIF can reach: the calling process, and its node's language services. */
export interface BifContext {
  /** The calling process: self, send, spawn, links, monitors, timers, registry... */
  readonly proc: ProcessApi;
  /** The node's language services (module table, spawning Elixir code, logger). */
  readonly node: LangNode;
  /** Continue by calling `fun` (a Fun term; raises BadFunctionError otherwise) with `args`. */
  tailCall(fun: Term, args: readonly Term[]): Term;
  /** Continue by calling `module.name(args...)` (an Elixir function or a BIF). */
  tailCallMfa(module: Atom, name: Atom, args: readonly Term[]): Term;
  /** Block `ms` milliseconds (null: forever) ignoring messages, then the call returns `result`. */
  sleep(ms: number | null, result: Term): Term;
  /**
   * erlang:hibernate/3: drop the call stack (and any `try`), wait for a message (without taking
   * it), then run `module.name(args...)` as the process's whole stack. Mark the BIF `control: true`.
   */
  hibernate(module: Atom, name: Atom, args: readonly Term[]): Term;
  /**
   * Continue later, as BEAM's trapping BIFs do: the BIF has done `reductions` worth of work and
   * `resume()` does the rest (returning the result, or trapping again). The VM charges the
   * reductions and calls `resume` as a new call of the same BIF, after a yield when the
   * process's budget is spent, so a long walk never holds the scheduler. See stdlib/walk.ts.
   */
  trap(reductions: number, resume: () => Term): Term;
}

/**
 * Node-level language services a BIF may use. Implemented by the VM (vm-node.ts); declared here so
 * stdlib code depends only on this file.
 */
export interface LangNode {
  readonly logger: Logger | undefined;
  /** Logs as Elixir's console logger prints (`[error] text`) on the node's output (OTP's reports). */
  log(level: LogLevel, text: string): void;
  /** How this node numbers other nodes in printed PIDs (`#PID<2.96.0>`); 0 for itself. */
  readonly nodeNumber: (node: Atom) => number;
  /** The node this node numbers `n` (and its creation), for `pid("1.103.0")`; undefined if none. */
  readonly nodeAt: (n: number) => { node: Atom; creation: number } | undefined;
  /** The struct `module` defines (its fields in order), if any. */
  structOf(module: Term): StructInfo | undefined;
  /** Is `module` loaded (an Elixir module or one with BIFs)? */
  moduleLoaded(module: Atom): boolean;
  /** The module table as an UndefinedFunctionError's wording reads it. */
  readonly modules: ModuleView;
  /** Does `module` export `name/arity` (Elixir or BIF)? */
  functionExported(module: Atom, name: Atom, arity: number): boolean;
  /** This node's BIF `module:name/arity` (`'erlang'`, `'Elixir.String'`), if it has one. */
  bif(module: string, name: string, arity: number): Bif | undefined;
  /** Spawn a process running `fun.()` (a 0-arity Fun) or `module.name(args)`. */
  spawn(
    proc: ProcessApi,
    what: { fun: Term } | { module: Atom; name: Atom; args: readonly Term[] },
    options?: { link?: boolean; monitor?: boolean },
  ): { pid: Term; monitorRef?: Term };
}

export type BifFn = (args: readonly Term[], ctx: BifContext) => Term;

export interface Bif {
  readonly module: string;
  readonly name: string;
  readonly arity: number;
  readonly fn: BifFn;
  /** True when the BIF may use ctx.tailCall / ctx.sleep (the VM then never inlines it). */
  readonly control?: boolean;
  /**
   * For a control BIF that traps (length/1, ++, --): the version guards call inline. A guard
   * cannot yield; BEAM's guard BIFs do not trap either.
   */
  readonly guard?: BifFn;
  /**
   * For a control BIF that traps: the call on a small input, done inline (no VM call), or
   * undefined when the input is big enough to trap (the VM then calls `fn`). Keeps the common
   * small `length(l)` / `a ++ b` as cheap as an inline BIF.
   */
  readonly small?: (args: readonly Term[]) => Term | undefined;
}

/** A named group of built-ins a node is assembled from: TS BIFs and the Elixir that completes them. */
export interface BuiltinModule {
  /** For error messages and tests (`enum`, `node`...). */
  readonly name: string;
  readonly bifs: readonly Bif[];
  /** Elixir source (`defmodule` forms) every node assembled with this module loads at start. */
  readonly prelude?: string;
}

/** What the compiler asks of a node's built-ins: the BIF a call names, if any. */
export interface BifResolver {
  lookup(module: string, name: string, arity: number): Bif | undefined;
}

function key(module: string, name: string, arity: number): string {
  return `${module}:${name}/${arity}`;
}

/**
 * One node's built-in functions, assembled from its modules when the node is created, and
 * immutable from then on.
 */
export class Builtins implements BifResolver {
  private readonly table = new Map<string, Bif>();
  private readonly byModule = new Map<string, Bif[]>();

  constructor(readonly modules: readonly BuiltinModule[]) {
    for (const m of modules) {
      for (const b of m.bifs) {
        const k = key(b.module, b.name, b.arity);
        const old = this.table.get(k);
        this.table.set(k, b);
        let list = this.byModule.get(b.module);
        if (list === undefined) this.byModule.set(b.module, (list = []));
        if (old !== undefined) list.splice(list.indexOf(old), 1);
        list.push(b);
      }
    }
  }

  lookup(module: string, name: string, arity: number): Bif | undefined {
    return this.table.get(key(module, name, arity));
  }

  /** The BIFs of one module (is it loaded? "did you mean" hints). */
  moduleBifs(module: string): readonly Bif[] {
    return this.byModule.get(module) ?? [];
  }

  /** The prelude sources, in module order (a later module's `defmodule` replaces an earlier one). */
  preludes(): { readonly name: string; readonly source: string }[] {
    return this.modules.flatMap((m) => (m.prelude === undefined ? [] : [{ name: m.name, source: m.prelude }]));
  }
}
