/**
 * This tab's connection states on the cards: `connectDistribution(dist, store)` mirrors the
 * distribution's connection events (handshaking, up, refused with the reason, down) and keeps each
 * connection's handshake steps (store/handshakes.ts) for the inspector. Apart from the cluster
 * view's bridge (cluster-bridge.ts), which a page loads only with its first cluster view.
 */
import type { Distribution } from '../../distribution/dist-types.ts';
import type { PlaygroundStore } from './playground-store.ts';
import type { ConnectionState } from './model.ts';

/** How the transports report a link closed from the other end (transports/peerjs.ts, memory.ts). */
const CLOSED: ReadonlySet<string> = new Set(['closed by peer', 'closed', 'connection_closed']);

/**
 * The words a card uses for why a link went down: a tab closed (its data channel closed, or it
 * stopped its distribution) is `node closed`; other reasons (`net_tick_timeout`, a protocol
 * error) as the distribution gives them.
 */
export function downReason(reason: string): string {
  return CLOSED.has(reason) ? 'node closed' : reason;
}

/**
 * Keeps the cards' connection states in step with the distribution; returns `dispose`.
 *
 * A node that went down stays `down: <why>` while this tab keeps failing to reach it again (a
 * Ticker's sends retry the connection): the failures are in the handshake log, the card keeps
 * saying what happened. A card dismissed (or forgotten) is not brought back by those retries,
 * only by the node coming up again.
 */
export function connectDistribution(dist: Distribution, store: PlaygroundStore): () => void {
  for (const n of dist.list()) store.getState().setConnection(n.name, { kind: 'up' });
  const downs = new Map<string, ConnectionState>();
  const stayDown = (node: string) => {
    const down = downs.get(node);
    if (down === undefined) return false;
    if (store.getState().nodes[node] !== undefined) store.getState().setConnection(node, down);
    return true;
  };
  return dist.subscribe((e) => {
    const s = store.getState();
    switch (e.type) {
      case 'connection:attempt':
        s.handshakeAttempt(e.peer.name, e.role);
        if (stayDown(e.peer.name)) return;
        return s.setConnection(e.peer.name, { kind: 'handshaking' });
      case 'connection:up':
        downs.delete(e.peer.name);
        s.handshakeResult(e.peer.name, { kind: 'up' });
        s.setConnection(e.peer.name, { kind: 'up' });
        if (e.beam === true) s.markBeam(e.peer.name);
        return;
      case 'connection:failed':
        s.handshakeResult(e.peer.name, { kind: 'refused', reason: e.reason });
        if (stayDown(e.peer.name)) return;
        return s.setConnection(e.peer.name, { kind: 'refused', reason: e.reason });
      case 'connection:down': {
        const down: ConnectionState = { kind: 'down', reason: downReason(e.reason) };
        downs.set(e.peer.name, down);
        return s.setConnection(e.peer.name, down);
      }
      case 'handshake:step':
        // Before the called side has read the caller's name, a step has no peer yet: not shown.
        if (e.peer !== null) s.handshakeStep(e.peer.name, { name: e.name, direction: e.direction, outcome: e.outcome });
        return;
    }
  });
}
