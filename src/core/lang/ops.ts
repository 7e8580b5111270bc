/**
 * Operators on terms, with fast paths for the common case (two safe integers) because every
 * `n - 1` of a user loop lands here. Integers overflow to bigint and come back (normInt).
 * Failures throw an `OpError` carrying the Erlang reason and the failing call, so the VM can
 * put `{:erlang, :+, [a, b], []}` on the stacktrace (iex's blame: "... expression: 1 / 0").
 */
import { Float, normInt, NIL, Cons, Binary, TRUE, FALSE, NIL_ATOM, atom, type Term } from '../term/types.ts';
import { compare } from '../term/order.ts';
import { equals, strictEquals } from '../term/equality.ts';

export const BADARITH = atom('badarith');
export const BADARG = atom('badarg');

/** A BIF/operator failure: `reason` is the Erlang error term, `op`/`args` the failing call. */
export class OpError {
  constructor(
    readonly reason: Term,
    readonly module: string,
    readonly op: string,
    readonly args: readonly Term[],
  ) {}
}

function arith(op: string, a: Term, b: Term): never {
  throw new OpError(BADARITH, 'erlang', op, [a, b]);
}

function num(t: Term): number | null {
  if (typeof t === 'number') return t;
  if (typeof t === 'bigint') return Number(t);
  if (typeof t === 'object' && t.kind === 'float') return t.value;
  return null;
}

function floatResult(x: number, op: string, a: Term, b: Term): Float {
  if (!Number.isFinite(x)) arith(op, a, b);
  return new Float(x);
}

export function add(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    return Number.isSafeInteger(s) ? s : normInt(BigInt(a) + BigInt(b));
  }
  return slowArith('+', a, b);
}

export function sub(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a - b;
    return Number.isSafeInteger(s) ? s : normInt(BigInt(a) - BigInt(b));
  }
  return slowArith('-', a, b);
}

export function mul(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a * b;
    return Number.isSafeInteger(s) ? s : normInt(BigInt(a) * BigInt(b));
  }
  return slowArith('*', a, b);
}

function slowArith(op: string, a: Term, b: Term): Term {
  const ai = typeof a === 'number' || typeof a === 'bigint';
  const bi = typeof b === 'number' || typeof b === 'bigint';
  if (ai && bi) {
    const x = BigInt(a), y = BigInt(b);
    return normInt(op === '+' ? x + y : op === '-' ? x - y : x * y);
  }
  const x = num(a), y = num(b);
  if (x === null || y === null) arith(op, a, b);
  return floatResult(op === '+' ? x + y : op === '-' ? x - y : x * y, op, a, b);
}

/** `/`: always a float. */
export function fdiv(a: Term, b: Term): Term {
  const x = num(a), y = num(b);
  if (x === null || y === null || y === 0) arith('/', a, b);
  return floatResult(x / y, '/', a, b);
}

function intArgs(op: string, a: Term, b: Term): void {
  const ok = (typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint');
  if (!ok || b === 0) arith(op, a, b);
}

/** `div/2`: integer division truncating toward zero. */
export function idiv(a: Term, b: Term): Term {
  intArgs('div', a, b);
  if (typeof a === 'number' && typeof b === 'number') return Math.trunc(a / b);
  return normInt(BigInt(a as number | bigint) / BigInt(b as number | bigint));
}

/** `rem/2`: remainder with the sign of the dividend. */
export function irem(a: Term, b: Term): Term {
  intArgs('rem', a, b);
  if (typeof a === 'number' && typeof b === 'number') return a % b === 0 ? 0 : a % b;
  return normInt(BigInt(a as number | bigint) % BigInt(b as number | bigint));
}

export function neg(a: Term): Term {
  if (typeof a === 'number') return a === 0 ? 0 : -a;
  if (typeof a === 'bigint') return normInt(-a);
  if (typeof a === 'object' && a.kind === 'float') return new Float(-a.value);
  throw new OpError(BADARITH, 'erlang', '-', [a]);
}

export function plus(a: Term): Term {
  if (num(a) === null) throw new OpError(BADARITH, 'erlang', '+', [a]);
  return a;
}

export function lt(a: Term, b: Term): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return compare(a, b) < 0;
}
export function gt(a: Term, b: Term): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  return compare(a, b) > 0;
}
export function le(a: Term, b: Term): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  return compare(a, b) <= 0;
}
export function ge(a: Term, b: Term): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a >= b;
  return compare(a, b) >= 0;
}
export function eq(a: Term, b: Term): boolean {
  return a === b || (typeof a === 'object' || typeof b === 'object' || typeof a !== typeof b ? equals(a, b) : false);
}
export function seq(a: Term, b: Term): boolean {
  return a === b || (typeof a === 'object' || typeof a !== typeof b ? strictEquals(a, b) : false);
}

/** Elixir truthiness: everything but `false` and `nil`. */
export function truthy(t: Term): boolean {
  return t !== FALSE && t !== NIL_ATOM;
}

export function b(x: boolean): Term {
  return x ? TRUE : FALSE;
}

/** `a ++ b`: copies `a` (must be a proper list), shares `b`. */
export function append(a: Term, bb: Term): Term {
  if (a === NIL) return bb;
  const items: Term[] = [];
  let t = a;
  while (typeof t === 'object' && t.kind === 'cons') {
    items.push(t.head);
    t = t.tail;
  }
  if (t !== NIL) throw new OpError(BADARG, 'erlang', '++', [a, bb]);
  let out = bb;
  for (let i = items.length - 1; i >= 0; i--) out = new Cons(items[i] as Term, out);
  return out;
}

/** `a -- b`: removes the first occurrence in `a` of each element of `b`. */
export function subtract(a: Term, bb: Term): Term {
  const items: Term[] = [];
  let t = a;
  while (typeof t === 'object' && t.kind === 'cons') {
    items.push(t.head);
    t = t.tail;
  }
  if (t !== NIL) throw new OpError(BADARG, 'erlang', '--', [a, bb]);
  let r = bb;
  while (typeof r === 'object' && r.kind === 'cons') {
    const x = r.head;
    const i = items.findIndex((y) => strictEquals(x, y));
    if (i >= 0) items.splice(i, 1);
    r = r.tail;
  }
  if (r !== NIL) throw new OpError(BADARG, 'erlang', '--', [a, bb]);
  let out: Term = NIL;
  for (let i = items.length - 1; i >= 0; i--) out = new Cons(items[i] as Term, out);
  return out;
}

/** `a <> b` on binaries. */
export function concat(a: Term, bb: Term): Term {
  if (typeof a !== 'object' || a.kind !== 'binary' || typeof bb !== 'object' || bb.kind !== 'binary') {
    throw new OpError(BADARG, 'erlang', '<>', [a, bb]);
  }
  const ta = a.text, tb = bb.text;
  if (ta !== null && tb !== null) return Binary.fromString(ta + tb);
  const x = a.bytes, y = bb.bytes;
  const out = new Uint8Array(x.length + y.length);
  out.set(x, 0);
  out.set(y, x.length);
  return Binary.fromBytes(out);
}
