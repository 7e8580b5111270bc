/** Shared set-up for the runtime's tests: a node on a simulated clock and a message collector. */
import { SeededRandom, SimulatedClock } from '../ports.ts';
import type { Pid, Term } from '../term/types.ts';
import { createNode } from './node.ts';
import type { Node, NodeOptions } from './node.ts';
import { loopBody } from './bodies.ts';

export interface TestNode {
  readonly node: Node;
  readonly clock: SimulatedClock;
  /** Everything written to stdout, in order. */
  readonly out: string[];
}

export function testNode(options: Partial<NodeOptions> = {}): TestNode {
  const clock = new SimulatedClock();
  const out: string[] = [];
  const node = createNode({ clock, random: new SeededRandom(42), stdout: (t) => out.push(t), ...options });
  return { node, clock, out };
}

/** A process that keeps every message it receives. */
export function collector(node: Node): { pid: Pid; messages: Term[] } {
  const messages: Term[] = [];
  const pid = node.spawn(loopBody(messages, (m, s) => (s.push(m), s)));
  return { pid, messages };
}
