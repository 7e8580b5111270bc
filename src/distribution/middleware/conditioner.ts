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
 * The conditioner keeps no timers: the host asks `nextDueAt()` and calls `runDue()` then.
 */
import type { Clock, Random } from '../../core/ports.ts';
import type { Link, Transport } from '../transports/transport.ts';
import { forwardingLink, HeldBytes, withLinkMiddleware } from './middleware.ts';
import { Listeners } from '../transports/listeners.ts';

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
    ) {}
    pass(bytes: Uint8Array, deliver: (b: Uint8Array) => void): void {
      const c = get(this.peer);
      if (c.cut || (c.dropProbability > 0 && ports.random.next() < c.dropProbability)) {
        stats.dropped++;
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
    const inn = new Lane(link.peer);
    const messages = new Listeners<Uint8Array>();
    const closes = new Listeners<string>();
    link.onMessage((b) => inn.pass(b, (m) => messages.emit(m)));
    link.onClose((r) => inn.after(() => closes.emit(r), 0));
    return forwardingLink(link, {
      send: (b) => out.pass(b.slice(), (m) => link.send(m)),
      onMessage: (cb) => messages.add(cb),
      onClose: (cb) => closes.add(cb),
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
