/**
 * The transport seam: how a node's distribution layer reaches other nodes. Deliberately tiny,
 * callback-based and Promise-free, so the memory network (tests) and PeerJS (the browser) can
 * both implement it and one contract suite (contract.ts) checks both.
 *
 * Rules every transport keeps (contract.ts tests each one):
 * - A Link is one reliable, ORDERED, binary channel to one peer (a WebRTC data channel with
 *   `reliable: true`; PeerJS defaults to unordered, which would break Erlang's ordering rule).
 * - Callbacks never fire synchronously inside `connect`, `send` or `close`: the caller may be in
 *   the middle of a process run. They fire later, from the transport's own event turn.
 * - Register `onMessage`/`onClose` synchronously inside `onIncoming` or the `connect` callback;
 *   nothing is delivered before that turn ends, so nothing is lost.
 * - Each `send` arrives as exactly one message, with the same bytes (the receiver gets its own
 *   copy). Messages up to `maxMessageBytes` must be accepted; the connection layer never sends more.
 * - `close()` from either side fires `onClose` exactly once on BOTH sides; afterwards `send` is
 *   a no-op and no message is delivered.
 * - `connect` to a name nobody listens on fails (`ok: false`), it never hangs forever.
 * - Back-pressure: `send` always accepts (nothing is dropped), but once the bytes waiting to go
 *   out pass the transport's high-water mark `writable` turns false, and when they have drained
 *   (below its low-water mark) `onDrain` fires, from the transport's own turn. A sender that
 *   holds back while not writable keeps its queue in its own memory instead of overrunning the
 *   network stack (a WebRTC flood can otherwise make SCTP fail).
 */

/** `bytes` from `link`'s message callback, as bytes that may be kept after it returns (Link.lendsMessages). */
export function keepable(link: Pick<Link, 'lendsMessages'>, bytes: Uint8Array): Uint8Array {
  return link.lendsMessages === true ? bytes.slice() : bytes;
}

export interface Link {
  /** The node at the other end as the transport knows it; the handshake confirms it. */
  readonly peer: string;
  /**
   * The other end is a real BEAM node over TCP framing (beam/stream-link.ts): the handshake
   * offers BEAM's own flags (no playground-only flag, so MD5 digests) and, as a TCP listener,
   * takes whatever name the caller's send_name claims. Unset: another playground node.
   */
  readonly beam?: boolean;
  send(bytes: Uint8Array): void;
  /**
   * `send` reads `bytes` only while it runs (it copies what it keeps, as RTCDataChannel.send
   * does), so the caller may write over them once it returns: the connection then hands the
   * link a view of its own batch buffer instead of a copy (link-driver.ts). Unset: `send` may
   * keep the bytes it is given, and each gets buffer of its own.
   */
  readonly copiesOnSend?: boolean;
  /**
   * The bytes `onMessage` callbacks get are lent: good only until the callback returns (the link
   * decodes each message into one buffer of its own and writes the next one over it: peerjs.ts).
   * A listener that keeps bytes past its callback (a middleware holding or delaying them, a
   * packet begun in one message and ended in another) copies what it keeps. Unset: each message
   * is the listener's to keep.
   */
  readonly lendsMessages?: boolean;
  /** Returns an unsubscribe function. */
  onMessage(cb: (bytes: Uint8Array) => void): () => void;
  /**
   * `reason` is for logs and the UI ("closed by peer", "data channel error"...). A link the
   * transport closes because of what the peer sent (a text message, an oversized or corrupt
   * frame) gives a reason starting with `protocol error: `, which the distribution logs.
   */
  onClose(cb: (reason: string) => void): () => void;
  /** False while more than the high-water mark waits to go out; see `onDrain`. */
  readonly writable: boolean;
  /** Fires once each time a link that was not writable has drained. Returns an unsubscribe function. */
  onDrain(cb: () => void): () => void;
  close(): void;
  /**
   * A second channel to the same peer, for large packets (distribution/bulk-lane.ts), when the
   * transport has one. Its messages keep their own order, but NOT their order relative to the
   * link's: a small message sent on the link after a large one here may arrive first (that is
   * its point). It closes with the link; its messages follow the link's rules (one `send` is one
   * message, same bytes, at most `maxMessageBytes`, back-pressure with `writable`/`onDrain`).
   * Middleware that does not forward it hides it, and the distribution then keeps to the link.
   */
  readonly bulk?: BulkChannel;
}

/** A link's second channel (Link.bulk). */
export interface BulkChannel {
  /** Largest message `send` takes here (the transport's choice: smaller messages, less queued ahead of the link's). */
  readonly maxMessageBytes: number;
  send(bytes: Uint8Array): void;
  onMessage(cb: (bytes: Uint8Array) => void): () => void;
  readonly writable: boolean;
  onDrain(cb: () => void): () => void;
}

export type ConnectResult = { readonly ok: true; readonly link: Link } | { readonly ok: false; readonly reason: string };

export type ListenResult = { readonly ok: true; readonly stop: () => void } | { readonly ok: false; readonly reason: string };

/** One node's access to the network: listen under its name, connect to others by name. */
export interface Transport {
  /** Largest message `send` accepts (64 KiB is safe on every current browser's data channels). */
  readonly maxMessageBytes: number;
  /** Start accepting links for `nodeName`. A name already in use fails. */
  listen(nodeName: string, onIncoming: (link: Link, peerName: string) => void): ListenResult;
  /** Open a link to `peerName` (the caller must be listening: its name is the link's origin). */
  connect(peerName: string, done: (result: ConnectResult) => void): void;
}
