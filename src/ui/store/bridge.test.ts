import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../../core/term/types.ts';
import { generatorBody, receive } from '../../core/runtime/bodies.ts';
import { collector, testNode } from '../../core/runtime/test-helpers.ts';
import { connectRuntime } from './bridge.ts';
import { FakeFrames } from './fake-frames.ts';
import { createPlaygroundStore } from './playground-store.ts';
import { EXIT_SHOW_MS, SPEED_DURATION_MS, pidKey } from './model.ts';

function setup() {
  const { node } = testNode({ name: 'one@lab', creation: 1 });
  const frames = new FakeFrames();
  const store = createPlaygroundStore({ localNode: 'one@lab' });
  const dispose = connectRuntime(node, store, frames);
  return { node, frames, store, dispose };
}

describe('runtime bridge', () => {
  it('syncs the processes already there, the group leader marked system', () => {
    const { store, node } = setup();
    const s = store.getState();
    const gl = s.processes[pidKey(node.groupLeader)];
    expect(gl?.system).toBe(true);
    expect(gl?.pidText).toMatch(/^#PID<0\.\d+\.0>$/);
    expect(gl?.node).toBe('one@lab');
  });

  it('batches many events into one store update per frame', () => {
    const { node, frames, store } = setup();
    let updates = 0;
    store.subscribe(() => updates++);
    const c = collector(node);
    for (let i = 0; i < 50; i++) node.send(c.pid, i);
    expect(updates).toBe(0); // nothing until the frame
    expect(frames.waiting).toBe(1); // one frame requested for 51 events
    frames.tick();
    expect(updates).toBe(1);
    const s = store.getState();
    expect(s.processes[pidKey(c.pid)]?.mailbox).toBe(50); // not run yet: all 50 wait in the mailbox
    expect(s.messages.length).toBe(50);
    expect(s.messages.map((m) => m.text).slice(0, 3)).toEqual(['0', '1', '2']);
    expect(new Set(s.messages.map((m) => m.id)).size).toBe(50);
  });

  it('shows a message in flight for its duration, then drops it', () => {
    const { node, frames, store } = setup();
    const c = collector(node);
    node.send(c.pid, tuple(atom('hello'), 1));
    frames.tick();
    const [m] = store.getState().messages;
    // From outside any process the sender is init's pid, which has no process card: the token starts at the node.
    expect(m?.from).toMatch(/^one@lab\/0\.0\./);
    expect(store.getState().processes[m?.from ?? '']).toBeUndefined();
    expect(m).toMatchObject({ fromNode: 'one@lab', to: pidKey(c.pid), toNode: 'one@lab', text: '{:hello, 1}', duration: SPEED_DURATION_MS.normal });
    node.runUntilIdle();
    frames.tick(SPEED_DURATION_MS.normal);
    expect(store.getState().messages).toEqual([]);
    expect(store.getState().processes[pidKey(c.pid)]?.mailbox).toBe(0);
    expect(frames.waiting).toBe(0); // nothing left to animate: no more frames
  });

  it('resolves a registered name to its process', () => {
    const { node, frames, store } = setup();
    const c = collector(node);
    node.register(atom('ticker'), c.pid);
    frames.tick();
    node.send(atom('ticker'), 1);
    node.send(tuple(atom('ticker'), atom('one@lab')), 2);
    frames.tick();
    const s = store.getState();
    expect(s.processes[pidKey(c.pid)]?.name).toBe('ticker');
    expect(s.messages.map((m) => m.to)).toEqual([pidKey(c.pid), pidKey(c.pid)]);
  });

  it('does not animate at instant speed', () => {
    const { node, frames, store } = setup();
    store.getState().setSpeed('instant');
    const c = collector(node);
    node.send(c.pid, 1);
    frames.tick();
    expect(store.getState().messages).toEqual([]);
    expect(store.getState().processes[pidKey(c.pid)]?.mailbox).toBe(1);
  });

  it('keeps an exited process with its reason while it fades, then removes it', () => {
    const { node, frames, store } = setup();
    const c = collector(node);
    frames.tick();
    node.exit(c.pid, atom('kill'));
    frames.tick();
    const v = store.getState().processes[pidKey(c.pid)];
    expect(v?.status).toBe('exited');
    expect(v?.exit?.reason).toBe(':killed');
    expect(store.getState().exits.map((x) => x.reason)).toEqual([':killed']);
    frames.tick(EXIT_SHOW_MS);
    expect(store.getState().processes[pidKey(c.pid)]).toBeUndefined();
    expect(store.getState().exits).toEqual([]);
  });

  it('keeps a killed process the inspector shows until the inspector closes', () => {
    const { node, frames, store } = setup();
    const c = collector(node);
    frames.tick();
    store.getState().select(pidKey(c.pid));
    node.exit(c.pid, atom('kill'));
    frames.tick();
    frames.tick(EXIT_SHOW_MS * 4);
    expect(store.getState().selected).toBe(pidKey(c.pid));
    expect(store.getState().processes[pidKey(c.pid)]?.exit?.reason).toBe(':killed');
    store.getState().select(null);
    frames.tick();
    expect(store.getState().processes[pidKey(c.pid)]).toBeUndefined();
  });

  it('shows a process that lived and died within one frame', () => {
    const { node, frames, store } = setup();
    const pid = node.spawn(generatorBody(function* () {}));
    node.runUntilIdle();
    frames.tick();
    expect(store.getState().processes[pidKey(pid)]?.exit?.reason).toBe(':normal');
  });

  it('draws links from the snapshot and monitors from events', () => {
    const { node, frames, store } = setup();
    const a = collector(node);
    const b = node.spawn(generatorBody(function* (proc) {
      proc.link(a.pid);
      proc.monitor(a.pid);
      yield receive();
    }));
    node.runUntilIdle();
    frames.tick();
    const s = store.getState();
    expect(s.processes[pidKey(b)]?.links).toEqual([pidKey(a.pid)]);
    expect(s.processes[pidKey(a.pid)]?.links).toEqual([pidKey(b)]);
    expect(Object.values(s.monitors).map((m) => [m.watcher, m.target])).toEqual([[pidKey(b), pidKey(a.pid)]]);
  });

  it('picks up monitors made before it connected', () => {
    const { node } = testNode({ name: 'one@lab', creation: 1 });
    const a = collector(node);
    const b = node.spawn(generatorBody(function* (proc) {
      proc.monitor(a.pid);
      yield receive();
    }));
    node.runUntilIdle();
    const store = createPlaygroundStore({ localNode: 'one@lab' });
    connectRuntime(node, store, new FakeFrames());
    expect(Object.values(store.getState().monitors).map((m) => [m.watcher, m.target])).toEqual([[pidKey(b), pidKey(a.pid)]]);
  });

  it('renames the local card when the node gets its name', () => {
    const { node } = testNode();
    const frames = new FakeFrames();
    const store = createPlaygroundStore({ localNode: 'nonode@nohost' });
    connectRuntime(node, store, frames);
    const early = collector(node);
    node.setName(atom('one@lab'), 3);
    const late = collector(node);
    frames.tick();
    const s = store.getState();
    expect(s.localNode).toBe('one@lab');
    expect(s.nodeOrder).toEqual(['one@lab']);
    expect(s.processes[pidKey(early.pid)]?.node).toBe('one@lab');
    expect(s.processes[pidKey(early.pid)]?.pidText).toMatch(/^#PID<0\./);
    expect(s.processes[pidKey(late.pid)]?.pidText).toMatch(/^#PID<0\./);
  });

  it('stops after dispose', () => {
    const { node, frames, store, dispose } = setup();
    dispose();
    collector(node);
    expect(frames.waiting).toBe(0);
    const before = store.getState();
    frames.tick();
    expect(store.getState()).toBe(before);
  });
});
