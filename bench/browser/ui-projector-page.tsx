/**
 * The page of `npm run bench:ui`'s projector run (issue 13 §2): the teacher's cluster view of a
 * whole class, 30 nodes, 3,000 processes, 5,000 messages/s, in ONE tab at 1920×1080. This
 * machine cannot run 30 tabs, so the viewer is fed what 30 tracers would send
 * (ui-projector-feed.ts) through the very path real batches take: the tracing service's sink,
 * the cluster bridge's per-frame merge, the store, the canvas. `?canvas=on` draws it;
 * `?canvas=hidden` (the reference) feeds the same store and draws nothing. The teacher's tab
 * records everything it sees, as the app does (issue 14), unless `?norecord` (to measure what
 * recording costs). The runner drives it through `window.uiProjector`.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/ui/styles.css';
import type { Atom } from '../../src/core/term/types.ts';
import { createPlaygroundNode } from '../../src/playground/node.ts';
import { browserScheduling, startNodeLoop } from '../../src/host/node-loop.ts';
import { realEffects } from '../../src/host/real-effects.ts';
import { nodeOptionsFor, startOptionsFromUrl } from '../../src/playground/start-options.ts';
import { startTracing, type TracingService } from '../../src/distribution/trace/service.ts';
import type { TraceSink } from '../../src/distribution/trace/viewer.ts';
import { createPlaygroundStore } from '../../src/ui/store/playground-store.ts';
import type { Speed } from '../../src/ui/store/model.ts';
import { browserFrameScheduler, connectRuntime } from '../../src/ui/store/bridge.ts';
import { connectClusterView } from '../../src/ui/store/cluster-bridge.ts';
import { Playground } from '../../src/ui/canvas/Playground.tsx';
import { attachRecorder } from '../../src/playground/recording/attach.ts';
import { Recorder } from '../../src/distribution/trace/record.ts';
import { measureFrames, type Measure } from './ui-measure.ts';
import { syntheticClass } from './ui-projector-feed.ts';

export interface UiProjectorApi {
  /** Resolves once every student's card shows its processes. */
  ready(): Promise<void>;
  measure(ms: number): Promise<Measure>;
  /** Messages the synthetic class sent so far. */
  sent(): number;
}

const params = new URLSearchParams(location.search);
const num = (k: string, d: number) => Number(params.get(k) ?? d);
const effects = realEffects();
const start = startOptionsFromUrl(params, 'bench');
const name = start.node ?? 'teacher@class';
const canvas = params.get('canvas') ?? 'on';
const speed = (params.get('speed') ?? 'slow') as Speed;

const node = createPlaygroundNode(nodeOptionsFor({ ...start, node: name }, effects, () => {}));
const loop = startNodeLoop(node.node, effects.clock, browserScheduling());
const real = startTracing(node.node, { wake: loop.wake });
const feed = syntheticClass({ nodes: num('nodes', 30), processes: num('procs', 3000), rate: num('rate', 5000), start: performance.now(), random: () => effects.random.next() });
// Node numbers as a connected teacher's tab would give them (#PID<7.100.0> is student7's).
const numbers = new Map<string, number>([[name, 0], ...feed.names.map((n, i) => [n, i + 1] as const)]);
const store = createPlaygroundStore({ localNode: name, nodeNumber: (n: Atom) => numbers.get(n.name) ?? 0, speed });

// The real tracing service, whose sink also gets the class's batches (the viewer process itself
// would hand them over from the data channels; here a timer does, at each tracer's flush time).
let sink: TraceSink | null = null;
let taps: readonly TraceSink[] = [];
const tracing: TracingService = {
  tracer: real.tracer,
  view: (s) => ((sink = s), feed.subscribed(), real.view(s)),
  processInfo: (pid, done) => real.processInfo(pid, done),
  following: () => true,
  classroom: () => real.classroom(),
  // A recorder's tap sees the class's batches as it would behind the real viewer.
  tap: (t) => {
    taps = [...taps, t];
    const untap = real.tap(t);
    return () => ((taps = taps.filter((x) => x !== t)), untap());
  },
};
setInterval(() => {
  const batches = feed.due(performance.now());
  if (sink !== null) for (const b of batches) sink.batch(b);
  for (const t of taps) for (const b of batches) t.batch(b);
}, 10);

// The recorder as the app attaches it (src/ui/sequence/use-recording.ts): the node's own events
// and, through the tracing service's tap, every batch of the class.
if (!params.has('norecord')) attachRecorder(new Recorder({ clock: () => performance.now() }), { node: node.node, now: () => performance.now(), tracing });

const root = document.getElementById('root') as HTMLElement;
if (canvas === 'hidden') {
  const frames = browserFrameScheduler();
  connectRuntime(node.node, store, frames);
  connectClusterView(tracing, store, frames);
  root.textContent = 'canvas hidden';
} else {
  createRoot(root).render(
    <StrictMode>
      <div className="h-screen">
        <Playground node={node.node} store={store} tracing={tracing} projector />
      </div>
    </StrictMode>,
  );
}

const api: UiProjectorApi = {
  ready: () =>
    new Promise((resolve, reject) => {
      const until = performance.now() + 60_000;
      const check = () => {
        const s = store.getState();
        const cards = feed.names.filter((n) => s.nodes[n] !== undefined).length;
        const processes = Object.keys(s.processes).length;
        if (cards === feed.names.length && processes >= num('procs', 3000)) resolve();
        else if (performance.now() > until) reject(new Error(`not ready after 60 s: ${cards} cards, ${processes} processes, sink ${sink === null ? 'not ' : ''}given`));
        else setTimeout(check, 100);
      };
      check();
    }),
  measure: (ms) => measureFrames(store, ms),
  sent: () => feed.sent,
};
(window as unknown as { uiProjector: UiProjectorApi }).uiProjector = api;

