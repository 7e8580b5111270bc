/**
 * Calls and functions: how `f(x)`, `Mod.f(x)`, `fun.(x)`, `fn`, `&Mod.f/1` and `&(&1 + 1)`
 * compile.
 *
 * A call to a BIF that is not `control` is inlined into the closure (a plain JS call: no frame,
 * no reduction). Everything else is an instruction: a call to a function of the module being
 * defined (resolved once when the module is instantiated), a remote call (resolved on first use
 * and cached per node module table), an apply of a fun, or a control BIF.
 */
import { atom, Fun, TRUE, FALSE, type Atom, type FunInfo, type Term } from '../term/types.ts';
import type { Clause, Expr } from './ast.ts';
import type { Bif } from './builtins.ts';
import {
  OP_CALL_BIF, OP_CALL_FUN, OP_CALL_FUN_FAST, OP_CALL_LOCAL, OP_CALL_REMOTE, OP_JUMP_IF_FALSE, OP_SELECT, FnTemplate, evSlot,
  type Ev, type LocalSite, type Matcher, type RemoteSite, type SelectClause, type SelectFail, type Test,
} from './vm-code.ts';
import { CompileError, FnBuilder, lookupVar, type Ctx } from './env.ts';
import { atBif } from './errors.ts';
import type { Machine } from './vm.ts';
import { compilePattern, literalValue } from './patterns.ts';
import { captureShorthand, erlangName } from './capture-shorthand.ts';
import { compileExpr, compileOperands, compileTail, emitReturn, isSimple, slotEv } from './compiler.ts';
import { raiseWithException, reraiseWithException } from './compiler-struct.ts';

const KERNEL = 'Elixir.Kernel';
/** Where a local call that is not a function of the module goes, in order. */
export const IMPORTS: readonly Atom[] = [atom(KERNEL), atom('Elixir.IEx.Helpers')];

type Target =
  | { readonly kind: 'inline' | 'bif'; readonly bif: Bif }
  | { readonly kind: 'local'; readonly name: string }
  | { readonly kind: 'remote'; readonly module: Atom | null; readonly modExpr: Expr | null; readonly imports: boolean }
  | { readonly kind: 'fun' };

function moduleName(e: Expr, ctx: Ctx): string | null {
  if (e.kind === 'module_ref') return ctx.fb.mod?.name ?? null;
  const v = literalValue(e);
  return typeof v === 'object' && v.kind === 'atom' ? v.name : null;
}

function bifTarget(bif: Bif | undefined, ctx: Ctx): Target | null {
  if (bif === undefined) return null;
  // In a guard, a trapping BIF is called inline in its non-trapping version.
  if (ctx.guard === true && bif.guard !== undefined) return { kind: 'inline', bif: { module: bif.module, name: bif.name, arity: bif.arity, fn: bif.guard } };
  return { kind: bif.control === true ? 'bif' : 'inline', bif };
}

function resolve(e: Expr & { kind: 'call' | 'remote' | 'apply' }, ctx: Ctx): Target {
  if (e.kind === 'apply') return { kind: 'fun' };
  const arity = e.args.length;
  if (e.kind === 'call') {
    const mod = ctx.fb.mod;
    if (mod !== null && mod.defines(e.name, arity)) return { kind: 'local', name: e.name };
    return bifTarget(ctx.fb.bifs.lookup(KERNEL, e.name, arity), ctx) ?? { kind: 'remote', module: null, modExpr: null, imports: true };
  }
  const m = moduleName(e.module, ctx);
  if (m === null) return { kind: 'remote', module: null, modExpr: e.module, imports: false };
  return bifTarget(ctx.fb.bifs.lookup(m, e.name, arity), ctx) ?? { kind: 'remote', module: atom(m), modExpr: null, imports: false };
}

export function isSimpleCall(e: Expr & { kind: 'call' | 'remote' }, ctx: Ctx): boolean {
  const raised = raiseCall(e, ctx);
  if (raised !== e) return false;
  return resolve(e, ctx).kind === 'inline' && e.args.every((a) => isSimple(a, ctx)) && (e.kind === 'call' || isSimple(e.module, ctx));
}

