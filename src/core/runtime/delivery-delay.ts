/**
 * The delivery-delay seam: a node may be given a policy that says how long a local message
 * takes from its send to its receiver's mailbox (the playground's message speed: a message is
 * delivered when its token lands). Without a policy, delivery is immediate, as on BEAM.
 *
 * - Order per sender/receiver pair is kept (Erlang's guarantee): a message never overtakes an
 *   earlier one of the same pair, even when the policy's delay shrinks or is 0 for it.
 * - Nothing is lost: a delayed message is delivered unless its receiver died meanwhile (as a
 *   send to a dead pid is dropped). Past MAX_DELAYED messages waiting on the node, all of
 *   them are delivered at once, in order (a flood is not kept in memory to be slowed down).
 * - The delays run on the node's timers (the injected clock): the host's loop wakes the node
 *   when the next one is due, as for `Process.send_after`.
 */
import type { Pid, Term } from '../term/types.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { Proc } from './process.ts';
import type { Timer } from './timers.ts';

/** Milliseconds a local message from `from` to `to` takes; 0 (or less) delivers it at once. */
export type DeliveryDelay = (from: Pid, to: Pid, message: Term) => number;

/** Delayed messages a node keeps at most before it delivers them all at once. */
export const MAX_DELAYED = 100_000;

interface Pair {
  /** When its last delayed message is due: later ones of the pair are due no earlier. */
  lastAt: number;
  pending: number;
}

export class DelayedDelivery {
  private readonly pairs = new Map<string, Pair>();
  private readonly waiting = new Set<Timer>();

  constructor(
    private readonly rt: NodeRuntime,
    public policy: DeliveryDelay,
  ) {}

  /** Delivers `message` from `from` to `q` now or when the policy says. */
  deliver(from: Pid, q: Proc, message: Term): void {
    const key = pairKey(from, q.self);
    const pair = this.pairs.get(key);
    const ms = this.policy(from, q.self, message);
    if (pair === undefined && !(ms > 0)) this.rt.deliver(q, message);
    else this.wait(key, pair, ms, () => this.rt.deliver(q, message));
  }

  /**
   * A signal from `from` to `q` (an exit signal, a DOWN; `term` is what a trapping receiver
   * would get): slowed as a message would be, and never overtaking that pair's messages still
   * on their way. False when it need not wait: the caller delivers it now.
   */
  signal(from: Pid, q: Proc, term: Term, run: () => void): boolean {
    const key = pairKey(from, q.self);
    const pair = this.pairs.get(key);
    const ms = this.policy(from, q.self, term);
    if (pair === undefined && !(ms > 0)) return false;
    this.wait(key, pair, ms, run);
    return true;
  }

  private wait(key: string, pair: Pair | undefined, ms: number, run: () => void): void {
    const at = Math.max(this.rt.clock.now() + (ms > 0 ? ms : 0), pair?.lastAt ?? -Infinity);
    const p = pair ?? { lastAt: at, pending: 0 };
    if (pair === undefined) this.pairs.set(key, p);
    p.lastAt = at;
    p.pending++;
    // Timers due at the same instant fire in the order they were set: the pair's order holds.
    const t: Timer = this.rt.timers.add(at, () => {
      this.waiting.delete(t);
      if (--p.pending === 0) this.pairs.delete(key);
      run();
    });
    this.waiting.add(t);
    if (this.waiting.size > MAX_DELAYED) this.flush();
  }

  /** Messages waiting now. */
  get size(): number {
    return this.waiting.size;
  }

  /** Delivers everything waiting, in due order (a flood, or the policy being removed). */
  flush(): void {
    const all = [...this.waiting].sort((a, b) => a.at - b.at || a.seq - b.seq);
    for (const t of all) {
      this.rt.timers.cancel(t);
      t.fire();
    }
  }
}

function pairKey(from: Pid, to: Pid): string {
  return `${from.node.name}/${from.id}.${from.serial}>${to.id}.${to.serial}`;
}
