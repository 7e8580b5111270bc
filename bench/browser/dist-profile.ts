/**
 * `npm run bench:dist -- --profile`: a CPU profile of each page (Chrome DevTools Protocol) around
 * one measured step, summarised as the functions with the most self time (BENCH_PROFILE_DIR keeps
 * the whole profiles). Where a flood's time
 * goes on the sending and the receiving tab decides what is worth optimising.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';
import { processCpu } from './process-cpu.ts';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly hitCount?: number;
}
interface Profile {
  readonly nodes: ProfileNode[];
  readonly samples?: number[];
  readonly timeDeltas?: number[];
}

const TOP = 25;

/** Runs `step` while both pages are profiled; returns its result and prints each page's top self times. */
export async function profiled<T>(pages: readonly { name: string; page: Page }[], label: string, step: () => Promise<T>, print: (line: string) => void): Promise<T> {
  const sessions: CDPSession[] = [];
  for (const p of pages) {
    const s = await p.page.context().newCDPSession(p.page);
    await s.send('Profiler.enable');
    await s.send('Profiler.setSamplingInterval', { interval: 50 });
    await s.send('Profiler.start');
    sessions.push(s);
  }
  const result = await step();
  for (const [i, s] of sessions.entries()) {
    const { profile } = (await s.send('Profiler.stop')) as unknown as { profile: Profile };
    await s.detach();
    // BENCH_PROFILE_DIR=dir keeps each profile (open it in Chromium's DevTools, Performance tab).
    const dir = process.env.BENCH_PROFILE_DIR;
    if (dir) writeFileSync(`${dir}/${label}-${i === 0 ? 'a' : 'b'}.cpuprofile`, JSON.stringify(profile));
    print(`profile of ${label} on ${pages[i]?.name ?? i}:`);
    for (const line of summarise(profile)) print(`  ${line}`);
  }
  return result;
}

