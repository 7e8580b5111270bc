/**
 * Stacktraces from the VM's frames (core/lang/stacktrace.ts), beside the golden transcripts 47 and 48:
 * bounded to BEAM's backtrace_depth however deep the stack, recursion shown once, and the
 * frames of functions that never return left out as BEAM leaves them out.
 */
import { describe, expect, it } from 'vitest';
import { startTypingSession } from './transcript.ts';

function session(...lines: string[]): string {
  const s = startTypingSession();
  for (const l of lines) s.type(l);
  return s.output();
}

const MODULE = [
  'defmodule Deep do',
  '  def down(0), do: raise("deep")',
  '  def down(n), do: 1 + down(n - 1)',
  '  def mutual(0), do: raise("m")',
  '  def mutual(n), do: 1 + other(n)',
  '  def other(n), do: 1 + mutual(n - 1)',
  '  def never(x), do: raise(ArgumentError, "never #{x}")',
  '  def calls_never(x) do',
  '    y = never(x)',
  '    y + 1',
  '  end',
  'end',
].join('\n');

describe('stacktraces', () => {
  it('a recursion 100,000 deep gives its frame once and at most 8 entries', () => {
    const out = session(MODULE, 'try do Deep.down(100_000) rescue _ -> {length(__STACKTRACE__), Enum.take(__STACKTRACE__, 2)} end');
    expect(out).toContain("{8,\n [\n   {Deep, :down, 1, [file: 'iex', line: 2, error_info: %{module: Exception}]},\n   {Deep, :down, 1, [file: 'iex', line: 3]}\n ]}");
  });

  it('alternating frames are not equal neighbours: the trace is cut at 8', () => {
    const out = session(MODULE, 'Deep.mutual(10)');
    const frames = out.split('\n').filter((l) => l.startsWith('    iex:'));
    expect(frames).toEqual(['    iex:4: Deep.mutual/1', '    iex:6: Deep.other/1', '    iex:5: Deep.mutual/1', '    iex:6: Deep.other/1', '    iex:5: Deep.mutual/1', '    iex:6: Deep.other/1', '    iex:5: Deep.mutual/1', '    iex:6: Deep.other/1']);
  });

  it('the caller of a function that never returns leaves no frame (raise/2 has no error_info)', () => {
    const out = session(MODULE, 'try do Deep.calls_never(1) rescue _ -> hd(__STACKTRACE__) end', 'Deep.calls_never(1)');
    expect(out).toContain("{Deep, :never, 1, [file: 'iex', line: 7]}");
    expect(out.trimEnd().endsWith('** (ArgumentError) never 1\n    iex:7: Deep.never/1')).toBe(true);
  });

  it('lines count from the prompt counter, as iex numbers them', () => {
    const out = session('1', '2', 'defmodule Late do\n  def f, do: raise("x")\nend', 'Late.f()');
    expect(out).toContain('** (RuntimeError) x\n    iex:4: Late.f/0');
  });
});
