/**
 * Structs: what `defstruct`/`defexception` record about a module (its fields in definition
 * order, their defaults, `@enforce_keys`), and building a struct from it, with Elixir 1.14's
 * errors. A struct is a plain map with `__struct__: Module` (and `__exception__: true` for an
 * exception): it crosses nodes as that map, exactly as BEAM sends it.
 *
 * The map's entries are inserted in definition order (`__struct__` first), so printing without
 * the module table at hand (an error message built in TS) still shows the fields in that order.
 */
import { atom, Cons, MapTerm, NIL, TRUE, Tuple, type Atom, type Term } from '../term/types.ts';
import { inspect } from '../term/inspect.ts';
import { ElixirThrow, exception, raise } from './errors.ts';
import { moduleName } from './exceptions.ts';

export const STRUCT_KEY = atom('__struct__');
export const EXCEPTION_KEY = atom('__exception__');

export interface StructInfo {
  readonly module: Atom;
  /** Fields in definition order with their defaults (`__exception__: true` first for exceptions). */
  readonly fields: readonly (readonly [Atom, Term])[];
  /** `@enforce_keys` at the `defstruct`. */
  readonly enforce: readonly Atom[];
  /** `@derive` at the `defstruct`: protocols whose `Any` implementation this struct uses. */
  readonly derive?: readonly Atom[];
}

/** Where `defstruct`/`defexception` put their arguments (attribute versions of the module). */
export interface StructDef {
  readonly fields: number;
  readonly enforce: number;
  readonly derive: number;
  readonly exception: boolean;
}

/** Elixir's Kernel.Utils.defstruct/3: `[:a, b: 1]` → fields; ArgumentError for anything else. */
export function structInfo(module: Atom, fields: Term, enforce: Term, isException: boolean, derive: Term = atom('nil')): StructInfo {
  const out: [Atom, Term][] = isException ? [[EXCEPTION_KEY, TRUE]] : [];
  for (const f of listItems(fields, 'defstruct')) {
    if (typeof f === 'object' && f.kind === 'atom') out.push([f, atom('nil')]);
    else if (typeof f === 'object' && f.kind === 'tuple' && f.elements.length === 2 && isAtom(f.elements[0] as Term)) {
      out.push([f.elements[0] as Atom, f.elements[1] as Term]);
    } else raise('ArgumentError', `struct field names must be atoms, got: ${inspect(f)}`);
  }
  const keys: Atom[] = [];
  for (const k of enforce === atom('nil') ? [] : listItems(enforce, '@enforce_keys')) {
    if (!isAtom(k)) raise('ArgumentError', `keys given to @enforce_keys must be atoms, got: ${inspect(k)}`);
    keys.push(k as Atom);
  }
  // `@derive Proto` or `@derive [Proto, …]` (options in `{Proto, opts}` are not used).
  const derived = derive === atom('nil') ? [] : typeof derive === 'object' && derive.kind === 'atom' ? [derive] : listItems(derive, '@derive');
  const protocols = derived.map((d) => (typeof d === 'object' && d.kind === 'tuple' ? (d.elements[0] as Term) : d)).filter(isAtom) as Atom[];
  return { module, fields: out, enforce: keys, derive: protocols };
}

/** How a struct is built: a literal (`%User{}`), `struct!/2`, or `struct/2` (unknown keys ignored). */
export type BuildMode = 'literal' | 'strict' | 'loose';

/**
 * The struct `info.module` with `kv` (a keyword list or map) applied, as `__struct__/1` builds
 * it: unknown keys raise KeyError (struct/2 skips them), enforced keys must be given.
 */
export function buildStruct(info: StructInfo, kv: Term, mode: BuildMode): MapTerm {
  const entries = new Map<unknown, readonly [Term, Term]>();
  entries.set(STRUCT_KEY, [STRUCT_KEY, info.module]);
  for (const [k, v] of info.fields) entries.set(k, [k, v]);
  const given = new Set<Atom>();
  for (const [k, v] of pairsOf(kv)) {
    if (!isAtom(k) || k === STRUCT_KEY || !entries.has(k)) {
      if (mode === 'loose') continue;
      throw new ElixirThrow('error', exception('KeyError', `key ${inspect(k)} not found`, [['key', k], ['term', atom('nil')]]));
    }
    entries.set(k, [k, v]);
    given.add(k as Atom);
  }
  if (mode !== 'loose') {
    const missing = info.enforce.filter((k) => !given.has(k));
    if (missing.length > 0) {
      raise('ArgumentError', `the following keys must also be given when building struct ${moduleName(info.module)}: ${inspect(listOf(missing))}`);
    }
  }
  return new MapTerm(entries);
}

