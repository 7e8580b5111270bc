/**
 * `ring-shell`: the ring of 1,000 processes passing 1,000,000 messages, written in the shell
 * language and run by our VM, beside the same code in real erl_eval (`elixir -e`, as iex runs
 * it) and compiled BEAM, in the same run. Unit: messages per second.
 */
import type { Benchmark } from './harness.ts';
import { runElixir } from './beam.ts';
import { runErlEval, runShellSource } from './lang-run.ts';

const PROCS = 1_000;
const HOPS = 1_000_000;

const ringSource = (procs: number, hops: number) => `
me = self()
loop = fn loop, nxt ->
  receive do
    0 -> send(me, :done); loop.(loop, nxt)
    k -> send(nxt, k - 1); loop.(loop, nxt)
  end
end
first = spawn(fn -> receive do {:next, nxt} -> loop.(loop, nxt) end end)
last = Enum.reduce(2..${procs}, first, fn _, nxt -> spawn(fn -> loop.(loop, nxt) end) end)
send(first, {:next, last})
send(first, ${hops - 1})
receive do :done -> :ok end
`;

const ERL_EVAL = (procs: number, hops: number) =>
  `{t, _} = :timer.tc(fn -> ${ringSource(procs, hops).replace(/\n/g, '\n  ')} end); IO.puts("rate=#{${hops} / (t / 1_000_000)}")`;

const COMPILED = `
defmodule BenchRingShell do
  def run(n, m) do
    me = self()
    first = spawn(fn -> receive do {:next, nxt} -> loop(nxt, me) end end)
    last = Enum.reduce(2..n, first, fn _, nxt -> spawn(fn -> loop(nxt, me) end) end)
    send(first, {:next, last})
    {t, _} = :timer.tc(fn -> send(first, m - 1); receive do :done -> :ok end end)
    m / (t / 1_000_000)
  end
  defp loop(nxt, me) do
    receive do
      0 -> send(me, :done); loop(nxt, me)
      k -> send(nxt, k - 1); loop(nxt, me)
    end
  end
  def main(n, m), do: IO.puts("rate=#{max(run(n, m), run(n, m))}")
end
`;

function ours(procs: number, hops: number): number {
  const { ms } = runShellSource(ringSource(procs, hops));
  return hops / (ms / 1000);
}

export const ringShell: Benchmark = {
  name: 'ring-shell',
  unit: 'msgs/s',
  higherIsBetter: true,
  run() {
    ours(PROCS, HOPS / 10); // warm-up
    const rate = Math.max(ours(PROCS, HOPS), ours(PROCS, HOPS));
    const erl = runErlEval(ERL_EVAL(PROCS, HOPS))?.['rate'] ?? null;
    const beam = runElixir(COMPILED, `BenchRingShell.main(${PROCS}, ${HOPS})`)?.['rate'] ?? null;
    return {
      ours: rate,
      reference: erl,
      details: `${PROCS} processes, ${HOPS.toLocaleString('en')} msgs; erl_eval ${erl === null ? 'n/a' : Math.round(erl).toLocaleString('en')} msgs/s (ours ${erl === null ? 'n/a' : (rate / erl).toFixed(1) + '×'}), compiled BEAM ${beam === null ? 'n/a' : Math.round(beam).toLocaleString('en')} msgs/s`,
    };
  },
};

if (process.argv[1]?.endsWith('ring-shell.ts')) {
  const r = await ringShell.run();
  console.log(JSON.stringify(r));
}
