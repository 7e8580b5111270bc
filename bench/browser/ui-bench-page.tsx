/**
 * The page `npm run bench:ui` (ui-fps.ts) opens in 8 browser contexts: a playground node over
 * PeerJS with the tracing service, a share of the load (worker processes and a driver that
 * sends to workers on the other nodes), and, on the viewer tab, the playground canvas showing
 * the whole cluster (`?canvas=on`) or the same store feeding with nothing drawn (`?canvas=hidden`,
 * the reference). The runner drives it through `window.uiBench`.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/ui/styles.css';
import { Tuple, atom, type Atom, type Term } from '../../src/core/term/types.ts';
import { generatorBody, loopBody, receive } from '../../src/core/runtime/bodies.ts';
import { createPlaygroundNode } from '../../src/playground/node.ts';
import { createPeerJsTransport, registerNode } from '../../src/distribution/transports/peerjs.ts';
import { browserScheduling, startNodeLoop } from '../../src/host/node-loop.ts';
import { realEffects } from '../../src/host/real-effects.ts';
import { nodeOptionsFor, startOptionsFromUrl } from '../../src/playground/start-options.ts';
import { startTracing } from '../../src/distribution/trace/service.ts';
import type { Distribution } from '../../src/distribution/dist-types.ts';
import { signallingConfigFor } from '../../src/ui/signalling-config.ts';
import { createPlaygroundStore } from '../../src/ui/store/playground-store.ts';
import type { Speed } from '../../src/ui/store/model.ts';
import { browserFrameScheduler, connectRuntime } from '../../src/ui/store/bridge.ts';
import { connectClusterView, connectDistribution } from '../../src/ui/store/cluster-bridge.ts';
import { Playground } from '../../src/ui/canvas/Playground.tsx';
import { createNetworkConditioner } from '../../src/distribution/middleware/network-controls.ts';
import { driveConditioner } from '../../src/host/drive-conditioner.ts';
import { setLocalSpeed } from '../../src/playground/local-speed.ts';
import { measureFrames, type Measure } from './ui-measure.ts';
import { attachRecorder } from '../../src/playground/recording/attach.ts';
import { Recorder } from '../../src/distribution/trace/record.ts';

export type { Measure };

export interface UiBenchApi {
  /** Resolves once this tab's node is alive (registered with the signalling server). */
  alive(): Promise<string>;
  connect(nodes: readonly string[]): Promise<boolean[]>;
  /** Spawns `procs` workers and a driver sending `rate` messages/s to the workers of `peers`. */
  startLoad(procs: number, rate: number, peers: readonly string[], procsPerPeer: number): void;
  measure(ms: number): Promise<Measure>;
  /** Messages the workers of this node received. */
  received(): number;
}

const params = new URLSearchParams(location.search);
// This page is a composition root: real effects, and the node's name parsed as a tab's.
const effects = realEffects();
const start = startOptionsFromUrl(params, 'bench');
const name = start.node ?? 'n1@bench';
const viewer = params.get('viewer') === '1';
const canvas = params.get('canvas') ?? 'on';

const { clock: realClock, random } = effects;
const node = createPlaygroundNode(nodeOptionsFor({ ...start, node: name }, effects, () => {}));
const scheduling = browserScheduling();
const loop = startNodeLoop(node.node, realClock, scheduling);
const tracing = startTracing(node.node);
// As a tab's: the viewer's message speed slows its local and outgoing messages (delivery follows the tokens).
const conditioner = createNetworkConditioner(realClock, random, { onSpeed: (ms) => setLocalSpeed(node.node, ms) });
driveConditioner(conditioner, realClock, scheduling, loop.wake);
let dist: Distribution | null = null;
const aliveWaiters: ((n: string) => void)[] = [];
const config = signallingConfigFor(location);
const peer = registerNode(name, config, (s) => {
  if (s.type !== 'registered' || dist !== null) return;
  dist = node.goAlive({ transport: conditioner.wrap(createPeerJsTransport(peer, config)), cookie: 'bench', clock: realClock, random, wake: loop.wake });
  loop.wake();
  for (const w of aliveWaiters.splice(0)) w(name);
  if (viewer) mountViewer(dist);
});

let received = 0;
const speed = (params.get('speed') ?? 'normal') as Speed;
const store = createPlaygroundStore({ localNode: name, nodeNumber: node.nodeNumber, speed });

function mountViewer(d: Distribution): void {
  const root = document.getElementById('root') as HTMLElement;
  // The viewer records everything it sees, as the page does (issue 14: recording is always on).
  if (!params.has('norecord')) attachRecorder(new Recorder({ clock: () => performance.now() }), { node: node.node, now: () => performance.now(), dist: d, tracing });
  if (canvas === 'hidden') {
    // The reference: the same runtime, tracing and store work, nothing drawn.
    const frames = browserFrameScheduler();
    connectRuntime(node.node, store, frames);
    connectDistribution(d, store);
    connectClusterView(tracing, store, frames).view.follow(d);
    root.textContent = 'canvas hidden';
    return;
  }
  createRoot(root).render(
    <StrictMode>
      <div className="h-screen">
        <Playground node={node.node} store={store} tracing={tracing} dist={d} conditioner={conditioner} />
      </div>
    </StrictMode>,
  );
}

function startLoad(procs: number, rate: number, peers: readonly string[], procsPerPeer: number): void {
  for (let i = 0; i < procs; i++) {
    const pid = node.node.spawn(loopBody(0, (_m, n) => (received++, n + 1), ['bench', 'worker', 0]));
    node.node.register(atom(`w${i}`), pid);
  }
  const targets: Atom[] = peers.map((p) => atom(p));
  if (targets.length === 0 || rate <= 0) return;
  const TICK = 20;
  node.node.spawn(
    generatorBody(function* (proc) {
      let owed = 0;
      let last = proc.now();
      for (let seq = 0; ; ) {
        yield receive(() => false, TICK);
        const now = proc.now();
        owed += ((now - last) * rate) / 1000;
        last = now;
        for (; owed >= 1; owed--) {
          const to = targets[Math.floor(Math.random() * targets.length)] as Atom;
          const w = atom(`w${Math.floor(Math.random() * procsPerPeer)}`);
          proc.send(new Tuple([w, to]), new Tuple([atom('tick'), seq++]) as Term);
        }
      }
    }, ['bench', 'driver', 0]),
  );
  loop.wake();
}

const api: UiBenchApi = {
  alive: () => new Promise((resolve) => (dist !== null ? resolve(name) : aliveWaiters.push(resolve))),
  connect: (nodes) =>
    Promise.all(
      nodes.map(
        (n) =>
          new Promise<boolean>((resolve) => {
            const now = dist?.connect(atom(n), resolve);
            if (now === undefined || now.type === 'ignored') resolve(false);
            else if (now.type === 'done') resolve(now.result);
            loop.wake();
          }),
      ),
    ),
  startLoad,
  measure: (ms) => measureFrames(store, ms),
  received: () => received,
};
(window as unknown as { uiBench: UiBenchApi }).uiBench = api;
