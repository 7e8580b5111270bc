/**
 * `npm run bench:dist -- --profile`: a CPU profile of each page (Chrome DevTools Protocol) around
 * one measured step, summarised as the functions with the most self time (BENCH_PROFILE_DIR keeps
 * the whole profiles). Where a flood's time
 * goes on the sending and the receiving tab decides what is worth optimising.
 */
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from '@playwright/test';

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
