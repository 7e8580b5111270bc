// A second round of hostile clients against the real `npm start` server: request targets that
// are not URLs, deep JSON, a client that never reads, sockets piling up from one address before
// or around the websocket handshake, and ids written to forge log lines.
import { connect as tcpConnect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './serve.ts';
import { builtApp, expectServesRealTabs as expectServesTabs, firstAnswer, openClient, rawUpgrade } from './test-client.ts';

const PER_ADDRESS = 4;

describe('the signalling server under a second round of hostile clients', () => {
  let server: RunningServer;
  let base: string;
  const logLines: string[] = [];
  let serial = 0;

  /** A fresh server: its log (20 lines per 10 s) starts empty. */
  async function start(limitLoopback: boolean): Promise<void> {
    logLines.length = 0;
    server = await startServer({ host: '127.0.0.1', port: 0, root: builtApp(), cors: false, maxPerAddress: PER_ADDRESS, limitLoopback, log: (l) => logLines.push(l) });
    base = `127.0.0.1:${server.port}`;
  }
  beforeEach(() => start(true));
  afterEach(() => server.close());

  const freshId = () => `erl-review${++serial}_40lab`;
  const open = (id: string, token = 't') => openClient(base, id, token);

  const expectServesRealTabs = () => expectServesTabs(base, freshId);

  it('survives a request target that is not a URL (`//[`), as an upgrade and as a page', async () => {
    const upgrade = await rawUpgrade(server.port, '//[');
    expect(await firstAnswer(upgrade)).not.toMatch(/^HTTP\/1\.1 101/);
    upgrade.destroy();
    const page = tcpConnect({ host: '127.0.0.1', port: server.port });
    page.on('error', () => {});
    page.write(`GET //[ HTTP/1.1\r\nHost: ${base}\r\nConnection: close\r\n\r\n`);
    const answer = await firstAnswer(page);
    expect(answer).toMatch(/^HTTP\/1\.1 404/);
    expect(answer).not.toContain('TypeError');
    await expectServesRealTabs();
  });

  it('ignores a relayed payload nested 30,000 deep (within 64 KiB) instead of overflowing the stack', async () => {
    const id = freshId();
    const hostile = open(id);
    expect(await hostile.next()).toEqual({ type: 'OPEN' });
    const depth = 30_000;
    hostile.ws.send(`{"type":"OFFER","dst":"${id}","payload":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    hostile.ws.send(`{"type":"CANDIDATE","dst":"${id}","payload":{"deep":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}}`);
    await expect.poll(() => logLines.filter((l) => l.includes(`from ${id}`) && l.includes('nested deeper than'))).toHaveLength(2);
    // A real message still goes through on the same socket.
    hostile.ws.send(JSON.stringify({ type: 'OFFER', dst: id, payload: { sdp: 'c' } }));
    expect(await hostile.next()).toEqual({ type: 'OFFER', src: id, dst: id, payload: { sdp: 'c' } });
    hostile.ws.close();
    await expectServesRealTabs();
  });

  it('stops queueing replies for a client that never reads them (its EXPIREs are dropped past 1 MiB)', async () => {
    // From loopback, unlimited: the relay budget alone would stop this flood sooner.
    await server.close();
    await start(false);
    const id = freshId();
    const hostile = open(id);
    expect(await hostile.next()).toEqual({ type: 'OPEN' });
    hostile.ws.pause();
    // Each message asks for an EXPIRE as long as itself; the kernel's buffers hold a few MiB of them.
    const nobody = `erl-${'x'.repeat(3000)}`;
    const message = JSON.stringify({ type: 'OFFER', dst: nobody, payload: {} });
    for (let i = 0; i < 6000; i++) hostile.ws.send(message);
    await expect.poll(() => logLines.some((l) => l.startsWith(`dropped an EXPIRE for ${id}: its socket is not reading`)), { timeout: 20_000 }).toBe(true);
    hostile.ws.terminate();
    await expectServesRealTabs();
  });

  it('answers 429 to websockets past twice the per-address limit, even those it would refuse anyway', async () => {
    const flooder = '127.0.0.3';
    // Refused ids, from a client that never answers the close: each would linger for 30 s.
    const sockets = await Promise.all(
      Array.from({ length: 3 * PER_ADDRESS }, () => rawUpgrade(server.port, '/peerjs/peerjs?key=peerjs&id=hello&token=t', flooder)),
    );
    const answers = await Promise.all(sockets.map(firstAnswer));
    expect(answers.filter((a) => a.startsWith('HTTP/1.1 101'))).toHaveLength(2 * PER_ADDRESS);
    expect(answers.filter((a) => a.startsWith('HTTP/1.1 429'))).toHaveLength(PER_ADDRESS);
    for (const s of sockets) s.destroy();
    await expectServesRealTabs();
  });

  it('closes TCP connections from one address past its limit before they send anything (slowloris)', async () => {
    const flooder = '127.0.0.4';
    const sockets: Socket[] = [];
    const closed: boolean[] = [];
    for (let i = 0; i < 4 * PER_ADDRESS + 16; i++) {
      const s = tcpConnect({ host: '127.0.0.1', port: server.port, localAddress: flooder });
      const n = closed.push(false) - 1;
      s.on('error', () => {});
      s.on('close', () => (closed[n] = true));
      sockets.push(s);
    }
    // Headers that never end would hold each socket for Node's 60 s headersTimeout.
    await expect.poll(() => closed.filter(Boolean).length).toBe(2 * PER_ADDRESS);
    expect(closed.slice(0, 2 * PER_ADDRESS + 8).some(Boolean)).toBe(false);
    for (const s of sockets) s.destroy();
    await expectServesRealTabs();
  });

  it('relays an OFFER flood to one tab only up to the sender address’s budget (10 per registration, then 1 a second)', async () => {
    const victimId = freshId();
    const victim = open(victimId);
    expect(await victim.next()).toEqual({ type: 'OPEN' });
    const flooder = openClient(base, freshId(), 't', { localAddress: '127.0.0.5' });
    expect(await flooder.next()).toEqual({ type: 'OPEN' });
    const started = Date.now();
    for (let i = 0; i < 1000; i++) flooder.ws.send(JSON.stringify({ type: 'OFFER', dst: victimId, payload: { connectionId: `dc_${i}` } }));
    // The server reads a socket in order: once it answers the close, it has read the flood.
    flooder.ws.close();
    await flooder.closed;
    const seconds = (Date.now() - started) / 1000;
    // Another address still reaches the victim; its message comes after every relayed OFFER.
    const friend = openClient(base, freshId(), 't', { localAddress: '127.0.0.6' });
    expect(await friend.next()).toEqual({ type: 'OPEN' });
    friend.ws.send(JSON.stringify({ type: 'LEAVE', dst: victimId }));
    await expect.poll(() => victim.received.some((m) => (m as { type: string }).type === 'LEAVE')).toBe(true);
    const offers = victim.received.filter((m) => (m as { type: string }).type === 'OFFER').length;
    expect(offers).toBeGreaterThanOrEqual(10 * PER_ADDRESS);
    expect(offers).toBeLessThanOrEqual(10 * PER_ADDRESS + Math.ceil(seconds * PER_ADDRESS) + 1);
    expect(logLines.some((l) => l.includes("over its address's relay budget"))).toBe(true);
    victim.ws.close();
    friend.ws.close();
    await expectServesRealTabs();
  });

  it('does not log ordinary resets of sockets (a tab closing, a page load cut short), only problems', async () => {
    const id = freshId();
    const tab = open(id);
    expect(await tab.next()).toEqual({ type: 'OPEN' });
    // A closing tab's browser may reset its websocket's TCP connection instead of closing it.
    (tab.ws as unknown as { _socket: Socket })._socket.resetAndDestroy();
    await expect.poll(() => logLines).toContain(`peer disconnected: ${id}`);
    const upgrade = await rawUpgrade(server.port, `/peerjs/peerjs?key=peerjs&id=${freshId()}&token=t`);
    await firstAnswer(upgrade);
    upgrade.resetAndDestroy();
    await expectServesRealTabs();
    expect(logLines.filter((l) => /ECONNRESET|socket error/.test(l))).toEqual([]);
    // A real protocol problem is still logged.
    const bad = open(freshId());
    await bad.next();
    (bad.ws as unknown as { _socket: Socket })._socket.write(Buffer.from([0x83, 0x80, 0, 0, 0, 0]));
    await expect.poll(() => logLines.filter((l) => l.startsWith('socket error from 127.0.0.1: '))).toHaveLength(1);
  });

  it('relays an ANSWER or CANDIDATE only for a connection an OFFER between the same two peers opened', async () => {
    const [a, b, c] = [freshId(), freshId(), freshId()];
    const [one, two, other] = [open(a), open(b), open(c)];
    await Promise.all([one.next(), two.next(), other.next()]);
    const say = (from: typeof one, type: string, dst: string, connectionId: string) =>
      from.ws.send(JSON.stringify({ type, dst, payload: { connectionId, candidate: 'x' } }));
    // Nothing opened dc_1 yet, and c's OFFER opens it between c and b only.
    say(one, 'CANDIDATE', b, 'dc_1');
    say(other, 'OFFER', b, 'dc_1');
    expect(await two.next()).toMatchObject({ type: 'OFFER', src: c });
    say(one, 'ANSWER', b, 'dc_1');
    say(one, 'OFFER', b, 'dc_1');
    expect(await two.next()).toMatchObject({ type: 'OFFER', src: a });
    // Now both ways between a and b, for dc_1 and no other id.
    say(two, 'ANSWER', a, 'dc_1');
    expect(await one.next()).toMatchObject({ type: 'ANSWER', src: b, payload: { connectionId: 'dc_1' } });
    say(two, 'CANDIDATE', a, 'dc_2');
    say(one, 'CANDIDATE', b, 'dc_1');
    expect(await two.next()).toMatchObject({ type: 'CANDIDATE', src: a, payload: { connectionId: 'dc_1' } });
    expect(logLines.filter((l) => l.includes('no OFFER between'))).toEqual([
      `dropped a CANDIDATE from ${a} (127.0.0.1): no OFFER between ${a} and ${b} opened its connection`,
      `dropped an ANSWER from ${a} (127.0.0.1): no OFFER between ${a} and ${b} opened its connection`,
      `dropped a CANDIDATE from ${b} (127.0.0.1): no OFFER between ${b} and ${a} opened its connection`,
    ]);
    // b leaves: what its pairs opened is forgotten, also when its id registers again.
    two.ws.close();
    await two.closed;
    const back = open(b);
    expect(await back.next()).toEqual({ type: 'OPEN' });
    say(one, 'CANDIDATE', b, 'dc_1');
    say(one, 'OFFER', b, 'dc_3');
    expect(await back.next()).toMatchObject({ type: 'OFFER', payload: { connectionId: 'dc_3' } });
    expect(back.received).toEqual([]);
    for (const client of [one, back, other]) client.ws.close();
    await expectServesRealTabs();
  });

  it('writes a hostile id into the log as one line, its control characters escaped', async () => {
    const forged = 'x\n[signalling] peer connected: erl-admin_40lab\u001b[2J';
    const hostile = openClient(base, encodeURIComponent(forged), 't');
    expect(await hostile.next()).toMatchObject({ type: 'ERROR' });
    await expect.poll(() => logLines.find((l) => l.startsWith('refused '))).toBeDefined();
    const line = logLines.find((l) => l.startsWith('refused ')) as string;
    expect(line).toContain('x\\u000a[signalling] peer connected: erl-admin_40lab\\u001b[2J');
    expect([line.includes('\n'), line.includes('\u001b')]).toEqual([false, false]);
  });
});
