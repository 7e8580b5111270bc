// :rpc and :erpc between browser tabs (one node each) over real WebRTC data channels: calls run
// on the other tab and answer here, errors come back as OTP words them, and once the other tab
// is closed the calls answer {:badrpc, :nodedown} and {:erpc, :noconnection}
// (src/core/lang/golden/multi-node/30-rpc.exs has the same session taken from real iex).
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';

let n = 0;
const host = () => `rpc${process.pid}x${n++}`;

test(':rpc.call and :erpc.call between tabs, then nodedown when the other tab closes', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  const twoName = `:two@${h}`;
  await two.iex('defmodule Remote do\n  def hello(name), do: "hello #{name} from #{node()}"\nend');

  // The first call connects, as on BEAM.
  expect(await one.iex(`:rpc.call(${twoName}, Kernel, :node, [])`)).toBe(twoName);
  expect(await one.iex(`:rpc.call(${twoName}, Remote, :hello, ["ana"])`)).toBe(`"hello ana from two@${h}"`);
  expect(await one.iex(`:erpc.call(${twoName}, fn -> {node(), 1 + 1} end)`)).toBe(`{${twoName}, 2}`);
  expect(await one.iex(`:rpc.call(${twoName}, Kernel, :exit, [:bye])`)).toBe('{:badrpc, {:EXIT, :bye}}');
  expect(await one.iex(`:rpc.call(${twoName}, Nope, :f, [])`)).toBe('{:badrpc, {:EXIT, {:undef, [{Nope, :f, [], []}]}}}');
  expect(await one.iex(`:erpc.call(${twoName}, :erlang, :throw, [:t])`)).toMatch(/^\*\* \(throw\) :t/);
  expect(await one.iex(`:rpc.multicall([node(), ${twoName}], Kernel, :node, [])`)).toBe(`{[:one@${h}, ${twoName}], []}`);
  expect(await one.iex(`:erpc.call(${twoName}, Process, :sleep, [5000], 100)`)).toMatch(/^\*\* \(ErlangError\) Erlang error: \{:erpc, :timeout\}/);
  // A cast runs there with this tab's group leader: its output appears here.
  await one.iex(`:rpc.cast(${twoName}, IO, :puts, ["cast from one"])`);
  await one.waitForOutput('cast from one');
  expect(await two.transcript()).not.toContain('cast from one');
  // rex answers a gen_server call from another node.
  expect(await one.iex(`ref = make_ref(); send({:rex, ${twoName}}, {:"$gen_call", {self(), ref}, {:call, Kernel, :node, [], self()}}); receive do {^ref, r} -> r after 5000 -> :none end`)).toBe(twoName);

  await two.close();
  await expect.poll(() => one.iex('Node.list()'), { timeout: 15_000 }).toBe('[]');
  expect(await one.iex(`:rpc.call(${twoName}, Kernel, :node, [])`, { timeout: 20_000 })).toBe('{:badrpc, :nodedown}');
  expect(await one.iex(`:erpc.call(${twoName}, Kernel, :node, [])`, { timeout: 20_000 })).toMatch(/^\*\* \(ErlangError\) Erlang error: \{:erpc, :noconnection\}/);
  expect(await one.iex(`:rpc.multicall([node(), ${twoName}], Kernel, :node, [])`, { timeout: 20_000 })).toBe(`{[:one@${h}], [${twoName}]}`);
});
