// A real BEAM node's card is marked as one: the distribution says so when the connection comes up
// over a BEAM link (the --beam gateway), and the mark stays through nodedown.
import { describe, expect, it } from 'vitest';
import { Pid, atom } from '../../core/term/types.ts';
import type { Node } from '../../core/runtime/node.ts';
import type { RuntimeEvent } from '../../core/runtime/events.ts';
import type { DistEvent, Distribution } from '../../distribution/dist-types.ts';
import { connectDistribution } from './cluster-bridge.ts';
import { createPlaygroundStore } from './playground-store.ts';
import { connectBeamProcesses, MAX_PER_NODE } from './beam-processes.ts';
import { FakeFrames } from './fake-frames.ts';
import { tellSenders } from '../../distribution/beam-senders.ts';

function fakeDistribution(): { dist: Distribution; emit: (e: DistEvent) => void } {
  const listeners: ((e: DistEvent) => void)[] = [];
  const dist = { list: () => [], subscribe: (l: (e: DistEvent) => void) => (listeners.push(l), () => {}) } as unknown as Distribution;
  return { dist, emit: (e) => listeners.forEach((l) => l(e)) };
}

/** This tab `one@vm` with a real node `real@vm` (over a BEAM link) and a tab `two@vm` connected. */
function withRealNode() {
  const store = createPlaygroundStore({ localNode: 'one@vm' });
  const { dist, emit } = fakeDistribution();
  connectDistribution(dist, store);
  emit({ type: 'connection:up', peer: atom('real@vm'), beam: true });
  emit({ type: 'connection:up', peer: atom('two@vm') });
  return { store, dist, emit };
}

describe('the BEAM card', () => {
  it('marks a node whose connection came up over a BEAM link, and keeps the mark after nodedown', () => {
    const store = createPlaygroundStore({ localNode: 'one@vm' });
    const { dist, emit } = fakeDistribution();
    connectDistribution(dist, store);
    emit({ type: 'connection:attempt', peer: atom('real@vm'), role: 'acceptor' });
    expect(store.getState().nodes['real@vm']?.beam).toBeUndefined();
    emit({ type: 'connection:up', peer: atom('real@vm'), beam: true });
    emit({ type: 'connection:up', peer: atom('two@vm') });
    expect(store.getState().nodes['real@vm']).toMatchObject({ beam: true, connection: { kind: 'up' } });
    expect(store.getState().nodes['two@vm']?.beam).toBeUndefined();
    emit({ type: 'connection:down', peer: atom('real@vm'), reason: 'connection_closed' });
    expect(store.getState().nodes['real@vm']).toMatchObject({ beam: true, connection: { kind: 'down' } });
  });
});

describe('a BEAM card\'s processes', () => {
  it('shows the real node\'s pids that talk to this tab, bounded, and nothing of other nodes', () => {
    const { store } = withRealNode();
    let listener: (e: RuntimeEvent) => void = () => {};
    const node = { subscribe: (l: (e: RuntimeEvent) => void) => ((listener = l), () => {}) } as unknown as Node;
    const frames = new FakeFrames();
    connectBeamProcesses(node, store, frames);
    const mine = new Pid(atom('one@vm'), 80, 0, 1);
    const realPid = (id: number) => new Pid(atom('real@vm'), id, 0, 7);
    const sent = (from: Pid, to: Pid): RuntimeEvent => ({ type: 'message:sent', time: 0, from, to, message: atom('hi'), remote: true });
    listener(sent(realPid(100), mine));
    listener(sent(mine, realPid(101)));
    listener(sent(mine, new Pid(atom('two@vm'), 90, 0, 3)));
    frames.tick();
    const onReal = () => Object.values(store.getState().processes).filter((p) => p.node === 'real@vm').map((p) => p.pid.id);
    expect(onReal().sort()).toEqual([100, 101]);
    expect(Object.values(store.getState().processes).some((p) => p.node === 'two@vm')).toBe(false);
    for (let id = 200; id < 200 + MAX_PER_NODE + 10; id++) listener(sent(realPid(id), mine));
    frames.tick();
    expect(onReal()).toHaveLength(MAX_PER_NODE);
    expect(onReal()).not.toContain(100);
  });
});

describe('a real process that only sends to this tab', () => {
  it('gets a tile on the BEAM card from the sender the wire names (SEND_SENDER, REG_SEND)', () => {
    const { store, dist, emit } = withRealNode();
    const node = { subscribe: () => () => {} } as unknown as Node;
    const frames = new FakeFrames();
    connectBeamProcesses(node, store, frames, dist);
    const mine = new Pid(atom('one@vm'), 80, 0, 1);
    const real = (id: number) => new Pid(atom('real@vm'), id, 0, 7);
    tellSenders(atom('real@vm'), [
      { type: 'send', from: real(300), to: mine, message: atom('hi') },
      { type: 'reg_send', from: real(301), name: atom('shell'), message: atom('hi') },
      { type: 'send', from: null, to: mine, message: atom('anonymous') },
      // a peer speaks only for its own processes: a pid of another node is no sender of its
      { type: 'send', from: new Pid(atom('two@vm'), 302, 0, 3), to: mine, message: atom('forged') },
      { type: 'link', from: real(303), to: mine },
    ], emit);
    frames.tick();
    const onReal = Object.values(store.getState().processes).filter((p) => p.node === 'real@vm').map((p) => p.pid.id);
    expect(onReal.sort()).toEqual([300, 301]);
    expect(Object.values(store.getState().processes).some((p) => p.node === 'two@vm')).toBe(false);
  });
});
