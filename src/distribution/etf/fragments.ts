/**
 * Fragmented messages from a peer (DFLAG_FRAGMENTS, OTP 22+; erl_ext_dist "Distribution Header
 * for Fragmented Messages"). A large message comes as
 *
 *   131, 69, SequenceId:64, FragmentId:64, NumberOfAtomCacheRefs, Flags, AtomCacheRefs, data…
 *   131, 70, SequenceId:64, FragmentId:64, data…   (FragmentId counting down to 1)
 *
 * and other packets may come between its fragments. The first fragment's header is read at once
 * (it fills the atom cache in stream order); the message is decoded when fragment 1 arrives.
 * Everything a peer can make us hold is bounded: the messages in flight, and their bytes.
 */
import type { Atom } from '../../core/term/types.ts';
import type { InAtomCache } from './atom-cache.ts';
import * as T from './tags.ts';
import { concatBytes } from './concat.ts';

/** Fragmented messages one peer may have in flight at once. */
export const MAX_FRAGMENTED_IN_FLIGHT = 256;

interface InFlight {
  readonly refs: readonly Atom[];
  readonly parts: Uint8Array[];
  bytes: number;
  /** The FragmentId the next continuation must carry. */
  next: bigint;
}

/** A whole message: its terms (control, then payload) and the atoms their ATOM_CACHE_REFs name. */
export interface Reassembled {
  readonly terms: Uint8Array;
  readonly refs: readonly Atom[];
}

export class FragmentReader {
  private readonly inFlight = new Map<bigint, InFlight>();
  private held = 0;

  /**
   * `maxBytes`: the largest message (and the most bytes held over all messages in flight).
   * `lent`: the packets are views of lent messages (Link.lendsMessages), so a kept part is a copy.
   */
  constructor(
    private readonly cache: InAtomCache,
    private readonly maxBytes: number,
    private readonly lent = false,
  ) {}

  /**
   * A packet body that starts `131, 69` or `131, 70`: null while its message is incomplete, the
   * message once its last fragment is in, or why the stream is bad.
   */
  push(body: Uint8Array): Reassembled | null | string {
    if (body.length < 18) return 'truncated fragment header';
    const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
    const seq = view.getBigUint64(2);
    const frag = view.getBigUint64(10);
    if (frag === 0n) return 'fragment id 0';
    if (body[1] === T.DIST_FRAG_HEADER) {
      if (this.inFlight.has(seq)) return `fragmented message ${seq} started twice`;
      const h = this.cache.read(body, 18);
      if (typeof h === 'string') return h;
      const data = body.subarray(h.next);
      if (frag === 1n) return { terms: data, refs: h.refs };
      if (this.inFlight.size >= MAX_FRAGMENTED_IN_FLIGHT) return `more than ${MAX_FRAGMENTED_IN_FLIGHT} fragmented messages in flight`;
      const m: InFlight = { refs: h.refs, parts: [], bytes: 0, next: frag - 1n };
      this.inFlight.set(seq, m);
      return this.add(m, data);
    }
    const m = this.inFlight.get(seq);
    if (m === undefined) return `fragment of unknown sequence ${seq}`;
    if (frag !== m.next) return `fragment ${frag} of sequence ${seq} out of order (expected ${m.next})`;
    const err = this.add(m, body.subarray(18));
    if (err !== null) return err;
    if (frag !== 1n) {
      m.next = frag - 1n;
      return null;
    }
    this.inFlight.delete(seq);
    this.held -= m.bytes;
    return { terms: concatBytes(m.parts, m.bytes), refs: m.refs };
  }

  private add(m: InFlight, data: Uint8Array): string | null {
    m.bytes += data.length;
    this.held += data.length;
    if (m.bytes > this.maxBytes || this.held > this.maxBytes) return `fragmented messages larger than the limit of ${this.maxBytes} bytes`;
    // An empty fragment adds nothing to keep: else a peer's endless empty continuations (a
    // FragmentId near 2^64) would grow `parts` past any byte limit.
    if (data.length > 0) m.parts.push(this.lent ? data.slice() : data);
    return null;
  }
}
