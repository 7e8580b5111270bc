// The relay between a real node's TCP connection and a tab's websocket: lossless and ordered,
// and bounded: a tab that stops reading stops the real node's bytes at the server instead of
// piling them up there.
import { createServer, connect as tcpConnect, type Socket } from 'node:net';
import { createServer as createHttpServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { HIGH_WATER_BYTES, relay } from './beam-relay.ts';

const closers: (() => void)[] = [];
afterEach(() => closers.splice(0).forEach((c) => c()));

/** A real node's socket (`real`) relayed to a tab's websocket (`tab`) through the relay under test. */
async function relayed() {
  let serverSide: Socket | null = null;
  const tcp = createServer((s) => (serverSide = s));
  await new Promise<void>((r) => tcp.listen(0, '127.0.0.1', r));
  const http = createHttpServer();
  const wss = new WebSocketServer({ server: http });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  closers.push(() => {
    tcp.close();
    wss.close();
    http.close();
  });
  const real = tcpConnect({ host: '127.0.0.1', port: (tcp.address() as { port: number }).port });
  await expect.poll(() => serverSide !== null).toBe(true);
  const done = new Promise<string>((resolve) => {
    wss.once('connection', (ws) => void relay(ws, serverSide as Socket).done.then(resolve));
  });
  const tab = new WebSocket(`ws://127.0.0.1:${(http.address() as { port: number }).port}`);
  await new Promise((r) => tab.once('open', r));
  closers.push(() => {
    real.destroy();
    tab.terminate();
  });
  return { real, tab, done };
}

describe('the byte relay', () => {
  it('stops reading the real node while the tab does not read, and loses nothing when it does again', async () => {
    const { real, tab } = await relayed();
    let got = 0;
    let sum = 0;
    tab.on('message', (d: Buffer) => {
      got += d.length;
      for (const b of d) sum = (sum + b) % 65521;
    });
    tab.pause(); // the tab's socket is not read: the server's sends back up
    const total = 48 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 7);
    let written = 0;
    const pump = () => {
      while (written < total && real.write(chunk)) written += chunk.length;
      if (written < total) real.once('drain', () => ((written += chunk.length), pump()));
    };
    pump();
    // The real node's writes stall well before all of it is out: the relay stopped reading it.
    await new Promise((r) => setTimeout(r, 1500));
    expect(written).toBeLessThan(total);
    expect(real.writableLength).toBeGreaterThan(0);
    expect(got).toBe(0);
    tab.resume();
    await expect.poll(() => got, { timeout: 20_000 }).toBe(total);
    expect(sum).toBe((7 * total) % 65521);
    expect(HIGH_WATER_BYTES).toBeLessThan(total / 8);
  }, 30_000);

  it('closes both ends when the tab sends a text frame, or either side closes', async () => {
    const a = await relayed();
    a.tab.send('not bytes');
    expect(await a.done).toBe('a text frame on a byte relay');
    await new Promise((r) => a.real.once('close', r));
    const b = await relayed();
    b.real.destroy();
    expect(await b.done).toBe('the real node closed the connection');
    await new Promise((r) => b.tab.once('close', r));
  });
});
