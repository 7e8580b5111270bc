/**
 * The machine: runs compiled code (vm-code.ts) for one process.
 *
 * The frame stack is explicit (parallel arrays of code, return pc and base pointer) and all
 * variables live in one register array, so an Elixir call never recurses on the JS stack: deep
 * recursion only grows these arrays, a tail call reuses the current frame, and `run()` can stop
 * anywhere an instruction begins — after its reduction budget (one reduction per call) or in a
 * receive with no matching message — and resume there on the next `run()`.
 */
import { Cons, Fun, NIL, NIL_ATOM, Tuple, atom, type Atom, type Term } from '../term/types.ts';
import type { ProcessApi } from '../runtime/process-api.ts';
import { ErlangError } from '../runtime/errors.ts';
import type { Bif, BifContext, LangNode } from './builtins.ts';
import { atBif, ElixirThrow, type ErrorKind } from './errors.ts';
import { OpError } from './ops.ts';
import {
  FnCode, FnTemplate, Instr, OP_CALL_BIF, OP_CALL_FUN, OP_CALL_FUN_FAST, OP_CALL_LOCAL, OP_CALL_REMOTE, OP_DEFMODULE, OP_EVAL, OP_EXEC,
  OP_JUMP, OP_JUMP_IF_FALSE, OP_RECEIVE, OP_RERAISE, OP_RETURN, OP_SELECT, OP_TRY, OP_TRY_END, EV_CONST, EV_SLOT, EV_SLOT_ADD_SLOT, RECV_EQ,
  type LocalSite, type ModuleTemplate, type RemoteSite, type SelectFail,
} from './vm-code.ts';
import { undefinedFunction, type ModuleRegistry } from './modules.ts';
import { ERROR_ATOM, EXIT_ATOM, THROW_ATOM } from './exceptions.ts';
import { truthy } from './ops.ts';
import { ToStringError } from '../term/to-string.ts';
import { exception } from './errors.ts';

export type MachineResult =
  | { readonly type: 'yield'; readonly reductions: number }
  | { readonly type: 'wait'; readonly reductions: number }
  | { readonly type: 'done'; readonly reductions: number; readonly value: Term }
  | { readonly type: 'error'; readonly reductions: number; readonly kind: ErrorKind; readonly reason: Term; readonly stack: Term };

/** What the machine needs from its node. */
export interface VmNode extends LangNode {
  readonly modules: ModuleRegistry;
}

interface Handler {
  readonly depth: number;
  readonly code: FnCode;
  readonly bp: number;
  readonly target: number;
  readonly slot: number;
}

type Pending =
  | { readonly kind: 'call'; readonly fun: Term; readonly args: readonly Term[] }
  | { readonly kind: 'mfa'; readonly module: Atom; readonly name: Atom; readonly args: readonly Term[] }
  | { readonly kind: 'sleep'; readonly ms: number | null; readonly result: Term };

const MODULE = atom('module');
const BADFUN = atom('badfun');
const BADARITY = atom('badarity');
const FUNCTION_CLAUSE = atom('function_clause');
const NOCATCH = atom('nocatch');

/** An error the machine raises: Erlang reason plus the call that failed (top of the stacktrace). */
class VmError {
  constructor(
    readonly kind: ErrorKind,
    readonly reason: Term,
    readonly top: Term | null,
  ) {}
}

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
}

const EMPTY: readonly Term[] = [];

