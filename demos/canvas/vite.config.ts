// Scratch build/dev config for demos/canvas/canvas-demo.html (the playground without distribution),
// apart from the app: `npx vite --config demos/canvas/vite.config.ts`, then
// http://localhost:5391/demos/canvas/canvas-demo.html
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  plugins: [react(), tailwindcss()],
  build: { target: 'es2022', minify: process.env.UIB_MINIFY !== '0', outDir: '/tmp/demo-build', emptyOutDir: true, rollupOptions: { input: { demo: fileURLToPath(new URL('./canvas-demo.html', import.meta.url)) } } },
  server: { port: 5391, strictPort: true },
});
