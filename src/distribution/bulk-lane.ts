/**
 * The bulk lane: large packets on a second channel of the same link, so a 10 MB binary does not
 * hold up every small message behind it (one ordered channel stalls them all: Partisan's finding).
 *
 * How it goes, between two tabs whose links have a bulk channel (transport.ts `Link.bulk`):
 * - each side's connection says HELLO (a private packet) on the main stream once up; a side
 *   sends on the bulk lane only after the peer's HELLO, so a peer without one never gets any;
 * - a packet of BULK_FROM_BYTES or more goes on the bulk channel (its own packet stream, whole
 *   packets in order, never atom-cache headers: they must be read in the main stream's order),
 *   and a MARKER takes its place in the main stream: its number on the bulk lane and its sender;
 * - the receiver (BulkOrder) delivers the bulk packet where its marker stands. Erlang orders
 *   signals per pair of processes, so what the same sender sent after it waits for it; what
 *   other processes sent passes. Waiting is keyed by the sender alone (a superset of the pair),
 *   and a signal with no sending pid waits behind every pending bulk packet.
 *
 * Private packets start with a byte no Erlang packet starts with (112 and 131 are its forms; a
 * tick is empty). They only travel on links where both sides said HELLO, so only tabs see them.
 * Everything a peer sends here is checked: a marker out of sequence, a marker without our own
 * bulk channel, bulk bytes before the HELLO, more than MAX_WAITING_BYTES held: each closes the link.
 */
import { Pid } from '../core/term/types.ts';
import type { ControlMessage } from './control.ts';
import type { ByteWriter } from './etf/writer.ts';

/** Packets of this size or more take the bulk lane: more than one data-channel message. */
export const BULK_FROM_BYTES = 64 * 1024;

/** Bytes a receiver holds for the lane (bulk packets ahead of their markers, signals behind them). */
export const MAX_WAITING_BYTES = 128 * 1024 * 1024;

/**
 * Bulk bytes a sender has on the way (sent, not yet acknowledged). The network path is one queue
 * (SCTP's association, the browser's UDP relay): whatever bulk is in flight, a small message
 * waits behind, and bufferedAmount does not show it. The receiver acknowledges each bulk message
 * it has read (ACK on the main stream), and one message's worth may be on the way: in bench:dist
 * at load 26 a small round trip during a 10 MB transfer had a median of 1.2 ms (idle 0.7 ms)
 * with 4 KiB, 1.3-2.1 ms with 8 KiB, 3 ms with 16 KiB, 11-14 ms with no window; the transfer
 * took 4.2 s, 2.2-3.4 s, 2.1 s and 1.8-3.8 s. The small message's wait is the point of the lane.
 * Once the binary crossed without copies (3 runs each, load 7-12): 16 KiB messages and window,
 * mean 1.9-6.0× idle; 2 KiB, 1.0-1.5× idle but the transfer took 6.2-9.2 s (4 KiB: 3.2-7.9 s).
 * Now one of the page transport's 2,300-byte bulk messages (two SCTP packets: peerjs.ts).
 */
export const BULK_WINDOW_BYTES = 2300;

const HELLO = 0xb0;
const MARKER = 0xb1;
const ACK = 0xb2;
/** ACK | Bytes:32 */
const ACK_BYTES = 5;
/** MARKER | Seq:32 | HasSender:8 | Id:32 | Serial:32 */
const MARKER_BYTES = 14;

/** The body of the HELLO packet. */
export const BULK_HELLO: Uint8Array = Uint8Array.of(HELLO);

/** Is `p` (a packet body) one of the lane's private packets? */
export function isLanePacket(p: Uint8Array): boolean {
  return p.length > 0 && (p[0] === HELLO || p[0] === MARKER || p[0] === ACK);
}

/** The body of an ACK of `bytes` bulk bytes read. */
export function ackPacket(bytes: number): Uint8Array {
  const p = new Uint8Array(ACK_BYTES);
  p[0] = ACK;
  new DataView(p.buffer).setUint32(1, bytes);
  return p;
}

/** Writes a whole MARKER packet (length prefix included). */
export function writeMarker(w: ByteWriter, seq: number, sender: Pid | null): void {
  w.u32(MARKER_BYTES);
  w.u8(MARKER);
  w.u32(seq);
  w.u8(sender === null ? 0 : 1);
  w.u32(sender?.id ?? 0);
  w.u32(sender?.serial ?? 0);
}

