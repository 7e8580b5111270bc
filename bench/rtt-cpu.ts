/**
 * CPU time and bytes allocated per distributed round trip (the bench's native ping-pong,
 * `{self, i}` there and `i` back) between two playground nodes over the memory transport: the
 * per-hop cost of the distribution without WebRTC or load noise. Run it bundled, as the browser
 * runs the code, with a young generation large enough that no GC lands in a measured run:
 *   npx esbuild bench/rtt-cpu.ts --bundle --platform=node --format=esm --outfile=/tmp/rtt.mjs
 *   node --min-semi-space-size=256 --max-semi-space-size=256 /tmp/rtt.mjs [trips] [rounds] [--heap]
 * Prints the best CPU µs per trip of the rounds and the bytes allocated per trip (heap growth
 * over a run with no GC in it; a run that saw a GC is not counted). `--heap` adds V8's sampling
 * heap profile of one run: the functions that allocate, in bytes per trip (the memory transport's
 * own copy and queue entry are in it: a data channel allocates its event and buffer instead).
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { echoBody, pingerBody } from './browser/dist-bodies.ts';
import { memoryPair } from './memory-pair.ts';
import { printHeapProfile } from './heap-profile.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const TRIPS = Number(args[0] ?? 20_000);
const ROUNDS = Number(args[1] ?? 8);
const HEAP = process.argv.includes('--heap');

const { net, a, b } = memoryPair();

/** Runs both nodes and the network until `done()` says so. */
function drive(done: () => boolean): void {
  while (!done()) {
    a.node.runSlice();
    b.node.runSlice();
    net.flush();
  }
}

let gcs = 0;
new PerformanceObserver((l) => (gcs += l.getEntries().length)).observe({ entryTypes: ['gc'] });

/** One run of n trips: CPU µs per trip, and bytes allocated per trip (NaN when a GC ran in it). */
async function once(echo: ReturnType<typeof b.node.spawn>, n: number): Promise<{ cpu: number; alloc: number }> {
  // Let the observer hear of earlier GCs first.
  await new Promise((r) => setTimeout(r, 20));
  const gc0 = gcs;
  let finished = false;
  const heap0 = process.memoryUsage().heapUsed;
  const c0 = process.cpuUsage();
  a.node.spawn(pingerBody(echo, n, () => (finished = true)));
  drive(() => finished);
  const c = process.cpuUsage(c0);
  const heap1 = process.memoryUsage().heapUsed;
  await new Promise((r) => setTimeout(r, 20));
  return { cpu: (c.user + c.system) / n, alloc: gcs === gc0 ? (heap1 - heap0) / n : NaN };
}

async function main(): Promise<void> {
  const echo = b.node.spawn(echoBody());
  await once(echo, 2000); // connect and warm up
  let cpu = Infinity;
  const allocs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const x = await once(echo, TRIPS);
    cpu = Math.min(cpu, x.cpu);
    if (!Number.isNaN(x.alloc)) allocs.push(x.alloc);
  }
  allocs.sort((x, y) => x - y);
  const alloc = allocs.length > 0 ? Math.round(allocs[allocs.length >> 1] as number) : NaN;
  console.log(JSON.stringify({ cpuUsPerTrip: Number(cpu.toFixed(2)), bytesPerTrip: alloc, runsWithoutGc: allocs.length, rounds: ROUNDS }));
  if (HEAP) await printHeapProfile(() => once(echo, TRIPS), TRIPS, 'trip', 4);
  process.exit(0);
}
void main();
