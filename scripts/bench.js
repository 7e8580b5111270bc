// `npm run bench`: bundles bench/run.ts with esbuild (as the page's code is bundled by Vite, so
// the numbers are those of the code users run, not of an on-the-fly TypeScript loader) and runs
// it in Node with --expose-gc (the spawn benchmark measures heap per process).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const out = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'run.mjs');
await build({
  entryPoints: ['bench/run.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: out,
  logLevel: 'warning',
});
const run = spawnSync(process.execPath, ['--expose-gc', out, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
