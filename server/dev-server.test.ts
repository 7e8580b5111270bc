// `npm run dev` runs the signalling server inside Vite. Both websockets must work side by side:
// Vite's HMR socket and the PeerServer's (see server/signalling.ts for why that needs care).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import WebSocket from 'ws';

function firstMessage(url: string, protocol?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const ws = protocol ? new WebSocket(url, protocol) : new WebSocket(url);
    ws.on('message', (m) => {
      resolve(String(m));
      ws.close();
    });
    ws.on('error', reject);
  });
}

describe('dev server', () => {
  let server: ViteDevServer;
  let base: string;
  beforeAll(async () => {
    server = await createServer({ configFile: 'vite.config.ts', logLevel: 'silent', server: { port: 0 } });
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    base = `localhost:${address.port}`;
  }, 30_000);
  afterAll(async () => {
    await server.close();
  });

  it("keeps Vite's HMR websocket working", async () => {
    expect(JSON.parse(await firstMessage(`ws://${base}/`, 'vite-hmr'))).toEqual({ type: 'connected' });
  });

  it('serves the PeerServer websocket under /peerjs', async () => {
    const msg = await firstMessage(`ws://${base}/peerjs/peerjs?key=peerjs&id=erl-one_40lab&token=t1`);
    expect(JSON.parse(msg)).toEqual({ type: 'OPEN' });
  });

  it('lists registered peers over HTTP, like :net_adm.names', async () => {
    const ws = new WebSocket(`ws://${base}/peerjs/peerjs?key=peerjs&id=erl-two_40lab&token=t2`);
    await new Promise((r) => ws.on('message', r));
    const peers = (await (await fetch(`http://${base}/peerjs/peerjs/peers`)).json()) as string[];
    expect(peers).toContain('erl-two_40lab');
    ws.close();
  });
});
