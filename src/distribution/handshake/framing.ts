/**
 * Length-prefixed framing for byte streams (TCP to a real BEAM node): 2-byte big-endian lengths
 * during the handshake, 4-byte after. Data channels carry one message per packet and need none.
 */

export function frame(body: Uint8Array, prefix: 2 | 4 = 2): Uint8Array {
  const max = prefix === 2 ? 0xffff : 0xffffffff;
  if (body.length > max) throw new RangeError(`message of ${body.length} bytes does not fit a ${prefix}-byte length`);
  const out = new Uint8Array(prefix + body.length);
  const v = new DataView(out.buffer);
  if (prefix === 2) v.setUint16(0, body.length);
  else v.setUint32(0, body.length);
  out.set(body, prefix);
  return out;
}

/** Splits a stream into message bodies; keeps a partial message until the rest arrives. */
export class Deframer {
  private buf = new Uint8Array(0);
  constructor(
    private prefix: 2 | 4 = 2,
    private readonly maxLength = 64 * 1024 * 1024,
  ) {}

  /** Switch to 4-byte lengths once the handshake is over; buffered bytes are re-read with it. */
  setPrefix(prefix: 2 | 4): void {
    this.prefix = prefix;
  }

  /** Buffer bytes without parsing (then call next() one message at a time). */
  append(chunk: Uint8Array): void {
    const joined = new Uint8Array(this.buf.length + chunk.length);
    joined.set(this.buf);
    joined.set(chunk, this.buf.length);
    this.buf = joined;
  }

  /** Buffer bytes and return every complete message (or an error). */
  push(chunk: Uint8Array): Uint8Array[] | string {
    this.append(chunk);
    const out: Uint8Array[] = [];
    for (;;) {
      const m = this.next();
      if (m === null) return out;
      if (typeof m === 'string') return m;
      out.push(m);
    }
  }

  /** One message, or null when incomplete. Used alone when the prefix may change between messages. */
  next(): Uint8Array | null | string {
    const p = this.prefix;
    if (this.buf.length < p) return null;
    const v = new DataView(this.buf.buffer, this.buf.byteOffset, this.buf.byteLength);
    const len = p === 2 ? v.getUint16(0) : v.getUint32(0);
    if (len > this.maxLength) return `frame of ${len} bytes exceeds ${this.maxLength}`;
    if (this.buf.length < p + len) return null;
    const body = this.buf.slice(p, p + len);
    this.buf = this.buf.subarray(p + len);
    return body;
  }

  /** Bytes received but not yet returned as a message. */
  rest(): Uint8Array {
    return this.buf.slice();
  }
}
