/**
 * Bits: the one place that knows how bitstrings are packed (most significant bit first, the
 * padding of a partial last byte zero). Building (`BitWriter`), reading (`readBits`), and the
 * bitstring's place in equality and term order.
 */
import { Binary, Bitstring } from './types.ts';

/** Bytes as a string of the same length, one character per byte (Latin-1), in chunks: a spread of megabytes would overflow the JS stack. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

/** A binary or a bitstring: the terms `is_bitstring` accepts. */
export type Bits = Binary | Bitstring;

export function isBits(t: unknown): t is Bits {
  return t instanceof Binary || t instanceof Bitstring;
}

export function bitSizeOf(t: Bits): number {
  return t.kind === 'binary' ? t.byteSize * 8 : t.bitSize;
}

/** The term for `bitSize` bits in `bytes`: a Binary when they are whole bytes. Clears the padding. */
export function bitsOf(bytes: Uint8Array, bitSize: number): Bits {
  const whole = bitSize >>> 3;
  const rest = bitSize & 7;
  if (rest === 0) return Binary.fromBytes(bytes.length === whole ? bytes : bytes.slice(0, whole));
  const out = bytes.slice(0, whole + 1);
  out[whole] = (out[whole] as number) & ((0xff << (8 - rest)) & 0xff);
  return new Bitstring(out, bitSize);
}

/** Bits `from` .. `from + n` of `bytes` as a new bitstring or binary. */
export function subBits(bytes: Uint8Array, from: number, n: number): Bits {
  if ((from & 7) === 0) return bitsOf(bytes.subarray(from >>> 3, (from + n + 7) >>> 3), n);
  const w = new BitWriter(n);
  w.copyBits(bytes, from, n);
  return w.finish();
}

/** Reads `n` bits (n <= 32) at bit offset `from` as an unsigned big-endian number. */
function readSmall(bytes: Uint8Array, from: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; ) {
    const pos = from + i;
    const byte = bytes[pos >>> 3] as number;
    const off = pos & 7;
    const take = Math.min(8 - off, n - i);
    const chunk = (byte >>> (8 - off - take)) & ((1 << take) - 1);
    v = v * (1 << take) + chunk;
    i += take;
  }
  return v;
}

/** Reads `n` bits at bit offset `from` as an unsigned big-endian integer (linear: through hex digits). */
export function readBits(bytes: Uint8Array, from: number, n: number): bigint | number {
  if (n <= 32) return readSmall(bytes, from, n);
  const lead = n & 3;
  const digits: string[] = [lead > 0 ? readSmall(bytes, from, lead).toString(16) : '0'];
  for (let i = lead; i < n; i += 4) digits.push(HEX[readSmall(bytes, from + i, 4)] as string);
  return BigInt('0x' + digits.join(''));
}

const HEX = '0123456789abcdef';

/**
 * Appends bits. Starts with room for `hint` bits and grows by doubling; the caller bounds the
 * total size before it writes (construction checks each segment's size first).
 */
export class BitWriter {
  private buf: Uint8Array;
  private len = 0; // in bits
  constructor(hint = 64) {
    this.buf = new Uint8Array(Math.max(8, (hint + 7) >>> 3));
  }
  get bitLength(): number {
    return this.len;
  }
  private ensure(extra: number): void {
    const need = (this.len + extra + 7) >>> 3;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, (this.len + 7) >>> 3));
    this.buf = b;
  }
  /** The low `n` bits of `v` (v >= 0, below 2**n; n <= 32), most significant first. */
  private putSmall(v: number, n: number): void {
    for (let i = n; i > 0; ) {
      const off = this.len & 7;
      const take = Math.min(8 - off, i);
      const chunk = Math.floor(v / 2 ** (i - take)) & ((1 << take) - 1);
      const at = this.len >>> 3;
      this.buf[at] = (this.buf[at] as number) | (chunk << (8 - off - take));
      this.len += take;
      i -= take;
    }
  }
  /** The low `n` bits of the integer `v` in two's complement, big-endian. */
  putInt(v: number | bigint, n: number): void {
    this.ensure(n);
    if (typeof v === 'number' && v >= 0 && n <= 32 && v < 2 ** n) {
      this.putSmall(v, n);
      return;
    }
    const big = BigInt(v);
    if (n > 64 && big >= -(2n ** 63n) && big < 2n ** 63n) {
      // A wide field for a small value (`<<0::size(1_000_000)>>`): the sign bits, then 64 bits.
      this.fill(big < 0n, n - 64);
      this.putInt(big, 64);
      return;
    }
    // Linear in n: through hex digits, the first one holding the n % 4 leftover bits.
    const lead = n & 3;
    const hex = BigInt.asUintN(n, big).toString(16).padStart(Math.ceil(n / 4), '0');
    let i = 0;
    if (lead > 0) this.putSmall(parseInt(hex[i++] as string, 16), lead);
    for (; i < hex.length; i++) this.putSmall(parseInt(hex[i] as string, 16), 4);
  }
  /** `n` zero bits, or `n` one bits. */
  private fill(ones: boolean, n: number): void {
    this.ensure(n);
    if (!ones) {
      this.len += n; // the buffer past len is zero
      return;
    }
    const head = Math.min(n, (8 - (this.len & 7)) & 7);
    if (head > 0) this.putSmall((1 << head) - 1, head);
    const whole = (n - head) >>> 3;
    this.buf.fill(0xff, this.len >>> 3, (this.len >>> 3) + whole);
    this.len += whole * 8;
    const tail = (n - head) & 7;
    if (tail > 0) this.putSmall((1 << tail) - 1, tail);
  }
  /** `n` bits of `bytes` from bit `from`. */
  copyBits(bytes: Uint8Array, from: number, n: number): void {
    this.ensure(n);
    if ((this.len & 7) === 0 && (from & 7) === 0) {
      const whole = n >>> 3;
      this.buf.set(bytes.subarray(from >>> 3, (from >>> 3) + whole), this.len >>> 3);
      this.len += whole * 8;
      const rest = n & 7;
      if (rest > 0) this.putSmall((bytes[(from >>> 3) + whole] as number) >>> (8 - rest), rest);
      return;
    }
    let i = 0;
    for (; i + 32 <= n; i += 32) this.putSmall(readSmall(bytes, from + i, 32), 32);
    if (i < n) this.putSmall(readSmall(bytes, from + i, n - i), n - i);
  }
  putBits(t: Bits): void {
    this.copyBits(t.bytes, 0, bitSizeOf(t));
  }
  putBytes(bytes: Uint8Array): void {
    this.copyBits(bytes, 0, bytes.length * 8);
  }
  finish(): Bits {
    return bitsOf(this.buf, this.len);
  }
}

/** Equal bit sizes and bits (the padding is always zero, so the bytes decide). */
export function bitsEqual(a: Bits, b: Bits): boolean {
  if (bitSizeOf(a) !== bitSizeOf(b)) return false;
  const x = a.bytes, y = b.bytes;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Term order of two bitstrings: bit by bit, then the shorter first (`<<1::3>> > <<1>>`). */
export function compareBits(a: Bits, b: Bits): -1 | 0 | 1 {
  const na = bitSizeOf(a), nb = bitSizeOf(b);
  const n = Math.min(na, nb);
  const x = a.bytes, y = b.bytes;
  const whole = n >>> 3;
  for (let i = 0; i < whole; i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const rest = n & 7;
  if (rest > 0) {
    const d = ((x[whole] as number) >>> (8 - rest)) - ((y[whole] as number) >>> (8 - rest));
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return na < nb ? -1 : na > nb ? 1 : 0;
}
