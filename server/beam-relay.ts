/**
 * One real node's TCP connection relayed over one websocket to the tab that runs the handshake
 * and the connection itself: the bytes pass unread (the cookie's digest too: the cookie never
 * reaches the server). Bounded both ways: past HIGH_WATER_BYTES waiting for the slower side, the
 * faster side is paused until it drains, so a reader that stops reading costs the server at most
 * that much per connection, never more.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/** Bytes that may wait for the tab (websocket) or the real node (TCP) before the other side is paused. */
export const HIGH_WATER_BYTES = 1024 * 1024;
const LOW_WATER_BYTES = 256 * 1024;

export interface RelayEnd {
  /** Fires once, when either side has closed (and the other was closed with it). */
  readonly done: Promise<string>;
}

export function relay(ws: WebSocket, socket: Socket): RelayEnd {
  let finish: (why: string) => void = () => {};
  const done = new Promise<string>((resolve) => (finish = resolve));
  let ended = false;
  const end = (why: string) => {
    if (ended) return;
    ended = true;
    socket.destroy();
    if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) ws.close(1000, why.slice(0, 100));
    finish(why);
  };

  // Distribution packets are small and latency-bound, as inet_tcp_dist's nodelay says.
  socket.setNoDelay(true);
  // TCP → tab: the websocket's own send callbacks say when bytes have gone out.
  let toTab = 0;
  socket.on('data', (chunk: Buffer) => {
    if (ended) return;
    toTab += chunk.length;
    ws.send(chunk, { binary: true }, () => {
      toTab -= chunk.length;
      if (toTab < LOW_WATER_BYTES && socket.isPaused() && !ended) socket.resume();
    });
    if (toTab > HIGH_WATER_BYTES) socket.pause();
  });
  // Tab → TCP: a text frame is not a byte of the protocol; the tab that sends one is broken.
  ws.on('message', (data, isBinary) => {
    if (ended) return;
    if (!isBinary) return end('a text frame on a byte relay');
    if (!socket.write(toBuffer(data))) ws.pause();
  });
  socket.on('drain', () => ws.resume());
  socket.on('error', (err) => end(`tcp: ${err.message}`));
  socket.on('close', () => end('the real node closed the connection'));
  ws.on('close', () => end('the tab closed the connection'));
  ws.on('error', (err) => end(`websocket: ${err.message}`));
  socket.resume();
  return { done };
}

function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}
