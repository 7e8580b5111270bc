/**
 * Segments at run time: writing one value into a BitWriter (construction, with OTP 25's
 * "construction of binary failed" texts) and reading one value at a bit offset (matching).
 * Shared by the compiled `<<...>>` expressions, patterns and binary generators.
 */
import { BitWriter, bitSizeOf, isBits, readBits } from '../term/bits.ts';
import { inspect } from '../term/inspect.ts';
import { atom, Float, list, NIL, Tuple, type Term } from '../term/types.ts';
import type { SegType } from './bitstring-spec.ts';
import { ElixirThrow, exception, raise } from './errors.ts';

/**
 * The most bits one construction may hold: 2^30 (128 MiB). BEAM tries to allocate whatever it
 * is asked (`<<0::size(100_000_000_000)>>` froze iex for a minute and took the node down); a
 * tab refuses past this with BEAM's own error for a size it cannot allocate.
 */
export const MAX_CONSTRUCTION_BITS = 2 ** 30;

function fail(index: number, type: SegType, what: string): never {
  return raise('ArgumentError', `construction of binary failed: segment ${index} of type '${type}': ${what}`);
}

/** The size in bits of a segment, from its evaluated size (null: the type's default) and unit. */
export function segmentBits(index: number, type: SegType, size: Term | null, unit: number, value: Term): number {
  // BEAM's units are 1..256: eval_bits refuses others (a pattern with one simply never matches).
  if (unit < 1 || unit > 256) throw new ElixirThrow('error', new Tuple([atom('undefined_bittype'), new Tuple([atom('unit'), unit])]));
  if (size === null) {
    if (type === 'integer') return 8;
    if (type === 'float') return 64;
    // binary/bitstring without size: the whole value (erl_eval asks bit_size/1 first).
    if (!isBits(value)) {
      // As erl_eval fails, asking :erlang.bit_size/1 (which iex shows as the frame).
      const e = new ElixirThrow('error', exception('ArgumentError', 'errors were found at the given arguments:\n\n  * 1st argument: not a bitstring\n'));
      e.top = new Tuple([atom('erlang'), atom('bit_size'), list([value]), NIL]);
      throw e;
    }
    const n = bitSizeOf(value);
    if (n % unit !== 0) raise('ArgumentError', 'argument error');
    return n;
  }
  if (typeof size === 'bigint' && size > 0n) raise('SystemLimitError', `construction of binary failed: segment ${index} of type '${type}': the size ${size} is too large`);
  if (typeof size !== 'number' || size < 0) return fail(index, type, `expected a non-negative integer as size but got: ${inspect(size)}`);
  const n = size * unit;
  if (n > MAX_CONSTRUCTION_BITS) raise('SystemLimitError', `construction of binary failed: segment ${index} of type '${type}': the size ${size} is too large`);
  return n;
}

/** Writes one segment's value: `bits` of it (ignored for utf types). */
export function putSegment(w: BitWriter, index: number, type: SegType, value: Term, bits: number, little: boolean): void {
  if (w.bitLength + bits > MAX_CONSTRUCTION_BITS) {
    raise('SystemLimitError', `construction of binary failed: segment ${index} of type '${type}': the size ${bits} is too large`);
  }
  switch (type) {
    case 'integer':
      if (typeof value !== 'number' && typeof value !== 'bigint') return fail(index, type, `expected an integer but got: ${inspect(value)}`);
      if (little) putLittle(w, value, bits);
      else w.putInt(value, bits);
      return;
    case 'float': {
      const x = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : value instanceof Float ? value.value : null;
      if (x === null) return fail(index, type, `expected a float or an integer but got: ${inspect(value)}`);
      const bytes = floatBytes(x, bits);
      if (bytes === null) return fail(index, type, `the float value ${inspect(value)} is out of range`);
      if (little) bytes.reverse();
      w.putBytes(bytes);
      return;
    }
    case 'binary':
    case 'bitstring': {
      if (!isBits(value)) return fail(index, type, `expected a binary but got: ${inspect(value)}`);
      if (bitSizeOf(value) < bits) return fail(index, type, `the value ${inspect(value)} is shorter than the size of the segment`);
      w.copyBits(value.bytes, 0, bits);
      return;
    }
    default: {
      const cp = typeof value === 'number' ? value : -1;
      const enc = encodeUtf(type, cp, little);
      if (enc === null) return fail(index, type, `expected a non-negative integer encodable as ${type} but got: ${inspect(value)}`);
      w.putBytes(enc);
    }
  }
}

/** Little-endian: the low bytes first, then the high `bits % 8` bits (as `<<1::little-12>>` is `<<1, 0::4>>`). */
function putLittle(w: BitWriter, value: number | bigint, bits: number): void {
  let v = BigInt.asUintN(bits, BigInt(value));
  const whole = bits >>> 3;
  for (let i = 0; i < whole; i++) {
    w.putInt(Number(v & 0xffn), 8);
    v >>= 8n;
  }
  if ((bits & 7) !== 0) w.putInt(Number(v), bits & 7);
}

function readLittle(bytes: Uint8Array, from: number, bits: number): bigint {
  const whole = bits >>> 3;
  let v = 0n;
  if ((bits & 7) !== 0) v = BigInt(readBits(bytes, from + whole * 8, bits & 7));
  for (let i = whole - 1; i >= 0; i--) v = (v << 8n) | BigInt(readBits(bytes, from + i * 8, 8));
  return v;
}