export class Machine {
  /** Starts small (a process costs little) and doubles as frames deepen; packed, not holey. */
  regs: Term[] = zeros(128);
  bp = 0;
  pc = 0;
  code: FnCode = new FnCode('erl_eval', 'expr', 0);
  depth = 0;
  /** Deepest frame stack seen (tests check that tail calls stay flat). */
  maxDepth = 0;
  private readonly fCode: FnCode[] = [];
  /** Per frame, 3 small integers: return pc, base pointer, absolute register of the result. */
  private readonly fInt: number[] = [];
  private readonly handlers: Handler[] = [];
  private receiving = false;
  /** Set while blocked in ctx.sleep: what the call returns, and whether it was a tail call. */
  private sleeping: { result: Term; tail: boolean; dst: number } | null = null;
  pending: Pending | null = null;
  proc!: ProcessApi;
  readonly ctx: BifContext;
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
    const t = this.funTarget(fun, args);
    if (t instanceof FnCode) this.start(t, args, (fun as Fun).env as Term[]);
    else this.start(bifShim(t), args);
  }

  startMfa(module: Atom, name: Atom, args: readonly Term[]): void {
    const t = this.node.modules.resolve(module, name, args.length);
    if (t instanceof FnCode) this.start(t, args);
    else this.start(bifShim(t), args);
  }

  /** The value of a variable slot of the bottom frame (the shell reads its bindings this way). */
  slot(i: number): Term {
    return this.regs[i] as Term;
  }

  currentFunction(): readonly [string, string, number] {
    return [this.code.module.startsWith('Elixir.') ? this.code.module : this.code.module, this.code.name, this.code.arity];
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

  /** The code to run for `fun.(args)`: an FnCode (closure or module function) or a BIF. */
  private funTarget(f: Term, args: readonly Term[]): FnCode | Bif {
    if (!(f instanceof Fun)) throw new VmError('error', new Tuple([BADFUN, f]), null);
    if (f.arity !== args.length) throw new VmError('error', new Tuple([BADARITY, new Tuple([f, listOf(args)])]), null);
    const code = f.code;
    if (code instanceof FnTemplate) return code.code;
    if (f.info.type === 'export') return this.node.modules.resolve(f.info.module, f.info.name, f.arity);
    throw new VmError('error', new Tuple([BADFUN, f]), null);
  }

  private remoteTarget(site: RemoteSite, r: Term[], bp: number): FnCode | Bif {
    const reg = this.node.modules;
    let module = site.module;
    if (module === null && site.modEv !== null) {
      const mv = site.modEv(r, bp, this);
      if (typeof mv !== 'object' || mv.kind !== 'atom') {
        throw new VmError('error', atom('badarg'), null);
      }
      module = mv;
    }
    if (site.cacheGen === reg.generation && site.cacheModule === module) {
      return (site.cacheFn ?? site.cacheBif) as FnCode | Bif;
    }
    let found: FnCode | Bif | undefined;
    if (module === null) {
      for (const m of IMPORTS_LIST) {
        found = reg.find(m, site.name, site.arity);
        if (found !== undefined) break;
      }
      if (found === undefined) {
        throw new ElixirThrow('error', exception('CompileError', `undefined function ${site.name.name}/${site.arity} (there is no such import)`));
      }
    } else {
      found = reg.find(module, site.name, site.arity);
      if (found === undefined) undefinedFunction(reg, module, site.name, site.arity);
    }
    site.cacheGen = reg.generation;
    site.cacheModule = module;
    if (found instanceof FnCode) {
      site.cacheFn = found;
      site.cacheBif = null;
    } else {
      site.cacheFn = null;
      site.cacheBif = found;
    }
    return found;
  }

  /**
   * Runs until done, out of budget, or blocked. All hot state lives in locals and is written
   * back to the machine when the loop stops (or an exception unwinds).
   */
  run(proc: ProcessApi, budget: number): MachineResult {
    this.proc = proc;
    let reds = budget;
    if (this.sleeping !== null) {
      while (proc.nextMessage() !== undefined);
      if (!proc.receiveTimedOut()) return { type: 'wait', reductions: 0 };
      proc.endReceive();
      const s = this.sleeping;
      this.sleeping = null;
      if (s.tail) {
        const done = this.popFrame(s.result);
        if (done) return { type: 'done', reductions: 1, value: s.result };
      } else this.regs[this.bp + s.dst] = s.result;
    }
    let code = this.code;
    let ins = code.instrs;
    let pc = this.pc;
    let bp = this.bp;
    let r = this.regs;
    const fCode = this.fCode, fInt = this.fInt;
    const argbuf = this.argbuf;
    let depth = this.depth;
    let maxDepth = this.maxDepth;
    for (;;) {
      try {
        for (;;) {
          const I = ins[pc++] as Instr;
          let callee: FnCode | Bif | null = null;
          let env: readonly Term[] = EMPTY;
          let n = 0;
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
              if (I.c === 1 && --reds < 0) {
                pc--;
                return this.suspend('yield', budget, code, pc, bp, depth);
              }
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
              if (depth === 0) {
                this.code = code;
                this.pc = pc - 1;
                this.bp = bp;
                this.depth = depth;
                return { type: 'done', reductions: budget - reds, value: v };
              }
              const d = --depth;
              code = fCode[d] as FnCode;
              ins = code.instrs;
              pc = fInt[3 * d] as number;
              bp = fInt[3 * d + 1] as number;
              r[fInt[3 * d + 2] as number] = v;
              continue;
            }
            case OP_SELECT: {
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
              if (k < cls.length) {
                pc = (cls[k] as (typeof cls)[number]).target;
                continue;
              }
              const fail = I.x as SelectFail;
              if (fail.kind === 'fallthrough') {
                pc = fail.target;
                continue;
              }
              throw selectError(fail, v, r, bp, I.b);
            }
            case OP_CALL_FUN: {
              if (--reds < 0) {
                pc--;
                return this.suspend('yield', budget, code, pc, bp, depth);
              }
              const f = I.funSlot >= 0 ? (r[bp + I.funSlot] as Term) : (I.ev as NonNullable<Instr['ev']>)(r, bp, this);
              const evs = I.evs as NonNullable<Instr['evs']>;
              const slots = I.argSlots as Int32Array;
              n = evs.length;
              for (let i = 0; i < n; i++) {
                const s = slots[i] as number;
                argbuf[i] = s >= 0 ? (r[bp + s] as Term) : (evs[i] as NonNullable<Instr['ev']>)(r, bp, this);
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
              callee = this.funTarget(f, argbuf.slice(0, n));
              break;
            }
            case OP_CALL_FUN_FAST: {
              // Non-tail call of a closure (the common case), straight into the new frame.
              if (--reds < 0) {
                pc--;
                return this.suspend('yield', budget, code, pc, bp, depth);
              }
              const f = I.funSlot >= 0 ? (r[bp + I.funSlot] as Term) : (I.ev as NonNullable<Instr['ev']>)(r, bp, this);
              const evs = I.evs as NonNullable<Instr['evs']>;
              n = evs.length;
              // Inline cache: a call site mostly calls the same fun (a recursion's `f.(f, n - 1)`).
              if (f === I.cacheFun) {
                // hit: a closure of the right arity, checked when it was cached
              } else if (f instanceof Fun && f.arity === n && f.code instanceof FnTemplate) I.cacheFun = f;
              else {
                // Not a closure: take the general path.
                const slots = I.argSlots as Int32Array;
                for (let i = 0; i < n; i++) {
                  const s = slots[i] as number;
                  argbuf[i] = s >= 0 ? (r[bp + s] as Term) : (evs[i] as NonNullable<Instr['ev']>)(r, bp, this);
                }
                callee = this.funTarget(f, argbuf.slice(0, n));
                break;
              }
              const fun = f as Fun;
              const target = (fun.code as FnTemplate).code;
              const nbp = bp + code.nslots;
              if (nbp + target.nslots > r.length) r = this.ensure(nbp + target.nslots);
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
              const d = depth++;
              if (depth > maxDepth) this.maxDepth = maxDepth = depth;
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
            case OP_CALL_LOCAL: {
              if (--reds < 0) {
                pc--;
                return this.suspend('yield', budget, code, pc, bp, depth);
              }
              const evs = I.evs as NonNullable<Instr['evs']>;
              const slots = I.argSlots as Int32Array;
              n = evs.length;
              for (let i = 0; i < n; i++) {
                const s = slots[i] as number;
                argbuf[i] = s >= 0 ? (r[bp + s] as Term) : (evs[i] as NonNullable<Instr['ev']>)(r, bp, this);
              }
              callee = (I.x as LocalSite).target as FnCode;
              break;
            }
            case OP_CALL_REMOTE: {
              if (--reds < 0) {
                pc--;
                return this.suspend('yield', budget, code, pc, bp, depth);
              }
              const evs = I.evs as NonNullable<Instr['evs']>;
              n = evs.length;
              callee = this.remoteTarget(I.x as RemoteSite, r, bp);
              for (let i = 0; i < n; i++) argbuf[i] = (evs[i] as NonNullable<Instr['ev']>)(r, bp, this);
              break;
            }
            case OP_CALL_BIF: {
              if (--reds < 0) {
                pc--;
                return this.suspend('yield', budget, code, pc, bp, depth);
              }
              const evs = I.evs as NonNullable<Instr['evs']>;
              n = evs.length;
              for (let i = 0; i < n; i++) argbuf[i] = (evs[i] as NonNullable<Instr['ev']>)(r, bp, this);
              callee = I.x as Bif;
              break;
            }
            case OP_RECEIVE: {
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
              pc--;
              return this.suspend('wait', budget - reds, code, pc, bp, depth);
            }
            case OP_TRY:
              this.handlers.push({ depth, code, bp, target: I.b, slot: I.a });
              continue;
            case OP_TRY_END:
              this.handlers.pop();
              continue;
            case OP_RERAISE:
              throw new Rethrow(r[bp + I.a] as Term, r[bp + I.a + 1] as Term, r[bp + I.a + 2] as Term);
            case OP_DEFMODULE: {
              const t = I.x as ModuleTemplate;
              const evs = I.evs as NonNullable<Instr['evs']>;
              for (let i = 0; i < evs.length; i++) t.attrs[i] = (evs[i] as NonNullable<Instr['ev']>)(r, bp, this);
              const loaded = this.node.modules.define(t);
              // The value of the body's last form: `{:f, 1}` after a def, nil for an empty body.
              const empty = t.functions.size === 0 && t.attrs.length === 0;
              const last = t.last === null ? (empty ? NIL_ATOM : atom('ok')) : new Tuple([atom(t.last.name), t.last.arity]);
              r[bp + I.a] = new Tuple([MODULE, loaded.name, loaded.binary, last]);
              continue;
            }
            default:
              throw new Error(`internal: bad opcode ${I.op}`);
          }
          // A call: enter `callee` with the n arguments in argbuf.
          const tail = I.c === 1;
          for (;;) {
            if (callee instanceof FnCode) {
              if (!tail) {
                const d = depth++;
                if (depth > maxDepth) this.maxDepth = maxDepth = depth;
                fCode[d] = code;
                fInt[3 * d] = pc;
                fInt[3 * d + 1] = bp;
                fInt[3 * d + 2] = bp + I.a;
                bp += code.nslots;
              }
              if (bp + callee.nslots > r.length) r = this.ensure(bp + callee.nslots);
              for (let i = 0; i < n; i++) r[bp + i] = argbuf[i] as Term;
              const cs = callee.capSlots;
              for (let i = 0; i < cs.length; i++) r[bp + (cs[i] as number)] = env[i] as Term;
              code = callee;
              ins = code.instrs;
              pc = 0;
              break;
            }
            // A BIF: call it; it may ask to continue with another call, or to sleep.
            const bif = callee as Bif;
            const bargs = argbuf.slice(0, n);
            let v: Term;
            try {
              v = bif.fn(bargs, this.ctx);
            } catch (e) {
              throw atBif(e, bif.module, bif.name, bargs, bif.module === 'Elixir.Kernel' && this.node.modules.builtins.lookup('erlang', bif.name, n) !== undefined);
            }
            const p = this.pending;
            if (p === null) {
              if (!tail) {
                r[bp + I.a] = v;
                break;
              }
              if (depth === 0) {
                this.code = code;
                this.pc = pc;
                this.bp = bp;
                this.depth = depth;
                return { type: 'done', reductions: budget - reds, value: v };
              }
              const d = --depth;
              code = fCode[d] as FnCode;
              ins = code.instrs;
              pc = fInt[3 * d] as number;
              bp = fInt[3 * d + 1] as number;
              r[fInt[3 * d + 2] as number] = v;
              break;
            }
            this.pending = null;
            if (p.kind === 'sleep') {
              this.proc.beginReceive(p.ms);
              this.sleeping = { result: p.result, tail, dst: I.a };
              this.depth = depth;
              this.code = code;
              this.pc = pc;
              this.bp = bp;
              return { type: 'wait', reductions: budget - reds };
            }
            const args = p.args;
            n = args.length;
            for (let i = 0; i < n; i++) argbuf[i] = args[i] as Term;
            if (p.kind === 'call') {
              const f = p.fun;
              callee = this.funTarget(f, args);
              env = f instanceof Fun && f.code instanceof FnTemplate ? (f.env as Term[]) : EMPTY;
            } else {
              callee = this.node.modules.resolve(p.module, p.name, n);
              env = EMPTY;
            }
          }
        }
      } catch (e) {
        const err = this.toError(e, code, bp);
        const h = this.handlers.pop();
        if (h === undefined) {
          this.depth = depth;
          this.code = code;
          this.pc = pc;
          this.bp = bp;
          this.receiving = false;
          return { type: 'error', reductions: budget - reds, kind: err.kind, reason: err.reason, stack: err.stack };
        }
        depth = h.depth;
        this.receiving = false;
        this.pending = null;
        code = h.code;
        ins = code.instrs;
        bp = h.bp;
        pc = h.target;
        r = this.regs;
        r[bp + h.slot] = err.kind === 'error' ? ERROR_ATOM : err.kind === 'throw' ? THROW_ATOM : EXIT_ATOM;
        r[bp + h.slot + 1] = err.reason;
        r[bp + h.slot + 2] = err.stack;
      }
    }
  }

  private suspend(type: 'yield' | 'wait', used: number, code: FnCode, pc: number, bp: number, depth: number): MachineResult {
    this.depth = depth;
    this.code = code;
    this.pc = pc;
    this.bp = bp;
    return type === 'yield' ? { type, reductions: used } : { type, reductions: used };
  }

  /** Pops one frame delivering `v`; true when the bottom frame returned (the run is done). */
  private popFrame(v: Term): boolean {
    if (this.depth === 0) return true;
    const d = --this.depth;
    this.code = this.fCode[d] as FnCode;
    this.pc = this.fInt[3 * d] as number;
    this.bp = this.fInt[3 * d + 1] as number;
    this.regs[this.fInt[3 * d + 2] as number] = v;
    return false;
  }

  /** Any JS exception → kind, Erlang reason and a stacktrace term. */
  private toError(e: unknown, code: FnCode, bp: number): { kind: ErrorKind; reason: Term; stack: Term } {
    const here = new Tuple([atom(code.module), atom(code.name), code.arity, NIL]);
    if (e instanceof Rethrow) return { kind: e.kindAtom === THROW_ATOM ? 'throw' : e.kindAtom === EXIT_ATOM ? 'exit' : 'error', reason: e.reason, stack: e.stack };
    if (e instanceof ElixirThrow) return { kind: e.kind, reason: e.reason, stack: listOf(e.top === null ? [here] : [e.top, here]) };
    if (e instanceof OpError) {
      const top = e.op === '' ? here : new Tuple([atom(e.module), atom(e.op), listOf(e.args), NIL]);
      return { kind: 'error', reason: e.reason, stack: e.op === '' ? listOf([here]) : listOf([top, here]) };
    }
    if (e instanceof VmError) {
      if (e.reason === FUNCTION_CLAUSE && e.top === null) {
        const args: Term[] = [];
        for (let i = 0; i < code.arity; i++) args.push(this.regs[bp + i] as Term);
        return { kind: 'error', reason: e.reason, stack: listOf([new Tuple([atom(code.module), atom(code.name), listOf(args), NIL])]) };
      }
      return { kind: e.kind, reason: e.reason, stack: listOf(e.top === null ? [here] : [e.top, here]) };
    }
    if (e instanceof ErlangError) return { kind: 'error', reason: e.reason, stack: listOf([here]) };
    if (e instanceof ToStringError) return { kind: 'error', reason: exception(e.exception, e.message), stack: listOf([here]) };
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      return { kind: 'error', reason: atom('system_limit'), stack: listOf([here]) };
    }
    throw e;
  }
}

