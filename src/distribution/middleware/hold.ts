/**
 * Pause/step for the classroom: link middleware (middleware.ts), a gate between a node's links
 * and the network that, while holding, keeps every message in one queue (both directions of
 * every link, in the order they came) and lets the teacher release them one at a time.
 *
 * - One step is one Erlang message where it can be: a transport message that is exactly a run
 *   of whole distribution packets (`Length:32 | Body`, packet-stream.ts; several batched in one
 *   data-channel message) is split and each packet released on its own; the receiving connection reads a
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
 * - A large packet on the link's bulk channel (bulk-lane.ts) is held as its MARKER, one held
 *   message in the link's order; its bytes follow the marker (bulk-follow.ts), so a step
 *   releases it in order with the same sender's small ones. The lane's bookkeeping (HELLO, ACK)
 *   passes as ticks do: a released large message must finish crossing while paused.
 * - `heldMessages()` and `lastReleased()` tell what is held and what the last step released
 *   (held-message.ts), decoded only when asked; `pausedBy` is the node whose pause this is (a
 *   teacher's), for the tab's banner.
 * - What a link's sends hold counts toward its back-pressure (middleware.ts HeldBytes): past
 *   1 MiB held the link is not writable, so a process flooding a paused link holds back instead
 *   of filling the tab's memory. The rest waits in the link driver's queue, and the ticks the
 *   connection writes meanwhile go ahead of it (link-driver.ts) and pass this gate, so a
 *   flooded link paused past the tick timeout stays up.
 */
import type { Link, Transport } from '../transports/transport.ts';
import { forwardingBulk, forwardingLink, HeldBytes, withLinkMiddleware } from './middleware.ts';
import { BulkFollower } from './bulk-follow.ts';
import { isLaneBookkeeping, markerSeq } from '../bulk-lane.ts';
import { Listeners } from '../transports/listeners.ts';
import { Tuple, atom, type Atom, type Term } from '../../core/term/types.ts';
import { describeHeld, describeLarge, type HeldMessage } from './held-message.ts';
import { CacheMirror } from './cache-mirror.ts';
import { decodePacket, TICK } from '../etf/packet.ts';
import { decodeControl } from '../control.ts';
import { PACKET_LENGTH_BYTES } from '../packet-stream.ts';
import { SUBSCRIBE, TRACE_ACK, TRACE_BATCH, TRACER_NAME, UNSUBSCRIBE } from '../trace/wire.ts';
import { CLASSROOM, CLASSROOM_NAME, CLASSROOM_STATE } from '../trace/classroom-wire.ts';
import { CLASSROOM_HELD } from '../trace/classroom-held.ts';
import { PROCESS_INFO, PROCESS_INFO_REPLY } from '../trace/info-wire.ts';
import { CLOSE_NODE } from '../trace/tracer.ts';
import { VIEWER_NAME } from '../trace/viewer.ts';

const names = (atoms: readonly Atom[]) => new Set(atoms.map((a) => a.name));
/** Messages of the tracing service (src/distribution/trace), which pass a paused gate. */
const TRACING_TAGS = names([TRACE_BATCH, TRACE_ACK, SUBSCRIBE, UNSUBSCRIBE, CLASSROOM, CLASSROOM_STATE, CLASSROOM_HELD, PROCESS_INFO, PROCESS_INFO_REPLY, CLOSE_NODE]);
/** Its registered processes: monitors of them (by name) pass too. */
const TRACING_NAMES = names([TRACER_NAME, VIEWER_NAME, CLASSROOM_NAME]);

export type HoldScope = 'both' | 'outgoing';

/** One direction of one link: what it holds decides whether a packet may overtake. */
interface Stream {
  /** The link's bulk channel in this direction, when it has one. */
  readonly bulk: BulkFollower | null;
  /** Held chunks that are not whole packets (fragments, handshake messages). */
  partial: number;
  /** The receiver's atom cache as this direction fills it: held packets are described with it. */
  readonly mirror: CacheMirror;
  queued: number;
  /** The sending direction counts its held bytes toward the link's back-pressure. */
  readonly pressure: HeldBytes | null;
  readonly toNode: Atom | null;
}

interface Held {
  readonly link: object;
  readonly stream: Stream;
  readonly whole: boolean;
  readonly chunk: Uint8Array;
  /** Where a send to a registered name goes: the peer for what this node sends, null for what it receives. */
  readonly toNode: Atom | null;
  /** The atoms its distribution header names (read in stream order by the mirror). */
  readonly refs: readonly Atom[] | undefined;
  /** A bulk lane marker alone: the number of the large packet it stands for. */
  readonly marker: number | null;
  readonly release: () => void;
}

