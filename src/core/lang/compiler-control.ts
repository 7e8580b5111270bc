/**
 * Control flow: case, if, cond, receive, with, for, try, and `&&`/`||`/`and`/`or` whose right
 * side needs instructions. Each compiles to jumps and OP_SELECTs over the current frame, so a
 * branch that calls a function (or receives) never needs JS recursion. In tail position each
 * branch ends with its own return or tail call; otherwise every branch writes one result slot.
 */
import { atom, Cons, NIL, NIL_ATOM, TRUE, FALSE, type Term } from '../term/types.ts';
import type { Clause, Expr, Pos } from './ast.ts';
import { ElixirThrow, exception } from './errors.ts';
import * as ops from './ops.ts';
import {
  OP_EVAL, OP_EXEC, OP_JUMP, OP_JUMP_IF_FALSE, OP_RECEIVE, OP_RERAISE, OP_SELECT, OP_TRY, OP_TRY_END, RECV_EQ,
  type Ev, type Instr, type Matcher, type SelectClause, type SelectFail,
} from './vm-code.ts';
import { CompileError, child, type Ctx } from './env.ts';
import { compilePattern, literalValue } from './patterns.ts';
import { compileExpr, compileStatement, compileTail, constEv, slotEv } from './compiler.ts';
import { compileGuard } from './compiler-calls.ts';
import { generatorSource, collectInto, RangeCursor } from './enum-helpers.ts';
import { FOR_ACC, forMode, generatorSourceExpr, pushResult, SeenResults } from './for-options.ts';
import { compileBitsGenerator } from './compiler-bitstring.ts';
import { normalizeException, ERROR_ATOM, THROW_ATOM, EXIT_ATOM } from './exceptions.ts';

/** Where branch results go: a slot (jumping to the end) or a return (tail position). */
class Branches {
  readonly dst: number;
  private readonly jumps: Instr[] = [];
  constructor(
    private readonly ctx: Ctx,
    readonly tail: boolean,
  ) {
    this.dst = tail ? -1 : ctx.fb.newSlot();
  }
  body(e: Expr, ctx: Ctx): void {
    if (this.tail) return compileTail(e, ctx);
    this.value(compileExpr(e, ctx), e.pos);
  }
  value(ev: Ev, pos: Pos | null): void {
    if (this.tail) {
      const i = this.ctx.fb.emit(4 /* OP_RETURN */, pos);
      i.ev = ev;
      return;
    }
    const i = this.ctx.fb.emit(OP_EVAL, pos);
    i.a = this.dst;
    i.ev = ev;
    this.jumps.push(this.ctx.fb.emit(OP_JUMP, pos));
  }
  /** Patches the jumps to here; returns the result reader (null in tail position). */
  end(): Ev | null {
    const here = this.ctx.fb.here();
    for (const j of this.jumps) j.a = here;
    return this.tail ? null : slotEv(this.dst);
  }
}

function subjectSlot(e: Expr, ctx: Ctx): number {
  const ev = compileExpr(e, ctx);
  const s = ctx.fb.newSlot();
  const i = ctx.fb.emit(OP_EVAL, e.pos);
  i.a = s;
  i.ev = ev;
  return s;
}

/** OP_SELECT over slot `s` with one-pattern clauses; returns the instruction and the contexts. */
function select(s: number, clauses: readonly Clause[], ctx: Ctx, fail: SelectFail, br: Branches): Instr {
  const sel = ctx.fb.emit(OP_SELECT, clauses[0]?.pos ?? null);
  sel.a = s;
  sel.x = fail;
  const entries: SelectClause[] = [];
  for (const cl of clauses) {
    const cctx = child(ctx);
    if (cl.params.length !== 1) throw new CompileError(cl.pos, 'expected one pattern in clause');
    const match = compilePattern(cl.params[0] as Expr, cctx);
    const guard = compileGuard(cl.guard, cctx);
    entries.push({ eqSlot: -1, eqValue: 0, match, guard, target: ctx.fb.here() });
    br.body(cl.body, cctx);
  }
  sel.clauses = entries;
  return sel;
}

