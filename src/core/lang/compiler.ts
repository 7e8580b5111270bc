/**
 * The compiler's core: expressions → closures (`Ev`) and instructions.
 *
 * `compileExpr(e)` returns a closure computing e's value from the frame, emitting instructions
 * first for the parts that may call Elixir code (a call's result lands in a slot the closure
 * then reads). `isSimple(e)` says whether e compiles to a closure alone; operands are evaluated
 * left to right, so when a later operand needs instructions, earlier non-trivial operands are
 * evaluated into slots first (`compileOperands`). `compileTail(e)` compiles e in tail position:
 * calls there become tail calls (constant frame space), everything else a return.
 */
import { atom, Cons, NIL, NIL_ATOM, Tuple, Binary, TRUE, FALSE, type Term } from '../term/types.ts';
import { mapFromPairs, mapHas, mapPutMany, mapGet } from '../term/map.ts';
import { inspect } from '../term/inspect.ts';
import type { Expr, Pos } from './ast.ts';
import { ElixirThrow, exception } from './errors.ts';
import * as ops from './ops.ts';
import { OP_EVAL, OP_EXEC, OP_JUMP_IF_FALSE, OP_RETURN, slotEv, constEv, evSlot, evConst, tagArith, EV_SLOT_ADDK, EV_SLOT_ADD_SLOT, EV_SLOT_SUB_SLOT, type Ev } from './vm-code.ts';

export { slotEv, constEv };
import { child, CompileError, lookupVar, withScope, type Ctx } from './env.ts';
import { compilePattern, literalValue } from './patterns.ts';
import { compileCall, isSimpleCall, desugarPipe, compileFn, compileCaptureFun, compileCaptureExpr } from './compiler-calls.ts';
import { compileControl } from './compiler-control.ts';
import { compileModuleExpr, compileAttrGet } from './compiler-module.ts';
import { desugarStruct } from './compiler-struct.ts';
import { compileBitstring } from './compiler-bitstring.ts';
import { isIn, makeRange, toStr } from './values.ts';

export const BADMATCH = atom('badmatch');

/** Evaluates `ev` now (an instruction) into a fresh slot; returns a reader of that slot. */
export function toSlot(ev: Ev, ctx: Ctx, pos: Pos | null): Ev {
  // A slot (a call's result) or a constant already holds its value: no copy. Slots are written
  // once per binding, so a later operand cannot change it.
  if (evSlot(ev) >= 0 || evConst(ev) !== undefined) return ev;
  const s = ctx.fb.newSlot();
  const i = ctx.fb.emit(OP_EVAL, pos);
  i.a = s;
  i.ev = ev;
  return slotEv(s);
}

function isTrivial(e: Expr): boolean {
  return literalValue(e) !== undefined || e.kind === 'var' || e.kind === 'module_ref' || e.kind === 'attr_get' || e.kind === 'capture_fun';
}

/** Does `e` compile to a closure alone (no instruction: it cannot call Elixir code)? */
export function isSimple(e: Expr, ctx: Ctx): boolean {
  switch (e.kind) {
    case 'int': case 'float': case 'atom': case 'alias': case 'pin': case 'capture_arg':
    case 'module_ref': case 'attr_get': case 'fn': case 'capture_fun': case 'capture_expr':
      return true;
    case 'var':
      return lookupVar(ctx.fb, ctx.scope, e.name) !== undefined || isSimpleCall({ kind: 'call', pos: e.pos, name: e.name, args: [] }, ctx);
    case 'string': case 'charlist':
      return e.parts.every((p) => typeof p === 'string' || isSimple(stringChars(p, ctx), ctx));
    case 'list':
      return e.items.every((i) => isSimple(i, ctx)) && (e.tail === null || isSimple(e.tail, ctx));
    case 'tuple':
      return e.items.every((i) => isSimple(i, ctx));
    case 'map':
      return e.pairs.every(([k, v]) => isSimple(k, ctx) && isSimple(v, ctx)) && (e.update === null || isSimple(e.update, ctx));
    case 'struct':
      return isSimple(desugarStruct(e), ctx);
    case 'binop':
      if (e.op === '|>') return isSimple(desugarPipe(e), ctx);
      if (trapsInBody(e, ctx)) return false;
      return isSimple(e.left, ctx) && isSimple(e.right, ctx);
    case 'unop':
      return isSimple(e.arg, ctx);
    case 'match':
      return isSimple(e.value, ctx);
    case 'field':
      return inlineField(ctx) && isSimple(e.subject, ctx);
    case 'block':
      return e.exprs.every((x) => isSimple(x, ctx));
    case 'call': case 'remote':
      return isSimpleCall(e, ctx);
    default:
      return false;
  }
}

