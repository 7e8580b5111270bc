/**
 * Quick single-tab check of the canvas's rendering cost (no distribution, no other tabs): the
 * canvas demo page (demos/canvas/demo.tsx) with `?n=500&rate=1000`, built and served here.
 * `npx tsx bench/browser/ui-demo-probe.ts [--no-build] [--speed=normal]` prints fps, the longest
 * task and the main thread's layout/style/script time. For iterating on rendering; the real
 * benchmark is ui-fps.ts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import express from 'express';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const speed = args.find((a) => a.startsWith('--speed='))?.split('=')[1] ?? 'normal';
if (!args.includes('--no-build')) spawnSync('npx', ['vite', 'build', '--config', 'demos/canvas/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
const app = express();
app.use(express.static('/tmp/demo-build'));
const server = createServer(app);
const port = Number(process.env.BENCH_PORT ?? 5196);
await new Promise<void>((r) => server.listen(port, 'localhost', r));
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
await page.goto(`http://localhost:${port}/demos/canvas/canvas-demo.html?n=500&rate=1000&speed=${encodeURIComponent(speed)}`);
await page.waitForTimeout(4000);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
const before = await cdp.send('Performance.getMetrics');
const profiling = args.includes('--profile');
if (profiling) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
}
// A string, not a function: tsx would wrap a function's inner functions in helpers the page lacks.
const r = (await page.evaluate(`new Promise((resolve) => {
  let frames = 0, longest = 0, n = 0;
  const obs = new PerformanceObserver((l) => l.getEntries().forEach((e) => { longest = Math.max(longest, e.duration); n++; }));
  obs.observe({ type: 'longtask' });
  const start = performance.now();
  const f = () => { frames++; if (performance.now() - start < 5000) requestAnimationFrame(f); else { obs.disconnect(); resolve({ fps: frames * 1000 / (performance.now() - start), longest, n }); } };
  requestAnimationFrame(f);
})`)) as { fps: number; longest: number; n: number };
const after = await cdp.send('Performance.getMetrics');
const d = (k: string) => ((after.metrics.find((m) => m.name === k)?.value ?? 0) - (before.metrics.find((m) => m.name === k)?.value ?? 0)).toFixed(3);
console.log(`fps ${r.fps.toFixed(1)}  longest task ${r.longest.toFixed(0)} ms (${r.n} long)  task ${d('TaskDuration')} s  script ${d('ScriptDuration')} s  layout ${d('LayoutDuration')} s (${d('LayoutCount')})  style ${d('RecalcStyleDuration')} s`);
if (profiling) {
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id);
    const key = `${n?.callFrame.functionName || '(anon)'} ${n?.callFrame.url.split('/').pop()}:${n?.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas?.[i] ?? 0) / 1000);
  });
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
}
const shot = args.find((a) => a.startsWith('--shot='))?.split('=')[1];
if (shot !== undefined) await page.screenshot({ path: shot });
await browser.close();
server.close();
