/**
 * One direction of a link's bulk channel (transport.ts Link.bulk) as the pause (hold.ts) lets it
 * on. A large packet travels there while its MARKER keeps its place in the link's stream
 * (bulk-lane.ts); the pause holds and steps the marker as the one held message, and the packet
 * follows it: while this direction is held, a bulk message goes on only once its packet's marker
 * has. So a step releases the large message in order with the same sender's small ones, and
 * while it is held the receiver acknowledges nothing, so the sender's window keeps the rest of
 * the packet (and what it sends after) in its own memory: a paused link holds one bulk message
 * at most, whatever is sent into it.
 *
 * Messages are numbered by packet as the lane numbers them: the first message of a packet
 * carries its `Length:32` (bulk-lane.ts LaneWriter), the rest continue it. A peer's nonsense here
 * only misnumbers its own messages: they are held or passed in order, never dropped, and the
 * connection above finds the error.
 */
import { PACKET_LENGTH_BYTES } from '../packet-stream.ts';

interface HeldBulk {
  readonly seq: number;
  /** The first message of its packet (its head: the control message is at its start). */
  readonly first: boolean;
  readonly bytes: Uint8Array;
}

export class BulkFollower {
  /** The packet of the last message read, and its bytes still to come. */
  private seq = -1;
  private rest = 0;
  /** Markers gone on: packets numbered below may go. */
  private gone = 0;
  private held: HeldBulk[] = [];

  constructor(private readonly deliver: (bytes: Uint8Array) => void) {}

  /** A bulk message; `holding`: the pause holds this direction now. */
  push(bytes: Uint8Array, holding: boolean): void {
    const first = this.rest === 0;
    const seq = this.packetOf(bytes);
    if (this.held.length === 0 && (!holding || seq < this.gone)) return this.deliver(bytes);
    this.held.push({ seq, first, bytes });
  }

  /** The marker of packet `seq` went on: the packet's messages held may follow it. */
  markerGone(seq: number): void {
    this.gone = Math.max(this.gone, seq + 1);
    this.drain(false);
  }

  /** This direction is not held any more: everything held goes on, in order. */
  releaseAll(): void {
    this.drain(true);
  }

  /** The first message of packet `seq`, when it is held here (what describes its marker). */
  head(seq: number): Uint8Array | null {
    return this.held.find((h) => h.seq === seq && h.first)?.bytes ?? null;
  }

  /** The link closed: what was held was on the wire. */
  clear(): void {
    this.held = [];
  }

  private drain(all: boolean): void {
    let n = 0;
    while (n < this.held.length && (all || (this.held[n] as HeldBulk).seq < this.gone)) n++;
    if (n === 0) return;
    const go = this.held.slice(0, n);
    this.held = this.held.slice(n);
    for (const h of go) this.deliver(h.bytes);
  }

  private packetOf(bytes: Uint8Array): number {
    if (this.rest > 0) {
      this.rest = Math.max(0, this.rest - bytes.length);
      return this.seq;
    }
    const length = bytes.length >= PACKET_LENGTH_BYTES ? new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0) : 0;
    this.rest = Math.max(0, PACKET_LENGTH_BYTES + length - bytes.length);
    return ++this.seq;
  }
}
