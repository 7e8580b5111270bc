import { describe, expect, it } from 'vitest';
import { run } from './vm-test-helpers.ts';

describe('basic evaluation', () => {
  it.each([
    ['1 + 2', '3'],
    ['x = 5; x * 2', '10'],
    ['{1, :a, "s"}', '{1, :a, "s"}'],
    ['[1, 2 | [3]]', '[1, 2, 3]'],
    ['f = fn x -> x + 1 end; f.(41)', '42'],
    ['fib = fn f, 0 -> 0; _f, 1 -> 1; f, n -> f.(f, n - 1) + f.(f, n - 2) end; fib.(fib, 20)', '6765'],
    ['case {1, 2} do {a, b} when a > b -> :gt; {a, b} -> a + b end', '3'],
    ['if 1 > 2, do: :yes, else: :no', ':no'],
    ['10 / 4', '2.5'],
    ['9007199254740991 + 2', '9007199254740993'],
    ['(9007199254740991 + 2) - 2', '9007199254740991'],
  ])('%s', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});
