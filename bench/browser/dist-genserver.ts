/**
 * GenServer.call between two tabs for `npm run bench:dist` (dist-genserver row): Elixir code run
 * by the page's own node, as a user's would be. The server tab starts `BenchEcho` (the prelude's
 * GenServer, registered as :bench_echo); the calling tab looks its pid up once, then makes n
 * `GenServer.call(pid, i)`: each is a monitor, a `$gen_call` over the data channel, the server's
 * dispatch and reply, and the demonitor, i.e. what a real BEAM caller does.
 */
import type { Term } from '../../src/core/term/types.ts';
import type { PlaygroundNode } from '../../src/playground/node.ts';
import { parse } from '../../src/core/lang/parser.ts';
import { compileShellExpr } from '../../src/core/lang/program.ts';

const MODULE = `
defmodule BenchEcho do
  use GenServer
  def init(s), do: {:ok, s}
  def handle_call(i, _from, s), do: {:reply, i, s}
  def loop(_pid, 0), do: :ok
  def loop(pid, n) do
    ^n = GenServer.call(pid, n)
    loop(pid, n - 1)
  end
end`;

/** Evaluates `src` in a new process of `pnode`; resolves with its value (rejects on an error). */
export function runElixir(pnode: PlaygroundNode, src: string, wake: () => void): Promise<Term> {
  const ast = parse(src);
  if (!ast.ok) return Promise.reject(new Error(ast.error.message));
  const code = compileShellExpr(ast.expr, [], pnode.lang.builtins);
  const m = pnode.lang.machine();
  m.start(code.code, []);
  return new Promise((resolve, reject) => {
    pnode.node.spawn({
      run(proc, budget) {
        const r = m.run(proc, budget);
        if (r.type === 'done') resolve(r.value);
        else if (r.type === 'error') reject(new Error(`bench code failed: ${String(r.reason)}`));
        else return r;
        return { type: 'exit', reductions: r.reductions, reason: r.type === 'done' ? r.value : r.reason };
      },
    });
    wake();
  });
}

/** The server tab: defines the module and starts the server. */
export async function startEchoServer(pnode: PlaygroundNode, wake: () => void): Promise<void> {
  await runElixir(pnode, `${MODULE}\n{:ok, _} = GenServer.start(BenchEcho, nil, name: :bench_echo)`, wake);
}

/** The calling tab: mean GenServer.call round trip to `:bench_echo` on `serverNode`, in µs. */
export async function genServerRtt(pnode: PlaygroundNode, serverNode: string, n: number, wake: () => void): Promise<number> {
  const src = `${MODULE}
    pid = :rpc.call(:"${serverNode}", Process, :whereis, [:bench_echo])
    true = is_pid(pid)
    t0 = :erlang.monotonic_time(:microsecond)
    BenchEcho.loop(pid, ${n})
    :erlang.monotonic_time(:microsecond) - t0`;
  const us = await runElixir(pnode, src, wake);
  if (typeof us !== 'number') throw new Error(`unexpected result ${String(us)}`);
  return us / n;
}

/**
 * The bench's ping-pong written in Elixir (`{self(), i}` there, `i` back), with `monitor` a
 * call's monitor (an alias) and demonitor around each exchange: beside the native ping-pong and
 * GenServer.call, it splits what a call adds into interpreting, the two signals, and the rest.
 */
const PING = `
defmodule BenchPing do
  def echo do
    receive do
      {from, i} -> send(from, i)
    end
    echo()
  end
  def loop(_pid, 0, _monitor), do: :ok
  def loop(pid, n, monitor) do
    ref = if monitor, do: :erlang.monitor(:process, pid, [{:alias, :demonitor}])
    send(pid, {self(), n})
    receive do
      ^n ->
        if monitor, do: Process.demonitor(ref, [:flush])
        loop(pid, n - 1, monitor)
    end
  end
end`;

/** The echo tab: registers BenchPing's echo as :bench_ping. */
export async function startElixirPing(pnode: PlaygroundNode, wake: () => void): Promise<void> {
  await runElixir(pnode, `${PING}\nProcess.register(spawn(BenchPing, :echo, []), :bench_ping)`, wake);
}

/** The calling tab: mean Elixir ping-pong round trip to `:bench_ping` on `serverNode`, in µs. */
export async function elixirPingRtt(pnode: PlaygroundNode, serverNode: string, n: number, monitor: boolean, wake: () => void): Promise<number> {
  const us = await runElixir(pnode, `${PING}
    pid = :rpc.call(:"${serverNode}", Process, :whereis, [:bench_ping])
    true = is_pid(pid)
    t0 = :erlang.monotonic_time(:microsecond)
    BenchPing.loop(pid, ${n}, ${monitor})
    :erlang.monotonic_time(:microsecond) - t0`, wake);
  if (typeof us !== 'number') throw new Error(`unexpected result ${String(us)}`);
  return us / n;
}
