/**
 * The machine: runs compiled code (vm-code.ts) for one process.
 *
 * The frame stack is explicit (parallel arrays of code, return pc and base pointer) and all
 * variables live in one register array, so an Elixir call never recurses on the JS stack: deep
 * recursion only grows these arrays, a tail call reuses the current frame, and `run()` can stop
 * anywhere an instruction begins — after its reduction budget (one reduction per call) or in a
 * receive with no matching message — and resume there on the next `run()`.
 *
 * `run` keeps the current frame (code, pc, base pointer, registers) in locals: the hot
 * instructions (evaluation, jumps, clause selection, calls, returns, receive) run inline in its
 * loop (measured: moving them into functions cost 3-15% on the benchmarks). The cold paths are
 * methods or functions of their own files: BIF calls and what control BIFs ask for (callBif),
 * waking from a sleep, unwinding to a `try` (unwind), defining a module, call targets
 * (vm-calls.ts) and errors (vm-errors.ts). They get the frame written back to the machine
 * (`save`), and the loop reads it again after (`this.code`, `this.pc`, `this.bp`); `depth` and
 * the frame arrays always live on the machine. One helper pushes a frame (`pushFrame`) and one
 * returns from it (`returnTo`); the two hottest paths (OP_RETURN and a closure call) repeat their
 * few lines inline, because V8 does not inline calls out of this large loop (measured: fib 4%,
 * the process ring 8% slower through the helpers).
 */
import { Atom, Fun, NIL, NIL_ATOM, Tuple, atom, type Term } from '../term/types.ts';
import type { ProcessApi } from '../runtime/process-api.ts';
import type { Bif, BifContext, LangNode } from './builtins.ts';
import { atBif, ElixirThrow, type ErrorKind } from './errors.ts';
import {
  FnCode, FnTemplate, Instr, OP_CALL_BIF, OP_CALL_FUN, OP_CALL_FUN_FAST, OP_CALL_LOCAL, OP_CALL_REMOTE, OP_DEFMODULE, OP_EVAL, OP_EXEC,
  OP_JUMP, OP_JUMP_IF_FALSE, OP_RECEIVE, OP_RERAISE, OP_RETURN, OP_SELECT, OP_TRY, OP_TRY_END, EV_CONST, EV_SLOT, EV_SLOT_ADD_SLOT, RECV_EQ,
  type LocalSite, type ModuleTemplate, type RemoteSite, type SelectFail,
} from './vm-code.ts';
import type { ModuleRegistry } from './modules.ts';
import { ERROR_ATOM, EXIT_ATOM, THROW_ATOM } from './exceptions.ts';
import { truthy } from './ops.ts';
import { bifShim, funTarget, remoteTarget, undefinedRemote } from './vm-calls.ts';
import { failureOf, Rethrow, selectError, VmError } from './vm-errors.ts';
import { buildStruct } from './structs.ts';
import { BACKTRACE_DEPTH, buildStacktrace, evaluatorFrames, frameEntry, type Frame } from './stacktrace.ts';

export type MachineResult =
  | { readonly type: 'yield'; readonly reductions: number }
  | { readonly type: 'wait'; readonly reductions: number }
  | { readonly type: 'done'; readonly reductions: number; readonly value: Term }
  | { readonly type: 'error'; readonly reductions: number; readonly kind: ErrorKind; readonly reason: Term; readonly stack: Term };

/** What the machine needs from its node. */
export interface VmNode extends LangNode {
  readonly modules: ModuleRegistry;
}

/** A `try` in progress: where its handler resumes when an exception unwinds to it. */
interface Handler {
  readonly depth: number;
  readonly code: FnCode;
  readonly bp: number;
  readonly target: number;
  readonly slot: number;
}

/** What a control BIF asked for (ctx.tailCall, ctx.tailCallMfa, ctx.sleep, ctx.trap). */
type Pending =
  | { readonly kind: 'call'; readonly fun: Term; readonly args: readonly Term[] }
  | { readonly kind: 'mfa'; readonly module: Atom; readonly name: Atom; readonly args: readonly Term[] }
  | { readonly kind: 'sleep'; readonly ms: number | null; readonly result: Term }
  | { readonly kind: 'hibernate'; readonly module: Atom; readonly name: Atom; readonly args: readonly Term[] }
  | { readonly kind: 'trap'; readonly reductions: number; readonly resume: () => Term };

const MODULE = atom('module');
const INFINITY = atom('infinity');
const EMPTY: readonly Term[] = [];

