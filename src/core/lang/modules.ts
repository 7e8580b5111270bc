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
import { ElixirThrow, exception } from './errors.ts';
import { funName, moduleName } from './exceptions.ts';
import type { FnCode, ModuleTemplate } from './vm-code.ts';

let generations = 0;

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

  constructor(readonly builtins: Builtins) {}

  define(t: ModuleTemplate): LoadedModule {
    const name = atom(t.name);
    const def = t.struct;
    const attr = (i: number): Term => (i < 0 ? NIL_ATOM : (t.attrs[i] as Term));
    const struct = def === undefined ? undefined : structInfo(name, attr(def.fields), attr(def.enforce), def.exception, attr(def.derive));
    const m: LoadedModule = { name, functions: t.functions, binary: moduleBinary(t), source: t.source, ...(struct ? { struct } : {}) };
    this.mods.set(t.name, m);
    this.generation = ++generations;
    return m;
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
  resolve(module: Atom, name: Atom, arity: number): FnCode | Bif {
    const f = this.find(module, name, arity);
    if (f !== undefined) return f;
    return undefinedFunction(this, module, name, arity);
  }
}

/**
 * Elixir words it by whether the module is loaded *where the error is printed* (each node
 * formats a crash report itself, see format-error.ts formatCrash).
 */
export function undefinedFunctionMessage(module: Term, name: Atom, arity: number, loaded: boolean): string {
  const what = `function ${moduleName(module)}.${funName(name)}/${arity} is undefined`;
  return loaded ? `${what} or private` : `${what} (module ${moduleName(module)} is not available)`;
}

export function undefinedFunction(reg: ModuleRegistry, module: Term, name: Atom, arity: number, args?: readonly Term[]): never {
  const mod = typeof module === 'object' && module.kind === 'atom' ? module : null;
  const loaded = mod !== null && reg.isLoaded(mod);
  throw new ElixirThrow(
    'error',
    exception('UndefinedFunctionError', undefinedFunctionMessage(module, name, arity, loaded), [
      ['module', module],
      ['function', name],
      ['arity', arity],
      ['reason', loaded ? atom('function_not_exported') : atom('module_could_not_be_loaded')],
    ]),
    // The missing function is the top of the stacktrace, as on BEAM (iex shows `Foo.bar(1)`).
    new Tuple([module, name, args !== undefined ? list(args) : arity === 0 ? NIL : arity, NIL]),
  );
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
