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
    expect(ask({ kind: 'pause' })).toEqual({ node: 'b@lab', holding: true, held: 0, slowMs: 0, released: false, stepped: false });
    target.queue.push(1, 2, 3);
    expect(ask({ kind: 'step' })).toMatchObject({ held: 2, released: true, stepped: true });
    expect(ask({ kind: 'step' })).toMatchObject({ held: 1, released: true, stepped: true });
    expect(ask({ kind: 'status' })).toMatchObject({ held: 1, released: false, stepped: false });
    expect(ask({ kind: 'delay', ms: 800 })).toMatchObject({ slowMs: 800, holding: true });
    expect(target.released).toEqual([1, 2]);
    a.dist.disconnect(b.name);
    c.settle();
    expect(target.holding).toBe(false);
    expect(target.slowNetworkMs).toBe(0);
    expect(target.released).toEqual([1, 2, 3]);
  });

  it('a step round waits for the step\'s own answer: a status answer already on its way does not end a node\'s turn', () => {
    // The teacher's UI asks every node for its state while paused; one such answer can arrive
    // while the round waits on that node. Taken for the step's answer (nothing released), it
    // moved the round on, and the message the node then released was never listed as a step.
    const c = new Cluster();
    const b = c.add('b@lab');
    const z = c.add('z@lab'); // named after b: the round asks b first
    c.settle();
    expect(c.connect(z, b)).toBe(true);
    const held = fakeTarget();
    startTracing(b.node, { classroom: held });
    const tracing = startTracing(z.node, { classroom: fakeTarget() });
    tracing.view({ batch: () => {}, down: () => {} }).watch(b.name);
    const room = tracing.classroom();
    c.settle();
    room.pause(true);
    c.settle();
    held.queue.push(7, 8);
    room.step();
    // b's answer to an earlier status request, in the controller's mailbox behind the step.
    z.node.send(room.pid, new Tuple([atom('classroom_state'), b.name, atom('true'), 2, 0, atom('nil')]));
    c.settle();
    expect(held.released).toEqual([7]);
    expect(room.steps().map((s) => s.node)).toEqual(['b@lab']);
  });
});
