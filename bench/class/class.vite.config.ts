// Build of the classroom benchmark page (bench/class/class.html) for `npm run bench:class`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Per benchmark port, so runs in parallel (the smoke test, a helper's bench) keep their own build.
export const CLASS_BENCH_OUT = `/tmp/np-class-bench-${process.env.BENCH_PORT ?? 5197}`;

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  logLevel: 'warn',
  // Served under /classb/ by class-server.ts.
  base: '/classb/',
  build: {
    target: 'es2022',
    outDir: CLASS_BENCH_OUT,
    emptyOutDir: true,
    rollupOptions: { input: { classBench: fileURLToPath(new URL('./class.html', import.meta.url)) } },
  },
});
