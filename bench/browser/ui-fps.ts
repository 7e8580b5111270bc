/**
 * `npm run bench:ui [-- --no-build] [-- --seconds=10] [-- --json]`: the cluster view under load,
 * with token labels on (speed `slow`), each figure printed beside its reference from the same run:
 * - 8 nodes in 8 browser contexts, 500 processes, 1,000 messages/s across nodes; the first tab
 *   shows the whole cluster (tracing service) with message animation on: frames per second and
 *   the longest task (PerformanceObserver 'longtask'); the reference is the same run with the
 *   canvas hidden (the same store fed, nothing drawn). Targets: ≥ 55 fps, no task > 50 ms.
 * - the projector (issue 13 §2): the teacher's view of a whole class, 30 nodes, 3,000 processes,
 *   5,000 messages/s, in one 1920×1080 tab fed synthetic trace batches (ui-projector-page.tsx);
 *   its reference is the same feed with the canvas hidden. Same targets.
 * - first load of the app: the entry script and its preloads, gzipped (≤ 350 KB; what else arrived
 *   before the input took keys is printed beside it), and time until the iex input
 *   takes keys, on loopback (< 1 s).
 * - recording (issue 14 §5): the viewer records everything it sees, as the app does; each canvas
 *   run is made twice, recording on and off (`--record=on|off` for one of them, `--no-record` is
 *   `--record=off`), so the recorder's cost on the canvas is read beside it.
 * - the sequence diagram (issue 14 §5, ui-sequence.ts): first render of 10,000 events (< 200 ms)
 *   and scrolling (≥ 55 fps). `--only=sequence` runs it alone (with the first load).
 * `--json` prints every figure with its target.
 * It builds the app (vite.config.ts) and the bench page (ui-bench.vite.config.ts), serves both
 * with the signalling server in this process, and drives system Chromium.
 *
 * Also printed (stderr): CPU seconds per browser process over the measured window (the viewer's
 * renderer and the GPU process, which composites without a GPU): unlike fps, not skewed by other
 * work on a shared machine. Diagnosis: `--only=cluster|projector|load`, `--only-on` (skip the reference), `--speed=instant` (no
 * tokens), `--shot=/tmp/x` (screenshots of the viewer), `--profile` (CPU profile of the viewer,
 * top functions; UIB_PROFILE_OUT=file keeps it), `--trace` (Chrome trace totals, and the
 * main thread's long tasks by wall clock and by its own CPU time, with the full GCs' pauses;
 * UIB_TRACE_OUT=file keeps the events, UIB_TRACE_CATEGORIES replaces the categories).
 * UIB_MINIFY=0 keeps function names readable.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser, type Page } from '@playwright/test';
import { processCpu } from './process-cpu.ts';
import { serveBench } from './serve.ts';
import { printSequence, sequenceBench } from './ui-sequence.ts';
import type { Measure, UiBenchApi } from './ui-bench-page.tsx';
import type { UiProjectorApi } from './ui-projector-page.tsx';
import { UI_BENCH_OUT } from './ui-bench.vite.config.ts';

const PORT = Number(process.env.BENCH_PORT ?? 5197);
const NODES = 8;
const PROCESSES = 500;
const RATE = 1000;
const args = process.argv.slice(2);
const SECONDS = Number(args.find((a) => a.startsWith('--seconds='))?.split('=')[1] ?? 10);
const WARMUP_MS = 3000;
const PROFILE = args.includes('--profile');
/**
 * Token animation speed on the viewer: `slow` (1 s a token) by default, the fastest speed whose
 * tokens carry labels (SPEED_DURATION_MS, token-drawing.ts's LABEL_MIN_DURATION): the canvas is
 * measured with labels on. `normal` (500 ms) draws no label; `instant` no token.
 */
