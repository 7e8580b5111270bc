/**
 * A receive's `after` keeps one heap entry per process across receives (process-timers.ts
 * armReceiveTimer): an entry left by a receive that a message ended is kept by the next receive
 * when it fires no later, put back at the new deadline when it fires early, and replaced when the
 * new deadline is earlier. Each receive must still time out exactly at its own deadline.
 */
import { describe, expect, it } from 'vitest';
import { atom } from '../term/types.ts';
import type { Term } from '../term/types.ts';
import { TIMEOUT, generatorBody, receive } from './bodies.ts';
import { advanceAndRun } from './testing.ts';
import { testNode } from './test-helpers.ts';
import type { NodeRuntime } from './node-runtime.ts';

const go = atom('go');
const heapOf = (node: unknown) => (node as { rt: NodeRuntime }).rt.timers;

describe('receive after, one timer entry per process', () => {
  it('a later deadline keeps the entry a message left, which fires early and waits on to the new deadline', () => {
    const { node, clock } = testNode();
    const got: [number, Term | symbol][] = [];
    const pid = node.spawn(
      generatorBody(function* () {
        const first = (yield receive((m) => m === go, 1000)) as Term | symbol;
        got.push([clock.now(), first]);
        const second = (yield receive((m) => m === go, 1000)) as Term | symbol;
        got.push([clock.now(), second]);
      }),
    );
    node.runUntilIdle();
    advanceAndRun(clock, 100, node);
    node.send(pid, go); // ends the first receive at 100: the second times out at 1100
    node.runUntilIdle();
    expect(node.nextTimerAt()).toBe(1000); // the first receive's entry, kept
    advanceAndRun(clock, 900, node); // 1000: fires early, goes back in at 1100
    expect(got).toEqual([[100, go]]);
    expect(node.nextTimerAt()).toBe(1100);
    advanceAndRun(clock, 99, node);
    expect(got).toEqual([[100, go]]);
    advanceAndRun(clock, 1, node);
    expect(got).toEqual([[100, go], [1100, TIMEOUT]]);
    expect(node.nextTimerAt()).toBeNull();
  });

  it('an earlier deadline gets an entry of its own and times out at it, not at the old one', () => {
    const { node, clock } = testNode();
    const got: [number, Term | symbol][] = [];
    const pid = node.spawn(
      generatorBody(function* () {
        const m5000 = (yield receive((m) => m === go, 5000)) as Term | symbol;
        got.push([clock.now(), m5000]);
        const m10 = (yield receive((m) => m === go, 10)) as Term | symbol;
        got.push([clock.now(), m10]);
      }),
    );
    node.runUntilIdle();
    node.send(pid, go);
    node.runUntilIdle();
    expect(node.nextTimerAt()).toBe(10);
    advanceAndRun(clock, 9, node);
    expect(got).toEqual([[0, go]]);
    advanceAndRun(clock, 1, node);
    expect(got).toEqual([[0, go], [10, TIMEOUT]]);
    // The replaced entry is gone: nothing is left to wake the node.
    expect(node.nextTimerAt()).toBeNull();
  });

  it('an entry left behind times out no receive without `after`, and no sleeping or dead process', () => {
    const { node, clock } = testNode();
    const got: (Term | symbol)[] = [];
    const waiter = node.spawn(
      generatorBody(function* () {
        got.push(yield receive((m) => m === go, 1000));
        got.push(yield receive((m) => m === go, null));
      }),
    );
    const quitter = node.spawn(
      generatorBody(function* () {
        yield receive((m) => m === go, 1000);
      }),
    );
    node.runUntilIdle();
    node.send(waiter, go);
    node.send(quitter, go); // it ends, its entry still in the heap
    node.runUntilIdle();
    advanceAndRun(clock, 5000, node);
    expect(got).toEqual([go]);
    expect(node.info(waiter)?.status).toBe('waiting');
    expect(node.isAlive(quitter)).toBe(false);
    expect(node.nextTimerAt()).toBeNull();
    node.send(waiter, go);
    node.runUntilIdle();
    expect(got).toEqual([go, go]);
  });

  it('10,000 receives ended by messages leave one live entry, and a final one still times out on time', () => {
    const { node, clock } = testNode();
    const N = 10_000;
    let timedOutAt = -1;
    const pid = node.spawn(
      generatorBody(function* () {
        for (let i = 0; i < N; i++) yield receive((m) => m === go, 5000);
        if ((yield receive((m) => m === go, 5000)) === TIMEOUT) timedOutAt = clock.now();
      }),
    );
    for (let i = 0; i < N; i++) {
      node.runUntilIdle();
      node.send(pid, go);
      if (i % 100 === 0) clock.advance(1);
    }
    node.runUntilIdle();
    expect(heapOf(node).size).toBe(1);
    const start = clock.now();
    advanceAndRun(clock, 4999, node);
    expect(timedOutAt).toBe(-1);
    advanceAndRun(clock, 1, node);
    expect(timedOutAt).toBe(start + 5000);
  });
});
