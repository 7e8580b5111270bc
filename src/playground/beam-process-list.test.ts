// The card's `list processes`: a tab process asks a node through :rpc.call(node, :erlang,
// :processes, []) and the answer comes back bounded; a node that cannot be reached answers
// {:badrpc, :nodedown} as :rpc does.
import { describe, expect, it } from 'vitest';
import { Pid } from '../core/term/types.ts';
import { createPlaygroundNode } from './node.ts';
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import { advanceAndRun } from '../core/runtime/testing.ts';
import { askProcessList, type ProcessListAnswer } from './beam-process-list.ts';

function tab() {
  const clock = new SimulatedClock();
  const pn = createPlaygroundNode({ clock, random: new SeededRandom(1), stdout: () => {}, formatTime: () => 'T' });
  return { pn, clock };
}

describe('asking a node for its process list', () => {
  it('lists the node\'s processes through :rpc, bounded to the limit', () => {
    const { pn, clock } = tab();
    const name = pn.node.name.name;
    const answers: ProcessListAnswer[] = [];
    askProcessList(pn, name, (a) => answers.push(a));
    advanceAndRun(clock, 5_000, pn.node);
    expect(answers).toHaveLength(1);
    const a = answers[0];
    if (a?.type !== 'list') throw new Error(JSON.stringify(a));
    expect(a.pids.every((p) => p instanceof Pid && p.node.name === name)).toBe(true);
    expect(a.total).toBeGreaterThan(1);
    // the asking process itself is among them
    expect(a.pids.length).toBe(a.total);

    const bounded: ProcessListAnswer[] = [];
    askProcessList(pn, name, (b) => bounded.push(b), 2);
    advanceAndRun(clock, 5_000, pn.node);
    expect(bounded[0]).toMatchObject({ type: 'list', total: a.total });
    expect(bounded[0]?.type === 'list' && bounded[0].pids.length).toBe(2);
  });

  it('answers the :badrpc :rpc gives for a node it cannot reach', () => {
    const { pn, clock } = tab();
    const answers: ProcessListAnswer[] = [];
    askProcessList(pn, 'real@nowhere', (a) => answers.push(a));
    advanceAndRun(clock, 5_000, pn.node);
    expect(answers).toEqual([{ type: 'error', text: '{:badrpc, :nodedown}' }]);
  });
});