class Ctx implements BifContext {
  constructor(private readonly m: Machine) {}
  get proc(): ProcessApi {
    return this.m.proc;
  }
  get node(): LangNode {
    return this.m.node;
  }
  tailCall(fun: Term, args: readonly Term[]): Term {
    this.m.pending = { kind: 'call', fun, args };
    return NIL_ATOM;
  }
  tailCallMfa(module: Atom, name: Atom, args: readonly Term[]): Term {
    this.m.pending = { kind: 'mfa', module, name, args };
    return NIL_ATOM;
  }
  sleep(ms: number | null, result: Term): Term {
    this.m.pending = { kind: 'sleep', ms, result };
    return NIL_ATOM;
  }
  trap(reductions: number, resume: () => Term): Term {
    this.m.pending = { kind: 'trap', reductions, resume };
    return NIL_ATOM;
  }
  hibernate(module: Atom, name: Atom, args: readonly Term[]): Term {
    this.m.pending = { kind: 'hibernate', module, name, args };
    return NIL_ATOM;
  }
}

/** Where a hibernating process is, for Process.info's current_function (as erts shows it). */
const HIBERNATE_CODE = new FnCode('erlang', 'hibernate', 3);

export class Machine {
  /** Starts small (a process costs little) and doubles as frames deepen; packed, not holey. */
  regs: Term[] = zeros(128);
  bp = 0;
  pc = 0;
  code: FnCode = new FnCode('erl_eval', 'expr', 0);
  depth = 0;
  /**
   * Set for the shell's evaluator: its stacktraces end in the IEx evaluator's frames, as the
   * shell process's do on BEAM (stacktrace.ts).
   */
  bottom: 'evaluator' | null = null;
  /** Deepest frame stack seen (tests check that tail calls stay flat). */
  maxDepth = 0;
  private readonly fCode: FnCode[] = [];
  /** Per frame, 3 small integers: return pc, base pointer, absolute register of the result. */
  private readonly fInt: number[] = [];
  private readonly handlers: Handler[] = [];
  private receiving = false;
  /** Set while blocked in ctx.sleep: what the call returns, and whether it was a tail call. */
  private sleeping: { result: Term; tail: boolean; dst: number } | null = null;
  /** Set while hibernating (erlang:hibernate/3): what runs when a message comes. */
  private hibernating: { module: Atom; name: Atom; args: readonly Term[] } | null = null;
  pending: Pending | null = null;
  /** Reductions trapping BIFs reported (ctx.trap), charged by `run` when it reloads the frame. */
  private trapped = 0;
  /**
   * Set by `interrupt` (the process was suspended on a busy connection, runtime/busy-dist.ts):
   * the run yields at its next call, where it would check its reductions anyway.
   */
  private interrupted = false;
  proc!: ProcessApi;
  readonly ctx: BifContext;
  /** The arguments of the call being made. */
  private readonly argbuf: Term[] = [];

  constructor(readonly node: VmNode) {
    this.ctx = new Ctx(this);
  }

  /** Prepares to run `code` with `args` in its first slots (and `env` in its capture slots). */
  start(code: FnCode, args: readonly Term[], env: readonly Term[] = EMPTY): void {
    this.code = code;
    this.pc = 0;
    this.bp = 0;
    this.depth = 0;
    this.handlers.length = 0;
    this.receiving = false;
    this.sleeping = null;
    this.ensure(code.nslots);
    for (let i = 0; i < args.length; i++) this.regs[i] = args[i] as Term;
    const cs = code.capSlots;
    for (let i = 0; i < cs.length; i++) this.regs[cs[i] as number] = env[i] as Term;
  }

  /** Prepares to run `fun.(args...)`; raises (as a JS throw) if fun is not callable. */
  startFun(fun: Term, args: readonly Term[]): void {
    const t = funTarget(this.node.modules, fun, args);
    if (t instanceof FnCode) this.start(t, args, (fun as Fun).env as Term[]);
    else this.start(bifShim(t), args);
  }

  startMfa(module: Atom, name: Atom, args: readonly Term[]): void {
    const t = this.node.modules.resolve(module, name, args.length, args);
    if (t instanceof FnCode) this.start(t, args);
    else this.start(bifShim(t), args);
  }

  /** The value of a variable slot of the bottom frame (the shell reads its bindings this way). */
  slot(i: number): Term {
    return this.regs[i] as Term;
  }

  currentFunction(): readonly [string, string, number] {
    return [this.code.module, this.code.name, this.code.arity];
  }

