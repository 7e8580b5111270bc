import { describe, expect, it } from 'vitest';
import { Tuple, atom, type Term } from '../../core/term/types.ts';
import { Cluster, collect } from '../testing.ts';
import { startTracing } from './service.ts';
import { TRACER_NAME } from './wire.ts';
import { classroomRequest, decodeCommand, decodeState, encodeCommand, type ClassroomCommand, type ClassroomTarget } from './classroom-wire.ts';

/** A conditioner stand-in: a queue of held messages and a delay. */
function fakeTarget(): ClassroomTarget & { queue: number[]; released: number[] } {
  const t = {
    queue: [] as number[],
    released: [] as number[],
    holding: false,
    slowNetworkMs: 0,
    hold(on: boolean) {
      t.holding = on;
      if (!on) t.released.push(...t.queue.splice(0));
    },
    releaseOne() {
      const m = t.queue.shift();
      if (m !== undefined) t.released.push(m);
      return m !== undefined;
    },
    held: () => t.queue.length,
    slowNetwork(ms: number) {
      t.slowNetworkMs = ms;
    },
  };
  return t;
}

describe('classroom requests to a node\'s tracer', () => {
  it('commands survive the wire; malformed ones are refused', () => {
    const cmds: ClassroomCommand[] = [{ kind: 'pause' }, { kind: 'resume' }, { kind: 'step' }, { kind: 'status' }, { kind: 'delay', ms: 500 }];
    for (const c of cmds) expect(decodeCommand(encodeCommand(c))).toEqual(c);
    expect(decodeCommand(atom('explode'))).toBeNull();
    expect(decodeCommand(new Tuple([atom('delay'), -1]))).toBeNull();
  });

  it('applies pause, step and delay to the target and answers with the node\'s state; the controller\'s nodedown resumes', () => {
    const c = new Cluster();
    const a = c.add('a@lab');
    const b = c.add('b@lab');
    c.settle();
    expect(c.connect(a, b)).toBe(true);
    const target = fakeTarget();
    startTracing(b.node, { classroom: target });
    startTracing(a.node).classroom(); // registers a's :playground_classroom, which b then monitors
    const replies = collect(a.node);
    const ask = (cmd: ClassroomCommand) => {
      a.node.send(new Tuple([TRACER_NAME, b.name]), classroomRequest(replies.pid, cmd));
      c.settle();
      return decodeState(replies.got.at(-1) as Term);
    };
    expect(ask({ kind: 'pause' })).toEqual({ node: 'b@lab', holding: true, held: 0, slowMs: 0, released: false });
    target.queue.push(1, 2, 3);
    expect(ask({ kind: 'step' })).toMatchObject({ held: 2, released: true });
    expect(ask({ kind: 'delay', ms: 800 })).toMatchObject({ slowMs: 800, holding: true });
    expect(target.released).toEqual([1]);
    a.dist.disconnect(b.name);
    c.settle();
    expect(target.holding).toBe(false);
    expect(target.slowNetworkMs).toBe(0);
    expect(target.released).toEqual([1, 2, 3]);
  });
});
