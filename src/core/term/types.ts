/**
 * The term model: every value an Elixir program can hold.
 *
 * Integers are plain JS numbers while they are safe integers and `bigint` beyond (BEAM's small
 * and big integers); use `int()` / `normInt()` so a result is always in canonical form: a number
 * when it fits, a bigint only when it does not. Floats are boxed (`Float`) so that `1.0` stays
 * distinct from `1`. Everything else is a small class tagged with `kind`, so code can switch on
 * `term.kind` after the `typeof` checks for numbers and bigints.
 *
 * Atoms are interned (one object per name), so atoms compare by identity.
 */

export type Term =
  | number // integer, always Number.isSafeInteger
  | bigint // integer outside the safe range
  | Float
  | Atom
  | Binary
  | Bitstring
  | Cons
  | Nil
  | Tuple
  | MapTerm
  | Pid
  | Ref
  | Port
  | Fun;

export class Float {
  readonly kind = 'float' as const;
  constructor(readonly value: number) {}
}

export class Atom {
  readonly kind = 'atom' as const;
  /**
   * The distribution's atom cache slot for this atom (a hash of its name: etf/atom-cache.ts
   * cacheIndex), made on first use; -1 until then. Not part of the term: a memo on the interned
   * atom, as Ref's key, since a table lookup per atom per packet showed in a flood's profile.
   */
  cacheSlot = -1;
  /** Use `atom(name)`: atoms are interned. */
  constructor(readonly name: string) {}
}

/**
 * BEAM's limits: 1,048,576 atoms (the default of `erl +t`), 255 characters each. Atoms are never
 * collected, so without a limit a loop of `String.to_atom` would fill the tab's memory. The limit
 * applies to atoms made from data (`toAtom`: String.to_atom and friends, a peer's messages);
 * the names written in our own code (`atom`) are a fixed, small set and always succeed, so a full
 * table never breaks the runtime itself.
 */
export const ATOM_LIMIT = 1_048_576;
export const MAX_ATOM_CHARS = 255;

/**
 * Thrown by `toAtom` past a limit: `system_limit`, which Elixir shows as
 * `** (SystemLimitError) a system limit has been reached`. (A full table makes BEAM 25 halt the
 * whole node, "no more index entries in atom_tab"; a tab raises in the process instead.)
 */
export class AtomLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AtomLimitError';
  }
}

// One table per JS realm: a browser tab is one node, so this is that node's table. Nodes that
// share a realm (tests, the terminal's harnesses) share it, and its limit.
const atomTable = new Map<string, Atom>();

/** The one atom with this name, for names in our own code. */
export function atom(name: string): Atom {
  let a = atomTable.get(name);
  if (a === undefined) {
    a = new Atom(name);
    atomTable.set(name, a);
  }
  return a;
}

/** The atom named by data, or undefined when making it would pass a limit. */
export function tryAtom(name: string): Atom | undefined {
  const a = atomTable.get(name);
  if (a !== undefined) return a;
  if (atomTable.size >= ATOM_LIMIT) return undefined;
  if (name.length > MAX_ATOM_CHARS && [...name].length > MAX_ATOM_CHARS) return undefined;
  return atom(name);
}

/** `String.to_atom`: the atom named by data; AtomLimitError (system_limit) past a limit. */
export function toAtom(name: string): Atom {
  const a = tryAtom(name);
  if (a === undefined) {
    throw new AtomLimitError(atomTable.size >= ATOM_LIMIT ? `the atom table is full (${ATOM_LIMIT} atoms)` : 'atom longer than 255 characters');
  }
  return a;
}

/** The atom with this name if it exists (`String.to_existing_atom`), else undefined. */
export function existingAtom(name: string): Atom | undefined {
  return atomTable.get(name);
}

/** How many atoms exist (`:erlang.system_info(:atom_count)`). */
export function atomCount(): number {
  return atomTable.size;
}

export const TRUE = atom('true');
export const FALSE = atom('false');
export const NIL_ATOM = atom('nil');
export const OK = atom('ok');
export const ERROR = atom('error');
export const UNDEFINED = atom('undefined');
export const INFINITY = atom('infinity');

export function bool(b: boolean): Atom {
  return b ? TRUE : FALSE;
}

const encoder = new TextEncoder();
// ignoreBOM: a leading U+FEFF is content (a binary's bytes), not a byte-order mark to strip.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A binary (Elixir string). Holds its bytes; the decoded text is cached when it is valid UTF-8. */
export class Binary {
  readonly kind = 'binary' as const;
  private textCache: string | null | undefined;
  private constructor(
    private bytesCache: Uint8Array | undefined,
    text: string | undefined,
  ) {
    this.textCache = text;
  }
  static fromString(s: string): Binary {
    return new Binary(undefined, s);
  }
  static fromBytes(b: Uint8Array): Binary {
    return new Binary(b, undefined);
  }
  get bytes(): Uint8Array {
    if (this.bytesCache === undefined) this.bytesCache = encoder.encode(this.textCache ?? '');
    return this.bytesCache;
  }
  get byteSize(): number {
    return this.bytes.length;
  }
  /** The text if the bytes are valid UTF-8, else null. */
  get text(): string | null {
    if (this.textCache === undefined) {
      try {
        this.textCache = decoder.decode(this.bytesCache);
      } catch {
        this.textCache = null;
      }
    }
    return this.textCache;
  }
}