  /**
   * Runs until done, out of budget, or blocked. The current frame lives in locals while the loop
   * runs, and is written back to the machine whenever the loop stops or calls out.
   */
  run(proc: ProcessApi, budget: number): MachineResult {
    this.proc = proc;
    this.interrupted = false;
    if (this.sleeping !== null) {
      const r = this.wake(proc);
      if (r !== null) return r;
    }
    if (this.hibernating !== null) {
      const r = this.wakeHibernated(proc);
      if (r !== null) return r;
    }
    let reds = budget;
    const argbuf = this.argbuf;
    const fCode = this.fCode, fInt = this.fInt;
    for (;;) {
      // (Re)load the frame from the machine: at the start, and after a BIF call or an unwind.
      reds -= this.trapped;
      this.trapped = 0;
      let code = this.code;
      let ins = code.instrs;
      let pc = this.pc;
      let bp = this.bp;
      let r = this.regs;
      try {
        for (;;) {
          const I = ins[pc++] as Instr;
          let callee: FnCode | Bif;
          let n: number;
          switch (I.op) {
            case OP_EVAL:
              r[bp + I.a] = I.ek === EV_SLOT ? (r[bp + I.es1] as Term) : (I.ev as NonNullable<Instr['ev']>)(r, bp, this);
              continue;
            case OP_EXEC:
              (I.ev as NonNullable<Instr['ev']>)(r, bp, this);
              continue;
            case OP_JUMP:
              pc = I.a;
              continue;
            case OP_JUMP_IF_FALSE:
              if (I.c === 1 && (--reds < 0 || this.interrupted)) return this.suspend('yield', budget, code, pc - 1, bp);
              if (!truthy((I.ev as NonNullable<Instr['ev']>)(r, bp, this))) pc = I.a;
              continue;
            case OP_RETURN: {
              // Inline shapes first (a slot, a constant, `a + b` on small integers), else the closure.
              let v: Term;
              const ek = I.ek;
              if (ek === EV_SLOT) v = r[bp + I.es1] as Term;
              else if (ek === EV_CONST) v = I.ekv;
              else if (ek === EV_SLOT_ADD_SLOT) {
                const x = r[bp + I.es1] as Term, y = r[bp + I.es2] as Term;
                v = typeof x === 'number' && typeof y === 'number' && Number.isSafeInteger(x + y) ? x + y : (I.ev as NonNullable<Instr['ev']>)(r, bp, this);
              } else v = (I.ev as NonNullable<Instr['ev']>)(r, bp, this);
              // returnTo, inline (V8 does not inline calls out of this loop: fib measured 4% slower).
              if (this.depth === 0) return this.done(v, budget - reds, code, pc - 1, bp);
              const d = --this.depth;
              code = fCode[d] as FnCode;
              ins = code.instrs;
              pc = fInt[3 * d] as number;
              bp = fInt[3 * d + 1] as number;
              r[fInt[3 * d + 2] as number] = v;
              continue;
            }
            case OP_SELECT: {
              // The first clause whose pattern and guard match; a `fallthrough` or an error if none.
              const v = I.a >= 0 ? (r[bp + I.a] as Term) : NIL;
              const cls = I.clauses as NonNullable<Instr['clauses']>;
              let k = 0;
              for (; k < cls.length; k++) {
                const c = cls[k] as (typeof cls)[number];
                if (c.eqSlot >= 0) {
                  if (r[bp + c.eqSlot] !== c.eqValue) continue;
                } else if (c.match !== null && !c.match(v, r, bp, this)) continue;
                if (c.guard === null || c.guard(r, bp, this)) break;
              }
              if (k < cls.length) pc = (cls[k] as (typeof cls)[number]).target;
              else pc = selectFailed(I, v, r, bp);
              continue;
            }
            case OP_CALL_FUN_FAST: {
              // Non-tail call of a closure (the common case), straight into the new frame.
              if (--reds < 0 || this.interrupted) return this.suspend('yield', budget, code, pc - 1, bp);
              const f = I.funSlot >= 0 ? (r[bp + I.funSlot] as Term) : (I.ev as NonNullable<Instr['ev']>)(r, bp, this);
              n = (I.evs as NonNullable<Instr['evs']>).length;
              // Inline cache: a call site mostly calls the same fun (a recursion's `f.(f, n - 1)`).
              if (f !== I.cacheFun) {
                if (f instanceof Fun && f.arity === n && f.code instanceof FnTemplate) I.cacheFun = f;
                else {
                  // Not a closure: take the general path.
                  gatherArgs(I, r, bp, argbuf, this);
                  callee = funTarget(this.node.modules, f, argbuf.slice(0, n));
                  break;
                }
              }
              const fun = f as Fun;
              const target = (fun.code as FnTemplate).code;
              const nbp = bp + code.nslots;
              if (nbp + target.nslots > r.length) r = this.ensure(nbp + target.nslots);
              const evs = I.evs as NonNullable<Instr['evs']>;
              const slots = I.argSlots as Int32Array;
              for (let i = 0; i < n; i++) {
                const s = slots[i] as number;
                let v: Term;
                if (s >= 0) v = r[bp + s] as Term;
                else if (s === -1) v = (evs[i] as NonNullable<Instr['ev']>)(r, bp, this);
                else {
                  // `x + k` on a small integer (the `n - 1` of a recursion), else the closure.
                  const x = r[bp - 2 - s] as Term;
                  const y = typeof x === 'number' ? x + ((I.argK as number[])[i] as number) : NaN;
                  v = Number.isSafeInteger(y) ? y : (evs[i] as NonNullable<Instr['ev']>)(r, bp, this);
                }
                r[nbp + i] = v;
              }
              // pushFrame, inline (as returnTo above).
              const d = this.depth++;
              if (d >= this.maxDepth) this.maxDepth = d + 1;
              fCode[d] = code;
              fInt[3 * d] = pc;
              fInt[3 * d + 1] = bp;
              fInt[3 * d + 2] = bp + I.a;
              bp = nbp;
              const cs = target.capSlots;
              if (cs.length > 0) {
                const fenv = fun.env as Term[];
                for (let i = 0; i < cs.length; i++) r[bp + (cs[i] as number)] = fenv[i] as Term;
              }
              code = target;
              ins = target.instrs;
              pc = 0;
              continue;
            }
            case OP_CALL_FUN: {
              if (--reds < 0 || this.interrupted) return this.suspend('yield', budget, code, pc - 1, bp);
              const f = I.funSlot >= 0 ? (r[bp + I.funSlot] as Term) : (I.ev as NonNullable<Instr['ev']>)(r, bp, this);
              {
                // (inline: the loop of every process, `loop.(loop, state)`, comes here)
                const evs = I.evs as NonNullable<Instr['evs']>;
                const slots = I.argSlots as Int32Array;
                n = evs.length;
                for (let i = 0; i < n; i++) {
                  const s = slots[i] as number;
                  argbuf[i] = s >= 0 ? (r[bp + s] as Term) : (evs[i] as NonNullable<Instr['ev']>)(r, bp, this);
                }
              }
              if (I.c === 1 && (f === I.cacheFun || (f instanceof Fun && f.arity === n && f.code instanceof FnTemplate))) {
                // A tail call of a closure (the loop of a process, `loop.(loop, state)`): reuse this frame now.
                I.cacheFun = f;
                const fun = f as Fun;
                const target = (fun.code as FnTemplate).code;
                if (bp + target.nslots > r.length) r = this.ensure(bp + target.nslots);
                for (let i = 0; i < n; i++) r[bp + i] = argbuf[i] as Term;
                const cs = target.capSlots;
                if (cs.length > 0) {
                  const fenv = fun.env as Term[];
                  for (let i = 0; i < cs.length; i++) r[bp + (cs[i] as number)] = fenv[i] as Term;
                }
                code = target;
                ins = target.instrs;
                pc = 0;
                continue;
              }
              callee = funTarget(this.node.modules, f, argbuf.slice(0, n));
              break;
            }
            case OP_CALL_LOCAL:
              if (--reds < 0 || this.interrupted) return this.suspend('yield', budget, code, pc - 1, bp);
              n = gatherArgs(I, r, bp, argbuf, this);
              callee = (I.x as LocalSite).target as FnCode;
              break;
            case OP_CALL_REMOTE: {
              if (--reds < 0 || this.interrupted) return this.suspend('yield', budget, code, pc - 1, bp);
              const t = remoteTarget(this, I.x as RemoteSite, r, bp);
              n = evalArgs(I, r, bp, argbuf, this);
              if (t instanceof Atom) undefinedRemote(this, t, I.x as RemoteSite, argbuf.slice(0, n));
              callee = t;
              break;
            }
            case OP_CALL_BIF:
              if (--reds < 0 || this.interrupted) return this.suspend('yield', budget, code, pc - 1, bp);
              n = evalArgs(I, r, bp, argbuf, this);
              callee = I.x as Bif;
              break;
            case OP_RECEIVE: {
              // Selective receive (the runtime keeps the save pointer), inline: the hot path of
              // message passing (a call here measured slower on the ring benchmark).
              const proc = this.proc;
              if (!this.receiving) {
                proc.beginReceive(I.ev === null ? null : timeoutOf(I.ev(r, bp, this)));
                this.receiving = true;
              }
              const cls = I.clauses as NonNullable<Instr['clauses']>;
              let target = -1;
              for (let msg = proc.nextMessage(); msg !== undefined; msg = proc.nextMessage()) {
                for (let k = 0; k < cls.length; k++) {
                  const c = cls[k] as (typeof cls)[number];
                  // Inline patterns: a literal atom/integer (`:done ->`), a fresh variable (`k ->`).
                  if (c.eqSlot === RECV_EQ) {
                    if (msg !== c.eqValue) continue;
                  } else if (c.eqSlot >= 0) r[bp + c.eqSlot] = msg;
                  else if (c.match !== null && !c.match(msg, r, bp, this)) continue;
                  if (c.guard === null || c.guard(r, bp, this)) {
                    target = c.target;
                    break;
                  }
                }
                if (target >= 0) break;
              }
              if (target >= 0) {
                proc.takeMessage();
                this.receiving = false;
                pc = target;
                continue;
              }
              if (proc.receiveTimedOut()) {
                proc.endReceive();
                this.receiving = false;
                pc = I.b;
                continue;
              }
              return this.suspend('wait', budget - reds, code, pc - 1, bp);
            }
            case OP_TRY:
              this.handlers.push({ depth: this.depth, code, bp, target: I.b, slot: I.a });
              continue;
            case OP_TRY_END:
              this.handlers.pop();
              continue;
            case OP_RERAISE:
              throw new Rethrow(r[bp + I.a] as Term, r[bp + I.a + 1] as Term, r[bp + I.a + 2] as Term);
            case OP_DEFMODULE:
              r[bp + I.a] = this.defineModule(I, r, bp);
              continue;
            default:
              throw new Error(`internal: bad opcode ${I.op}`);
          }
          // A call of `callee` with the n arguments in argbuf.
          if (callee instanceof FnCode) {
            // A module function (no captured variables): as `enter`, inline on this hot path.
            if (I.c !== 1) {
              this.pushFrame(code, pc, bp, bp + I.a);
              bp += code.nslots;
            }
            if (bp + callee.nslots > r.length) r = this.ensure(bp + callee.nslots);
            for (let i = 0; i < n; i++) r[bp + i] = argbuf[i] as Term;
            code = callee;
            ins = code.instrs;
            pc = 0;
            continue;
          }
          const stop = this.callBif(callee, n, I.c === 1, I.a, code, pc, bp, budget - reds);
          if (stop !== null) return stop;
          break;
        }
      } catch (e) {
        this.save(code, pc, bp);
        const stop = this.unwind(e, budget - reds);
        if (stop !== null) return stop;
      }
    }
  }

