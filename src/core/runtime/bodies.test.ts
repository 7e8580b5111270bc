import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../term/types.ts';
import type { Term } from '../term/types.ts';
import { TIMEOUT, generatorBody, loopBody, receive, stop } from './bodies.ts';
import { testNode } from './test-helpers.ts';
import { advanceAndRun } from './testing.ts';

describe('loopBody', () => {
  it('folds messages into a state in arrival order and stops with a reason', () => {
    const { node } = testNode();
    const sums: number[] = [];
    const pid = node.spawn(
      loopBody(0, (m, acc) => {
        if (m === atom('stop')) return stop(atom('done'));
        sums.push(acc + (m as number));
        return acc + (m as number);
      }),
    );
    let exitReason: Term | undefined;
    node.subscribe((e) => {
      if (e.type === 'process:exited') exitReason = e.reason;
    });
    for (const m of [1, 2, 3]) node.send(pid, m);
    node.send(pid, atom('stop'));
    node.send(pid, 100);
    node.runUntilIdle();
    expect(sums).toEqual([1, 3, 6]);
    expect(exitReason).toBe(atom('done'));
  });

  it('yields when its budget is used, so a flood does not hog the scheduler', () => {
    const { node } = testNode({ processBudget: 10 });
    let n = 0;
    const pid = node.spawn(loopBody(null, () => (n++, null)));
    for (let i = 0; i < 25; i++) node.send(pid, i);
    node.runSlice(10);
    expect(n).toBe(10);
    node.runUntilIdle();
    expect(n).toBe(25);
  });
});

describe('generatorBody', () => {
  it('receives selectively, keeps the others, and handles timeouts', () => {
    const { node, clock } = testNode();
    const got: (Term | symbol)[] = [];
    const pid = node.spawn(
      generatorBody(function* () {
        got.push(yield receive((m) => m instanceof Object && (m as { kind: string }).kind === 'tuple'));
        got.push(yield receive());
        got.push(yield receive(() => true, 50));
        return atom('finished');
      }),
    );
    node.send(pid, 1);
    node.send(pid, tuple(atom('a')));
    node.runUntilIdle();
    expect(got).toEqual([tuple(atom('a')), 1]);
    advanceAndRun(clock, 50, node);
    expect(got).toEqual([tuple(atom('a')), 1, TIMEOUT]);
    expect(node.isAlive(pid)).toBe(false);
  });
});
