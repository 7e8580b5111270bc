/**
 * Test helpers for the signalling server: a built app to serve, a websocket client that queues
 * what it receives, and a raw TCP upgrade for what no well-behaved client sends.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import WebSocket from 'ws';

/** A stand-in for `vite build`'s output, with a test page a production server must not serve. */
export function builtApp(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'playground-build-'));
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Node playground</title>');
  writeFileSync(path.join(root, 'favicon.svg'), '<svg/>');
  mkdirSync(path.join(root, 'assets'));
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  mkdirSync(path.join(root, 'e2e', 'harness'), { recursive: true });
  writeFileSync(path.join(root, 'e2e', 'harness', 'transport-contract.html'), '<!doctype html>');
  return root;
}

export interface Client {
  readonly ws: WebSocket;
  /** Messages received so far, parsed. */
  readonly received: unknown[];
  next(): Promise<unknown>;
  closed: Promise<number>;
}

/** A PeerJS-like client registering `id` with `token` at the server on `base` (host:port). */
export function openClient(base: string, id: string, token: string, options: WebSocket.ClientOptions = {}): Client {
  const ws = new WebSocket(`ws://${base}/peerjs/peerjs?key=peerjs&id=${id}&token=${token}&version=1.5.5`, options);
  const received: unknown[] = [];
  const waiters: ((m: unknown) => void)[] = [];
  ws.on('message', (data) => {
    const m: unknown = JSON.parse(String(data));
    const waiter = waiters.shift();
    if (waiter) waiter(m);
    else received.push(m);
  });
  ws.on('error', () => {});
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  return {
    ws,
    received,
    next: () => (received.length > 0 ? Promise.resolve(received.shift()) : new Promise((resolve) => waiters.push(resolve))),
    closed,
  };
}

/** The server on `base` is up: it serves the page, and two real tabs register and reach each other. */
export async function expectServesRealTabs(base: string, freshId: () => string): Promise<void> {
  expect((await fetch(`http://${base}/`)).status).toBe(200);
  const [a, b] = [freshId(), freshId()];
  const one = openClient(base, a, 'token-a');
  const two = openClient(base, b, 'token-b');
  expect(await one.next()).toEqual({ type: 'OPEN' });
  expect(await two.next()).toEqual({ type: 'OPEN' });
  one.ws.send(JSON.stringify({ type: 'OFFER', dst: b, payload: { sdp: 'x' } }));
  expect(await two.next()).toEqual({ type: 'OFFER', src: a, dst: b, payload: { sdp: 'x' } });
  one.ws.close();
  two.ws.close();
  await Promise.all([one.closed, two.closed]);
}

/** A TCP socket that sent a websocket upgrade for `target` (the request line's URL) and nothing else. */
export async function rawUpgrade(port: number, target: string, localAddress?: string): Promise<Socket> {
  const socket = tcpConnect({ host: '127.0.0.1', port, ...(localAddress ? { localAddress } : {}) });
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n',
  );
  return socket;
}

/** The first bytes the server answers on `socket`, or '' if it closes without a word. */
export function firstAnswer(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    socket.once('data', (d) => resolve(String(d)));
    socket.once('close', () => resolve(''));
  });
}