  /** End the current run at the next call (see `interrupted`). */
  interrupt(): void {
    this.interrupted = true;
  }

  /** Writes the loop's current frame back to the machine. */
  private save(code: FnCode, pc: number, bp: number): void {
    this.code = code;
    this.pc = pc;
    this.bp = bp;
  }

  private suspend(type: 'yield' | 'wait', used: number, code: FnCode, pc: number, bp: number): MachineResult {
    this.save(code, pc, bp);
    return type === 'yield' ? { type, reductions: used } : { type, reductions: used };
  }

  private done(v: Term, used: number, code: FnCode, pc: number, bp: number): MachineResult {
    this.save(code, pc, bp);
    return { type: 'done', reductions: used, value: v };
  }

  private ensure(n: number): Term[] {
    if (n > this.regs.length) {
      let size = this.regs.length * 2;
      while (size < n) size *= 2;
      const next = zeros(size);
      for (let i = 0; i < this.regs.length; i++) next[i] = this.regs[i] as Term;
      this.regs = next;
    }
    return this.regs;
  }

  /** Pushes the caller's frame: it resumes at `pc` with the callee's result in register `dst`. */
  private pushFrame(code: FnCode, pc: number, bp: number, dst: number): void {
    const d = this.depth++;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    this.fCode[d] = code;
    const fInt = this.fInt;
    fInt[3 * d] = pc;
    fInt[3 * d + 1] = bp;
    fInt[3 * d + 2] = dst;
  }

