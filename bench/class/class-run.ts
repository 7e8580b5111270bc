/**
 * `npm run bench:class [-- --tabs=12] [-- --seconds=60] [-- --rate=10] [-- --clients=500]
 * [-- --connect-all=false] [-- --json] [-- --no-build] [-- --no-beam]`: a whole classroom in one cluster.
 *
 * 1. N tabs (browser contexts of one system Chromium) register at the embedded signalling server,
 *    which runs in a process of its own (class-server.ts) so its CPU and memory are its own. They
 *    join one at a time, each `Node.connect`ing to the first tab; the transitive mesh does the
 *    rest. Figure: time until the N-th tab's Node.list holds the N-1 others (and until all see it).
 * 2. Every tab sends `rate` messages a second to every other (class-bodies.ts) for `seconds`.
 *    Figures: CPU (main-thread task time, Chrome's Performance.getMetrics) and JS heap per tab,
 *    messages delivered, and lost and reordered ones, counted per sender→receiver pair at the
 *    receiver from sequence numbers (class-tally.ts). Both must be 0.
 * 3. The signalling server alone against `clients` simulated clients registering, listing and
 *    leaving (signalling-load.ts): latency p50/p99, its CPU and memory.
 * References: the same classroom on N real BEAM nodes on this machine (class-beam.ts), and EPMD,
 * BEAM's name server, under the same load as the signalling server (epmd-load.ts).
 */
