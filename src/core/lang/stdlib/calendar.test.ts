// The calendar functions on a node whose wall clock says 2024-01-31T12:30:00.123Z (Unix
// 1706704200123 ms: `DateTime.from_unix(1706704200123, :millisecond)` in real iex, golden 59)
// while its monotonic clock is at 0, and what hostile arguments do. Expected texts are Elixir 1.14's.
import { describe, expect, test } from 'vitest';
import { evalText, langNode } from '../vm-test-helpers.ts';

const UNIX_MS = 1706704200123;

describe('the wall clock', () => {
  const t = langNode(undefined, { wallClock: { now: () => UNIX_MS } });
  test.each([
    ['DateTime.utc_now()', '~U[2024-01-31 12:30:00.123000Z]'],
    ['NaiveDateTime.utc_now()', '~N[2024-01-31 12:30:00.123000]'],
    ['Date.utc_today()', '~D[2024-01-31]'],
    ['DateTime.utc_now() |> DateTime.to_unix(:millisecond)', String(UNIX_MS)],
    [':os.system_time(:second)', '1706704200'],
    [':erlang.system_time(:millisecond)', String(UNIX_MS)],
    ['System.system_time(:microsecond)', String(UNIX_MS * 1000)],
  ])('%s', (src, expected) => {
    expect(evalText(t, src)).toBe(expected);
  });

  test('timers and elapsed time stay on the monotonic clock', () => {
    expect(evalText(langNode(undefined, { wallClock: { now: () => UNIX_MS } }), 'System.monotonic_time(:millisecond)')).toBe('0');
  });

  test('without a wall clock, a node reads its monotonic clock (tests stay deterministic)', () => {
    expect(evalText(langNode(), 'DateTime.utc_now()')).toBe('~U[1970-01-01 00:00:00.000000Z]');
  });
});

describe('hostile arguments fail in Elixir words, promptly', () => {
  const t = langNode();
  test.each([
    ['Date.add(~D[2024-01-01], 100000000000000000000)', '** (FunctionClauseError) no function clause matching in Calendar.ISO.date_from_iso_days/1'],
    ['NaiveDateTime.add(~N[2024-01-01 00:00:00], 100000000000000000000)', '** (FunctionClauseError) no function clause matching in Calendar.ISO.date_from_iso_days/1'],
    ['DateTime.from_unix(10000000000000000000000)', '{:error, :invalid_unix_time}'],
    ['Time.add(~T[00:00:00], 1, :week)', '** (ArgumentError) unsupported time unit. Expected :second, :millisecond, :microsecond, :nanosecond, or a positive integer, got :week'],
    ['Date.from_iso8601(:x)', '** (FunctionClauseError) no function clause matching in Date.from_iso8601/1'],
    ['Date.diff(%{}, ~D[2024-01-01])', '** (FunctionClauseError) no function clause matching in Date.diff/2'],
    ['Date.range(~D[-9999-01-01], ~D[9999-12-31]) |> Enum.count()', '7304484'],
    ['Date.range(~D[-9999-01-01], ~D[9999-12-31]) |> Enum.take(1)', '[~D[-9999-01-01]]'],
    ['~D[2024-06-01] in Date.range(~D[2024-12-31], ~D[2024-01-01], -5)', 'false'],
    ['~D[2024-12-26] in Date.range(~D[2024-12-31], ~D[2024-01-01], -5)', 'true'],
  ])('%s', (src, expected) => {
    expect(evalText(t, src).split('\n')[0]?.trimEnd()).toBe(expected);
  });
});