/** Self time per function (name and source place), largest first, as "12.3%  name  file:line". */
function summarise(profile: Profile): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  let idle = 0;
  for (let i = 0; i < samples.length; i++) {
    const n = byId.get(samples[i] as number);
    const dt = deltas[i + 1] ?? 0;
    if (n === undefined) continue;
    const f = n.callFrame;
    const file = f.url.split('/').pop() ?? '';
    const key = `${f.functionName || '(anonymous)'}  ${file}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
    if (f.functionName === '(idle)') idle += dt;
  }
  const head = `main thread busy ${((total - idle) / 1000).toFixed(1)} ms of ${(total / 1000).toFixed(1)} ms`;
  return [head, ...[...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([k, t]) => `${((100 * t) / Math.max(1, total)).toFixed(1).padStart(5)}%  ${k}`)];
}

/** A page's Chromium metrics (CDP Performance.getMetrics): ThreadTime, ProcessTime, TaskDuration... */
async function pageMetrics(s: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await s.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** The host calls a round trip makes, counted in the page by wrapping them (BENCH_COUNT_HOST=1). */
const COUNTED = ['RTCDataChannel.send', 'RTCDataChannel.send bytes', 'performance.now', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'MessagePort.postMessage'] as const;

/**
 * Where a round trip's time goes, from each page's send and message-handler times (one clock:
 * timeOrigin + now): the caller's send to the answerer's handler, the answerer's handler to its
 * send, its send to the caller's handler, the caller's handler to its next send. Medians, µs.
 */
function hopSplit(a: { send: number[]; recv: number[] }, b: { send: number[]; recv: number[] }): string {
  const parts: number[][] = [[], [], [], []];
  // Each answer the caller got, with the send before it, the answerer's handler and send between,
  // and the caller's next send (a lookup before the loop or a last demonitor does not misalign it).
  const after = (xs: number[], t: number): number => xs.find((x) => x >= t) ?? NaN;
  let j = 0;
  for (let k = 0; k < a.recv.length - 1; k++) {
    const got = a.recv[k] as number;
    while (j + 1 < a.send.length && (a.send[j + 1] as number) < got) j++;
    const sent = a.send[j] as number;
    const bRecv = after(b.recv, sent);
    const bSend = after(b.send, bRecv);
    const next = after(a.send.slice(j + 1, j + 3), got);
    if ([bRecv, bSend, next].some(Number.isNaN) || bSend > got) continue;
    parts[0]?.push(bRecv - sent);
    parts[1]?.push(bSend - bRecv);
    parts[2]?.push(got - bSend);
    parts[3]?.push(next - got);
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? NaN;
  const names = ['a→b', 'b handler', 'b→a', 'a handler'];
  // The slow trips (over twice the median): which part made them slow, as means over them.
  const totals = parts[0]?.map((_, i) => parts.reduce((s, p) => s + (p[i] ?? 0), 0)) ?? [];
  const slow = totals.map((t, i) => (t > 2 * med(totals) ? i : -1)).filter((i) => i >= 0);
  const slowMean = (p: number[]) => slow.reduce((s, i) => s + (p[i] ?? 0), 0) / Math.max(1, slow.length);
  return `${parts.map((p, i) => `${names[i]} ${(1000 * med(p)).toFixed(0)}`).join(', ')} µs; ${slow.length} slow trips: ${parts.map((p, i) => `${names[i]} ${(1000 * slowMean(p)).toFixed(0)}`).join(', ')} (counts: a ${a.send.length}/${a.recv.length}, b ${b.send.length}/${b.recv.length})`;
}

/**
 * Wraps the host calls a round trip may make in both pages, runs each step, prints the calls and
 * bytes sent per round trip, each page's message-handler time, and where the trips' time went.
 */
export async function countHostCalls(pages: readonly { name: string; page: Page }[], steps: Record<string, () => Promise<unknown>>, trips: number, print: (line: string) => void): Promise<void> {
  const sessions: CDPSession[] = [];
  for (const p of pages) {
    const s = await p.page.context().newCDPSession(p.page);
    await s.send('Performance.enable');
    sessions.push(s);
  }
  for (const p of pages) {
    // A string, not a function: tsx would wrap the inner function in a helper the page lacks.
    await p.page.evaluate(`(() => {
      const counts = window.hostCounts = Object.fromEntries(${JSON.stringify(COUNTED)}.map((n) => [n, 0]));
      const wrap = (o, key, name) => {
        const f = o[key];
        o[key] = function (...a) { counts[name]++; return f.apply(this, a); };
      };
      // The trace's own clock reads are not the page's: taken before performance.now is wrapped.
      const now = performance.now.bind(performance);
      const send = RTCDataChannel.prototype.send;
      RTCDataChannel.prototype.send = function (d) {
        counts['RTCDataChannel.send']++;
        counts['RTCDataChannel.send bytes'] += d.byteLength ?? d.size ?? d.length;
        window.traceTimes.send.push(performance.timeOrigin + now());
        return send.call(this, d);
      };
      window.traceTimes = { send: [], recv: [] };
      wrap(performance, 'now', 'performance.now');
      wrap(window, 'setTimeout', 'setTimeout');
      wrap(window, 'clearTimeout', 'clearTimeout');
      wrap(window, 'queueMicrotask', 'queueMicrotask');
      wrap(MessagePort.prototype, 'postMessage', 'MessagePort.postMessage');
    })()`);
  }
  for (const [label, step] of Object.entries(steps)) {
    for (const p of pages) await p.page.evaluate('for (const k of Object.keys(window.hostCounts)) window.hostCounts[k] = 0; if (window.handlerTime) { window.handlerTime.ms = 0; window.handlerTime.events = 0 }; window.traceTimes = { send: [], recv: [] }');
    const metrics0 = await Promise.all(sessions.map(pageMetrics));
    const browser = pages[0]?.page.context().browser();
    const cpu0 = browser ? await processCpu(browser) : new Map<number, { type: string; cpu: number }>();
    await step();
    const cpu1 = browser ? await processCpu(browser) : new Map<number, { type: string; cpu: number }>();
    // Per process type (the two tabs' renderers, the browser, its network and GPU processes).
    const byType = new Map<string, number>();
    for (const [id, { type, cpu: c }] of cpu1) byType.set(type, (byType.get(type) ?? 0) + c - (cpu0.get(id)?.cpu ?? 0));
    const cpu = [...byType.values()].reduce((s, x) => s + x, 0);
    const metrics1 = await Promise.all(sessions.map(pageMetrics));
    if (pages.length === 2) {
      const [a, b] = (await Promise.all(pages.map((p) => p.page.evaluate('window.traceTimes')))) as { send: number[]; recv: number[] }[];
      if (a && b) print(`  trace ${label}: ${hopSplit(a, b)}`);
    }
    const split = [...byType].map(([t, c]) => `${t} ${((1e6 * c) / trips).toFixed(0)}`).join(', ');
    print(`CPU of all Chromium processes per round trip, ${label}: ${((1e6 * cpu) / trips).toFixed(0)} µs (${split}; CDP SystemInfo, over ${trips} trips)`);
    for (const p of pages) {
      const c = (await p.page.evaluate('window.hostCounts')) as Record<string, number>;
      print(`host calls per round trip, ${label} on ${p.name}: ${Object.entries(c).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${(v / trips).toFixed(2)}`).join(', ')}`);
      const m0 = metrics0[pages.indexOf(p)];
      const m1 = metrics1[pages.indexOf(p)];
      if (m0 && m1) {
        const per = (k: string, scale: number) => (((m1[k] ?? 0) - (m0[k] ?? 0)) * scale) / trips;
        // ThreadTime is the main thread's CPU, ProcessTime the whole renderer's (WebRTC's threads, V8's helpers...).
        print(`  renderer of ${p.name}: main thread CPU ${per('ThreadTime', 1e6).toFixed(0)} µs, whole process ${per('ProcessTime', 1e6).toFixed(0)} µs, tasks ${per('TaskDuration', 1e6).toFixed(0)} µs, script ${per('ScriptDuration', 1e6).toFixed(0)} µs per round trip; JS heap ${per('JSHeapUsedSize', 1).toFixed(0)} B per round trip`);
      }
      const h = (await p.page.evaluate('window.handlerTime')) as { ms: number; events: number } | undefined;
      if (h && h.events > 0) print(`  message handler on ${p.name}: ${((1000 * h.ms) / trips).toFixed(1)} µs per round trip (${(h.events / trips).toFixed(2)} events)`);
    }
  }
}
