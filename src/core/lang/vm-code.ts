/**
 * The compiled form the VM runs.
 *
 * A function body compiles to a flat array of `Instr`s (a small register machine: every variable
 * is a numbered slot of the current frame, resolved at compile time). Instructions that may call
 * Elixir code (calls, receive, case...) are separate instructions, so the VM's loop keeps its own
 * frame stack and never recurses in JS per Elixir call. Everything that cannot call Elixir code
 * (arithmetic, data construction, pattern matching, guards, inline BIFs) compiles to plain JS
 * closures (`Ev`, `Matcher`, `Test`) that an instruction runs: no interpretation overhead for
 * them, and no eval.
 */
import type { Atom, Term } from '../term/types.ts';
import type { Expr, Pos } from './ast.ts';
import type { Bif } from './builtins.ts';
import type { Machine } from './vm.ts';

/** Computes a value from the current frame (`r[b + slot]` are the frame's variables). */
export type Ev = (r: Term[], b: number, m: Machine) => Term;

/**
 * Slot readers and constants are tagged, so instructions and operators can read a slot or use a
 * constant directly instead of calling a closure (the interpreter's hottest path).
 */
const slotReaders: Ev[] = [];
const slotOfEv = new WeakMap<Ev, number>();
const constOfEv = new WeakMap<Ev, { v: Term }>();

export function slotEv(s: number): Ev {
  let f = slotReaders[s];
  if (f === undefined) {
    f = (r, b) => r[b + s] as Term;
    slotReaders[s] = f;
    slotOfEv.set(f, s);
  }
  return f;
}

export function constEv(v: Term): Ev {
  const f: Ev = () => v;
  constOfEv.set(f, { v });
  return f;
}

/** The slot `ev` reads, or -1. */
export function evSlot(ev: Ev | null): number {
  return ev === null ? -1 : (slotOfEv.get(ev) ?? -1);
}

/** The constant `ev` returns, if it is one. */
export function evConst(ev: Ev): { v: Term } | undefined {
  return constOfEv.get(ev);
}
/**
 * What an `Ev` computes, when it is one of the shapes the VM evaluates inline (no closure
 * call): the shapes of `n - 1`, `a + b`, `x`, `:ok`. The closure stays the reference
 * semantics: the VM falls back to it whenever the inline case does not apply (non-integers,
 * overflow), so errors and bigints behave exactly as before.
 */
export const EV_CLOSURE = 0;
/** r[b + s1] */
export const EV_SLOT = 1;
/** the constant k */
export const EV_CONST = 2;
/** r[b + s1] + k, k a small integer */
export const EV_SLOT_ADDK = 3;
/** r[b + s1] + r[b + s2] */
export const EV_SLOT_ADD_SLOT = 4;
/** r[b + s1] - r[b + s2] */
export const EV_SLOT_SUB_SLOT = 5;

const arithOfEv = new WeakMap<Ev, { kind: number; s1: number; s2: number; k: number }>();

/** Marks `ev` (an arithmetic closure) as computing one of the inline shapes above. */
export function tagArith(ev: Ev, kind: number, s1: number, s2: number, k: number): Ev {
  arithOfEv.set(ev, { kind, s1, s2, k });
  return ev;
}

/** The inline shape of `ev`: kind (EV_*), slots and constant. */
export function evShape(ev: Ev | null): { kind: number; s1: number; s2: number; k: Term } {
  if (ev === null) return { kind: EV_CLOSURE, s1: 0, s2: 0, k: 0 };
  const s = slotOfEv.get(ev);
  if (s !== undefined) return { kind: EV_SLOT, s1: s, s2: 0, k: 0 };
  const c = constOfEv.get(ev);
  if (c !== undefined) return { kind: EV_CONST, s1: 0, s2: 0, k: c.v };
  const a = arithOfEv.get(ev);
  if (a !== undefined) return a;
  return { kind: EV_CLOSURE, s1: 0, s2: 0, k: 0 };
}

