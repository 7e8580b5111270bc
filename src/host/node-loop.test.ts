import { describe, expect, it } from 'vitest';
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import { createNode } from '../core/runtime/node.ts';
import { generatorBody, sleep } from '../core/runtime/bodies.ts';
import { startNodeLoop, type HostScheduling } from './node-loop.ts';

/** A host whose tasks and timers a test runs by hand. */
function manualHost(clock: SimulatedClock) {
  const tasks: (() => void)[] = [];
  const timers: { at: number; run: () => void }[] = [];
  const host: HostScheduling = {
    postTask: (run) => void tasks.push(run),
    setTimer: (run, ms) => {
      const t = { at: clock.now() + ms, run };
      timers.push(t);
      return t;
    },
    clearTimer: (h) => void timers.splice(timers.indexOf(h as (typeof timers)[number]), 1),
  };
  return { host, tasks, timers };
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
});