/** Thrown by OP_RERAISE: an exception caught by a try that no clause handled. */
class Rethrow {
  constructor(
    readonly kindAtom: Term,
    readonly reason: Term,
    readonly stack: Term,
  ) {}
}

function selectError(fail: SelectFail, v: Term, r: Term[], bp: number, arity: number): VmError {
  switch (fail.kind) {
    case 'case_clause':
    case 'try_clause':
      return new VmError('error', new Tuple([atom(fail.kind), v]), null);
    case 'with_clause':
      return new VmError('error', new Tuple([atom('with_clause'), v]), null);
    case 'badmatch':
      return new VmError('error', new Tuple([atom('badmatch'), v]), null);
    case 'function_clause': {
      const args: Term[] = [];
      for (let i = 0; i < arity; i++) args.push(r[bp + i] as Term);
      return new VmError('error', FUNCTION_CLAUSE, new Tuple([atom(fail.module), atom(fail.name), listOf(args), NIL]));
    }
    default:
      return new VmError('error', new Tuple([atom('case_clause'), v]), null);
  }
}

function timeoutOf(t: Term): number | null {
  if (t === atom('infinity')) return null;
  if (typeof t === 'number' && t >= 0) return t;
  throw new VmError('error', atom('timeout_value'), null);
}

/** A packed array of n zeros (`new Array(n)` would be holey: slower element reads). */
function zeros(n: number): Term[] {
  const a: Term[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}

export function listOf(items: readonly Term[]): Term {
  let l: Term = NIL;
  for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i] as Term, l);
  return l;
}

/** A one-instruction function that calls a BIF: lets a process start directly at a BIF. */
function bifShim(bif: Bif): FnCode {
  const code = new FnCode(bif.module, bif.name, bif.arity);
  code.nslots = bif.arity;
  const evs = [];
  for (let i = 0; i < bif.arity; i++) {
    const k = i;
    evs.push((r: Term[], b: number) => r[b + k] as Term);
  }
  const call = new Instr(OP_CALL_BIF, null);
  call.c = 1;
  call.evs = evs;
  call.x = bif;
  code.instrs.push(call);
  return code;
}

const IMPORTS_LIST: readonly Atom[] = [atom('Elixir.Kernel'), atom('Elixir.IEx.Helpers')];
export { NOCATCH };