export interface HoldGate {
  wrap(transport: Transport): Transport;
  /** Start (true) or stop (false) holding; stopping releases everything held, in order. */
  hold(on: boolean, scope?: HoldScope, by?: string): void;
  readonly scope: HoldScope;
  readonly holding: boolean;
  /** The node that asked for this pause (a teacher's); null when this tab paused itself, or not paused. */
  readonly pausedBy: string | null;
  /** Releases the oldest held message; false when none was held. */
  releaseOne(): boolean;
  /** Messages held now. */
  held(): number;
  /** The oldest `limit` held messages, described. */
  heldMessages(limit: number): HeldMessage[];
  /** The message the last releaseOne released (null before any). */
  lastReleased(): HeldMessage | null;
}

export function createHoldGate(onActivity: () => void = () => {}): HoldGate {
  let holding = false;
  let scope: HoldScope = 'both';
  let queue: Held[] = [];
  let by: string | null = null;
  let released: Held | null = null;
  /** A released marker's description, taken before its packet's bytes went on (they describe it). */
  let releasedLarge: HeldMessage | null = null;
  const describe = (h: Held) => (h.marker !== null ? describeLarge(h.stream.bulk?.head(h.marker) ?? null, h.toNode) : describeHeld(h.chunk, h.whole, h.toNode, h.refs));
  /** Bulk followers of the open links, with the direction they follow. */
  const followers = new Map<BulkFollower, boolean>();
  const holds = (outgoing: boolean) => holding && (outgoing || scope === 'both');

  /** `deliver(bytes)`, then the bulk packets of the markers in it may follow. */
  const enqueue = (owner: object, stream: Stream, whole: boolean, bytes: Uint8Array, deliver: (b: Uint8Array) => void, markers: readonly number[], refs?: readonly Atom[]) => {
    stream.queued++;
    if (!whole) stream.partial++;
    stream.pressure?.hold(bytes.length);
    const marker = whole && markers.length === 1 && markerSeq(bytes.subarray(PACKET_LENGTH_BYTES)) !== null ? (markers[0] as number) : null;
    queue.push({ link: owner, stream, whole, chunk: bytes, toNode: stream.toNode, refs, marker, release: () => deliverThen(stream, bytes, deliver, markers) });
  };
  /** `lent`: `bytes` are a link's lent message (Link.lendsMessages), to be copied if kept. */
  const pass = (owner: object, stream: Stream, outgoing: boolean, bytes: Uint8Array, deliver: (b: Uint8Array) => void, lent = false) => {
    const found: number[] | null = stream.bulk === null ? null : [];
    const refs = stream.mirror.observe(bytes, found === null ? undefined : (seq) => found.push(seq));
    const markers: readonly number[] = found ?? NO_MARKERS;
    if (!holds(outgoing)) {
      // Not held in this direction (the scope changed while some were): keep the link's order.
      if (stream.queued === 0) deliverThen(stream, bytes, deliver, markers);
      else enqueue(owner, stream, false, lent ? bytes.slice() : bytes, deliver, markers);
      return;
    }
    // Held: what follows keeps the message, or parts of it.
    if (lent) bytes = bytes.slice();
    const parts = wholePackets(bytes);
    if (parts === null) {
      enqueue(owner, stream, false, bytes, deliver, markers);
      return;
    }
    for (const part of parts) {
      if (stream.partial === 0 && (isTick(part) || isLaneBookkeeping(part.subarray(PACKET_LENGTH_BYTES)) || isTracing(part))) deliver(part);
      else {
        const seq = markers.length === 0 ? null : markerSeq(part.subarray(PACKET_LENGTH_BYTES));
        enqueue(owner, stream, true, part, deliver, seq === null ? NO_MARKERS : [seq], refs?.get(part.byteOffset - bytes.byteOffset));
      }
    }
  };

  function wrapLink(link: Link): Link {
    const owner = {};
    const pressure = new HeldBytes(link);
    const bulk = link.bulk;
    const messages = new Listeners<Uint8Array>();
    const bulkMessages = new Listeners<Uint8Array>();
    const closes = new Listeners<string>();
    let closed = false;
    const follow = (outgoing: boolean, deliver: (b: Uint8Array) => void) => {
      if (bulk === undefined) return null;
      const f = new BulkFollower(deliver);
      followers.set(f, outgoing);
      return f;
    };
    const inBulk = follow(false, (b) => {
      if (!closed) bulkMessages.emit(b);
    });
    const outBulk = follow(true, (b) => bulk?.send(b));
    const incoming: Stream = { bulk: inBulk, partial: 0, queued: 0, pressure: null, toNode: null, mirror: new CacheMirror() };
    const outgoing: Stream = { bulk: outBulk, partial: 0, queued: 0, pressure, toNode: atom(link.peer), mirror: new CacheMirror() };
    link.onMessage((b) => {
      onActivity();
      pass(
        owner,
        incoming,
        false,
        b,
        (part) => {
          if (!closed) messages.emit(part);
        },
        link.lendsMessages === true,
      );
    });
    bulk?.onMessage((b) => {
      onActivity();
      inBulk?.push(b, holds(false));
    });
    link.onClose((r) => {
      closed = true;
      queue = queue.filter((h) => h.link !== owner);
      for (const f of [inBulk, outBulk]) {
        if (f === null) continue;
        followers.delete(f);
        f.clear();
      }
      closes.emit(r);
    });
    return forwardingLink(link, {
      send: (b) => pass(owner, outgoing, true, b.slice(), (part) => link.send(part)),
      copiesOnSend: true, // the slice above: what it holds is its own
      onMessage: (cb) => messages.add(cb),
      onClose: (cb) => closes.add(cb),
      held: pressure,
      ...(bulk !== undefined ? { bulk: forwardingBulk(bulk, { send: (b) => outBulk?.push(b.slice(), holds(true)), onMessage: (cb) => bulkMessages.add(cb) }) } : {}),
    });
  }

  const releaseOne = (): boolean => {
    const h = queue.shift();
    if (h === undefined) return false;
    h.stream.queued--;
    if (!h.whole) h.stream.partial--;
    releasedLarge = h.marker === null ? null : describe(h);
    h.release();
    h.stream.pressure?.release(h.chunk.length);
    released = h;
    return true;
  };

  return {
    wrap: (transport) => withLinkMiddleware(transport, wrapLink),
    hold(on, s = 'both', who) {
      holding = on;
      scope = s;
      by = on ? (who ?? null) : null;
      if (!on) while (releaseOne());
      // Bulk bytes held in a direction no longer held go on (their markers went, or will pass).
      for (const [f, outgoing] of followers) if (!holds(outgoing)) f.releaseAll();
    },
    get holding() {
      return holding;
    },
    get pausedBy() {
      return by;
    },
    get scope() {
      return scope;
    },
    releaseOne,
    held: () => queue.length,
    heldMessages: (limit) => queue.slice(0, limit).map(describe),
    lastReleased: () => releasedLarge ?? (released === null ? null : describe(released)),
  };
}

