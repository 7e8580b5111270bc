/**
 * `spawn`: 100,000 idle processes, each blocked in a receive. Ours: µs per spawn (spawning and
 * running each into its receive) and heap bytes per process (a GC'd heap delta). Reference:
 * the same on BEAM, in the same run: µs per spawn and `:erlang.memory(:processes)` delta per
 * process.
 */
import { performance } from 'node:perf_hooks';
import { SeededRandom } from '../src/core/ports.ts';
import type { Pid, Term } from '../src/core/term/types.ts';
import { createNode } from '../src/core/runtime/node.ts';
import type { Node } from '../src/core/runtime/node.ts';
import { loopBody, stop } from '../src/core/runtime/bodies.ts';
import type { Benchmark } from './harness.ts';
import { runElixir } from './beam.ts';
import { getGc, settledHeap } from './gc.ts';

const COUNT = 100_000;

/** An idle process: waits for any message, then ends. */
const idle = (_m: Term, _s: null) => stop();

function newNode(): Node {
  return createNode({ clock: { now: () => performance.now() }, random: new SeededRandom(1), stdout: () => {} });
}

/** Spawns `n` idle processes; returns µs per spawn and heap bytes per process. */
export function spawnOnce(n: number): { usPerSpawn: number; bytesPerProc: number } {
  const gc = getGc();
  const node = newNode();
  const pids: Pid[] = new Array<Pid>(n);
  const heap0 = settledHeap(gc);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) pids[i] = node.spawn(loopBody(null, idle));
  node.runUntilIdle();
  const t1 = performance.now();
  const heap1 = settledHeap(gc);
  if (node.processes().length !== n + 1) throw new Error('spawn bench: processes missing');
  return { usPerSpawn: ((t1 - t0) * 1000) / n, bytesPerProc: (heap1 - heap0) / n };
}

const ELIXIR_SPAWN = `
defmodule BenchSpawn do
  def run(n) do
    :erlang.garbage_collect()
    m0 = :erlang.memory(:processes)
    t0 = :erlang.monotonic_time(:microsecond)
    pids = spawn_n(n, [])
    t1 = :erlang.monotonic_time(:microsecond)
    Process.sleep(200)
    m1 = :erlang.memory(:processes)
    Enum.each(pids, &Process.exit(&1, :kill))
    {(t1 - t0) / n, (m1 - m0) / n}
  end

  defp spawn_n(0, acc), do: acc
  defp spawn_n(k, acc), do: spawn_n(k - 1, [spawn(fn -> receive do _ -> :ok end end) | acc])

  def main(n) do
    run(div(n, 10))
    Process.sleep(200)
    {us, bytes} = run(n)
    IO.puts("us=#{Float.round(us, 3)} bytes=#{Float.round(bytes, 0)}")
  end
end
`;

export const spawn: Benchmark = {
  name: 'spawn',
  unit: 'µs/spawn',
  higherIsBetter: false,
  run() {
    spawnOnce(COUNT / 10); // warm-up
    const a = spawnOnce(COUNT);
    const b = spawnOnce(COUNT);
    const ours = a.usPerSpawn < b.usPerSpawn ? a : b;
    const beam = runElixir(ELIXIR_SPAWN, `BenchSpawn.main(${COUNT})`);
    const beamBytes = beam?.['bytes'];
    const bytes = `bytes/process: ours ${Math.round(ours.bytesPerProc)}` +
      (beamBytes !== undefined ? `, BEAM ${Math.round(beamBytes)} (ratio ${(ours.bytesPerProc / beamBytes).toFixed(2)})` : '');
    return { ours: ours.usPerSpawn, reference: beam?.['us'] ?? null, details: `${COUNT.toLocaleString('en')} idle processes; ${bytes}` };
  },
};
