import { describe, expect, it } from 'vitest';
import { Pid, Tuple, atom, type Term } from '../../core/term/types.ts';
import { Recorder } from '../../distribution/trace/record.ts';
import { toRows, traceOf, type Trace } from '../../distribution/trace/record-rows.ts';
import { createPlaygroundStore } from '../store/playground-store.ts';
import { EXIT_SHOW_MS } from '../store/model.ts';
import { STILL_MS, pastData } from './past-canvas.ts';
import { stateAt } from './state-at.ts';

const A = atom('a@lab');
const B = atom('b@lab');
const numbers = new Map([[A, 0], [B, 1]]);
const p = (n: typeof A, id: number) => new Pid(n, id, 0, 1);
const shell = p(A, 105); // there before the recording began: no spawn recorded
const worker = p(A, 110);
const far = p(B, 120);

/**
 * On a: the shell (named :boss) spawns a worker, names it :worker, links to it and leaves it :hold; it sends
 * :far to b's process; b takes it; the worker takes :hold; b's process is named globally; the
 * worker is killed. Returns the trace and each step's index by what it was.
 */
function story(): { t: Trace; step: (kind: string, text?: string) => number } {
  const r = new Recorder();
  const sent = (time: number, from: Pid, to: Term, message: Term) => ({ type: 'message:sent' as const, time, from, to, message, remote: false });
  r.record('a@lab', { type: 'name:registered', time: 0, name: atom('boss'), pid: shell });
  r.record('a@lab', { type: 'process:spawned', time: 1, pid: worker, parent: shell, system: false });
  r.record('a@lab', { type: 'name:registered', time: 2, name: atom('worker'), pid: worker });
  r.record('a@lab', { type: 'link:added', time: 3, from: shell, to: worker });
  r.record('a@lab', sent(4, shell, worker, atom('hold')));
  r.record('a@lab', sent(5, shell, far, atom('far')));
  r.record('b@lab', { type: 'message:received', time: 6, pid: far, message: atom('far') });
  r.record('a@lab', { type: 'message:received', time: 7, pid: worker, message: atom('hold') });
  r.note('a@lab', 'global', 8, new Tuple([atom('register'), atom('g'), far]), far);
  r.record('a@lab', { type: 'process:exited', time: 9, pid: worker, reason: atom('killed') });
  const t = traceOf(toRows(r.events(), { nodeNumber: (x) => numbers.get(x) ?? 9 }));
  return { t, step: (kind, text) => t.rows.findIndex((x) => x.kind === kind && (text === undefined || x.text === text)) };
}

