import { describe, expect, test } from 'vitest';
import type { Pid } from '../../term/types.ts';
import { CONTEXT_REDS } from '../../runtime/node-runtime.ts';
import { langNode, resultText, run, spawnEval, type Evaluation, type LangTestNode } from '../vm-test-helpers.ts';
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

/** Runs one slice of the node; returns the reductions each of `pids` used in it. */
function slice(t: LangTestNode, pids: readonly Pid[]): number[] {
  const before = pids.map((p) => t.node.info(p)?.reductions ?? 0);
  t.node.runSlice();
  return pids.map((p, i) => (t.node.info(p)?.reductions ?? before[i] ?? 0) - (before[i] ?? 0));
}

const pidOf = (ev: Evaluation): Pid => {
  if (ev.proc === null) throw new Error('not started');
  return ev.proc.self;
};

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
      const counter = spawnEval(t, 'Enum.reduce(1..200, 0, fn x, acc -> x + acc end)');
      while (walker.proc === null || counter.proc === null) t.node.runSlice(); // both start
      const pids = [pidOf(walker), pidOf(counter)];
      let slices = 0;
      while (counter.result === null && slices < 10) {
        const [w] = slice(t, pids);
        slices++;
        // One slice's work stays within a process's budget plus one step of a walk.
        expect(w).toBeLessThanOrEqual(CONTEXT_REDS + REDS_PER_STEP);
      }
      expect(resultText(counter)).toBe('20100');
      expect(walker.result).toBeNull(); // still walking, yet the other process finished
      expect(slices).toBeLessThanOrEqual(3);
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
