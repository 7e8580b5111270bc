import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../term/types.ts';
import type { Term } from '../term/types.ts';
import { TIMEOUT, generatorBody, receive, sleep } from './bodies.ts';
import { advanceAndRun } from './testing.ts';
import { collector, testNode } from './test-helpers.ts';
import { TimerHeap } from './timers.ts';

const tick = atom('tick');

describe('TimerHeap', () => {
  it('fires in due order, ties in creation order, and skips cancelled timers', () => {
    const h = new TimerHeap();
    const fired: string[] = [];
    h.add(30, () => fired.push('c'));
    h.add(10, () => fired.push('a1'));
    const dead = h.add(20, () => fired.push('dead'));
    h.add(10, () => fired.push('a2'));
    h.cancel(dead);
    expect(h.nextAt()).toBe(10);
    expect(h.fireDue(25)).toBe(2);
    expect(h.fireDue(100)).toBe(1);
    expect(fired).toEqual(['a1', 'a2', 'c']);
    expect(h.nextAt()).toBeNull();
  });

  it('compacts when many timers are cancelled', () => {
    const h = new TimerHeap();
    for (let i = 0; i < 10_000; i++) h.cancel(h.add(i, () => {}));
    expect(h.size).toBe(0);
    expect(h.nextAt()).toBeNull();
  });
});

describe('receive after', () => {
  it('times out only when the injected clock reaches the deadline', () => {
    const { node, clock } = testNode();
    const got: (Term | symbol)[] = [];
    node.spawn(
      generatorBody(function* () {
        got.push(yield receive((m) => m === tick, 1000));
      }),
    );
    node.runUntilIdle();
    expect(node.nextTimerAt()).toBe(1000);
    clock.advance(999);
    node.runUntilIdle();
    expect(got).toEqual([]);
    clock.advance(1);
    node.runUntilIdle(); // fires due timers itself
    expect(got).toEqual([TIMEOUT]);
    expect(node.nextTimerAt()).toBeNull();
  });

  it('a matching message before the deadline wins and cancels the timer', () => {
    const { node, clock } = testNode();
    const got: (Term | symbol)[] = [];
    const pid = node.spawn(
      generatorBody(function* () {
        got.push(yield receive((m) => m === tick, 1000));
      }),
    );
    node.runUntilIdle();
    node.send(pid, atom('other')); // wakes it, does not match, timer keeps its deadline
    advanceAndRun(clock, 500, node);
    node.send(pid, tick);
    advanceAndRun(clock, 2000, node);
    expect(got).toEqual([tick]);
    expect(node.nextTimerAt()).toBeNull();
  });

  it('after 0 polls: takes a matching message if there is one, else times out at once', () => {
    const { node } = testNode();
    const got: (Term | symbol)[] = [];
    const pid = node.spawn(
      generatorBody(function* () {
        got.push(yield receive((m) => m === tick, 0));
        got.push(yield receive((m) => m === tick, 0));
      }),
    );
    node.send(pid, tick);
    node.runUntilIdle();
    expect(got).toEqual([tick, TIMEOUT]);
  });

  it(':infinity waits forever', () => {
    const { node, clock } = testNode();
    const pid = node.spawn(
      generatorBody(function* () {
        yield receive(() => true, null);
      }),
    );
    advanceAndRun(clock, 1e9, node);
    expect(node.info(pid)?.status).toBe('waiting');
  });

  it('sleep is a receive with no clause: messages wait for later', () => {
    const { node, clock } = testNode();
    const log: Term[] = [];
    const pid = node.spawn(
      generatorBody(function* () {
        yield sleep(100);
        log.push(clock.now());
        log.push((yield receive()) as Term);
      }),
    );
    node.runUntilIdle();
    node.send(pid, tick);
    advanceAndRun(clock, 50, node);
    expect(log).toEqual([]);
    advanceAndRun(clock, 50, node);
    expect(log).toEqual([100, tick]);
  });
});

describe('send_after and cancel_timer', () => {
  it('delivers at the deadline, in order, and cancel returns the time left', () => {
    const { node, clock } = testNode();
    const c = collector(node);
    const api = node.processApi(c.pid);
    if (api === undefined) throw new Error('no process');
    api.sendAfter(c.pid, 2, 200);
    api.sendAfter(c.pid, 1, 100);
    const ref = api.sendAfter(c.pid, 3, 300);
    advanceAndRun(clock, 150, node);
    expect(c.messages).toEqual([1]);
    expect(api.cancelTimer(ref)).toBe(150);
    expect(api.cancelTimer(ref)).toBe(false);
    advanceAndRun(clock, 1000, node);
    expect(c.messages).toEqual([1, 2]);
  });

  it('sends to a registered name when it fires', () => {
    const { node, clock } = testNode();
    const c = collector(node);
    node.register(atom('box'), c.pid);
    node.processApi(c.pid)?.sendAfter(atom('box'), tuple(tick), 10);
    advanceAndRun(clock, 10, node);
    expect(c.messages).toEqual([tuple(tick)]);
  });
});