/** Matches `v`, binding pattern variables into the frame; false on mismatch. */
export type Matcher = (v: Term, r: Term[], b: number, m: Machine) => boolean;
/** A guard or a condition: true/false, never throws (a raising guard is false). */
export type Test = (r: Term[], b: number, m: Machine) => boolean;

// Opcodes. Plain numbers (not a const enum) so every tool chain treats them alike.
/** r[a] = ev() */
export const OP_EVAL = 0;
/** ev() for its effects. */
export const OP_EXEC = 1;
/** pc = a */
export const OP_JUMP = 2;
/** if !truthy(ev()) pc = a */
export const OP_JUMP_IF_FALSE = 3;
/** return ev() */
export const OP_RETURN = 4;
/** call fun ev() with evs; r[a] = result; c=1: tail call */
export const OP_CALL_FUN = 5;
/** non-tail call of fun ev()/funSlot with evs (fast path for closures; r[a] = result) */
export const OP_CALL_FUN_FAST = 15;
/** call x: LocalSite */
export const OP_CALL_LOCAL = 6;
/** call x: RemoteSite */
export const OP_CALL_REMOTE = 7;
/** call x: Bif marked `control` */
export const OP_CALL_BIF = 8;
/** try clauses on r[a] (or on the params for function heads): jump to the first match. */
export const OP_SELECT = 9;
/** selective receive over `clauses`; ev = timeout (null: none); b = after target. */
export const OP_RECEIVE = 10;
/** push an exception handler jumping to b, with kind/reason/stack stored in slots a, a+1, a+2. */
export const OP_TRY = 11;
/** pop the innermost handler. */
export const OP_TRY_END = 12;
/** raise again the exception stored in slots a, a+1, a+2. */
export const OP_RERAISE = 13;
/** define the module x: ModuleTemplate; attribute values in evs; r[a] = {:module, ...}. */
export const OP_DEFMODULE = 14;

/** A receive clause's `eqSlot` when the message must be exactly `eqValue` (an atom or small integer). */
export const RECV_EQ = -2;

export interface SelectClause {
  /**
   * Fast path: the clause needs exactly `r[eqSlot] === eqValue` (an atom or small integer param).
   * In a receive: RECV_EQ (the message is `eqValue`), or a slot the message binds to (`k ->`).
   */
  readonly eqSlot: number;
  readonly eqValue: Term;
  readonly match: Matcher | null;
  readonly guard: Test | null;
  target: number;
}

/** How a failed OP_SELECT raises: which error, built from the subject (or the arguments). */
export type SelectFail =
  | { readonly kind: 'case_clause' | 'try_clause' | 'with_clause' | 'badmatch' }
  | { readonly kind: 'function_clause'; readonly module: string; readonly name: string }
  | { readonly kind: 'cond_clause' }
  | { readonly kind: 'fallthrough'; target: number };

export class Instr {
  a = 0;
  b = 0;
  c = 0;
  private fn: Ev | null = null;
  /** The inline shape of `ev` (EV_*), with its slots and constant: set with `ev`. */
  ek = EV_CLOSURE;
  es1 = 0;
  es2 = 0;
  ekv: Term = 0;
  evs: Ev[] | null = null;
  /**
   * For calls: per argument, the slot it reads directly (>= 0), -1 to call evs[i], or -2 - s
   * for `r[s] + argK[i]` on small integers (evs[i] when that does not apply).
   */
  argSlots: Int32Array | null = null;
  argK: number[] | null = null;
  /** For OP_CALL_FUN: the slot holding the fun, or -1 to call ev. */
  funSlot = -1;
  clauses: SelectClause[] | null = null;
  x: unknown = null;
  /**
   * OP_CALL_FUN_FAST's inline cache: the last fun called here, known to be a closure of the
   * right arity (keeps that one fun alive as long as the code: one per call site at most).
   */
  cacheFun: Term | null = null;
  constructor(
    readonly op: number,
    readonly pos: Pos | null,
  ) {}

