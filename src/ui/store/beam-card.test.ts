// A real BEAM node's card is marked as one: the distribution says so when the connection comes up
// over a BEAM link (the --beam gateway), and the mark stays through nodedown.
import { describe, expect, it } from 'vitest';
import { atom } from '../../core/term/types.ts';
import type { DistEvent, Distribution } from '../../distribution/dist-types.ts';
import { connectDistribution } from './cluster-bridge.ts';
import { createPlaygroundStore } from './playground-store.ts';

function fakeDistribution(): { dist: Distribution; emit: (e: DistEvent) => void } {
  let listener: (e: DistEvent) => void = () => {};
  const dist = { list: () => [], subscribe: (l: (e: DistEvent) => void) => ((listener = l), () => {}) } as unknown as Distribution;
  return { dist, emit: (e) => listener(e) };
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