describe('the cluster at a step of the recording (what the timeline shows and the canvas draws)', () => {
  it('processes come at their spawn and go after their exit; one never seen spawned was there from the first step', () => {
    const { t, step } = story();
    const at = (i: number) => stateAt(t, i).processes.map((x) => `${x.label}${x.exit === null ? '' : ` exited ${x.exit}`}`).sort();
    expect(at(0)).toEqual(['#PID<0.105.0>', '#PID<1.120.0>']);
    expect(at(step('spawn'))).toEqual(['#PID<0.105.0>', '#PID<0.110.0>', '#PID<1.120.0>']);
    expect(at(step('exit'))).toContain('#PID<0.110.0> exited :killed');
    expect(at(step('exit') - 1)).toContain('#PID<0.110.0>');
    expect(step('exit')).toBe(t.rows.length - 1);
  });

  it('a message waits in a local mailbox until received; one to another node is in flight until received there', () => {
    const { t, step } = story();
    const mailbox = (i: number) => stateAt(t, i).processes.find((x) => x.label === '#PID<0.110.0>')?.mailbox;
    expect(mailbox(step('send', ':hold'))).toBe(1);
    expect(mailbox(step('receive', ':hold') - 1)).toBe(1);
    expect(mailbox(step('receive', ':hold'))).toBe(0);
    const flying = stateAt(t, step('send', ':far')).inFlight;
    expect(flying.map((m) => `${m.fromText} → ${m.toText}: ${m.text} (${m.fromNode} → ${m.toNode})`)).toEqual(['#PID<0.105.0> → #PID<1.120.0>: :far (a@lab → b@lab)']);
    expect(stateAt(t, step('receive', ':far')).inFlight).toEqual([]);
  });

  it('names, global names and links as they were then; a link goes with its process', () => {
    const { t, step } = story();
    const of = (i: number, label: string) => stateAt(t, i).processes.find((x) => x.label === label);
    expect(of(0, '#PID<0.105.0>')?.name).toBe('boss');
    expect(of(step('register', ':worker') - 1, '#PID<0.110.0>')?.name).toBeNull();
    expect(of(step('register', ':worker'), '#PID<0.110.0>')?.name).toBe('worker');
    expect(of(step('link'), '#PID<0.105.0>')?.links).toEqual(['a@lab/110.0']);
    expect(of(step('link'), '#PID<0.110.0>')?.links).toEqual(['a@lab/105.0']);
    expect(of(step('global') - 1, '#PID<1.120.0>')?.globalName).toBeNull();
    expect(of(step('global'), '#PID<1.120.0>')?.globalName).toBe('g');
    expect(of(step('exit'), '#PID<0.105.0>')?.links).toEqual([]);
  });

  it('a process sits on its pid\'s node, whichever node recorded the event (a remote process linking to a local one)', () => {
    const r = new Recorder();
    r.record('a@lab', { type: 'link:added', time: 1, from: far, to: shell });
    const t = traceOf(toRows(r.events(), { nodeNumber: (x) => numbers.get(x) ?? 9 }));
    expect(stateAt(t, 0).processes.map((x) => `${x.node} ${x.label} ${x.links.join()}`).sort()).toEqual([
      'a@lab #PID<0.105.0> b@lab/120.0',
      'b@lab #PID<1.120.0> a@lab/105.0',
    ]);
  });

  it('the canvas store of a step: live slots kept, a process alive now and never recorded drawn all along, tokens stopped half-way', () => {
    const { t, step } = story();
    const live = createPlaygroundStore({ localNode: 'a@lab', nodeNumber: (n) => numbers.get(n) ?? 9 });
    // Live now: the shell (slot 3) and an old process the recording never saw (slot 0); the worker is gone.
    const old = p(A, 90);
    const summary = (pid: Pid) => ({ pid, status: 'waiting' as const, registeredName: undefined, messageQueueLen: 0, links: [], reductions: 0, groupLeader: pid });
    live.getState().applyBatch({ node: 'a@lab', events: [], processes: [summary(old), summary(shell)] }, 0);
    const now = 1000;
    const before = pastData(live.getState(), stateAt(t, step('send', ':far')), now);
    const shown = Object.values(before.processes).map((v) => `${v.node} ${v.pidText} slot ${v.slot}${v.exit ? ' exited' : ''} mailbox ${v.mailbox}`).sort();
    const slotOf = (pid: Pid) => Object.values(live.getState().processes).find((v) => v.pid === pid)?.slot;
    expect(shown).toEqual([
      `a@lab #PID<0.105.0> slot ${slotOf(shell)} mailbox 0`,
      // The worker takes the first slot no live process holds.
      `a@lab #PID<0.110.0> slot ${[0, 1, 2].find((s) => s !== slotOf(shell) && s !== slotOf(old))} mailbox 1`,
      `a@lab #PID<0.90.0> slot ${slotOf(old)} mailbox 0`,
      'b@lab #PID<1.120.0> slot 0 mailbox 0',
    ]);
    // b's card is there (the trace knows its process), down: nothing said it was up.
    expect(before.nodeOrder).toEqual(['a@lab', 'b@lab']);
    expect(before.messages).toEqual([expect.objectContaining({ fromText: '#PID<0.105.0>', toText: '#PID<1.120.0>', text: ':far', fromNode: 'a@lab', toNode: 'b@lab', sentAt: now - STILL_MS / 2, duration: STILL_MS })]);
    // At the kill: the worker fades with its reason; after it, live again, it is gone.
    const kill = pastData(live.getState(), stateAt(t, step('exit')), now);
    const w = Object.values(kill.processes).find((v) => v.pidText === '#PID<0.110.0>');
    expect(w?.exit).toEqual({ reason: ':killed', at: now - EXIT_SHOW_MS / 2 });
    expect(w?.status).toBe('exited');
  });
});