export function compileControl(e: Expr, ctx: Ctx, tail: boolean): Ev | null {
  switch (e.kind) {
    case 'case': {
      const s = subjectSlot(e.subject, ctx);
      const br = new Branches(ctx, tail);
      select(s, e.clauses, ctx, { kind: 'case_clause' }, br);
      return br.end();
    }
    case 'if': {
      const cond = compileExpr(e.cond, ctx);
      const jf = ctx.fb.emit(OP_JUMP_IF_FALSE, e.pos);
      jf.ev = cond;
      const br = new Branches(ctx, tail);
      br.body(e.then, child(ctx));
      jf.a = ctx.fb.here();
      if (e.else === null) br.value(constEv(NIL_ATOM), e.pos);
      else br.body(e.else, child(ctx));
      return br.end();
    }
    case 'cond': {
      const br = new Branches(ctx, tail);
      for (const cl of e.clauses) {
        const cctx = child(ctx);
        const test = compileExpr(cl.params[0] as Expr, cctx);
        const jf = ctx.fb.emit(OP_JUMP_IF_FALSE, cl.pos);
        jf.ev = test;
        br.body(cl.body, cctx);
        jf.a = ctx.fb.here();
      }
      const fail = ctx.fb.emit(OP_EXEC, e.pos);
      fail.ev = () => {
        throw new ElixirThrow('error', exception('CondClauseError', 'no cond clause evaluated to a truthy value'));
      };
      return br.end();
    }
    case 'receive':
      return compileReceive(e, ctx, tail);
    case 'with':
      return compileWith(e, ctx, tail);
    case 'for':
      return compileFor(e, ctx);
    case 'try':
      return compileTry(e, ctx);
    case 'binop':
      return compileShortCircuit(e, ctx, tail);
    default:
      throw new CompileError(e.pos, `not a control expression: ${e.kind}`);
  }
}

function compileShortCircuit(e: Expr & { kind: 'binop' }, ctx: Ctx, tail: boolean): Ev | null {
  const l = compileExpr(e.left, ctx);
  const s = ctx.fb.newSlot();
  const ev = ctx.fb.emit(OP_EVAL, e.pos);
  ev.a = s;
  const op = e.op;
  // Checks the left value (and/or want a boolean) and stores it; the jump skips the right side.
  ev.ev = (r, b, m) => {
    const v = l(r, b, m);
    if ((op === 'and' || op === 'or') && v !== TRUE && v !== FALSE) {
      throw new ElixirThrow('error', exception('BadBooleanError', `expected a boolean on left-side of "${op}", got: ${String(v)}`));
    }
    return v;
  };
  const br = new Branches(ctx, tail);
  const jf = ctx.fb.emit(OP_JUMP_IF_FALSE, e.pos);
  const takeRight = op === '&&' || op === 'and';
  jf.ev = takeRight ? slotEv(s) : (r, b) => ops.b(!ops.truthy(r[b + s] as Term));
  br.body(e.right, child(ctx));
  jf.a = ctx.fb.here();
  br.value(slotEv(s), e.pos);
  return br.end();
}

function compileReceive(e: Expr & { kind: 'receive' }, ctx: Ctx, tail: boolean): Ev | null {
  const timeout = e.after === null ? null : compileExpr(e.after.timeout, ctx);
  const rcv = ctx.fb.emit(OP_RECEIVE, e.pos);
  rcv.ev = timeout;
  const br = new Branches(ctx, tail);
  const entries: SelectClause[] = [];
  for (const cl of e.clauses) {
    const cctx = child(ctx);
    const pat = cl.params[0] as Expr;
    const match = compilePattern(pat, cctx);
    const guard = compileGuard(cl.guard, cctx);
    // Inline forms of the commonest patterns (see RECV_EQ); `match` stays for the others.
    const lit = literalValue(pat);
    const bind = pat.kind === 'var' && pat.name !== '_' ? cctx.scope.get(pat.name) : undefined;
    const eq: [number, Term] =
      typeof lit === 'number' || (typeof lit === 'object' && lit.kind === 'atom') ? [RECV_EQ, lit]
      : bind !== undefined && match !== null ? [bind, 0]
      : [-1, 0];
    entries.push({ eqSlot: eq[0], eqValue: eq[1], match, guard, target: ctx.fb.here() });
    br.body(cl.body, cctx);
  }
  rcv.clauses = entries;
  rcv.b = ctx.fb.here();
  if (e.after !== null) br.body(e.after.body, child(ctx));
  else br.value(constEv(NIL_ATOM), e.pos);
  return br.end();
}