export type LanePacket =
  | { readonly type: 'hello' }
  | { readonly type: 'marker'; readonly seq: number; readonly key: string | null }
  | { readonly type: 'ack'; readonly bytes: number };

/** A private packet read, or why it is malformed. */
export function readLanePacket(p: Uint8Array): LanePacket | string {
  if (p[0] === HELLO) return p.length === 1 ? { type: 'hello' } : `bulk lane: HELLO of ${p.length} bytes`;
  if (p[0] === ACK) return p.length === ACK_BYTES ? { type: 'ack', bytes: new DataView(p.buffer, p.byteOffset, p.byteLength).getUint32(1) } : `bulk lane: ACK of ${p.length} bytes`;
  if (p.length !== MARKER_BYTES) return `bulk lane: marker of ${p.length} bytes`;
  const v = new DataView(p.buffer, p.byteOffset, p.byteLength);
  const has = v.getUint8(5);
  if (has > 1) return 'bulk lane: malformed marker';
  return { type: 'marker', seq: v.getUint32(1), key: has === 1 ? pidKey(v.getUint32(6), v.getUint32(10)) : null };
}

/** The lane's bookkeeping (HELLO, ACK): no network control holds, slows or drops it, as a tick. */
export function isLaneBookkeeping(p: Uint8Array): boolean {
  return p.length > 0 && (p[0] === HELLO || p[0] === ACK);
}

/** The number of the large packet a MARKER body stands for, or null when `p` is no marker. */
export function markerSeq(p: Uint8Array): number | null {
  return p.length === MARKER_BYTES && p[0] === MARKER ? new DataView(p.buffer, p.byteOffset, p.byteLength).getUint32(1) : null;
}

/** The id of the pid that sent the large packet a MARKER body stands for (null: none, or no marker). */
export function markerSenderId(p: Uint8Array): number | null {
  return markerSeq(p) === null || p[5] !== 1 ? null : new DataView(p.buffer, p.byteOffset, p.byteLength).getUint32(6);
}

const pidKey = (id: number, serial: number): string => `${id}.${serial}`;

/** The key a signal waits under: its sending pid's (from this peer), or null when it has none. */
export function senderKey(m: ControlMessage): string | null {
  const from = 'from' in m ? m.from : null;
  return from instanceof Pid ? pidKey(from.id, from.serial) : null;
}

/** The sending pid of a signal, for the marker of its bulk packet. */
export function senderOf(m: ControlMessage): Pid | null {
  const from = 'from' in m ? m.from : null;
  return from instanceof Pid ? from : null;
}

/**
 * The sender's bulk lane: whole packets, each as the pieces the main writer gave (copies of its
 * buffer, and large binaries by reference: ByteWriter.takeFrom), cut into messages of at most
 * `maxMessageBytes` as they are taken. The first message of a packet carries its `Length:32`.
 * A message that would cross from one piece to the next is copied together; a run of whole
 * messages inside one piece (most of a binary's bytes) goes as views of it, with no copy here.
 * A message never holds bytes of two packets (middleware/bulk-follow.ts counts on it).
 */
export class LaneWriter {
  private packets: (readonly Uint8Array[])[] = [];
  pendingBytes = 0;

  constructor(private readonly maxMessageBytes: number) {}

  /** A packet body in pieces; the lane owns them from now on. */
  push(body: readonly Uint8Array[]): void {
    this.packets.push(body);
    let n = 4;
    for (const p of body) n += p.length;
    this.pendingBytes += n;
  }

  take(): Uint8Array[] {
    const out: Uint8Array[] = [];
    for (const body of this.packets) this.cut(body, out);
    this.packets = [];
    this.pendingBytes = 0;
    return out;
  }