const SPEED = args.find((a) => a.startsWith('--speed='))?.split('=')[1] ?? 'slow';
/** `--only=cluster` (the 8 real tabs), `--only=projector` (the 30 synthetic nodes), `--only=sequence` (the diagram) or `--only=load` (the first load alone); all by default. */
const ONLY = args.find((a) => a.startsWith('--only='))?.split('=')[1] ?? 'all';
const JSON_OUT = args.includes('--json');
/** The projector run (issue 13 §2): a whole class on the teacher's screen, fed synthetic trace batches. */
const PROJECTOR = { nodes: 30, processes: 3000, rate: 5000 } as const;
const ONLY_ON = args.includes('--only-on');
/**
 * `--record=both` (default): each canvas run with the viewer recording (as the app does) and
 * again without, to read what recording costs the canvas; `on` or `off` (`--no-record`) for one.
 */
const RECORD = args.includes('--no-record') ? 'off' : (args.find((a) => a.startsWith('--record='))?.split('=')[1] ?? 'both');
if (!['both', 'on', 'off'].includes(RECORD)) throw new Error(`--record=${RECORD}: on, off or both`);
/** Targets (issues 11, 13 §2, 14 §5), printed beside the figures and in --json. */
const TARGETS = { fps: 55, longestTaskMs: 50, longTasks: 0, firstLoadGzipKB: 350, ttiMs: 1000, sequenceRenderMs: 200, sequenceFps: 55 } as const;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const log = (line: string) => process.stderr.write(`${line}\n`);

type Bench = { uiBench: UiBenchApi };
type Projector = { uiProjector: UiProjectorApi };
type Run = Measure & { received: number };

async function clusterRun(browser: Browser, canvas: 'on' | 'hidden', prefix: string, record: boolean): Promise<Measure & { received: number }> {
  const names = Array.from({ length: NODES }, (_, i) => `${prefix}${i + 1}@bench`);
  const pages: Page[] = [];
  for (const [i, n] of names.entries()) {
    const ctx = await browser.newContext({ viewport: i === 0 ? { width: 1600, height: 1000 } : { width: 800, height: 600 } });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => log(`${n}: page error: ${e.message}`));
    await page.goto(`http://localhost:${PORT}/uib/bench/browser/ui-bench.html?name=${n}&viewer=${i === 0 ? 1 : 0}&canvas=${canvas}&speed=${encodeURIComponent(SPEED)}${record ? '' : '&norecord'}`);
    await page.waitForFunction(() => (window as unknown as Partial<Bench>).uiBench !== undefined);
    await page.evaluate(() => (window as unknown as Bench).uiBench.alive());
    pages.push(page);
  }
  const viewer = pages[0] as Page;
  const ok = await viewer.evaluate((others) => (window as unknown as Bench).uiBench.connect(others), names.slice(1));
  if (ok.some((x) => !x)) throw new Error(`connect failed: ${JSON.stringify(ok)}`);
  await new Promise((r) => setTimeout(r, 1500)); // the mesh completes (:global's connect-all)
  for (const [i, page] of pages.entries()) {
    const procs = Math.floor(PROCESSES / NODES) + (i < PROCESSES % NODES ? 1 : 0);
    const peers = names.filter((_, j) => j !== i);
    await page.evaluate(([p, r, ps, pp]) => (window as unknown as Bench).uiBench.startLoad(p, r, ps, pp), [procs, RATE / NODES, peers, Math.floor(PROCESSES / NODES)] as const);
  }
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  const before = await Promise.all(pages.map((p) => p.evaluate(() => (window as unknown as Bench).uiBench.received())));
  const since = performance.now();
  const m = await observed(browser, viewer, `${canvas}${record ? '' : ' (not recording)'}`, () => viewer.evaluate((ms) => (window as unknown as Bench).uiBench.measure(ms), SECONDS * 1000));
  const shot = args.find((a) => a.startsWith('--shot='))?.split('=')[1];
  if (shot !== undefined) await viewer.screenshot({ path: `${shot}-${canvas}.png` });
  const after = await Promise.all(pages.map((p) => p.evaluate(() => (window as unknown as Bench).uiBench.received())));
  const received = after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0);
  for (const p of pages) await p.context().close();
  // Over the time between the two counts (profiling and screenshots make it longer than SECONDS).
  return { ...m, received: (received * 1000) / (performance.now() - since) };
}

