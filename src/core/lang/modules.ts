/**
 * The module table of one node: the modules defined in Elixir, and the node's built-in
 * functions (builtins.ts). Not a global: two nodes in one test process define modules
 * independently, and may have different built-ins. Remote call sites cache what they resolved together with the table's
 * `generation`; generations are unique across all tables, so a cached entry from another node
 * (prelude code is shared between nodes) or from before a redefinition is never reused.
 */
import { atom, Binary, list, NIL, NIL_ATOM, Tuple, type Atom, type Term } from '../term/types.ts';
import { structInfo, type StructInfo } from './structs.ts';
import type { Bif, Builtins } from './builtins.ts';
import { ElixirThrow } from './errors.ts';
import type { FnCode, ModuleTemplate } from './vm-code.ts';

let generations = 0;
const UNDEF = atom('undef');

export interface LoadedModule {
  readonly name: Atom;
  readonly functions: ReadonlyMap<string, { readonly code: FnCode; readonly private: boolean }>;
  readonly binary: Binary;
  /** Its `defmodule` form (full name, nested modules left out): what `nl/1` sends. */
  readonly source: ModuleTemplate['source'];
  /** Its struct, when it has `defstruct`/`defexception`. */
  readonly struct?: StructInfo;
}

export class ModuleRegistry {
  generation = ++generations;
  private readonly mods = new Map<string, LoadedModule>();
  /** The modules the node started with (its prelude's), until the user redefines one. */
  private readonly standard = new Set<string>();

  constructor(readonly builtins: Builtins) {}

  define(t: ModuleTemplate): LoadedModule {
    const name = atom(t.name);
    const def = t.struct;
    const attr = (i: number): Term => (i < 0 ? NIL_ATOM : (t.attrs[i] as Term));
    const struct = def === undefined ? undefined : structInfo(name, attr(def.fields), attr(def.enforce), def.exception, attr(def.derive));
    const m: LoadedModule = { name, functions: t.functions, binary: moduleBinary(t), source: t.source, ...(struct ? { struct } : {}) };
    this.mods.set(t.name, m);
    this.standard.delete(t.name);
    this.generation = ++generations;
    return m;
  }

  /** Called once the prelude is loaded: the modules defined so far are the node's own. */
  sealStandard(): void {
    for (const k of this.mods.keys()) this.standard.add(k);
  }

  /**
   * One of Elixir's or OTP's modules (the prelude's or one with BIFs), not the user's: its
   * stack frames name the application (`(elixir 1.14.0) String.nope(1)`).
   */
  isStandard(module: Atom): boolean {
    return this.standard.has(module.name) || (!this.mods.has(module.name) && this.builtins.moduleBifs(module.name).length > 0);
  }

  get(name: string): LoadedModule | undefined {
    return this.mods.get(name);
  }

  /** The struct `module` defines, if any (`%Mod{}`, printing, `struct/2`). */
  structOf(module: Term): StructInfo | undefined {
    return typeof module === 'object' && module.kind === 'atom' ? this.mods.get(module.name)?.struct : undefined;
  }

  names(): string[] {
    return [...this.mods.keys()];
  }

  /** Loaded as Elixir code, or has built-in functions. */
  isLoaded(module: Atom): boolean {
    return this.mods.has(module.name) || this.builtins.moduleBifs(module.name).length > 0;
  }

  /** The public function `module.name/arity`: compiled Elixir code, else a BIF. */
  find(module: Atom, name: Atom, arity: number): FnCode | Bif | undefined {
    const f = this.mods.get(module.name)?.functions.get(`${name.name}/${arity}`);
    if (f !== undefined && !f.private) return f.code;
    return this.builtins.lookup(module.name, name.name, arity);
  }

  /** Like find, but raises UndefinedFunctionError with iex's wording. */
  resolve(module: Atom, name: Atom, arity: number, args?: readonly Term[]): FnCode | Bif {
    const f = this.find(module, name, arity);
    if (f !== undefined) return f;
    return undefinedFunction(module, name, arity, args);
  }

  /** Its public functions, Elixir's and built-in, `[name, arity]` (for "did you mean" hints). */
  exports(module: Atom): [string, number][] {
    const out = new Map<string, [string, number]>();
    for (const [k, f] of this.mods.get(module.name)?.functions ?? []) {
      const slash = k.lastIndexOf('/');
      if (!f.private) out.set(k, [k.slice(0, slash), Number(k.slice(slash + 1))]);
    }
    for (const b of this.builtins.moduleBifs(module.name)) out.set(`${b.name}/${b.arity}`, [b.name, b.arity]);
    return [...out.values()];
  }
}

/**
 * Raises what BEAM raises for a call of a function nobody exports: the bare `:undef`, the call
 * (with its arguments when known) on top of the trace. `rescue` and the printers make the
 * UndefinedFunctionError and word it with the printing node's table (undefined-function.ts).
 */
export function undefinedFunction(module: Term, name: Atom, arity: number, args?: readonly Term[]): never {
  throw new ElixirThrow('error', UNDEF, new Tuple([module, name, args !== undefined ? list(args) : arity === 0 ? NIL : arity, NIL]));
}

/**
 * A plausible stand-in for the BEAM file iex shows in `{:module, Mod, <<70, 79, 82, 49, ...>>, ...}`:
 * an IFF "FOR1" container with a "BEAM" form and an atom chunk naming the module and its functions.
 * It is not loadable code; it only has to look and print like one.
 */
export function moduleBinary(t: ModuleTemplate): Binary {
  const enc = new TextEncoder();
  const atoms = [t.name, '__info__', 'attributes', 'compile', 'deprecated', 'exports_md5', 'functions', 'macros', 'md5', 'module', 'struct', 'erlang', 'get_module_info', 'module_info'];
  for (const k of t.functions.keys()) atoms.push(k.slice(0, k.lastIndexOf('/')));
  const atomBytes: number[] = [];
  for (const a of atoms) {
    const b = enc.encode(a);
    atomBytes.push(Math.min(b.length, 255), ...b.slice(0, 255));
  }
  const chunk = [...u32(atoms.length), ...atomBytes];
  while (chunk.length % 4 !== 0) chunk.push(0);
  const body = [...enc.encode('BEAM'), ...enc.encode('AtU8'), ...u32(chunk.length), ...chunk];
  return Binary.fromBytes(Uint8Array.from([...enc.encode('FOR1'), ...u32(body.length), ...body]));
}

function u32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
}
