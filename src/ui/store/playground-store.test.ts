import { describe, expect, it } from 'vitest';
import { atom, Pid } from '../../core/term/types.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import { createPlaygroundStore } from './playground-store.ts';
import { pidKey, SPEED_DURATION_MS } from './model.ts';

const one = atom('one@lab');
const two = atom('two@lab');

function summary(pid: Pid, extra: Partial<ProcessSummary> = {}): ProcessSummary {
  return { pid, status: 'waiting', registeredName: undefined, messageQueueLen: 0, links: [], reductions: 0, groupLeader: pid, ...extra };
}

describe('playground store', () => {
  it('starts with the local node as its only card, numbered 0', () => {
    const s = createPlaygroundStore({ localNode: 'one@lab' }).getState();
    expect(s.nodeOrder).toEqual(['one@lab']);
    expect(s.nodes['one@lab']).toEqual({ name: 'one@lab', local: true, number: 0, connection: null });
  });

  it('adds a card per connection, numbered in the order met, and updates its state', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    store.getState().setConnection('two@lab', { kind: 'handshaking' });
    store.getState().setConnection('three@lab', { kind: 'refused', reason: 'bad cookie' });
    store.getState().setConnection('two@lab', { kind: 'up' });
    const s = store.getState();
    expect(s.nodeOrder).toEqual(['one@lab', 'two@lab', 'three@lab']);
    expect(s.nodes['two@lab']).toMatchObject({ local: false, number: 1, connection: { kind: 'up' } });
    expect(s.nodes['three@lab']).toMatchObject({ number: 2, connection: { kind: 'refused', reason: 'bad cookie' } });
  });

  it("uses the distribution layer's numbering when given", () => {
    const store = createPlaygroundStore({ localNode: 'one@lab', nodeNumber: (n) => (n === two ? 7 : 9) });
    store.getState().setConnection('two@lab', { kind: 'up' });
    const p = new Pid(two, 96, 0, 1);
    store.getState().applyBatch({ node: 'two@lab', events: [], processes: [summary(p)] }, 0);
    expect(store.getState().nodes['two@lab']?.number).toBe(7);
    expect(store.getState().processes[pidKey(p)]?.pidText).toBe('#PID<7.96.0>');
  });

  it('files remote processes (from the tracing service) on their own card, printed with our number', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    store.getState().setConnection('two@lab', { kind: 'up' });
    const remote = new Pid(two, 110, 0, 1);
    store.getState().applyBatch({ node: 'two@lab', events: [], processes: [summary(remote, { registeredName: atom('ticker'), messageQueueLen: 3 })] }, 0);
    const v = store.getState().processes[pidKey(remote)];
    expect(v).toMatchObject({ node: 'two@lab', pidText: '#PID<1.110.0>', name: 'ticker', mailbox: 3, system: false, slot: 0 });
  });

  it('sends a token towards a remote pid, ending at its node when the process is not shown', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    const sender = new Pid(one, 110, 0, 1);
    const remote = new Pid(two, 96, 0, 1);
    store.getState().applyBatch({
      node: 'one@lab',
      events: [{ type: 'message:sent', time: 0, from: sender, to: remote, message: atom('tick'), remote: true }],
      processes: [summary(sender)],
    }, 100);
    expect(store.getState().messages).toEqual([
      { id: 1, from: pidKey(sender), fromNode: 'one@lab', to: pidKey(remote), toNode: 'two@lab', text: ':tick', kind: 'message', fromText: '#PID<0.110.0>', toText: '#PID<1.96.0>', sentAt: 100, duration: SPEED_DURATION_MS.normal },
    ]);
  });

  it('keeps grid slots stable: a new process takes the lowest free slot', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    const [a, b, c, d] = [101, 102, 103, 104].map((id) => new Pid(one, id, 0, 1)) as [Pid, Pid, Pid, Pid];
    store.getState().applyBatch({ node: 'one@lab', events: [], processes: [summary(a), summary(b), summary(c)] }, 0);
    store.getState().applyBatch({ node: 'one@lab', events: [], processes: [summary(a), summary(c)] }, 0); // b vanished
    store.getState().applyBatch({ node: 'one@lab', events: [], processes: [summary(a), summary(c), summary(d)] }, 0);
    const slot = (p: Pid) => store.getState().processes[pidKey(p)]?.slot;
    expect([slot(a), slot(c), slot(d)]).toEqual([0, 2, 1]);
  });

  it('keeps the same process objects when nothing shown about them changed', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    const a = new Pid(one, 101, 0, 1);
    const b = new Pid(one, 102, 0, 1);
    store.getState().applyBatch({ node: 'one@lab', events: [], processes: [summary(a), summary(b)] }, 0);
    const before = store.getState().processes;
    store.getState().applyBatch({ node: 'one@lab', events: [], processes: [summary(a), summary(b, { messageQueueLen: 1 })] }, 0);
    const after = store.getState().processes;
    expect(after[pidKey(a)]).toBe(before[pidKey(a)]);
    expect(after[pidKey(b)]).not.toBe(before[pidKey(b)]);
  });

  it('marks system processes: low ids and system names', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    const gl = new Pid(one, 64, 0, 1);
    const glob = new Pid(one, 120, 0, 1);
    const user = new Pid(one, 121, 0, 1);
    store.getState().applyBatch({ node: 'one@lab', events: [], processes: [summary(gl), summary(glob, { registeredName: atom('global_name_server') }), summary(user)] }, 0);
    const sys = (p: Pid) => store.getState().processes[pidKey(p)]?.system;
    expect([sys(gl), sys(glob), sys(user)]).toEqual([true, true, false]);
  });

  it('forgets a node and its processes, and clears a selection among them', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    store.getState().setConnection('two@lab', { kind: 'up' });
    const remote = new Pid(two, 110, 0, 1);
    store.getState().applyBatch({ node: 'two@lab', events: [], processes: [summary(remote)] }, 0);
    store.getState().select(pidKey(remote));
    store.getState().removeNode('two@lab');
    const s = store.getState();
    expect(s.nodeOrder).toEqual(['one@lab']);
    expect(s.processes).toEqual({});
    expect(s.selected).toBeNull();
  });

  it('resolves a send to a registered name by the name as it is now, batch after batch', () => {
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    const a = new Pid(one, 110, 0, 1);
    const b = new Pid(one, 111, 0, 1);
    const send = (t: number) => ({ type: 'message:sent' as const, time: t, from: null, to: atom('w0'), message: atom('tick'), remote: false });
    const batch = (events: Parameters<ReturnType<typeof store.getState>['applyBatch']>[0]['events'], processes?: ProcessSummary[]) =>
      store.getState().applyBatch({ node: 'one@lab', events, ...(processes ? { processes } : {}) }, 0);
    batch([], [summary(a, { registeredName: atom('w0') }), summary(b)]);
    batch([send(0)]);
    batch([send(1)]);
    // :w0 moves to b in a later batch: the next send goes to b.
    batch([{ type: 'name:unregistered', time: 2, name: atom('w0'), pid: a }, { type: 'name:registered', time: 2, name: atom('w0'), pid: b }]);
    batch([send(3)]);
    expect(store.getState().messages.map((m) => m.to)).toEqual([pidKey(a), pidKey(a), pidKey(b)]);
  });
});