/** Compiles operands left to right, keeping evaluation order when later ones need instructions. */
export function compileOperands(exprs: readonly Expr[], ctx: Ctx): Ev[] {
  let last = -1;
  for (let i = 0; i < exprs.length; i++) if (!isSimple(exprs[i] as Expr, ctx)) last = i;
  return exprs.map((e, i) => {
    const ev = compileExpr(e, ctx);
    return i < last && !isTrivial(e) ? toSlot(ev, ctx, e.pos) : ev;
  });
}

export function compileExpr(e: Expr, ctx: Ctx): Ev {
  const lit = literalValue(e);
  if (lit !== undefined) return constEv(lit);
  switch (e.kind) {
    case 'var': {
      const s = lookupVar(ctx.fb, ctx.scope, e.name);
      if (s !== undefined) return slotEv(s);
      // An unbound name is a call without parentheses (`self`, `flush`), as Elixir expands it.
      return compileCall({ kind: 'call', pos: e.pos, name: e.name, args: [] }, ctx, false) as Ev;
    }
    case 'stab':
      throw new CompileError(e.pos, 'unhandled operator ->');
    case 'pin':
      throw new CompileError(e.pos, `misplaced operator ^${e.name}\n\nThe pin operator ^ is supported only inside matches or inside custom macros`);
    case 'string':
    case 'charlist':
      return compileInterpolation(e, ctx);
    case 'list': {
      const evs = compileOperands(e.tail === null ? e.items : [...e.items, e.tail], ctx);
      const tail = e.tail === null ? null : (evs.pop() as Ev);
      return (r, b, m) => {
        let l: Term = tail === null ? NIL : tail(r, b, m);
        const vals = evs.map((f) => f(r, b, m));
        for (let i = vals.length - 1; i >= 0; i--) l = new Cons(vals[i] as Term, l);
        return l;
      };
    }
    case 'tuple': {
      const evs = compileOperands(e.items, ctx);
      // Pairs and triples (`{:ok, v}`, `{:reply, r, s}`) without map's array and closure per tuple.
      if (evs.length === 2) {
        const [x, y] = evs as [Ev, Ev];
        return (r, b, m) => new Tuple([x(r, b, m), y(r, b, m)]);
      }
      if (evs.length === 3) {
        const [x, y, z] = evs as [Ev, Ev, Ev];
        return (r, b, m) => new Tuple([x(r, b, m), y(r, b, m), z(r, b, m)]);
      }
      return (r, b, m) => new Tuple(evs.map((f) => f(r, b, m)));
    }
    case 'bitstring':
      return compileBitstring(e, ctx);
    case 'map':
      return compileMap(e, ctx);
    case 'struct':
      return compileExpr(desugarStruct(e), ctx);
    case 'binop':
      return compileBinop(e, ctx);
    case 'unop': {
      const a = compileExpr(e.arg, ctx);
      switch (e.op) {
        case '-': return (r, b, m) => ops.neg(a(r, b, m));
        case '+': return (r, b, m) => ops.plus(a(r, b, m));
        case '!': return (r, b, m) => ops.b(!ops.truthy(a(r, b, m)));
        case 'not': return (r, b, m) => notOp(a(r, b, m));
      }
      break;
    }
    case 'match': {
      const value = compileExpr(e.value, ctx);
      const pat = compilePattern(e.pattern, ctx);
      if (pat === null) return value;
      return (r, b, m) => {
        const v = value(r, b, m);
        if (!pat(v, r, b, m)) throw new ops.OpError(new Tuple([BADMATCH, v]), '', '', []);
        return v;
      };
    }
    case 'call': case 'remote': case 'apply':
      return compileCall(e, ctx, false) as Ev;
    case 'field':
      return inlineField(ctx) ? fieldEv(e, ctx) : compileField(e, ctx);
    case 'fn':
      return compileFn(e, ctx);
    case 'capture_fun':
      return compileCaptureFun(e, ctx);
    case 'capture_expr':
      return compileCaptureExpr(e, ctx);
    case 'capture_arg':
      throw new CompileError(e.pos, `capture argument &${e.index} must be used within the capture operator &`);
    case 'block':
      return compileBlock(e.exprs, ctx);
    case 'case': case 'cond': case 'if': case 'receive': case 'with': case 'for': case 'try':
      return compileControl(e, ctx, false) as Ev;
    case 'defmodule': case 'def': case 'attr_set':
      return compileModuleExpr(e, ctx);
    case 'attr_get':
      return compileAttrGet(e, ctx);
    case 'module_ref': {
      const mod = ctx.fb.mod;
      return constEv(mod === null ? NIL_ATOM : atom(mod.name));
    }
    default:
      break;
  }
  throw new CompileError(e.pos, `cannot compile ${e.kind}`);
}

