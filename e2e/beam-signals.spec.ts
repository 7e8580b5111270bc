// The rest of issue 15 §2 between a Chromium tab (served by `npm start -- --beam`) and a stock
// `elixir --sname` node: links, monitors and exit signals both ways (`:noconnection` on
// Node.disconnect), Node.monitor's nodedown when the real node halts, :global names seen on both
// sides and gone on nodedown, and :erpc both ways, with iex's own texts for a gone node
// (`{:badrpc, :nodedown}`, `** (ErlangError) Erlang error: {:erpc, :noconnection}`, taken from a
// real pair of `iex --sname` nodes on OTP 25 / Elixir 1.14).
import { type Browser } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openNode, type PlaygroundNode } from './kit.ts';
import { beamURL, realNodesKilledAfterEach, type RealNode } from './real-node.ts';

const startRealNode = realNodesKilledAfterEach();
let n = 0;
const unique = (what: string) => `gateway_${what}${process.pid}x${n++}`;

/**
 * The real node's side: :box, trapping exits, does what the tab asks and prints what it gets
 * (inspect's text), so the test reads the real node's view from its output.
 */
const REAL_CODE = `
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end
{:ok, _} = GenServer.start(Counter, 7, name: {:global, :real_counter})
Process.flag(:trap_exit, true)
Process.register(self(), :box)
IO.puts("ready")
loop = fn loop ->
  receive do
    {:watch, pid} ->
      Process.link(pid)
      Process.monitor(pid)
      IO.puts("watching #{inspect(pid)}")
    {:EXIT, pid, why} -> IO.puts("EXIT #{node(pid)} #{inspect(why)}")
    {:DOWN, _, :process, pid, why} -> IO.puts("DOWN #{node(pid)} #{inspect(why)}")
    {:whereis, name} ->
      :ok = :global.sync()
      found = :global.whereis_name(name)
      IO.puts("whereis #{name} #{if is_pid(found), do: node(found), else: inspect(found)}")
    {:await_gone, name} ->
      spawn(fn -> gone = fn gone -> if :global.whereis_name(name) == :undefined, do: IO.puts("gone #{name}"), else: (Process.sleep(100); gone.(gone)) end; gone.(gone) end)
    {:call, name} -> IO.puts("call #{name} #{inspect(GenServer.call({:global, name}, :get))}")
    {:erpc, tab} -> IO.puts("erpc #{inspect(:erpc.call(tab, Kernel, :node, []))}")
    :halt -> System.halt()
    _ -> :ok
  end
  loop.(loop)
end
loop.(loop)
`;

/** A tab and a running real node, connected; `r` is the real node's name as iex prints it. */
async function connectedPair(browser: Browser, what: string, beforeConnect?: (tab: PlaygroundNode) => Promise<void>): Promise<{ tab: PlaygroundNode; real: RealNode; r: string }> {
  const tab = await openNode(browser, { sname: unique(`${what}_tab`), cookie: 'c', baseURL: beamURL });
  await beforeConnect?.(tab);
  const real = startRealNode(unique(`${what}_real`), 'c', REAL_CODE);
  await real.waitForOutput('ready');
  const r = `:${real.name}`; // letters, digits, _ and @: printed without quotes
  expect(await tab.iex(`Node.connect(${r})`, { timeout: 20_000 })).toBe('true');
  return { tab, real, r };
}

/** What the tab's shell prints for the next message matching `pattern`, waiting for it (on one line: iex wraps at 80 columns). */
const receiveOne = async (tab: PlaygroundNode, pattern: string) =>
  (await tab.iex(`receive do ${pattern} -> m after 15_000 -> :timeout end`, { timeout: 20_000 })).replace(/\n\s*/g, ' ');