/** `%Mod{base | k: v}`: base must be a `Mod` struct, and every key one of its fields. */
export function updateStruct(info: StructInfo, base: Term, kv: Term): MapTerm {
  if (typeof base !== 'object' || base.kind !== 'map' || base.entries.get(STRUCT_KEY)?.[1] !== info.module) {
    // Raised by the update's own code (Elixir compiles it inline): no BIF frame.
    const reason = exception('BadStructError', `expected a struct named ${moduleName(info.module)}, got: ${inspect(base)}`, [['struct', info.module], ['term', base]]);
    throw new ElixirThrow('error', reason, null, false);
  }
  const entries = new Map(base.entries);
  for (const [k, v] of pairsOf(kv)) {
    if (!info.fields.some(([f]) => f === k)) {
      throw expanding(exception('CompileError', `unknown key ${inspect(k)} for struct ${moduleName(info.module)}`), info.module, 0);
    }
    entries.set(k, [k, v]);
  }
  return new MapTerm(entries);
}

/**
 * An error met while expanding a struct literal: iex adds `expanding struct: Mod.__struct__/1`
 * under it (the frame format-error.ts prints for the `expanding` location).
 */
export function expanding(reason: Term, module: Term, arity: number): ElixirThrow {
  return new ElixirThrow('error', reason, new Tuple([module, STRUCT_KEY, arity, new Cons(new Tuple([atom('expanding'), TRUE]), NIL)]));
}

/** The CompileError of a struct literal naming a module without `__struct__/1`. */
export function undefinedStruct(module: Term): ElixirThrow {
  const name = moduleName(module);
  return expanding(
    exception(
      'CompileError',
      `${name}.__struct__/1 is undefined, cannot expand struct ${name}. Make sure the struct name is correct. ` +
        'If the struct name exists and is correct but it still cannot be found, you likely have cyclic module usage in your code',
    ),
    module,
    1,
  );
}

/** Is `t` a struct (a map whose `__struct__` is an atom), of `module` if given? */
export function isStruct(t: Term, module?: Term): boolean {
  if (typeof t !== 'object' || t.kind !== 'map') return false;
  const m = t.entries.get(STRUCT_KEY)?.[1];
  return m !== undefined && isAtom(m) && (module === undefined || m === module);
}

function isAtom(t: Term): boolean {
  return typeof t === 'object' && t.kind === 'atom';
}

function listItems(t: Term, what: string): Term[] {
  const out: Term[] = [];
  let l = t;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) out.push(l.head);
  if (typeof l !== 'object' || l.kind !== 'nil') raise('ArgumentError', `${what} expects a list, got: ${inspect(t)}`);
  return out;
}

/** The pairs of a keyword list or a map (`struct/2` takes either). */
export function pairsOf(kv: Term): (readonly [Term, Term])[] {
  if (typeof kv === 'object' && kv.kind === 'map') return [...kv.entries.values()];
  const out: (readonly [Term, Term])[] = [];
  for (const item of listItems(kv, 'struct')) {
    if (typeof item !== 'object' || item.kind !== 'tuple' || item.elements.length !== 2) raise('ArgumentError', `expected a keyword list, got: ${inspect(kv)}`);
    out.push([item.elements[0] as Term, item.elements[1] as Term]);
  }
  return out;
}

function listOf(items: readonly Term[]): Term {
  let l: Term = NIL;
  for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i] as Term, l);
  return l;
}

/** For InspectOptions.structFields: the structs of a node's module table, for printing. */
export function structFieldsOf(node: { structOf(module: Term): StructInfo | undefined }): (module: Atom) => readonly Atom[] | undefined {
  return (module) => node.structOf(module)?.fields.map(([k]) => k);
}
