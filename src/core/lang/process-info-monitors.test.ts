// Process.info(pid, :monitors) names what each monitor watches, as erts does:
//   erl> monitor(process, srv), monitor(process, P), process_info(self(), monitors).
//   {monitors,[{process,{srv,nonode@nohost}},{process,<0.79.0>}]}
// (it listed the monitors' refs as `{:process, ref}`).
import { describe, expect, test } from 'vitest';
import { run } from './vm-test-helpers.ts';

describe('Process.info(pid, :monitors)', () => {
  test('a monitor by name shows {name, node}, one by pid the pid, in the order they were made; a demonitor takes it away', () => {
    const src = `
      p = spawn(fn -> receive do: (:stop -> :ok) end)
      Process.register(p, :srv)
      by_name = Process.monitor(:srv)
      Process.monitor(p)
      {:monitors, [process: {:srv, n}, process: ^p]} = Process.info(self(), :monitors)
      Process.demonitor(by_name)
      {:monitors, [process: ^p]} = Process.info(self(), :monitors)
      {n == node(), Process.info(p, :monitors)}`;
    expect(run(src)).toBe('{true, {:monitors, []}}');
  });
});
