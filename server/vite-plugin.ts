/**
 * Runs the signalling server inside `vite` (npm run dev) and `vite preview`; with
 * PLAYGROUND_BEAM=1 the gateway to real BEAM nodes too, as `npm start -- --beam` (beam-gateway.ts).
 */
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { Plugin } from 'vite';
import { createSignalling } from './signalling.ts';
import { createBeamGateway } from './beam-gateway.ts';
import { beamHosts, withBeamMeta, type BeamHosts } from './beam-host.ts';
import { machineEpmd } from './beam-epmd.ts';

export function peerServerPlugin(): Plugin {
  const beam = process.env.PLAYGROUND_BEAM === '1';
  let hosts: BeamHosts | null = null;
  const attach = async (httpServer: Server | null, use: (mw: never) => void, host: string | boolean | undefined) => {
    if (!httpServer) return; // middleware mode: nothing to attach to
    const signalling = createSignalling();
    use(signalling.middleware as never);
    let gateway: ReturnType<typeof createBeamGateway> | null = null;
    if (beam) {
      const listenHost = typeof host === 'string' ? host : host === true ? '0.0.0.0' : 'localhost';
      hosts = beamHosts(listenHost, hostname());
      const epmd = await machineEpmd({ log: (l) => console.log(`[beam] ${l}`) });
      gateway = createBeamGateway({ listenHost, hostNames: [...new Set([hosts.short, hosts.long])], epmd: epmd.access, holds: signalling.holds, log: (l) => console.log(`[beam] ${l}`) });
      const gw = gateway;
      signalling.onLeft((id) => gw.tabLeft(id));
    }
    httpServer.on('upgrade', (req, socket, head) => {
      if (!signalling.handleUpgrade(req, socket, head)) gateway?.handleUpgrade(req, socket, head);
    });
    httpServer.on('close', () => {
      signalling.close();
      gateway?.close();
    });
  };
  return {
    name: 'node-playground-signalling',
    async configureServer(server) {
      await attach(server.httpServer as Server | null, (mw) => server.middlewares.use(mw), server.config.server.host);
    },
    async configurePreviewServer(server) {
      await attach(server.httpServer as Server | null, (mw) => server.middlewares.use(mw), server.config.preview.host);
    },
    // The page takes its default host part from this <meta> (src/ui/beam-page.ts).
    transformIndexHtml: (html) => (hosts === null ? html : withBeamMeta(html, hosts)),
  };
}
