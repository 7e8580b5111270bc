// A hostile client against the real `npm start` server (serve.ts on an ephemeral port): after
// each attack the server is still up, serves the app and registers and relays for real tabs.
import { connect as tcpConnect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from './serve.ts';
import { MAX_FRAME_BYTES } from './signalling.ts';
import { builtApp, expectServesRealTabs as expectServesTabs, openClient, rawUpgrade, type Client } from './test-client.ts';

const PER_ADDRESS = 8;
/** Linux routes all of 127/8 to the loopback interface: a second address for the flooder. */
const FLOODER = '127.0.0.2';

describe('the signalling server under a hostile client', () => {
  let server: RunningServer;
  let base: string;
  const logLines: string[] = [];
  let serial = 0;

  beforeAll(async () => {
    server = await startServer({ host: '127.0.0.1', port: 0, root: builtApp(), cors: false, maxPerAddress: PER_ADDRESS, limitLoopback: true, log: (l) => logLines.push(l) });
    base = `127.0.0.1:${server.port}`;
  });
  afterAll(() => server.close());

  const open = (id: string, token: string, options: WebSocket.ClientOptions = {}): Client => openClient(base, id, token, options);
  const opened = (ws: WebSocket) => new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const peers = async () => (await (await fetch(`http://${base}/peerjs/peerjs/peers`)).json()) as string[];
  const freshId = () => `erl-real${++serial}_40lab`;

  const expectServesRealTabs = () => expectServesTabs(base, freshId);

  it('ignores null, arrays, non-JSON, unknown types and binary frames, one log line each', async () => {
    const id = freshId();
    const hostile = open(id, 't');
    expect(await hostile.next()).toEqual({ type: 'OPEN' });
    logLines.length = 0;
    const junk = ['null', '[]', '{"type":5}', 'not json', '{"type":"EXPIRE","dst":"x"}', '{"type":"OFFER"}', '"OFFER"'];
    for (const text of junk) hostile.ws.send(text);
    hostile.ws.send(Buffer.from([1, 2, 3]), { binary: true });
    // A HEARTBEAT after the junk: once it is through, so is everything before it.
    hostile.ws.send('{"type":"HEARTBEAT"}');
    await expect.poll(() => logLines.length).toBe(junk.length + 1);
    expect(logLines.every((l) => l.startsWith(`ignored a message from ${id} (127.0.0.1): `))).toBe(true);
    expect(logLines.at(-1)).toContain('a binary frame');
    expect(hostile.ws.readyState).toBe(WebSocket.OPEN);
    await expectServesRealTabs();
    hostile.ws.close();
  });

  it('keeps the log bounded under a flood of junk', async () => {
    const [id, probeId] = [freshId(), freshId()];
    const hostile = open(id, 't');
    const probe = open(probeId, 't');
    await Promise.all([hostile.next(), probe.next()]);
    logLines.length = 0;
    for (let i = 0; i < 2000; i++) hostile.ws.send('null');
    // Relayed after the junk on the same socket: once it arrives, the junk has been read.
    hostile.ws.send(JSON.stringify({ type: 'OFFER', dst: probeId, payload: {} }));
    expect(await probe.next()).toMatchObject({ type: 'OFFER', src: id });
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.length).toBeLessThanOrEqual(20);
    probe.ws.close();
    await expectServesRealTabs();
    hostile.ws.close();
  });

  it('relays with the sender’s own id, and answers EXPIRE for an id nobody holds', async () => {
    const [a, b] = [freshId(), freshId()];
    const hostile = open(a, 't');
    const victim = open(b, 't2');
    await Promise.all([hostile.next(), victim.next()]);
    hostile.ws.send(JSON.stringify({ type: 'OFFER', src: 'erl-someone_40lab', dst: b, payload: {} }));
    expect(await victim.next()).toEqual({ type: 'OFFER', src: a, dst: b, payload: {} });
    hostile.ws.send(JSON.stringify({ type: 'OFFER', dst: 'erl-nobody_40lab', payload: {} }));
    expect(await hostile.next()).toEqual({ type: 'EXPIRE', src: 'erl-nobody_40lab', dst: a });
    hostile.ws.close();
    victim.ws.close();
  });

  it('closes a socket that sends a frame over 64 KiB, and stays up', async () => {
    const hostile = open(freshId(), 't');
    await hostile.next();
    hostile.ws.send('x'.repeat(MAX_FRAME_BYTES + 1));
    expect(await hostile.closed).toBe(1009);
    await expectServesRealTabs();
  });

  it('does not read a huge frame before closing it (memory stays flat)', async () => {
    const socket = await rawUpgrade(server.port, `/peerjs/peerjs?key=peerjs&id=${freshId()}&token=t`);
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    await new Promise((resolve) => socket.once('data', resolve));
    // A masked text frame announcing 100 MiB, then the first MiB of it.
    const header = Buffer.alloc(14);
    header[0] = 0x81;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(100n * 1024n * 1024n, 2);
    socket.write(header);
    socket.write(Buffer.alloc(1024 * 1024));
    await closed;
    await expectServesRealTabs();
  });

  it('limits connections per address, so a flood from one address locks nobody else out', async () => {
    const flood: Client[] = [];
    for (let i = 0; i < PER_ADDRESS + 5; i++) flood.push(open(`erl-flood${i}_40lab`, 't', { localAddress: FLOODER }));
    const answers = await Promise.all(flood.map((c) => c.next()));
    expect(answers.filter((m) => (m as { type: string }).type === 'OPEN')).toHaveLength(PER_ADDRESS);
    expect(answers.at(-1)).toEqual({ type: 'ERROR', payload: { msg: `Too many connections from ${FLOODER} (limit ${PER_ADDRESS}, see --max-per-address)` } });
    await expectServesRealTabs();
    for (const c of flood) c.ws.close();
  });

  it('keeps a dropped tab’s name for its token: a hijacker gets ID-TAKEN, the tab gets its name back', async () => {
    const id = freshId();
    const tab = open(id, 'the-tabs-secret');
    expect(await tab.next()).toEqual({ type: 'OPEN' });
    expect(await open(id, 'guess').next()).toEqual({ type: 'ID-TAKEN', payload: { msg: 'ID is taken' } });
    // The signalling socket drops (no close frame, as when a network goes away).
    tab.ws.terminate();
    await expect.poll(peers).not.toContain(id);
    const thief = open(id, 'guess');
    expect(await thief.next()).toEqual({ type: 'ID-TAKEN', payload: { msg: 'ID is taken' } });
    expect(await thief.closed).toBeGreaterThan(0);
    const back = open(id, 'the-tabs-secret');
    expect(await back.next()).toEqual({ type: 'OPEN' });
    expect(await peers()).toContain(id);
    // A tab that leaves (closes its socket itself) frees its name at once.
    back.ws.close();
    await back.closed;
    const next = open(id, 'someone-else');
    expect(await next.next()).toEqual({ type: 'OPEN' });
    next.ws.close();
    await expectServesRealTabs();
  });

  it('refuses ids that are not the one canonical id of a node name', async () => {
    for (const alias of ['erlone_40lab', 'erl-_6fne_40lab', 'erl-on_65_40lab', 'hello']) {
      expect(await open(alias, 't').next()).toEqual({ type: 'ERROR', payload: { msg: `ID "${alias}" is not a node name's id` } });
    }
    await expectServesRealTabs();
  });

  it('gives no CORS to pages of other origins, and no websocket either', async () => {
    const res = await fetch(`http://${base}/peerjs/peerjs/peers`, { headers: { Origin: 'http://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const foreign = new WebSocket(`ws://${base}/peerjs/peerjs?key=peerjs&id=${freshId()}&token=t`, { origin: 'http://evil.example' });
    const status = await new Promise<number | undefined>((resolve) => {
      foreign.on('unexpected-response', (_req, r) => resolve(r.statusCode));
      foreign.on('open', () => resolve(101));
      foreign.on('error', () => {});
    });
    expect(status).toBe(403);
    // The page this server served is of its own origin.
    const own = open(freshId(), 't', { origin: `http://${base}` });
    expect(await own.next()).toEqual({ type: 'OPEN' });
    own.ws.close();
    await expectServesRealTabs();
  });

  it('serves the app’s own files only: no test pages, no fallback page for other paths', async () => {
    const status = async (p: string) => (await fetch(`http://${base}${p}`)).status;
    expect(await status('/')).toBe(200);
    expect(await status('/assets/index-abc.js')).toBe(200);
    expect(await status('/favicon.svg')).toBe(200);
    expect(await status('/e2e/harness/transport-contract.html')).toBe(404);
    expect(await status('/assets/..%2fe2e/harness/transport-contract.html')).toBe(404);
    expect(await status('/some/route')).toBe(404);
  });

  it('survives sockets that die during the handshake', async () => {
    for (let i = 0; i < 20; i++) {
      const socket = tcpConnect({ host: '127.0.0.1', port: server.port });
      socket.on('error', () => {});
      socket.write(`GET /peerjs/peerjs?key=peerjs&id=${freshId()}&token=t HTTP/1.1\r\nHost: ${base}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`);
      socket.destroy();
    }
    const half = new WebSocket(`ws://${base}/peerjs/peerjs?key=peerjs&id=${freshId()}&token=t`);
    half.on('error', () => {});
    await opened(half);
    half.terminate();
    await expectServesRealTabs();
  });
});

describe('the signalling server with --cors', () => {
  it('lets pages of other origins in', async () => {
    const server = await startServer({ host: '127.0.0.1', port: 0, root: builtApp(), cors: true, maxPerAddress: 50 });
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/peerjs/peerjs/peers`, { headers: { Origin: 'http://other.example' } });
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/peerjs/peerjs?key=peerjs&id=erl-one_40lab&token=t`, { origin: 'http://other.example' });
      const first = await new Promise((resolve) => ws.on('message', (m) => resolve(JSON.parse(String(m)))));
      expect(first).toEqual({ type: 'OPEN' });
      ws.close();
    } finally {
      await server.close();
    }
  });
});
