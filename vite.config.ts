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
    // The second page runs the transport contract suite in the browser (e2e/transport.spec.ts).
    rollupOptions: { input: { main: 'index.html', contract: 'e2e/harness/transport-contract.html', distBench: 'e2e/harness/dist-bench.html' } },
  },
});
