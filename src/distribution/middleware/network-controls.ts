/**
 * The classroom's network controls: a stack of link middleware (middleware.ts) between a node's
 * distribution and its transport:
 *
 *   distribution ─▶ activity ─▶ message speed (message-speed.ts) ─▶ conditioner (delay, drop, cut)
 *                ─▶ hold gate (pause/step) ─▶ tracking (links per peer, for disconnect) ─▶ transport
 *
 * `conditionedTransport(transport, clock, random)` gives the transport to pass to `goAlive`
 * and the `NetworkConditioner` the controls call (or `createNetworkConditioner(clock, random)`
 * first and `conditioner.wrap(transport)` once the transport exists). Nothing here sets a
 * timer: the host calls `driveConditioner(conditioner, clock, host)` (src/host/
 * drive-conditioner.ts: the page, with the node loop's scheduling) or drives
 * `nextDueAt()/runDue()` itself (the test harness, on a simulated clock).
 *
 * What each control does, and so what the shells print (as BEAM would):
 * - `cut(peer)`: a partition; nothing passes either way, ticks stop, and after the tick timeout
 *   both sides log `** Node :two@vm not responding **\n** Removing (timedout) connection **`
 *   (the distribution's own log), then nodedown, `:noconnection` exits and DOWNs.
 * - `disconnect(peer)`: the link closes now (a pulled cable): nodedown on both sides at once,
 *   which BEAM does not log.
 * - `heal(peer)`: lifts the cut; `Node.connect` (or any send) connects again.
 * - `delay`, `dropRate`: delivery really waits (everything on that link, ticks too), order per
 *   link is kept, so ordering effects between routes become visible.
 * - `slowNetwork(ms)`: the message speed (message-speed.ts): what this node sends of the class's
 *   traffic waits `ms` (the tool's own traffic and ticks do not), so a message to another node
 *   lands when its token does. The runtime slows local messages by the same `slowNetworkMs`.
 * - `hold(true)` / `releaseOne()`: pause/step (hold.ts).
 */
import type { Clock, Random } from '../../core/ports.ts';
import { createConditioner, type ConditionerStats, type LinkConditions } from './conditioner.ts';
import type { Link, Transport } from '../transports/transport.ts';
import { forwardingBulk, forwardingLink, withLinkMiddleware, type LinkMiddleware } from './middleware.ts';
import { createHoldGate, type HoldScope } from './hold.ts';
import { createMessageSpeed } from './message-speed.ts';
import type { ClassroomTarget } from '../trace/classroom-wire.ts';
import type { HeldMessage } from './held-message.ts';
import type { HeldReport } from '../trace/classroom-held.ts';
import type { StepRelease } from '../trace/classroom-controller.ts';

/** Steps remembered for the held list (the current pause's; the oldest go). */
const STEPS_KEPT = 50;

export interface PeerConditions extends LinkConditions {
  /** The delay the controls set for this peer alone (delayMs adds the slow-network delay). */
  readonly ownDelayMs: number;
}

export interface NetworkConditioner {
  /** The transport to give the distribution: `transport` behind this conditioner. */
  wrap(transport: Transport): Transport;
  cut(peer: string): void;
  heal(peer: string): void;
  /** Closes the link to `peer` now. */
  disconnect(peer: string): void;
  delay(peer: string, ms: number): void;
  dropRate(peer: string, probability: number): void;
  /**
   * The message speed: a delay of the class's messages this node sends on every link, present
   * and future (0: the real network); with `peers`, only on the links to the peers it accepts.
   */
  slowNetwork(ms: number, peers?: (peer: string) => boolean): void;
  readonly slowNetworkMs: number;
  get(peer: string): PeerConditions;
  /**
   * Pause (true) or resume (false) delivery between this node and the others (both ways, or only
   * what it sends); `by`: the node whose pause it is, when not this tab's own (a teacher's).
   */
  hold(on: boolean, scope?: HoldScope, by?: string): void;
  readonly holding: boolean;
  /** Who paused this node (a teacher's node); null when it paused itself or is not paused. */
  readonly pausedBy: string | null;
  releaseOne(): boolean;
  held(): number;
  /** Messages this node holds now (held() counts the cluster's during a cluster-wide pause). */
  heldHere(): number;
  /** The oldest `limit` messages this node holds, described (held-message.ts). */
  heldMessages(limit: number): HeldMessage[];
  /** What the last releaseOne released here. */
  lastReleased(): HeldMessage | null;
  /** Held messages per node when the controls act on the whole cluster (cluster-controls.ts); else empty. */
  heldByNode(): readonly (readonly [string, number])[];
  /** What each node holds when the controls act on the whole cluster; else empty. */
  heldInCluster(): readonly HeldReport[];
  /** What each step of the current pause released (node null: this node), oldest first. */
  steps(): readonly StepRelease[];
  /** When the next delayed message is due, or null. */
  nextDueAt(): number | null;
  /** Delivers the delayed messages whose time has come; returns how many. */
  runDue(): number;
  /** Called whenever a message enters or leaves (the host re-arms its timer). */
  onActivity(cb: () => void): () => void;
  readonly stats: ConditionerStats;
}

