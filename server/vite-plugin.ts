/** Runs the signalling server inside `vite` (npm run dev) and `vite preview`. */
import type { Server } from 'node:http';
import type { Plugin } from 'vite';
import { createSignalling } from './signalling.ts';

export function peerServerPlugin(): Plugin {
  const attach = (httpServer: Server | null, use: (mw: never) => void) => {
    if (!httpServer) return; // middleware mode: nothing to attach to
    const signalling = createSignalling();
    use(signalling.middleware as never);
    httpServer.on('upgrade', (req, socket, head) => {
      signalling.handleUpgrade(req, socket, head);
    });
    httpServer.on('close', () => signalling.close());
  };
  return {
    name: 'node-playground-signalling',
    configureServer(server) {
      attach(server.httpServer as Server | null, (mw) => server.middlewares.use(mw));
    },
    configurePreviewServer(server) {
      attach(server.httpServer as Server | null, (mw) => server.middlewares.use(mw));
    },
  };
}
