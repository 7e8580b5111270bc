import { describe, expect, it } from 'vitest';
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import { createNode } from '../core/runtime/node.ts';
import { generatorBody, loopBody, sleep } from '../core/runtime/bodies.ts';
import { atom, type Atom } from '../core/term/types.ts';
import { startNodeLoop, type HostScheduling } from './node-loop.ts';

/** A simulated clock that counts its reads. */
class CountingClock extends SimulatedClock {
  reads = 0;
  override now(): number {
    this.reads++;
    return super.now();
  }
}

function setUp() {
  const clock = new CountingClock();
  const node = createNode({ clock, random: new SeededRandom(1), stdout: () => {} });
  const tasks: (() => void)[] = [];
  const host: HostScheduling = {
    postTask: (run) => void tasks.push(run),
    microtask: () => {},
    setTimer: () => ({}),
    clearTimer: () => {},
  };
  const got: string[] = [];
  const echo = node.spawn(loopBody(null, (m, s) => (got.push((m as Atom).name), s)));
  const loop = startNodeLoop(node, clock, host);
  tasks.shift()?.();
  return { clock, node, loop, got, echo };
}

describe('node loop: one clock read per wake', () => {
  it('a woken node with a timer waiting reads the clock once, and the timer still fires when due', () => {
    const { clock, node, loop, got, echo } = setUp();
    const woke: number[] = [];
    // A process sleeping 50 ms: a timer waits, so the slice needs the time.
    node.spawn(
      generatorBody(function* () {
        yield sleep(50);
        woke.push(clock.now());
      }),
    );
    // Its first run sets the timer (and the loop arms a host timer for it).
    loop.event.begin();
    loop.wake();
    loop.event.end();
    clock.advance(10);
    const before = clock.reads;
    loop.event.begin();
    node.send(echo, atom('ping'));
    loop.wake();
    loop.event.end();
    expect(got).toEqual(['ping']);
    expect(clock.reads - before).toBe(1);
    expect(woke).toEqual([]);
    clock.advance(40);
    loop.event.begin();
    node.send(echo, atom('pong'));
    loop.wake();
    loop.event.end();
    expect(got).toEqual(['ping', 'pong']);
    expect(woke).toEqual([50]);
  });
});
