/**
 * A bounds-checked cursor over untrusted bytes. Every read checks the remaining length first
 * and fails with a DecodeFail (caught by decodeTerm, never escaping it), so a short or lying
 * input can only produce an error value.
 */
import type { Atom } from '../../core/term/types.ts';

export class DecodeFail {
  constructor(readonly message: string) {}
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class ByteReader {
  /** The atoms ATOM_CACHE_REF names (the refs of the packet's distribution header); null: none allowed. */
  atomRefs: readonly Atom[] | null = null;
  /** Made on first use: only floats and 64-bit port ids need it, and a reader is made per term. */
  private dv: DataView | null = null;
  /** `end`: where the input ends (a packet inside a larger message ends before `bytes` does). */
  constructor(
    public bytes: Uint8Array,
    public pos: number,
    public end = bytes.length,
  ) {}

  /** Reads `bytes[pos, end)` from now on, as a new reader would: one reader for a flood's SENDs, not one each. */
  reuse(bytes: Uint8Array, pos: number, end: number): this {
    this.bytes = bytes;
    this.pos = pos;
    this.end = end;
    this.atomRefs = null;
    this.dv = null;
    return this;
  }

  private get view(): DataView {
    return (this.dv ??= new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength));
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  fail(msg: string): never {
    throw new DecodeFail(msg);
  }

  /** Fails unless `n` more bytes exist. Call before allocating anything sized by a length field. */
  need(n: number): void {
    if (n > this.remaining) this.fail(`truncated input: need ${n} bytes at offset ${this.pos}, have ${this.remaining}`);
  }

  peek(): number {
    this.need(1);
    return this.bytes[this.pos] as number;
  }
  u8(): number {
    this.need(1);
    return this.bytes[this.pos++] as number;
  }
  u16(): number {
    this.need(2);
    const b = this.bytes;
    const p = this.pos;
    this.pos = p + 2;
    return ((b[p] as number) << 8) | (b[p + 1] as number);
  }
  u32(): number {
    return this.i32() >>> 0;
  }
  i32(): number {
    this.need(4);
    const b = this.bytes;
    const p = this.pos;
    this.pos = p + 4;
    return ((b[p] as number) << 24) | ((b[p + 1] as number) << 16) | ((b[p + 2] as number) << 8) | (b[p + 3] as number);
  }
  u64(): bigint {
    this.need(8);
    const v = this.view.getBigUint64(this.pos);
    this.pos += 8;
    return v;
  }
  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.pos);
    this.pos += 8;
    return v;
  }
  /** A view of the next `n` bytes (not a copy). */
  take(n: number): Uint8Array {
    this.need(n);
    const out = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  /**
   * Binaries of this many bytes or more are views of `bytes`, not copies: none here (ViewReader).
   * A method, not a field: a reader is made per term, and a field made every one of them larger.
   */
  viewFrom(): number {
    return Infinity;
  }
  /** Byte i is code point i (TextDecoder's 'latin1' is really windows-1252, so not that). */
  latin1(n: number): string {
    const b = this.take(n);
    let s = '';
    for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i] as number);
    return s;
  }
  utf8(n: number): string {
    const b = this.take(n);
    try {
      return utf8.decode(b);
    } catch {
      return this.fail(`invalid UTF-8 in atom at offset ${this.pos - n}`);
    }
  }
}

/**
 * A reader whose large binaries are views of its bytes (DecodeOptions.viewBinariesFrom): only for
 * bytes that are the caller's own and never written again.
 */
export class ViewReader extends ByteReader {
  constructor(
    bytes: Uint8Array,
    pos: number,
    private readonly from: number,
    end = bytes.length,
  ) {
    super(bytes, pos, end);
  }
  override viewFrom(): number {
    return this.from;
  }
}