function compileWith(e: Expr & { kind: 'with' }, ctx: Ctx, tail: boolean): Ev | null {
  const wctx = child(ctx);
  const vslot = ctx.fb.newSlot();
  const fails: Instr[] = [];
  for (const step of e.steps) {
    if (step.kind === 'expr') {
      compileStatement(step.value, wctx);
      continue;
    }
    const v = compileExpr(step.value, wctx);
    const ev = ctx.fb.emit(OP_EVAL, step.value.pos);
    ev.a = vslot;
    ev.ev = v;
    const sel = ctx.fb.emit(OP_SELECT, step.value.pos);
    sel.a = vslot;
    const match = compilePattern(step.pattern, wctx);
    const guard = compileGuard(step.guard, wctx);
    sel.clauses = [{ eqSlot: -1, eqValue: 0, match, guard, target: ctx.fb.here() }];
    fails.push(sel);
  }
  const br = new Branches(ctx, tail);
  br.body(e.body, wctx);
  const elseAt = ctx.fb.here();
  for (const f of fails) f.x = { kind: 'fallthrough', target: elseAt };
  if (e.else === null) br.value(slotEv(vslot), e.pos);
  else select(vslot, e.else, ctx, { kind: 'with_clause' }, br);
  return br.end();
}

function compileFor(e: Expr & { kind: 'for' }, ctx: Ctx): Ev {
  const mode = forMode(e);
  const acc = ctx.fb.newSlot();
  const init = ctx.fb.emit(OP_EVAL, e.pos);
  init.a = acc;
  init.ev = mode.kind === 'reduce' ? compileExpr(mode.init, ctx) : constEv(NIL);
  const seen = mode.kind === 'collect' && mode.uniq ? ctx.fb.newSlot() : -1;
  if (seen >= 0) {
    const start = ctx.fb.emit(OP_EVAL, e.pos);
    start.a = seen;
    start.ev = () => new SeenResults() as unknown as Term;
  }
  const into = e.into === null ? null : compileExpr(e.into, ctx);
  let fctx = child(ctx);
  // Stack of loop heads: a filter that fails, or an exhausted inner generator, continues the
  // innermost enclosing generator.
  const loops: { head: number; exit: Instr }[] = [];
  for (const step of e.steps) {
    if (step.kind === 'filter') {
      const jf = ctx.fb.emit(OP_JUMP_IF_FALSE, step.cond.pos);
      jf.ev = compileExpr(step.cond, fctx);
      const inner = loops[loops.length - 1];
      if (inner === undefined) throw new CompileError(step.cond.pos, 'for comprehensions must start with a generator');
      jf.a = inner.head;
      continue;
    }
    if (step.kind === 'bits') {
      // `for <<c <- s>>`: a binary generator (compiler-bitstring.ts).
      const g = compileBitsGenerator(step, ctx, fctx);
      fctx = g.fctx;
      loops.push({ head: g.head, exit: g.exit });
      continue;
    }
    const src = compileExpr(generatorSourceExpr(step.source, ctx), fctx);
    const ls = ctx.fb.newSlot();
    const load = ctx.fb.emit(OP_EVAL, step.source.pos);
    load.a = ls;
    // The slot holds the rest of the list, or a RangeCursor (a range is never built as a list).
    load.ev = (r, b, m) => generatorSource(src(r, b, m)) as Term;
    const head = ctx.fb.here();
    const test = ctx.fb.emit(OP_JUMP_IF_FALSE, step.source.pos);
    test.c = 1; // a loop back-edge: costs a reduction, so long comprehensions get preempted
    test.ev = (r, b) => {
      const s: unknown = r[b + ls];
      return ops.b(s instanceof Cons || (s instanceof RangeCursor && s.left > 0));
    };
    const hs = ctx.fb.newSlot();
    const take = ctx.fb.emit(OP_EVAL, step.source.pos);
    take.a = hs;
    take.ev = (r, b) => {
      const s: unknown = r[b + ls];
      if (s instanceof RangeCursor) {
        const x = s.next;
        s.next += s.step;
        s.left--;
        return x;
      }
      const c = s as Cons;
      r[b + ls] = c.tail;
      return c.head;
    };
    fctx = child(fctx);
    const sel = ctx.fb.emit(OP_SELECT, step.pattern.pos);
    sel.a = hs;
    sel.x = { kind: 'fallthrough', target: head };
    const match: Matcher | null = compilePattern(step.pattern, fctx);
    sel.clauses = [{ eqSlot: -1, eqValue: 0, match, guard: compileGuard(step.guard, fctx), target: ctx.fb.here() }];
    loops.push({ head, exit: test });
  }
  if (mode.kind === 'reduce') fctx.scope.set(FOR_ACC, acc);
  const body = compileExpr(mode.kind === 'reduce' ? mode.body : e.body, fctx);
  const push = ctx.fb.emit(OP_EVAL, e.body.pos);
  push.a = acc;
  if (mode.kind === 'reduce') push.ev = body;
  else if (seen >= 0) push.ev = (r, b, m) => pushResult(body(r, b, m), r[b + acc] as Term, r[b + seen] as unknown as SeenResults);
  else push.ev = (r, b, m) => new Cons(body(r, b, m), r[b + acc] as Term);
  for (let i = loops.length - 1; i >= 0; i--) {
    const l = loops[i] as { head: number; exit: Instr };
    const back = ctx.fb.emit(OP_JUMP, e.pos);
    back.a = l.head;
    l.exit.a = ctx.fb.here();
  }
  if (mode.kind === 'reduce') return slotEv(acc);
  if (into === null) return (r, b) => reverse(r[b + acc] as Term);
  return collectResults((r, b) => reverse(r[b + acc] as Term), into, ctx, e.pos);
}