/** `raise Mod, opts` builds its exception with `Mod.exception/1` (compiler-struct.ts), unless `raise` is a local function. */
function raiseCall<E extends Expr & { kind: 'call' | 'remote' }>(e: E, ctx: Ctx): E | (Expr & { kind: 'call' | 'remote' }) {
  if (e.kind === 'call' && e.name === 'reraise' && e.args.length === 3 && ctx.fb.mod?.defines('reraise', 3) !== true) return reraiseWithException(e);
  if (e.kind !== 'call' || e.name !== 'raise' || ctx.fb.mod?.defines('raise', e.args.length) === true) return e;
  return raiseWithException(e);
}

/** `a |> f(b)` → `f(a, b)`. */
export function desugarPipe(e: Expr & { kind: 'binop' }): Expr {
  const arg = e.left;
  const r = e.right;
  switch (r.kind) {
    case 'call': return { ...r, args: [arg, ...r.args] };
    case 'remote': return { ...r, args: [arg, ...r.args] };
    case 'apply': return { ...r, args: [arg, ...r.args] };
    case 'var': return { kind: 'call', pos: r.pos, name: r.name, args: [arg] };
    case 'field': return { kind: 'remote', pos: r.pos, module: r.subject, name: r.name, args: [arg] };
    default:
      throw new CompileError(r.pos, 'cannot pipe into this expression');
  }
}

function inlineBif(bif: Bif, evs: Ev[], ctx: Ctx): Ev {
  const fn = bif.fn;
  // On an error, the BIF's call becomes the top of the stacktrace (see atBif).
  const { module, name } = bif;
  const erl = module === KERNEL && ctx.fb.bifs.lookup('erlang', name, bif.arity) !== undefined;
  const call = (args: Term[], m: Machine): Term => {
    try {
      return fn(args, m.ctx);
    } catch (e) {
      throw atBif(e, module, name, args, erl);
    }
  };
  if (name === 'send' && evs.length === 2 && (module === KERNEL || module === 'erlang')) {
    // The hot path of message passing: no argument array. A refused send (a bad destination,
    // nothing was sent) goes through the BIF again for its error.
    const [a, c] = evs as [Ev, Ev];
    return (r, b, m) => {
      const dest = a(r, b, m), msg = c(r, b, m);
      return m.proc.send(dest, msg) ? msg : call([dest, msg], m);
    };
  }
  switch (evs.length) {
    case 0: return (_r, _b, m) => call([], m);
    case 1: { const [a] = evs as [Ev]; return (r, b, m) => call([a(r, b, m)], m); }
    case 2: { const [a, c] = evs as [Ev, Ev]; return (r, b, m) => call([a(r, b, m), c(r, b, m)], m); }
    // (a GenServer.call's two BIFs, gen_request and reply_alias, take three)
    case 3: { const [a, c, d] = evs as [Ev, Ev, Ev]; return (r, b, m) => call([a(r, b, m), c(r, b, m), d(r, b, m)], m); }
    default: return (r, b, m) => call(evs.map((f) => f(r, b, m)), m);
  }
}

/**
 * A trapping BIF with a `small` version: one instruction tries it inline (arguments into slots,
 * the result into `dst`) and jumps past the VM call when that did it; a big input falls through
 * to the trapping call on the same argument slots (so they are evaluated once).
 */