const NO_MARKERS: readonly number[] = [];

/** Delivers `bytes`; the bulk packets of the markers in it may then follow (bulk-follow.ts). */
function deliverThen(stream: Stream, bytes: Uint8Array, deliver: (b: Uint8Array) => void, markers: readonly number[]): void {
  deliver(bytes);
  for (const seq of markers) stream.bulk?.markerGone(seq);
}

/** A tick: a packet whose body is the empty TICK. */
function isTick(packet: Uint8Array): boolean {
  return packet.length === PACKET_LENGTH_BYTES + TICK.length;
}

/** A packet of the tracing service: a message tagged as in TRACING_TAGS, or a monitor of one of its names. */
function isTracing(packet: Uint8Array): boolean {
  const r = decodePacket(packet.subarray(PACKET_LENGTH_BYTES));
  if (!r.ok || r.packet.kind !== 'message') return false;
  const { control, payload } = r.packet;
  const m = decodeControl(control, payload);
  if (typeof m === 'string') return false;
  if (m.type === 'monitor' || m.type === 'demonitor') return isAtomIn(m.target, TRACING_NAMES);
  return payload instanceof Tuple && isAtomIn(payload.elements[0], TRACING_TAGS);
}

function isAtomIn(t: Term | undefined, set: ReadonlySet<string>): boolean {
  return typeof t === 'object' && t.kind === 'atom' && set.has(t.name);
}

/** The packets of `b` when it is exactly a run of whole length-prefixed packets; else null. */
export function wholePackets(b: Uint8Array): Uint8Array[] | null {
  const parts: Uint8Array[] = [];
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 0;
  while (i + PACKET_LENGTH_BYTES <= b.length) {
    const end = i + PACKET_LENGTH_BYTES + view.getUint32(i);
    if (end > b.length) return null;
    parts.push(b.subarray(i, end));
    i = end;
  }
  return i === b.length && parts.length > 0 ? parts : null;
}