/**
 * A bitstring whose length is not a whole number of bytes (`<<1::size(3)>>`). A bitstring of
 * whole bytes is always a `Binary`, so `kind === 'binary'` stays the test for "is a binary".
 * The bits are packed from the most significant bit of `bytes[0]` on; the unused low bits of
 * the last byte are zero (the layout of ETF's BIT_BINARY_EXT), so two equal bitstrings have
 * equal bytes.
 */
export class Bitstring {
  readonly kind = 'bitstring' as const;
  /** Use `bitsOf` (bits.ts), which gives a Binary for whole bytes and clears the padding. */
  constructor(
    readonly bytes: Uint8Array,
    readonly bitSize: number,
  ) {}
}

export function str(s: string): Binary {
  return Binary.fromString(s);
}

/** The empty list `[]`. A singleton. */
export class Nil {
  readonly kind = 'nil' as const;
}
export const NIL = new Nil();

/** A list cell `[head | tail]`. The tail of a proper list ends in NIL; anything else is improper. */
export class Cons {
  readonly kind = 'cons' as const;
  constructor(
    readonly head: Term,
    readonly tail: Term,
  ) {}
}

export type List = Cons | Nil;

export function list(items: readonly Term[], tail: Term = NIL): Term {
  let l: Term = tail;
  for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i] as Term, l);
  return l;
}

export class Tuple {
  readonly kind = 'tuple' as const;
  constructor(readonly elements: readonly Term[]) {}
  get size(): number {
    return this.elements.length;
  }
}

export function tuple(...elements: Term[]): Tuple {
  return new Tuple(elements);
}

/**
 * A map. Entries live in a JS Map keyed by `mapKey(term)` (see hash.ts), which follows
 * Erlang's exact equality for map keys (`1` and `1.0` are different keys). Immutable from the
 * outside: use the functions in map.ts to build new maps.
 */
export class MapTerm {
  readonly kind = 'map' as const;
  constructor(readonly entries: ReadonlyMap<unknown, readonly [Term, Term]>) {}
  get size(): number {
    return this.entries.size;
  }
}

/** A process identifier. `node` is the node's name atom; `creation` tells incarnations apart. */
export class Pid {
  readonly kind = 'pid' as const;
  constructor(
    readonly node: Atom,
    readonly id: number,
    readonly serial: number,
    readonly creation: number,
  ) {}
}

/** A reference: up to 5 32-bit words in wire order (NEWER_REFERENCE_EXT). */
export class Ref {
  readonly kind = 'ref' as const;
  /**
   * The runtime's key for this reference (runtime/identifiers.ts refKey), made once: a
   * GenServer.call builds it three times (monitor, demonitor, the flush), so a string per use
   * showed in profiles. Not part of the term.
   */
  key: string | undefined = undefined;
  constructor(
    readonly node: Atom,
    readonly creation: number,
    readonly ids: readonly number[],
  ) {}
}

/**
 * How many of a reference's words count: BEAM ignores trailing zero words, so `[6]` and `[6, 0]`
 * are the same reference (`=:=`, map keys, order).
 */
export function refLength(r: Ref): number {
  const ids = r.ids;
  let n = ids.length;
  while (n > 0 && ids[n - 1] === 0) n--;
  return n;
}

export class Port {
  readonly kind = 'port' as const;
  constructor(
    readonly node: Atom,
    readonly id: number,
    readonly creation: number,
  ) {}
}

/**
 * A fun. Opaque to the term layer: the language layer puts its compiled code and captured
 * bindings in `code`/`env`. `module`/`name` are for printing (`#Function<...>`, `&Mod.f/1`).
 */
export class Fun {
  readonly kind = 'fun' as const;
  constructor(
    readonly arity: number,
    readonly info: FunInfo,
    readonly code: unknown,
    readonly env: unknown,
  ) {}
}

export type FunInfo =
  /** `&Mod.fun/arity`: an external fun, printed `&Mod.fun/arity`. */
  | { readonly type: 'export'; readonly module: Atom; readonly name: Atom }
  /** A closure, printed `#Function<index.uniq/arity in module.name>`. */
  | { readonly type: 'local'; readonly module: Atom; readonly name: string; readonly index: number; readonly uniq: number };

export function isInteger(t: Term): t is number | bigint {
  return typeof t === 'number' || typeof t === 'bigint';
}

export function isNumber(t: Term): t is number | bigint | Float {
  return typeof t === 'number' || typeof t === 'bigint' || (t as Float).kind === 'float';
}

export function isAtom(t: Term): t is Atom {
  return typeof t === 'object' && t.kind === 'atom';
}

/** Canonical integer: a number when it is a safe integer, else a bigint. */
export function normInt(n: bigint): number | bigint {
  return n >= -9007199254740991n && n <= 9007199254740991n ? Number(n) : n;
}

/** An integer term from a JS number result, promoting to bigint when precision would be lost. */
export function int(n: number | bigint): number | bigint {
  return typeof n === 'bigint' ? normInt(n) : n;
}