/** A block: statements run in order; the value is the last one's. */
function compileBlock(exprs: readonly Expr[], ctx: Ctx): Ev {
  if (exprs.length === 0) return constEv(NIL_ATOM);
  if (exprs.every((x) => isSimple(x, ctx))) {
    // Pure block: one closure running the statements in order (no instruction may be emitted,
    // because this closure may sit in a branch that does not always run).
    const mark = ctx.fb.here();
    const evs = exprs.map((x) => compileExpr(x, ctx));
    if (ctx.fb.here() !== mark) throw new Error('internal: simple block emitted instructions');
    if (evs.length === 1) return evs[0] as Ev;
    return (r, b, m) => {
      let v: Term = NIL_ATOM;
      for (let i = 0; i < evs.length; i++) v = (evs[i] as Ev)(r, b, m);
      return v;
    };
  }
  for (let i = 0; i < exprs.length - 1; i++) compileStatement(exprs[i] as Expr, ctx);
  return compileExpr(exprs[exprs.length - 1] as Expr, ctx);
}

/** An expression whose value is not used. */
export function compileStatement(e: Expr, ctx: Ctx): void {
  const ev = compileExpr(e, ctx);
  if (isTrivial(e) && e.kind !== 'var') return;
  if (e.kind === 'var' && lookupVar(ctx.fb, ctx.scope, e.name) !== undefined) return;
  const i = ctx.fb.emit(OP_EXEC, e.pos);
  i.ev = ev;
}

/** Compiles `e` in tail position: the function returns its value. */
export function compileTail(e: Expr, ctx: Ctx): void {
  switch (e.kind) {
    case 'call': case 'remote': case 'apply':
      if (compileCall(e, ctx, true) === null) return;
      break;
    case 'binop':
      if (e.op === '|>') return compileTail(desugarPipe(e), ctx);
      break;
    case 'var':
      if (lookupVar(ctx.fb, ctx.scope, e.name) === undefined) {
        compileTail({ kind: 'call', pos: e.pos, name: e.name, args: [] }, ctx);
        return;
      }
      break;
    case 'block':
      if (e.exprs.length > 0) {
        for (let i = 0; i < e.exprs.length - 1; i++) compileStatement(e.exprs[i] as Expr, ctx);
        return compileTail(e.exprs[e.exprs.length - 1] as Expr, ctx);
      }
      break;
    case 'case': case 'cond': case 'if': case 'receive': case 'with':
      if (compileControl(e, ctx, true) === null) return;
      break;
    default:
      break;
  }
  emitReturn(compileExpr(e, ctx), ctx, e.pos);
}

export function emitReturn(ev: Ev, ctx: Ctx, pos: Pos | null): void {
  const i = ctx.fb.emit(OP_RETURN, pos);
  i.ev = ev;
}

function notOp(v: Term): Term {
  if (v === ops.b(true)) return ops.b(false);
  if (v === ops.b(false)) return ops.b(true);
  throw new ops.OpError(atom('badarg'), 'erlang', 'not', [v]);
}

function badBool(op: string, v: Term): never {
  throw new ElixirThrow('error', exception('BadBooleanError', `expected a boolean on left-side of "${op}", got: ${inspect(v)}`, [['term', v], ['operator', atom(op)]]));
}

