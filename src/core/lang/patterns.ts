/**
 * Patterns compile to Matcher closures: `(value, frame) => boolean`, binding variables into
 * fresh slots of the frame as they go. Matching follows Erlang's exact equality (`1` does not
 * match `1.0`); a variable seen twice in one pattern must match equal values; `^x` compares
 * with the current value of x.
 */
import { atom, Binary, Cons, Float, NIL, type MapTerm, type Term } from '../term/types.ts';
import { strictEquals } from '../term/equality.ts';
import { mapGet } from '../term/map.ts';
import type { Expr } from './ast.ts';
import type { Matcher } from './vm-code.ts';
import { CompileError, lookupVar, type Ctx } from './env.ts';
import { structPattern } from './compiler-struct.ts';
import { bitstringPattern } from './patterns-bitstring.ts';

/** The value of a literal expression (no variables, no calls), or undefined. */
export function literalValue(e: Expr): Term | undefined {
  switch (e.kind) {
    case 'int':
      return e.value;
    case 'float':
      return new Float(e.value);
    case 'atom':
      return atom(e.name);
    case 'alias':
      return aliasAtom(e.name);
    case 'string':
      return e.parts.every((p) => typeof p === 'string') ? Binary.fromString(e.parts.join('')) : undefined;
    case 'charlist':
      return e.parts.every((p) => typeof p === 'string') ? charlist(e.parts.join('')) : undefined;
    case 'unop': {
      if (e.op !== '-' && e.op !== '+') return undefined;
      const v = literalValue(e.arg);
      if (e.op === '+') return typeof v === 'number' || typeof v === 'bigint' || v instanceof Float ? v : undefined;
      if (typeof v === 'number') return v === 0 ? 0 : -v;
      if (typeof v === 'bigint') return -v;
      if (v instanceof Float) return new Float(-v.value);
      return undefined;
    }
    case 'list': {
      const items: Term[] = [];
      for (const i of e.items) {
        const v = literalValue(i);
        if (v === undefined) return undefined;
        items.push(v);
      }
      let tail: Term = NIL;
      if (e.tail !== null) {
        const t = literalValue(e.tail);
        if (t === undefined) return undefined;
        tail = t;
      }
      for (let i = items.length - 1; i >= 0; i--) tail = new Cons(items[i] as Term, tail);
      return tail;
    }
    default:
      return undefined;
  }
}

export function aliasAtom(name: string): Term {
  return atom(name.startsWith('Elixir.') ? name : `Elixir.${name}`);
}

export function charlist(s: string): Term {
  let l: Term = NIL;
  const cps = [...s];
  for (let i = cps.length - 1; i >= 0; i--) l = new Cons((cps[i] as string).codePointAt(0) as number, l);
  return l;
}

/**
 * Compiles `p`. Binds its variables into `ctx.scope` (new slots). `seen` collects the names bound
 * by this pattern, so a repeated name compares instead of rebinding. Returns null for a pattern
 * that always matches and binds nothing (`_`).
 */
export function compilePattern(p: Expr, ctx: Ctx, seen: Map<string, number> = new Map()): Matcher | null {
  const lit = literalValue(p);
  if (lit !== undefined) return literalMatcher(lit);
  switch (p.kind) {
    case 'var': {
      if (p.name === '_') return null;
      const prev = seen.get(p.name);
      if (prev !== undefined) return (v, r, b) => strictEquals(v, r[b + prev] as Term);
      const s = ctx.fb.newSlot();
      seen.set(p.name, s);
      // An underscored name (`_x`) binds too, as in Elixir: `binding()` and Code.eval_string show it.
      ctx.scope.set(p.name, s);
      return (v, r, b) => {
        r[b + s] = v;
        return true;
      };
    }
    case 'pin': {
      const s = lookupVar(ctx.fb, ctx.scope, p.name);
      if (s === undefined) throw new CompileError(p.pos, `undefined variable ^${p.name}`);
      return (v, r, b) => strictEquals(v, r[b + s] as Term);
    }
    case 'tuple': {
      const n = p.items.length;
      const subs = p.items.map((i) => compilePattern(i, ctx, seen));
      return (v, r, b, m) => {
        if (typeof v !== 'object' || v.kind !== 'tuple' || v.elements.length !== n) return false;
        const el = v.elements;
        for (let i = 0; i < n; i++) {
          const s = subs[i];
          if (s != null && !s(el[i] as Term, r, b, m)) return false;
        }
        return true;
      };
    }
    case 'list':
    case 'charlist':
      return listPattern(p, ctx, seen);
    case 'struct':
      return compilePattern(structPattern(p, ctx.fb.mod?.name ?? null), ctx, seen);
    case 'map': {
      if (p.update !== null) throw new CompileError(p.pos, 'cannot use map update syntax in a pattern');
      const pairs = p.pairs.map(([k, vp]) => {
        const key = keyValue(k, ctx);
        return [key, compilePattern(vp, ctx, seen)] as const;
      });
      return (v, r, b, m) => {
        if (typeof v !== 'object' || v.kind !== 'map') return false;
        for (const [key, sub] of pairs) {
          const got = mapGet(v as MapTerm, typeof key === 'function' ? key(r, b) : key);
          if (got === undefined) return false;
          if (sub !== null && !sub(got, r, b, m)) return false;
        }
        return true;
      };
    }
    case 'match': {
      const a = compilePattern(p.pattern, ctx, seen);
      const c = compilePattern(p.value, ctx, seen);
      if (a === null) return c;
      if (c === null) return a;
      return (v, r, b, m) => a(v, r, b, m) && c(v, r, b, m);
    }
    case 'binop':
      if (p.op === '<>') return prefixPattern(p.left, p.right, ctx, seen);
      break;
    case 'bitstring':
      return bitstringPattern(p, ctx, seen, compilePattern);
    default:
      break;
  }
  throw new CompileError(p.pos, `invalid pattern in match, ${p.kind} is not allowed in patterns`);
}

