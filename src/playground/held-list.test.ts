import { describe, expect, it } from 'vitest';
import { Tuple, atom, list } from '../core/term/types.ts';
import { inspect } from '../core/term/inspect.ts';
import { Classroom, type Tab } from './classroom.ts';
import type { TraceSink } from '../distribution/trace/viewer.ts';
import { decodeHeld, encodeHeld, HELD_SHOWN } from '../distribution/trace/classroom-held.ts';
import type { HeldMessage } from '../distribution/middleware/held-message.ts';

const quiet: TraceSink = { batch: () => {}, down: () => {} };

function run(room: Classroom, tab: Tab, line: string): string {
  tab.take();
  room.type(tab, line);
  return tab.take().replace(/^iex\([^)]*\)\d+> [^\n]*\n/u, '');
}

/** A teacher with the cluster view on, two students connected to each other, b with a `:sink`. */
function lesson(): { room: Classroom; teacher: Tab; a: Tab; b: Tab } {
  const room = new Classroom();
  const [teacher, a, b] = [room.open('teacher'), room.open('a'), room.open('b')] as [Tab, Tab, Tab];
  run(room, a, 'Node.connect :b@vm');
  run(room, teacher, 'Node.connect :a@vm');
  room.advance(1000);
  const dist = teacher.node.dist;
  if (dist === null) throw new Error('teacher is not alive');
  teacher.tracing.view(quiet).follow(dist);
  room.advance(500);
  run(room, b, 'Process.register(self(), :sink)');
  return { room, teacher, a, b };
}

/** A held message as the list shows it: kind, from → to, term. */
const told = (m: HeldMessage | null) => (m === null ? 'nothing' : `${m.kind} ${m.to === null ? '?' : inspect(m.to)}: ${m.term === null ? `(${m.bytes} bytes)` : inspect(m.term)}`);

describe('the held list: which messages a pause holds, and what each step released', () => {
  it('every node the teacher paused knows who paused it; the teacher sees each held message and each step\'s release', () => {
    const { room, teacher, a, b } = lesson();
    teacher.conditioner.hold(true);
    room.settle();
    expect([teacher, a, b].map((t) => t.conditioner.pausedBy)).toEqual(['teacher@vm', 'teacher@vm', 'teacher@vm']);
    run(room, a, 'send({:sink, :b@vm}, :first); send({:sink, :b@vm}, {:second, [1, 2]})');
    room.advance(500);
    expect(a.conditioner.heldMessages(10).map(told)).toEqual(['message {:sink, :b@vm}: :first', 'message {:sink, :b@vm}: {:second, [1, 2]}']);

    teacher.conditioner.held();
    room.settle();
    const onA = teacher.conditioner.heldInCluster().find((r) => r.node === 'a@vm');
    expect(onA?.pausedBy).toBe('teacher@vm');
    expect(onA?.messages.map(told)).toEqual(['message {:sink, :b@vm}: :first', 'message {:sink, :b@vm}: {:second, [1, 2]}']);
    // The sender is the shell's evaluator on a (a pid of a's node).
    expect(onA?.messages[0]?.from).toMatchObject({ kind: 'pid', node: atom('a@vm') });

    teacher.conditioner.releaseOne();
    room.settle();
    expect(teacher.conditioner.steps().map((s) => `${s.node} ${told(s.message)}`)).toEqual(['a@vm message {:sink, :b@vm}: :first']);
    teacher.conditioner.held();
    room.settle();
    expect(teacher.conditioner.heldInCluster().find((r) => r.node === 'a@vm')?.messages.map(told)).toEqual(['message {:sink, :b@vm}: {:second, [1, 2]}']);

    teacher.conditioner.hold(false);
    room.settle();
    expect([teacher, a, b].map((t) => t.conditioner.pausedBy)).toEqual([null, null, null]);
    expect(teacher.conditioner.heldInCluster()).toEqual([]);
    expect(run(room, b, 'flush()')).toBe(':first\n{:second, [1, 2]}\n:ok\n');
  });

  it('a tab\'s own pause is its own; a large message is told by its size, not its term', () => {
    const { room, a, b } = lesson();
    a.conditioner.hold(true);
    expect(a.conditioner.pausedBy).toBeNull();
    run(room, a, 'send({:sink, :b@vm}, String.duplicate("x", 2000))');
    room.advance(100);
    const [big] = a.conditioner.heldMessages(10);
    expect(big?.term).toBeNull();
    expect(big?.bytes).toBeGreaterThan(2000);
    a.conditioner.releaseOne();
    expect(a.conditioner.steps().map((s) => [s.node, s.message?.kind])).toEqual([[null, 'message']]);
    a.conditioner.hold(false);
    room.settle();
    expect(run(room, b, 'byte_size(receive do x -> x end)')).toBe('2000\n');
  });

  it('a report from a peer is bounded and checked', () => {
    const item = new Tuple([atom('message'), atom('nil'), atom('x'), new Tuple([atom('term'), 1]), 40]);
    const many = new Tuple([atom('classroom_held'), atom('a@vm'), atom('nil'), list(Array.from({ length: 1000 }, () => item)), atom('nil')]);
    expect(decodeHeld(many)?.messages).toHaveLength(HELD_SHOWN);
    expect(decodeHeld(new Tuple([atom('classroom_held'), 7, atom('nil'), list([]), atom('nil')]))).toBeNull();
    const odd = decodeHeld(new Tuple([atom('classroom_held'), atom('a@vm'), atom('nil'), list([atom('junk'), item]), atom('junk')]));
    expect(odd?.messages).toHaveLength(1);
    expect(odd?.released).toBeNull();
    const r = { node: 'a@vm', pausedBy: 'teacher@vm', messages: [{ kind: 'link', from: null, to: null, term: null, bytes: 9 }], released: null };
    expect(decodeHeld(encodeHeld(r))).toEqual(r);
  });
});