import { spawnSync, fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import type { ClassBenchApi } from './class-page.ts';
import { CLASS_BENCH_OUT } from './class.vite.config.ts';
import type { ServerMessage, ServerStats } from './class-server.ts';
import { quantile, signallingLoad } from './signalling-load.ts';
import { tally, type PairReport, type Tally } from './class-tally.ts';
import { beamClass, type BeamClassFigures } from './class-beam.ts';
import { epmdLoad } from './epmd-load.ts';
import { descendantsPss } from './process-memory.ts';
import type { LoadResult } from './signalling-load.ts';
import { printComparison, type FigureRow } from '../harness.ts';

const PORT = Number(process.env.BENCH_PORT ?? 5197);
const HOST = 'class';
const COOKIE = 'class-cookie';
/** No step of a healthy run takes this long: a stuck tab fails the run instead of hanging it. */
const STEP_TIMEOUT_MS = 120_000;

export interface ClassOptions {
  readonly tabs: number;
  readonly seconds: number;
  /** Messages a second from each tab to each other tab. */
  readonly rate: number;
  readonly clients: number;
  readonly connectAll: boolean;
  readonly build: boolean;
  readonly beam: boolean;
}

export type Row = FigureRow;

export function parseArgs(args: readonly string[]): ClassOptions & { json: boolean } {
  const value = (flag: string, fallback: number): number => {
    const a = args.find((x) => x.startsWith(`--${flag}=`));
    const n = a === undefined ? fallback : Number(a.slice(flag.length + 3));
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${flag} wants a positive number, got ${a}`);
    return n;
  };
  const tabs = Math.floor(value('tabs', 12));
  if (tabs < 2) throw new Error('--tabs wants at least 2');
  return {
    tabs,
    seconds: value('seconds', 60),
    rate: value('rate', 10),
    clients: Math.floor(value('clients', 500)),
    connectAll: !args.includes('--connect-all=false'),
    build: !args.includes('--no-build'),
    beam: !args.includes('--no-beam'),
    json: args.includes('--json'),
  };
}

/** `rate` msgs/s per pair as the sender's ticks: `perTick` messages every `everyMs` (10 ticks a second at most). */
export function ticks(rate: number): { perTick: number; everyMs: number } {
  return rate >= 10 ? { perTick: Math.round(rate / 10), everyMs: 100 } : { perTick: 1, everyMs: Math.round(1000 / rate) };
}

const started = Date.now();
const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function call<K extends keyof ClassBenchApi>(page: Page, fn: K, ...args: Parameters<ClassBenchApi[K]>): Promise<Awaited<ReturnType<ClassBenchApi[K]>>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${fn} did not finish in ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS);
  });
  const run = page.evaluate(
    ([f, a]) => {
      const api = (window as unknown as { classBench: Record<string, (...xs: unknown[]) => unknown> }).classBench;
      return (api[f] as (...xs: unknown[]) => unknown)(...a);
    },
    [fn as string, args as unknown[]] as const,
  );
  try {
    return (await Promise.race([run, timeout])) as Awaited<ReturnType<ClassBenchApi[K]>>;
  } finally {
    clearTimeout(timer);
  }
}

/** The signalling server's process, forked: `stats()` asks it for its CPU time and memory. */
async function startServer(): Promise<{ stats: () => Promise<ServerStats>; stop: () => void }> {
  const child: ChildProcess = fork(new URL('./class-server.ts', import.meta.url).pathname, [String(PORT), CLASS_BENCH_OUT], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiters: ((m: ServerMessage) => void)[] = [];
  child.on('message', (m) => waiters.shift()?.(m as ServerMessage));
  const next = () => new Promise<ServerMessage>((resolve, reject) => {
    waiters.push(resolve);
    child.once('exit', (code) => reject(new Error(`the signalling server exited (${code})`)));
  });
  const ready = await next();
  if (ready.type !== 'ready') throw new Error('the signalling server did not start');
  return {
    async stats() {
      const answer = next();
      child.send('stats');
      const m = await answer;
      if (m.type !== 'stats') throw new Error('no stats from the signalling server');
      return m.stats;
    },
    stop: () => void child.kill(),
  };
}

interface Tab {
  readonly page: Page;
  readonly cdp: CDPSession;
  readonly name: string;
}

/** Main-thread task time (s) and JS heap in use (bytes) of a tab, from Chrome's own counters. */
async function metrics(tab: Tab): Promise<{ taskSeconds: number; heapUsed: number }> {
  const { metrics: ms } = (await tab.cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (n: string) => ms.find((m) => m.name === n)?.value ?? 0;
  return { taskSeconds: get('TaskDuration'), heapUsed: get('JSHeapUsedSize') };
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const mb = (bytes: number) => bytes / (1024 * 1024);

interface Measured {
  readonly joinLastMs: number;
  readonly joinLastAllMs: number;
  readonly joinTotalMs: number;
  readonly cpuPercent: readonly number[];
  readonly heap: readonly number[];
  readonly delivered: number;
  readonly wallSeconds: number;
  readonly tally: Tally;
  readonly serverJoinCpuMs: number;
  readonly serverTrafficCpuMs: number;
  readonly serverRss: number;
  readonly serverHeap: number;
  /** The browser's PSS with the N tabs minus before them, per tab; null where /proc is missing. */
  readonly browserPerTab: number | null;
}

async function openTabs(browser: Browser, o: ClassOptions): Promise<Tab[]> {
  const tabs: Tab[] = [];
  for (let i = 0; i < o.tabs; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('pageerror', (e) => log(`tab ${i} page error: ${e.message}`));
    page.on('console', (m) => void (m.type() === 'error' && log(`tab ${i} console: ${m.text()}`)));
    await page.goto(`http://localhost:${PORT}/classb/bench/class/class.html`);
    await page.waitForFunction(() => (window as unknown as { classBench?: unknown }).classBench !== undefined);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    tabs.push({ page, cdp, name: await call(page, 'start', `student${i + 1}`, HOST, COOKIE, o.connectAll) });
  }
  return tabs;
}

async function classroom(o: ClassOptions, server: { stats: () => Promise<ServerStats> }): Promise<Measured> {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-renderer-backgrounding', '--disable-background-timer-throttling'],
  });
  try {
    const s0 = await server.stats();
    const chromium = /chrom/i;
    const pss0 = descendantsPss(process.pid, chromium);
    log(`${o.tabs} tabs registering...`);
    const tabs = await openTabs(browser, o);
    const [first] = tabs as [Tab];
    log('joining the mesh one tab at a time...');
    const joinStart = performance.now();
    let joinLastMs = 0;
    let joinLastAllMs = 0;
    const want = (k: number) => (o.connectAll ? k : 1);
    for (let k = 1; k < tabs.length; k++) {
      const tab = tabs[k] as Tab;
      const t0 = performance.now();
      if (!(await call(tab.page, 'connect', first.name))) throw new Error(`${tab.name} could not connect to ${first.name}`);
      await call(tab.page, 'waitForPeers', want(k), STEP_TIMEOUT_MS);
      const own = performance.now() - t0;
      // Everyone before it sees it too before the next one comes (with connect_all false only the first).
      await Promise.all(tabs.slice(0, k).map((t, j) => call(t.page, 'waitForPeers', o.connectAll ? k : j === 0 ? k : 1, STEP_TIMEOUT_MS)));
      const all = performance.now() - t0;
      if (k === tabs.length - 1) [joinLastMs, joinLastAllMs] = [own, all];
      if (k % 4 === 0 || k === tabs.length - 1) log(`  tab ${k + 1}: in the mesh after ${own.toFixed(0)} ms, seen by all after ${all.toFixed(0)} ms`);
    }
    const joinTotalMs = performance.now() - joinStart;
    const s1 = await server.stats();

    const { perTick, everyMs } = ticks(o.rate);
    log(`traffic: ${o.rate} msgs/s from every tab to every other for ${o.seconds} s...`);
    const m0 = await Promise.all(tabs.map(metrics));
    const w0 = performance.now();
    await Promise.all(tabs.map((t) => call(t.page, 'startSending', perTick, everyMs)));
    await sleep(o.seconds * 1000);
    await Promise.all(tabs.map((t) => call(t.page, 'stopSending')));
    const m1 = await Promise.all(tabs.map(metrics));
    const pss1 = descendantsPss(process.pid, chromium);
    const wallSeconds = (performance.now() - w0) / 1000;
    const s2 = await server.stats();
    // Wait until what was sent has arrived (or 15 s): what is still missing then is lost.
    let result = await count(tabs);
    for (let t = 0; t < 150 && result.received < result.sent; t++) {
      await sleep(100);
      result = await count(tabs);
    }
    return {
      joinLastMs,
      joinLastAllMs,
      joinTotalMs,
      cpuPercent: m1.map((m, i) => ((m.taskSeconds - (m0[i]?.taskSeconds ?? 0)) / wallSeconds) * 100),
      heap: m1.map((m) => m.heapUsed),
      delivered: result.received,
      wallSeconds,
      tally: result,
      serverJoinCpuMs: s1.cpuMs - s0.cpuMs,
      serverTrafficCpuMs: s2.cpuMs - s1.cpuMs,
      serverRss: s2.rss,
      serverHeap: s2.heapUsed,
      browserPerTab: pss0 === null || pss1 === null ? null : (pss1 - pss0) / o.tabs,
    };
  } finally {
    await browser.close();
  }
}

