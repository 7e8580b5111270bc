/**
 * The signalling server: a PeerServer from the `peer` package that plays EPMD for the playground.
 * Node names map to PeerJS ids; the list of connected ids is what `:net_adm.names` shows.
 *
 * It attaches to an existing HTTP server (Vite's in dev, our own in `npm start`) but takes only
 * the websocket upgrades under its own path: Vite's HMR websocket shares the same server, and
 * the `ws` server that `peer` would create answers every upgrade and breaks HMR.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import express from 'express';
import { ExpressPeerServer } from 'peer';
import { WebSocketServer } from 'ws';

export const SIGNALLING_PATH = '/peerjs';
export const SIGNALLING_KEY = 'peerjs';

export interface Signalling {
  /** Connect/Express-style middleware serving the PeerServer's HTTP API under /peerjs. */
  middleware: (req: IncomingMessage, res: unknown, next: (err?: unknown) => void) => void;
  /** Takes an upgrade if it is ours; returns false and leaves the socket alone otherwise. */
  handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;
  /** Ids of the peers connected right now. */
  peers: () => string[];
}

export function createSignalling(httpServer: Server, log: (line: string) => void = () => {}): Signalling {
  let wss: WebSocketServer | undefined;
  let wsPath = '';
  const app = ExpressPeerServer(httpServer, {
    path: SIGNALLING_PATH,
    key: SIGNALLING_KEY,
    allow_discovery: true,
    // Our own ws server in noServer mode: we route upgrades to it ourselves (see above).
    createWebSocketServer: (options) => {
      wsPath = options.path ?? '';
      wss = new WebSocketServer({ noServer: true });
      return wss;
    },
  });
  const ids = new Set<string>();
  app.on('connection', (client: { getId(): string }) => {
    ids.add(client.getId());
    log(`peer connected: ${client.getId()}`);
  });
  app.on('disconnect', (client: { getId(): string }) => {
    ids.delete(client.getId());
    log(`peer disconnected: ${client.getId()}`);
  });
  // ExpressPeerServer starts its websocket side when mounted in an Express app; that app is
  // then plain middleware for Vite's connect server or our own.
  const host = express();
  host.use(app);

  return {
    middleware: (req, res, next) => (host as unknown as (a: unknown, b: unknown, c: unknown) => void)(req, res, next),
    handleUpgrade(req, socket, head) {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!wss || url.pathname !== wsPath) return false;
      const server = wss;
      server.handleUpgrade(req, socket, head, (ws) => server.emit('connection', ws, req));
      return true;
    },
    peers: () => [...ids].sort(),
  };
}
