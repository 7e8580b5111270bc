/**
 * Pause/step for the classroom: a gate between a node's links and the network that, while
 * holding, keeps every message in one queue (both directions of every link, in the order they
 * came) and lets the teacher release them one at a time.
 *
 * - One step is one Erlang message where it can be: a transport message that is exactly a run
 *   of whole distribution packets (`Length:32 | Body`, several batched in one data-channel
 *   message) is split and each packet released on its own; the receiving connection reads a
 *   byte stream, so splitting changes nothing but the pace. Handshake messages (16-bit lengths)
 *   and fragments of a large packet never parse that way and are released whole.
 * - Ticks (a lone empty packet) pass even while holding: a long pause must not look like a dead
 *   peer and end in a tick timeout.
 * - Resuming releases everything held, in order. A link that closes forgets what it held:
 *   those bytes were on the wire.
 */
import type { ConnectResult, Link, Transport } from '../dist/transports/transport.ts';

interface Held {
  readonly link: object;
  readonly release: () => void;
}

export interface HoldGate {
  wrap(transport: Transport): Transport;
  /** Start (true) or stop (false) holding; stopping releases everything held, in order. */
  hold(on: boolean): void;
  readonly holding: boolean;
  /** Releases the oldest held message; false when none was held. */
  releaseOne(): boolean;
  /** Messages held now. */
  held(): number;
}

export function createHoldGate(onActivity: () => void = () => {}): HoldGate {
  let holding = false;
  let queue: Held[] = [];

  const pass = (owner: object, bytes: Uint8Array, deliver: (b: Uint8Array) => void) => {
    if (!holding || isTick(bytes)) {
      deliver(bytes);
      return;
    }
    for (const part of splitPackets(bytes)) queue.push({ link: owner, release: () => deliver(part) });
  };

  function wrapLink(link: Link): Link {
    const owner = {};
    const messageCbs = new Set<(b: Uint8Array) => void>();
    const closeCbs = new Set<(r: string) => void>();
    let closed = false;
    link.onMessage((b) => {
      onActivity();
      pass(owner, b, (part) => {
        if (!closed) for (const cb of [...messageCbs]) cb(part);
      });
    });
    link.onClose((r) => {
      closed = true;
      queue = queue.filter((h) => h.link !== owner);
      for (const cb of [...closeCbs]) cb(r);
    });
    return {
      peer: link.peer,
      send: (b) => pass(owner, b.slice(), (part) => link.send(part)),
      onMessage: (cb) => (messageCbs.add(cb), () => messageCbs.delete(cb)),
      onClose: (cb) => (closeCbs.add(cb), () => closeCbs.delete(cb)),
      // Back-pressure is the real link's (transport.ts).
      get writable() {
        return link.writable;
      },
      onDrain: (cb) => link.onDrain(cb),
      close: () => link.close(),
    };
  }

  const releaseOne = (): boolean => {
    const h = queue.shift();
    if (h === undefined) return false;
    h.release();
    return true;
  };

  return {
    wrap: (transport) => ({
      maxMessageBytes: transport.maxMessageBytes,
      listen: (name, onIncoming) => transport.listen(name, (link, peer) => onIncoming(wrapLink(link), peer)),
      connect: (peer, done) => transport.connect(peer, (r: ConnectResult) => done(r.ok ? { ok: true, link: wrapLink(r.link) } : r)),
    }),
    hold(on) {
      holding = on;
      if (!on) while (releaseOne());
    },
    get holding() {
      return holding;
    },
    releaseOne,
    held: () => queue.length,
  };
}

function isTick(b: Uint8Array): boolean {
  return b.length === 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] === 0;
}

/** The packets of `b` when it is exactly a run of whole 32-bit-length packets; else `[b]`. */
export function splitPackets(b: Uint8Array): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let i = 0;
  while (i + 4 <= b.length) {
    const len = ((b[i] as number) << 24 >>> 0) + ((b[i + 1] as number) << 16) + ((b[i + 2] as number) << 8) + (b[i + 3] as number);
    if (i + 4 + len > b.length) return [b];
    parts.push(b.subarray(i, i + 4 + len));
    i += 4 + len;
  }
  return i === b.length && parts.length > 1 ? parts : [b];
}
