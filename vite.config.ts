import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { peerServerPlugin } from './server/vite-plugin.ts';

// The signalling server (PeerJS, playing EPMD) runs inside `npm run dev`: see server/.
export default defineConfig({
  plugins: [react(), tailwindcss(), peerServerPlugin()],
  resolve: {
    // PeerJS reads only the adapter's browserDetails; its shims are for browsers we don't support
    // (src/ui/vendor/webrtc-adapter-shim.ts). Saves ~12 KB gzipped of the first load. BinaryPack
    // serves only `binary` connections; ours are `raw` (vendor/binarypack-shim.ts, ~2 KB). React
    // Flow's d3 interpolates numbers only, never colours (vendor/d3-color-shim.ts, ~4 KB).
    alias: {
      'webrtc-adapter': fileURLToPath(new URL('./src/ui/vendor/webrtc-adapter-shim.ts', import.meta.url)),
      'peerjs-js-binarypack': fileURLToPath(new URL('./src/ui/vendor/binarypack-shim.ts', import.meta.url)),
      'd3-color': fileURLToPath(new URL('./src/ui/vendor/d3-color-shim.ts', import.meta.url)),
    },
  },
  build: {
    target: 'es2022',
    outDir: 'build',
    sourcemap: false,
    // Everything the first screen imports in one chunk: left to itself, Rolldown splits the modules
    // a lazy chunk shares with it (term inspection, hashing...) into four more files the first load
    // fetches anyway, each gzipped on its own (~0.8 KB more in all; issue 11).
    rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] } } },
    // Only the app: test and bench pages have their own configs (e2e/harness/, bench/browser/).
  },
});
