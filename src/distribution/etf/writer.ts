/**
 * A growable big-endian byte buffer. The encoder writes into one of these and slices the result
 * once at the end, so encoding a large term does not build many small arrays.
 *
 * A writer may keep large binaries by reference (`refFrom`), as BEAM's dist puts a refc binary
 * in the outgoing iovec instead of copying it: the bytes around them are in the buffer, the
 * binaries' own bytes only in `refs`, and `takeFrom` hands the packet out as pieces. Copying a
 * 10 MB binary into a doubling buffer cost the sender tens of ms and as many of GC. Every other
 * way out (`written`, `finish`, `append`) copies the referenced bytes in first.
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
  /**
   * Binaries (`binary`) of this many bytes or more are kept by reference, not copied (Infinity:
   * never). Their bytes must not change while the writer or what `takeFrom` gave holds them:
   * a Binary's bytes never do.
   */
  refFrom = Infinity;
  /**
   * The referenced binaries, in order: each stands before the buffer's byte `at`, and `start` is
   * where it begins in what was written (a `length`; positions given to patchU32, truncate and
   * takeFrom are such).
   */
  private refs: { readonly at: number; readonly start: number; readonly bytes: Uint8Array }[] = [];
  private refBytes = 0;

  constructor(initial = 256) {
    this.buf = new Uint8Array(initial);
    this.view = new DataView(this.buf.buffer);
  }

  /** Bytes written, the referenced binaries' included. */
  get length(): number {
    return this.len + this.refBytes;
  }
  get capacity(): number {
    return this.buf.length;
  }

  private ensure(extra: number): void {
    const need = this.len + extra;
    if (need <= this.buf.length) return;
    const room = this.limit - this.refBytes;
    if (need > room) throw new WriteLimit(`more than ${this.limit} bytes`);
    let cap = this.buf.length * 2;
    while (cap < need) cap *= 2;
    if (cap > room) cap = room;
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
  /** A binary's bytes: kept by reference when `refFrom` says so, else copied. */
  binary(b: Uint8Array): void {
    if (b.length < this.refFrom) return this.bytes(b);
    if (this.length + b.length > this.limit) throw new WriteLimit(`more than ${this.limit} bytes`);
    this.refs.push({ at: this.len, start: this.length, bytes: b });
    this.refBytes += b.length;
  }
  /** Everything `other` has written (no view is made: a packet's terms are copied once per packet). */
  append(other: ByteWriter): void {
    other.inline();
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
    this.view.setUint32(this.bufferAt(at), v >>> 0);
  }
  /** A view of what was written (valid until the next write). */
  written(): Uint8Array {
    this.inline();
    return this.buf.subarray(0, this.len);
  }
  finish(): Uint8Array {
    this.inline();
    return this.buf.slice(0, this.len);
  }
  /**
   * What was written from `at` (a `length` once) on, as pieces in order, and drops it: copies of
   * the buffer's bytes (the buffer is written again), the referenced binaries themselves.
   */
  takeFrom(at: number): Uint8Array[] {
    const out: Uint8Array[] = [];
    let from = this.bufferAt(at);
    for (const r of this.refs) {
      if (r.start < at) continue;
      if (r.at > from) out.push(this.buf.slice(from, r.at));
      out.push(r.bytes);
      from = r.at;
    }
    if (this.len > from) out.push(this.buf.slice(from, this.len));
    this.truncate(at);
    return out;
  }
  /** Empties the buffer and keeps its memory (after `finish` copied the bytes out). */
  reset(): void {
    this.len = 0;
    if (this.refs.length === 0) return;
    this.refs = [];
    this.refBytes = 0;
  }
  /** Drops everything from `at` (a `length` once) on (a half-written packet). */
  truncate(at: number): void {
    const b = this.bufferAt(at);
    const refs = this.refs;
    for (let r = refs[refs.length - 1]; r !== undefined && r.start >= at; r = refs[refs.length - 1]) {
      refs.pop();
      this.refBytes -= r.bytes.length;
    }
    if (b < this.len) this.len = b;
  }

  /** The buffer's position of what was written at `at` (the binaries before it are not in the buffer). */
  private bufferAt(at: number): number {
    if (this.refs.length === 0) return at;
    let b = at;
    for (const r of this.refs) {
      if (r.start >= at) break;
      b -= r.bytes.length;
    }
    return b;
  }

  /** Copies the referenced binaries into the buffer, where they stand (a way out that takes one array). */
  private inline(): void {
    if (this.refs.length === 0) return;
    const refs = this.refs;
    const total = this.len + this.refBytes;
    const next = new Uint8Array(Math.max(total, this.buf.length));
    let from = 0;
    let to = 0;
    for (const r of refs) {
      next.set(this.buf.subarray(from, r.at), to);
      to += r.at - from;
      next.set(r.bytes, to);
      to += r.bytes.length;
      from = r.at;
    }
    next.set(this.buf.subarray(from, this.len), to);
    this.buf = next;
    this.view = new DataView(next.buffer);
    this.len = total;
    this.refs = [];
    this.refBytes = 0;
  }
}
