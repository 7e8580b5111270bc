/**
 * A deterministic cluster for tests (and benchmarks): nodes on one simulated clock, a memory
 * network, a link conditioner per node, and loops that run everything until quiet or move time
 * forward event by event (node timers, held messages).
 */
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import type { LogLevel } from '../core/ports.ts';
import type { Atom, Pid, Term } from '../core/term/types.ts';
import { atom } from '../core/term/types.ts';
import { createNode } from '../core/runtime/node.ts';
import type { Node } from '../core/runtime/node.ts';
import type { ProcessBody } from '../core/runtime/process-body.ts';
import { loopBody } from '../core/runtime/bodies.ts';
import { attachDistribution } from './distribution.ts';
import type { Distribution, DistributionOptions } from './dist-types.ts';
import { createConditioner } from './middleware/conditioner.ts';
import type { Conditioner } from './middleware/conditioner.ts';
import { MemoryNetwork } from './transports/memory.ts';
import type { Link, Transport } from './transports/transport.ts';
import { createInitiator } from './handshake/initiator.ts';
import { PLAYGROUND_FLAGS } from './handshake/flags.ts';

export interface TestPeer {
  readonly name: Atom;
  readonly node: Node;
  readonly dist: Distribution;
  readonly conditioner: Conditioner;
  readonly logs: [LogLevel, string][];
  readonly out: string[];
}

export type PeerOptions = Partial<Omit<DistributionOptions, 'transport' | 'clock' | 'random' | 'logger'>> & {
  cookie?: string;
  seed?: number;
  /** A layer between the node and its conditioned memory transport (a test's own link middleware). */
  wrapTransport?: (t: Transport) => Transport;
  /** The bare memory transport, without the conditioner. */
  bare?: boolean;
};

export class Cluster {
  readonly clock = new SimulatedClock();
  readonly net: MemoryNetwork;
  readonly peers: TestPeer[] = [];
  private seed = 1;

  /**
   * `lendMessages` (default true): the links lend their messages and write over them once read,
   * as a data channel's do (Link.lendsMessages), so every cluster test also checks that no layer
   * keeps a message's bytes without a copy.
   */
  constructor(opts: { maxMessageBytes?: number; highWaterBytes?: number; bulkChannels?: boolean; lendMessages?: boolean } = {}) {
    this.net = new MemoryNetwork({
      lendMessages: opts.lendMessages ?? true,
      maxMessageBytes: opts.maxMessageBytes ?? 16 * 1024,
      ...(opts.highWaterBytes !== undefined ? { highWaterBytes: opts.highWaterBytes } : {}),
      ...(opts.bulkChannels === true ? { bulkChannels: true } : {}),
    });
  }

  add(name: string, o: PeerOptions = {}): TestPeer {
    const seed = o.seed ?? this.seed++;
    const logs: [LogLevel, string][] = [];
    const out: string[] = [];
    const logger = { log: (level: LogLevel, text: string) => void logs.push([level, text]) };
    const node = createNode({ clock: this.clock, random: new SeededRandom(seed), stdout: (t) => out.push(t), name, creation: seed, logger });
    const random = new SeededRandom(seed * 7919);
    const conditioner = createConditioner({ clock: this.clock, random });
    const { wrapTransport, bare, ...options } = o;
    const transport = bare === true ? this.net.transport() : conditioner.wrap(this.net.transport());
    const dist = attachDistribution(node, {
      cookie: 'secret',
      ...options,
      transport: wrapTransport !== undefined ? wrapTransport(transport) : transport,
      clock: this.clock,
      random,
      logger,
    });
    const p: TestPeer = { name: node.name, node, dist, conditioner, logs, out };
    this.peers.push(p);
    return p;
  }

  /** Runs nodes, the network and due held messages until nothing moves at the current time. */
  settle(maxRounds = 100_000): void {
    for (let i = 0; i < maxRounds; i++) {
      let moved = 0;
      for (const p of this.peers) moved += p.node.runUntilIdle();
      moved += this.net.flush();
      for (const p of this.peers) moved += p.conditioner.runDue();
      if (moved === 0 && !this.peers.some((p) => p.node.hasWork())) return;
    }
    throw new Error('cluster did not settle');
  }

  /** Moves the clock forward by `ms`, stopping at every node timer and held message on the way. */
  advance(ms: number): void {
    const end = this.clock.now() + ms;
    this.settle();
    for (;;) {
      let next = Infinity;
      for (const p of this.peers) {
        const t = p.node.nextTimerAt();
        if (t !== null && t < next) next = t;
        const h = p.conditioner.nextDueAt();
        if (h !== null && h < next) next = h;
      }
      if (next > end) break;
      if (next > this.clock.now()) this.clock.set(next);
      this.settle();
    }
    this.clock.set(end);
    this.settle();
  }

  /** `Node.connect` from `a` to `b`, settled; returns what the BIF would return. */
  connect(a: TestPeer, b: Atom | TestPeer): boolean | 'ignored' {
    const target = 'name' in b && 'node' in b ? b.name : (b as Atom);
    let result: boolean | null = null;
    const now = a.dist.connect(target, (ok) => (result = ok));
    if (now.type === 'ignored') return 'ignored';
    if (now.type === 'done') return now.result;
    this.settle();
    if (result === null) throw new Error('connect still pending after settle');
    return result;
  }
}

/** A process that keeps every message it receives. */
export function collect(node: Node, trapExit = false): { pid: Pid; got: Term[] } {
  const got: Term[] = [];
  const pid = node.spawn(
    loopBody(got, (m, s) => {
      s.push(m);
      return s;
    }),
  );
  if (trapExit) node.processApi(pid)?.setTrapExit(true);
  return { pid, got };
}

export const A = atom;

/**
 * A hand-driven peer: a real handshake with `target`, then whatever bytes the test sends. With
 * `stopAtAck`, it stops when challenge_ack arrives: `target` is up, this side never accepts.
 */
export function rawPeer(c: Cluster, name: string, target: TestPeer, o: { stopAtAck?: boolean } = {}): { link: Link; closed: string[] } {
  const t = c.net.transport();
  t.listen(name, () => {});
  const closed: string[] = [];
  let link: Link | null = null;
  const init = createInitiator({
    myName: name, myFlags: PLAYGROUND_FLAGS, creation: 5, cookieFor: () => 'secret', random: new SeededRandom(3), peerName: target.name.name,
  });
  t.connect(target.name.name, (r) => {
    if (!r.ok) throw new Error(r.reason);
    link = r.link;
    r.link.onMessage((b) => {
      if (o.stopAtAck === true && init.state === 'await_ack') return;
      if (init.state !== 'up') for (const m of init.receive(b).send) r.link.send(m);
    });
    r.link.onClose((reason) => closed.push(reason));
    for (const m of init.start().send) r.link.send(m);
  });
  c.settle();
  if (link === null || init.state !== (o.stopAtAck === true ? 'await_ack' : 'up')) throw new Error('raw handshake failed');
  return { link, closed };
}

/** A process body that sends each of `msgs` ([to, term]) once, in its first run, then exits. */
export function sendsOnce(msgs: [Pid, Term][]): ProcessBody {
  let sent = false;
  return {
    run(proc) {
      if (!sent) for (const [to, m] of msgs) proc.send(to, m);
      sent = true;
      return { type: 'exit', reductions: msgs.length, reason: atom('normal') };
    },
  };
}