function smallFirst(bif: Bif, small: NonNullable<Bif['small']>, evs: Ev[], ctx: Ctx, pos: Expr['pos']): Ev {
  const { module, name } = bif;
  const erl = module === KERNEL && ctx.fb.bifs.lookup('erlang', name, bif.arity) !== undefined;
  const slots = evs.map(() => ctx.fb.newSlot());
  const dst = ctx.fb.newSlot();
  const attempt = (args: Term[], r: Term[], b: number): Term => {
    let v: Term | undefined;
    try {
      v = small(args);
    } catch (e) {
      throw atBif(e, module, name, args, erl);
    }
    if (v === undefined) return TRUE;
    r[b + dst] = v;
    return FALSE;
  };
  const test = ctx.fb.emit(OP_JUMP_IF_FALSE, pos);
  if (evs.length === 1) {
    const [f] = evs as [Ev];
    const [s] = slots as [number];
    test.ev = (r, b, m) => {
      const x = (r[b + s] = f(r, b, m));
      return attempt([x], r, b);
    };
  } else if (evs.length === 2) {
    const [f, g] = evs as [Ev, Ev];
    const [s, t] = slots as [number, number];
    test.ev = (r, b, m) => {
      const x = (r[b + s] = f(r, b, m));
      const y = (r[b + t] = g(r, b, m));
      return attempt([x, y], r, b);
    };
  } else {
    test.ev = (r, b, m) => {
      const args = evs.map((f) => f(r, b, m));
      for (let i = 0; i < args.length; i++) r[b + (slots[i] as number)] = args[i] as Term;
      return attempt(args, r, b);
    };
  }
  const call = ctx.fb.emit(OP_CALL_BIF, pos);
  call.x = bif;
  call.setArgs(slots.map((s) => slotEv(s)));
  call.a = dst;
  test.a = ctx.fb.here();
  return slotEv(dst);
}

/** Compiles a call; in tail position emits a tail call and returns null. */
export function compileCall(e: Expr & { kind: 'call' | 'remote' | 'apply' }, ctx: Ctx, tail: boolean): Ev | null {
  if (e.kind === 'call') e = raiseCall(e, ctx);
  const t = resolve(e, ctx);
  const pre: Expr[] = e.kind === 'apply' ? [e.fun] : t.kind === 'remote' && t.modExpr !== null ? [t.modExpr] : [];
  const evs = compileOperands([...pre, ...e.args], ctx);
  const head = pre.length > 0 ? (evs.shift() as Ev) : null;
  if (t.kind === 'inline') {
    const ev = inlineBif(t.bif, evs, ctx);
    if (!tail) return ev;
    emitReturn(ev, ctx, e.pos);
    return null;
  }
  if (t.kind === 'bif' && t.bif.small !== undefined) {
    const ev = smallFirst(t.bif, t.bif.small, evs, ctx, e.pos);
    if (!tail) return ev;
    emitReturn(ev, ctx, e.pos);
    return null;
  }
  let instr;
  switch (t.kind) {
    case 'fun':
      instr = ctx.fb.emit(tail ? OP_CALL_FUN : OP_CALL_FUN_FAST, e.pos);
      instr.ev = head;
      break;
    case 'bif':
      instr = ctx.fb.emit(OP_CALL_BIF, e.pos);
      instr.x = t.bif;
      break;
    case 'local': {
      instr = ctx.fb.emit(OP_CALL_LOCAL, e.pos);
      const mod = ctx.fb.mod as NonNullable<typeof ctx.fb.mod>;
      const site: LocalSite = { name: t.name, arity: e.args.length, target: null, module: mod.name };
      mod.localSites.push(site);
      instr.x = site;
      break;
    }
    case 'remote': {
      instr = ctx.fb.emit(OP_CALL_REMOTE, e.pos);
      const site: RemoteSite = {
        module: t.module, modEv: head, name: atom((e as { name: string }).name), arity: e.args.length, imports: t.imports,
        cacheGen: -1, cacheModule: null, cacheFn: null, cacheBif: null,
      };
      instr.x = site;
      break;
    }
  }
  instr.setArgs(evs);
  if (head !== null && t.kind === 'fun') instr.funSlot = evSlot(head);
  if (tail) {
    instr.c = 1;
    return null;
  }
  const dst = ctx.fb.newSlot();
  instr.a = dst;
  return slotEv(dst);
}

/** A guard: true only when the expression is exactly `true`; an error makes it false. */
export function compileGuard(g: Expr | null, ctx: Ctx): Test | null {
  if (g === null) return null;
  const gctx: Ctx = { fb: ctx.fb, scope: ctx.scope, guard: true };
  if (!isSimple(g, gctx)) throw new CompileError(g.pos, 'invalid expression in guard');
  const ev = compileExpr(g, gctx);
  return (r, b, m) => {
    try {
      return ev(r, b, m) === TRUE;
    } catch {
      return false;
    }
  };
}

