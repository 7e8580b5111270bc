/**
 * Link middleware: a layer between a node's distribution and its real transport that changes
 * how bytes move on each link (delay, drop, pause/step, activity notices) and is itself a
 * Transport, so layers stack and each one keeps the transport contract
 * (transports/contract.ts; every middleware's test runs the suite over it).
 *
 *   distribution ─▶ middleware ─▶ … ─▶ transport (PeerJS, memory)
 */
import type { BulkChannel, ConnectResult, Link, Transport } from '../transports/transport.ts';
import { Listeners } from '../transports/listeners.ts';

/** Wraps one link as it opens (either direction); returns the link the layer above sees. */
export type LinkMiddleware = (link: Link) => Link;

/** `transport` with every link it opens or accepts passed through `middleware`. */
export function withLinkMiddleware(transport: Transport, middleware: LinkMiddleware): Transport {
  return {
    maxMessageBytes: transport.maxMessageBytes,
    listen: (name, onIncoming) => transport.listen(name, (link, peer) => onIncoming(middleware(link), peer)),
    connect: (peer, done) => transport.connect(peer, (r: ConnectResult) => done(r.ok ? { ok: true, link: middleware(r.link) } : r)),
  };
}

/**
 * A Link that forwards to `link` except where `over` says otherwise: a middleware changes how
 * bytes move, and passes the rest (close, the bulk channel unless it gives its own: `bulk`, and
 * back-pressure unless it holds bytes of its own: `held`) through this one place. A `send` of
 * its own says whether it copies what it keeps (`copiesOnSend`, transport.ts: the distribution
 * then hands it a view of its batch buffer, no copy); the link's own send keeps the link's word.
 * A link's lent messages (`lendsMessages`) stay lent: an `onMessage` of the middleware's own
 * passes a message on within the link's callback, or keeps a copy (transport.ts `keepable`).
 */
export function forwardingLink(link: Link, over: Partial<Pick<Link, 'send' | 'onMessage' | 'onClose' | 'bulk' | 'copiesOnSend'>> & { held?: HeldBytes }): Link {
  const pressure: Pick<Link, 'writable' | 'onDrain'> = over.held ?? link;
  const bulk = over.bulk ?? link.bulk;
  const copies = over.send === undefined ? link.copiesOnSend : over.copiesOnSend;
  return {
    peer: link.peer,
    ...(link.beam === true ? { beam: true } : {}),
    ...(bulk !== undefined ? { bulk } : {}),
    ...(copies === true ? { copiesOnSend: true } : {}),
    // A middleware passes a message on within the link's callback or copies what it keeps.
    ...(link.lendsMessages === true ? { lendsMessages: true } : {}),
    send: over.send ?? ((bytes) => link.send(bytes)),
    onMessage: over.onMessage ?? ((cb) => link.onMessage(cb)),
    onClose: over.onClose ?? ((cb) => link.onClose(cb)),
    get writable() {
      return pressure.writable;
    },
    onDrain: (cb) => pressure.onDrain(cb),
    close: () => link.close(),
  };
}

/** Bytes a middleware may keep for one link's sends before it pushes back (as a data channel's marks, transports/peerjs.ts). */
export const HELD_HIGH_WATER_BYTES = 1024 * 1024;
export const HELD_LOW_WATER_BYTES = 256 * 1024;

/**
 * Back-pressure for a middleware that keeps sent bytes of its own (delayed, paused): the link
 * it gives is writable while the link below is and its own held bytes stay under the high-water
 * mark; its drain fires once per return to writable, whichever of the two held it back. So a
 * sender on a slowed or paused link holds back as it would on a congested one, and the
 * middleware's memory stays bounded.
 */
export class HeldBytes {
  private bytes = 0;
  private blocked = false;
  private readonly drains = new Listeners<void>();

  constructor(private readonly link: Pick<Link, 'writable' | 'onDrain'>) {
    link.onDrain(() => {
      if (!this.blocked) this.drains.emit();
    });
  }

  get writable(): boolean {
    return !this.blocked && this.link.writable;
  }

  onDrain(cb: () => void): () => void {
    return this.drains.add(cb);
  }

  hold(n: number): void {
    this.bytes += n;
    if (this.bytes > HELD_HIGH_WATER_BYTES) this.blocked = true;
  }

  /** `n` held bytes went on (or were forgotten); called from the middleware's own turn, never inside `send`. */
  release(n: number): void {
    this.bytes -= n;
    if (!this.blocked || this.bytes > HELD_LOW_WATER_BYTES) return;
    this.blocked = false;
    if (this.link.writable) this.drains.emit();
  }
}

/**
 * A bulk channel (transport.ts Link.bulk) that forwards to `bulk` except where `over` says
 * otherwise: the same for a link's second channel as forwardingLink for the link.
 */
export function forwardingBulk(bulk: BulkChannel, over: Partial<Pick<BulkChannel, 'send' | 'onMessage'>> & { held?: HeldBytes }): BulkChannel {
  const pressure: Pick<BulkChannel, 'writable' | 'onDrain'> = over.held ?? bulk;
  return {
    maxMessageBytes: bulk.maxMessageBytes,
    send: over.send ?? ((bytes) => bulk.send(bytes)),
    onMessage: over.onMessage ?? ((cb) => bulk.onMessage(cb)),
    get writable() {
      return pressure.writable;
    },
    onDrain: (cb) => pressure.onDrain(cb),
  };
}
