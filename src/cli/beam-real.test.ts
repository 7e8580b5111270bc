/**
 * Issue 15 §2 and §3 against a stock OTP 25 / Elixir 1.14 node: our terminal node
 * (`npm run iex -- --sname … --cookie …`, real TCP distribution through the machine's EPMD) and a
 * real `iex --sname`, each typed into line by line (beam-testing.ts). Expected texts are what
 * real iex prints for the same lines between two real nodes. Requires Erlang and Elixir.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEval, realIex, terminalIex, type IexSession } from './beam-testing.ts';

const tag = `${process.pid}`;
const CLI = `beamlink_cli${tag}`;
const REAL = `beamlink_real${tag}`;
const cliNode = `:${CLI}@vm`;
const realNode = `:${REAL}@vm`;

let cli: IexSession;
let real: IexSession;

beforeAll(async () => {
  cli = terminalIex(CLI, 'c');
  real = realIex(REAL, 'c');
  // Both are up and registered with EPMD once they answer.
  await Promise.all([cli.type('Node.self()'), real.type(':ok')]);
}, 90_000);

afterAll(() => {
  if (process.env.BEAM_TRANSCRIPT) console.log(`${cli.out()}\n-----\n${real.out()}`);
  cli?.stop();
  real?.stop();
});

describe('the terminal node and a real iex node', () => {
  it('connects from the real node; Node.list on both sides; net_adm:ping both ways', async () => {
    await expectEval(real, `Node.connect(${cliNode})`, 'true');
    await expectEval(real, 'Node.list()', `[${cliNode}]`);
    await expectEval(cli, 'Node.list()', `[${realNode}]`);
    await expectEval(real, `:net_adm.ping(${cliNode})`, ':pong');
    await expectEval(cli, `:net_adm.ping(${realNode})`, ':pong');
  }, 60_000);

  it('Node.spawn prints in the caller\'s shell both ways (the group leader travels)', async () => {
    // The remote process prints through the caller's group leader, whenever it runs (before or
    // after the caller's next prompt, as between two real nodes).
    let from = real.out().length;
    await expectEval(real, `Node.spawn(${cliNode}, IO, :puts, ["hi from real"]) |> node()`, /^(hi from real\n)?:beamlink_cli\d+@vm\n/);
    await real.waitFor(/hi from real\n/, from);
    from = cli.out().length;
    await expectEval(cli, `Node.spawn(${realNode}, IO, :puts, ["hi from cli"]) |> node()`, /^(hi from cli\n)?:beamlink_real\d+@vm\n/);
    await cli.waitFor(/hi from cli\n/, from);
    expect(cli.out().slice(from)).not.toMatch(/hi from real/);
  }, 60_000);

  it(':rpc.call, :erpc.call and GenServer.call({name, node}, …) both ways', async () => {
    await expectEval(real, `:rpc.call(${cliNode}, String, :upcase, ["abc"])`, '"ABC"');
    await expectEval(cli, `:rpc.call(${realNode}, String, :upcase, ["abc"])`, '"ABC"');
    await expectEval(real, `:erpc.call(${cliNode}, :erlang, :node, [])`, cliNode);
    await expectEval(cli, `:erpc.call(${realNode}, :erlang, :node, [])`, realNode);
    await expectEval(cli, `:rpc.call(${realNode}, :erlang, :error, [:boom])`, /\{:badrpc,\s+\{:EXIT,\s+\{:boom,/);
    const server = 'defmodule Echo do\n  use GenServer\n  def init(x), do: {:ok, x}\n  def handle_call(m, _from, s), do: {:reply, {m, Node.self()}, s}\nend';
    await cli.type(server);
    await real.type(server);
    await cli.type('{:ok, _} = GenServer.start(Echo, 0, name: :echo)');
    await real.type('{:ok, _} = GenServer.start(Echo, 0, name: :echo)');
    await expectEval(real, `GenServer.call({:echo, ${cliNode}}, :ping)`, `{:ping, ${cliNode}}`);
    await expectEval(cli, `GenServer.call({:echo, ${realNode}}, :ping)`, `{:ping, ${realNode}}`);
  }, 60_000);

  it('sends to pids and to {name, node} both ways', async () => {
    const box = (me: string) => `Process.register(spawn(fn -> receive do {:ping, from} -> send(from, {:pong, ${me}, self()}) end end), :box)`;
    await cli.type(box('Node.self()'));
    await real.type(box('Node.self()'));
    await real.type(`send({:box, ${cliNode}}, {:ping, self()})`);
    await expectEval(real, 'receive do {:pong, n, pid} -> {n, node(pid)} after 5000 -> :timeout end', `{${cliNode}, ${cliNode}}`);
    await cli.type(`send({:box, ${realNode}}, {:ping, self()})`);
    await expectEval(cli, 'receive do {:pong, n, pid} -> {n, node(pid)} after 5000 -> :timeout end', `{${realNode}, ${realNode}}`);
    // To pids: each side finds the other's echo process by rpc and sends to its pid.
    const echo = 'Process.register(spawn(fn -> receive do {m, from} -> send(from, {:echo, m}) end end), :echo_box)';
    await cli.type(echo);
    await real.type(echo);
    await expectEval(real, `p = :rpc.call(${cliNode}, Process, :whereis, [:echo_box]); {node(p), send(p, {:hello, self()})}`, /^\{:beamlink_cli\d+@vm, \{:hello, #PID<0\.\d+\.0>\}\}\n$/);
    await expectEval(real, 'receive do {:echo, m} -> m after 5000 -> :timeout end', ':hello');
    await expectEval(cli, `p = :rpc.call(${realNode}, Process, :whereis, [:echo_box]); {node(p), send(p, {:hello, self()})}`, /^\{:beamlink_real\d+@vm, \{:hello, #PID<0\.\d+\.0>\}\}\n$/);
    await expectEval(cli, 'receive do {:echo, m} -> m after 5000 -> :timeout end', ':hello');
  }, 60_000);

  it('links, monitors and exit signals both ways', async () => {
    await cli.type('Process.flag(:trap_exit, true)');
    await cli.type(`pid = Node.spawn_link(${realNode}, :timer, :sleep, [:infinity])`);
    await cli.type('ref = Process.monitor(pid)');
    await cli.type('Process.exit(pid, :kill)');
    await expectEval(cli, 'receive do {:EXIT, ^pid, r} -> r after 5000 -> :timeout end', ':killed');
    await expectEval(cli, 'receive do {:DOWN, ^ref, :process, ^pid, r} -> r after 5000 -> :timeout end', ':killed');
    await real.type('Process.flag(:trap_exit, true)');
    await real.type(`pid = Node.spawn_link(${cliNode}, :timer, :sleep, [:infinity])`);
    await real.type('ref = Process.monitor(pid)');
    await real.type('Process.exit(pid, :bye)');
    await expectEval(real, 'receive do {:EXIT, ^pid, r} -> r after 5000 -> :timeout end', ':bye');
    await expectEval(real, 'receive do {:DOWN, ^ref, :process, ^pid, r} -> r after 5000 -> :timeout end', ':bye');
  }, 60_000);

  it('Node.disconnect: Node.monitor and links hear it (:noconnection), both sides forget the node', async () => {
    await cli.type(`pid = Node.spawn_link(${realNode}, :timer, :sleep, [:infinity])`);
    await cli.type('ref = Process.monitor(pid)');
    await cli.type(`Node.monitor(${realNode}, true)`);
    await expectEval(cli, `Node.disconnect(${realNode})`, 'true');
    await expectEval(cli, 'receive do {:EXIT, ^pid, r} -> r after 5000 -> :timeout end', ':noconnection');
    await expectEval(cli, 'receive do {:DOWN, ^ref, :process, ^pid, r} -> r after 5000 -> :timeout end', ':noconnection');
    await expectEval(cli, `receive do {:nodedown, ${realNode}} -> :down after 5000 -> :timeout end`, ':down');
    await expectEval(cli, 'Node.list()', '[]');
    await expectEval(real, 'Node.list()', '[]');
  }, 60_000);
});

describe('refusals and the end of a real node', () => {
  it('a cookie mismatch is false on the caller and logged by the callee, both ways', async () => {
    const bad = realIex(`beamlink_bad${tag}`, 'wrong');
    try {
      await expectEval(bad, `Node.connect(${cliNode})`, 'false');
      await cli.waitFor(new RegExp(`\\*\\* Connection attempt from node :beamlink_bad${tag}@vm rejected\\. Invalid challenge reply\\. \\*\\*`));
      await expectEval(cli, `Node.connect(:beamlink_bad${tag}@vm)`, 'false');
      await bad.waitFor(new RegExp(`\\*\\* Connection attempt from node :${CLI}@vm rejected\\. Invalid challenge reply\\. \\*\\*`));
    } finally {
      bad.stop();
    }
  }, 60_000);

  it('nodedown when the real node halts', async () => {
    const doomed = realIex(`beamlink_doomed${tag}`, 'c');
    try {
      await doomed.type(':ok');
      await cli.type(':net_kernel.monitor_nodes(true)');
      await expectEval(cli, `Node.connect(:beamlink_doomed${tag}@vm)`, 'true');
      await expectEval(cli, `receive do {:nodeup, n} -> n after 5000 -> :timeout end`, `:beamlink_doomed${tag}@vm`);
      doomed.type('System.halt()').catch(() => {});
      await doomed.exited();
      await expectEval(cli, `receive do {:nodedown, n} -> n after 5000 -> :timeout end`, `:beamlink_doomed${tag}@vm`);
    } finally {
      doomed.stop();
    }
  }, 60_000);
});
