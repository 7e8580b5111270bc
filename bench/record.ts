/**
 * `record`: what recording costs (issue 14 §5). 100 processes in a ring pass a token 200,000
 * hops (a term `{:token, n, "payload"}` per hop: one send and one receive event each) on a node
 * whose event stream feeds a Recorder (distribution/trace/record.ts: bounding the message,
 * fingerprinting it, pairing the send with its receive). Reference, in the same run: the same
 * ring with a listener that only takes the events (the cost of the trace event itself, which the
 * canvas's bridge pays anyway). Ours: µs per event recorded, over the reference. Details: heap
 * bytes per event kept (after a GC, recorder full at its bound vs empty) and the clock pass
 * (Lamport + vector clocks, record-clocks.ts) per event.
 */
import { performance } from 'node:perf_hooks';
import { SeededRandom } from '../src/core/ports.ts';
import { Tuple, atom, str, type Pid, type Term } from '../src/core/term/types.ts';
import { createNode } from '../src/core/runtime/node.ts';
import type { RuntimeEvent } from '../src/core/runtime/events.ts';
import { loopBody } from '../src/core/runtime/bodies.ts';
import { Recorder, RECORD_CAPACITY } from '../src/distribution/trace/record.ts';
import { computeClocks } from '../src/distribution/trace/record-clocks.ts';
import type { Benchmark } from './harness.ts';

const PROCS = 100;
const HOPS = 200_000;
const TOKEN = atom('token');
const PAYLOAD = str('payload of a message');

/** ms for `hops` hops with `listen` on the node's events. */
export function ringWith(listen: (e: RuntimeEvent) => void, hops: number): number {
  const node = createNode({ clock: { now: () => performance.now() }, random: new SeededRandom(1), stdout: () => {} });
  node.subscribe(listen);
  let done = false;
  const next: Pid[] = [];
  const pids: Pid[] = [];
  for (let i = 0; i < PROCS; i++) {
    const me = i;
    pids.push(
      node.spawn(
        loopBody(null, (msg: Term, s, proc) => {
          const n = (msg as Tuple).elements[1] as number;
          if (n === 0) done = true;
          else proc.send(next[me] as Pid, new Tuple([TOKEN, n - 1, PAYLOAD]));
          return s;
        }),
      ),
    );
  }
  for (let i = 0; i < PROCS; i++) next[i] = pids[(i + 1) % PROCS] as Pid;
  node.runUntilIdle();
  const t0 = performance.now();
  node.send(pids[0] as Pid, new Tuple([TOKEN, hops - 1, PAYLOAD]));
  while (!done) node.runSlice();
  return performance.now() - t0;
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Heap bytes per event that `keep` holds after `events` ring events (null without --expose-gc). */
export function heapPerEvent(keep: () => { listen: (e: RuntimeEvent) => void; size: () => number }, events = RECORD_CAPACITY): number | null {
  if ((globalThis as { gc?: () => void }).gc === undefined) return null;
  const k = keep();
  gc();
  const before = process.memoryUsage().heapUsed;
  ringWith(k.listen, events / 2 + 10);
  gc();
  const after = process.memoryUsage().heapUsed;
  return (after - before) / k.size();
}

/** A Recorder fed by the ring. */
export function recorderKeeper(): { listen: (e: RuntimeEvent) => void; size: () => number } {
  const r = new Recorder();
  return { listen: (e) => r.record('bench@lab', e), size: () => r.size };
}

export const record: Benchmark = {
  name: 'record',
  unit: 'µs/event',
  higherIsBetter: false,
  run() {
    let events = 0;
    const count = () => void events++;
    ringWith(count, HOPS / 4); // warm up
    ringWith((e) => new Recorder().record('w@lab', e), HOPS / 4);
    const best = (f: () => number) => Math.min(f(), f(), f());
    events = 0;
    const plain = best(() => ringWith(count, HOPS));
    const perRun = events / 3;
    const recorded = best(() => {
      const r = new Recorder();
      return ringWith((e) => r.record('bench@lab', e), HOPS);
    });
    const extra = ((recorded - plain) * 1000) / perRun;
    const bytes = heapPerEvent(recorderKeeper);
    const r = new Recorder();
    ringWith((e) => r.record('bench@lab', e), HOPS / 2);
    const t0 = performance.now();
    const clocks = computeClocks(r.events());
    const clockUs = ((performance.now() - t0) * 1000) / clocks.order.length;
    return {
      ours: recorded * 1000 / perRun,
      reference: plain * 1000 / perRun,
      details: `reference: the bare event, no recorder; recording adds ${extra.toFixed(3)} µs/event over the bare event; ${bytes === null ? 'heap n/a (no --expose-gc)' : `${Math.round(bytes)} bytes/event kept`}; clocks ${clockUs.toFixed(3)} µs/event over ${clocks.order.length.toLocaleString('en')} events`,
    };
  },
};
