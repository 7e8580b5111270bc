import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from '../classroom.ts';
import type { TraceSink } from '../../distribution/trace/viewer.ts';
import { Recorder } from '../../distribution/trace/record.ts';
import { toRows, traceOf } from '../../distribution/trace/record-rows.ts';
import { happenedBefore, concurrent } from '../../distribution/trace/record-clocks.ts';
import { attachRecorder } from './attach.ts';
import { classroomActions } from './classroom-actions.ts';

const quiet: TraceSink = { batch: () => {}, down: () => {} };

function run(room: Classroom, tab: Tab, line: string): string {
  tab.take();
  room.type(tab, line);
  return tab.take().replace(/^iex\([^)]*\)\d+> [^\n]*\n/u, '');
}

/** Three tabs, a recorder for the first, and its node alive. */
function threeTabs(): { room: Classroom; a: Tab; b: Tab; c: Tab; rec: Recorder; dist: NonNullable<Tab['node']['dist']> } {
  const room = new Classroom();
  const [a, b, c] = [room.open('a'), room.open('b'), room.open('c')] as [Tab, Tab, Tab];
  const dist = a.node.dist;
  if (dist === null) throw new Error('a is not alive');
  return { room, a, b, c, rec: new Recorder(), dist };
}

describe('recording a real cluster from one tab', () => {
  it('a message relayed a → b → c: both pairs found across tabs, the relay causally ordered, an unrelated event concurrent', () => {
    const { room, a, b, c, rec, dist } = threeTabs();
    a.tracing.view(quiet).follow(dist);
    attachRecorder(rec, { node: a.node.node, now: () => room.clock.now(), dist, tracing: a.tracing });
    expect(run(room, a, 'Node.connect :b@vm')).toBe('true\n');
    expect(run(room, a, 'Node.connect :c@vm')).toBe('true\n');
    room.advance(1000);
    room.advance(500);
    run(room, c, 'Process.register(self(), :sink)');
    run(room, b, 'Process.register(spawn(fn -> receive do m -> send({:sink, :"c@vm"}, {:relayed, m}) end end), :relay)');
    run(room, a, 'send({:relay, :"b@vm"}, :hello)');
    room.advance(1000);
    expect(run(room, c, 'receive do m -> m end')).toBe('{:relayed, :hello}\n');
    run(room, b, 'x = 1 + 1');
    room.advance(1000);

    const trace = traceOf(toRows(rec.events()));
    const find = (node: string, kind: string, text: string) => {
      const i = trace.rows.findIndex((r) => r.node === node && r.kind === kind && r.text === text);
      expect(i, `${node} ${kind} ${text}`).toBeGreaterThanOrEqual(0);
      return i;
    };
    const s1 = find('a@vm', 'send', ':hello');
    const r1 = find('b@vm', 'receive', ':hello');
    const s2 = find('b@vm', 'send', '{:relayed, :hello}');
    const r2 = find('c@vm', 'receive', '{:relayed, :hello}');
    expect(trace.rows[r1]?.match).toBe(trace.rows[s1]?.id);
    expect(trace.rows[r2]?.match).toBe(trace.rows[s2]?.id);
    expect(happenedBefore(trace.clocks, s1, r2)).toBe(true);
    expect(s1 < r1 && r1 < s2 && s2 < r2).toBe(true);
    // c's registration happened before anything reached it, and knows nothing of a's send.
    const reg = trace.rows.findIndex((r) => r.node === 'c@vm' && r.kind === 'register' && r.text === ':sink');
    expect(concurrent(trace.clocks, reg, s1)).toBe(true);
    // The tab's own connections: handshake steps, then node up, in a's order.
    const own = trace.rows.filter((r) => r.node === 'a@vm' && (r.kind === 'handshake' || r.kind === 'nodeup'));
    expect(own.some((r) => r.kind === 'handshake' && r.text?.startsWith('"sent send_name'))).toBe(true);
    expect(own.filter((r) => r.kind === 'nodeup').map((r) => r.peerText)).toEqual([':b@vm', ':c@vm']);
  });

  it(':global register and unregister, done on other tabs, are noted on the recording tab as its replica learns them', () => {
    const { room, a, b, c, rec, dist } = threeTabs();
    attachRecorder(rec, { node: a.node.node, now: () => room.clock.now(), dist, global: a.node.global });
    expect(run(room, a, 'Node.connect :b@vm')).toBe('true\n');
    expect(run(room, a, 'Node.connect :c@vm')).toBe('true\n');
    room.advance(1500);
    expect(run(room, b, ':global.register_name(:ticker, self())')).toBe(':yes\n');
    room.advance(1000);
    expect(run(room, c, ':global.unregister_name(:ticker)')).toBe(':ok\n');
    room.advance(1000);
    const notes = toRows(rec.events()).filter((r) => r.kind === 'global');
    expect(notes.map((r) => [r.node, r.text?.replace(/#PID<[^>]*>/u, 'PID')])).toEqual([
      ['a@vm', '{:register, :ticker, PID}'],
      ['a@vm', '{:unregister, :ticker, PID}'],
    ]);
    // The pid is b's shell, as a's replica has it.
    expect(notes[0]?.peerText).toBe(notes[0]?.text?.match(/#PID<[^>]*>/u)?.[0]);
  });

  it('classroom actions taken through the tab (pause, step, resume, speed, cut, heal) are noted in order, and still act; a speed set again unchanged is not an action', () => {
    const { room, a, b, rec } = threeTabs();
    const { conditioner, feed } = classroomActions(a.conditioner);
    attachRecorder(rec, { node: a.node.node, now: () => room.clock.now(), classroom: feed });
    expect(run(room, a, 'Node.connect :b@vm')).toBe('true\n');
    expect(run(room, a, 'Node.connect :c@vm')).toBe('true\n');
    room.advance(1500);
    run(room, b, 'Process.register(self(), :inbox)');
    conditioner.hold(true);
    run(room, a, 'send({:inbox, :"b@vm"}, :one)');
    room.advance(500);
    expect(conditioner.holding).toBe(true);
    expect(conditioner.held()).toBe(1);
    expect(conditioner.releaseOne()).toBe(true);
    room.advance(500);
    expect(run(room, b, 'receive do m -> m after 0 -> :none end')).toBe(':one\n');
    conditioner.slowNetwork(0);
    conditioner.hold(false);
    conditioner.slowNetwork(200);
    conditioner.slowNetwork(200);
    conditioner.cut('c@vm');
    conditioner.heal('c@vm');
    expect(conditioner.holding).toBe(false);
    expect(conditioner.slowNetworkMs).toBe(200);
    const notes = toRows(rec.events()).filter((r) => r.kind === 'classroom');
    expect(notes.map((r) => [r.node, r.text])).toEqual([
      ['a@vm', ':pause'],
      ['a@vm', ':step'],
      ['a@vm', ':resume'],
      ['a@vm', '{:speed, 200}'],
      ['a@vm', '{:cut, :c@vm}'],
      ['a@vm', '{:heal, :c@vm}'],
    ]);
    expect(notes[4]?.peerText).toBe(':c@vm');
  });
});
