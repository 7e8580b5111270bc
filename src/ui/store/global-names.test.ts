import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from '../../playground/classroom.ts';
import { processLabel } from '../canvas/flow-graph.ts';
import { connectRuntime } from './bridge.ts';
import { FakeFrames } from './fake-frames.ts';
import { connectClusterView, connectDistribution } from './cluster-bridge.ts';
import { connectGlobalNames } from './global-names.ts';
import { createPlaygroundStore, type PlaygroundStore } from './playground-store.ts';

/** A tab's store as the page wires it: runtime, connections, cluster view, global names. */
function tabStore(tab: Tab, frames: FakeFrames): PlaygroundStore {
  const dist = tab.node.dist!;
  const store = createPlaygroundStore({ localNode: tab.name, nodeNumber: dist.nodeTable.nodeNumber });
  connectRuntime(tab.node.node, store, frames);
  connectDistribution(dist, store);
  connectClusterView(tab.tracing, store, frames).view.follow(dist);
  connectGlobalNames(tab.node.global, tab.node.node, store, frames);
  return store;
}

const labels = (store: PlaygroundStore) => Object.values(store.getState().processes).map(processLabel);

describe(':global names as labels', () => {
  it('labels the holder {:global, name} on every tab, its own and the others (cluster view), and drops it when unregistered', () => {
    const room = new Classroom();
    const one = room.open('one');
    const two = room.open('two');
    const frames = new FakeFrames();
    const storeOne = tabStore(one, frames);
    const storeTwo = tabStore(two, frames);
    room.type(one, 'Node.connect :two@vm');
    room.type(two, 'pid = spawn(fn -> Process.sleep(:infinity) end)');
    room.type(two, ':global.register_name(:ticker, pid)');
    const id = /#PID<0\.(\d+)\.0>/.exec(two.take().split('spawn(')[1] ?? '')?.[1];
    expect(id).toBeDefined();
    room.advance(500);
    frames.tick();
    frames.tick();

    expect(labels(storeTwo)).toContain(`#PID<0.${id}.0> {:global, :ticker}`);
    // On one, two's process is numbered as one numbers two's pids.
    const n = one.node.dist!.nodeTable.nodeNumber(two.node.node.name);
    expect(labels(storeOne)).toContain(`#PID<${n}.${id}.0> {:global, :ticker}`);

    room.type(two, ':global.unregister_name(:ticker)');
    room.advance(500);
    frames.tick();
    frames.tick();
    expect(labels(storeTwo).filter((l) => l.includes('{:global,'))).toEqual([]);
    expect(labels(storeOne).filter((l) => l.includes('{:global,'))).toEqual([]);
  });
});
