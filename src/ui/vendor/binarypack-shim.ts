/**
 * Stands in for `peerjs-js-binarypack` in the app's bundle (vite.config.ts aliases it here): PeerJS
 * uses it only for connections with `binary` serialization, and every connection the playground
 * opens is `raw` (transports/peerjs.ts), so its ~2 KB gzipped would be first-load weight for
 * nothing. A peer that still offers a `binary` connection gets it closed at its first message:
 * `unpack` answers PeerJS's own close message, and `pack` sends nothing.
 */
export function pack(_data: unknown): ArrayBuffer {
  return new ArrayBuffer(0);
}

export function unpack(_data: unknown): { __peerData: { type: 'close' } } {
  return { __peerData: { type: 'close' } };
}
