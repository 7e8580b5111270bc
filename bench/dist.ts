/**
 * `dist`: two nodes over the memory transport (bench/browser/dist-bodies.ts's processes), one
 * process sending small messages `{:msg, i}` to a process on the other node, counted at the
 * receiver; and the remote round trip. This measures the distribution layer alone (encode,
 * batch per scheduling turn, decode, deliver) without WebRTC; `npm run bench:dist` measures it
 * between browser tabs. Reference: real BEAM distribution over loopback TCP, same run.
 */
import { performance } from 'node:perf_hooks';
import { SeededRandom } from '../src/core/ports.ts';
import type { Pid } from '../src/core/term/types.ts';
import { createNode, type Node } from '../src/core/runtime/node.ts';
import { attachDistribution } from '../src/distribution/distribution.ts';
import { MemoryNetwork } from '../src/distribution/transports/memory.ts';
import type { Benchmark } from './harness.ts';
import { echoBody, pingerBody, senderBody, sinkBody } from './browser/dist-bodies.ts';
import { beamDistribution } from './browser/dist-beam.ts';

const MESSAGES = 500_000;
const PINGS = 50_000;

interface Pair {
  readonly a: Node;
  readonly b: Node;
  /** Runs both nodes and the network until `until()` holds. */
  drive(until: () => boolean): void;
}

function pair(): Pair {
  const clock = { now: () => performance.now() };
  const net = new MemoryNetwork({ maxMessageBytes: 16 * 1024 });
  const mk = (name: string, seed: number): Node => {
    const node = createNode({ clock, random: new SeededRandom(seed), stdout: () => {}, name, creation: seed });
    attachDistribution(node, { transport: net.transport(), cookie: 'bench', clock, random: new SeededRandom(seed * 31) });
    return node;
  };
  const a = mk('a@bench', 1);
  const b = mk('b@bench', 2);
  return {
    a,
    b,
    drive(until) {
      while (!until()) {
        a.runSlice();
        b.runSlice();
        net.flush();
      }
    },
  };
}

/** One-way messages per second from a process on `a` to one on `b`. */
export function distRate(p: Pair, sink: Pid, n: number): number {
  let got = -1;
  const t0 = performance.now();
  p.a.spawn(senderBody(sink, n, (count) => (got = count)));
  p.drive(() => got >= 0);
  const t1 = performance.now();
  if (got !== n) throw new Error(`sink counted ${got} of ${n}`);
  return n / ((t1 - t0) / 1000);
}

/** Mean round trip in µs between a process on `a` and an echo on `b`. */
export function distRtt(p: Pair, echo: Pid, n: number): number {
  let done = false;
  const t0 = performance.now();
  p.a.spawn(pingerBody(echo, n, () => (done = true)));
  p.drive(() => done);
  return ((performance.now() - t0) * 1000) / n;
}

export const dist: Benchmark = {
  name: 'dist',
  unit: 'msgs/s',
  higherIsBetter: true,
  async run() {
    const p = pair();
    const sink = p.b.spawn(sinkBody());
    const echo = p.b.spawn(echoBody());
    distRate(p, sink, MESSAGES / 10); // connects, and warms the JIT
    const ours = Math.max(distRate(p, sink, MESSAGES), distRate(p, sink, MESSAGES));
    distRtt(p, echo, PINGS / 10);
    const rtt = Math.min(distRtt(p, echo, PINGS), distRtt(p, echo, PINGS));
    const beam = await beamDistribution();
    const beamRtt = beam === null ? 'n/a' : beam.rttUs.toFixed(1);
    return {
      ours,
      reference: beam?.msgsPerSec ?? null,
      details: `memory transport vs BEAM over loopback TCP; {:msg, i}; round trip ${rtt.toFixed(1)} µs (BEAM ${beamRtt} µs)`,
    };
  },
};
