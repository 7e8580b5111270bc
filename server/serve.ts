/**
 * The production server behind `npm start`: the built app and the signalling server on one port.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import path from 'node:path';
import express from 'express';
import { createSignalling, perAddressLimit, SOCKETS_PER_REGISTRATION } from './signalling.ts';
import { isAppFile } from './app-files.ts';
import { addressOf, urlsToOpen } from './addresses.ts';
import { SocketCount } from './socket-count.ts';
import type { ServerArgs } from './args.ts';
import { createBeamGateway, type BeamGateway } from './beam-gateway.ts';
import { beamHosts, withBeamMeta } from './beam-host.ts';
import type { EpmdAccess } from './beam-epmd-access.ts';

export interface ServeOptions extends Omit<ServerArgs, 'beam'> {
  /** `--beam`: the gateway to real BEAM nodes, over this EPMD (beam-epmd.ts finds or starts one). */
  readonly beam?: EpmdAccess;
  /** The machine's host name (os.hostname() unless a test says otherwise). */
  readonly machineHostname?: string;
  /** The built app (Vite's outDir). */
  readonly root: string;
  readonly log?: (line: string) => void;
  /** Limit connections from loopback too (tests of the per-address limit). */
  readonly limitLoopback?: boolean;
}

/**
 * TCP connections one address may hold besides its websockets: a browser keeps up to 6 per host
 * for the page's files, and a student may run two browsers. Past that a connection is closed
 * before it sends a byte, so headers that never end (slowloris; Node waits 60 s for them) cannot
 * pile up sockets.
 */
const HTTP_CONNECTIONS_PER_ADDRESS = 16;

export interface RunningServer {
  /** The port it listens on (the one asked for, or the one the system chose for 0). */
  readonly port: number;
  /** What to open in a browser: one URL per LAN address with --host 0.0.0.0. */
  readonly urls: string[];
  close(): Promise<void>;
}

export function startServer(options: ServeOptions): Promise<RunningServer> {
  const { root, host } = options;
  if (!existsSync(path.join(root, 'index.html'))) {
    return Promise.reject(new Error(`No built app in ${root}: run \`npm start\` (it builds first) or \`npx vite build\`.`));
  }
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);
  server.on('clientError', (_err, socket) => socket.destroy());
  const connections = new SocketCount();
  server.on('connection', (socket) => {
    const address = addressOf(socket);
    const limit = SOCKETS_PER_REGISTRATION * perAddressLimit(address, options.maxPerAddress, options.limitLoopback ?? false) + HTTP_CONNECTIONS_PER_ADDRESS;
    if (!connections.admit(socket, address, limit)) socket.destroy();
  });
  const signalling = createSignalling({
    cors: options.cors,
    maxPerAddress: options.maxPerAddress,
    ...(options.limitLoopback !== undefined ? { limitLoopback: options.limitLoopback } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  app.use(signalling.middleware);
  let gateway: BeamGateway | null = null;
  if (options.beam) {
    const hosts = beamHosts(host, options.machineHostname ?? hostname());
    const gw = createBeamGateway({
      listenHost: host,
      hostNames: [...new Set([hosts.short, hosts.long])],
      epmd: options.beam,
      holds: signalling.holds,
      cors: options.cors,
      ...(options.log ? { log: options.log } : {}),
    });
    gateway = gw;
    signalling.onLeft((id) => gw.tabLeft(id));
    // The page learns the host part of its default node name from a <meta> (ui/beam-page.ts).
    const page = withBeamMeta(readFileSync(path.join(root, 'index.html'), 'utf8'), hosts);
    app.get(['/', '/index.html'], (_req, res) => res.type('html').send(page));
  }
  app.use((req, res, next) => (isAppFile(req.path) ? next() : res.sendStatus(404)));
  app.use(express.static(root, { index: 'index.html' }));
  server.on('upgrade', (req, socket, head) => {
    if (!signalling.handleUpgrade(req, socket, head) && !gateway?.handleUpgrade(req, socket, head)) socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      server.on('error', (err) => options.log?.(`server error: ${err.message}`));
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : options.port;
      resolve({
        port,
        urls: urlsToOpen(host, port, networkInterfaces()),
        close: () =>
          new Promise((done) => {
            signalling.close();
            gateway?.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
