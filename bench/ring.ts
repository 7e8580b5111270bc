/**
 * `ring`: 1,000 processes in a ring pass a token 1,000,000 times (each hop is one send and one
 * receive). Ours: TypeScript loop bodies on this runtime, driven by runSlice as the browser's
 * task loop drives it. Reference: the same ring compiled on BEAM, in the same run.
 */
import { performance } from 'node:perf_hooks';
import { SeededRandom } from '../src/core/ports.ts';
import type { Pid, Term } from '../src/core/term/types.ts';
import { createNode } from '../src/core/runtime/node.ts';
import { loopBody } from '../src/core/runtime/bodies.ts';
import type { Benchmark } from './harness.ts';
import { runElixir } from './beam.ts';

const PROCS = 1_000;
const HOPS = 1_000_000;

/** Runs one ring and returns messages per second. */
export function ringOnce(procs: number, hops: number): number {
  const node = createNode({ clock: { now: () => performance.now() }, random: new SeededRandom(1), stdout: () => {} });
  let done = false;
  const links: { next: Pid | null }[] = [];
  const pids: Pid[] = [];
  for (let i = 0; i < procs; i++) {
    const st = { next: null as Pid | null };
    links.push(st);
    pids.push(
      node.spawn(
        loopBody(st, (msg: Term, s, proc) => {
          const n = msg as number;
          if (n === 0) done = true;
          else proc.send(s.next as Pid, n - 1);
          return s;
        }),
      ),
    );
  }
  for (let i = 0; i < procs; i++) (links[i] as { next: Pid | null }).next = pids[(i + 1) % procs] as Pid;
  node.runUntilIdle(); // everyone is now waiting in receive
  const t0 = performance.now();
  node.send(pids[0] as Pid, hops - 1); // hops sends in all, this one included
  while (!done) node.runSlice();
  const t1 = performance.now();
  return hops / ((t1 - t0) / 1000);
}

const ELIXIR_RING = `
defmodule BenchRing do
  def run(n, m) do
    me = self()
    first = spawn(fn -> receive do {:next, nxt} -> loop(nxt, me) end end)
    last = Enum.reduce(2..n, first, fn _, nxt -> spawn(fn -> loop(nxt, me) end) end)
    send(first, {:next, last})
    t0 = :erlang.monotonic_time(:microsecond)
    send(first, m - 1)
    receive do :done -> :ok end
    t1 = :erlang.monotonic_time(:microsecond)
    m / ((t1 - t0) / 1_000_000)
  end

  defp loop(nxt, me) do
    receive do
      0 -> send(me, :done); loop(nxt, me)
      k -> send(nxt, k - 1); loop(nxt, me)
    end
  end

  def main(n, m) do
    run(n, div(m, 10))
    rate = max(run(n, m), run(n, m))
    IO.puts("rate=#{Float.round(rate, 0)}")
  end
end
`;

export const ring: Benchmark = {
  name: 'ring',
  unit: 'msgs/s',
  higherIsBetter: true,
  run() {
    ringOnce(PROCS, HOPS / 10); // warm up the JIT, as BEAM's run warms its caches
    const ours = Math.max(ringOnce(PROCS, HOPS), ringOnce(PROCS, HOPS));
    const beam = runElixir(ELIXIR_RING, `BenchRing.main(${PROCS}, ${HOPS})`);
    return {
      ours,
      reference: beam?.['rate'] ?? null,
      details: `${PROCS} processes, ${HOPS.toLocaleString('en')} hops`,
    };
  },
};
