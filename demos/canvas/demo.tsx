/**
 * A scratch page for the playground (canvas-demo.html): a real node running a Ticker with
 * clients, a crashing worker, and two pretend remote nodes (one up, one refused), so the
 * canvas can be looked at and screenshotted without distribution. `?n=200&rate=1000` adds
 * n chatty processes sending `rate` messages a second in total (the performance check).
 * Not part of the app: the lead mounts <Playground> in App.tsx.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../../src/ui/styles.css';
import { createNode } from '../../src/core/runtime/node.ts';
import { TIMEOUT, generatorBody, receive, sleep } from '../../src/core/runtime/bodies.ts';
import { atom, Pid, tuple, type Term, type Tuple } from '../../src/core/term/types.ts';
import { browserScheduling, realClock, startNodeLoop } from '../../src/host/node-loop.ts';
import { createPlaygroundStore } from '../../src/ui/store/playground-store.ts';
import { Playground } from '../../src/ui/canvas/Playground.tsx';

const params = new URLSearchParams(location.search);
const node = createNode({ clock: realClock, random: { next: Math.random }, stdout: () => {}, name: 'one@lab', creation: 1 });
const loop = startNodeLoop(node, realClock, browserScheduling());
const store = createPlaygroundStore({ localNode: 'one@lab', speed: (params.get('speed') as never) ?? 'normal' });

const isTuple = (m: Term, tag: string) => typeof m === 'object' && m.kind === 'tuple' && m.elements[0] === atom(tag);

// The Ticker: clients register, then get {:tick, n} every 800 ms.
const ticker = node.spawn(generatorBody(function* (proc) {
  proc.register(atom('ticker'), proc.self);
  const clients: Pid[] = [];
  for (let n = 1; ; n++) {
    const m = yield receive(() => true, 800);
    if (m !== TIMEOUT && m !== undefined && isTuple(m, 'register')) clients.push((m as Tuple).elements[1] as Pid);
    else for (const c of clients) proc.send(c, tuple(atom('tick'), n));
  }
}, ['Elixir.Ticker', 'loop', 1]));

const remotePid = new Pid(atom('two@lab'), 110, 0, 7);
for (let i = 0; i < 3; i++) {
  node.spawn(generatorBody(function* (proc) {
    proc.link(ticker);
    proc.monitor(ticker);
    proc.send(atom('ticker'), tuple(atom('register'), proc.self));
    for (;;) {
      // The last client is slow: its mailbox fills up between naps.
      if (i === 2) yield sleep(3000);
      const m = yield receive();
      if (i === 0) proc.send(remotePid, tuple(atom('got'), m as Term));
    }
  }, ['Elixir.Client', 'loop', 0]));
}

// A worker that crashes a second after it starts, every few seconds.
node.spawn(generatorBody(function* (proc) {
  for (;;) {
    proc.spawn(generatorBody(function* () {
      yield sleep(1000);
      return tuple(atom('bad_return'), atom('oops'));
    }));
    yield sleep(3500);
  }
}));

// Chatty processes for the performance check.
const n = Number(params.get('n') ?? 0);
const rate = Number(params.get('rate') ?? 0);
if (n > 0) {
  const pids: Pid[] = [];
  const every = rate > 0 ? (1000 * n) / rate : 1000;
  for (let i = 0; i < n; i++) {
    pids.push(node.spawn(generatorBody(function* (proc) {
      for (let k = 0; ; k++) {
        yield sleep(every);
        const to = pids[(i + 1 + (k % 7)) % pids.length];
        if (to !== undefined) proc.send(to, tuple(atom('ping'), k));
        while ((yield receive(() => true, 0)) !== undefined && proc.mailboxLength() > 0);
      }
    })));
  }
}

// Pretend remote nodes until distribution pushes real ones.
store.getState().setConnection('two@lab', { kind: 'up' });
store.getState().applyBatch({
  node: 'two@lab',
  events: [],
  processes: [64, 110, 111].map((id) => ({
    pid: new Pid(atom('two@lab'), id, 0, 7), status: 'waiting' as const, registeredName: id === 110 ? atom('collector') : undefined,
    messageQueueLen: 0, links: [], reductions: 0, groupLeader: new Pid(atom('two@lab'), 64, 0, 7),
  })),
}, performance.now());
store.getState().setConnection('three@lab', { kind: 'refused', reason: 'the cookies differ' });

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <div className="h-screen">
      <Playground node={node} store={store} onSend={(pid, src) => console.log('send', pid, src)} delivery={{ onPauseChange: () => {}, onStep: () => {} }} classroom={{ onCut: () => {}, onHeal: () => {} }} />
    </div>
  </StrictMode>,
);
loop.wake();