function compileBinop(e: Expr & { kind: 'binop' }, ctx: Ctx): Ev {
  if (e.op === '|>') return compileExpr(desugarPipe(e), ctx);
  if (e.op === '&&' || e.op === '||' || e.op === 'and' || e.op === 'or') {
    if (!isSimple(e.right, ctx)) return compileControl(e, ctx, false) as Ev;
    const l = compileExpr(e.left, ctx);
    const rr = compileExpr(e.right, child(ctx));
    switch (e.op) {
      case '&&': return (r, b, m) => { const v = l(r, b, m); return ops.truthy(v) ? rr(r, b, m) : v; };
      case '||': return (r, b, m) => { const v = l(r, b, m); return ops.truthy(v) ? v : rr(r, b, m); };
      case 'and': return (r, b, m) => { const v = l(r, b, m); if (v === ops.b(true)) return rr(r, b, m); if (v === ops.b(false)) return v; return badBool('and', v); };
      case 'or': return (r, b, m) => { const v = l(r, b, m); if (v === ops.b(false)) return rr(r, b, m); if (v === ops.b(true)) return v; return badBool('or', v); };
    }
  }
  if (trapsInBody(e, ctx)) return compileCall(opCall(e), ctx, false) as Ev;
  if (isMemberCall(e, ctx)) return compileMember(e, ctx);
  const [l, rr] = compileOperands([e.left, e.right], ctx) as [Ev, Ev];
  const fast = fastArith(e.op, l, rr);
  if (fast !== null) return fast;
  switch (e.op) {
    case '+': return (r, b, m) => ops.add(l(r, b, m), rr(r, b, m));
    case '-': return (r, b, m) => ops.sub(l(r, b, m), rr(r, b, m));
    case '*': return (r, b, m) => ops.mul(l(r, b, m), rr(r, b, m));
    case '/': return (r, b, m) => ops.fdiv(l(r, b, m), rr(r, b, m));
    case '++': return (r, b, m) => ops.append(l(r, b, m), rr(r, b, m));
    case '--': return (r, b, m) => ops.subtract(l(r, b, m), rr(r, b, m));
    case '<>': return (r, b, m) => ops.concat(l(r, b, m), rr(r, b, m));
    case '==': return (r, b, m) => ops.b(ops.eq(l(r, b, m), rr(r, b, m)));
    case '!=': return (r, b, m) => ops.b(!ops.eq(l(r, b, m), rr(r, b, m)));
    case '===': return (r, b, m) => ops.b(ops.seq(l(r, b, m), rr(r, b, m)));
    case '!==': return (r, b, m) => ops.b(!ops.seq(l(r, b, m), rr(r, b, m)));
    case '<': return (r, b, m) => ops.b(ops.lt(l(r, b, m), rr(r, b, m)));
    case '>': return (r, b, m) => ops.b(ops.gt(l(r, b, m), rr(r, b, m)));
    case '<=': return (r, b, m) => ops.b(ops.le(l(r, b, m), rr(r, b, m)));
    case '>=': return (r, b, m) => ops.b(ops.ge(l(r, b, m), rr(r, b, m)));
    case '..': return (r, b, m) => makeRange(l(r, b, m), rr(r, b, m));
    case 'in': return (r, b, m) => ops.b(isIn(l(r, b, m), rr(r, b, m)));
    case 'not in': return (r, b, m) => ops.b(!isIn(l(r, b, m), rr(r, b, m)));
    default:
      throw new CompileError(e.pos, `operator ${e.op} is not supported`);
  }
}

/**
 * `a ++ b` and `a -- b` outside guards: a call of `:erlang.++/2` / `--/2`, which trap on long
 * lists (as BEAM's do), so one operator never holds the scheduler for more than a slice.
 */
function trapsInBody(e: Expr & { kind: 'binop' }, ctx: Ctx): boolean {
  if ((e.op !== '++' && e.op !== '--') || ctx.guard === true) return false;
  return ctx.fb.bifs.lookup('erlang', e.op, 2)?.control === true;
}

/**
 * `x in coll` in a body, `coll` not a literal list or range: Kernel.in expands it to
 * `Enum.member?(coll, x)` (coll evaluated first), so a struct answers through its Enumerable
 * (MapSet, Date.Range, a user's) and a map by `{key, value}`. Literal lists and ranges, and
 * guards, stay inline (values.ts isIn).
 */
function isMemberCall(e: Expr & { kind: 'binop' }, ctx: Ctx): boolean {
  if ((e.op !== 'in' && e.op !== 'not in') || ctx.guard === true) return false;
  const r = e.right;
  return r.kind !== 'list' && !(r.kind === 'binop' && r.op === '..') && !(r.kind === 'remote' && r.module.kind === 'alias' && r.module.name === 'Range' && r.name === 'new');
}

function compileMember(e: Expr & { kind: 'binop' }, ctx: Ctx): Ev {
  const call: Expr = { kind: 'remote', pos: e.pos, module: { kind: 'atom', pos: e.pos, name: 'Elixir.Enum' }, name: 'member?', args: [e.right, e.left] };
  const member = compileCall(call as Expr & { kind: 'remote' }, ctx, false) as Ev;
  return e.op === 'in' ? member : (r, b, m) => notOp(member(r, b, m));
}

