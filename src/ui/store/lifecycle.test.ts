import { describe, expect, it, vi } from 'vitest';
import { atom } from '../../core/term/types.ts';
import type { Distribution, DistEvent } from '../../distribution/dist-types.ts';
import { connectDistribution } from './cluster-bridge.ts';
import { forgetDownNodes, type Timers } from './forget-down.ts';
import { FORGET_DOWN_MS } from './model.ts';
import { createPlaygroundStore } from './playground-store.ts';
import { MAX_ATTEMPTS } from './handshakes.ts';

const two = atom('two@lab');

/** A store fed by a distribution whose events the test sends. */
function wired() {
  const store = createPlaygroundStore({ localNode: 'one@lab' });
  let emit: (e: DistEvent) => void = () => {};
  const dist = { list: () => [], subscribe: (cb: (e: DistEvent) => void) => ((emit = cb), () => {}) } as unknown as Distribution;
  connectDistribution(dist, store);
  const state = () => store.getState().nodes['two@lab']?.connection;
  return { store, emit: (e: DistEvent) => emit(e), state };
}

const up = (w: ReturnType<typeof wired>) => {
  w.emit({ type: 'connection:attempt', peer: two, role: 'initiator' });
  w.emit({ type: 'handshake:step', peer: two, name: 'send_name', direction: 'out', outcome: 'sent' });
  w.emit({ type: 'connection:up', peer: two });
};
const retry = (w: ReturnType<typeof wired>) => {
  w.emit({ type: 'connection:attempt', peer: two, role: 'initiator' });
  w.emit({ type: 'connection:failed', peer: two, reason: 'connection_setup_failed: no such node' });
};

describe('a truthful lifecycle', () => {
  it('a closed tab is `down: node closed`, and later failed reconnects do not make it "refused"', () => {
    const w = wired();
    up(w);
    w.emit({ type: 'connection:down', peer: two, reason: 'closed by peer' });
    expect(w.state()).toEqual({ kind: 'down', reason: 'node closed' });
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) retry(w);
    expect(w.state()).toEqual({ kind: 'down', reason: 'node closed' });
  });

  it('keeps the successful handshake in the log however many retries fail after it', () => {
    const w = wired();
    up(w);
    w.emit({ type: 'connection:down', peer: two, reason: 'closed' });
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) retry(w);
    const log = w.store.getState().handshakes['two@lab'] ?? [];
    expect(log).toHaveLength(MAX_ATTEMPTS);
    expect(log[0]?.result).toEqual({ kind: 'up' });
    expect(log.slice(1).every((a) => a.result.kind === 'refused')).toBe(true);
  });

  it('a dismissed node is not brought back by retries, only by coming up again', () => {
    const w = wired();
    up(w);
    w.emit({ type: 'connection:down', peer: two, reason: 'closed' });
    w.store.getState().removeNode('two@lab');
    retry(w);
    expect(w.state()).toBeUndefined();
    up(w);
    expect(w.state()).toEqual({ kind: 'up' });
  });

  it('a cut shows `cut` at once; heal before the tick timeout shows `up` again, the timeout `down`', () => {
    const w = wired();
    up(w);
    w.store.getState().setCut('two@lab', true);
    expect(w.state()).toEqual({ kind: 'cut' });
    w.store.getState().setCut('two@lab', false);
    expect(w.state()).toEqual({ kind: 'up' });
    w.store.getState().setCut('two@lab', true);
    w.emit({ type: 'connection:down', peer: two, reason: 'net_tick_timeout' });
    expect(w.state()).toEqual({ kind: 'down', reason: 'net_tick_timeout' });
    w.store.getState().setCut('two@lab', false);
    expect(w.state()).toEqual({ kind: 'down', reason: 'net_tick_timeout' });
  });

  it('a node down for a minute loses its card by itself, unless it came back', () => {
    vi.useFakeTimers();
    try {
      const timers: Timers = { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (id) => clearTimeout(id as number) };
      const w = wired();
      forgetDownNodes(w.store, timers);
      up(w);
      w.emit({ type: 'connection:down', peer: two, reason: 'closed' });
      vi.advanceTimersByTime(FORGET_DOWN_MS - 1);
      up(w); // back in time: stays
      vi.advanceTimersByTime(FORGET_DOWN_MS);
      expect(w.state()).toEqual({ kind: 'up' });
      w.emit({ type: 'connection:down', peer: two, reason: 'closed' });
      vi.advanceTimersByTime(FORGET_DOWN_MS - 1);
      expect(w.state()).toEqual({ kind: 'down', reason: 'node closed' });
      vi.advanceTimersByTime(1);
      expect(w.state()).toBeUndefined();
      expect(w.store.getState().nodeOrder).toEqual(['one@lab']);
    } finally {
      vi.useRealTimers();
    }
  });
});