  /**
   * Returns `v` from the current function: pops the caller's frame into code/pc/bp and delivers
   * `v` to its result register. False when this was the bottom frame (the run is done).
   */
  private returnTo(v: Term): boolean {
    if (this.depth === 0) return false;
    const d = --this.depth;
    const fInt = this.fInt;
    this.code = this.fCode[d] as FnCode;
    this.pc = fInt[3 * d] as number;
    this.bp = fInt[3 * d + 1] as number;
    this.regs[fInt[3 * d + 2] as number] = v;
    return true;
  }

  /**
   * Enters `callee` with the n arguments in argbuf (and `env` in its capture slots), from the
   * frame `code`/`pc`/`bp`; a tail call replaces that frame. (`run` inlines this for module
   * functions, its hot case.)
   */
  private enter(callee: FnCode, n: number, env: readonly Term[], tail: boolean, dst: number, code: FnCode, pc: number, bp: number): void {
    if (!tail) {
      this.pushFrame(code, pc, bp, bp + dst);
      bp += code.nslots;
    }
    const r = bp + callee.nslots > this.regs.length ? this.ensure(bp + callee.nslots) : this.regs;
    const argbuf = this.argbuf;
    for (let i = 0; i < n; i++) r[bp + i] = argbuf[i] as Term;
    const cs = callee.capSlots;
    for (let i = 0; i < cs.length; i++) r[bp + (cs[i] as number)] = env[i] as Term;
    this.save(callee, 0, bp);
  }