function keyValue(k: Expr, ctx: Ctx): Term | ((r: Term[], b: number) => Term) {
  const lit = literalValue(k);
  if (lit !== undefined) return lit;
  if (k.kind === 'pin') {
    const s = lookupVar(ctx.fb, ctx.scope, k.name);
    if (s === undefined) throw new CompileError(k.pos, `undefined variable ^${k.name}`);
    return (r, b) => r[b + s] as Term;
  }
  throw new CompileError(k.pos, 'cannot use variables in map keys inside patterns');
}

function literalMatcher(lit: Term): Matcher {
  if (typeof lit === 'number' || typeof lit === 'bigint' || (typeof lit === 'object' && lit.kind === 'atom') || lit === NIL) {
    return (v) => v === lit;
  }
  return (v) => strictEquals(v, lit);
}

function listPattern(p: Expr & { kind: 'list' | 'charlist' }, ctx: Ctx, seen: Map<string, number>): Matcher {
  if (p.kind === 'charlist') throw new CompileError(p.pos, 'interpolation is not allowed in patterns');
  const subs = p.items.map((i) => compilePattern(i, ctx, seen));
  const tail = p.tail === null ? literalMatcher(NIL) : compilePattern(p.tail, ctx, seen);
  const n = subs.length;
  return (v, r, b, m) => {
    let l = v;
    for (let i = 0; i < n; i++) {
      if (typeof l !== 'object' || l.kind !== 'cons') return false;
      const s = subs[i];
      if (s != null && !s(l.head, r, b, m)) return false;
      l = l.tail;
    }
    return tail === null || tail(l, r, b, m);
  };
}

/** `"prefix" <> rest`. */
function prefixPattern(left: Expr, right: Expr, ctx: Ctx, seen: Map<string, number>): Matcher {
  const pre = literalValue(left);
  if (!(pre instanceof Binary)) throw new CompileError(left.pos, 'the left argument of <> must be a binary literal in patterns');
  const rest = compilePattern(right, ctx, seen);
  const pb = pre.bytes;
  return (v, r, b, m) => {
    if (typeof v !== 'object' || v.kind !== 'binary') return false;
    const vb = v.bytes;
    if (vb.length < pb.length) return false;
    for (let i = 0; i < pb.length; i++) if (vb[i] !== pb[i]) return false;
    const t = v.text;
    const restTerm = t !== null && pre.text !== null ? Binary.fromString(t.slice(pre.text.length)) : Binary.fromBytes(vb.slice(pb.length));
    return rest === null || rest(restTerm, r, b, m);
  };
}

/** Names a pattern binds (for `with`/`for` scoping and diagnostics). */
export function patternVars(p: Expr, out: Set<string> = new Set()): Set<string> {
  switch (p.kind) {
    case 'var':
      if (p.name !== '_') out.add(p.name);
      break;
    case 'tuple':
    case 'list':
      for (const i of p.items) patternVars(i, out);
      if (p.kind === 'list' && p.tail !== null) patternVars(p.tail, out);
      break;
    case 'map':
      for (const [, v] of p.pairs) patternVars(v, out);
      break;
    case 'struct':
      patternVars(p.module, out);
      for (const [, v] of p.pairs) patternVars(v, out);
      break;
    case 'match':
      patternVars(p.pattern, out);
      patternVars(p.value, out);
      break;
    case 'binop':
      patternVars(p.right, out);
      break;
    case 'bitstring':
      for (const s of p.segments) patternVars(s.value, out);
      break;
    default:
      break;
  }
  return out;
}