export interface ConditionerOptions {
  /** Called with the message speed whenever it is set (the node's runtime slows its local messages alike). */
  readonly onSpeed?: (ms: number) => void;
}

export function conditionedTransport(transport: Transport, clock: Clock, random: Random, options: ConditionerOptions = {}): { transport: Transport; conditioner: NetworkConditioner } {
  const conditioner = createNetworkConditioner(clock, random, options);
  return { transport: conditioner.wrap(transport), conditioner };
}

/** A conditioner made before the transport exists (a tab goes alive later); `wrap` it then. */
export function createNetworkConditioner(clock: Clock, random: Random, options: ConditionerOptions = {}): NetworkConditioner {
  const listeners = new Set<() => void>();
  const activity = () => {
    for (const l of listeners) l();
  };
  const base = createConditioner({ clock, random });
  const speed = createMessageSpeed(clock);
  const gate = createHoldGate(activity);
  const links = new Map<string, Set<Link>>();
  const own = new Map<string, number>();
  let steps: StepRelease[] = [];

  const applyDelay = (peer: string) => base.set(peer, { delayMs: own.get(peer) ?? 0 });
  const track = (link: Link): Link => {
    let set = links.get(link.peer);
    if (set === undefined) links.set(link.peer, (set = new Set()));
    set.add(link);
    link.onClose(() => set.delete(link));
    return link;
  };
  // Outgoing messages enter the conditioner at the top; incoming ones are seen by the gate.
  const wrap = (transport: Transport): Transport =>
    withLinkMiddleware(speed.wrap(base.wrap(gate.wrap(withLinkMiddleware(transport, track)))), notifying(activity));

  return {
    wrap,
    cut: (peer) => base.cut(peer),
    heal: (peer) => base.heal(peer),
    disconnect: (peer) => {
      for (const l of [...(links.get(peer) ?? [])]) l.close();
    },
    delay(peer, ms) {
      own.set(peer, Math.max(0, ms));
      applyDelay(peer);
    },
    dropRate: (peer, p) => base.set(peer, { dropProbability: Math.min(1, Math.max(0, p)) }),
    slowNetwork(ms, peers) {
      speed.set(ms, peers);
      options.onSpeed?.(speed.ms);
    },
    get slowNetworkMs() {
      return speed.ms;
    },
    get: (peer) => ({ ...base.get(peer), ownDelayMs: own.get(peer) ?? 0 }),
    hold: (on, scope, by) => {
      if (on && !gate.holding) steps = [];
      gate.hold(on, scope, by);
      activity();
    },
    get holding() {
      return gate.holding;
    },
    get pausedBy() {
      return gate.pausedBy;
    },
    releaseOne: () => {
      const r = gate.releaseOne();
      if (r) steps = [...steps.slice(1 - STEPS_KEPT), { node: null, message: gate.lastReleased() }];
      activity();
      return r;
    },
    held: () => gate.held(),
    heldHere: () => gate.held(),
    heldMessages: (limit) => gate.heldMessages(limit),
    lastReleased: () => gate.lastReleased(),
    heldByNode: () => [],
    heldInCluster: () => [],
    steps: () => steps,
    nextDueAt: () => {
      const a = base.nextDueAt();
      const b = speed.nextDueAt();
      return a === null ? b : b === null ? a : Math.min(a, b);
    },
    // The speed's packets go on into the conditioner, which may pass them now.
    runDue: () => speed.runDue() + base.runDue(),
    onActivity(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    stats: base.stats,
  };
}

/**
 * What a teacher's request acts on, through this node's tracer: a
 * remote pause holds only what this node sends (each message is held once, at its sender), and
 * a remote message speed slows what this node sends (so each message is slowed once, at its
 * sender, and the node's runtime slows its local messages alike).
 */
export function classroomTarget(c: NetworkConditioner): ClassroomTarget {
  return {
    hold: (on, by) => c.hold(on, 'outgoing', by),
    get holding() {
      return c.holding;
    },
    get pausedBy() {
      return c.pausedBy;
    },
    heldMessages: (limit) => c.heldMessages(limit),
    lastReleased: () => c.lastReleased(),
    releaseOne: () => c.releaseOne(),
    held: () => c.held(),
    slowNetwork: (ms) => c.slowNetwork(ms),
    get slowNetworkMs() {
      return c.slowNetworkMs;
    },
  };
}

/** The activity middleware: calls `activity` after each send, on either channel (the host re-arms its timer). */
function notifying(activity: () => void): LinkMiddleware {
  return (link) => {
    const bulk = link.bulk;
    return forwardingLink(link, {
      // Straight down, within the call: it copies when the link does.
      send: (b) => (link.send(b), activity()),
      copiesOnSend: link.copiesOnSend === true,
      ...(bulk !== undefined ? { bulk: forwardingBulk(bulk, { send: (b) => (bulk.send(b), activity()) }) } : {}),
    });
  };
}
