/**
 * bench:dist's tab ↔ real node rows (issue 15 §4): a Chromium tab served by the --beam gateway
 * (server/beam-gateway.ts: WebSocket to the server, TCP to the real node) against a real
 * `iex --sname` echo node, beside two real nodes on the same machine (the reference). Each figure
 * is timed inside the calling node with `:timer.tc`:
 * - round trip: `{self(), i}` to a registered echo, wait for `i`, N times;
 * - one way: N `{:msg, i}` to a registered sink, then `{:end, self()}` → `{:done, count}`.
 * No target yet; the machine is shared, so run it a few times.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { startServer } from '../../server/serve.ts';
import { machineEpmd } from '../../server/beam-epmd.ts';
import { realIex } from '../../src/cli/beam-testing.ts';
import type { FigureRow } from '../harness.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const HOST = hostname().split('.')[0] as string;
const RTT_N = 1000;
const ONE_WAY_N = 10_000;
const COOKIE = 'bench';

/** Echo and sink, registered on the real node the others call. */
const SERVERS = [
  'Process.register(spawn(fn -> loop = fn loop -> receive do {from, x} -> send(from, x); loop.(loop) end end; loop.(loop) end), :echo)',
  'Process.register(spawn(fn -> loop = fn loop, n -> receive do {:end, from} -> send(from, {:done, n}); loop.(loop, 0); _ -> loop.(loop, n + 1) end end; loop.(loop, 0) end), :sink)',
];

/** The two timed expressions against `target`, as a tab and a real iex both run them. */
function probes(target: string): { rtt: (n: number) => string; oneWay: (n: number) => string } {
  return {
    rtt: (n) => `:timer.tc(fn -> Enum.each(1..${n}, fn i -> send({:echo, :${target}}, {self(), i}); receive do ^i -> :ok end end) end)`,
    oneWay: (n) => `:timer.tc(fn -> Enum.each(1..${n}, fn i -> send({:sink, :${target}}, {:msg, i}) end); send({:sink, :${target}}, {:end, self()}); receive do {:done, c} -> c end end)`,
  };
}

/** Something that evaluates one Elixir expression and gives back what it printed. */
type Evaluate = (code: string) => Promise<string>;

async function measure(evaluate: Evaluate, target: string): Promise<{ rttUs: number; msgsPerSec: number }> {
  const connected = await evaluate(`Node.connect(:${target})`);
  if (!connected.includes('true')) throw new Error(`could not connect to ${target}: ${connected}`);
  const p = probes(target);
  await evaluate(p.rtt(100)); // warm both ends
  const rtt = micros(await evaluate(p.rtt(RTT_N))) / RTT_N;
  const oneWay = micros(await evaluate(p.oneWay(ONE_WAY_N)));
  return { rttUs: rtt, msgsPerSec: ONE_WAY_N / (oneWay / 1e6) };
}

function micros(out: string): number {
  const m = /\{(\d+), [^\n]*\}/.exec(out);
  if (m === null) throw new Error(`no :timer.tc result in ${JSON.stringify(out.slice(-300))}`);
  return Number(m[1]);
}

/** Types `code` in the tab's shell; resolves with what it printed once the shell is idle again. */
function tabEvaluate(page: Page): Evaluate {
  const output = page.getByRole('log', { name: 'iex output' });
  const input = page.getByRole('textbox', { name: 'iex input' });
  const shell = page.getByRole('region', { name: 'iex shell' });
  return async (code) => {
    const before = ((await output.textContent()) ?? '').length;
    await input.fill(code);
    await input.press('Enter');
    const deadline = Date.now() + 300_000;
    for (;;) {
      const text = ((await output.textContent()) ?? '').slice(before);
      // The echo of the line, then its result, then the shell idle.
      if (text.split('\n').length > 2 && (await shell.getAttribute('aria-busy')) === 'false') return text;
      if (Date.now() > deadline) throw new Error(`the tab did not finish ${code.slice(0, 60)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
}

/** The rows; `build`: build the app first (the gateway serves build/). */
export async function tabToRealNodeRows(build: boolean): Promise<FigureRow[]> {
  if (build || !existsSync(path.join(ROOT, 'build', 'index.html'))) {
    const b = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('vite build failed');
  }
  const epmd = await machineEpmd();
  const server = await startServer({ host: '127.0.0.1', port: 0, root: path.join(ROOT, 'build'), cors: false, maxPerAddress: 50, beam: epmd.access });
  const tag = process.pid;
  const target = `gateway_bench_echo${tag}@${HOST}`;
  const echo = realIex(`gateway_bench_echo${tag}`, COOKIE);
  const ref = realIex(`gateway_bench_ref${tag}`, COOKIE);
  const executablePath = ['/usr/bin/chromium'].find((p) => existsSync(p));
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox'] });
  try {
    for (const code of SERVERS) await echo.type(code);
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/?sname=gateway_bench_tab${tag}&cookie=${COOKIE}`);
    await page.getByRole('status', { name: 'signalling server' }).filter({ hasText: 'registered' }).waitFor();
    const tab = await measure(tabEvaluate(page), target);
    const real = await measure((code) => ref.type(code, 300_000), target);
    return [
      { name: 'dist-beam-rtt', unit: 'µs', ours: tab.rttUs, reference: real.rttUs, higherIsBetter: false, details: `tab -> real node through the --beam gateway; reference: real -> real node over loopback TCP; ${RTT_N} {self, i} -> i; no target yet` },
      { name: 'dist-beam-msgs', unit: 'msgs/s', ours: tab.msgsPerSec, reference: real.msgsPerSec, higherIsBetter: true, details: `${ONE_WAY_N} {:msg, i} tab -> real node, counted by the sink; reference: real -> real; no target yet` },
    ];
  } finally {
    await browser.close();
    echo.stop();
    ref.stop();
    await server.close();
  }
}
