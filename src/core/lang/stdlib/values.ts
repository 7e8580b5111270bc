/**
 * Small conversions shared by the standard modules: arithmetic on integer/bigint/float terms,
 * truthiness, text of binaries, String.Chars with Elixir's exceptions, and binary concatenation
 * that keeps invalid UTF-8 byte-exact.
 */
import { Binary, Float, FALSE, NIL_ATOM, normInt, type Term } from '../../term/types.ts';
import { toStringTerm, ToStringError } from '../../term/to-string.ts';
import { arithmeticError, protocolUndefined, raise } from '../errors.ts';

export function isTruthy(t: Term): boolean {
  return t !== FALSE && t !== NIL_ATOM;
}

export function isInt(t: Term): t is number | bigint {
  return typeof t === 'number' || typeof t === 'bigint';
}

export function isFloat(t: Term): t is Float {
  return typeof t === 'object' && t.kind === 'float';
}

export function isBinary(t: Term): t is Binary {
  return typeof t === 'object' && t.kind === 'binary';
}

export function isList(t: Term): boolean {
  return typeof t === 'object' && (t.kind === 'cons' || t.kind === 'nil');
}

/** A float result, as BEAM checks: infinities and NaN are an ArithmeticError. */
export function mkFloat(x: number): Float {
  if (!Number.isFinite(x)) return arithmeticError();
  return new Float(x);
}

export function toJsNumber(t: number | bigint | Float): number {
  return typeof t === 'object' ? t.value : Number(t);
}

function bigOrNum(r: bigint): number | bigint {
  return normInt(r);
}

/** `a + b` on number terms (ArithmeticError otherwise). */
export function add(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    return Number.isSafeInteger(r) ? r : bigOrNum(BigInt(a) + BigInt(b));
  }
  if (isInt(a) && isInt(b)) return bigOrNum(BigInt(a) + BigInt(b));
  if ((isInt(a) || isFloat(a)) && (isInt(b) || isFloat(b))) return mkFloat(toJsNumber(a) + toJsNumber(b));
  return arithmeticError();
}

/** `a * b` on number terms. */
export function mul(a: Term, b: Term): Term {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    return Number.isSafeInteger(r) ? r : bigOrNum(BigInt(a) * BigInt(b));
  }
  if (isInt(a) && isInt(b)) return bigOrNum(BigInt(a) * BigInt(b));
  if ((isInt(a) || isFloat(a)) && (isInt(b) || isFloat(b))) return mkFloat(toJsNumber(a) * toJsNumber(b));
  return arithmeticError();
}

/** The text of a binary, or null if `t` is not a binary. Invalid UTF-8 reads as Latin-1-ish bytes. */
export function textOf(t: Term): string | null {
  if (!isBinary(t)) return null;
  const s = t.text;
  if (s !== null) return s;
  return String.fromCharCode(...t.bytes);
}

/** Elixir `to_string/1` (String.Chars), raising the exception Elixir raises. */
export function chars(t: Term): Binary {
  try {
    return toStringTerm(t);
  } catch (e) {
    if (e instanceof ToStringError) {
      if (e.exception === 'Protocol.UndefinedError') throw protocolUndefined('String.Chars', e.term, e.description);
      return raise(e.exception, e.message);
    }
    throw e;
  }
}

/** Concatenate binaries; stays text when every part is valid UTF-8. */
export function concatBinaries(parts: readonly Binary[]): Binary {
  let allText = true;
  for (const p of parts) if (p.text === null) allText = false;
  if (allText) return Binary.fromString(parts.map((p) => p.text as string).join(''));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteSize, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p.bytes, o);
    o += p.byteSize;
  }
  return Binary.fromBytes(out);
}