  /**
   * Calls a BIF with the n arguments in argbuf, from the frame `code`/`pc`/`bp`, and delivers its
   * value (to `dst`, or as the function's return for a tail call). A control BIF may continue
   * with another call (entered here) or sleep. Null to go on at this.code/pc/bp; else the run's
   * result (done at the bottom frame, or waiting in a sleep).
   */
  private callBif(first: Bif, n: number, tail: boolean, dst: number, code: FnCode, pc: number, bp: number, used: number): MachineResult | null {
    let bif = first;
    for (;;) {
      const bargs = this.argbuf.slice(0, n);
      let v: Term;
      try {
        v = bif.fn(bargs, this.ctx);
      } catch (e) {
        const erl = bif.module === 'Elixir.Kernel' && this.node.modules.builtins.lookup('erlang', bif.name, n) !== undefined;
        throw atBif(e, bif.module, bif.name, bargs, erl);
      }
      const p = this.pending;
      if (p === null) {
        this.save(code, pc, bp);
        if (!tail) this.regs[bp + dst] = v;
        else if (!this.returnTo(v)) return { type: 'done', reductions: used, value: v };
        return null;
      }
      this.pending = null;
      if (p.kind === 'sleep') {
        this.proc.beginReceive(p.ms);
        this.sleeping = { result: p.result, tail, dst };
        this.save(code, pc, bp);
        return { type: 'wait', reductions: used };
      }
      if (p.kind === 'hibernate') {
        // The stack and its handlers are gone now, as erts discards them; the run resumes in
        // wakeHibernated when a message is there (at once if one already is).
        this.depth = 0;
        this.handlers.length = 0;
        this.hibernating = { module: p.module, name: p.name, args: p.args };
        this.proc.beginReceive(null);
        this.save(HIBERNATE_CODE, 0, 0);
        return { type: 'wait', reductions: used };
      }
      if (p.kind === 'trap') {
        // A trapping BIF (stdlib/walk.ts): charge the work done, then call the rest as a new
        // call of the same BIF, same arguments; that call yields first if the budget is spent.
        this.trapped += p.reductions;
        this.enter(bifShim({ ...bif, fn: p.resume }), n, EMPTY, tail, dst, code, pc, bp);
        return null;
      }
      const args = p.args;
      n = args.length;
      for (let i = 0; i < n; i++) this.argbuf[i] = args[i] as Term;
      let env = EMPTY;
      let next: FnCode | Bif;
      if (p.kind === 'call') {
        next = funTarget(this.node.modules, p.fun, args);
        if (p.fun instanceof Fun && p.fun.code instanceof FnTemplate) env = p.fun.env as Term[];
      } else next = this.node.modules.resolve(p.module, p.name, n, args);
      if (next instanceof FnCode) {
        this.enter(next, n, env, tail, dst, code, pc, bp);
        return null;
      }
      bif = next;
    }
  }

