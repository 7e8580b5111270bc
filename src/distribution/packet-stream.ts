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
import type { Pid, Term } from '../core/term/types.ts';
import { writeSendSenderControl } from './etf/send-path.ts';
import { ByteWriter } from './etf/writer.ts';
import { encodeInto } from './etf/encode.ts';
import type { EncodeOptions } from './etf/encode.ts';
import { PASS_THROUGH } from './etf/packet.ts';
import { VERSION } from './etf/tags.ts';

/** Bytes of each packet's `Length:32` prefix (after the handshake, as over TCP with `{packet, 4}`). */
export const PACKET_LENGTH_BYTES = 4;

const INITIAL_BYTES = 4096;
/** Largest batch buffer kept between batches (an 8 MB binary's buffer is let go). */
const KEEP_BYTES = 256 * 1024;

export class PacketWriter {
  private w = new ByteWriter(INITIAL_BYTES);
  packets = 0;

  constructor(private readonly maxMessageBytes: number) {
    if (maxMessageBytes < 8) throw new RangeError('maxMessageBytes must be at least 8');
  }

  /** A ready packet body (a tick is the empty one). */
  push(body: Uint8Array): void {
    this.w.u32(body.length);
    this.w.bytes(body);
    this.packets++;
  }

  /**
   * Encodes a control message and its payload straight into the batch, in the pass-through
   * form (`112 | 131 Control | [131 Payload]`, as etf/packet.ts writes it), with no per-packet
   * buffer. Returns an error text, and writes nothing, when a term cannot be encoded.
   */
  pushTerms(control: Term, payload: Term | undefined, opts: EncodeOptions): string | null {
    const w = this.w;
    const mark = w.length;
    try {
      w.u32(0);
      w.u8(PASS_THROUGH);
      w.u8(VERSION);
      encodeInto(w, control, opts);
      if (payload !== undefined) {
        w.u8(VERSION);
        encodeInto(w, payload, opts);
      }
      w.patchU32(mark, w.length - mark - 4);
      this.packets++;
      return null;
    } catch (e) {
      // Rare: keep the packets before this one and drop the half-written one.
      w.truncate(mark);
      return e instanceof Error ? e.message : String(e);
    }
  }

  /** A message to a pid (SEND_SENDER), written without building its control tuple (etf/send-path.ts). */
  pushSend(from: Pid, to: Pid, message: Term, opts: EncodeOptions): string | null {
    const w = this.w;
    const mark = w.length;
    try {
      w.u32(0);
      w.u8(PASS_THROUGH);
      writeSendSenderControl(w, from, to);
      w.u8(VERSION);
      encodeInto(w, message, opts);
      w.patchU32(mark, w.length - mark - 4);
      this.packets++;
      return null;
    } catch (e) {
      w.truncate(mark);
      return e instanceof Error ? e.message : String(e);
    }
  }

  get pendingBytes(): number {
    return this.w.length;
  }

  /**
   * Everything written so far, as transport messages of at most maxMessageBytes each. They are
   * views of one buffer this writer then lets go (a transport may hold them in its own queue).
   */
  take(): Uint8Array[] {
    if (this.w.length === 0) return [];
    const all = this.w.finish();
    // The bytes were copied out: keep the buffer for the next batch, unless a big packet grew it.
    if (this.w.capacity > KEEP_BYTES) this.w = new ByteWriter(INITIAL_BYTES);
    else this.w.reset();
    const out: Uint8Array[] = [];
    for (let at = 0; at < all.length; at += this.maxMessageBytes) {
      out.push(all.subarray(at, Math.min(all.length, at + this.maxMessageBytes)));
    }
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
        let len: number;
        if (this.headFill === 0 && msg.length - at >= 4) {
          len = (((msg[at] as number) << 24) | ((msg[at + 1] as number) << 16) | ((msg[at + 2] as number) << 8) | (msg[at + 3] as number)) >>> 0;
          at += 4;
        } else {
          // A header cut between two messages: gather its bytes.
          const h = this.head;
          while (this.headFill < 4 && at < msg.length) h[this.headFill++] = msg[at++] as number;
          if (this.headFill < 4) break;
          this.headFill = 0;
          len = (((h[0] as number) << 24) | ((h[1] as number) << 16) | ((h[2] as number) << 8) | (h[3] as number)) >>> 0;
        }
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