  private cut(body: readonly Uint8Array[], out: Uint8Array[]): void {
    const max = this.maxMessageBytes;
    let length = 0;
    for (const p of body) length += p.length;
    // The message being copied together, and how much of it is filled.
    let msg = new Uint8Array(Math.min(max, 4 + length));
    new DataView(msg.buffer).setUint32(0, length);
    let fill = 4;
    let left = 4 + length;
    for (const p of body) {
      let at = 0;
      while (at < p.length) {
        if (fill === 0 && p.length - at >= max) {
          out.push(p.subarray(at, at + max));
          at += max;
          left -= max;
          continue;
        }
        if (fill === 0) msg = new Uint8Array(Math.min(max, left));
        const n = Math.min(p.length - at, msg.length - fill);
        msg.set(p.subarray(at, at + n), fill);
        fill += n;
        at += n;
        if (fill === msg.length) {
          out.push(msg);
          left -= fill;
          fill = 0;
        }
      }
    }
    // An empty body: its message is the length alone.
    if (fill > 0) out.push(msg);
  }
}

interface Waiting {
  /** The signal, or undefined while a marker's bulk packet has not arrived. */
  m: ControlMessage | undefined;
  readonly key: string | null;
  bytes: number;
  /** The bulk lane's number of a marker's packet (-1: a main-stream signal). */
  readonly seq: number;
}

/**
 * The receiving side's order: main-stream signals and markers in, signals out in an order that
 * keeps each sender's. Nothing waits (and nothing is allocated) while no bulk packet is pending.
 */
export class BulkOrder {
  private waiting: Waiting[] = [];
  /** Keys of everything waiting; `all` when something without a sender waits. */
  private keys = new Set<string>();
  private all = false;
  /** Bulk packets that arrived before their markers, by number. */
  private readonly early = new Map<number, { m: ControlMessage; bytes: number }>();
  private nextMarker = 0;
  private nextBulk = 0;
  private held = 0;

  /** Bytes held now (tests). */
  get heldBytes(): number {
    return this.held;
  }

  /** A signal from the main stream: into `out` now, or kept behind its sender's pending bulk packet. */
  main(m: ControlMessage, bytes: number, out: ControlMessage[]): string | null {
    if (this.waiting.length === 0) {
      out.push(m);
      return null;
    }
    const key = senderKey(m);
    if (!this.blocks(key)) {
      out.push(m);
      return null;
    }
    return this.wait({ m, key, bytes, seq: -1 });
  }

  /** A marker from the main stream: its bulk packet is delivered here, now or once it arrives. */
  marker(seq: number, key: string | null, out: ControlMessage[]): string | null {
    if (seq !== this.nextMarker) return `bulk lane: marker ${seq} where ${this.nextMarker} was due`;
    this.nextMarker++;
    const e = this.early.get(seq);
    if (e !== undefined) {
      this.early.delete(seq);
      this.held -= e.bytes;
      return this.main(e.m, e.bytes, out);
    }
    return this.wait({ m: undefined, key, bytes: 0, seq });
  }

  /** The next packet of the bulk lane, decoded. */
  bulk(m: ControlMessage, bytes: number, out: ControlMessage[]): string | null {
    const seq = this.nextBulk++;
    if (seq >= this.nextMarker) {
      this.early.set(seq, { m, bytes });
      return this.hold(bytes);
    }
    const w = this.waiting.find((x) => x.seq === seq);
    if (w === undefined) return `bulk lane: packet ${seq} has no marker waiting`;
    w.m = m;
    w.bytes = bytes;
    const err = this.hold(bytes);
    this.drain(out);
    return err;
  }

  /** Does something waiting hold back a signal of `key`? (One without a sender waits behind anything.) */
  private blocks(key: string | null): boolean {
    return this.all || (key === null ? this.keys.size > 0 : this.keys.has(key));
  }

  private wait(w: Waiting): string | null {
    this.waiting.push(w);
    if (w.key === null) this.all = true;
    else this.keys.add(w.key);
    return this.hold(w.bytes);
  }

  private hold(bytes: number): string | null {
    this.held += bytes;
    return this.held > MAX_WAITING_BYTES ? `bulk lane: more than ${MAX_WAITING_BYTES} bytes wait` : null;
  }

  /** Delivers what no earlier waiting entry of the same sender holds back; the rest keeps its order. */
  private drain(out: ControlMessage[]): void {
    const still: Waiting[] = [];
    this.keys = new Set();
    this.all = false;
    for (const w of this.waiting) {
      if (w.m !== undefined && !this.blocks(w.key)) {
        out.push(w.m);
        this.held -= w.bytes;
        continue;
      }
      still.push(w);
      if (w.key === null) this.all = true;
      else this.keys.add(w.key);
    }
    this.waiting = still;
  }
}
