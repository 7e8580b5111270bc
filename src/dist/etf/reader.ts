/**
 * A bounds-checked cursor over untrusted bytes. Every read checks the remaining length first
 * and fails with a DecodeFail (caught by decodeTerm, never escaping it), so a short or lying
 * input can only produce an error value.
 */
export class DecodeFail {
  constructor(readonly message: string) {}
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class ByteReader {
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
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
    const v = this.view.getUint16(this.pos);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.pos);
    this.pos += 4;
    return v;
  }
  i32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos);
    this.pos += 4;
    return v;
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
