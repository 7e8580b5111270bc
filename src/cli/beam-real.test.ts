/**
 * Issue 15 §2 and §3 against a stock OTP 25 / Elixir 1.14 node: our terminal node
 * (`npm run iex -- --sname … --cookie …`, real TCP distribution through the machine's EPMD) and a
 * real `iex --sname`, each typed into line by line (beam-testing.ts). Expected texts are what
 * real iex prints for the same lines between two real nodes. Requires Erlang and Elixir.
 */
import { describe, expect, it } from 'vitest';
import { expectEval, realIex, startPair } from './beam-testing.ts';

const tag = `${process.pid}`;
const CLI = `beamlink_cli${tag}`;
const pair = startPair('beamlink');
const { cliNode, realNode } = pair;

describe('the terminal node and a real iex node', () => {
  it('connects from the real node; Node.list on both sides; net_adm:ping both ways', async () => {
    await expectEval(pair.real, `Node.connect(${cliNode})`, 'true');
    await expectEval(pair.real, 'Node.list()', `[${cliNode}]`);
    await expectEval(pair.cli, 'Node.list()', `[${realNode}]`);
    await expectEval(pair.real, `:net_adm.ping(${cliNode})`, ':pong');
    await expectEval(pair.cli, `:net_adm.ping(${realNode})`, ':pong');
  }, 60_000);

  it('Node.spawn prints in the caller\'s shell both ways (the group leader travels)', async () => {
    // The remote process prints through the caller's group leader, whenever it runs (before or
    // after the caller's next prompt, as between two real nodes).
    let from = pair.real.out().length;
    await expectEval(pair.real, `Node.spawn(${cliNode}, IO, :puts, ["hi from real"]) |> node()`, /^(hi from real\n)?:beamlink_cli\d+@vm\n/);
    await pair.real.waitFor(/hi from real\n/, from);
    from = pair.cli.out().length;
    await expectEval(pair.cli, `Node.spawn(${realNode}, IO, :puts, ["hi from cli"]) |> node()`, /^(hi from cli\n)?:beamlink_real\d+@vm\n/);
    await pair.cli.waitFor(/hi from cli\n/, from);
    expect(pair.cli.out().slice(from)).not.toMatch(/hi from real/);
  }, 60_000);

  it(':rpc.call, :erpc.call and GenServer.call({name, node}, …) both ways', async () => {
    await expectEval(pair.real, `:rpc.call(${cliNode}, String, :upcase, ["abc"])`, '"ABC"');
    await expectEval(pair.cli, `:rpc.call(${realNode}, String, :upcase, ["abc"])`, '"ABC"');
    await expectEval(pair.real, `:erpc.call(${cliNode}, :erlang, :node, [])`, cliNode);
    await expectEval(pair.cli, `:erpc.call(${realNode}, :erlang, :node, [])`, realNode);
    await expectEval(pair.cli, `:rpc.call(${realNode}, :erlang, :error, [:boom])`, /\{:badrpc,\s+\{:EXIT,\s+\{:boom,/);
    const server = 'defmodule Echo do\n  use GenServer\n  def init(x), do: {:ok, x}\n  def handle_call(m, _from, s), do: {:reply, {m, Node.self()}, s}\nend';
    await pair.cli.type(server);
    await pair.real.type(server);
    await pair.cli.type('{:ok, _} = GenServer.start(Echo, 0, name: :echo)');
    await pair.real.type('{:ok, _} = GenServer.start(Echo, 0, name: :echo)');
    await expectEval(pair.real, `GenServer.call({:echo, ${cliNode}}, :ping)`, `{:ping, ${cliNode}}`);
    await expectEval(pair.cli, `GenServer.call({:echo, ${realNode}}, :ping)`, `{:ping, ${realNode}}`);
  }, 60_000);

  it('sends to pids and to {name, node} both ways', async () => {
    const box = (me: string) => `Process.register(spawn(fn -> receive do {:ping, from} -> send(from, {:pong, ${me}, self()}) end end), :box)`;
    await pair.cli.type(box('Node.self()'));
    await pair.real.type(box('Node.self()'));
    await pair.real.type(`send({:box, ${cliNode}}, {:ping, self()})`);
    await expectEval(pair.real, 'receive do {:pong, n, pid} -> {n, node(pid)} after 5000 -> :timeout end', `{${cliNode}, ${cliNode}}`);
    await pair.cli.type(`send({:box, ${realNode}}, {:ping, self()})`);
    await expectEval(pair.cli, 'receive do {:pong, n, pid} -> {n, node(pid)} after 5000 -> :timeout end', `{${realNode}, ${realNode}}`);
    // To pids: each side finds the other's echo process by rpc and sends to its pid.
    const echo = 'Process.register(spawn(fn -> receive do {m, from} -> send(from, {:echo, m}) end end), :echo_box)';
    await pair.cli.type(echo);
    await pair.real.type(echo);
    await expectEval(pair.real, `p = :rpc.call(${cliNode}, Process, :whereis, [:echo_box]); {node(p), send(p, {:hello, self()})}`, /^\{:beamlink_cli\d+@vm, \{:hello, #PID<0\.\d+\.0>\}\}\n$/);
    await expectEval(pair.real, 'receive do {:echo, m} -> m after 5000 -> :timeout end', ':hello');
    await expectEval(pair.cli, `p = :rpc.call(${realNode}, Process, :whereis, [:echo_box]); {node(p), send(p, {:hello, self()})}`, /^\{:beamlink_real\d+@vm, \{:hello, #PID<0\.\d+\.0>\}\}\n$/);
    await expectEval(pair.cli, 'receive do {:echo, m} -> m after 5000 -> :timeout end', ':hello');
  }, 60_000);

  it('links, monitors and exit signals both ways', async () => {
    await pair.cli.type('Process.flag(:trap_exit, true)');
    await pair.cli.type(`pid = Node.spawn_link(${realNode}, :timer, :sleep, [:infinity])`);
    await pair.cli.type('ref = Process.monitor(pid)');
    await pair.cli.type('Process.exit(pid, :kill)');
    await expectEval(pair.cli, 'receive do {:EXIT, ^pid, r} -> r after 5000 -> :timeout end', ':killed');
    await expectEval(pair.cli, 'receive do {:DOWN, ^ref, :process, ^pid, r} -> r after 5000 -> :timeout end', ':killed');
    await pair.real.type('Process.flag(:trap_exit, true)');
    await pair.real.type(`pid = Node.spawn_link(${cliNode}, :timer, :sleep, [:infinity])`);
    await pair.real.type('ref = Process.monitor(pid)');
    await pair.real.type('Process.exit(pid, :bye)');
    await expectEval(pair.real, 'receive do {:EXIT, ^pid, r} -> r after 5000 -> :timeout end', ':bye');
    await expectEval(pair.real, 'receive do {:DOWN, ^ref, :process, ^pid, r} -> r after 5000 -> :timeout end', ':bye');
  }, 60_000);

  it('Node.disconnect: Node.monitor and links hear it (:noconnection), both sides forget the node', async () => {
    await pair.cli.type(`pid = Node.spawn_link(${realNode}, :timer, :sleep, [:infinity])`);
    await pair.cli.type('ref = Process.monitor(pid)');
    await pair.cli.type(`Node.monitor(${realNode}, true)`);
    await expectEval(pair.cli, `Node.disconnect(${realNode})`, 'true');
    await expectEval(pair.cli, 'receive do {:EXIT, ^pid, r} -> r after 5000 -> :timeout end', ':noconnection');
    await expectEval(pair.cli, 'receive do {:DOWN, ^ref, :process, ^pid, r} -> r after 5000 -> :timeout end', ':noconnection');
    await expectEval(pair.cli, `receive do {:nodedown, ${realNode}} -> :down after 5000 -> :timeout end`, ':down');
    await expectEval(pair.cli, 'Node.list()', '[]');
    await expectEval(pair.real, 'Node.list()', '[]');
  }, 60_000);
});

describe('refusals and the end of a real node', () => {
  it('a cookie mismatch is false on the caller and logged by the callee, both ways', async () => {
    const bad = realIex(`beamlink_bad${tag}`, 'wrong');
    try {
      await expectEval(bad, `Node.connect(${cliNode})`, 'false');
      await pair.cli.waitFor(new RegExp(`\\*\\* Connection attempt from node :beamlink_bad${tag}@vm rejected\\. Invalid challenge reply\\. \\*\\*`));
      await expectEval(pair.cli, `Node.connect(:beamlink_bad${tag}@vm)`, 'false');
      await bad.waitFor(new RegExp(`\\*\\* Connection attempt from node :${CLI}@vm rejected\\. Invalid challenge reply\\. \\*\\*`));
    } finally {
      bad.stop();
    }
  }, 60_000);

  it('nodedown when the real node halts', async () => {
    const doomed = realIex(`beamlink_doomed${tag}`, 'c');
    try {
      await doomed.type(':ok');
      await pair.cli.type(':net_kernel.monitor_nodes(true)');
      await expectEval(pair.cli, `Node.connect(:beamlink_doomed${tag}@vm)`, 'true');
      await expectEval(pair.cli, `receive do {:nodeup, n} -> n after 5000 -> :timeout end`, `:beamlink_doomed${tag}@vm`);
      doomed.type('System.halt()').catch(() => {});
      await doomed.exited();
      await expectEval(pair.cli, `receive do {:nodedown, n} -> n after 5000 -> :timeout end`, `:beamlink_doomed${tag}@vm`);
    } finally {
      doomed.stop();
    }
  }, 60_000);
});
