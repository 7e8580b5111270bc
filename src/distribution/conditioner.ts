/**
 * A link conditioner between the connection and the transport: per peer, a delay (ms on the
 * injected clock), a drop probability (the injected random) and cut/heal. It wraps a node's
 * Transport and acts on BOTH directions of each of that node's links, so a tab can slow or cut
 * its own link to a peer without the peer's help; the canvas uses it to show messages in
 * flight, tests to inject faults.
 *
 * - delay: a message is held until `sentAt + delayMs`, never overtaking an earlier one (the
 *   channel stays ordered); closes wait behind held messages.
 * - drop: each message is lost with that probability. The protocol assumes a reliable channel,
 *   so a lost message may break a packet in two; the connection then closes, as BEAM's would
 *   on a corrupted stream.
 * - cut: everything is dropped both ways (a partition); ticks stop, and the tick timeout ends
 *   the connection. heal restores delivery.
 * The conditioner keeps no timers: the host asks `nextDueAt()` and calls `runDue()` then.
 */
import type { Clock, Random } from '../core/ports.ts';
import type { ConnectResult, Link, Transport } from './transports/transport.ts';
import { forwardingLink } from './transports/transport.ts';

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
}

export function createConditioner(ports: { clock: Clock; random: Random }): Conditioner {
  const conditions = new Map<string, LinkConditions>();
  let held: Held[] = [];
  let seq = 0;
  const stats: ConditionerStats = { dropped: 0, delayed: 0, passed: 0 };
  const get = (peer: string): LinkConditions => conditions.get(peer) ?? CLEAR;

  /** One direction of one link: keeps order by never scheduling before its last held item. */
  class Lane {
    private lastAt = -Infinity;
    private inFlight = 0;
    constructor(private readonly peer: string) {}
    pass(deliver: () => void): void {
      const c = get(this.peer);
      if (c.cut || (c.dropProbability > 0 && ports.random.next() < c.dropProbability)) {
        stats.dropped++;
        return;
      }
      this.after(deliver, c.delayMs);
    }
    /** Also used for closes: they are never dropped, but wait behind held messages. */
    after(run: () => void, delayMs: number): void {
      if (delayMs <= 0 && this.inFlight === 0) {
        stats.passed++;
        run();
        return;
      }
      stats.delayed++;
      const at = Math.max(ports.clock.now() + delayMs, this.lastAt);
      this.lastAt = at;
      this.inFlight++;
      held.push({ at, seq: seq++, run: () => { this.inFlight--; run(); } });
    }
  }

  function wrapLink(link: Link): Link {
    const out = new Lane(link.peer);
    const inn = new Lane(link.peer);
    const messageCbs = new Set<(b: Uint8Array) => void>();
    const closeCbs = new Set<(r: string) => void>();
    link.onMessage((b) => inn.pass(() => { for (const cb of [...messageCbs]) cb(b); }));
    link.onClose((r) => inn.after(() => { for (const cb of [...closeCbs]) cb(r); }, 0));
    return forwardingLink(link, {
      send: (b) => {
        const copy = b.slice();
        out.pass(() => link.send(copy));
      },
      onMessage: (cb) => (messageCbs.add(cb), () => messageCbs.delete(cb)),
      onClose: (cb) => (closeCbs.add(cb), () => closeCbs.delete(cb)),
    });
  }

  return {
    stats,
    wrap(transport) {
      return {
        maxMessageBytes: transport.maxMessageBytes,
        listen: (name, onIncoming) => transport.listen(name, (link, peer) => onIncoming(wrapLink(link), peer)),
        connect: (peer, done) =>
          transport.connect(peer, (r: ConnectResult) => done(r.ok ? { ok: true, link: wrapLink(r.link) } : r)),
      };
    },
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
      return due.length;
    },
  };
}
