/**
 * `npm run bench:dist [-- --json] [-- --no-build] [-- --no-beam] [-- --only=rtt,msgs,connect] [-- --profile]`: distribution between browser tabs over real
 * WebRTC, side by side with its baselines, in one run:
 * - dist-rtt: remote ping-pong round trip between two tabs vs a bare PeerJS data channel echo
 *   between the same two contexts (target ≤ 1.05×), and dist-rtt-p99: the 99th percentile of
 *   every trip of both (target ≤ 1.05×);
 * - dist-genserver: `GenServer.call` between two tabs (Elixir code, the prelude's GenServer) vs
 *   the same raw echo (issue 12's target ≤ 1.15×);
 * - dist-msgs: one-way small messages/s, counted at the receiver, vs real BEAM distribution over
 *   loopback TCP (two `elixir --sname` nodes, dist-beam.ts) (target ≥ 800k msgs/s and ≥ 3× BEAM), and
 *   dist-msgs-raw: the same vs unbatched raw data-channel messages/s;
 * - dist-send-bytes: bytes per small SEND on the wire with the atom cache, beside the same SEND
 *   without it (the 112 form);
 * - dist-rtt-bulk: the small round trip while a 10 MB binary crosses the same link, vs idle
 *   trips just before (target ≤ 2×); BENCH_TRIPS=1 logs every trip;
 * - dist-connect: `Node.connect` vs a bare PeerJS connect until the channel is open (target:
 *   at most 30 ms more);
 * - dist-beam-rtt, dist-beam-msgs: a tab and a real node through the --beam gateway, beside two
 *   real nodes (beam-tab.ts; with the BEAM reference, not with --no-beam).
 * It builds its page (bench/browser/dist-bench.html, dist-bench.vite.config.ts), serves it with
 * the signalling server in this process (serve.ts), and drives two browser contexts of system
 * Chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import type { DistBenchApi, Started } from './dist-bench-page.ts';
import { DIST_BENCH_OUT } from './dist-bench.vite.config.ts';
import { serveBench } from './serve.ts';
import { beamDistribution } from './dist-beam.ts';
import { tabToRealNodeRows } from './beam-tab.ts';
import type { FigureRow } from '../harness.ts';
import { countHostCalls, profiled } from './dist-profile.ts';
import { totalCpu } from './process-cpu.ts';
import { printComparison } from '../harness.ts';
import { PacketWriter } from '../../src/distribution/packet-stream.ts';
import { Pid, atom, tuple } from '../../src/core/term/types.ts';

const PORT = Number(process.env.BENCH_PORT ?? 5198);
const HOST = 'lab';
const COOKIE = 'bench-cookie';
const RTTS = 500;
const RTT_ROUNDS = 9;
const MESSAGES = 200_000;
const RAW_MESSAGES = 50_000;
const CONNECTS = 7;
const BULK_MESSAGES = 300;
const BULK_BYTES = 64 * 1024;

type Row = FigureRow;

type Bench = { distBench: DistBenchApi };

/** No single step of a healthy run takes this long: a stuck flood fails the run instead of hanging it. */
const CALL_TIMEOUT_MS = 120_000;
/** A raw reference flood that takes longer has stalled (see rawFlood). */
const RAW_FLOOD_MS = 30_000;

/** Calls `distBench[fn](...args)` in the page. */
async function call<K extends keyof DistBenchApi>(page: Page, fn: K, ...args: Parameters<DistBenchApi[K]>): Promise<Awaited<ReturnType<DistBenchApi[K]>>> {
  return callWithin(CALL_TIMEOUT_MS, page, fn, ...args);
}

