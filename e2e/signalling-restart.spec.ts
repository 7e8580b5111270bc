// The signalling server (our EPMD) going away never costs a tab its links or its name: live links
// keep working while it is down, the tab registers again when it is back, and nobody can take the
// tab's name in between. These tests run their own server (port chosen by the system) so that
// they can stop it.
import { spawn, type ChildProcess } from 'node:child_process';
import { type Browser, type WebSocketRoute } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import WebSocket from 'ws';
import { openNode } from './kit.ts';

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  /** What it printed so far (its log). */
  output(): string;
}

function startServer(port = 0): Promise<Server> {
  // The server itself as the child (not npx), so stopping the child stops the server.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/start.ts', '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += String(d);
      const url = /Node playground on http:\/\/localhost:(\d+)\//.exec(out);
      if (url) resolve({ child, port: Number(url[1]), output: () => out });
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.removeAllListeners('exit');
    if (server.child.exitCode !== null) return resolve();
    server.child.on('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

/** A client of our own that registers `id` with a token of its own: what the server answers it. */
function register(port: number, id: string, token: string): Promise<{ answer: { type: string }; leave: () => void }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://localhost:${port}/peerjs/peerjs?key=peerjs&id=${id}&token=${token}`);
    ws.once('message', (m) => resolve({ answer: JSON.parse(String(m)) as { type: string }, leave: () => ws.close() }));
    ws.on('error', reject);
  });
}
const answer = async (port: number, id: string, token: string) => {
  const r = await register(port, id, token);
  r.leave();
  return r.answer;
};

const peers = async (port: number) => (await (await fetch(`http://localhost:${port}/peerjs/peerjs/peers`)).json()) as string[];

/**
 * A node whose signalling socket runs through a route, so that the test can drop it (`drop`) and
 * hold the tab's attempts to register again (`hold`) while it sets the scene.
 */
async function routedNode(browser: Browser, sname: string, host: string, base: string) {
  const sockets: WebSocketRoute[] = [];
  let holding = false;
  const node = await openNode(browser, {
    sname,
    host,
    baseURL: base,
    onContext: (context) =>
      context.routeWebSocket(/\/peerjs\/peerjs/, (ws) => {
        if (holding) return ws.close({ code: 4000, reason: 'held by the test' });
        const server = ws.connectToServer();
        // The server's side closing (a restart) reaches the page; the page's close code does not
        // reach the server: the test chooses the code the server sees.
        ws.onClose(() => server.close({ code: 4000, reason: 'dropped' }));
        server.onClose(() => ws.close({ code: 4000, reason: 'dropped' }));
        sockets.push(server, ws);
      }),
  });
  return {
    node,
    hold: (on: boolean) => {
      holding = on;
    },
    /** Drops the socket: 4000 is no close by the tab itself, so the server keeps its name. */
    drop: async () => {
      for (const side of sockets.splice(0)) await side.close({ code: 4000, reason: 'dropped' });
    },
  };
}

test('live links survive a signalling restart, and the name taken meanwhile; new ones work once it is back', async ({ browser }) => {
  test.setTimeout(90_000);
  let server = await startServer();
  const base = `http://localhost:${server.port}`;
  try {
    const { node: one, hold } = await routedNode(browser, 'one', 'restart', base);
    const two = await openNode(browser, { sname: 'two', host: 'restart', baseURL: base });
    expect(await one.iex('Node.connect :"two@restart"')).toBe('true');
    const status = one.page.getByRole('status', { name: 'signalling server' });

    hold(true);
    await stop(server);
    await expect(status).toContainText('disconnected');
    // The data channel between the tabs does not need the server.
    expect(await two.iex(':global.register_name(:two, self())')).toBe(':yes');
    expect(await one.iex('send :global.whereis_name(:two), :still_here')).toBe(':still_here');
    expect(await two.iex('flush()')).toBe(':still_here\n:ok');
    // A connect while the server is down fails; it does not break the tab.
    expect(await one.iex('Node.connect :"nobody@restart"')).toBe('false');

    // The new server knows no token for one@restart, and someone else gets the name first: the
    // tab is refused (ID-TAKEN) when it comes back, and keeps its links all the same.
    server = await startServer(server.port);
    const hijacker = await register(server.port, 'erl-one_40restart', 'stolen');
    expect(hijacker.answer).toEqual({ type: 'OPEN' });
    hold(false);
    await expect.poll(() => server.output(), { timeout: 15_000 }).toContain('refused erl-one_40restart from 127.0.0.1: ID is taken');
    await expect(status).toContainText('disconnected');
    expect(await one.iex('send :global.whereis_name(:two), :refused_but_linked')).toBe(':refused_but_linked');
    expect(await two.iex('flush()')).toBe(':refused_but_linked\n:ok');

    // The hijacker leaves: the tab gets its name back.
    hijacker.leave();
    await expect(status).toContainText('registered', { timeout: 15_000 });
    const three = await openNode(browser, { sname: 'three', host: 'restart', baseURL: base });
    expect(await three.iex('Node.connect :"one@restart"')).toBe('true');
    await expect.poll(() => three.iex('Node.list'), { timeout: 10_000 }).toBe('[:one@restart, :two@restart]');
  } finally {
    await stop(server);
  }
});

