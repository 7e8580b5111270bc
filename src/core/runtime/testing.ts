/**
 * Driving nodes in tests with a SimulatedClock: move time forward timer by timer, running every
 * node until idle at each step, so timeouts fire in order and deterministically.
 */
import type { SimulatedClock } from '../ports.ts';
import type { Node } from './node.ts';

/** Runs all nodes until none has work left at the current time. */
export function runAll(nodes: readonly Node[], maxRounds = 1_000_000): void {
  for (let i = 0; i < maxRounds; i++) {
    let busy = false;
    for (const n of nodes) {
      n.runUntilIdle();
      if (n.hasWork()) busy = true;
    }
    if (!busy) return;
  }
  throw new Error('runAll: nodes still busy after maxRounds');
}

/** Advances `clock` by `ms`, stopping at each timer on the way and running the nodes until idle. */
export function advanceAndRun(clock: SimulatedClock, ms: number, ...nodes: Node[]): void {
  const end = clock.now() + ms;
  runAll(nodes);
  for (;;) {
    let next = Infinity;
    for (const n of nodes) {
      const t = n.nextTimerAt();
      if (t !== null && t < next) next = t;
    }
    if (next > end) break;
    if (next > clock.now()) clock.set(next);
    runAll(nodes);
  }
  clock.set(end);
  runAll(nodes);
}
