/**
 * A link conditioner, link middleware (middleware.ts) between the connection and the transport: per peer, a delay (ms on the
 * injected clock), a drop probability (the injected random) and cut/heal. It wraps a node's
 * Transport and acts on BOTH directions of each of that node's links, so a tab can slow or cut
 * its own link to a peer without the peer's help; the canvas uses it to show messages in
 * flight, tests to inject faults.
 *
 * - delay: a message is held until `sentAt + delayMs`, never overtaking an earlier one (the
 *   channel stays ordered); closes wait behind held messages. Held sends count toward the
 *   link's back-pressure (middleware.ts HeldBytes), as bytes in flight on a slow network do.
 * - drop: each message is lost with that probability. The protocol assumes a reliable channel,
 *   so a lost message may break a packet in two; the connection then closes, as BEAM's would
 *   on a corrupted stream.
 * - cut: everything is dropped both ways (a partition); ticks stop, and the tick timeout ends
 *   the connection. heal restores delivery.
 * - The bulk lane (bulk-lane.ts; the link's second channel, forwarded): its messages are delayed
 *   as the link's, in their own order. Drop spares the lane: a large message is never dropped,
 *   and the lane's own packets (HELLO, ACK, MARKER) in a dropped message still go (the rest of it
 *   is lost): losing one would stall the lane's window or break its numbering. A cut drops the
 *   lane's bytes too; a link that lost some can only end (bytes of a packet are missing), so heal
 *   closes it, with nodedown on both sides, where the tick timeout has not ended it already.
 * The conditioner keeps no timers: the host asks `nextDueAt()` and calls `runDue()` then.
 */
import type { Clock, Random } from '../../core/ports.ts';
import type { BulkChannel, Link, Transport } from '../transports/transport.ts';
import { forwardingBulk, forwardingLink, HeldBytes, withLinkMiddleware } from './middleware.ts';
import { Listeners } from '../transports/listeners.ts';
import { wholePackets } from './hold.ts';
import { isLanePacket } from '../bulk-lane.ts';
import { PACKET_LENGTH_BYTES } from '../packet-stream.ts';
import { concatBytes } from '../etf/concat.ts';

export interface LinkConditions {
  readonly delayMs: number;
  readonly dropProbability: number;
  readonly cut: boolean;
}

export const CLEAR: LinkConditions = { delayMs: 0, dropProbability: 0, cut: false };

export interface ConditionerStats {
  dropped: number;
  delayed: number;
  passed: number;
}

export interface Conditioner {
  wrap(transport: Transport): Transport;
  set(peer: string, conditions: Partial<LinkConditions>): void;
  get(peer: string): LinkConditions;
  cut(peer: string): void;
  heal(peer: string): void;
  /** When the next held message is due, or null. */
  nextDueAt(): number | null;
  /** Delivers every held message whose time has come; returns how many. */
  runDue(): number;
  readonly stats: ConditionerStats;
}

interface Held {
  readonly at: number;
  readonly seq: number;
  readonly run: () => void;
  /** Sends count toward their link's back-pressure until they went on. */
  readonly pressure: HeldBytes | null;
  readonly bytes: number;
}

