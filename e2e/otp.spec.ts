// OTP across real tabs (browser contexts over WebRTC): a GenServer registered with
// {:global, :counter} on one tab and called from two others, a supervisor on one tab restarting
// a child another tab crashed, and Task.Supervisor.async running a fun on another tab.
import { expect, test } from './fixtures.ts';
import { openNode } from './kit.ts';

let n = 0;
const host = () => `otp${process.pid}x${n++}`;

const COUNTER = [
  'defmodule Counter do',
  '  use GenServer',
  '  def init(n), do: {:ok, n}',
  '  def handle_call(:get, _from, n), do: {:reply, {n, node()}, n}',
  '  def handle_call({:add, k}, _from, n), do: {:reply, n + k, n + k}',
  '  def handle_call(:crash, _from, _n), do: exit(:crashed)',
  '  def handle_cast({:add, k}, n), do: {:noreply, n + k}',
  'end',
].join('\n');

test('a {:global, :counter} GenServer on one tab, called from two others', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  const three = await openNode(browser, { sname: 'three', host: h });
  await one.iex(COUNTER);
  expect(await one.iex('{:ok, pid} = GenServer.start(Counter, 0, name: {:global, :counter}); :started')).toBe(':started');
  expect(await two.iex(`Node.connect :"one@${h}"`)).toBe('true');
  expect(await three.iex(`Node.connect :"one@${h}"`)).toBe('true');
  // :global's names reach a new node in its sync after the connection.
  await expect.poll(async () => two.iex('GenServer.whereis({:global, :counter}) |> node()')).toBe(`:one@${h}`);
  await expect.poll(async () => three.iex('GenServer.whereis({:global, :counter}) |> node()')).toBe(`:one@${h}`);
  expect(await two.iex('GenServer.call({:global, :counter}, {:add, 5})')).toBe('5');
  expect(await three.iex('GenServer.cast({:global, :counter}, {:add, 10})')).toBe(':ok');
  expect(await three.iex('GenServer.call({:global, :counter}, {:add, 1})')).toBe('16');
  expect(await two.iex('GenServer.call({:global, :counter}, :get)')).toBe(`{16, :one@${h}}`);
  expect(await one.iex(':sys.get_state(pid)')).toBe('16');
  // Stopped on its tab: the others see no process.
  expect(await one.iex('GenServer.stop(pid)')).toBe(':ok');
  const gone = await two.iex('GenServer.call({:global, :counter}, :get)');
  expect(gone).toContain('** (exit) exited in: GenServer.call({:global, :counter}, :get, 5000)');
  expect(gone).toContain('** (EXIT) no process');
});

test('a supervisor on one tab restarts a child another tab crashed', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  await one.iex(COUNTER);
  await one.iex('{:ok, sup} = Supervisor.start_link([%{id: :c, start: {GenServer, :start_link, [Counter, 7, [name: :worker]]}}], strategy: :one_for_one); :ok');
  expect(await one.iex('old = Process.whereis(:worker); is_pid(old)')).toBe('true');
  expect(await two.iex(`Node.connect :"one@${h}"`)).toBe('true');
  expect(await two.iex(`GenServer.call({:worker, :"one@${h}"}, {:add, 1})`)).toBe('8');
  // A call from the other tab crashes the child; its supervisor starts a new one with the initial state.
  const crashed = await two.iex(`GenServer.call({:worker, :"one@${h}"}, :crash)`);
  expect(crashed).toContain(`** (exit) exited in: GenServer.call({:worker, :one@${h}}, :crash, 5000)`);
  expect(crashed).toContain('** (EXIT) :crashed');
  await one.waitForOutput('[error] GenServer :worker terminating');
  await expect.poll(async () => one.iex('new = Process.whereis(:worker); is_pid(new) and new != old')).toBe('true');
  expect(await two.iex(`GenServer.call({:worker, :"one@${h}"}, :get)`)).toBe(`{7, :one@${h}}`);
  expect(await one.iex('Supervisor.count_children(sup)')).toBe('%{active: 1, specs: 1, supervisors: 0, workers: 1}');
});

test('Task.Supervisor.async runs the fun on another tab', async ({ browser }) => {
  const h = host();
  const one = await openNode(browser, { sname: 'one', host: h });
  const two = await openNode(browser, { sname: 'two', host: h });
  expect(await two.iex('{:ok, _} = Task.Supervisor.start_link(name: MySup); :ok')).toBe(':ok');
  expect(await one.iex(`Node.connect :"two@${h}"`)).toBe('true');
  expect(await one.iex(`Task.Supervisor.async({MySup, :"two@${h}"}, fn -> {node(), Enum.sum(1..10)} end) |> Task.await()`)).toBe(`{:two@${h}, 55}`);
  expect(await one.iex(`Task.Supervisor.async({MySup, :"two@${h}"}, Kernel, :node, []) |> Task.await()`)).toBe(`:two@${h}`);
  expect(await one.iex(`Task.Supervisor.children({MySup, :"two@${h}"})`)).toBe('[]');
});
