/**
 * Follows one direction of a link as its receiver will read it, so that link middleware can
 * decode the class's packets, which use the atom cache (etf/atom-cache.ts): every packet's
 * header is read in stream order into a mirror of the receiver's cache, and the refs each packet
 * names are kept for it. Only what middleware shows (hold.ts's held list) needs this; delivery
 * never does. Handshake messages (2-byte lengths) never read as whole packets, so the mirror
 * starts at the first transport message that is whole packets; from then on it also follows a
 * large packet's pieces (packet-stream.ts: such a packet starts a message and fills the next).
 */
import type { Atom } from '../../core/term/types.ts';
import { InAtomCache } from '../etf/atom-cache.ts';
import { hasAtomCacheRefs } from '../etf/packet.ts';
import { PACKET_LENGTH_BYTES } from '../packet-stream.ts';
import { markerSeq } from '../bulk-lane.ts';

export class CacheMirror {
  private readonly cache = new InAtomCache();
  private started = false;
  /** Bytes of a large packet still to come in later messages. */
  private rest = 0;

  /**
   * Reads one transport message in stream order; returns the refs of each packet in it that has
   * some, by the packet's offset in `chunk` (null when none has). `onMarker` hears the number of
   * each bulk lane MARKER among its packets (bulk-lane.ts), in order.
   */
  observe(chunk: Uint8Array, onMarker?: (seq: number) => void): Map<number, readonly Atom[]> | null {
    if (this.rest > 0) {
      this.rest = Math.max(0, this.rest - chunk.length);
      return null;
    }
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let found: Map<number, readonly Atom[]> | null = null;
    const read = (at: number, end: number) => {
      const body = chunk.subarray(at + PACKET_LENGTH_BYTES, end);
      const seq = onMarker === undefined ? null : markerSeq(body);
      if (seq !== null) onMarker?.(seq);
      if (!hasAtomCacheRefs(body)) return;
      const h = this.cache.read(body, 2);
      if (typeof h !== 'string') (found ??= new Map()).set(at, h.refs);
    };
    // Whole packets? (A handshake message never is: its 2-byte length reads as a huge one.)
    let at = 0;
    while (at + PACKET_LENGTH_BYTES <= chunk.length) {
      const end = at + PACKET_LENGTH_BYTES + view.getUint32(at);
      if (end > chunk.length) break;
      at = end;
    }
    if (at === chunk.length && at > 0) {
      this.started = true;
      for (let p = 0; p < chunk.length; p = p + PACKET_LENGTH_BYTES + view.getUint32(p)) read(p, p + PACKET_LENGTH_BYTES + view.getUint32(p));
      return found;
    }
    if (!this.started || at !== 0 || chunk.length < PACKET_LENGTH_BYTES) return null;
    // The first piece of a large packet: its header is at its start.
    this.rest = PACKET_LENGTH_BYTES + view.getUint32(0) - chunk.length;
    read(0, chunk.length);
    return found;
  }
}