export function createConditioner(ports: { clock: Clock; random: Random }): Conditioner {
  const conditions = new Map<string, LinkConditions>();
  let held: Held[] = [];
  let seq = 0;
  const stats: ConditionerStats = { dropped: 0, delayed: 0, passed: 0 };
  const get = (peer: string): LinkConditions => conditions.get(peer) ?? CLEAR;
  /** Links whose bulk lane lost bytes to a cut, by peer: heal closes them. */
  const broken = new Map<string, Set<Link>>();
  const breakLane = (link: Link) => {
    let set = broken.get(link.peer);
    if (set === undefined) broken.set(link.peer, (set = new Set()));
    set.add(link);
  };

  /**
   * One direction of one link: keeps order by never scheduling before its last held item. The
   * sending lane counts the bytes it holds (`pressure`), so a slowed link pushes back.
   */
  class Lane {
    private lastAt = -Infinity;
    private inFlight = 0;
    constructor(
      private readonly peer: string,
      private readonly pressure: HeldBytes | null = null,
      /** Its bytes are a link's lent messages (Link.lendsMessages): what it keeps, it copies. */
      private readonly lent = false,
    ) {}
    /** `lane`: what of a lost message the link's bulk lane keeps, when it has one (see the module's comment). */
    pass(bytes: Uint8Array, deliver: (b: Uint8Array) => void, lane: LaneKeeper | null = null): void {
      const c = get(this.peer);
      // Only a message that goes straight through may stay lent.
      if (this.lent && (c.cut || c.dropProbability > 0 || c.delayMs > 0 || this.inFlight > 0)) bytes = bytes.slice();
      if (c.cut || (lane?.bulk !== true && c.dropProbability > 0 && ports.random.next() < c.dropProbability)) {
        stats.dropped++;
        const kept = lane?.keep(bytes, c.cut) ?? null;
        if (kept !== null) this.after(() => deliver(kept), c.delayMs, kept.length);
        return;
      }
      this.after(() => deliver(bytes), c.delayMs, bytes.length);
    }
    /** Also used for closes (no bytes): they are never dropped, but wait behind held messages. */
    after(run: () => void, delayMs: number, bytes = 0): void {
      if (delayMs <= 0 && this.inFlight === 0) {
        stats.passed++;
        run();
        return;
      }
      stats.delayed++;
      const at = Math.max(ports.clock.now() + delayMs, this.lastAt);
      this.lastAt = at;
      this.inFlight++;
      this.pressure?.hold(bytes);
      held.push({ at, seq: seq++, run: () => (this.inFlight--, run()), pressure: this.pressure, bytes });
    }
  }

  function wrapLink(link: Link): Link {
    const pressure = new HeldBytes(link);
    const out = new Lane(link.peer, pressure);
    const inn = new Lane(link.peer, null, link.lendsMessages === true);
    const messages = new Listeners<Uint8Array>();
    const closes = new Listeners<string>();
    const bulk = link.bulk;
    const lane = bulk === undefined ? null : laneKeeper(() => breakLane(link));
    link.onMessage((b) => inn.pass(b, (m) => messages.emit(m), lane));
    link.onClose((r) => {
      broken.get(link.peer)?.delete(link);
      inn.after(() => closes.emit(r), 0);
    });
    return forwardingLink(link, {
      send: (b) => out.pass(b.slice(), (m) => link.send(m), lane),
      copiesOnSend: true, // the slice above: what it delays or keeps is its own
      onMessage: (cb) => messages.add(cb),
      onClose: (cb) => closes.add(cb),
      held: pressure,
      ...(bulk !== undefined && lane !== null ? { bulk: wrapBulk(link.peer, bulk, lane) } : {}),
    });
  }

  /** The link's bulk channel: delayed as the link, in its own order; never dropped, but lost to a cut. */
  function wrapBulk(peer: string, bulk: BulkChannel, lane: LaneKeeper): BulkChannel {
    const pressure = new HeldBytes(bulk);
    const out = new Lane(peer, pressure);
    const inn = new Lane(peer);
    const messages = new Listeners<Uint8Array>();
    const whole: LaneKeeper = { bulk: true, keep: (b) => lane.keep(b, true, true) };
    bulk.onMessage((b) => inn.pass(b, (m) => messages.emit(m), whole));
    return forwardingBulk(bulk, {
      send: (b) => out.pass(b.slice(), (m) => bulk.send(m), whole),
      onMessage: (cb) => messages.add(cb),
      held: pressure,
    });
  }

  return {
    stats,
    wrap: (transport) => withLinkMiddleware(transport, wrapLink),
    set(peer, c) {
      conditions.set(peer, { ...get(peer), ...c });
    },
    get,
    cut(peer) {
      conditions.set(peer, { ...get(peer), cut: true });
    },
    heal(peer) {
      conditions.set(peer, { ...get(peer), cut: false });
      const lost = broken.get(peer);
      broken.delete(peer);
      for (const link of lost ?? []) link.close();
    },
    nextDueAt() {
      let min: number | null = null;
      for (const h of held) if (min === null || h.at < min) min = h.at;
      return min;
    },
    runDue() {
      const now = ports.clock.now();
      const due = held.filter((h) => h.at <= now).sort((a, b) => a.at - b.at || a.seq - b.seq);
      if (due.length === 0) return 0;
      held = held.filter((h) => h.at > now);
      for (const h of due) h.run();
      // Only after all of them went on: a link drains once, not once per message moved below.
      for (const h of due) h.pressure?.release(h.bytes);
      return due.length;
    },
  };
}

/** What of a lost message a link with a bulk lane keeps: null when nothing. */
interface LaneKeeper {
  /** The bulk channel's: only a cut loses its messages. */
  readonly bulk?: boolean;
  keep(bytes: Uint8Array, cut: boolean, bulk?: boolean): Uint8Array | null;
}

/**
 * A dropped message keeps its lane packets (a run of whole packets: the link's messages after the
 * handshake); a cut keeps nothing, and `broke()` hears that the lane lost bytes (a bulk message,
 * or a lane packet).
 */
function laneKeeper(broke: () => void): LaneKeeper {
  return {
    keep(bytes, cut, bulk = false) {
      const parts = bulk ? null : wholePackets(bytes);
      const lane = parts?.filter((p) => isLanePacket(p.subarray(PACKET_LENGTH_BYTES))) ?? [];
      if (cut) {
        if (bulk || lane.length > 0) broke();
        return null;
      }
      return lane.length === 0 ? null : concatBytes(lane, lane.reduce((n, p) => n + p.length, 0));
    },
  };
}