async function callWithin<K extends keyof DistBenchApi>(ms: number, page: Page, fn: K, ...args: Parameters<DistBenchApi[K]>): Promise<Awaited<ReturnType<DistBenchApi[K]>>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${fn} did not finish in ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([evaluate(page, fn, args), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function evaluate<K extends keyof DistBenchApi>(page: Page, fn: K, args: Parameters<DistBenchApi[K]>): Promise<Awaited<ReturnType<DistBenchApi[K]>>> {
  const result: unknown = await page.evaluate(
    ([f, a]) => {
      const api = (window as unknown as Bench).distBench as unknown as Record<string, (...xs: unknown[]) => unknown>;
      return (api[f] as (...xs: unknown[]) => unknown)(...a);
    },
    [fn as string, args as unknown[]] as const,
  );
  return result as Awaited<ReturnType<DistBenchApi[K]>>;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
const percentile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] as number;
};
const started = Date.now();
const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${line}\n`);

type Part = 'connect' | 'rtt' | 'msgs' | 'bulk';
const BULK_BINARY = 10 * 1024 * 1024;
const BULK_TRIPS = 300;

/** A small SEND of the flood (`{:msg, i}` from bencha to benchb) in the 112 form, without the atom cache: the "before". */
const SEND_BYTES_112 = ((): number => {
  const w = new PacketWriter(1 << 16);
  const pid = (node: string) => new Pid(atom(`${node}@${HOST}`), 120, 0, 1);
  w.pushSend(pid('bencha'), pid('benchb'), tuple(atom('msg'), 100_000), { versionByte: false });
  return w.pendingBytes;
})();

async function measureBrowser(only: ReadonlySet<Part>, profile: boolean): Promise<Row[]> {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const open = async (): Promise<Page> => {
      const page = await (await browser.newContext()).newPage();
      page.on('pageerror', (e) => log(`page error: ${e.message}`));
      page.on('console', (m) => void (m.type() === 'error' && log(`page console: ${m.text()}`)));
      await page.goto(`http://localhost:${PORT}/distb/bench/browser/dist-bench.html`);
      await page.waitForFunction(() => (window as unknown as Partial<Bench>).distBench !== undefined);
      return page;
    };
    const [pa, pb] = [await open(), await open()];
    log(`pages cross-origin isolated (laps in 5 µs steps, else 100 µs): ${String(await pa.evaluate(() => crossOriginIsolated))}`);
    // BENCH_MAX_MESSAGE_BYTES: try another data-channel message size than the transport's.
    const size = process.env.BENCH_MAX_MESSAGE_BYTES;
    const a: Started = await call(pa, 'start', 'bencha', HOST, COOKIE, ...(size ? [Number(size)] : []));
    const b: Started = await call(pb, 'start', 'benchb', HOST, COOKIE, ...(size ? [Number(size)] : []));
    const pages = [
      { name: 'the sender', page: pa },
      { name: 'the receiver', page: pb },
    ];

    log('connect times...');
    const rawConnects: number[] = [];
    const distConnects: number[] = [];
    // The other parts need one connection, so at least one connect always runs.
    const connects = only.has('connect') ? CONNECTS : 1;
    for (let i = 0; i < connects; i++) {
      rawConnects.push(await call(pa, 'rawConnect', b.rawId));
      distConnects.push(await call(pa, 'distConnect', b.node));
      if (i === connects - 1) break;
      await call(pa, 'distDisconnect', b.node);
      // Both sides must have seen the link go before the next attempt.
      for (let t = 0; (await call(pb, 'distPeers')).length > 0 || (await call(pa, 'distPeers')).length > 0; t++) {
        if (t > 500) throw new Error('disconnect not seen');
        await new Promise((r) => setTimeout(r, 10));
      }
    }

    log(`  raw ${rawConnects.map((x) => x.toFixed(1)).join(' ')} ms; Node.connect ${distConnects.map((x) => x.toFixed(1)).join(' ')} ms`);
    const rawRtts: number[] = [];
    const distRtts: number[] = [];
    /** Every trip of every round, for the p99. */
    const rawTrips: number[] = [];
    const distTrips: number[] = [];
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const keep = (trips: number[], all: number[]): number => {
      for (const t of trips) all.push(t);
      return mean(trips);
    };
    if (only.has('rtt')) log('round trips...');
    if (only.has('rtt')) await call(pa, 'rawRtt', RTTS);
    if (only.has('rtt')) await call(pa, 'distRtt', b.echo, RTTS);
    const gsRtts: number[] = [];
    if (only.has('rtt')) await call(pb, 'startGenServer');
    if (only.has('rtt')) await call(pa, 'genServerRtt', b.node, RTTS);
    // Short runs, interleaved (and in alternating order), so load from other programs on the
    // machine hits both sides alike; the medians then compare like with like.
    for (let i = 0; only.has('rtt') && i < RTT_ROUNDS; i++) {
      const rtt = () => call(pa, 'distRtt', b.echo, RTTS);
      const dist = async () => distRtts.push(keep(await (profile && i === 0 ? profiled(pages, 'dist-rtt', rtt, log) : rtt()), distTrips));
      const raw = () => call(pa, 'rawRtt', RTTS);
      const rawOne = async () => rawRtts.push(keep(await (profile && i === 0 ? profiled(pages, 'raw-rtt', raw, log) : raw()), rawTrips));
      const gs = () => call(pa, 'genServerRtt', b.node, RTTS);
      const gsOne = async () => gsRtts.push(await (profile && i === 0 ? profiled(pages, 'genserver', gs, log) : gs()));
      if (i % 2 === 0) await rawOne().then(dist).then(gsOne);
      else await gsOne().then(dist).then(rawOne);
    }
    // BENCH_GEN_PARTS=1: what a GenServer.call adds, in parts (dist-genserver.ts): the native
    // ping-pong, the same in Elixir, that with a call's monitor and demonitor, GenServer.call.
    // With BENCH_COUNT_HOST=1 instead: per round trip, the host calls each page makes (send, clock,
    // timers, posted tasks) and the CPU of all Chromium's processes, which waiting for a core on a
    // loaded machine does not inflate as it does wall time. With --profile, the Elixir ping-pong is profiled too.
    if (only.has('rtt') && process.env.BENCH_GEN_PARTS) {
      await call(pb, 'startElixirPing');
      const counted: Record<string, () => Promise<unknown>> = {
        raw: () => call(pa, 'rawRtt', RTTS * 4),
        // A raw echo of a call's size (a GenServer.call's request is ~235 bytes on the wire).
        'raw 240 B': () => call(pa, 'rawRtt', RTTS * 4, 240),
        native: () => call(pa, 'distRtt', b.echo, RTTS * 4),
        elixir: () => call(pa, 'elixirPingRtt', b.node, RTTS * 4, false),
        'GenServer.call': () => call(pa, 'genServerRtt', b.node, RTTS * 4),
      };
      // BENCH_COUNT_HOST=reverse: the same steps last to first (does a step's place change its figures?).
      const order = Object.entries(counted);
      if (process.env.BENCH_COUNT_HOST === 'reverse') order.reverse();
      if (process.env.BENCH_COUNT_HOST) await countHostCalls(pages, Object.fromEntries(order), RTTS * 4, log);
      const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
      const parts: Record<string, number[]> = { raw: [], 'raw 240 B': [], native: [], elixir: [], 'elixir+monitor': [], 'GenServer.call': [] };
      // BENCH_COUNT_HOST=1 counts only (the parts' wall times are for a quiet machine).
      for (let i = 0; i < (process.env.BENCH_COUNT_HOST ? 0 : 7); i++) {
        parts.raw?.push(avg(await call(pa, 'rawRtt', RTTS)));
        parts['raw 240 B']?.push(avg(await call(pa, 'rawRtt', RTTS, 240)));
        parts.native?.push(avg(await call(pa, 'distRtt', b.echo, RTTS)));
        const elixir = () => call(pa, 'elixirPingRtt', b.node, RTTS, false);
        parts.elixir?.push(await (profile && i === 0 ? profiled(pages, 'elixir-ping', elixir, log) : elixir()));
        parts['elixir+monitor']?.push(await call(pa, 'elixirPingRtt', b.node, RTTS, true));
        parts['GenServer.call']?.push(await call(pa, 'genServerRtt', b.node, RTTS));
      }
      for (const [k, v] of Object.entries(parts)) if (v.length > 0) log(`  parts: ${k} median ${median(v).toFixed(0)} µs (${v.map((x) => x.toFixed(0)).join(' ')})`);
    }
    const shape = (xs: number[]) => {
      const med = percentile(xs, 0.5);
      const tail = xs.filter((x) => x > 2 * med);
      return `p10 ${percentile(xs, 0.1).toFixed(0)} p50 ${med.toFixed(0)} p90 ${percentile(xs, 0.9).toFixed(0)} p99 ${percentile(xs, 0.99).toFixed(0)} max ${Math.max(...xs).toFixed(0)}; mean ${mean(xs).toFixed(0)}, of which trips over 2× the median add ${(tail.reduce((s, x) => s + x - med, 0) / xs.length).toFixed(0)} (${tail.length})`;
    };
    if (only.has('rtt')) log(`  trips raw: ${shape(rawTrips)}`);
    if (only.has('rtt')) log(`  trips dist: ${shape(distTrips)}`);
    if (only.has('rtt')) log(`  raw ${rawRtts.map((x) => x.toFixed(0)).join(' ')} µs; dist ${distRtts.map((x) => x.toFixed(0)).join(' ')} µs; GenServer.call ${gsRtts.map((x) => x.toFixed(0)).join(' ')} µs`);
    // Large and small together: small round trips while a 10 MB binary crosses the same link.
    let underBulk: { trips: number[]; bulkMs: number } | null = null;
    /** The idle round trip measured just before, the same way (its own reference, so `--only=bulk` runs alone). */
    let idleTrips: number[] = [];
    if (only.has('bulk')) {
      log('round trips while a 10 MB binary crosses...');
      // Warm first (a fresh link's first trips are slower, which would flatter the ratio under --only=bulk).
      await call(pa, 'distRtt', b.echo, BULK_TRIPS * 3);
      idleTrips = await call(pa, 'distRtt', b.echo, BULK_TRIPS);
      const bulk = () => call(pa, 'rttUnderBulk', b.sink, b.echo, BULK_BINARY, BULK_TRIPS);
      underBulk = await (profile ? profiled(pages, 'dist-bulk', bulk, log) : bulk());
      if (process.env.BENCH_TRIPS) log(`  trips: ${underBulk.trips.map((x) => (x / 1000).toFixed(1)).join(" ")} ms`);
      log(`  idle: mean ${mean(idleTrips).toFixed(0)} µs, median ${median(idleTrips).toFixed(0)} µs`);
      log(`  ${underBulk.trips.length} trips during ${underBulk.bulkMs.toFixed(0)} ms: mean ${mean(underBulk.trips).toFixed(0)} µs, median ${median(underBulk.trips).toFixed(0)} µs, max ${Math.max(...underBulk.trips).toFixed(0)} µs`);
    }
    const rawRates: number[] = [];
    const distRates: number[] = [];
    let batching = '';
    let bytesPerPacket = 0;
    if (only.has('msgs')) log('one-way messages...');
    /**
     * The raw reference flood: a bare PeerJS channel now and then stalls on a flood of small
     * messages (Chromium's SCTP; no code of ours is on that path), which hung the whole run. A
     * flood that takes longer than RAW_FLOOD_MS (50,000 messages take 0.5-3 s) is given up and
     * run again on a fresh raw connection, so the reference gets its best chance.
     */
    const rawFlood = async (n: number, size?: number): Promise<number> => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await callWithin(RAW_FLOOD_MS, pa, 'rawRate', n, size);
        } catch (e) {
          if (attempt === 3) throw e;
          log(`  the raw flood stalled (${(e as Error).message}): again on a fresh raw connection`);
          await call(pa, 'rawConnect', b.rawId);
        }
      }
    };
    if (only.has('msgs')) await rawFlood(RAW_MESSAGES / 10);
    if (only.has('msgs')) await call(pa, 'distRate', b.sink, MESSAGES / 10);
    for (let i = 0; only.has('msgs') && i < 3; i++) {
      rawRates.push(await rawFlood(RAW_MESSAGES));
      const rate = () => call(pa, 'distRate', b.sink, MESSAGES);
      // BENCH_COUNT_HOST=1: the flood's CPU per message over all Chromium's processes, which a loaded machine inflates less than its rate.
      const cpu0 = process.env.BENCH_COUNT_HOST ? await totalCpu(browser) : 0;
      const r = await (profile && i === 0 ? profiled(pages, 'dist-msgs', rate, log) : rate());
      if (process.env.BENCH_COUNT_HOST) log(`  flood ${i + 1}: CPU of all Chromium processes ${((1e6 * ((await totalCpu(browser)) - cpu0)) / MESSAGES).toFixed(2)} µs per message`);
      distRates.push(r.rate);
      batching = `${(r.packetsOut / Math.max(1, r.messagesOut)).toFixed(0)} packets per data-channel message`;
      bytesPerPacket = r.bytesOut / Math.max(1, r.packetsOut);
    }
    // The channel's byte ceiling: full-size raw messages. A flood of small sends is bound by it.
    const bulk = only.has('msgs') ? await rawFlood(BULK_MESSAGES, BULK_BYTES) : 0;
    const mbps = (bytesPerSec: number) => `${(bytesPerSec / 1e6).toFixed(1)} MB/s`;
    if (only.has('msgs')) log(`  raw ${BULK_BYTES / 1024} KiB messages: ${mbps(bulk * BULK_BYTES)}; dist ${bytesPerPacket.toFixed(0)} bytes per packet, ${mbps(Math.max(...distRates) * bytesPerPacket)}`);
    void a;
    if (only.has('msgs')) log(`  raw ${rawRates.map((x) => x.toFixed(0)).join(' ')} msgs/s; dist ${distRates.map((x) => x.toFixed(0)).join(' ')} msgs/s`);

    const rtt = median(distRtts);
    const rawRtt = median(rawRtts);
    const connect = median(distConnects);
    const rawConnect = median(rawConnects);
    const rate = Math.max(...distRates);
    const rawRate = Math.max(...rawRates);
    const gsRtt = median(gsRtts);
    const part: Record<string, Part> = { 'dist-rtt': 'rtt', 'dist-rtt-p99': 'rtt', 'dist-genserver': 'rtt', 'dist-msgs': 'msgs', 'dist-msgs-raw': 'msgs', 'dist-send-bytes': 'msgs', 'dist-rtt-bulk': 'bulk', 'dist-connect': 'connect' };
    const rows: Row[] = [
      { name: 'dist-rtt', unit: 'µs', ours: rtt, reference: rawRtt, higherIsBetter: false, details: `reference: raw PeerJS echo; median of ${RTT_ROUNDS} × ${RTTS}, interleaved; target ≤ 1.05×` },
      { name: 'dist-rtt-p99', unit: 'µs', ours: percentile(distTrips, 0.99), reference: percentile(rawTrips, 0.99), higherIsBetter: false, details: `99th percentile of all ${RTT_ROUNDS} × ${RTTS} trips; reference: the raw echo's; target ≤ 1.05×` },
      { name: 'dist-genserver', unit: 'µs', ours: gsRtt, reference: rawRtt, higherIsBetter: false, details: `GenServer.call between two tabs; reference: raw PeerJS echo; median of ${RTT_ROUNDS} × ${RTTS}, interleaved; target ≤ 1.15×` },
      { name: 'dist-msgs', unit: 'msgs/s', ours: rate, reference: null, higherIsBetter: true, details: `{:msg, i}, best of 3 × ${MESSAGES.toLocaleString('en')}; ${batching}; target ≥ 800k and ≥ 3× BEAM` },
      { name: 'dist-msgs-raw', unit: 'msgs/s', ours: rate, reference: rawRate, higherIsBetter: true, details: `reference: unbatched 16-byte raw data-channel messages, best of 3 × ${RAW_MESSAGES.toLocaleString('en')}` },
      { name: 'dist-send-bytes', unit: 'bytes', ours: bytesPerPacket, reference: SEND_BYTES_112, higherIsBetter: false, details: `bytes per small SEND on the wire (length prefix included), atom cache on; reference: the same SEND in the 112 form (no cache)` },
      { name: 'dist-rtt-bulk', unit: 'µs', ours: underBulk === null ? 0 : mean(underBulk.trips), reference: mean(idleTrips), higherIsBetter: false, details: `mean small round trip while a 10 MB binary crosses the same link (${underBulk?.trips.length ?? 0} trips in ${underBulk?.bulkMs.toFixed(0) ?? '?'} ms, median ${underBulk === null ? '?' : median(underBulk.trips).toFixed(0)} µs); reference: the mean of ${BULK_TRIPS} idle trips just before; target ≤ 2×` },
      { name: 'dist-connect', unit: 'ms', ours: connect, reference: rawConnect, higherIsBetter: false, details: `reference: bare PeerJS connect to open; median of ${CONNECTS}; +${(connect - rawConnect).toFixed(1)} ms, target ≤ +30 ms` },
    ];
    return rows.filter((r) => only.has(part[r.name] as Part));
  } finally {
    await browser.close();
  }
}