function opCall(e: Expr & { kind: 'binop' }): Expr & { kind: 'remote' } {
  return { kind: 'remote', pos: e.pos, module: { kind: 'atom', pos: e.pos, name: 'erlang' }, name: e.op, args: [e.left, e.right] };
}

/**
 * `a + b`, `a - b`, `a < b`... where each side is a slot or a constant: one closure with the
 * small-integer case inline, instead of three closure calls.
 */
function fastArith(op: string, l: Ev, rr: Ev): Ev | null {
  const ls = evSlot(l), rs = evSlot(rr);
  const rc = evConst(rr);
  if (ls < 0) return null;
  if (rc !== undefined && typeof rc.v === 'number') {
    const k = rc.v;
    switch (op) {
      case '+': return tagArith((r, b) => { const x = r[b + ls] as Term; if (typeof x === 'number') { const s = x + k; if (Number.isSafeInteger(s)) return s; } return ops.add(x, k); }, EV_SLOT_ADDK, ls, 0, k);
      case '-': return tagArith((r, b) => { const x = r[b + ls] as Term; if (typeof x === 'number') { const s = x - k; if (Number.isSafeInteger(s)) return s; } return ops.sub(x, k); }, EV_SLOT_ADDK, ls, 0, -k);
      case '<': return (r, b) => { const x = r[b + ls] as Term; return ops.b(typeof x === 'number' ? x < k : ops.lt(x, k)); };
      case '>': return (r, b) => { const x = r[b + ls] as Term; return ops.b(typeof x === 'number' ? x > k : ops.gt(x, k)); };
      case '<=': return (r, b) => { const x = r[b + ls] as Term; return ops.b(typeof x === 'number' ? x <= k : ops.le(x, k)); };
      case '>=': return (r, b) => { const x = r[b + ls] as Term; return ops.b(typeof x === 'number' ? x >= k : ops.ge(x, k)); };
      default: return null;
    }
  }
  if (rs < 0) return null;
  switch (op) {
    case '+': return tagArith((r, b) => { const x = r[b + ls] as Term, y = r[b + rs] as Term; if (typeof x === 'number' && typeof y === 'number') { const s = x + y; if (Number.isSafeInteger(s)) return s; } return ops.add(x, y); }, EV_SLOT_ADD_SLOT, ls, rs, 0);
    case '-': return tagArith((r, b) => { const x = r[b + ls] as Term, y = r[b + rs] as Term; if (typeof x === 'number' && typeof y === 'number') { const s = x - y; if (Number.isSafeInteger(s)) return s; } return ops.sub(x, y); }, EV_SLOT_SUB_SLOT, ls, rs, 0);
    case '*': return (r, b) => ops.mul(r[b + ls] as Term, r[b + rs] as Term);
    default: return null;
  }
}

function fieldEv(e: Expr & { kind: 'field' }, ctx: Ctx): Ev {
  const subj = compileExpr(e.subject, ctx);
  const key = atom(e.name);
  return (r, b, m) => fieldGet(subj(r, b, m), key);
}

/**
 * Whether `subject.name` reads a map's key inline (a closure), with no call for a module atom:
 * in guards, and in a module's code, whose field reads are hot (the fall-through to a call costs
 * an instruction per read: a loop of map-field reads ran 1.2-2x slower). So `m.count` on a module
 * atom works at the prompt (and in its fns and Code.eval_string) but not inside a defmodule.
 */
function inlineField(ctx: Ctx): boolean {
  return ctx.guard === true || ctx.fb.mod !== null;
}

/** The subject of `subject.name` inside compileField: a name no source can spell. */
const FIELD_SUBJECT = 'field subject';

/**
 * `subject.name`: a map's key, inline; on a module atom Elixir 1.14 calls `subject.name()`
 * (`m = Enum; m.count` is Enum.count/0), so that case falls through to a remote call.
 */
function compileField(e: Expr & { kind: 'field' }, ctx: Ctx): Ev {
  const subj = compileExpr(e.subject, ctx);
  const key = atom(e.name);
  const s = ctx.fb.newSlot();
  let dst = -1;
  const test = ctx.fb.emit(OP_JUMP_IF_FALSE, e.pos);
  test.ev = (r, b, m) => {
    const v = (r[b + s] = subj(r, b, m));
    if (typeof v === 'object' && v.kind === 'atom' && !NOT_MODULES.has(v.name)) return TRUE;
    r[b + dst] = fieldGet(v, key);
    return FALSE;
  };
  const pos = e.pos;
  const call: Expr = { kind: 'remote', pos, module: { kind: 'var', pos, name: FIELD_SUBJECT }, name: e.name, args: [] };
  const result = compileCall(call, withScope(ctx, new Map(ctx.scope).set(FIELD_SUBJECT, s)), false) as Ev;
  dst = evSlot(result);
  test.a = ctx.fb.here();
  return result;
}