/**
 * The clauses of a function (fn or def): an OP_SELECT on the parameters (slots 0..arity-1),
 * then each clause's body in tail position. A parameter that is a plain variable is not copied:
 * the variable names the parameter's slot.
 */
export function compileFunctionClauses(
  fb: FnBuilder,
  clauses: readonly Clause[],
  scope: Map<string, number>,
  fail: SelectFail,
  beforeClause?: (i: number) => void,
): void {
  const select = fb.emit(OP_SELECT, clauses[0]?.pos ?? null);
  select.a = -1;
  select.b = fb.code.arity;
  select.x = fail;
  const entries: SelectClause[] = [];
  clauses.forEach((cl, ci) => {
    beforeClause?.(ci);
    const ctx: Ctx = { fb, scope: new Map(scope) };
    const seen = new Map<string, number>();
    const ms: [number, Matcher][] = [];
    cl.params.forEach((p, i) => {
      if (p.kind === 'var' && !seen.has(p.name)) {
        seen.set(p.name, i);
        if (p.name !== '_') ctx.scope.set(p.name, i);
        return;
      }
      const m = compilePattern(p, ctx, seen);
      if (m !== null) ms.push([i, m]);
    });
    const guard = compileGuard(cl.guard, ctx);
    const eq = eqParam(cl.params);
    const entry: SelectClause = eq !== null && ms.length === 1
      ? { eqSlot: eq[0], eqValue: eq[1], match: null, guard, target: fb.here() }
      : { eqSlot: -1, eqValue: 0, match: paramsMatcher(ms), guard, target: fb.here() };
    entries.push(entry);
    compileTail(cl.body, ctx);
  });
  select.clauses = entries;
}

/** [index, value] when exactly one param is an atom/small-integer literal and the rest plain variables. */
function eqParam(params: readonly Expr[]): [number, Term] | null {
  let found: [number, Term] | null = null;
  for (let i = 0; i < params.length; i++) {
    const p = params[i] as Expr;
    if (p.kind === 'var') continue;
    const v = literalValue(p);
    if (found !== null || v === undefined || !(typeof v === 'number' || (typeof v === 'object' && v.kind === 'atom'))) return null;
    found = [i, v];
  }
  return found;
}

function paramsMatcher(ms: [number, Matcher][]): Matcher | null {
  if (ms.length === 0) return null;
  if (ms.length === 1) {
    const [[i, m0]] = ms as [[number, Matcher]];
    return (_v, r, b, m) => m0(r[b + i] as Term, r, b, m);
  }
  return (_v, r, b, m) => {
    for (const [i, mi] of ms) if (!mi(r[b + i] as Term, r, b, m)) return false;
    return true;
  };
}

const ERL_EVAL = atom('erl_eval');
const EMPTY_ENV: readonly Term[] = [];

function funInfo(ctx: Ctx, arity: number): FunInfo {
  const mod = ctx.fb.mod;
  if (mod === null) return { type: 'local', module: ERL_EVAL, name: 'expr/6', index: 43 - arity, uniq: 3316493 };
  return { type: 'local', module: atom(mod.name), name: mod.currentDef ?? '__MODULE__/0', index: mod.funIndex++, uniq: mod.uniq };
}

export function compileFn(e: Expr & { kind: 'fn' }, ctx: Ctx): Ev {
  const arity = e.clauses[0]?.params.length ?? 0;
  for (const cl of e.clauses) {
    if (cl.params.length !== arity) throw new CompileError(cl.pos, 'cannot mix clauses with different arities in anonymous functions');
  }
  const mod = ctx.fb.mod;
  // In a module, the name BEAM gives the closure (`-map_raise/1-fun-0-`): its stacktrace entry
  // reads `anonymous fn/1 in R.map_raise/1`.
  const name = mod === null ? 'expr' : `-${mod.currentDef ?? '__MODULE__/0'}-fun-${mod.funIndex}-`;
  const fb = new FnBuilder(mod?.name ?? 'erl_eval', name, arity, { fb: ctx.fb, scope: ctx.scope }, mod, ctx.fb.bifs);
  compileFunctionClauses(fb, e.clauses, new Map(), { kind: 'function_clause', module: 'erl_eval', name: '-inside-an-interpreted-fun-' });
  const template = new FnTemplate(e, fb.captureNames, fb.code, mod?.name ?? null);
  const info = funInfo(ctx, arity);
  const outer = fb.captureOuter;
  if (outer.length === 0) return () => new Fun(arity, info, template, EMPTY_ENV);
  return (r, b) => {
    const env: Term[] = [];
    for (let i = 0; i < outer.length; i++) env.push(r[b + (outer[i] as number)] as Term);
    return new Fun(arity, info, template, env);
  };
}

