// The gateway on the real `npm start` server (serve.ts, --beam) over an EPMD in memory: a real
// node's TCP bytes reach the tab that owns the name and nobody else, both directions; the
// bounds hold; a tab leaving leaves EPMD. Against the machine's real epmd: beam-epmd.test.ts.
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from './serve.ts';
import { builtApp, firstAnswer, openClient, rawUpgrade } from './test-client.ts';
import { CLOSE, MAX_CONNECTIONS_PER_TAB, MAX_PENDING_PER_TAB } from './beam-gateway.ts';
import type { EpmdAccess, EpmdRegistration } from './beam-epmd-access.ts';
import { peerIdForNode } from '../src/distribution/peer-id.ts';

/** EPMD as a table: what the gateway registered, and names a test adds for "real nodes". */
class MemoryEpmd implements EpmdAccess {
  readonly names = new Map<string, number>();
  /** Names whose lookup never answers (an EPMD across a network that drops packets). */
  readonly silent = new Set<string>();
  private readonly lost = new Map<string, () => void>();
  register(alive: string, port: number): Promise<EpmdRegistration> {
    if (this.names.has(alive)) return Promise.reject(new Error(`the name ${alive} seems to be in use by another Erlang node`));
    this.names.set(alive, port);
    const registration: EpmdRegistration = {
      close: () => {
        if (this.names.get(alive) === port) this.names.delete(alive);
      },
      onLost: (l) => void this.lost.set(alive, l),
    };
    return Promise.resolve(registration);
  }
  lookup(_host: string, alive: string): Promise<number | null> {
    if (this.silent.has(alive)) return new Promise(() => {});
    return Promise.resolve(this.names.get(alive) ?? null);
  }
  /** EPMD stopping: every registration's socket closes. */
  stop(alive: string): void {
    this.names.delete(alive);
    this.lost.get(alive)?.();
  }
}