async function count(tabs: readonly Tab[]): Promise<Tally> {
  const sent: Record<string, Record<string, number>> = {};
  const pairs: PairReport[] = [];
  for (const t of tabs) {
    sent[t.name] = await call(t.page, 'sent');
    pairs.push(...(await call(t.page, 'received')));
  }
  return tally(sent, pairs);
}

export async function runClass(o: ClassOptions): Promise<Row[]> {
  if (o.build) {
    log('building...');
    const b = spawnSync('npx', ['vite', 'build', '--config', 'bench/class/class.vite.config.ts'], { stdio: 'inherit', env: { ...process.env, BENCH_PORT: String(PORT) } });
    if (b.status !== 0) throw new Error('vite build failed');
  }
  const server = await startServer();
  let m: Measured;
  let load: Awaited<ReturnType<typeof signallingLoad>>;
  let loadCpuMs: number;
  let loadRss: number;
  try {
    m = await classroom(o, server);
    log(`the signalling server alone: ${o.clients} clients registering, listing, leaving...`);
    const l0 = await server.stats();
    load = await signallingLoad(`localhost:${PORT}`, o.clients);
    const l1 = await server.stats();
    loadCpuMs = l1.cpuMs - l0.cpuMs;
    loadRss = l1.rss;
  } finally {
    server.stop();
  }
  const { perTick, everyMs } = ticks(o.rate);
  let beam: BeamClassFigures | null = null;
  if (o.beam) {
    log(`the same class on ${o.tabs} BEAM nodes (erl -sname, loopback TCP)...`);
    beam = await beamClass(o.tabs, o.seconds, perTick, everyMs).catch((e: unknown) => {
      log(`BEAM reference failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    });
  }
  // EPMD (up since the BEAM nodes started) under the same load as the signalling server.
  let epmd: LoadResult | null = null;
  if (o.beam) {
    log(`EPMD alone: ${o.clients} clients registering, listing, leaving...`);
    epmd = await epmdLoad(o.clients).catch((e: unknown) => {
      log(`EPMD reference failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    });
  }
  const n = o.tabs;
  const t = m.tally;
  // With --connect-all=false the class is a star around the first tab.
  const shape = o.connectAll ? { holds: `the ${n - 1} others`, links: (n * (n - 1)) / 2, to: 'every other' } : { holds: 'the first (a star: connect_all false)', links: n - 1, to: 'each it is connected to' };
  if (t.faults.length > 0) log(`faults:\n  ${t.faults.slice(0, 20).join('\n  ')}`);
  const maxOf = (xs: readonly number[]) => Math.max(...xs);
  const beamNote = beam === null ? '' : `; BEAM: ${beam.sent.toLocaleString('en')} sent, ${beam.lost} lost, ${beam.reordered} reordered`;
  return [
    { name: 'class-join', unit: 'ms', ours: m.joinLastMs, reference: beam?.joinLastMs ?? null, higherIsBetter: false, details: `tab ${n} of ${n}: its Node.connect to the first until its Node.list holds ${shape.holds}; seen by all after ${m.joinLastAllMs.toFixed(0)} ms; reference: node ${n} of ${n} BEAM nodes` },
    { name: 'class-join-all', unit: 'ms', ours: m.joinTotalMs, reference: beam?.joinTotalMs ?? null, higherIsBetter: false, details: `${n - 1} tabs joining one after another until all see each other` },
    { name: 'class-tab-memory', unit: 'MB', ours: mb(mean(m.heap)), reference: beam === null ? null : mb(beam.memoryPerNode), higherIsBetter: false, details: `JS heap in use per tab after the traffic (max ${mb(maxOf(m.heap)).toFixed(1)} MB); reference: erlang:memory(total) per BEAM node` },
    { name: 'class-browser-memory', unit: 'MB', ours: m.browserPerTab === null ? NaN : mb(m.browserPerTab), reference: beam === null ? null : mb(beam.memoryPerNode), higherIsBetter: false, details: `Chromium's memory (PSS of its processes) with the ${n} tabs minus before them, per tab: renderer, WebRTC connections and all; reference: erlang:memory(total) per BEAM node` },
    { name: 'class-tab-cpu', unit: '% core', ours: mean(m.cpuPercent), reference: beam?.cpuPercentPerNode ?? null, higherIsBetter: false, details: `main-thread task time per tab during the traffic (max ${maxOf(m.cpuPercent).toFixed(1)} %); reference: statistics(runtime) per BEAM node` },
    { name: 'class-msgs', unit: 'msgs/s', ours: m.delivered / m.wallSeconds, reference: null, higherIsBetter: true, details: `delivered in the whole class: ${o.rate} msgs/s from each tab to ${shape.to} for ${o.seconds} s (${t.sent.toLocaleString('en')} sent over ${t.pairs} pairs)` },
    { name: 'class-lost', unit: 'msgs', ours: t.lost, reference: null, higherIsBetter: false, details: `sent minus received per sender→receiver pair, counted at the receiver; must be 0${beamNote}` },
    { name: 'class-reordered', unit: 'msgs', ours: t.reordered, reference: null, higherIsBetter: false, details: `arrived after a later number from the same sender; must be 0 (duplicated: ${t.duplicated})` },
    { name: 'class-server-join-cpu', unit: 'ms', ours: m.serverJoinCpuMs, reference: null, higherIsBetter: false, details: `signalling server CPU time while ${n} tabs registered and met (${shape.links} connections); during the traffic ${m.serverTrafficCpuMs.toFixed(0)} ms` },
    { name: 'class-server-memory', unit: 'MB', ours: mb(m.serverRss), reference: null, higherIsBetter: false, details: `signalling server resident memory (a Node process running tsx) with ${n} tabs registered; JS heap ${mb(m.serverHeap).toFixed(1)} MB` },
    ...latencyRows('register', load.register, epmd?.register ?? null, o.clients),
    ...latencyRows('list', load.list, epmd?.list ?? null, o.clients),
    ...latencyRows('leave', load.leave, epmd?.leave ?? null, o.clients, `; the list empty ${load.emptyAfterMs.toFixed(0)} ms after the last close`),
    { name: 'class-signal-cpu', unit: 'ms', ours: loadCpuMs, reference: null, higherIsBetter: false, details: `signalling server CPU time for ${o.clients} clients registering, listing and leaving` },
    { name: 'class-signal-memory', unit: 'MB', ours: mb(loadRss), reference: null, higherIsBetter: false, details: `signalling server resident memory after the ${o.clients} clients` },
  ];
}

function latencyRows(what: string, xs: readonly number[], epmd: readonly number[] | null, clients: number, more = ''): Row[] {
  const words: Record<string, string> = {
    register: 'websocket opened to OPEN; reference: EPMD, TCP connect to ALIVE2_RESP',
    list: 'GET of the registered ids (each saw them all); reference: EPMD NAMES_REQ',
    leave: 'close sent to closed; reference: EPMD, a TCP close',
  };
  return [0.5, 0.99].map((q) => ({
    name: `class-signal-${what}-p${q * 100}`,
    unit: 'ms',
    ours: quantile(xs, q),
    reference: epmd === null ? null : quantile(epmd, q),
    higherIsBetter: false,
    details: `${clients} clients at once: ${words[what] ?? what}${more}`,
  }));
}

export function print(rows: readonly Row[], json: boolean): void {
  printComparison(
    rows.map(({ name, unit, higherIsBetter, ours, reference, details }) => ({ name, unit, higherIsBetter, result: { ours, reference, details } })),
    { reference: 'reference', short: 'ref' },
    json,
  );
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const rows = await runClass(o);
  print(rows, o.json);
  const lost = rows.find((r) => r.name === 'class-lost')?.ours ?? 0;
  const reordered = rows.find((r) => r.name === 'class-reordered')?.ours ?? 0;
  if (lost > 0 || reordered > 0) process.exitCode = 1;
}

main().then(
  // The browser and the forked server are closed; nothing else should keep the process.
  () => process.exit(process.exitCode ?? 0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