  /** The operand closure; setting it also records its inline shape (ek, es1, es2, ekv). */
  get ev(): Ev | null {
    return this.fn;
  }
  set ev(f: Ev | null) {
    this.fn = f;
    const sh = evShape(f);
    this.ek = sh.kind;
    this.es1 = sh.s1;
    this.es2 = sh.s2;
    this.ekv = sh.k;
  }

  /** Sets the call arguments: `evs`, and for each its inline form (argSlots, argK). */
  setArgs(evs: Ev[]): void {
    this.evs = evs;
    const slots = new Int32Array(evs.length);
    let ks: number[] | null = null;
    evs.forEach((f, i) => {
      const sh = evShape(f);
      if (sh.kind === EV_SLOT) slots[i] = sh.s1;
      else if (sh.kind === EV_SLOT_ADDK) {
        slots[i] = -2 - sh.s1;
        ks ??= evs.map(() => 0);
        ks[i] = sh.k as number;
      } else slots[i] = -1;
    });
    this.argSlots = slots;
    this.argK = ks;
  }
}

/**
 * Where a function's code came from, for its stacktrace entries: the file iex names (`'iex'` for
 * code typed at the prompt; null for the prelude, whose file follows from the module name) and
 * the number added to the parsed line (the prompt's counter minus one, as iex numbers lines).
 */
export interface SourceInfo {
  readonly file: string | null;
  readonly line0: number;
}

export const NO_SOURCE: SourceInfo = { file: null, line0: 0 };

/** A compiled function: one def's clauses (name/arity) or one fn's clauses. */
export class FnCode {
  instrs: Instr[] = [];
  src: SourceInfo = NO_SOURCE;
  /** It never returns (no-return.ts): its local callers leave no frame in a stacktrace, as on BEAM. */
  noReturn = false;
  /** The line of its first clause (a `def`'s), where BEAM places a frame that has made no call yet. */
  line = 0;
  nslots = 0;
  /** Where captured values go: env[i] is copied into slot capSlots[i] on entry. */
  capSlots: number[] = [];
  constructor(
    readonly module: string,
    readonly name: string,
    readonly arity: number,
  ) {}
}

/**
 * The code of an anonymous fn: what a `Fun` term's `code` holds. `ast` plus the names of the
 * captured variables (in env order) is the transferable form: another node compiles it again.
 */
export class FnTemplate {
  constructor(
    readonly ast: Expr,
    readonly captureNames: readonly string[],
    readonly code: FnCode,
    /** The module whose functions `fn` bodies may call locally (null in the shell). */
    readonly module: string | null,
  ) {}
}

/** A call to a function of the module being defined, resolved when the module is defined. */
export interface LocalSite {
  readonly name: string;
  readonly arity: number;
  /** Filled in when the module instance is created. */
  target: FnCode | null;
  module: string;
}

/** `Mod.f(args)`: resolved on first use and cached until the module table changes. */
export interface RemoteSite {
  /** The module when known at compile time; else computed by `modEv`. */
  readonly module: Atom | null;
  readonly modEv: Ev | null;
  /** A local call that is not the module's own: try the imports (Kernel, IEx.Helpers) in order. */
  readonly imports: boolean;
  readonly name: Atom;
  readonly arity: number;
  cacheGen: number;
  cacheModule: Atom | null;
  cacheFn: FnCode | null;
  cacheBif: Bif | null;
}

/** What OP_DEFMODULE needs to instantiate a module. */
import type { StructDef } from './structs.ts';

export interface ModuleTemplate {
  readonly name: string;
  readonly functions: ReadonlyMap<string, { code: FnCode; private: boolean }>;
  /** The result's last element: the value of the last form ({name, arity} of the last def, or the struct of a last `defstruct`). */
  readonly last: { name: string; arity: number } | { attr: number } | 'struct' | null;
  /** Where `defstruct`/`defexception` left the struct's fields (structs.ts). */
  readonly struct?: StructDef;
  /** Attribute versions, filled at definition time (reads in defs index this array). */
  readonly attrs: Term[];
  readonly localSites: LocalSite[];
  /** The `defmodule` form with the module's full name, so `nl/1` can load it on other nodes. */
  readonly source: Expr & { kind: 'defmodule' };
}