test('a dropped signalling socket keeps the name and the links: a hijacker gets ID-TAKEN', async ({ browser }) => {
  test.setTimeout(120_000);
  const server = await startServer();
  const base = `http://localhost:${server.port}`;
  try {
    const { node: one, hold, drop } = await routedNode(browser, 'one', 'hijack', base);
    const two = await openNode(browser, { sname: 'two', host: 'hijack', baseURL: base });
    expect(await two.iex('Process.register(self(), :shell_two)')).toBe('true');
    expect(await one.iex(':net_kernel.monitor_nodes(true)')).toBe(':ok');
    expect(await one.iex('Node.connect :"two@hijack"')).toBe('true');
    await expect.poll(() => one.iex('flush()')).toBe('{:nodeup, :two@hijack}\n:ok');

    // The socket drops (4000: not a close by the tab itself, so the server keeps its name).
    hold(true);
    await drop();
    const status = one.page.getByRole('status', { name: 'signalling server' });
    await expect(status).toContainText('disconnected');
    await expect.poll(() => peers(server.port)).not.toContain('erl-one_40hijack');
    // Nobody holds the id now; still, it is one's for its grace period.
    expect(await answer(server.port, 'erl-one_40hijack', 'stolen')).toMatchObject({ type: 'ID-TAKEN' });
    // An alias of the same node name is no way around it.
    expect(await answer(server.port, 'erlone_40hijack', 'stolen')).toMatchObject({ type: 'ERROR' });
    // Signalling is down for one; its link to two is not.
    expect(await one.iex('send {:shell_two, :"two@hijack"}, :while_down')).toBe(':while_down');
    expect(await two.iex('flush()')).toBe(':while_down\n:ok');

    hold(false);
    await expect(status).toContainText('registered', { timeout: 15_000 });
    expect(await peers(server.port)).toContain('erl-one_40hijack');
    expect(await one.iex('node()')).toBe(':one@hijack');
    expect(await one.iex('Node.list')).toBe('[:two@hijack]');
    expect(await one.iex('send {:shell_two, :"two@hijack"}, :after')).toBe(':after');
    expect(await two.iex('flush()')).toBe(':after\n:ok');
    // The same link all along: one never saw a nodedown.
    expect(await one.iex('flush()')).toBe(':ok');
  } finally {
    await stop(server);
  }
});

test('a second tab asking for a name in use is refused, as iex is', async ({ browser }) => {
  const server = await startServer();
  const base = `http://localhost:${server.port}`;
  try {
    const first = await openNode(browser, { sname: 'dup', host: 'twice', baseURL: base });
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/?sname=dup&host=twice`);
    await expect(page.getByRole('log', { name: 'iex output' })).toContainText(
      "Protocol 'inet_tcp': the name dup@twice seems to be in use by another Erlang node",
    );
    await expect(page.getByRole('status', { name: 'signalling server' })).toContainText('not alive');
    expect(await first.iex('node()')).toBe(':dup@twice');
    expect(await peers(server.port)).toEqual(['erl-dup_40twice']);
  } finally {
    await stop(server);
  }
});