/** A websocket under /beam that queues text messages and binary bytes. */
function beamSocket(base: string, query: string) {
  const ws = new WebSocket(`ws://${base}/beam?${query}`);
  const texts: unknown[] = [];
  const textWaiters: ((m: unknown) => void)[] = [];
  let bytes = Buffer.alloc(0);
  ws.on('message', (data, isBinary) => {
    if (isBinary) bytes = Buffer.concat([bytes, data as Buffer]);
    else {
      const m: unknown = JSON.parse(String(data));
      const w = textWaiters.shift();
      if (w) w(m);
      else texts.push(m);
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  ws.on('error', () => {});
  return {
    ws,
    closed,
    next: () => (texts.length > 0 ? Promise.resolve(texts.shift()) : new Promise<unknown>((r) => textWaiters.push(r))),
    bytes: () => bytes,
    opened: () => new Promise<void>((r) => (ws.readyState === WebSocket.OPEN ? r() : ws.once('open', () => r()))),
  };
}

const received = (socket: Socket) => {
  let got = Buffer.alloc(0);
  socket.on('data', (d: Buffer) => (got = Buffer.concat([got, d])));
  return () => got;
};

describe('the --beam gateway', () => {
  let server: RunningServer;
  let base: string;
  const epmd = new MemoryEpmd();
  const logLines: string[] = [];
  let serial = 0;
  const cleanup: (() => void)[] = [];

  beforeAll(async () => {
    server = await startServer({ host: '127.0.0.1', port: 0, root: builtApp(), cors: false, maxPerAddress: 50, beam: epmd, machineHostname: 'vm.lan', log: (l) => logLines.push(l) });
    base = `127.0.0.1:${server.port}`;
  });
  afterAll(() => server.close());
  afterEach(() => {
    for (const c of cleanup.splice(0)) c();
  });

  /** A tab `name@vm` registered with the signalling server, and its /beam control socket. */
  async function tab(host = 'vm') {
    const node = `tab${++serial}@${host}`;
    const id = peerIdForNode(node);
    const token = `secret${serial}`;
    const signalling = openClient(base, id, token);
    expect(await signalling.next()).toEqual({ type: 'OPEN' });
    const auth = `id=${id}&token=${token}`;
    const control = beamSocket(base, auth);
    cleanup.push(() => {
      control.ws.close();
      signalling.ws.close();
    });
    return { node, id, token, auth, alive: node.slice(0, node.indexOf('@')), signalling, control };
  }

  it('serves the page with the host part of default names in a <meta>', async () => {
    const html = await (await fetch(`http://${base}/`)).text();
    expect(html).toContain('<meta name="playground-beam" content="vm" data-long="vm.lan">');
  });

  it('registers a tab with EPMD at a port of its own and relays a real node connecting there, both ways', async () => {
    const t = await tab();
    const registered = (await t.control.next()) as { type: string; node: string; port: number };
    expect(registered).toMatchObject({ type: 'registered', node: t.node });
    expect(epmd.names.get(t.alive)).toBe(registered.port);

    const real = tcpConnect({ host: '127.0.0.1', port: registered.port });
    const fromTab = received(real);
    expect(await t.control.next()).toEqual({ type: 'incoming', conn: 1 });
    real.write(Buffer.from([0, 3, 78, 1, 2])); // sent before the tab's websocket exists: kept for it
    const data = beamSocket(base, `${t.auth}&accept=1`);
    await data.opened();
    await expect.poll(() => [...data.bytes()]).toEqual([0, 3, 78, 1, 2]);
    data.ws.send(Buffer.from([0, 3, 115, 111, 107]));
    await expect.poll(() => [...fromTab()]).toEqual([0, 3, 115, 111, 107]);
    // Either side closing closes the other.
    const realClosed = new Promise((r) => real.once('close', r));
    data.ws.close();
    await realClosed;
  });

  it('opens a tab’s outgoing connection to a name it looks up in EPMD, and refuses unknown names', async () => {
    const t = await tab();
    await t.control.next();
    const realSide: Socket[] = [];
    const realNode: Server = createServer((s) => realSide.push(s));
    await new Promise<void>((r) => realNode.listen(0, '127.0.0.1', r));
    cleanup.push(() => realNode.close());
    epmd.names.set('real', (realNode.address() as { port: number }).port);

    const out = beamSocket(base, `${t.auth}&connect=${encodeURIComponent('real@127.0.0.1')}`);
    expect(await out.next()).toEqual({ type: 'connected' });
    out.ws.send(Buffer.from('send_name'));
    await expect.poll(() => realSide.length).toBe(1);
    const got = received(realSide[0] as Socket);
    await expect.poll(() => String(got())).toBe('send_name');
    (realSide[0] as Socket).write('challenge');
    await expect.poll(() => String(out.bytes())).toBe('challenge');
    out.ws.close();
    epmd.names.delete('real');

    const unknown = beamSocket(base, `${t.auth}&connect=${encodeURIComponent('nobody@127.0.0.1')}`);
    expect(await unknown.closed).toEqual({ code: CLOSE.noNode, reason: 'no node nobody@127.0.0.1 in EPMD at 127.0.0.1' });
    const junk = beamSocket(base, `${t.auth}&connect=nohost`);
    expect((await junk.closed).code).toBe(CLOSE.noNode);
  });

  it('acts only for the tab that owns the name: a wrong token, a stranger and another tab are refused', async () => {
    const t = await tab();
    const { port } = (await t.control.next()) as { port: number };
    for (const query of [`id=${t.id}&token=wrong`, `id=${peerIdForNode('nobody@vm')}&token=x`, `id=junk&token=x`, `token=${t.token}`]) {
      const socket = await rawUpgrade(server.port, `/beam?${query}`);
      expect(await firstAnswer(socket)).toMatch(/^HTTP\/1.1 403/);
    }
    const real = tcpConnect({ host: '127.0.0.1', port });
    real.on('error', () => {});
    expect(await t.control.next()).toEqual({ type: 'incoming', conn: 1 });
    const other = await tab();
    await other.control.next();
    const thief = beamSocket(base, `${other.auth}&accept=1`);
    expect((await thief.closed).code).toBe(CLOSE.noNode);
    // The owner still gets it.
    const data = beamSocket(base, `${t.auth}&accept=1`);
    await data.opened();
    real.write('x');
    await expect.poll(() => String(data.bytes())).toBe('x');
    real.destroy();
  });

  it('does not register a tab whose host part is not this machine’s, nor a name EPMD already has', async () => {
    const lab = await tab('lab');
    expect((await lab.control.closed).code).toBe(CLOSE.name);
    expect(epmd.names.has(lab.alive)).toBe(false);
    const t = await tab();
    await t.control.next();
    // The same tab's second control socket (a reload) takes the first one's place.
    const again = beamSocket(base, t.auth);
    expect(await again.next()).toMatchObject({ type: 'registered', node: t.node });
    expect((await t.control.closed).code).toBe(1000);
    again.ws.close();
    await expect.poll(() => epmd.names.has(t.alive)).toBe(false);
    epmd.names.set(t.alive, 1);
    const taken = beamSocket(base, t.auth);
    expect(await taken.next()).toEqual({ type: 'refused', reason: `the name ${t.alive} seems to be in use by another Erlang node` });
    epmd.names.delete(t.alive);
  });

  it('unregisters a tab that leaves (signalling closed) and closes its port', async () => {
    const t = await tab();
    const { port } = (await t.control.next()) as { port: number };
    t.signalling.ws.close();
    await t.control.closed;
    await expect.poll(() => epmd.names.has(t.alive)).toBe(false);
    const refused = tcpConnect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve) => {
      refused.once('error', () => resolve());
      refused.once('close', () => resolve());
    });
  });

  it('leaves EPMD when EPMD drops the registration, and when the tab talks on its control socket', async () => {
    const t = await tab();
    await t.control.next();
    epmd.stop(t.alive);
    expect((await t.control.closed).code).toBe(1000);
    const u = await tab();
    await u.control.next();
    u.control.ws.send('junk');
    await u.control.closed;
    await expect.poll(() => epmd.names.has(u.alive)).toBe(false);
  });

  it('bounds a tab: waiting incoming connections and connections in all', async () => {
    const t = await tab();
    const { port } = (await t.control.next()) as { port: number };
    const sockets: Socket[] = [];
    const closedCount = { n: 0 };
    for (let i = 0; i < MAX_PENDING_PER_TAB + 3; i++) {
      const s = tcpConnect({ host: '127.0.0.1', port });
      s.on('error', () => {});
      s.on('close', () => closedCount.n++);
      sockets.push(s);
    }
    cleanup.push(() => sockets.forEach((s) => s.destroy()));
    await expect.poll(() => closedCount.n).toBe(3);
    for (let i = 1; i <= MAX_PENDING_PER_TAB; i++) expect(await t.control.next()).toEqual({ type: 'incoming', conn: i });

    // Outgoing connections count too: 16 in all, the pending ones included.
    epmd.silent.add('slow');
    const outs = [];
    for (let i = 0; i < MAX_CONNECTIONS_PER_TAB - MAX_PENDING_PER_TAB; i++) outs.push(beamSocket(base, `${t.auth}&connect=${encodeURIComponent('slow@127.0.0.1')}`));
    await Promise.all(outs.map((o) => o.opened()));
    const over = beamSocket(base, `${t.auth}&connect=${encodeURIComponent('one@127.0.0.1')}`);
    expect(await over.closed).toEqual({ code: CLOSE.limit, reason: 'too many connections for this tab' });
    for (const o of outs) o.ws.close();
  });
});
