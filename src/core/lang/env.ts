/**
 * Compile-time environments: which frame slot holds each variable.
 *
 * Every binding gets a fresh slot (Elixir rebinding `x = x + 1` is a new slot), so a clause that
 * fails half-way, or a closure that captured the old `x`, never sees a clobbered value, and
 * scopes are just name→slot maps copied at clause boundaries (bindings inside a `case` branch do
 * not leak out). A `fn` gets its own FnBuilder; a variable it reads from an enclosing function is
 * captured: copied into the fun's env when the fun is made, and into a slot of the fun's frame on
 * each call.
 */
import { FnCode, Instr, type SourceInfo } from './vm-code.ts';
import type { Pos } from './ast.ts';
import type { ModuleCtx } from './compiler-module.ts';
import type { BifResolver } from './builtins.ts';

export type Scope = Map<string, number>;

export class CompileError {
  constructor(
    readonly pos: Pos,
    readonly message: string,
    /** The stack lines iex prints under it (Elixir's own compiler frames); none: a blank line. */
    readonly stack: readonly string[] = [],
  ) {}
}

export class FnBuilder {
  readonly code: FnCode;
  /** Captured variables: name → slot in this function. */
  readonly captures = new Map<string, number>();
  readonly captureNames: string[] = [];
  /** For each capture, the slot in the enclosing function holding its value. */
  readonly captureOuter: number[] = [];

  constructor(
    module: string,
    name: string,
    arity: number,
    /** The enclosing function and its scope at the `fn`, or null for defs and shell code. */
    readonly outer: { readonly fb: FnBuilder; readonly scope: Scope } | null,
    readonly mod: ModuleCtx | null,
    /** The node's built-ins a call may name (calls to BIFs compile to direct calls). */
    readonly bifs: BifResolver,
    /** Where the code came from (stacktraces); an `fn` inherits its enclosing function's. */
    src?: SourceInfo,
  ) {
    this.code = new FnCode(module, name, arity);
    this.code.nslots = arity;
    this.code.src = src ?? outer?.fb.code.src ?? this.code.src;
  }

  get instrs(): Instr[] {
    return this.code.instrs;
  }

  newSlot(): number {
    return this.code.nslots++;
  }

  emit(op: number, pos: Pos | null): Instr {
    const i = new Instr(op, pos);
    this.code.instrs.push(i);
    return i;
  }

  /** The index the next emitted instruction will have (a jump target). */
  here(): number {
    return this.code.instrs.length;
  }

  /** The slot of a variable captured from enclosing functions, capturing it now if needed. */
  capture(name: string): number | undefined {
    const c = this.captures.get(name);
    if (c !== undefined) return c;
    if (this.outer === null) return undefined;
    const outerSlot = lookupVar(this.outer.fb, this.outer.scope, name);
    if (outerSlot === undefined) return undefined;
    const slot = this.newSlot();
    this.captures.set(name, slot);
    this.captureNames.push(name);
    this.captureOuter.push(outerSlot);
    this.code.capSlots.push(slot);
    return slot;
  }
}

export function lookupVar(fb: FnBuilder, scope: Scope, name: string): number | undefined {
  const s = scope.get(name);
  return s !== undefined ? s : fb.capture(name);
}

/** The compile context: the function being built, its current scope, the module (if any). */
export interface Ctx {
  readonly fb: FnBuilder;
  readonly scope: Scope;
  /**
   * Compiling a guard: a guard cannot yield, so BIFs that trap in a body (length/1, ++, --)
   * are called inline there, in their non-trapping version (`Bif.guard`).
   */
  readonly guard?: boolean;
}

export function withScope(ctx: Ctx, scope: Scope): Ctx {
  return ctx.guard === true ? { fb: ctx.fb, scope, guard: true } : { fb: ctx.fb, scope };
}

/** A child scope: sees the parent's variables; its own bindings stay inside. */
export function child(ctx: Ctx): Ctx {
  return withScope(ctx, new Map(ctx.scope));
}
