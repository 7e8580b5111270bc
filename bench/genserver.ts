/**
 * `genserver`: GenServer.call round trips on one node (a caller and a counter server, 100,000
 * calls: each is a monitor, a `$gen_call` send, the server's receive/dispatch/reply and the
 * caller's selective receive and demonitor). Ours: the prelude's GenServer (core/lang/otp) run
 * by our VM; reference: Elixir's GenServer compiled on BEAM, in the same run. Calls per second.
 */
import type { Benchmark } from './harness.ts';
import { runElixir } from './beam.ts';
import { runShellSource } from './lang-run.ts';

const CALLS = 100_000;

const MODULE = `
defmodule BenchGenServer do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:inc, _from, n), do: {:reply, n + 1, n + 1}
  def loop(_pid, 0), do: :ok
  def loop(pid, n) do
    GenServer.call(pid, :inc)
    loop(pid, n - 1)
  end
  def main(n) do
    {:ok, pid} = GenServer.start_link(__MODULE__, 0)
    loop(pid, div(n, 10))
    t0 = :erlang.monotonic_time(:microsecond)
    loop(pid, n)
    t1 = :erlang.monotonic_time(:microsecond)
    {n, t1 - t0}
  end
end
`;

/** Calls per second in our VM (the best of three runs, as BEAM's run is warm). */
function ours(calls: number): number {
  let best = 0;
  for (let i = 0; i < 3; i++) {
    const { value } = runShellSource(`${MODULE}\nBenchGenServer.main(${calls})`);
    const us = typeof value === 'object' && value.kind === 'tuple' ? (value.elements[1] as number) : NaN;
    best = Math.max(best, calls / (us / 1e6));
  }
  return best;
}

export const genserver: Benchmark = {
  name: 'genserver',
  unit: 'calls/s',
  higherIsBetter: true,
  run() {
    const mine = ours(CALLS);
    const beam = runElixir(MODULE.replace('{n, t1 - t0}', 'IO.puts("us=#{t1 - t0}")'), `BenchGenServer.main(${CALLS})`);
    const us = beam?.['us'];
    const reference = us === undefined ? null : CALLS / (us / 1e6);
    return {
      ours: mine,
      reference,
      details: `${CALLS} GenServer.call round trips on one node; goal: within 3× of compiled BEAM${reference === null ? '' : ` (${(reference / mine).toFixed(2)}× slower)`}`,
    };
  },
};
