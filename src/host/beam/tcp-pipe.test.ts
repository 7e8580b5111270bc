import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { tcpPipe } from './tcp-pipe.ts';

/** A connected socket pair over loopback. */
async function socketPair(): Promise<[Socket, Socket]> {
  let accepted: (s: Socket) => void = () => {};
  const got = new Promise<Socket>((res) => (accepted = res));
  const server = createServer((s) => accepted(s));
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
  await new Promise((res) => client.on('connect', res));
  const other = await got;
  server.close();
  return [client, other];
}

describe('tcpPipe', () => {
  it('carries bytes in order, and a close reaches both sides once', async () => {
    const [x, y] = await socketPair();
    const a = tcpPipe(x);
    const b = tcpPipe(y);
    const got: number[] = [];
    const closes: string[] = [];
    let gotAll: () => void = () => {};
    const all = new Promise<void>((res) => (gotAll = res));
    b.onData((d) => {
      got.push(...d);
      if (got.length === 1000) gotAll();
    });
    let aClosed: () => void = () => {};
    const aDone = new Promise<void>((res) => (aClosed = res));
    a.onClose((r) => {
      closes.push(`a:${r}`);
      aClosed();
    });
    let bClosed: () => void = () => {};
    const bDone = new Promise<void>((res) => (bClosed = res));
    b.onClose((r) => {
      closes.push(`b:${r}`);
      bClosed();
    });
    expect(a.writable).toBe(true);
    for (let i = 0; i < 10; i++) a.write(Uint8Array.from({ length: 100 }, (_, j) => (i * 100 + j) & 0xff));
    await all;
    expect(got).toEqual(Array.from({ length: 1000 }, (_, i) => i & 0xff));
    a.close();
    await Promise.all([aDone, bDone]);
    expect(closes.sort()).toEqual(['a:closed', 'b:closed by peer']);
    a.write(Uint8Array.of(1)); // a no-op after close
  });
});