  /** After a ctx.sleep: still waiting, or the BIF's call returns its result. */
  private wake(proc: ProcessApi): MachineResult | null {
    while (proc.nextMessage() !== undefined);
    if (!proc.receiveTimedOut()) return { type: 'wait', reductions: 0 };
    proc.endReceive();
    const s = this.sleeping as NonNullable<Machine['sleeping']>;
    this.sleeping = null;
    if (!s.tail) this.regs[this.bp + s.dst] = s.result;
    else if (!this.returnTo(s.result)) return { type: 'done', reductions: 1, value: s.result };
    return null;
  }

  /** Hibernating: still no message, or the call given to hibernate/3 starts on an empty stack. */
  private wakeHibernated(proc: ProcessApi): MachineResult | null {
    if (proc.nextMessage() === undefined) return { type: 'wait', reductions: 0 };
    proc.endReceive(); // the message stays for the code that runs next
    const h = this.hibernating as NonNullable<Machine['hibernating']>;
    this.hibernating = null;
    try {
      this.startMfa(h.module, h.name, h.args);
    } catch (e) {
      return this.unwind(e, 1);
    }
    return null;
  }

  /**
   * An exception thrown at this.code/bp: resumes at the innermost `try`'s handler (null), or ends
   * the run with the error.
   */
  private unwind(e: unknown, used: number): MachineResult | null {
    // this.pc is past the instruction that failed (the loop's `ins[pc++]`).
    const at = this.pc - 1;
    // A tail call of a function nobody exports: on BEAM the caller's frame is already gone
    // (`fn -> Foo.bar() end` dies with `[{Foo, :bar, [], []}]` alone).
    const tailUndef = e instanceof ElixirThrow && e.reason === UNDEF && e.top !== null && isTailCall(this.code.instrs[at]);
    const err = failureOf(e, this.code, this.regs, this.bp, (top, skip, raised) => {
      if (!skip) return this.stacktrace(top, tailUndef ? -1 : at, raised);
      // A function clause error: the function's own entry (with its arguments) stands for its
      // frame, at its first clause's line as BEAM has it.
      return this.stacktrace(top === null ? null : located(top, this.code, at), -1, raised);
    });
    this.receiving = false;
    const h = this.handlers.pop();
    if (h === undefined) return { type: 'error', reductions: used, kind: err.kind, reason: err.reason, stack: err.stack };
    this.pending = null;
    this.depth = h.depth;
    this.save(h.code, h.target, h.bp);
    const r = this.regs;
    r[h.bp + h.slot] = err.kind === 'error' ? ERROR_ATOM : err.kind === 'throw' ? THROW_ATOM : EXIT_ATOM;
    r[h.bp + h.slot + 1] = err.reason;
    r[h.bp + h.slot + 2] = err.stack;
    return null;
  }

  /**
   * The stacktrace of the running process as BEAM would record it (stacktrace.ts): `top`, the
   * current frame at instruction `at` (none if -1), then each caller at its call, consecutive
   * equal frames once, then `bottom` (the shell's evaluator frames, with erl_eval's `try` frame
   * when the prompt's own code is in a `try`).
   */
  stacktrace(top: Term | null, at: number, raised: boolean): Term {
    const frames: Frame[] = [];
    if (at >= 0 || at === -2) frames.push({ code: this.code, at });
    const fCode = this.fCode, fInt = this.fInt;
    // Walk the whole stack, as erts does, but keep only distinct frames, and enough of them.
    let above = this.code;
    for (let d = this.depth - 1; d >= 0 && frames.length <= 2 * BACKTRACE_DEPTH; d--) {
      const code = fCode[d] as FnCode, call = (fInt[3 * d] as number) - 1;
      // A local call to a function that never returns is a jump on BEAM: no frame.
      const jumped = above.noReturn && above.module === code.module && code.instrs[call]?.op === OP_CALL_LOCAL;
      above = code;
      if (jumped) continue;
      const last = frames[frames.length - 1];
      if (last === undefined || last.code !== code || last.at !== call) frames.push({ code, at: call });
    }
    const bottom = this.bottom === null ? [] : evaluatorFrames(this.handlers.some((h) => h.depth === 0));
    return buildStacktrace(top, frames, bottom, raised);
  }

