/**
 * CPU time per GenServer.call between two playground nodes over the memory transport (the bench
 * page's Elixir code, bench/browser/dist-genserver.ts), next to the plain distributed ping-pong:
 * what a call adds over the distribution's own round trip, without WebRTC or load noise.
 *   npx tsx bench/gencall-cpu.ts [calls] [rounds]
 * Rows (best of the rounds, taking turns): the bench's native ping-pong, the same in Elixir, the
 * Elixir one with a call's monitor and demonitor around each exchange, GenServer.call;
 * GENCALL_ROWS=genServerCall,... runs only those (one row under --cpu-prof). On a loaded machine
 * many short rounds (2000 40) give steadier minima than a few long ones. For before/after figures run it bundled, as the browser runs the code (tsx
 * wraps every closure in a naming helper, which inflates closure-heavy paths):
 *   npx esbuild bench/gencall-cpu.ts --bundle --platform=node --format=esm --outfile=/tmp/g.mjs && node /tmp/g.mjs 20000 8
 */
import { elixirPingRtt, genServerRtt, startEchoServer, startElixirPing } from './browser/dist-genserver.ts';
import { echoBody, pingerBody } from './browser/dist-bodies.ts';
import { memoryPair } from './memory-pair.ts';

const CALLS = Number(process.argv[2] ?? 20_000);
const ROUNDS = Number(process.argv[3] ?? 5);

const { net, a, b } = memoryPair();
let running = false;
/** Runs both nodes and the network until nothing is left to do. */
function drive(): void {
  if (running) return;
  running = true;
  try {
    for (let idle = 0; idle < 3; ) {
      const ra = a.node.runSlice();
      const rb = b.node.runSlice();
      const moved = net.flush();
      idle = ra || rb || moved ? 0 : idle + 1;
    }
  } finally {
    running = false;
  }
}

function cpuUs(f: () => Promise<unknown>): Promise<number> {
  const c0 = process.cpuUsage();
  return f().then(() => {
    const c = process.cpuUsage(c0);
    return c.user + c.system;
  });
}

/** Runs `start`'s work on both nodes until it settles. */
async function settle<T>(start: () => Promise<T>): Promise<T> {
  let done = false;
  const p = start().finally(() => (done = true));
  while (!done) {
    drive();
    await Promise.resolve();
  }
  return p;
}

/** Best of `ROUNDS` CPU times per round trip of each row's `once(n)`, in µs; the rows take turns (warm-up and drift hit all alike). */
async function best(rows: Record<string, (n: number) => Promise<unknown>>): Promise<Record<string, number>> {
  const min: Record<string, number> = {};
  // GENCALL_ROWS=genServerCall (comma-separated) runs only those rows, e.g. under --cpu-prof.
  const only = process.env.GENCALL_ROWS?.split(',');
  const chosen = Object.entries(rows).filter(([k]) => only === undefined || only.includes(k));
  for (let r = 0; r < ROUNDS; r++) {
    for (const [k, once] of chosen) min[k] = Math.min(min[k] ?? Infinity, (await cpuUs(() => settle(() => once(CALLS)))) / CALLS);
  }
  return min;
}

async function main(): Promise<void> {
  await settle(() => startEchoServer(b, () => {}));
  const echo = b.node.spawn(echoBody());
  await settle(() => startElixirPing(b, () => {}));
  const rows = await best({
    // the bench's dist ping-pong row: native bodies, {pid, i} there and i's tuple back
    pingPong: (n) => new Promise<void>((done) => a.node.spawn(pingerBody(echo, n, done))),
    // the same exchange written in Elixir: what interpreting it costs on both sides
    elixirPingPong: (n) => elixirPingRtt(a, 'b@bench', n, false, () => {}),
    // the same with a monitor and demonitor around each exchange: what a call's two signals cost
    elixirMonitorPing: (n) => elixirPingRtt(a, 'b@bench', n, true, () => {}),
    genServerCall: (n) => genServerRtt(a, 'b@bench', n, () => {}),
  });
  console.log(JSON.stringify(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, Number(v.toFixed(2))]))));
}
void main();
