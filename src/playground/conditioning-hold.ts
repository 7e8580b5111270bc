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
 *   peer and end in a tick timeout. So do the tracing service's own messages (trace batches,
 *   the classroom requests and replies, tagged as in TRACING_TAGS): they are the plumbing that
 *   shows the held messages and releases them, and a cluster-wide pause could never be stepped
 *   or resumed if they waited behind it. A packet only overtakes held ones when every held
 *   chunk of its link is whole packets (never into the middle of a large packet's fragments).
 * - `hold(true, 'outgoing')` holds only what this node sends: the cluster-wide pause, where every
 *   node holds its own sends, so each message is held once (at its sender) and one step is one
 *   delivery.
 * - Resuming releases everything held, in order. A link that closes forgets what it held:
 *   those bytes were on the wire.
 */
import type { ConnectResult, Link, Transport } from '../distribution/transports/transport.ts';
import { forwardingLink } from '../distribution/transports/transport.ts';
import { Tuple } from '../core/term/types.ts';
import { decodePacket } from '../distribution/etf/packet.ts';

/** Messages of the tracing service (src/distribution/trace), which pass a paused gate. */
const TRACING_TAGS = new Set(['trace_batch', 'trace_ack', 'subscribe', 'unsubscribe', 'classroom', 'classroom_state', 'process_info', 'process_info_reply', 'close_node']);
/** Its registered processes: monitors of them (MONITOR_P 19, DEMONITOR_P 20, by name) pass too. */
const TRACING_NAMES = new Set(['playground_tracer', 'playground_trace_viewer', 'playground_classroom']);
const MONITOR_OPS = new Set([19, 20]);

export type HoldScope = 'both' | 'outgoing';

/** One direction of one link: what it holds decides whether a packet may overtake. */
interface Stream {
  /** Held chunks that are not whole packets (fragments, handshake messages). */
  partial: number;
  queued: number;
}

interface Held {
  readonly link: object;
  readonly stream: Stream;
  readonly whole: boolean;
  readonly release: () => void;
}

export interface HoldGate {
  wrap(transport: Transport): Transport;
  /** Start (true) or stop (false) holding; stopping releases everything held, in order. */
  hold(on: boolean, scope?: HoldScope): void;
  readonly scope: HoldScope;
  readonly holding: boolean;
  /** Releases the oldest held message; false when none was held. */
  releaseOne(): boolean;
  /** Messages held now. */
  held(): number;
}

export function createHoldGate(onActivity: () => void = () => {}): HoldGate {
  let holding = false;
  let scope: HoldScope = 'both';
  let queue: Held[] = [];

  const enqueue = (owner: object, stream: Stream, whole: boolean, deliver: () => void) => {
    stream.queued++;
    if (!whole) stream.partial++;
    queue.push({ link: owner, stream, whole, release: deliver });
  };
  const pass = (owner: object, stream: Stream, outgoing: boolean, bytes: Uint8Array, deliver: (b: Uint8Array) => void) => {
    const held = holding && (outgoing || scope === 'both');
    if (!held) {
      // Not held in this direction (the scope changed while some were): keep the link's order.
      if (stream.queued === 0) deliver(bytes);
      else enqueue(owner, stream, false, () => deliver(bytes));
      return;
    }
    const parts = wholePackets(bytes);
    if (parts === null) {
      enqueue(owner, stream, false, () => deliver(bytes));
      return;
    }
    for (const part of parts) {
      if (stream.partial === 0 && (isTick(part) || isTracing(part))) deliver(part);
      else enqueue(owner, stream, true, () => deliver(part));
    }
  };

  function wrapLink(link: Link): Link {
    const owner = {};
    const incoming: Stream = { partial: 0, queued: 0 };
    const outgoing: Stream = { partial: 0, queued: 0 };
    const messageCbs = new Set<(b: Uint8Array) => void>();
    const closeCbs = new Set<(r: string) => void>();
    let closed = false;
    link.onMessage((b) => {
      onActivity();
      pass(owner, incoming, false, b, (part) => {
        if (!closed) for (const cb of [...messageCbs]) cb(part);
      });
    });
    link.onClose((r) => {
      closed = true;
      queue = queue.filter((h) => h.link !== owner);
      for (const cb of [...closeCbs]) cb(r);
    });
    return forwardingLink(link, {
      send: (b) => pass(owner, outgoing, true, b.slice(), (part) => link.send(part)),
      onMessage: (cb) => (messageCbs.add(cb), () => messageCbs.delete(cb)),
      onClose: (cb) => (closeCbs.add(cb), () => closeCbs.delete(cb)),
    });
  }

  const releaseOne = (): boolean => {
    const h = queue.shift();
    if (h === undefined) return false;
    h.stream.queued--;
    if (!h.whole) h.stream.partial--;
    h.release();
    return true;
  };

  return {
    wrap: (transport) => ({
      maxMessageBytes: transport.maxMessageBytes,
      listen: (name, onIncoming) => transport.listen(name, (link, peer) => onIncoming(wrapLink(link), peer)),
      connect: (peer, done) => transport.connect(peer, (r: ConnectResult) => done(r.ok ? { ok: true, link: wrapLink(r.link) } : r)),
    }),
    hold(on, s = 'both') {
      holding = on;
      scope = s;
      if (!on) while (releaseOne());
    },
    get holding() {
      return holding;
    },
    get scope() {
      return scope;
    },
    releaseOne,
    held: () => queue.length,
  };
}

function isTick(b: Uint8Array): boolean {
  return b.length === 4 && b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] === 0;
}

/** A packet of the tracing service: a message tagged as in TRACING_TAGS, or a monitor of one of its names. */
function isTracing(packet: Uint8Array): boolean {
  const r = decodePacket(packet.subarray(4));
  if (!r.ok || r.packet.kind !== 'message') return false;
  const { control, payload } = r.packet;
  if (control instanceof Tuple && MONITOR_OPS.has(control.elements[0] as number)) {
    const target = control.elements[2];
    return typeof target === 'object' && target.kind === 'atom' && TRACING_NAMES.has(target.name);
  }
  const tag = payload instanceof Tuple ? payload.elements[0] : undefined;
  return typeof tag === 'object' && tag.kind === 'atom' && TRACING_TAGS.has(tag.name);
}

/** The packets of `b` when it is exactly a run of whole 32-bit-length packets; else null. */
export function wholePackets(b: Uint8Array): Uint8Array[] | null {
  const parts: Uint8Array[] = [];
  let i = 0;
  while (i + 4 <= b.length) {
    const len = ((b[i] as number) << 24 >>> 0) + ((b[i + 1] as number) << 16) + ((b[i + 2] as number) << 8) + (b[i + 3] as number);
    if (i + 4 + len > b.length) return null;
    parts.push(b.subarray(i, i + 4 + len));
    i += 4 + len;
  }
  return i === b.length && parts.length > 0 ? parts : null;
}
