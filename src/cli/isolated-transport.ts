import type { Transport } from '../distribution/transports/transport.ts';

/**
 * The terminal node's network: it may listen under its name, but reaches no other node yet
 * (tabs meet over WebRTC in the page), so `Node.connect` answers false, as for a missing node.
 */
export function isolatedTransport(): Transport {
  return {
    maxMessageBytes: 16 * 1024,
    listen: () => ({ ok: true, stop: () => {} }),
    connect: (_peer, done) => queueMicrotask(() => done({ ok: false, reason: 'no route to other nodes from the terminal' })),
  };
}
