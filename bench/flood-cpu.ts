/**
 * CPU time and bytes allocated per one-way message (the bench's flood, `{:msg, i}` from a sender
 * on a@bench to a sink on b@bench, counted at the sink) over the memory transport, split into the
 * sender's side (its node's slice: the sends, encoding, batching, the flush onto the link) and the
 * receiver's (the network's delivery into b's link handler: frame, decode, dispatch, mailbox; and
 * b's slice: the sink taking them). The per-message cost of dist-msgs without WebRTC or load
 * noise. Run it bundled, as the browser runs the code, with a young generation large enough that
 * no GC lands in a measured run:
 *   npx esbuild bench/flood-cpu.ts --bundle --platform=node --format=esm --outfile=/tmp/flood.mjs
 *   node --min-semi-space-size=256 --max-semi-space-size=256 /tmp/flood.mjs [messages] [rounds] [--heap]
 * Prints the best total, sender and receiver CPU µs per message of the rounds (each the best of
 * its own column), and the median bytes allocated per message over the runs without a GC; `--heap`
 * adds V8's sampling heap profile of one run, in bytes per message by allocating function.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { senderBody, sinkBody } from './browser/dist-bodies.ts';
import { memoryPair } from './memory-pair.ts';
import { printHeapProfile } from './heap-profile.ts';

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const MESSAGES = Number(args[0] ?? 200_000);
const ROUNDS = Number(args[1] ?? 8);
const HEAP = process.argv.includes('--heap');

const { net, a, b } = memoryPair();

let gcs = 0;
new PerformanceObserver((l) => (gcs += l.getEntries().length)).observe({ entryTypes: ['gc'] });

const us = (c: NodeJS.CpuUsage): number => c.user + c.system;

interface Run {
  readonly sender: number;
  readonly receiver: number;
  readonly alloc: number;
}

/** One flood of n messages: CPU µs per message on each side, bytes allocated per message (NaN when a GC ran in it). */
async function once(sink: ReturnType<typeof b.node.spawn>, n: number): Promise<Run> {
  await new Promise((r) => setTimeout(r, 20));
  const gc0 = gcs;
  let got = -1;
  let sender = 0;
  let receiver = 0;
  const heap0 = process.memoryUsage().heapUsed;
  a.node.spawn(senderBody(sink, n, (count) => (got = count)));
  while (got < 0) {
    const c0 = process.cpuUsage();
    a.node.runSlice();
    const c1 = process.cpuUsage();
    net.flush();
    b.node.runSlice();
    const c2 = process.cpuUsage();
    sender += us(c1) - us(c0);
    receiver += us(c2) - us(c1);
  }
  const heap1 = process.memoryUsage().heapUsed;
  if (got !== n) throw new Error(`sink counted ${got} of ${n}`);
  await new Promise((r) => setTimeout(r, 20));
  return { sender: sender / n, receiver: receiver / n, alloc: gcs === gc0 ? (heap1 - heap0) / n : NaN };
}

async function main(): Promise<void> {
  const sink = b.node.spawn(sinkBody());
  await once(sink, 20_000); // connect and warm up
  let total = Infinity;
  let sender = Infinity;
  let receiver = Infinity;
  const allocs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const x = await once(sink, MESSAGES);
    total = Math.min(total, x.sender + x.receiver);
    sender = Math.min(sender, x.sender);
    receiver = Math.min(receiver, x.receiver);
    if (!Number.isNaN(x.alloc)) allocs.push(x.alloc);
  }
  allocs.sort((x, y) => x - y);
  const alloc = allocs.length > 0 ? Math.round(allocs[allocs.length >> 1] as number) : NaN;
  const f = (x: number): number => Number(x.toFixed(3));
  console.log(JSON.stringify({ cpuUsPerMsg: f(total), senderUs: f(sender), receiverUs: f(receiver), bytesPerMsg: alloc, runsWithoutGc: allocs.length, rounds: ROUNDS }));
  if (HEAP) await printHeapProfile(() => once(sink, MESSAGES), MESSAGES, 'msg', 2);
  process.exit(0);
}
void main();
