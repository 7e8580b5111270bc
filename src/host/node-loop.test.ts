import { describe, expect, it } from 'vitest';
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import { createNode } from '../core/runtime/node.ts';
import { generatorBody, loopBody, sleep } from '../core/runtime/bodies.ts';
import type { ProcessBody } from '../core/runtime/process-body.ts';
import { atom } from '../core/term/types.ts';
import { startNodeLoop, type HostScheduling } from './node-loop.ts';

/** A host whose tasks, microtasks and timers a test runs by hand. */
function manualHost(clock: SimulatedClock, withMicrotasks = false) {
  const tasks: (() => void)[] = [];
  const micro: (() => void)[] = [];
  const timers: { at: number; run: () => void }[] = [];
  const host: HostScheduling = {
    postTask: (run) => void tasks.push(run),
    setTimer: (run, ms) => {
      const t = { at: clock.now() + ms, run };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => void timers.splice(timers.indexOf(h as (typeof timers)[number]), 1),
    ...(withMicrotasks ? { microtask: (run: () => void) => void micro.push(run) } : {}),
  };
  return { host, tasks, micro, timers };
}

describe('node loop', () => {
  it('runs work in tasks and sleeps until the next timer', () => {
    const clock = new SimulatedClock();
    let out = '';
    const node = createNode({ clock, random: new SeededRandom(1), stdout: (t) => (out += t) });
    const { host, tasks, timers } = manualHost(clock);
    node.spawn(
      generatorBody(function* () {
        yield sleep(100);
        out += 'woke\n';
      }),
    );
    startNodeLoop(node, clock, host);
    expect(tasks).toHaveLength(1);
    tasks.shift()?.();
    expect(timers.map((t) => t.at)).toEqual([100]);
    expect(tasks).toHaveLength(0);

    clock.advance(100);
    timers.shift()?.run();
    tasks.shift()?.();
    expect(out).toBe('woke\n');
    expect(timers).toHaveLength(0);
  });

  it('wake() posts one task however often it is called', () => {
    const clock = new SimulatedClock();
    const node = createNode({ clock, random: new SeededRandom(1), stdout: () => {} });
    const { host, tasks } = manualHost(clock);
    const loop = startNodeLoop(node, clock, host);
    tasks.shift()?.();
    loop.wake();
    loop.wake();
    expect(tasks).toHaveLength(1);
    loop.stop();
    tasks.shift()?.();
    expect(tasks).toHaveLength(0);
  });

  it('an idle loop woken by an event runs the work in a microtask, without a task hop', () => {
    const clock = new SimulatedClock();
    const node = createNode({ clock, random: new SeededRandom(1), stdout: () => {} });
    const { host, tasks, micro } = manualHost(clock, true);
    const got: string[] = [];
    const echo = node.spawn(loopBody(null, (m, s) => (got.push(String((m as { name: string }).name)), s)));
    const loop = startNodeLoop(node, clock, host);
    tasks.shift()?.();
    expect(tasks).toHaveLength(0);

    // A network message: delivered to the mailbox, then wake().
    node.send(echo, atom('ping'));
    loop.wake();
    loop.wake();
    expect(micro).toHaveLength(1);
    expect(tasks).toHaveLength(0);
    expect(got).toEqual([]); // never inside wake itself
    micro.shift()?.();
    expect(got).toEqual(['ping']);
    expect(tasks).toHaveLength(0);
  });

  it('a microtask slice is short: work left after it goes to a posted task', () => {
    const clock = new SimulatedClock();
    const node = createNode({ clock, random: new SeededRandom(1), stdout: () => {} });
    const { host, tasks, micro } = manualHost(clock, true);
    const loop = startNodeLoop(node, clock, host);
    tasks.shift()?.();
    let runs = 0;
    // Half a millisecond per run, forever.
    const busy: ProcessBody = {
      run: (_proc, budget) => {
        runs++;
        clock.advance(0.5);
        return { type: 'yield', reductions: budget };
      },
    };
    node.spawn(busy);
    loop.wake();
    micro.shift()?.();
    expect(runs).toBe(2); // 1 ms of work
    expect(tasks).toHaveLength(1);
    // While that task is posted, wakes add nothing: a flood of events still yields to the host.
    loop.wake();
    expect(micro).toHaveLength(0);
    expect(tasks).toHaveLength(1);
    tasks.shift()?.();
    expect(runs).toBe(2 + 16); // a task's slice: 8 ms
    loop.stop();
  });

  it('a wake from inside a running slice posts a task, as before', () => {
    const clock = new SimulatedClock();
    const node = createNode({ clock, random: new SeededRandom(1), stdout: () => {} });
    const { host, tasks, micro } = manualHost(clock, true);
    let loop: ReturnType<typeof startNodeLoop> | null = null;
    let runs = 0;
    node.spawn({
      run: () => {
        runs++;
        loop?.wake();
        return { type: 'exit', reductions: 1, reason: atom('normal') };
      },
    });
    loop = startNodeLoop(node, clock, host);
    tasks.shift()?.();
    expect(runs).toBe(1);
    expect(micro).toHaveLength(0);
    expect(tasks).toHaveLength(1);
    tasks.shift()?.(); // nothing left to do
    expect(tasks).toHaveLength(0);
  });

  it('keeps an armed timer across wakes, and re-arms only for an earlier one', () => {
    const clock = new SimulatedClock();
    const node = createNode({ clock, random: new SeededRandom(1), stdout: () => {} });
    const { host, tasks, micro, timers } = manualHost(clock, true);
    const sleeper = (ms: number) =>
      generatorBody(function* () {
        yield sleep(ms);
      });
    node.spawn(sleeper(100));
    const echo = node.spawn(loopBody(null, (_m, s) => s));
    const loop = startNodeLoop(node, clock, host);
    tasks.shift()?.();
    const first = timers[0];
    expect(timers.map((t) => t.at)).toEqual([100]);

    node.send(echo, atom('ping'));
    loop.wake();
    micro.shift()?.();
    expect(timers).toHaveLength(1);
    expect(timers[0]).toBe(first); // the same timer, not a new pair of calls

    node.spawn(sleeper(50));
    loop.wake();
    micro.shift()?.();
    expect(timers.map((t) => t.at)).toEqual([50]);
  });
});
