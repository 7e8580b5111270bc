import { describe, expect, test } from 'vitest';
import { arrayToList } from '../../term/list.ts';
import type { Term } from '../../term/types.ts';
import { langNode, resultText, expectNeverHoldsScheduler, runMessage, spawnEval } from '../vm-test-helpers.ts';
import cases from './list-ops-cases.json';

// length/1, ++, -- (trapping in a body, inline in guards) and comprehensions over ranges,
// against what real Elixir 1.14 printed (list-ops-cases.json).
describe('length, ++, -- and for give Elixir’s results', () => {
  for (const { src, iex } of cases.cases) {
    test(src, () => {
      expect(runMessage(src)).toBe(iex);
    }, 60_000);
  }
});

const BIG = 3_000_000;
const bigList = (): Term => arrayToList(Array.from({ length: BIG }, (_, i) => i));

// While one process runs one huge length/++/-- (a list bound before it starts, so the operator
// itself is what runs) or a comprehension over a huge range, another process on the node
// finishes within a few slices, and the walker's slices stay within the budget.
describe('a huge length, ++, -- or for never holds the scheduler', () => {
  const walks: [string, string][] = [
    ['length/1', 'length(l)'],
    ['length/1 in tail position of a fun', 'f = fn x -> length(x) end; f.(l)'],
    [':erlang.length/1', ':erlang.length(l)'],
    ['a long list ++ another', 'l ++ [1]'],
    ['a long list -- a short one', 'l -- [1, 2, 3]'],
    ['a short list -- a long one', '[1, 2, 3] -- l'],
    ['a long list -- itself', 'l -- l'],
    ['Kernel.++/2 applied', 'apply(Kernel, :++, [l, l])'],
    ['for over 1..100_000_000', 'for x <- 1..100_000_000, do: x'],
    ['for over a huge range with a filter', 'for x <- 1..1_000_000_000_000, x < 0, do: x'],
    ['nested generators over huge ranges', 'for x <- 1..1_000_000_000_000, y <- 1..1_000_000_000_000, do: x + y'],
  ];
  for (const [name, src] of walks) {
    test(name, () => {
      const t = langNode();
      const walker = spawnEval(t, src, new Map([['l', bigList()]]));
      expectNeverHoldsScheduler(t, walker);
    }, 60_000);
  }

  test('a trapped length still counts every cell', () => {
    const t = langNode();
    const ev = spawnEval(t, '{length(l), length(l ++ l), length(l -- [0])}', new Map([['l', bigList()]]));
    let slices = 0;
    while (ev.result === null) {
      t.node.runSlice();
      slices++;
    }
    expect(resultText(ev)).toBe(`{${BIG}, ${2 * BIG}, ${BIG - 1}}`);
    expect(slices).toBeGreaterThan(10); // it took many slices, not one
  }, 60_000);
});
