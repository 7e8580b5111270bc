/**
 * max_heap_size from the shell: a process flooded past its limit dies with `:killed` and BEAM's
 * report (its text from OTP 25 / Elixir 1.14; the sizes are our estimate, heap-limit.ts), while
 * the shell and the node keep going. Process.flag and spawn options refuse what BEAM refuses.
 */
import { describe, expect, it } from 'vitest';
import { startTypingSession } from './transcript.ts';

describe('max_heap_size in the shell', () => {
  it('kills a flooded process with the report; the shell keeps running', () => {
    const s = startTypingSession();
    for (const line of [
      'pid = Process.spawn(fn -> receive do :never -> :ok end end, [max_heap_size: 1000])',
      'ref = Process.monitor(pid)',
      'Enum.each(1..3000, fn i -> send(pid, {:msg, i}) end)',
      'receive do {:DOWN, ^ref, :process, ^pid, reason} -> reason after 1000 -> :timeout end',
      'Process.alive?(pid)',
    ]) s.type(line);
    const out = s.output();
    expect(out).toMatch(
      new RegExp(
        [
          String.raw`\n\d\d:\d\d:\d\d\.\d\d\d \[error\]      Process:            #PID<0\.\d+\.0> `,
          '     Context:            maximum heap size reached',
          '     Max Heap Size:      1000',
          '     Total Heap Size:    1004',
          '     Kill:               true',
          '     Error Logger:       true',
          '     Message Queue Len:  251',
          String.raw`     GC Info:            \[mbuf_size: 1004\]`,
        ].join('\n'),
      ),
    );
    expect(out).toContain('iex(4)> receive do {:DOWN, ^ref, :process, ^pid, reason} -> reason after 1000 -> :timeout end\n:killed\n');
    expect(out).toContain('iex(5)> Process.alive?(pid)\nfalse\n');
  });

  it('Process.flag(:max_heap_size, ...) answers the old limit and refuses what BEAM refuses', () => {
    const s = startTypingSession();
    for (const line of [
      'Process.flag(:max_heap_size, 100)',
      'Process.flag(:max_heap_size, %{size: 0, kill: true, error_logger: true})',
      'Process.flag(:max_heap_size, %{size: 5})',
      'Process.flag(:max_heap_size, 1000)',
      'Process.spawn(fn -> :ok end, [max_heap_size: 10])',
      'Process.info(self(), :max_heap_size)',
    ]) s.type(line);
    // Real iex 1.14 (stack lines aside: ours names the Elixir call, iex the :erlang BIF).
    const badValue = '** (ArgumentError) errors were found at the given arguments:\n\n  * 2nd argument: invalid value for this process flag\n';
    expect(s.output()).toContain(`iex(1)> Process.flag(:max_heap_size, 100)\n${badValue}`);
    expect(s.output()).toContain('iex(1)> Process.flag(:max_heap_size, %{size: 0, kill: true, error_logger: true})\n%{error_logger: true, kill: true, size: 16777216}\n');
    expect(s.output()).toContain(`iex(2)> Process.flag(:max_heap_size, %{size: 5})\n${badValue}`);
    expect(s.output()).toContain('iex(2)> Process.flag(:max_heap_size, 1000)\n%{error_logger: true, kill: true, size: 0}\n');
    expect(s.output()).toContain(
      'iex(3)> Process.spawn(fn -> :ok end, [max_heap_size: 10])\n** (ArgumentError) errors were found at the given arguments:\n\n  * 2nd argument: invalid spawn option\n',
    );
    expect(s.output()).toContain('iex(3)> Process.info(self(), :max_heap_size)\n{:max_heap_size, %{error_logger: true, kill: true, size: 1000}}\n');
  });
});
