/**
 * bench:ui's sequence diagram part (issue 14 §5): the real SequenceDiagram renders a
 * 10,000-event trace (target < 200 ms, from render to the first window drawn) and scrolls one
 * step a frame (target ≥ 55 fps). The page (ui-sequence-page.tsx) is bundled here with esbuild
 * and loaded with setContent: no server, no other tab. `npx tsx bench/browser/ui-sequence.ts`
 * runs it alone; ui-fps.ts runs it after the cluster runs.
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { chromium, type Browser } from '@playwright/test';
import type { SequenceMeasure } from './ui-sequence-page.tsx';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The few layout rules the diagram's Tailwind classes need (the bench page has no stylesheet). */
const CSS = `body{margin:0;font-family:monospace}#root{height:600px;width:1200px;display:flex;flex-direction:column}
.flex{display:flex}.flex-col{flex-direction:column}.flex-1{flex:1 1 0%}.min-h-0{min-height:0}.overflow-auto{overflow:auto}
.relative{position:relative}.sticky{position:sticky}.top-0{top:0}.block{display:block}.flex-wrap{flex-wrap:wrap}.truncate{overflow:hidden;white-space:nowrap}`;

export async function sequenceBench(browser: Browser, seconds = 5): Promise<SequenceMeasure> {
  const out = await build({
    entryPoints: [path.join(here, 'ui-sequence-page.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const js = (out.outputFiles[0] as { text: string }).text;
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    await page.setContent(`<!doctype html><html><head><style>${CSS}</style></head><body><div id="root"></div></body></html>`);
    await page.addScriptTag({ content: js });
    return await page.evaluate((s) => (window as unknown as { sequenceBench: (s: number) => Promise<SequenceMeasure> }).sequenceBench(s), seconds);
  } finally {
    await page.close();
  }
}

export function printSequence(m: SequenceMeasure): void {
  console.log(`\nsequence diagram: ${m.events.toLocaleString('en')} events, ${m.arrowsDrawn} arrows drawn in the last window`);
  console.log(`  first render  ${m.renderMs.toFixed(1)} ms   (target < 200 ms); painted after ${m.firstFrameMs.toFixed(1)} ms; the trace made in ${m.traceMs.toFixed(1)} ms`);
  console.log(`  scrolling     ${m.fps.toFixed(1)} fps   (target ≥ 55), longest frame ${m.longestFrameMs.toFixed(0)} ms`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && existsSync(p));
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    printSequence(await sequenceBench(browser));
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    await browser.close();
  }
}