test('links, monitors and exit signals cross both ways; :noconnection on Node.disconnect; nodedown when the real node halts', async ({ browser }) => {
  test.setTimeout(120_000);
  const { tab, real, r } = await connectedPair(browser, 'sig');
  expect(await tab.iex('Process.flag(:trap_exit, true)')).toBe('false');

  // Tab → real: a linked and monitored process there, killed with a reason.
  expect(await tab.iex(`pid = Node.spawn_link(${r}, Process, :sleep, [:infinity]); node(pid)`, { timeout: 15_000 })).toBe(r);
  await tab.iex('ref = Process.monitor(pid)');
  expect(await tab.iex('Process.exit(pid, :boom)')).toBe('true');
  expect(await receiveOne(tab, '{:EXIT, ^pid, _} = m')).toMatch(/^\{:EXIT, #PID<\d+\.\d+\.\d+>, :boom\}$/);
  expect(await receiveOne(tab, '{:DOWN, ^ref, :process, ^pid, _} = m')).toMatch(/^\{:DOWN, #Reference<[\d.]+>, :process, #PID<\d+\.\d+\.\d+>, :boom\}$/);

  // Real → tab: the real node links to and monitors a tab process, which exits with a reason.
  await tab.iex('me = spawn(fn -> receive do :stop -> exit(:bye) end end)');
  await tab.iex(`send({:box, ${r}}, {:watch, me})`);
  await real.waitForOutput('watching #PID<');
  await tab.iex('send(me, :stop)');
  await real.waitForOutput(`EXIT ${tab.name} :bye`);
  await real.waitForOutput(`DOWN ${tab.name} :bye`);

  // Node.disconnect: links and monitors across fire with :noconnection on both sides.
  await tab.iex('held = spawn(fn -> receive do :never -> :ok end end)');
  await tab.iex(`send({:box, ${r}}, {:watch, held})`);
  await expect.poll(() => real.output().split('watching #PID<').length - 1).toBe(2);
  await tab.iex(`far = Node.spawn_link(${r}, Process, :sleep, [:infinity]); far_ref = Process.monitor(far)`, { timeout: 15_000 });
  expect(await tab.iex(`Node.disconnect(${r})`)).toBe('true');
  expect(await receiveOne(tab, '{:EXIT, ^far, _} = m')).toMatch(/^\{:EXIT, #PID<\d+\.\d+\.\d+>, :noconnection\}$/);
  expect(await receiveOne(tab, '{:DOWN, ^far_ref, :process, ^far, _} = m')).toMatch(/^\{:DOWN, #Reference<[\d.]+>, :process, #PID<\d+\.\d+\.\d+>, :noconnection\}$/);
  await real.waitForOutput(`EXIT ${tab.name} :noconnection`);
  await real.waitForOutput(`DOWN ${tab.name} :noconnection`);

  // Node.monitor: the real node halts (its process ends) and the tab receives {:nodedown, node}.
  expect(await tab.iex(`Node.connect(${r})`, { timeout: 20_000 })).toBe('true');
  expect(await tab.iex(`Node.monitor(${r}, true)`)).toBe('true');
  await tab.iex(`send({:box, ${r}}, :halt)`);
  expect(await receiveOne(tab, '{:nodedown, _} = m')).toBe(`{:nodedown, ${r}}`);
  await real.exited();
  expect(await tab.iex('Node.list()')).toBe('[]');
});

test(':global names registered on either side are seen on both, called across, and removed on nodedown', async ({ browser }) => {
  test.setTimeout(120_000);
  // A name the tab holds before the nodes meet (exchanged when they connect)…
  const { tab, real, r } = await connectedPair(browser, 'glob', async (t) => expect(await t.iex(':global.register_name(:tab_early, self())')).toBe(':yes'));
  await tab.iex(`send({:box, ${r}}, {:whereis, :tab_early})`);
  await real.waitForOutput(`whereis tab_early ${tab.name}`);
  // …and the real node's, registered at its start.
  expect(await tab.iex(':global.sync()', { timeout: 15_000 })).toBe(':ok');
  expect(await tab.iex('node(:global.whereis_name(:real_counter))')).toBe(r);
  expect(await tab.iex('GenServer.call({:global, :real_counter}, :get)', { timeout: 15_000 })).toBe('7');

  // A name registered in the tab after connecting (through global's locks on both nodes), held by
  // a GenServer the real node calls by that name.
  await tab.iex(`defmodule TabCounter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end`);
  expect(await tab.iex('{:ok, _} = GenServer.start(TabCounter, 42, name: {:global, :tab_counter}); :ok', { timeout: 15_000 })).toBe(':ok');
  await tab.iex(`send({:box, ${r}}, {:whereis, :tab_counter})`);
  await real.waitForOutput(`whereis tab_counter ${tab.name}`);
  await tab.iex(`send({:box, ${r}}, {:call, :tab_counter})`);
  await real.waitForOutput('call tab_counter 42');

  // Nodedown: each side drops the other's names.
  await tab.iex(`send({:box, ${r}}, {:await_gone, :tab_counter})`);
  expect(await tab.iex(`Node.disconnect(${r})`)).toBe('true');
  await real.waitForOutput('gone tab_counter');
  await expect.poll(() => tab.iex(':global.whereis_name(:real_counter)')).toBe(':undefined');
  expect(await tab.iex(':global.whereis_name(:tab_early) == self()')).toBe('true');
});

test(':erpc.call crosses both ways; a halted real node: its :global name gone, {:badrpc, :nodedown} and erpc\'s noconnection error', async ({ browser }) => {
  test.setTimeout(120_000);
  const { tab, real, r } = await connectedPair(browser, 'erpc');
  expect(await tab.iex(':global.sync()', { timeout: 15_000 })).toBe(':ok');
  expect(await tab.iex('node(:global.whereis_name(:real_counter))')).toBe(r);
  expect(await tab.iex(`:erpc.call(${r}, Kernel, :node, [])`, { timeout: 15_000 })).toBe(r);
  await tab.iex(`send({:box, ${r}}, {:erpc, node()})`);
  await real.waitForOutput(`erpc :${tab.name}`);

  await tab.iex(`send({:box, ${r}}, :halt)`);
  await real.exited();
  await expect.poll(() => tab.iex('Node.list()')).toBe('[]');
  // The halted node's :global name went with it.
  expect(await tab.iex(':global.whereis_name(:real_counter)')).toBe(':undefined');
  expect(await tab.iex(`:rpc.call(${r}, Kernel, :node, [])`, { timeout: 20_000 })).toBe('{:badrpc, :nodedown}');
  // iex prints the error, then the stack entry `    (kernel 8.5.3) erpc.erl:710: :erpc.call/5`.
  // Frames in OTP's own code are ours, not BEAM's, line for line, so (as the stack-compared
  // goldens do, golden.ts) only the lines outside them are compared.
  const erpcError = await tab.iex(`:erpc.call(${r}, Kernel, :node, [])`, { timeout: 20_000 });
  expect(erpcError.split('\n').filter((l) => !/^ {4,}\(\w+ [\d.]+\) /.test(l)).join('\n')).toBe('** (ErlangError) Erlang error: {:erpc, :noconnection}');
});
