// Issue 15 §2, two more things between a Chromium tab (served by `npm start -- --beam`) and a stock
// `elixir --sname` node:
// - a :global name registered on both sides while they were apart is resolved when they meet again
//   as OTP's default random_exit_name does: the pid on the smaller node name wins on both nodes,
//   the other is killed, and the resolving node (the smaller name: here the real one) logs
//   `global: Name conflict terminating {:clash, #PID<…>}` (as two real `elixir --sname` nodes do
//   on OTP 25: the smaller one logs it, the larger one's process is dead and whereis gives the
//   smaller one's pid on both);
// - an idle connection survives the real node's tick timeout. The tab ticks every 15 s
//   (src/distribution/connection.ts TICK_INTERVAL_MS) and answers a tick only once it has written
//   nothing for 15 s, too near a net_ticktime of 20 (dropped after 15–20 s of silence), so the
//   real node runs with net_ticktime 60 and both sides stay silent for 75 s, past its timeout.
import { type Browser } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openNode, type PlaygroundNode } from './kit.ts';
import { beamURL, realNodesKilledAfterEach, type RealNode } from './real-node.ts';

const startRealNode = realNodesKilledAfterEach();
let n = 0;
const unique = (what: string) => `gateway_${what}${process.pid}x${n++}`;

/**
 * The real node's side: it prints its net_ticktime and every nodeup/nodedown; on the first
 * nodedown it registers :clash globally for a process of its own; `{:report, name}` prints where
 * `name` is and whether its own :clash process lives; `:list` prints its Node.list.
 */
const REAL_CODE = `
:net_kernel.monitor_nodes(true)
Process.register(self(), :box)
IO.puts("ticktime #{:net_kernel.get_net_ticktime()}")
IO.puts("ready")
loop = fn loop, mine ->
  receive do
    {:nodeup, node} ->
      IO.puts("nodeup #{node}")
      loop.(loop, mine)
    {:nodedown, node} ->
      IO.puts("nodedown #{node}")
      if mine == nil do
        pid = spawn(fn -> Process.sleep(:infinity) end)
        IO.puts("registered #{inspect(:global.register_name(:clash, pid))}")
        loop.(loop, pid)
      else
        loop.(loop, mine)
      end
    :report ->
      :ok = :global.sync()
      found = :global.whereis_name(:clash)
      IO.puts("clash on #{if is_pid(found), do: node(found), else: inspect(found)}, mine alive #{Process.alive?(mine)}")
      loop.(loop, mine)
    :list ->
      IO.puts("list #{inspect(Node.list())}")
      loop.(loop, mine)
  end
end
loop.(loop, nil)
`;

/** A tab and a running real node, connected; `r` is the real node's name as iex prints it. */
async function connectedPair(browser: Browser, what: string, erlArgs?: string): Promise<{ tab: PlaygroundNode; real: RealNode; r: string }> {
  const tab = await openNode(browser, { sname: unique(`${what}_tab`), cookie: 'c', baseURL: beamURL });
  const real = startRealNode(unique(`${what}_real`), 'c', REAL_CODE, erlArgs);
  await real.waitForOutput('ready');
  const r = `:${real.name}`; // letters, digits, _ and @: printed without quotes
  expect(await tab.iex(`Node.connect(${r})`, { timeout: 20_000 })).toBe('true');
  await real.waitForOutput(`nodeup ${tab.name}`);
  return { tab, real, r };
}

test('a :global name registered on both sides while apart: after the heal one pid wins on both, the loser is killed and the real node logs the conflict', async ({ browser }) => {
  test.setTimeout(120_000);
  const { tab, real, r } = await connectedPair(browser, 'clash');
  // The connect's :global sync done first. Once in CI the link was up again before the tab's
  // register, which then found :clash and said :no; a disconnect in the middle of that sync is
  // the likeliest way the two nodes met again (not proven).
  expect(await tab.iex(':global.sync()', { timeout: 15_000 })).toBe(':ok');
  expect(await tab.iex(`Node.disconnect(${r})`)).toBe('true');
  await real.waitForOutput('registered :yes');
  await tab.iex('mine = spawn(fn -> receive do :never -> :ok end end)');
  expect(await tab.iex(':global.register_name(:clash, mine)')).toBe(':yes');

  expect(await tab.iex(`Node.connect(${r})`, { timeout: 20_000 })).toBe('true');
  expect(await tab.iex(':global.sync()', { timeout: 15_000 })).toBe(':ok');
  await tab.iex(`send({:box, ${r}}, :report)`);
  // random_exit_name keeps the pid on the smaller node name (global.erl minmax/2, "random" only
  // in name): gateway_clash_real… < gateway_clash_tab…, so the real node's pid wins on both sides.
  expect(real.name < tab.name).toBe(true);
  await real.waitForOutput(`clash on ${real.name}, mine alive true`);
  await expect.poll(() => tab.iex('case :global.whereis_name(:clash) do :undefined -> :undefined; p -> node(p) end')).toBe(r);
  expect(await tab.iex('Process.alive?(mine)')).toBe('false');
  // The resolving node (the smaller name) logs the loser: the tab's pid, printed as a remote pid.
  expect(real.output()).toMatch(/global: Name conflict terminating \{:clash, #PID<[1-9]\d*\.\d+\.\d+>\}/);
  expect(await tab.iex(`Node.list()`)).toBe(`[${r}]`);
});

test('an idle connection outlives the real node\'s net_ticktime: 75 s of silence with net_ticktime 60, still connected on both sides', async ({ browser }) => {
  test.setTimeout(180_000);
  const { tab, real, r } = await connectedPair(browser, 'tick', '-kernel net_ticktime 60');
  await real.waitForOutput('ticktime 60');
  await new Promise((resolve) => setTimeout(resolve, 75_000));
  expect(real.output()).not.toContain('nodedown');
  expect(await tab.iex('Node.list()')).toBe(`[${r}]`);
  await tab.iex(`send({:box, ${r}}, :list)`);
  await real.waitForOutput(`list [:${tab.name}]`);
});
