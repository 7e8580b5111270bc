import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { peerServerPlugin } from './server/vite-plugin.ts';

// The signalling server (PeerJS, playing EPMD) runs inside `npm run dev`: see server/.
export default defineConfig({
  plugins: [react(), tailwindcss(), peerServerPlugin()],
  build: {
    target: 'es2022',
    outDir: 'build',
    sourcemap: false,
    // Only the app: test and bench pages have their own configs (e2e/harness/, bench/browser/).
  },
});
