import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from '../../playground/classroom.ts';
import { connectRuntime } from './bridge.ts';
import { FakeFrames } from './fake-frames.ts';
import { CATCH_UP_FRAMES, MAX_EVENTS_PER_FRAME, connectClusterView, connectDistribution } from './cluster-bridge.ts';
import { createPlaygroundStore, type PlaygroundStore } from './playground-store.ts';

/** A teacher's tab (one) showing the whole class: its store fed by its runtime, its distribution and its viewer. */
function classroom(): { room: Classroom; one: Tab; two: Tab; three: Tab; store: PlaygroundStore; frames: FakeFrames } {
  const room = new Classroom();
  const [one, two, three] = ['one', 'two', 'three'].map((n) => room.open(n)) as [Tab, Tab, Tab];
  const frames = new FakeFrames();
  const dist = one.node.dist!;
  const store = createPlaygroundStore({ localNode: one.name, nodeNumber: dist.nodeTable.nodeNumber });
  connectRuntime(one.node.node, store, frames);
  connectDistribution(dist, store);
  connectClusterView(one.tracing, store, frames).view.follow(dist);
  room.type(one, 'Node.connect :two@vm');
  room.type(one, 'Node.connect :three@vm');
  return { room, one, two, three, store, frames };
}

describe('cluster view over the tracing service', () => {
  it('shows every connected node\'s processes, with pids as this tab prints them, and their traffic', () => {
    const { room, two, three, store, frames } = classroom();
    room.type(two, 'ticker = spawn(fn -> Process.sleep(:infinity) end)');
    room.type(two, 'Process.register(ticker, :ticker)');
    room.type(three, 'send({:ticker, :two@vm}, {:register, self()})');
    frames.tick();
    const s = store.getState();
    expect(s.nodeOrder).toEqual(['one@vm', 'two@vm', 'three@vm']);
    expect(s.nodes['two@vm']?.connection).toEqual({ kind: 'up' });
    const ticker = Object.values(s.processes).find((p) => p.name === 'ticker');
    expect(ticker?.node).toBe('two@vm');
    // one numbers two as 1 (met first): #PID<1.N.0>, as `inspect` prints it on one.
    expect(ticker?.pidText).toMatch(/^#PID<1\.\d+\.0>$/u);
    expect(ticker?.mailbox).toBe(1); // three's message waits in its mailbox
    // three's shell process is on three's card, prominent (not a system process).
    const threeShell = Object.values(s.processes).find((p) => p.node === 'three@vm' && !p.system);
    expect(threeShell?.pidText).toMatch(/^#PID<2\.\d+\.0>$/u);
    // The tracing processes never show up on remote cards.
    expect(Object.values(s.processes).some((p) => p.node !== 'one@vm' && (p.name === 'playground_tracer' || p.name === 'playground_trace_viewer'))).toBe(false);
  });

  it('draws a message between two other nodes as a token from three to two', () => {
    const { room, two, three, store, frames } = classroom();
    room.type(two, 'Process.register(self(), :sink)');
    frames.tick();
    three.shell.input('send({:sink, :two@vm}, :hello_from_three)');
    room.advance(150); // one flush of three's tracer
    frames.tick();
    const token = store.getState().messages.find((m) => m.text === ':hello_from_three');
    expect(token).toMatchObject({ fromNode: 'three@vm', toNode: 'two@vm' });
    expect(token?.to).not.toBeNull(); // resolved to two's shell process by name
  });

  it('applies every node\'s traffic of a frame as one store update, in order', () => {
    const { room, two, three, store, frames } = classroom();
    room.type(two, 'Process.register(self(), :sink)');
    frames.tick();
    three.shell.input('send({:sink, :two@vm}, :first)');
    three.shell.input('send({:sink, :two@vm}, :second)');
    two.shell.input('send(self(), :from_two)');
    room.advance(150); // one flush of each tracer
    // Store updates that brought remote tokens: one for both nodes (each update runs every subscriber).
    let remoteUpdates = 0;
    const stop = store.subscribe((s, prev) => {
      if (s.messages.some((m) => m.fromNode !== 'one@vm' && !prev.messages.includes(m))) remoteUpdates++;
    });
    frames.tick();
    stop();
    const texts = store.getState().messages.map((m) => m.text);
    expect(texts).toEqual(expect.arrayContaining([':first', ':second', ':from_two']));
    expect(texts.indexOf(':first')).toBeLessThan(texts.indexOf(':second'));
    expect(remoteUpdates).toBe(1);
  });

  it('spreads a burst over frames: at most MAX_EVENTS_PER_FRAME a frame, none lost, none reordered', () => {
    const { room, two, three, store, frames } = classroom();
    room.type(two, 'Process.register(self(), :sink)');
    frames.tick();
    room.type(three, 'for i <- 1..700, do: send({:sink, :two@vm}, i)');
    room.advance(150); // one flush of three's tracer: 700 sends and more
    const fromThree = () => store.getState().messages.filter((m) => m.fromNode === 'three@vm' && /^\d+$/u.test(m.text)).map((m) => Number(m.text));
    frames.tick();
    const first = fromThree();
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(MAX_EVENTS_PER_FRAME);
    for (let i = 0; i < 5; i++) frames.tick(); // 80 ms: the tokens still fly
    expect(fromThree()).toEqual(Array.from({ length: 700 }, (_, i) => i + 1));
  });

  it('a viewer slower than the cluster takes a share of its backlog each frame, so the queue stays bounded', () => {
    const room = new Classroom();
    const [one, two, three] = ['one', 'two', 'three'].map((n) => room.open(n)) as [Tab, Tab, Tab];
    const frames = new FakeFrames();
    const dist = one.node.dist!;
    const store = createPlaygroundStore({ localNode: one.name, nodeNumber: dist.nodeTable.nodeNumber });
    const viewer = connectClusterView(one.tracing, store, frames);
    viewer.view.follow(dist);
    room.type(one, 'Node.connect :two@vm');
    room.type(one, 'Node.connect :three@vm');
    room.type(two, 'Process.register(self(), :sink)');
    frames.tick();
    // Every frame, one more flush of 700 sends (and two's receives) lands: more than 500 events a
    // frame, as when a projector draws at 30 fps under a whole class's traffic.
    let arrived = 0;
    let applied = 0;
    let most = 0;
    for (let round = 0; round < 30; round++) {
      const before = viewer.waiting();
      room.type(three, 'for i <- 1..700, do: send({:sink, :two@vm}, i)');
      room.advance(150);
      const atTick = viewer.waiting();
      arrived += atTick - before;
      most = Math.max(most, atTick - before);
      frames.tick();
      applied += atTick - viewer.waiting();
    }
    expect(most).toBeGreaterThan(MAX_EVENTS_PER_FRAME);
    // A fixed 500 a frame would leave arrived - 30 × 500 waiting, growing every frame; a share of
    // the backlog a frame keeps it within CATCH_UP_FRAMES frames of traffic.
    expect(arrived - 30 * MAX_EVENTS_PER_FRAME).toBeGreaterThan(CATCH_UP_FRAMES * most);
    expect(viewer.waiting()).toBeLessThanOrEqual(CATCH_UP_FRAMES * most);
    expect(applied).toBe(arrived - viewer.waiting());
  });

  it('a node that closes keeps its card, marked down, without processes', () => {
    const { room, three, store, frames } = classroom();
    frames.tick();
    expect(Object.values(store.getState().processes).some((p) => p.node === 'three@vm')).toBe(true);
    room.close(three);
    room.settle();
    frames.tick();
    const s = store.getState();
    expect(s.nodes['three@vm']?.connection?.kind).toBe('down');
    expect(Object.values(s.processes).some((p) => p.node === 'three@vm' && p.exit === null)).toBe(false);
  });
});
