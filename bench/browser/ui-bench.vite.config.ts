// Build of the cluster-view benchmark pages (bench/browser/ui-bench.html, ui-projector.html) for `npm run bench:ui`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';

// Per benchmark port, so helpers benchmarking in parallel do not overwrite each other's build;
// UIB_OUT names another (another commit's pages built there, served by this runner to compare).
export const UI_BENCH_OUT = process.env.UIB_OUT ?? `/tmp/np-ui-bench-${process.env.BENCH_PORT ?? 5197}`;

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  plugins: [react(), tailwindcss()],
  logLevel: 'warn',
  // Served under /uib/ beside the app (whose assets are under /assets/).
  base: '/uib/',
  build: {
    target: 'es2022',
    // UIB_MINIFY=0 keeps names readable in CPU profiles (ui-fps.ts --profile).
    minify: process.env.UIB_MINIFY !== '0',
    outDir: UI_BENCH_OUT,
    emptyOutDir: true,
    rollupOptions: {
      input: {
        uiBench: fileURLToPath(new URL('./ui-bench.html', import.meta.url)),
        uiProjector: fileURLToPath(new URL('./ui-projector.html', import.meta.url)),
      },
    },
  },
});