export function compileCaptureFun(e: Expr & { kind: 'capture_fun' }, ctx: Ctx): Ev {
  if (e.module === null) {
    const mod = ctx.fb.mod;
    if (mod !== null && mod.defines(e.name, e.arity)) {
      // A local function: a fn calling it (works for private functions too).
      const params: Expr[] = [];
      for (let i = 1; i <= e.arity; i++) params.push({ kind: 'var', pos: e.pos, name: `&${i}` });
      return compileFn({ kind: 'fn', pos: e.pos, clauses: [{ pos: e.pos, params, guard: null, body: { kind: 'call', pos: e.pos, name: e.name, args: params } }] }, ctx);
    }
    const f = kernelCapture(e.name, e.arity, ctx);
    return () => f;
  }
  const m = moduleName(e.module, ctx);
  if (m === null) {
    const modEv = compileExpr(e.module, ctx);
    return (r, b, mm) => {
      const mv = modEv(r, b, mm);
      return new Fun(e.arity, { type: 'export', module: mv as Atom, name: atom(e.name) }, null, null);
    };
  }
  // `&Kernel.+/2` is `&:erlang.+/2`, as for a local capture.
  const f = m === KERNEL ? kernelCapture(e.name, e.arity, ctx) : new Fun(e.arity, { type: 'export', module: atom(m), name: atom(e.name) }, null, null);
  return () => f;
}

/** `&is_atom/1` and `&<=/2` are `&:erlang.is_atom/1` and `&:erlang.=</2`, when :erlang has them. */
function kernelCapture(name: string, arity: number, ctx: Ctx): Fun {
  const erl = erlangName(name, arity);
  const home = ctx.fb.bifs.lookup('erlang', erl, arity) !== undefined ? { module: 'erlang', name: erl } : { module: kernelHome(name, arity, ctx), name };
  return new Fun(arity, { type: 'export', module: atom(home.module), name: atom(home.name) }, null, null);
}

/** `&is_atom/1` is `&:erlang.is_atom/1` in iex: Kernel guards live in :erlang. */
function kernelHome(name: string, arity: number, ctx: Ctx): string {
  return ctx.fb.bifs.lookup('erlang', name, arity) !== undefined ? 'erlang' : KERNEL;
}

export function compileCaptureExpr(e: Expr & { kind: 'capture_expr' }, ctx: Ctx): Ev {
  const named = captureShorthand(e, (name, arity) => ctx.fb.mod?.defines(name, arity) === true, ctx.fb.bifs);
  if (named !== null) return compileCaptureFun(named, ctx);
  const params: Expr[] = [];
  for (let i = 1; i <= e.arity; i++) params.push({ kind: 'var', pos: e.pos, name: `&${i}` });
  const body = replaceCaptureArgs(e.body);
  return compileFn({ kind: 'fn', pos: e.pos, clauses: [{ pos: e.pos, params, guard: null, body }] }, ctx);
}

/** `&1` → the variable `&1` (a name no user variable can have). */
function replaceCaptureArgs(e: Expr): Expr {
  if (e.kind === 'capture_arg') return { kind: 'var', pos: e.pos, name: `&${e.index}` };
  if (e.kind === 'fn' || e.kind === 'capture_expr') return e;
  // fromEntries: an own `__proto__` key (code received from a peer) stays a plain field.
  return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, mapNode(v)])) as unknown as Expr;
}

function mapNode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(mapNode);
  if (v !== null && typeof v === 'object') {
    if ('kind' in v && 'pos' in v) return replaceCaptureArgs(v as Expr);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapNode(x)]));
  }
  return v;
}

export { lookupVar };