function fieldGet(v: Term, key: Term): Term {
  if (typeof v === 'object' && v.kind === 'map') {
    const got = mapGet(v, key);
    if (got === undefined) throw new ops.OpError(new Tuple([atom('badkey'), key, v]), '', '', []);
    return got;
  }
  // Elixir 1.14 calls `mod.name()` for a module atom; everything else (nil, true and false too) is {badkey, name, v}.
  if (typeof v === 'object' && v.kind === 'atom' && !NOT_MODULES.has(v.name)) throw new ops.OpError(new Tuple([atom('badmap'), v]), '', '', []);
  throw new ops.OpError(new Tuple([atom('badkey'), key, v]), '', '', []);
}

const NOT_MODULES: ReadonlySet<string> = new Set(['nil', 'true', 'false']);

function compileMap(e: Expr & { kind: 'map' }, ctx: Ctx): Ev {
  const flat: Expr[] = [];
  if (e.update !== null) flat.push(e.update);
  for (const [k, v] of e.pairs) flat.push(k, v);
  const evs = compileOperands(flat, ctx);
  const base = e.update === null ? null : (evs.shift() as Ev);
  const n = e.pairs.length;
  return (r, b, m) => {
    const baseV = base === null ? null : base(r, b, m);
    const pairs: [Term, Term][] = [];
    for (let i = 0; i < n; i++) pairs.push([(evs[2 * i] as Ev)(r, b, m), (evs[2 * i + 1] as Ev)(r, b, m)]);
    if (baseV === null) return mapFromPairs(pairs);
    if (typeof baseV !== 'object' || baseV.kind !== 'map') throw new ops.OpError(new Tuple([atom('badmap'), baseV]), '', '', []);
    // BEAM reports the failed update as `:maps.update(key, value, map)`, at the top of the stack.
    for (const [k, v] of pairs) if (!mapHas(baseV, k)) throw new ops.OpError(new Tuple([atom('badkey'), k, baseV]), 'maps', 'update', [k, v, baseV]);
    return mapPutMany(baseV, pairs);
  };
}

/** `String.Chars.to_string(p)` where the node has it (and `p` is not already a string). */
function stringChars(p: Expr, ctx: Ctx): Expr {
  if (p.kind === 'string' || ctx.fb.bifs.lookup('Elixir.String.Chars', 'to_string', 1) === undefined) return p;
  return { kind: 'remote', pos: p.pos, module: { kind: 'alias', pos: p.pos, name: 'String.Chars' }, name: 'to_string', args: [p] };
}

function compileInterpolation(e: Expr & { kind: 'string' | 'charlist' }, ctx: Ctx): Ev {
  // Each part goes through String.Chars.to_string/1: inline but for structs (their implementation).
  const exprParts = e.parts.filter((p): p is Expr => typeof p !== 'string').map((p) => stringChars(p, ctx));
  const evs = compileOperands(exprParts, ctx);
  let k = 0;
  const parts = e.parts.map((p) => (typeof p === 'string' ? p : (evs[k++] as Ev)));
  const charlist = e.kind === 'charlist';
  return (r, b, m) => {
    let s = '';
    let bytes: number[] | null = null;
    for (const p of parts) {
      if (typeof p === 'string') {
        if (bytes === null) s += p;
        else bytes.push(...new TextEncoder().encode(p));
        continue;
      }
      const bin = toStr(p(r, b, m));
      const t = bin.text;
      if (t !== null && bytes === null) s += t;
      else {
        if (bytes === null) bytes = [...new TextEncoder().encode(s)];
        bytes.push(...bin.bytes);
      }
    }
    const out = bytes === null ? Binary.fromString(s) : Binary.fromBytes(Uint8Array.from(bytes));
    if (!charlist) return out;
    const txt = out.text ?? '';
    let l: Term = NIL;
    const cps = [...txt];
    for (let i = cps.length - 1; i >= 0; i--) l = new Cons((cps[i] as string).codePointAt(0) as number, l);
    return l;
  };
}

