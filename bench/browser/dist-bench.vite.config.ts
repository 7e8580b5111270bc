// Build of the distribution benchmark page (bench/browser/dist-bench.html) for `npm run bench:dist`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Per benchmark port, so helpers benchmarking in parallel do not overwrite each other's build.
export const DIST_BENCH_OUT = `/tmp/np-dist-bench-${process.env.BENCH_PORT ?? 5198}`;

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  logLevel: 'warn',
  // Served under /distb/ by dist-run.ts (serve.ts).
  base: '/distb/',
  build: {
    target: 'es2022',
    outDir: DIST_BENCH_OUT,
    emptyOutDir: true,
    rollupOptions: { input: { distBench: fileURLToPath(new URL('./dist-bench.html', import.meta.url)) } },
  },
});
