/**
 * A growable big-endian byte buffer. The encoder writes into one of these and slices the result
 * once at the end, so encoding a large term does not build many small arrays.
 */
import type { Atom } from '../../core/term/types.ts';

/** What the encoder asks while writing one packet's terms under an atom cache (atom-cache.ts). */
export interface AtomRefs {
  /** The atom's position in this packet's distribution-header refs, or -1: write it inline. */
  ref(a: Atom): number;
}

/** Thrown by a write that would take the buffer past its `limit`. */
export class WriteLimit extends Error {}

export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  private len = 0;
  /**
   * Write Latin-1 atoms as ATOM_EXT (tag 100), as OTP 25's `term_to_binary/1` does; the
   * distribution always writes UTF-8 atoms.
   */
  latin1Atoms = false;
  /** Atoms become ATOM_CACHE_REFs where this says so (terms after a `131,68` header); null: inline. */
  atomRefs: AtomRefs | null = null;
  /**
   * The buffer may not grow past this many bytes: a write that needs more throws WriteLimit, so
   * a term too large to send costs at most this much work (checked only when the buffer grows).
   */
  limit = Infinity;

  constructor(initial = 256) {
    this.buf = new Uint8Array(initial);
    this.view = new DataView(this.buf.buffer);
  }

  get length(): number {
    return this.len;
  }
  get capacity(): number {
    return this.buf.length;
  }

  private ensure(extra: number): void {
    const need = this.len + extra;
    if (need <= this.buf.length) return;
    if (need > this.limit) throw new WriteLimit(`more than ${this.limit} bytes`);
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    if (cap > this.limit) cap = this.limit;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.ensure(1);
    this.buf[this.len++] = v & 0xff;
  }
  u16(v: number): void {
    this.ensure(2);
    this.view.setUint16(this.len, v);
    this.len += 2;
  }
  u32(v: number): void {
    this.ensure(4);
    this.view.setUint32(this.len, v >>> 0);
    this.len += 4;
  }
  i32(v: number): void {
    this.ensure(4);
    this.view.setInt32(this.len, v);
    this.len += 4;
  }
  u64(v: bigint): void {
    this.ensure(8);
    this.view.setBigUint64(this.len, BigInt.asUintN(64, v));
    this.len += 8;
  }
  f64(v: number): void {
    this.ensure(8);
    this.view.setFloat64(this.len, v);
    this.len += 8;
  }
  bytes(b: Uint8Array): void {
    const n = b.length;
    this.ensure(n);
    // A loop beats TypedArray#set's call overhead for the few bytes of an atom or a pid.
    if (n <= 32) {
      const buf = this.buf;
      let at = this.len;
      for (let i = 0; i < n; i++) buf[at++] = b[i] as number;
    } else {
      this.buf.set(b, this.len);
    }
    this.len += n;
  }
  /** Everything `other` has written (no view is made: a packet's terms are copied once per packet). */
  append(other: ByteWriter): void {
    const n = other.len;
    this.ensure(n);
    const src = other.buf;
    if (n <= 64) {
      const buf = this.buf;
      let at = this.len;
      for (let i = 0; i < n; i++) buf[at++] = src[i] as number;
    } else {
      this.buf.set(src.subarray(0, n), this.len);
    }
    this.len += n;
  }
  /** Overwrite a u32 written earlier (NEW_FUN_EXT's Size is only known after the free vars). */
  patchU32(at: number, v: number): void {
    this.view.setUint32(at, v >>> 0);
  }
  /** A view of what was written (valid until the next write). */
  written(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
  /** Empties the buffer and keeps its memory (after `finish` copied the bytes out). */
  reset(): void {
    this.len = 0;
  }
  /** Drops everything from `at` on (a half-written packet). */
  truncate(at: number): void {
    if (at < this.len) this.len = at;
  }
}
