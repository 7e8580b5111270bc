/**
 * The in-page half of `npm run bench:class`: one tab of the classroom. class-run.ts opens this
 * page in N browser contexts and calls `window.classBench` with page.evaluate. Each page runs a
 * playground node (createPlaygroundNode, goAlive over the PeerJS transport through the embedded
 * signalling server, the app's host loop), a receiver registered as `:class_rx` and, during the
 * traffic phase, a sender (class-bodies.ts).
 */
import { atom } from '../../src/core/term/types.ts';
import { createPlaygroundNode, type PlaygroundNode } from '../../src/playground/node.ts';
import { createPeerJsTransport, registerNode } from '../../src/distribution/transports/peerjs.ts';
import { browserScheduling, startNodeLoop } from '../../src/host/node-loop.ts';
import { realEffects } from '../../src/host/real-effects.ts';
import { distributionStart, nodeOptionsFor, type StartOptions } from '../../src/playground/start-options.ts';
import { signallingConfigFor } from '../../src/ui/signalling-config.ts';
import { RECEIVER, STOP, receiverBody, senderBody, type SenderState } from './class-bodies.ts';
import { newPairCheck, see, type PairCheck, type PairReport } from './class-tally.ts';
import type { Pid } from '../../src/core/term/types.ts';

const config = signallingConfigFor(location);
let pnode: PlaygroundNode | null = null;
let wake: () => void = () => {};
const checks = new Map<string, PairCheck>();
let sender: { pid: Pid; state: SenderState } | null = null;

function node(): PlaygroundNode {
  if (pnode === null) throw new Error('start() first');
  return pnode;
}

function dist() {
  const d = node().dist;
  if (d === null) throw new Error('not alive');
  return d;
}

const api = {
  /** Starts this tab's node as `iex --sname <sname> --cookie <cookie> [--connect-all false]` would, registered at the server. */
  async start(sname: string, host: string, cookie: string, connectAll: boolean): Promise<string> {
    const name = `${sname}@${host}`;
    const start: StartOptions = { node: name, cookie, hidden: false, ...(connectAll ? {} : { connectAll: false }) };
    const effects = realEffects();
    const n = createPlaygroundNode(nodeOptionsFor(start, effects, () => {}));
    const loop = startNodeLoop(n.node, effects.clock, browserScheduling());
    wake = loop.wake;
    await new Promise<void>((resolve, reject) => {
      const peer = registerNode(name, config, (s) => {
        if (s.type === 'registered') {
          if (n.dist === null) n.goAlive({ transport: createPeerJsTransport(peer, config), cookie, clock: effects.clock, random: effects.random, wake: loop.wake, ...distributionStart(start) });
          resolve();
        } else if (s.type === 'refused') reject(new Error(s.reason));
      });
    });
    pnode = n;
    const rx = n.node.spawn(
      receiverBody((from, i) => {
        let pair = checks.get(from);
        if (pair === undefined) checks.set(from, (pair = newPairCheck()));
        see(pair, i);
      }),
    );
    n.node.register(RECEIVER, rx);
    loop.wake();
    return name;
  },

  /** `Node.connect(peer)`: resolves true once connected (the mesh then grows on its own). */
  connect(peer: string): Promise<boolean> {
    const d = dist();
    return new Promise<boolean>((resolve) => {
      const now = d.connect(atom(peer), resolve);
      if (now.type === 'done') resolve(now.result);
      if (now.type === 'ignored') resolve(false);
      wake();
    });
  },

  /** Node.list, as names. */
  peers(): string[] {
    return node().dist?.list().map((a) => a.name) ?? [];
  },

  /** Resolves with the ms until Node.list holds `count` nodes (polled each 5 ms), or rejects after `timeoutMs`. */
  waitForPeers(count: number, timeoutMs: number): Promise<number> {
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const poll = () => {
        const n = api.peers().length;
        if (n >= count) return resolve(performance.now() - t0);
        if (performance.now() - t0 > timeoutMs) return reject(new Error(`${n} of ${count} peers after ${timeoutMs} ms`));
        setTimeout(poll, 5);
      };
      poll();
    });
  },

  /** Starts the sender: `perTick` messages to every peer in Node.list each `everyMs`. */
  startSending(perTick: number, everyMs: number): number {
    const peers = dist().list();
    const state: SenderState = { sent: new Map(), stopped: false };
    sender = { pid: node().node.spawn(senderBody(peers, perTick, everyMs, state)), state };
    wake();
    return peers.length;
  },

  stopSending(): void {
    if (sender !== null) node().node.send(sender.pid, STOP);
    wake();
  },

  /** What the sender sent, per receiving node. */
  sent(): Record<string, number> {
    return Object.fromEntries(sender?.state.sent ?? []);
  },

  /** What the receiver checked, per sending node. */
  received(): PairReport[] {
    const to = dist().list('this')[0]?.name ?? '';
    return [...checks].map(([from, p]) => ({ from, to, received: p.received, reordered: p.reordered, duplicated: p.duplicated }));
  },
};

export type ClassBenchApi = typeof api;
(window as unknown as { classBench: ClassBenchApi }).classBench = api;
