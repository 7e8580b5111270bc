import { describe, expect, it } from 'vitest';
import { Pid, Ref, atom, type Term } from '../../core/term/types.ts';
import { Recorder } from '../../distribution/trace/record.ts';
import { toRows, traceOf } from '../../distribution/trace/record-rows.ts';
import { createPlaygroundStore } from '../store/playground-store.ts';
import { pastData } from './past-canvas.ts';
import { pastInspectorModel } from './past-inspector-model.ts';
import { stateAt } from './state-at.ts';
import { stepForward } from './Timeline.tsx';

const A = atom('a@lab');
const B = atom('b@lab');
const numbers = new Map([[A, 0], [B, 1]]);
const nodeNumber = (n: typeof A) => numbers.get(n) ?? 9;
const p = (n: typeof A, id: number) => new Pid(n, id, 0, 1);
const shell = p(A, 105);
const watcher = p(A, 110);
const far = p(B, 120);
const ref = (n: number) => new Ref(A, 1, [n, 0, 0]);

/**
 * On a: the shell, named :boss, spawns a watcher; the watcher monitors b's process and links to the shell; the
 * shell leaves two messages in the watcher's mailbox, the watcher takes the first; the watcher
 * demonitors, monitors again, and b's process exits (its DOWN ends the monitor).
 */
function story() {
  const r = new Recorder();
  const sent = (time: number, from: Pid, to: Term, message: Term) => ({ type: 'message:sent' as const, time, from, to, message, remote: false });
  r.record('a@lab', { type: 'name:registered', time: 0, name: atom('boss'), pid: shell });
  r.record('a@lab', { type: 'process:spawned', time: 1, pid: watcher, parent: shell, system: false });
  r.record('a@lab', { type: 'monitor:added', time: 2, ref: ref(1), watcher, target: far });
  r.record('a@lab', { type: 'link:added', time: 3, from: watcher, to: shell });
  r.record('a@lab', sent(4, shell, watcher, atom('first')));
  r.record('a@lab', sent(5, shell, watcher, atom('second')));
  r.record('a@lab', { type: 'message:received', time: 6, pid: watcher, message: atom('first') });
  r.record('a@lab', { type: 'monitor:removed', time: 7, ref: ref(1), watcher, target: far });
  r.record('a@lab', { type: 'monitor:added', time: 8, ref: ref(2), watcher, target: far });
  r.record('b@lab', { type: 'process:exited', time: 9, pid: far, reason: atom('normal') });
  const t = traceOf(toRows(r.events(), { nodeNumber }));
  return { t, step: (kind: string, text?: string) => t.rows.findIndex((x) => x.kind === kind && (text === undefined || x.text === text)) };
}

describe('the inspector of the past: a process as the recording knew it at a step', () => {
  it('monitors are up from monitor to demonitor, and end with the process monitored', () => {
    const { t, step } = story();
    const ups = (i: number) => stateAt(t, i).monitors.map((m) => `${m.watcher} → ${m.target} ${m.ref}`);
    expect(ups(step('spawn'))).toEqual([]);
    expect(ups(step('monitor'))).toEqual(['a@lab/110.0 → b@lab/120.0 #Reference<0.0.0.1>']);
    expect(ups(step('demonitor'))).toEqual([]);
    expect(ups(step('exit') - 1)).toEqual(['a@lab/110.0 → b@lab/120.0 #Reference<0.0.0.2>']);
    expect(ups(step('exit'))).toEqual([]);
  });

  it('a mailbox holds the messages sent and not yet taken, oldest first', () => {
    const { t, step } = story();
    const box = (i: number) => stateAt(t, i).processes.find((x) => x.label === '#PID<0.110.0>')?.messages;
    expect(box(step('send', ':second'))).toEqual([':first', ':second']);
    expect(box(step('receive'))).toEqual([':second']);
  });

  it('the inspector model: pid, node, status, mailbox with its messages, links, monitors both ways, the step', () => {
    const { t, step } = story();
    const live = createPlaygroundStore({ localNode: 'a@lab', nodeNumber });
    const rows = (i: number, key: string) => {
      const d = pastData(live.getState(), stateAt(t, i), 0);
      const m = pastInspectorModel(d, key, nodeNumber);
      return m === null ? null : { step: m.step, rows: Object.fromEntries(m.rows.map((r) => [r.label, r.value])), messages: m.messages, alive: m.alive };
    };
    const w = rows(step('exit') - 1, 'a@lab/110.0');
    expect(w).toEqual({
      step: `step ${step('exit')} of ${t.rows.length}`,
      rows: {
        PID: '#PID<0.110.0>', node: 'a@lab', status: 'alive', mailbox: '1',
        links: '#PID<0.105.0>', monitors: '#PID<1.120.0>', 'monitored by': '[]',
      },
      messages: [':second'],
      // No actions in the past.
      alive: false,
    });
    expect(rows(step('exit') - 1, 'b@lab/120.0')?.rows).toMatchObject({ PID: '#PID<1.120.0>', 'PID on b@lab': '#PID<0.120.0>', 'monitored by': '#PID<0.110.0>', monitors: '[]' });
    // At its exit step: its reason.
    expect(rows(step('exit'), 'b@lab/120.0')?.rows.status).toBe('exited (:normal)');
    // Before its spawn the watcher is not there: no inspector.
    expect(rows(0, 'a@lab/105.0')?.rows.links).toBe('[]');
    expect(stateAt(t, 0).processes.map((x) => x.key)).not.toContain('a@lab/110.0');
  });

  it('the past canvas draws the monitors up then, and keeps the selected process from step to step while it is there', () => {
    const { t, step } = story();
    const live = createPlaygroundStore({ localNode: 'a@lab', nodeNumber });
    const d = pastData(live.getState(), stateAt(t, step('monitor')), 0, 'a@lab/110.0');
    expect(Object.values(d.monitors).map((m) => `${m.watcher} → ${m.target}`)).toEqual(['a@lab/110.0 → b@lab/120.0']);
    expect(d.selected).toBe('a@lab/110.0');
    expect(d.pastStep).toMatchObject({ at: step('monitor'), of: t.rows.length });
    // Before its spawn it is not there: nothing stays selected.
    expect(pastData(live.getState(), stateAt(t, 0), 0, 'a@lab/110.0').selected).toBeNull();
  });

  it('step forward stops at the last recorded step (only live follows now)', () => {
    expect(stepForward(3, 9)).toBe(4);
    expect(stepForward(8, 9)).toBe(9);
    expect(stepForward(9, 9)).toBe(9);
  });
});
