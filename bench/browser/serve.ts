/**
 * The server of the browser benchmarks, in the benchmark's own process: the signalling server
 * (server/signalling.ts, as `npm start` runs it), each bench page build under its prefix, and
 * the app's build (`npx vite build`) when a benchmark opens the app itself. (`npm start`'s own
 * server, server/serve.ts, serves the app's files and nothing else.)
 */
import { createServer } from 'node:http';
import path from 'node:path';
import express from 'express';
import { createSignalling } from '../../server/signalling.ts';

export interface BenchServer {
  close(): void;
}

/**
 * `isolated`: page prefixes served cross-origin isolated (COOP + COEP), where Chromium's
 * performance.now() has 5 µs steps instead of 100 µs: a page that times single round trips of
 * ~500 µs (dist-run.ts's p99) needs them. Everything such a page loads is from this server.
 */
export async function serveBench(port: number, pages: Readonly<Record<string, string>>, appBuild?: string, isolated: readonly string[] = []): Promise<BenchServer> {
  const app = express();
  const server = createServer(app);
  const signalling = createSignalling();
  for (const prefix of isolated) {
    app.use(prefix, (_req, res, next) => {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
      next();
    });
  }
  app.use(signalling.middleware);
  for (const [prefix, dir] of Object.entries(pages)) app.use(prefix, express.static(dir));
  if (appBuild !== undefined) {
    app.use(express.static(appBuild));
    app.get('*', (_req, res) => res.sendFile(path.join(appBuild, 'index.html')));
  }
  server.on('upgrade', (req, socket, head) => {
    if (!signalling.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((r) => server.listen(port, 'localhost', r));
  return {
    close() {
      server.close();
      server.closeAllConnections?.();
    },
  };
}