function reverse(l: Term): Term {
  let out: Term = NIL;
  while (typeof l === 'object' && l.kind === 'cons') {
    out = new Cons(l.head, out);
    l = l.tail;
  }
  return out;
}

/** `__STACKTRACE__` inside a rescue/catch clause reads the caught stacktrace's slot. */
const STACKTRACE = '__STACKTRACE__';

function compileTry(e: Expr & { kind: 'try' }, ctx: Ctx): Ev {
  const fb = ctx.fb;
  const result = fb.newSlot();
  // Slots for the caught exception: kind, reason, stacktrace.
  const ex = fb.newSlot();
  fb.newSlot();
  fb.newSlot();
  let outer: Instr | null = null;
  if (e.after !== null) {
    outer = fb.emit(OP_TRY, e.pos);
    outer.a = fb.newSlot();
    fb.newSlot();
    fb.newSlot();
  }
  const hasHandlers = e.rescue.length > 0 || e.catch.length > 0;
  let inner: Instr | null = null;
  if (hasHandlers) {
    inner = fb.emit(OP_TRY, e.pos);
    inner.a = ex;
  }
  const bodyEv = compileExpr(e.body, child(ctx));
  const store = fb.emit(OP_EVAL, e.pos);
  store.a = result;
  store.ev = bodyEv;
  if (inner !== null) fb.emit(OP_TRY_END, e.pos);
  const br = new Branches(ctx, false);
  if (e.else !== null) select(result, e.else, ctx, { kind: 'try_clause' }, br);
  else br.value(slotEv(result), e.pos);
  if (inner !== null) {
    inner.b = fb.here();
    const entries: SelectClause[] = [];
    const sel = fb.emit(OP_SELECT, e.pos);
    sel.a = ex;
    for (const rc of e.rescue) {
      const cctx = child(ctx);
      const mods = rc.modules.map((m) => atom(m.startsWith('Elixir.') ? m : `Elixir.${m}`));
      const slot = rc.binding === null || rc.binding === '_' ? -1 : fb.newSlot();
      if (slot >= 0) cctx.scope.set(rc.binding as string, slot);
      cctx.scope.set(STACKTRACE, ex + 2);
      const match: Matcher = (_v, r, b) => {
        if (r[b + ex] !== ERROR_ATOM) return false;
        const exc = normalizeException(r[b + ex + 1] as Term, r[b + ex + 2] as Term);
        if (mods.length > 0 && !mods.includes(exc.module)) return false;
        if (slot >= 0) r[b + slot] = exc.struct;
        return true;
      };
      entries.push({ eqSlot: -1, eqValue: 0, match, guard: null, target: fb.here() });
      br.body(rc.body, cctx);
    }
    for (const cl of e.catch) {
      const cctx = child(ctx);
      cctx.scope.set(STACKTRACE, ex + 2);
      const [kp, vp] = cl.params.length === 2 ? (cl.params as [Expr, Expr]) : [null, cl.params[0] as Expr];
      const km = kp === null ? null : compilePattern(kp, cctx);
      const vm = compilePattern(vp, cctx);
      const match: Matcher = (_v, r, b, m) => {
        const kind = r[b + ex] as Term;
        // `catch v ->` catches throws only; `catch _, v ->` any kind (a wildcard compiles to no matcher).
        if (kp === null ? kind !== THROW_ATOM : km !== null && !km(kind, r, b, m)) return false;
        return vm === null || vm(r[b + ex + 1] as Term, r, b, m);
      };
      entries.push({ eqSlot: -1, eqValue: 0, match, guard: compileGuard(cl.guard, cctx), target: fb.here() });
      br.body(cl.body, cctx);
    }
    sel.clauses = entries;
    const reraiseAt = fb.here();
    sel.x = { kind: 'fallthrough', target: reraiseAt };
    const rr = fb.emit(OP_RERAISE, e.pos);
    rr.a = ex;
  }
  const value = br.end() as Ev;
  if (outer === null || e.after === null) return value;
  // after: runs on the way out, normal or not.
  const keep = fb.newSlot();
  const k = fb.emit(OP_EVAL, e.pos);
  k.a = keep;
  k.ev = value;
  fb.emit(OP_TRY_END, e.pos);
  compileStatement(e.after, child(ctx));
  const done = fb.emit(OP_JUMP, e.pos);
  outer.b = fb.here();
  compileStatement(e.after, child(ctx));
  const rr = fb.emit(OP_RERAISE, e.pos);
  rr.a = outer.a;
  done.a = fb.here();
  return slotEv(keep);
}

export { EXIT_ATOM };

/**
 * `into:`: the results (a list) collected into the target by `Collectable.Custom.into/2`, inline
 * but for a struct target (its Collectable implementation), where the node has it.
 */
function collectResults(items: Ev, into: Ev, ctx: Ctx, pos: Pos): Ev {
  if (ctx.fb.bifs.lookup('Elixir.Collectable.Custom', 'into', 2) === undefined) return (r, b, m) => collectInto(items(r, b, m), into(r, b, m));
  const cctx = child(ctx);
  for (const [name, ev] of [['&for_items', items], ['&for_into', into]] as const) {
    const slot = ctx.fb.newSlot();
    const i = ctx.fb.emit(OP_EVAL, pos);
    i.a = slot;
    i.ev = ev;
    cctx.scope.set(name, slot);
  }
  const arg = (name: string): Expr => ({ kind: 'var', pos, name });
  return compileExpr({ kind: 'remote', pos, module: { kind: 'alias', pos, name: 'Collectable.Custom' }, name: 'into', args: [arg('&for_items'), arg('&for_into')] }, cctx);
}