/** An integer segment's value. */
export function readInteger(bytes: Uint8Array, from: number, bits: number, signed: boolean, little: boolean): number | bigint {
  if (!little && !signed && bits <= 52) return readBits(bytes, from, bits) as number;
  let v = little ? readLittle(bytes, from, bits) : BigInt(readBits(bytes, from, bits));
  if (signed && bits > 0) v = BigInt.asIntN(bits, v);
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

/** A float segment's value, or null where BEAM does not match (NaN, infinities, not 16/32/64 bits). */
export function readFloat(bytes: Uint8Array, from: number, bits: number, little: boolean): Float | null {
  if (bits !== 16 && bits !== 32 && bits !== 64) return null;
  const raw = new Uint8Array(bits / 8);
  for (let i = 0; i < raw.length; i++) raw[i] = readBits(bytes, from + i * 8, 8) as number;
  if (little) raw.reverse();
  const dv = new DataView(raw.buffer);
  const x = bits === 64 ? dv.getFloat64(0) : bits === 32 ? dv.getFloat32(0) : halfToNumber(dv.getUint16(0));
  return Number.isFinite(x) ? new Float(x) : null;
}

function floatBytes(x: number, bits: number): Uint8Array | null {
  const out = new Uint8Array(bits / 8);
  const dv = new DataView(out.buffer);
  if (bits === 64) dv.setFloat64(0, x);
  else if (bits === 32) {
    if (!Number.isFinite(Math.fround(x))) return null;
    dv.setFloat32(0, x);
  } else if (bits === 16) {
    const h = numberToHalf(x);
    if (h === null) return null;
    dv.setUint16(0, h);
  } else return null;
  return out;
}

function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac === 0 ? sign * Infinity : NaN;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

/** Round to nearest even, as a C cast to _Float16 does; null when it overflows. */
function numberToHalf(x: number): number | null {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a === 0) return sign;
  if (a < 2 ** -14) {
    const m = roundEven(a / 2 ** -24);
    return sign | m; // m may reach 1024: the smallest normal, which the bits already spell
  }
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  let m = roundEven((a / 2 ** e - 1) * 1024);
  if (m === 1024) {
    m = 0;
    e++;
  }
  if (e > 15) return null;
  return sign | ((e + 15) << 10) | m;
}

function roundEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  return d > 0.5 || (d === 0.5 && f % 2 === 1) ? f + 1 : f;
}

function encodeUtf(type: SegType, cp: number, little: boolean): Uint8Array | null {
  if (!Number.isInteger(cp) || cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  if (type === 'utf8') return new TextEncoder().encode(String.fromCodePoint(cp));
  if (type === 'utf32') {
    const b = new Uint8Array([cp >>> 24, (cp >>> 16) & 0xff, (cp >>> 8) & 0xff, cp & 0xff]);
    return little ? b.reverse() : b;
  }
  const units = cp < 0x10000 ? [cp] : [0xd800 + ((cp - 0x10000) >>> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)];
  const out: number[] = [];
  for (const u of units) out.push(...(little ? [u & 0xff, u >>> 8] : [u >>> 8, u & 0xff]));
  return new Uint8Array(out);
}

/** The bytes a literal string stands for in a segment of this type. */
export function stringSegmentBytes(type: SegType, s: string, little: boolean): Uint8Array {
  if (type === 'binary' || type === 'bitstring' || type === 'utf8') return new TextEncoder().encode(s);
  const parts: Uint8Array[] = [];
  for (const ch of s) parts.push(encodeUtf(type, ch.codePointAt(0) as number, little) as Uint8Array);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Decodes one utf code point at `from`: [code point, bits used], or null. */
export function readUtf(type: SegType, bytes: Uint8Array, from: number, total: number, little: boolean): [number, number] | null {
  const byte = (i: number) => readBits(bytes, from + i * 8, 8) as number;
  const avail = (total - from) >>> 3;
  if (type === 'utf32') {
    if (avail < 4) return null;
    const b = [byte(0), byte(1), byte(2), byte(3)];
    if (little) b.reverse();
    const cp = ((b[0] as number) * 2 ** 24) + ((b[1] as number) << 16) + ((b[2] as number) << 8) + (b[3] as number);
    return cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? null : [cp, 32];
  }
  if (type === 'utf16') {
    if (avail < 2) return null;
    const unit = (i: number) => (little ? byte(i) | (byte(i + 1) << 8) : (byte(i) << 8) | byte(i + 1));
    const u = unit(0);
    if (u < 0xd800 || u > 0xdfff) return [u, 16];
    if (u > 0xdbff || avail < 4) return null;
    const lo = unit(2);
    if (lo < 0xdc00 || lo > 0xdfff) return null;
    return [0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00), 32];
  }
  if (avail < 1) return null;
  const b0 = byte(0);
  const n = b0 < 0x80 ? 1 : b0 >= 0xc2 && b0 < 0xe0 ? 2 : b0 >= 0xe0 && b0 < 0xf0 ? 3 : b0 >= 0xf0 && b0 < 0xf5 ? 4 : 0;
  if (n === 0 || avail < n) return null;
  if (n === 1) return [b0, 8];
  let cp = b0 & (0x7f >>> n);
  for (let i = 1; i < n; i++) {
    const c = byte(i);
    if ((c & 0xc0) !== 0x80) return null;
    cp = (cp << 6) | (c & 0x3f);
  }
  const min = n === 2 ? 0x80 : n === 3 ? 0x800 : 0x10000;
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
  return [cp, n * 8];
}

