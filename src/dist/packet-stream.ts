/**
 * Packets over a message-oriented channel. After the handshake a link is treated as the byte
 * stream Erlang runs over TCP: each packet is `Length:32 | Body` (a tick is a zero length), and
 * that stream is cut into transport messages of at most `maxMessageBytes`. So:
 * - several small packets written in one turn travel in ONE data-channel message (batching);
 * - a packet bigger than a message (an 8 MB binary) is split over many and reassembled;
 * - the bytes are exactly what a BEAM node reads from a TCP socket, which keeps a bridge to a
 *   real node a matter of copying.
 * The reader allocates a packet's buffer only after checking its length against a limit, and
 * fills it chunk by chunk, so reassembly is linear in the size and hostile lengths cost nothing.
 */

export class PacketWriter {
  private buf: Uint8Array;
  private view: DataView;
  private size = 0;
  packets = 0;

  constructor(private readonly maxMessageBytes: number) {
    if (maxMessageBytes < 8) throw new RangeError('maxMessageBytes must be at least 8');
    this.buf = new Uint8Array(Math.min(maxMessageBytes, 4096));
    this.view = new DataView(this.buf.buffer);
  }

  push(body: Uint8Array): void {
    const need = this.size + 4 + body.length;
    if (need > this.buf.length) this.grow(need);
    this.view.setUint32(this.size, body.length);
    this.buf.set(body, this.size + 4);
    this.size = need;
    this.packets++;
  }

  private grow(need: number): void {
    let n = this.buf.length * 2;
    while (n < need) n *= 2;
    const b = new Uint8Array(n);
    b.set(this.buf.subarray(0, this.size));
    this.buf = b;
    this.view = new DataView(b.buffer);
  }

  get pendingBytes(): number {
    return this.size;
  }

  /**
   * Everything written so far, as transport messages of at most maxMessageBytes each. They are
   * views of a buffer this writer then lets go (a transport may hold them in its own queue).
   */
  take(): Uint8Array[] {
    if (this.size === 0) return [];
    const out: Uint8Array[] = [];
    for (let at = 0; at < this.size; at += this.maxMessageBytes) {
      out.push(this.buf.subarray(at, Math.min(this.size, at + this.maxMessageBytes)));
    }
    this.buf = new Uint8Array(Math.min(this.maxMessageBytes, 4096));
    this.view = new DataView(this.buf.buffer);
    this.size = 0;
    return out;
  }
}

export type ReadResult = { readonly ok: true; readonly packets: Uint8Array[] } | { readonly ok: false; readonly error: string };

export class PacketReader {
  private head = new Uint8Array(4);
  private headFill = 0;
  private body: Uint8Array | null = null;
  private bodyFill = 0;
  private failed: string | null = null;

  constructor(private readonly maxPacketBytes: number) {}

  /** True while part of a packet is buffered (a message ended mid-packet). */
  get partial(): boolean {
    return this.headFill > 0 || this.body !== null;
  }

  /** The packets one transport message completes; after an error the reader stays failed. */
  push(msg: Uint8Array): ReadResult {
    if (this.failed !== null) return { ok: false, error: this.failed };
    const packets: Uint8Array[] = [];
    let at = 0;
    while (at < msg.length) {
      if (this.body === null) {
        const n = Math.min(4 - this.headFill, msg.length - at);
        this.head.set(msg.subarray(at, at + n), this.headFill);
        this.headFill += n;
        at += n;
        if (this.headFill < 4) break;
        this.headFill = 0;
        const len = new DataView(this.head.buffer).getUint32(0);
        if (len > this.maxPacketBytes) {
          this.failed = `packet of ${len} bytes exceeds the limit of ${this.maxPacketBytes}`;
          return { ok: false, error: this.failed };
        }
        if (len === 0) {
          packets.push(new Uint8Array(0));
          continue;
        }
        // A packet wholly inside this message is a view of it (the transport gave us our own
        // copy of each message); only a packet spread over several messages is assembled.
        if (msg.length - at >= len) {
          packets.push(msg.subarray(at, at + len));
          at += len;
          continue;
        }
        this.body = new Uint8Array(len);
        this.bodyFill = 0;
      }
      const body = this.body;
      const n = Math.min(body.length - this.bodyFill, msg.length - at);
      body.set(msg.subarray(at, at + n), this.bodyFill);
      this.bodyFill += n;
      at += n;
      if (this.bodyFill === body.length) {
        packets.push(body);
        this.body = null;
      }
    }
    return { ok: true, packets };
  }
}
