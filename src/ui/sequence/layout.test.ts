import { describe, expect, it } from 'vitest';
import { Pid, Ref, atom } from '../../core/term/types.ts';
import { Recorder } from '../../distribution/trace/record.ts';
import { toRows, traceOf } from '../../distribution/trace/record-rows.ts';
import { ALL, inWindow, layoutDiagram } from './layout.ts';
import { diagramSvg } from './svg.ts';

const A = atom('a@lab');
const B = atom('b@lab');
const numbers = new Map([[A, 0], [B, 1]]);
const p = (n: typeof A, id: number) => new Pid(n, id, 0, 1);

/** a's #PID<0.110.0> pings b's #PID<1.120.0> n times; b answers each; a system process on a talks to itself. */
function pingPong(n: number) {
  const r = new Recorder();
  const pa = p(A, 110);
  const pb = p(B, 120);
  const sys = p(A, 40);
  r.record('a@lab', { type: 'process:spawned', time: 0, pid: sys, parent: null, system: true });
  r.record('a@lab', { type: 'message:sent', time: 0, from: sys, to: sys, message: atom('tick'), remote: false });
  r.record('a@lab', { type: 'message:received', time: 0, pid: sys, message: atom('tick') });
  for (let i = 0; i < n; i++) {
    r.record('a@lab', { type: 'message:sent', time: i, from: pa, to: pb, message: i, remote: true });
    r.record('b@lab', { type: 'message:received', time: i, pid: pb, message: i });
    r.record('b@lab', { type: 'message:sent', time: i, from: pb, to: pa, message: atom('pong'), remote: true });
    r.record('a@lab', { type: 'message:received', time: i, pid: pa, message: atom('pong') });
  }
  r.record('b@lab', { type: 'process:exited', time: n, pid: pb, reason: atom('normal') });
  return traceOf(toRows(r.events(), { nodeNumber: (x) => numbers.get(x) ?? 9 }));
}

describe('the sequence diagram layout', () => {
  it('one lane per process grouped by node, an arrow per message named for tests, marks, system processes hidden', () => {
    const d = layoutDiagram(pingPong(2));
    expect(d.lanes.map((l) => `${l.node} ${l.label}`)).toEqual(['a@lab #PID<0.110.0>', 'b@lab #PID<1.120.0>']);
    expect(d.arrows.map((a) => a.name)).toEqual([
      'message #PID<0.110.0> → #PID<1.120.0>: 0', 'message #PID<1.120.0> → #PID<0.110.0>: :pong',
      'message #PID<0.110.0> → #PID<1.120.0>: 1', 'message #PID<1.120.0> → #PID<0.110.0>: :pong',
    ]);
    expect(d.arrows.every((a) => a.y2 > a.y1)).toBe(true);
    expect(d.marks.map((m) => m.text)).toEqual(['exit :normal']);
    // With system processes: the tool's process gets its lane, its spawn and self-message.
    const all = layoutDiagram(pingPong(2), { ...ALL, system: true });
    expect(all.lanes.map((l) => l.label)).toEqual(['#PID<0.40.0>', '#PID<0.110.0>', '#PID<1.120.0>']);
    expect(all.arrows[0]?.name).toBe('message #PID<0.40.0> → #PID<0.40.0>: :tick');
  });

  it('a monitor ended by its target\'s exit is marked DOWN on the watcher\'s lane; one taken off is a demonitor', () => {
    const r = new Recorder();
    const w = p(A, 110);
    const t = p(B, 120);
    const ref = (n: number) => new Ref(A, 1, [n, 0, 0]);
    r.record('a@lab', { type: 'monitor:added', time: 0, ref: ref(1), watcher: w, target: t });
    r.record('a@lab', { type: 'monitor:removed', time: 1, ref: ref(1), watcher: w, target: t });
    r.record('a@lab', { type: 'monitor:added', time: 2, ref: ref(2), watcher: w, target: t });
    r.record('b@lab', { type: 'process:exited', time: 3, pid: t, reason: atom('boom') });
    r.record('b@lab', { type: 'monitor:removed', time: 3, ref: ref(2), watcher: w, target: t });
    const d = layoutDiagram(traceOf(toRows(r.events(), { nodeNumber: (x) => numbers.get(x) ?? 9 })));
    const lane = (label: string) => d.lanes.findIndex((l) => l.label === label);
    expect(d.marks.map((m) => `${m.lane === lane('#PID<0.110.0>') ? 'watcher' : 'target'}: ${m.text}`)).toEqual([
      'watcher: monitor #PID<1.120.0>', 'watcher: demonitor #PID<1.120.0>', 'watcher: monitor #PID<1.120.0>',
      'target: exit :boom', 'watcher: DOWN #PID<1.120.0>',
    ]);
  });

  it('filters by node, process and step range', () => {
    const t = pingPong(3);
    expect(layoutDiagram(t, { ...ALL, node: 'b@lab' }).lanes.map((l) => l.label)).toEqual(['#PID<1.120.0>']);
    expect(layoutDiagram(t, { ...ALL, process: '0.110' }).arrows).toHaveLength(0); // its partner is filtered out: sends become marks
    const ranged = layoutDiagram(t, { ...ALL, from: 3, to: 6 });
    expect(ranged.arrows.map((a) => a.name)).toEqual(['message #PID<0.110.0> → #PID<1.120.0>: 0', 'message #PID<1.120.0> → #PID<0.110.0>: :pong']);
  });

  it('filters by a time range on the recording tab\'s clock, whatever each node\'s own clock said', () => {
    let now = 5_000; // the recording tab's clock when it began: the range counts from its first event
    const r = new Recorder({ clock: () => now });
    const pa = p(A, 110);
    const pb = p(B, 120);
    for (let i = 0; i < 3; i++) {
      // b's own clock is far from a's (another tab): its times say nothing about a's.
      r.record('a@lab', { type: 'message:sent', time: i, from: pa, to: pb, message: i, remote: true });
      r.record('b@lab', { type: 'message:received', time: 900_000 + i, pid: pb, message: i });
      now += 1000;
    }
    const t = traceOf(toRows(r.events(), { nodeNumber: (x) => numbers.get(x) ?? 9 }));
    const names = (f: Partial<typeof ALL>) => layoutDiagram(t, { ...ALL, ...f }).arrows.map((a) => a.name.replace(/.*: /u, ''));
    expect(names({})).toEqual(['0', '1', '2']);
    expect(names({ fromSecond: 0.5, toSecond: 1.5 })).toEqual(['1']);
    expect(names({ fromSecond: 1 })).toEqual(['1', '2']);
    expect(names({ toSecond: 0 })).toEqual(['0']);
    expect(names({ fromSecond: 3 })).toEqual([]);
  });

  it('a window of 10,000 events draws only the rows in sight, long arrows included', () => {
    const d = layoutDiagram(pingPong(2_500));
    expect(d.rows).toBe(10_001);
    const w = inWindow(d, 5_000, 5_040);
    expect(w.arrows.length).toBeGreaterThan(15);
    expect(w.arrows.length).toBeLessThan(25);
    expect(w.arrows.every((a) => a.y2 >= 5_000 && a.y1 <= 5_040)).toBe(true);
  });

  it('the SVG export has every arrow as an img with its name and full term in its title', () => {
    const svg = diagramSvg(layoutDiagram(pingPong(1)));
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<g role="img" aria-label="message #PID&lt;0.110.0&gt; → #PID&lt;1.120.0&gt;: 0"><title>message #PID&lt;0.110.0&gt; → #PID&lt;1.120.0&gt;: 0</title>');
  });
});
