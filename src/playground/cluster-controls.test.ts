import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from './classroom.ts';
import type { TraceSink } from '../distribution/trace/viewer.ts';

/** Types `line` and returns what the tab printed for it (echo and prompt removed). */
function run(room: Classroom, tab: Tab, line: string): string {
  tab.take();
  room.type(tab, line);
  return tab.take().replace(/^iex\([^)]*\)\d+> [^\n]*\n/u, '');
}

const quiet: TraceSink = { batch: () => {}, down: () => {} };

/** A teacher with the cluster view on, and two students connected to each other. */
function lesson(): { room: Classroom; teacher: Tab; a: Tab; b: Tab } {
  const room = new Classroom();
  const [teacher, a, b] = [room.open('teacher'), room.open('a'), room.open('b')] as [Tab, Tab, Tab];
  expect(run(room, a, 'Node.connect :b@vm')).toBe('true\n');
  expect(run(room, teacher, 'Node.connect :a@vm')).toBe('true\n');
  room.advance(1000);
  expect(run(room, teacher, 'Node.list')).toBe('[:a@vm, :b@vm]\n');
  const dist = teacher.node.dist;
  if (dist === null) throw new Error('teacher is not alive');
  teacher.tracing.view(quiet).follow(dist);
  room.advance(500);
  expect(run(room, b, 'Process.register(self(), :sink)')).toBe('true\n');
  return { room, teacher, a, b };
}

describe('classroom controls on the whole cluster (the teacher\'s cluster view)', () => {
  it('pause holds a message between two students; step releases it; resume releases the rest in order', () => {
    const { room, teacher, a, b } = lesson();
    teacher.conditioner.hold(true);
    room.settle();
    expect([teacher, a, b].map((t) => t.conditioner.holding)).toEqual([true, true, true]);
    run(room, a, 'send({:sink, :b@vm}, :one); send({:sink, :b@vm}, :two); send({:sink, :b@vm}, :three)');
    room.advance(1000);
    expect(run(room, b, 'flush()')).toBe(':ok\n');
    // The teacher's tab sees where they wait.
    teacher.conditioner.held();
    room.settle();
    expect(teacher.conditioner.heldByNode()).toEqual([['a@vm', 3], ['b@vm', 0], ['teacher@vm', 0]]);
    expect(teacher.conditioner.held()).toBe(3);

    teacher.conditioner.releaseOne();
    room.settle();
    expect(run(room, b, 'flush()')).toBe(':one\n:ok\n');
    // Ticks pass: a long pause is not a dead peer.
    room.advance(100_000);
    expect(run(room, a, 'Node.list')).toBe('[:b@vm, :teacher@vm]\n');
    teacher.conditioner.hold(false);
    room.settle();
    expect([teacher, a, b].map((t) => t.conditioner.holding)).toEqual([false, false, false]);
    expect(run(room, b, 'flush()')).toBe(':two\n:three\n:ok\n');
  });

  it('step asks the nodes in turn: each step releases one message, wherever it waits', () => {
    const { room, teacher, a, b } = lesson();
    run(room, a, 'Process.register(self(), :sink)');
    teacher.conditioner.hold(true);
    room.settle();
    run(room, a, 'send({:sink, :b@vm}, :from_a)');
    run(room, b, 'send({:sink, :a@vm}, :from_b)');
    room.advance(500);
    teacher.conditioner.releaseOne();
    room.settle();
    expect(run(room, b, 'flush()')).toBe(':from_a\n:ok\n');
    expect(run(room, a, 'flush()')).toBe(':ok\n');
    teacher.conditioner.releaseOne();
    room.settle();
    expect(run(room, a, 'flush()')).toBe(':from_b\n:ok\n');
    teacher.conditioner.hold(false);
    room.settle();
  });

  it('the teacher\'s node going down resumes the class', () => {
    const { room, teacher, a, b } = lesson();
    teacher.conditioner.hold(true);
    room.settle();
    run(room, a, 'send({:sink, :b@vm}, :waiting)');
    room.advance(500);
    expect(run(room, b, 'flush()')).toBe(':ok\n');
    room.close(teacher);
    expect(a.conditioner.holding).toBe(false);
    expect(run(room, b, 'flush()')).toBe(':waiting\n:ok\n');
  });

  it('message speed applies to every node\'s sends, and only to the teacher\'s without the cluster view', () => {
    const { room, teacher, a, b } = lesson();
    teacher.conditioner.slowNetwork(1500);
    room.settle();
    expect([teacher, a, b].map((t) => t.conditioner.slowNetworkMs)).toEqual([1500, 1500, 1500]);
    a.shell.input('send({:sink, :b@vm}, :slow)');
    room.advance(1000);
    expect(run(room, b, 'flush()')).toBe(':ok\n');
    room.advance(1000);
    expect(run(room, b, 'flush()')).toBe(':slow\n:ok\n');
    // Each message is slowed once, at its sender: b's answer takes the same time back, not twice.
    run(room, a, 'Process.register(self(), :sink)');
    b.shell.input('send({:sink, :a@vm}, :back)');
    room.advance(1400);
    expect(run(room, a, 'flush()')).toBe(':ok\n');
    room.advance(200);
    expect(run(room, a, 'flush()')).toBe(':back\n:ok\n');
    // Turning it off goes over links that are still slow: it takes effect a delay later.
    teacher.conditioner.slowNetwork(0);
    room.advance(2000);
    expect([teacher, a, b].map((t) => t.conditioner.slowNetworkMs)).toEqual([0, 0, 0]);
    // A student's own controls stay local (no cluster view there).
    a.conditioner.hold(true);
    expect([teacher, a, b].map((t) => t.conditioner.holding)).toEqual([false, true, false]);
    a.conditioner.hold(false);
  });
});