/**
 * The projector (issue 13 §2): one tab at 1920×1080 showing 30 nodes, 3,000 processes and
 * 5,000 messages/s, fed what 30 tracers would send (ui-projector-page.tsx); `hidden` is the
 * reference, the same feed into the same store with nothing drawn.
 */
async function projectorRun(browser: Browser, canvas: 'on' | 'hidden', record: boolean): Promise<Run> {
  const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => log(`projector: page error: ${e.message}`));
  const q = `name=teacher@class&canvas=${canvas}&speed=${encodeURIComponent(SPEED)}&nodes=${PROJECTOR.nodes}&procs=${PROJECTOR.processes}&rate=${PROJECTOR.rate}${record ? '' : '&norecord'}`;
  await page.goto(`http://localhost:${PORT}/uib/bench/browser/ui-projector.html?${q}`);
  await page.waitForFunction(() => (window as unknown as Partial<Projector>).uiProjector !== undefined);
  await page.evaluate(() => (window as unknown as Projector).uiProjector.ready());
  await new Promise((r) => setTimeout(r, WARMUP_MS));
  const before = await page.evaluate(() => (window as unknown as Projector).uiProjector.sent());
  const since = performance.now();
  const m = await observed(browser, page, `projector ${canvas}${record ? '' : ' (not recording)'}`, () => page.evaluate((ms) => (window as unknown as Projector).uiProjector.measure(ms), SECONDS * 1000));
  const shot = args.find((a) => a.startsWith('--shot='))?.split('=')[1];
  if (shot !== undefined) await page.screenshot({ path: `${shot}-projector-${canvas}.png` });
  const after = await page.evaluate(() => (window as unknown as Projector).uiProjector.sent());
  await ctx.close();
  return { ...m, received: ((after - before) * 1000) / (performance.now() - since) };
}

/**
 * Runs `run` (the measuring window on `viewer`) and prints, beside it, the CPU seconds of each
 * browser process and, with --profile (--trace), the viewer's CPU profile (trace totals).
 */
