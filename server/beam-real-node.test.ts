// A "tab" (the page's node and shell, in Node, on the gateway transport the page uses) and a real
// `elixir --sname` node meet through the real `npm start --beam` server and the machine's epmd:
// the real node connects to the tab by its name and they exchange messages; the tab connects to
// the real node by its name and they do too; a wrong cookie is refused as BEAM refuses it. Requires Erlang and
// Elixir (scripts/ensure-tools.js installs them). Every wait is for output, never a sleep.
import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from './serve.ts';
import { machineEpmd } from './beam-epmd.ts';
import { builtApp, openClient } from './test-client.ts';
import { peerIdForNode } from '../src/distribution/peer-id.ts';
import { gatewayTransport, type GatewayState, type SocketLike } from '../src/distribution/transports/gateway.ts';
import { createPlaygroundNode } from '../src/playground/node.ts';
import { createElixirShell } from '../src/core/shell/elixir-shell.ts';
import { nodeScheduling, startNodeLoop } from '../src/host/node-loop.ts';
import { realEffects } from '../src/host/real-effects.ts';
import { nodeOptionsFor } from '../src/playground/start-options.ts';

const host = hostname().split('.')[0] as string;
const tag = `${process.pid}`;
const children: ChildProcess[] = [];
const stops: (() => void)[] = [];

/** A real node running `code` (Elixir), its output as it comes. */
function realNode(name: string, cookie: string, code: string) {
  const child = spawn('elixir', ['--sname', name, '--cookie', cookie, '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return { output: () => out, exited: new Promise((r) => child.once('exit', r)) };
}

describe('a tab and a real Elixir node through the gateway', () => {
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    const epmd = await machineEpmd();
    server = await startServer({ host: '127.0.0.1', port: 0, root: builtApp(), cors: false, maxPerAddress: 50, beam: epmd.access });
    base = `127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    for (const s of stops) s();
    await server.close();
  });

  /** A tab named `name@<this host>`: registered with signalling, alive on the gateway transport. */
  async function tab(name: string, cookie: string) {
    const node = `${name}@${host}`;
    const id = peerIdForNode(node);
    const token = `t${tag}${name}`;
    const signalling = openClient(base, id, token);
    expect(await signalling.next()).toEqual({ type: 'OPEN' });
    const states: GatewayState[] = [];
    const transport = gatewayTransport({
      open: (query) => new WebSocket(`ws://${base}/beam?id=${id}&token=${token}${query ? `&${query}` : ''}`) as unknown as SocketLike,
      later: (ms, fn) => void setTimeout(fn, ms),
      onState: (s) => states.push(s),
    });
    const effects = realEffects();
    let out = '';
    const elixir = createPlaygroundNode(nodeOptionsFor({ node, cookie, hidden: false }, effects, (t) => (out += t)));
    const loop = startNodeLoop(elixir.node, effects.clock, nodeScheduling());
    elixir.goAlive({ transport, names: (done) => done({ ok: [] }), cookie, clock: effects.clock, random: effects.random, wake: loop.wake });
    const shell = createElixirShell(elixir, { write: (t) => (out += t), echo: false, banner: false });
    stops.push(() => {
      elixir.dist?.stop();
      loop.stop();
      signalling.ws.close();
    });
    await expect.poll(() => states[0]?.type, { timeout: 10_000 }).toBe('registered');
    return {
      node,
      output: () => out,
      /** Types `line` in the tab's shell (it may block in a receive: its output arrives later). */
      type(line: string) {
        shell.input(line);
        loop.wake();
      },
    };
  }

  it('a real node connects to the tab by name, and they send to registered names both ways', async () => {
    const t = await tab(`gateway_tab${tag}`, 'c');
    t.type('Process.register(self(), :inbox)');
    t.type('receive do {:hi, from} -> send({:box, from}, {:back, 42}); IO.puts("got hi from #{from}") end');
    const real = realNode(`gateway_real${tag}`, 'c', [
      'Process.register(self(), :box)',
      `IO.puts("connect #{Node.connect(:"${t.node}")}")`,
      'IO.puts("list #{inspect(Node.list())}")',
      `send({:inbox, :"${t.node}"}, {:hi, node()})`,
      'receive do {:back, x} -> IO.puts("back #{x}") after 15000 -> IO.puts("timeout") end',
    ].join('; '));
    await expect.poll(() => real.output(), { timeout: 30_000 }).toContain('back 42');
    expect(real.output()).toContain(`connect true\nlist [:${t.node}]\n`);
    expect(t.output()).toContain(`got hi from gateway_real${tag}@${host}`);
  }, 40_000);

  it('the tab connects to a real node by name, and a wrong cookie is refused on both sides', async () => {
    const realName = `gateway_realb${tag}`;
    const real = realNode(realName, 'c', 'Process.register(self(), :rp); IO.puts("ready"); receive do {:ping, from} -> send(from, :pong) end; Process.sleep(30000)');
    await expect.poll(() => real.output(), { timeout: 15_000 }).toContain('ready');
    const t = await tab(`gateway_tabb${tag}`, 'c');
    t.type(`IO.puts("connected #{Node.connect(:"${realName}@${host}")}")`);
    await expect.poll(() => t.output(), { timeout: 15_000 }).toContain('connected true');
    t.type(`send({:rp, :"${realName}@${host}"}, {:ping, self()}); receive do :pong -> IO.puts("pong") end`);
    await expect.poll(() => t.output(), { timeout: 10_000 }).toContain('pong');
    const bad = await tab(`gateway_tabc${tag}`, 'wrong');
    bad.type(`IO.puts("bad #{Node.connect(:"${realName}@${host}")}")`);
    await expect.poll(() => bad.output(), { timeout: 15_000 }).toContain('bad false');
    await expect.poll(() => real.output(), { timeout: 5_000 }).toContain(`** Connection attempt from node :gateway_tabc${tag}@${host} rejected. Invalid challenge reply. **`);
  }, 40_000);
});
