/**
 * A raw byte stream to a BEAM node: a TCP socket in Node (host/beam/tcp-pipe.ts), or the gateway's
 * WebSocket relay of one in a tab. Unlike a Link it keeps no message boundaries: bytes written
 * arrive in order, cut anywhere. stream-link.ts turns one into a Link with BEAM's TCP framing.
 *
 * Rules (the same as Link's, transport.ts, where they apply):
 * - callbacks never fire synchronously inside `write` or `close`; register them in the turn the
 *   pipe is handed over (nothing is delivered before that turn ends);
 * - `close()` from either side fires `onClose` exactly once; afterwards `write` is a no-op and no
 *   data is delivered;
 * - back-pressure: `write` always accepts, `writable` turns false past the pipe's high-water mark
 *   and `onDrain` fires once it has drained.
 */
export interface BytePipe {
  /** Who is at the other end as the network knows it (e.g. `127.0.0.1:51234`), for logs and limits. */
  readonly remote: string;
  write(bytes: Uint8Array): void;
  /** Returns an unsubscribe function. */
  onData(cb: (bytes: Uint8Array) => void): () => void;
  /** Returns an unsubscribe function. `reason` is for logs ("closed by peer", "ECONNRESET"...). */
  onClose(cb: (reason: string) => void): () => void;
  /** False while more than the high-water mark waits to go out; see `onDrain`. */
  readonly writable: boolean;
  /** Fires once each time a pipe that was not writable has drained. Returns an unsubscribe function. */
  onDrain(cb: () => void): () => void;
  close(): void;
}
