/**
 * Built-in functions (BIFs): functions written in TypeScript that Elixir code calls as
 * `Mod.fun(args)` (or as a local call to a Kernel import). One registry of code, shared by all
 * nodes: a BIF holds no state, everything per node or per process comes through `ctx`.
 *
 * ## Registering a TS BIF
 * ```ts
 * import { registerBifs } from '../builtins.ts';
 * registerBifs([
 *   { module: 'Elixir.Map', name: 'get', arity: 2, fn: ([m, k]) => mapGet(m!, k!) ?? NIL_ATOM },
 *   { module: 'erlang', name: 'self', arity: 0, fn: (_args, ctx) => ctx.proc.self },
 * ]);
 * ```
 * `module` is the module atom's name: `Elixir.Enum` for Elixir modules, `erlang`, `timer`, `math`
 * for Erlang ones. Raise Elixir errors with the helpers of errors.ts (`raise('ArgumentError', ...)`,
 * `argumentError()`): the VM turns the thrown `ElixirThrow` into the Elixir exception.
 *
 * A BIF must not call back into Elixir code by itself (that would recurse on the JS stack).
 * Three ways out:
 *  - `return ctx.tailCall(fun, args)` / `ctx.tailCallMfa(mod, name, args)`: the VM replaces the
 *    BIF call by a call to that function (how `apply/2,3` works). Mark the BIF `control: true`.
 *  - `return ctx.sleep(ms, result)`: the process waits `ms` (null = forever) then the call
 *    returns `result`. Mark the BIF `control: true`.
 *  - `return ctx.trap(reductions, resume)`: a BIF that walks a big collection does a bounded
 *    part and continues in the next call (stdlib/walk.ts does this for generator-written BIFs).
 *    Mark the BIF `control: true`.
 *  - write the function in Elixir instead (higher-order functions such as Enum.map/reduce):
 *
 * ## Adding Elixir prelude code
 * Put the source in a TS module under `stdlib/prelude/` (a plain string, so it loads the same in
 * the browser, Vitest and tsx) and register it:
 * ```ts
 * import { registerPrelude } from '../../builtins.ts';
 * registerPrelude('enum', `
 * defmodule Enum do
 *   def map(list, f), do: :lists.map(f, list)  # any Elixir the compiler accepts
 * end`);
 * ```
 * Every node compiles and loads the registered prelude sources when it starts (compiled once and
 * shared: compiled code is immutable). A function defined in Elixir wins over a BIF of the same
 * module/name/arity, so a module can mix both: e.g. `Enum.map/2` in the prelude and
 * `Enum.sum/1` as a TS BIF.
 *
 * BIFs not marked `control` may be called inline in expressions (the VM calls them directly while
 * evaluating an expression), so they must not use `ctx.tailCall`/`ctx.sleep`/`ctx.trap`.
 */
import type { Atom, Term } from '../term/types.ts';
import type { ProcessApi } from '../runtime/process-api.ts';
import type { Logger } from '../ports.ts';

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
  /** How this node numbers other nodes in printed PIDs (`#PID<2.96.0>`); 0 for itself. */
  readonly nodeNumber: (node: Atom) => number;
  /** The node this node numbers `n` (and its creation), for `pid("1.103.0")`; undefined if none. */
  readonly nodeAt: (n: number) => { node: Atom; creation: number } | undefined;
  /** Is `module` loaded (an Elixir module or one with BIFs)? */
  moduleLoaded(module: Atom): boolean;
  /** Does `module` export `name/arity` (Elixir or BIF)? */
  functionExported(module: Atom, name: Atom, arity: number): boolean;
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
}

const bifTable = new Map<string, Bif>();
const byModule = new Map<string, Bif[]>();

function key(module: string, name: string, arity: number): string {
  return `${module}:${name}/${arity}`;
}

/** Register (or replace) BIFs. Call at module load time of the file that defines them. */
export function registerBifs(bifs: readonly Bif[]): void {
  for (const b of bifs) {
    const k = key(b.module, b.name, b.arity);
    const old = bifTable.get(k);
    bifTable.set(k, b);
    let list = byModule.get(b.module);
    if (list === undefined) byModule.set(b.module, (list = []));
    if (old !== undefined) list.splice(list.indexOf(old), 1);
    list.push(b);
  }
}

export function lookupBif(module: string, name: string, arity: number): Bif | undefined {
  return bifTable.get(key(module, name, arity));
}

/** The BIFs of one module (for module_info-like checks and "did you mean" hints). */
export function moduleBifs(module: string): readonly Bif[] {
  return byModule.get(module) ?? [];
}

export interface PreludeSource {
  readonly name: string;
  readonly source: string;
}

const preludes: PreludeSource[] = [];
let preludeVersion = 0;

/** Register Elixir source loaded into every node at start (see the doc comment above). */
export function registerPrelude(name: string, source: string): void {
  const i = preludes.findIndex((p) => p.name === name);
  if (i >= 0) preludes[i] = { name, source };
  else preludes.push({ name, source });
  preludeVersion++;
}

export function preludeSources(): readonly PreludeSource[] {
  return preludes;
}

/** Changes whenever a prelude is registered, so compiled prelude caches know when to refresh. */
export function preludeGeneration(): number {
  return preludeVersion;
}