  /** Process.info(pid, :current_stacktrace): where the process is now (at the instruction it waits in). */
  currentStacktrace(): Term {
    // BEAM's location is that of the last line instruction run: a receive has none, so a waiting
    // process is at its last call, or at its function's first line.
    let at = this.pc;
    const ins = this.code.instrs;
    while (at >= 0 && ins[at]?.op === OP_RECEIVE) at = lastCall(ins, at);
    return this.stacktrace(null, at, false);
  }

  /** OP_DEFMODULE: loads the module into this node; the value `defmodule` returns. */
  private defineModule(I: Instr, r: Term[], bp: number): Term {
    const t = I.x as ModuleTemplate;
    const evs = I.evs as NonNullable<Instr['evs']>;
    for (let i = 0; i < evs.length; i++) t.attrs[i] = (evs[i] as NonNullable<Instr['ev']>)(r, bp, this);
    const loaded = this.node.modules.define(t);
    // The value of the body's last form: `{:f, 1}` after a def, nil for an empty body.
    const empty = t.functions.size === 0 && t.attrs.length === 0;
    const last =
      t.last === null ? (empty ? NIL_ATOM : atom('ok'))
      : t.last === 'struct' ? (loaded.struct ? buildStruct(loaded.struct, NIL, 'loose') : NIL_ATOM)
      : 'attr' in t.last ? (t.attrs[t.last.attr] as Term)
      : new Tuple([atom(t.last.name), t.last.arity]);
    return new Tuple([MODULE, loaded.name, loaded.binary, last]);
  }
}

/** The last call instruction before `at`, or -2 (the function's own line, stacktrace.ts) if none. */
function lastCall(ins: readonly Instr[], at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const op = (ins[i] as Instr).op;
    if (op === OP_CALL_LOCAL || op === OP_CALL_REMOTE || op === OP_CALL_BIF || op === OP_CALL_FUN || op === OP_CALL_FUN_FAST) return i;
  }
  return -2;
}

/** A `{m, f, args, []}` entry given the location of `code` at instruction `at`, when it names that code. */
function located(top: Term, code: FnCode, at: number): Term {
  if (!(top instanceof Tuple) || top.elements.length !== 4 || top.elements[3] !== NIL) return top;
  if (top.elements[0] !== atom(code.module) || top.elements[1] !== atom(code.name)) return top;
  const loc = frameEntry({ code, at }).elements[3] as Term;
  return new Tuple([top.elements[0] as Term, top.elements[1] as Term, top.elements[2] as Term, loc]);
}

/** OP_SELECT when no clause matched: the fallthrough target, or the clause error. */
function selectFailed(I: Instr, v: Term, r: Term[], bp: number): number {
  const fail = I.x as SelectFail;
  if (fail.kind === 'fallthrough') return fail.target;
  throw selectError(fail, v, r, bp, I.b);
}

/** A call's arguments into argbuf, reading slots directly where the compiler said (argSlots). */
function gatherArgs(I: Instr, r: Term[], bp: number, argbuf: Term[], m: Machine): number {
  const evs = I.evs as NonNullable<Instr['evs']>;
  const slots = I.argSlots as Int32Array;
  const n = evs.length;
  for (let i = 0; i < n; i++) {
    const s = slots[i] as number;
    argbuf[i] = s >= 0 ? (r[bp + s] as Term) : (evs[i] as NonNullable<Instr['ev']>)(r, bp, m);
  }
  return n;
}

/** A call's arguments into argbuf, each by its closure (calls compiled without argSlots). */
function evalArgs(I: Instr, r: Term[], bp: number, argbuf: Term[], m: Machine): number {
  const evs = I.evs as NonNullable<Instr['evs']>;
  const n = evs.length;
  for (let i = 0; i < n; i++) argbuf[i] = (evs[i] as NonNullable<Instr['ev']>)(r, bp, m);
  return n;
}

/** A receive's `after` value: milliseconds, or null for `:infinity`. */
function timeoutOf(t: Term): number | null {
  if (t === INFINITY) return null;
  if (typeof t === 'number' && t >= 0) return t;
  throw new VmError('error', atom('timeout_value'), null);
}

/** A packed array of n zeros (`new Array(n)` would be holey: slower element reads). */
function zeros(n: number): Term[] {
  const a: Term[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}

const UNDEF = atom('undef');

/** A call instruction that is a tail call (`c` = 1). */
function isTailCall(I: Instr | undefined): boolean {
  return I !== undefined && I.c === 1 && (I.op === OP_CALL_REMOTE || I.op === OP_CALL_FUN || I.op === OP_CALL_BIF || I.op === OP_CALL_LOCAL);
}
