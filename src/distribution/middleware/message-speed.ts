/**
 * Message speed on the links: link middleware (middleware.ts) that delays what this node SENDS
 * of the class's traffic by the playground's message speed, so a message to another node is
 * delivered when its token lands (the runtime's delivery-delay.ts does the same for local ones).
 *
 * - Only the class's packets wait: a distribution message or signal with a process of the class
 *   at one end (core/runtime/system-processes.ts). Ticks, the tracing service, the classroom
 *   controls, `:global`'s and net_kernel's own protocol pass at once, so nothing of the tool is
 *   slowed into a timeout. They overtake held class packets only when every held chunk of the
 *   link is whole packets (as hold.ts lets them pass a pause): the receiver reads a byte stream
 *   of packets, and no packet is ever cut.
 * - Order per link is kept among what waits: a packet is never due before one held before it,
 *   so a sender/receiver pair's order (Erlang's guarantee) holds when the speed changes.
 * - Only the sending side waits: each message is slowed once, at its sender (a teacher's speed
 *   reaches every node through the classroom controls, and each node slows its own sends).
 * - A large packet on the link's bulk channel (bulk-lane.ts) is delivered where its MARKER stands
 *   in the link's stream: the marker of a class process's large packet waits as the class's
 *   packets do, so the large message lands with its token and stays in order with the same
 *   sender's small ones. The bulk channel's bytes go at once (the receiver keeps them until the
 *   marker comes), and so does the lane's bookkeeping (HELLO, ACK), as the tool's traffic.
 * - Held bytes count toward the link's back-pressure (HeldBytes); a close waits behind what is
 *   held (those bytes were sent before it). Like the conditioner, it keeps no timers: the host
 *   asks `nextDueAt()` and calls `runDue()`.
 */
import type { Clock } from '../../core/ports.ts';
import type { Link, Transport } from '../transports/transport.ts';
import { forwardingLink, HeldBytes, withLinkMiddleware } from './middleware.ts';
import { wholePackets } from './hold.ts';
import { decodePacket, hasAtomCacheRefs } from '../etf/packet.ts';
import { isClassMessage } from '../class-traffic.ts';
import { decodeControl } from '../control.ts';
import { PACKET_LENGTH_BYTES } from '../packet-stream.ts';
import { TimerHeap, type Timer } from '../../core/runtime/timers.ts';
import { USER_FIRST_ID } from '../../core/runtime/system-processes.ts';
import { isLanePacket, markerSenderId } from '../bulk-lane.ts';

export interface MessageSpeed {
  wrap(transport: Transport): Transport;
  /** Delay (ms) of the class's packets sent on every link, or only to the peers `peers` accepts; 0 is the real network. */
  set(ms: number, peers?: (peer: string) => boolean): void;
  readonly ms: number;
  nextDueAt(): number | null;
  /** Sends what is due; returns how many packets went. */
  runDue(): number;
}

interface Lane {
  readonly link: Link;
  readonly pressure: HeldBytes;
  /** Its packets waiting, as timers of the one heap (cancelled if the link closes). */
  readonly timers: Set<Timer>;
  /** Held chunks that are not whole packets (handshake messages, pieces of a large packet). */
  partial: number;
  lastAt: number;
  closing: boolean;
}

export function createMessageSpeed(clock: Clock): MessageSpeed {
  let ms = 0;
  let accepts: (peer: string) => boolean = () => true;
  // Every link's waiting packets, by due time then arrival (the runtime's timer heap: sending
  // 1,000 messages a second at a 2 s speed keeps thousands waiting; no scan per send).
  const heap = new TimerHeap();
  const sent: { lane: Lane; bytes: number }[] = [];

  const hold = (lane: Lane, bytes: Uint8Array, delay: number, whole: boolean) => {
    const at = Math.max(clock.now() + delay, lane.lastAt);
    lane.lastAt = at;
    if (!whole) lane.partial++;
    lane.pressure.hold(bytes.length);
    const t: Timer = heap.add(at, () => {
      lane.timers.delete(t);
      if (!whole) lane.partial--;
      lane.link.send(bytes);
      if (lane.timers.size === 0 && lane.closing) lane.link.close();
      sent.push({ lane, bytes: bytes.length });
    });
    lane.timers.add(t);
  };

  const send = (lane: Lane, chunk: Uint8Array) => {
    const delay = ms > 0 && accepts(lane.link.peer) ? ms : 0;
    const queued = lane.timers.size;
    if (delay === 0 && queued === 0) return lane.link.send(chunk);
    const parts = wholePackets(chunk);
    if (parts === null) return hold(lane, chunk.slice(), 0, false);
    for (const part of parts) {
      // The class's packets keep their order behind what waits; the tool's may overtake whole packets.
      if (isClassPacket(part)) hold(lane, part.slice(), delay, true);
      else if (lane.timers.size === 0 || lane.partial === 0) lane.link.send(part);
      else hold(lane, part.slice(), 0, true);
    }
  };

  function wrapLink(link: Link): Link {
    const lane: Lane = { link, pressure: new HeldBytes(link), timers: new Set(), partial: 0, lastAt: -Infinity, closing: false };
    link.onClose(() => {
      for (const t of lane.timers) heap.cancel(t);
      lane.timers.clear();
    });
    const fwd = forwardingLink(link, { send: (b) => send(lane, b), held: lane.pressure });
    return {
      peer: link.peer,
      ...(link.beam === true ? { beam: true } : {}),
      ...(fwd.bulk !== undefined ? { bulk: fwd.bulk } : {}),
      // It sends straight down within the call, or keeps a slice of its own (hold).
      ...(link.copiesOnSend === true ? { copiesOnSend: true } : {}),
      // Messages in are passed on as they come.
      ...(link.lendsMessages === true ? { lendsMessages: true } : {}),
      send: fwd.send,
      onMessage: fwd.onMessage,
      onClose: fwd.onClose,
      get writable() {
        return fwd.writable;
      },
      onDrain: fwd.onDrain,
      close: () => {
        if (lane.timers.size === 0) link.close();
        else lane.closing = true;
      },
    };
  }

  return {
    wrap: (transport) => withLinkMiddleware(transport, wrapLink),
    set(delay, peers = () => true) {
      ms = Math.max(0, delay);
      accepts = peers;
    },
    get ms() {
      return ms;
    },
    nextDueAt: () => heap.nextAt(),
    runDue() {
      const n = heap.fireDue(clock.now());
      // Only after all of them went on: a link drains once, not once per packet.
      for (const s of sent) s.lane.pressure.release(s.bytes);
      sent.length = 0;
      return n;
    },
  };
}

/** A distribution message or signal with a process of the class at one end (not a tick, not the tool's own). */
export function isClassPacket(packet: Uint8Array): boolean {
  const body = packet.subarray(PACKET_LENGTH_BYTES);
  // A marker stands for its large packet: the class's when a process of the class sent it.
  if (isLanePacket(body)) return (markerSenderId(body) ?? 0) >= USER_FIRST_ID;
  // Only the class's packets use the atom cache (class-traffic.ts), and they need it to decode.
  if (hasAtomCacheRefs(body)) return true;
  const r = decodePacket(body);
  if (!r.ok || r.packet.kind !== 'message') return false;
  const m = decodeControl(r.packet.control, r.packet.payload);
  return typeof m !== 'string' && isClassMessage(m);
}
