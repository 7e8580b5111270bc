// What crosses between a Chromium tab (served by `npm start -- --beam`) and a stock
// `elixir --sname` node: sends both ways, Node.spawn printing through the caller's group leader
// both ways, :rpc.call both ways and GenServer.call to a named server on the real node, and the
// real node's nodedown when the tab closes; the tab's canvas marks the real node's card BEAM, with
// the real processes that talk to the tab (sent to, or only sending) and, on `list processes`, its
// whole process list through :rpc.
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';
import { beamURL, realNodesKilledAfterEach } from './real-node.ts';

const startRealNode = realNodesKilledAfterEach();

/** The real node: a GenServer named :counter, and :box answering the test's requests. */
const REAL_CODE = `
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
end
{:ok, _} = GenServer.start(Counter, 7, name: :counter)
:net_kernel.monitor_nodes(true)
Process.register(self(), :box)
IO.puts("ready")
loop = fn loop ->
  receive do
    {:ping, from} -> send(from, {:pong, node(), self()})
    {:sender, to} -> spawn(fn -> send(to, {:from_sender, self()}) end)
    {:spawn_puts, tab} -> Node.spawn(tab, IO, :puts, ["hi from real"])
    {:rpc, tab} -> IO.puts("rpc #{inspect(:rpc.call(tab, Kernel, :node, []))}")
    {:nodedown, n} -> IO.puts("nodedown #{n}")
    _ -> :ok
  end
  loop.(loop)
end
loop.(loop)
`;

test('sends, Node.spawn with IO.puts, :rpc and GenServer.call cross both ways; nodedown when the tab closes', async ({ browser }) => {
  const tab = await openNode(browser, { sname: `gateway_across${process.pid}`, cookie: 'c', baseURL: beamURL });
  const real = startRealNode(`gateway_across_real${process.pid}`, 'c', REAL_CODE);
  await real.waitForOutput('ready');
  const r = `:${real.name}`; // letters, digits, _ and @: printed without quotes
  expect(await tab.iex(`Node.connect(${r})`, { timeout: 20_000 })).toBe('true');
  expect(await tab.iex('Node.list()')).toBe(`[${r}]`);
  // On the canvas the real node is a card marked BEAM.
  await expect(tab.page.getByRole('group', { name: `node ${real.name}` })).toContainText('BEAM');

  // Send both ways: to {name, node} there, to a pid here.
  const pong = await tab.iex(`send({:box, ${r}}, {:ping, self()}); {:pong, _, box} = receive do m -> m after 10_000 -> :timeout end`);
  expect(pong).toMatch(new RegExp(`^\\{:pong, ${r}, #PID<\\d+\\.\\d+\\.\\d+>\\}$`));
  // Sent to by its pid, the process that answered is on the BEAM card (a real node runs no tracer:
  // its card shows the processes the tab's processes send to, :global's among them since the
  // nodes speak global's protocol).
  expect(await tab.iex('send(box, :hello)')).toBe(':hello');
  await expect(tab.page.getByRole('group', { name: `node ${real.name}` })).toContainText(pong.slice(pong.indexOf('#PID<'), -1));
  // A real process that only sends to the tab is on the card too: the wire names the sender.
  await tab.iex(`send({:box, ${r}}, {:sender, self()})`);
  const sender = await tab.iex('receive do {:from_sender, p} -> p after 10_000 -> :timeout end');
  expect(sender).toMatch(/^#PID<\d+\.\d+\.\d+>$/);
  await expect(tab.page.getByRole('group', { name: `node ${real.name}` })).toContainText(sender);
  // `list processes` asks the real node through :rpc (from a tab process): its whole list, the box among them.
  const card = tab.page.getByRole('group', { name: `node ${real.name}` });
  await card.getByRole('button', { name: 'list processes' }).click();
  const list = card.getByRole('list', { name: `processes of ${real.name}` });
  await expect(list).toContainText(pong.slice(pong.indexOf('#PID<'), -1), { timeout: 15_000 });
  await expect(list).toContainText('#PID<');
  await expect(card).toContainText(/\d+ processes/);
  expect(await tab.transcript()).not.toContain(':erlang, :processes');

  // Node.spawn from the tab runs there and prints here (the group leader is the tab's).
  await tab.iex(`Node.spawn(${r}, IO, :puts, ["hi from tab"])`);
  await tab.waitForOutput('hi from tab');
  // And from the real node: it prints there.
  await tab.iex(`send({:box, ${r}}, {:spawn_puts, node()})`);
  await real.waitForOutput('hi from real');
  expect(await tab.transcript()).not.toContain('hi from real\n');

  // :rpc both ways, and a GenServer.call to a name on the real node.
  expect(await tab.iex(`:rpc.call(${r}, Kernel, :node, [])`, { timeout: 15_000 })).toBe(r);
  expect(await tab.iex(`GenServer.call({:counter, ${r}}, :get)`, { timeout: 15_000 })).toBe('7');
  await tab.iex(`send({:box, ${r}}, {:rpc, node()})`);
  await real.waitForOutput(`rpc :${tab.name}`);

  // The tab closes: the real node sees nodedown.
  await tab.close();
  await real.waitForOutput(`nodedown ${tab.name}`, 30_000);
});