/** The comparison table of `npm run bench` (harness.ts), with the same-run reference beside ours. */
function print(rows: Row[], json: boolean): void {
  const table = rows.map(({ name, unit, higherIsBetter, ours, reference, details }) => ({ name, unit, higherIsBetter, result: { ours, reference, details } }));
  printComparison(table, { reference: 'reference', short: 'ref' }, json);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (!args.includes('--no-build')) {
    log('building...');
    // Profiles want real function names.
    const b = spawnSync('npx', ['vite', 'build', '--config', 'bench/browser/dist-bench.vite.config.ts', ...(args.includes('--profile') ? ['--minify', 'false'] : [])], { stdio: 'inherit' });
    if (b.status !== 0) throw new Error('vite build failed');
  }
  // Isolated: its laps (each round trip's time, for the p99) in 5 µs steps, not 100 µs.
  const server = await serveBench(PORT, { '/distb': DIST_BENCH_OUT }, undefined, ['/distb']);
  let rows: Row[];
  try {
    const onlyArg = args.find((a) => a.startsWith('--only='));
    const parts: Part[] = ['connect', 'rtt', 'msgs', 'bulk'];
    rows = await measureBrowser(new Set(onlyArg === undefined ? parts : parts.filter((p) => onlyArg.slice(7).split(',').includes(p))), args.includes('--profile'));
  } finally {
    server.close();
  }
  if (args.includes('--no-beam')) return print(rows, args.includes('--json'));
  log('BEAM distribution over loopback TCP...');
  const beam = await beamDistribution().catch((e: unknown) => {
    log(`BEAM reference failed: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  });
  rows = rows.map((r) => {
    if (beam === null) return r;
    if (r.name === 'dist-msgs') return { ...r, reference: beam.msgsPerSec, details: `reference: BEAM over loopback TCP; ${r.details}` };
    if (r.name === 'dist-rtt') return { ...r, details: `${r.details}; BEAM over TCP ${beam.rttUs.toFixed(1)} µs` };
    if (r.name === 'dist-connect') return { ...r, details: `${r.details}; BEAM over TCP ${beam.connectMs.toFixed(1)} ms` };
    return r;
  });
  log('a tab and a real node through the --beam gateway...');
  rows.push(...(await tabToRealNodeRows(!args.includes('--no-build')).catch((e: unknown) => {
    log(`tab <-> real node failed: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  })));
  print(rows, args.includes('--json'));
}

main().then(
  // The signalling server in this process may keep timers: the run is over.
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
