import { describe, expect, it } from 'vitest';
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import { createNode } from '../core/runtime/node.ts';
import { loopBody } from '../core/runtime/bodies.ts';
import type { ProcessBody } from '../core/runtime/process-body.ts';
import { atom, type Atom } from '../core/term/types.ts';
import { startNodeLoop, type HostScheduling } from './node-loop.ts';

/** A host whose tasks and microtasks a test runs by hand. */
function setUp() {
  const clock = new SimulatedClock();
  const node = createNode({ clock, random: new SeededRandom(1), stdout: () => {} });
  const tasks: (() => void)[] = [];
  const micro: (() => void)[] = [];
  const host: HostScheduling = {
    postTask: (run) => void tasks.push(run),
    microtask: (run) => void micro.push(run),
    setTimer: () => null,
    clearTimer: () => {},
  };
  const got: string[] = [];
  const echo = node.spawn(loopBody(null, (m, s) => (got.push((m as Atom).name), s)));
  const loop = startNodeLoop(node, clock, host);
  tasks.shift()?.();
  return { clock, node, loop, tasks, micro, got, echo };
}

describe('node loop: a transport event runs what it woke when it ends', () => {
  it('a wake inside the event runs the node at its end: no microtask, no task', () => {
    const { node, loop, tasks, micro, got, echo } = setUp();
    loop.event.begin();
    node.send(echo, atom('ping'));
    loop.wake();
    loop.wake();
    expect(got).toEqual([]); // never inside wake itself
    loop.event.end();
    expect(got).toEqual(['ping']);
    expect(micro).toHaveLength(0);
    expect(tasks).toHaveLength(0);
  });

  it('an event with no wake runs nothing; a later wake takes the microtask again', () => {
    const { node, loop, micro, got, echo } = setUp();
    loop.event.begin();
    loop.event.end();
    node.send(echo, atom('a'));
    loop.wake();
    expect(micro).toHaveLength(1);
    micro.shift()?.();
    expect(got).toEqual(['a']);
  });

  it('nested events run the node once, at the outermost end', () => {
    const { node, loop, got, echo } = setUp();
    loop.event.begin();
    loop.event.begin();
    node.send(echo, atom('x'));
    loop.wake();
    loop.event.end();
    expect(got).toEqual([]);
    loop.event.end();
    expect(got).toEqual(['x']);
  });

  it('a task already posted does the work: the event leaves it alone', () => {
    const { clock, node, loop, tasks, micro, got, echo } = setUp();
    let runs = 0;
    const busy: ProcessBody = {
      run: (_proc, budget) => {
        runs++;
        clock.advance(10);
        return { type: 'yield', reductions: budget };
      },
    };
    node.spawn(busy);
    loop.wake();
    micro.shift()?.(); // one 10 ms run, more to do: a task is posted
    expect(runs).toBe(1);
    expect(tasks).toHaveLength(1);
    loop.event.begin();
    node.send(echo, atom('y'));
    loop.wake();
    loop.event.end();
    expect(runs).toBe(1);
    expect(micro).toHaveLength(0);
    // The posted tasks deliver it, in their turn.
    for (let i = 0; i < 5 && got.length === 0; i++) tasks.shift()?.();
    expect(got).toEqual(['y']);
    expect(micro).toHaveLength(0);
    loop.stop();
  });

  it('a stopped loop runs nothing at the end of an event', () => {
    const { node, loop, got, echo } = setUp();
    loop.event.begin();
    node.send(echo, atom('z'));
    loop.wake();
    loop.stop();
    loop.event.end();
    expect(got).toEqual([]);
  });
});
