import { describe, expect, test } from 'vitest';
import { CONTEXT_REDS } from '../../runtime/node-runtime.ts';
import { langNode, pidOf, resultText, run, expectNeverHoldsScheduler, spawnEval } from '../vm-test-helpers.ts';
import { REDS_PER_STEP, STEP } from './walk.ts';
import cases from './walk-cases.json';

// Built-ins over collections bigger than one walk step, and Enum over huge ranges, against what
// real Elixir 1.14 printed (walk-cases.json).
describe('walking built-ins give Elixir’s results', () => {
  for (const { src, iex } of cases.cases) {
    test(src, () => {
      expect(run(src)).toBe(iex);
    }, 60_000);
  }
});

// While one process walks a huge collection in a single built-in call, the other processes of
// its node still run every slice: each call traps (walk.ts) within about one slice's budget.
describe('a huge walk never holds the scheduler', () => {
  const walks: [string, string][] = [
    ['Enum.reverse of a list built by :lists.seq', 'Enum.reverse(:lists.seq(1, 3_000_000)); :done'],
    ['Enum.sort of a big list', 'Enum.sort(:lists.reverse(:lists.seq(1, 500_000))); :done'],
    ['length of List.duplicate', 'Enum.count(List.duplicate(:x, 3_000_000)); :done'],
    ['Enum.join', 'Enum.join(:lists.seq(1, 1_000_000), ","); :done'],
    ['Enum.each over 1..100_000_000', 'Enum.each(1..100_000_000, fn _ -> :ok end)'],
    ['Enum.to_list of a big range', 'Enum.to_list(1..3_000_000); :done'],
  ];
  for (const [name, src] of walks) {
    test(name, () => {
      const t = langNode();
      const walker = spawnEval(t, src);
      expectNeverHoldsScheduler(t, walker);
    }, 60_000);
  }

  test('a walk is charged reductions for its work, a step at a time', () => {
    const t = langNode();
    const ev = spawnEval(t, 'Enum.reverse(:lists.seq(1, 100_000)); :done');
    let slices = 0;
    while (ev.result === null) {
      t.node.runSlice();
      slices++;
    }
    expect(resultText(ev)).toBe(':done');
    // :lists.seq builds and Enum.reverse walks 100,000 elements each: 200 steps in all.
    const steps = (2 * 100_000) / STEP;
    expect(t.node.info(pidOf(ev))).toBeUndefined(); // it ended
    expect(slices).toBeGreaterThanOrEqual(Math.floor((steps * REDS_PER_STEP) / CONTEXT_REDS));
  });
});