async function observed<T>(browser: Browser, viewer: Page, label: string, run: () => Promise<T>): Promise<T> {
  const TRACE = args.includes('--trace');
  const cdp = PROFILE || TRACE ? await viewer.context().newCDPSession(viewer) : null;
  const traceEvents: TraceEvent[] = [];
  if (cdp !== null && TRACE) {
    cdp.on('Tracing.dataCollected', (e) => void traceEvents.push(...(e.value as unknown as typeof traceEvents)));
    await cdp.send('Tracing.start', { categories: process.env.UIB_TRACE_CATEGORIES ?? 'devtools.timeline,disabled-by-default-devtools.timeline,cc,viz,gpu,blink', transferMode: 'ReportEvents' });
  }
  if (cdp !== null) await cdp.send('Performance.enable');
  if (cdp !== null && PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const metricsBefore = cdp === null ? null : await cdp.send('Performance.getMetrics');
  const cpuBefore = await processCpu(browser);
  const m = await run();
  const cpuAfter = await processCpu(browser);
  // CPU seconds per process over the window: unlike fps, not skewed by other work on the machine.
  const used = [...cpuAfter].map(([id, v]) => ({ id, type: v.type, s: v.cpu - (cpuBefore.get(id)?.cpu ?? 0) })).sort((a, b) => b.s - a.s);
  log(`  ${label} cpu s: ${used.slice(0, 4).map((u) => `${u.type} ${u.s.toFixed(2)}`).join(', ')}; total ${used.reduce((a, u) => a + u.s, 0).toFixed(2)}`);
  if (cdp !== null && metricsBefore !== null) {
    const after = await cdp.send('Performance.getMetrics');
    const get = (x: typeof after, n: string) => x.metrics.find((e) => e.name === n)?.value ?? 0;
    for (const n of ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount']) {
      log(`  ${label} ${n}: ${(get(after, n) - get(metricsBefore, n)).toFixed(3)}`);
    }
  }
  if (cdp !== null && PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    if (process.env.UIB_PROFILE_OUT) writeFileSync(process.env.UIB_PROFILE_OUT, JSON.stringify(profile));
    const self = new Map<string, number>();
    const dt = profile.timeDeltas ?? [];
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    (profile.samples ?? []).forEach((id, i) => {
      const n = byId.get(id);
      const key = `${n?.callFrame.functionName || '(anon)'} ${n?.callFrame.url.split('/').pop()}:${n?.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) log(`    ${v.toFixed(0).padStart(6)} ms  ${k}`);
  }
  if (cdp !== null && TRACE) {
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
    if (process.env.UIB_TRACE_OUT) writeFileSync(process.env.UIB_TRACE_OUT, JSON.stringify(traceEvents));
    const tot = new Map<string, number>();
    for (const e of traceEvents) if (e.ph === 'X' && e.dur !== undefined) tot.set(`${e.name} [${e.tid}]`, (tot.get(`${e.name} [${e.tid}]`) ?? 0) + e.dur / 1000);
    for (const [k, v] of [...tot].sort((a, b) => b[1] - a[1]).slice(0, 40)) log(`    trace ${v.toFixed(0).padStart(6)} ms  ${k}`);
    log(`  ${label} ${taskCpu(traceEvents)}`);
    const layouts = traceEvents.filter((e) => e.name === 'Layout' && e.dur !== undefined).sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
    for (const e of layouts.slice(0, 5)) log(`    layout ${((e.dur ?? 0) / 1000).toFixed(1)} ms ${JSON.stringify((e as unknown as { args: unknown }).args).slice(0, 600)}`);
  }
  return m;
}

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly tid: number;
  readonly pid: number;
  readonly cat: string;
  readonly dur?: number;
  /** The thread's own CPU time in the event, µs (wall `dur` minus the time it waited for a core). */
  readonly tdur?: number;
  readonly args?: { readonly name?: string; readonly type?: string };
}

/**
 * The viewer's main-thread tasks over 50 ms by wall clock and by the thread's own CPU time, and its
 * full GCs' pauses: on a shared machine most wall-clock long tasks are the thread waiting for a
 * core (a few ms of CPU in 100+ ms), which the page cannot remove; those by CPU time it can.
 */
function taskCpu(events: readonly TraceEvent[]): string {
  const main = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => e.tid));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(e.tid));
  const ms = (us: number | undefined) => (us ?? 0) / 1000;
  const byWall = tasks.filter((e) => ms(e.dur) > 50).length;
  const byCpu = tasks.filter((e) => ms(e.tdur) > 50).length;
  const longestCpu = Math.max(0, ...tasks.map((e) => ms(e.tdur)));
  const gcs = events.filter((e) => e.ph === 'X' && e.name === 'MajorGC' && main.has(e.tid));
  const gc = gcs.map((e) => `${ms(e.dur).toFixed(0)} (${ms(e.tdur).toFixed(0)} CPU)`).join(', ');
  return `main-thread tasks over 50 ms: ${byWall} by wall clock, ${byCpu} by its own CPU time (longest ${longestCpu.toFixed(1)} ms); full GCs ${gcs.length}${gcs.length > 0 ? `, ms: ${gc}` : ''}`;
}

/**
 * The JS a named tab needs before its iex input takes keys: the page's entry script and the
 * chunks it preloads (`<script src>`, `<link rel="modulepreload">`), which is what the target
 * holds. Beside it, every script that arrived before the input took keys, by URL as well as by
 * type (a modulepreload chunk is fetched as "other" by some Chromium versions), each counted
 * once: dynamic chunks (PeerJS once the page is idle, the recording panel once the tab is alive)
 * join that count only when the machine is slow enough that they arrive first, so it is not the
 * one held to the target.
 */
async function firstLoad(browser: Browser): Promise<{ jsGzipKB: number; files: number; fetchedGzipKB: number; ttiMs: number; names: string[] }> {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const scripts = new Map<string, Promise<Buffer | null>>();
  page.on('response', (r) => {
    const url = new URL(r.url());
    const js = r.request().resourceType() === 'script' || /\.m?js$/.test(url.pathname);
    if (js && !scripts.has(url.pathname)) scripts.set(url.pathname, r.body().catch(() => null));
  });
  const html = (await (await page.goto(`http://localhost:${PORT}/?sname=loadtest&cookie=bench`))?.text()) ?? '';
  await page.getByLabel('iex input').waitFor({ state: 'visible' });
  await page.waitForFunction(() => {
    const el = document.querySelector('[aria-label="iex input"]') as HTMLInputElement | HTMLTextAreaElement | null;
    return el !== null && !el.disabled;
  });
  const ttiMs = await page.evaluate(() => performance.now());
  // From the HTML as served: Vite's dynamic imports add modulepreload links to the live document.
  const entry = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"|<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)].map(
    (m) => new URL(m[1] ?? m[2] ?? '', `http://localhost:${PORT}/`).pathname,
  );
  const names = [...scripts.keys()];
  const bodies = (await Promise.all(scripts.values())).filter((b): b is Buffer => b !== null);
  if (bodies.length !== names.length) throw new Error(`first load: ${names.length - bodies.length} script bodies could not be read`);
  const missing = entry.filter((e) => !scripts.has(e));
  if (missing.length > 0) throw new Error(`first load: the page's entry scripts were not fetched: ${missing.join(', ')}`);
  const gzipped = new Map(names.map((n, i) => [n, gzipSync(bodies[i] as Buffer).length]));
  const kb = (of: readonly string[]) => of.reduce((sum, n) => sum + (gzipped.get(n) ?? 0), 0) / 1024;
  await ctx.close();
  return { jsGzipKB: kb(entry), files: entry.length, fetchedGzipKB: kb(names), ttiMs, names };
}

function table(rows: string[][]): void {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const [i, r] of rows.entries()) {
    console.log(r.map((c, j) => c.padEnd(widths[j] ?? 0)).join('  ').trimEnd());
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) {
    log('building the app and the bench page...');
    for (const cmd of [['vite', 'build', '--logLevel', 'warn'], ['vite', 'build', '--config', 'bench/browser/ui-bench.vite.config.ts']]) {
      const b = spawnSync('npx', cmd, { stdio: 'inherit', cwd: root });
      if (b.status !== 0) throw new Error(`${cmd.join(' ')} failed`);
    }
  }
  const server = await serveBench(PORT, { '/uib': UI_BENCH_OUT }, path.join(root, 'build'));

  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    // Each part's canvas run with the viewer recording (`on`), without (`off`: the recorder's
    // cost, measured right after), and the reference with the canvas hidden (recording as `on`).
    type Part = { on: Run; off?: Run; hidden: Run };
    const results: { cluster?: Part; projector?: Part } = {};
    const canvasRuns = async (what: string, run: (canvas: 'on' | 'hidden', record: boolean, tag: string) => Promise<Run>): Promise<Part> => {
      const recording = RECORD !== 'off';
      log(`${what}, canvas on${recording ? ', recording' : ', not recording'}...`);
      const on = await run('on', recording, 'a');
      let off: Run | undefined;
      if (RECORD === 'both') {
        log('the same, not recording...');
        off = await run('on', false, 'c');
      }
      log('the same with the canvas hidden (reference)...');
      const hidden = ONLY_ON ? on : await run('hidden', recording, 'b');
      return off === undefined ? { on, hidden } : { on, off, hidden };
    };
    if (ONLY === 'all' || ONLY === 'cluster') {
      results.cluster = await canvasRuns(`cluster view: ${NODES} tabs, ${PROCESSES} processes, ${RATE} messages/s`, (c, r, tag) => clusterRun(browser, c, tag, r));
    }
    if (ONLY === 'all' || ONLY === 'projector') {
      results.projector = await canvasRuns(`projector: ${PROJECTOR.nodes} synthetic nodes, ${PROJECTOR.processes} processes, ${PROJECTOR.rate} messages/s`, (c, r) => projectorRun(browser, c, r));
    }
    log('first load...');
    const load = await firstLoad(browser);
    // Issue 14 §5: the sequence diagram at 10,000 events (ui-sequence.ts).
    const sequence = ONLY === 'all' || ONLY === 'sequence' ? (log('sequence diagram, 10,000 events...'), await sequenceBench(browser)) : undefined;
    const machine = { cores: cpus().length, loadavg: loadavg() };
    if (JSON_OUT) {
      console.log(JSON.stringify({ speed: SPEED, seconds: SECONDS, record: RECORD, machine, targets: TARGETS, ...results, firstLoad: load, ...(sequence ? { sequence } : {}) }, null, 2));
      return;
    }
    const f = (n: number, d = 1) => n.toFixed(d);
    const { cluster, projector } = results;
    console.log(`\nui-fps: the viewer tab over ${SECONDS} s, tokens at speed "${SPEED}"${SPEED === 'slow' || SPEED === 'slow motion' ? ' (labels on)' : ''}`);
    if (cluster !== undefined) console.log(`- 8 nodes: ${NODES} tabs in ${NODES} contexts over WebRTC, ${PROCESSES} processes, ${RATE} msgs/s across nodes, 1600×1000`);
    if (projector !== undefined) console.log(`- projector: ${PROJECTOR.nodes} nodes fed synthetic trace batches, ${PROJECTOR.processes} processes, ${PROJECTOR.rate} msgs/s, 1920×1080, projector mode`);
    console.log(`- the viewer records what it sees (as the app does)${RECORD === 'both' ? ', and again without recording' : RECORD === 'off' ? ': not in this run (--no-record)' : ''}`);
    // All tabs share this machine's cores: with other work running, every figure drops.
    console.log(`machine: ${machine.cores} cores, load average ${machine.loadavg.map((x) => x.toFixed(1)).join(' ')} (1/5/15 min) at the end\n`);
    const ours = RECORD === 'off' ? 'canvas on, not recording (ours)' : 'canvas on, recording (ours)';
    const columns = (label: string, p: Part | undefined): [string, Run][] =>
      p === undefined ? [] : [[`${label}, ${ours}`, p.on], ...(p.off ? ([[`${label}, canvas on, not recording`, p.off]] as [string, Run][]) : []), [`${label}, canvas hidden (reference)`, p.hidden]];
    const runs: [string, Run][] = [...columns('8 nodes', cluster), ...columns(`projector ${PROJECTOR.nodes} nodes`, projector)];
    const row = (metric: string, get: (r: Run) => string, target: string) => [metric, ...runs.map(([, r]) => get(r)), target];
    if (runs.length > 0) {
      table([
        ['metric', ...runs.map(([n]) => n), 'target'],
        row('frames per second', (r) => f(r.fps), `≥ ${TARGETS.fps}`),
        row('longest task (ms)', (r) => f(r.longestTaskMs, 0), `≤ ${TARGETS.longestTaskMs}`),
        row('long tasks (> 50 ms)', (r) => String(r.longTasks), String(TARGETS.longTasks)),
        row('processes in the store', (r) => String(r.processesShown), ''),
        row('tokens in flight at the end', (r) => String(r.tokens), ''),
        row('messages /s (delivered; projector: sent)', (r) => f(r.received, 0), ''),
      ]);
      console.log('');
    }
    table([
      ['first load', 'ours', 'target'],
      [`JS gzipped, the entry and its preloads (${load.files} files)`, `${f(load.jsGzipKB)} KB`, `≤ ${TARGETS.firstLoadGzipKB} KB`],
      [`JS gzipped, all that arrived before the input took keys (${load.names.length} files)`, `${f(load.fetchedGzipKB)} KB`, ''],
      ['time to interactive, loopback', `${f(load.ttiMs, 0)} ms`, `< ${TARGETS.ttiMs} ms`],
    ]);
    console.log(`scripts that arrived before the input took keys: ${load.names.join(', ')}`);
    if (sequence !== undefined) printSequence(sequence);
  } finally {
    await browser.close();
    server.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
