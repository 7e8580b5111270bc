import { describe, expect, it } from 'vitest';
import { MAX_IDS_PER_PAIR, MAX_PAIRS_PER_PEER, OpenedConnections } from './opened-connections.ts';

describe('OpenedConnections', () => {
  it('knows an offered connection id both ways between the pair, and only there', () => {
    const o = new OpenedConnections();
    o.offered('a', 'b', 'dc_1');
    expect([o.opened('a', 'b', 'dc_1'), o.opened('b', 'a', 'dc_1')]).toEqual([true, true]);
    expect([o.opened('a', 'c', 'dc_1'), o.opened('a', 'b', 'dc_2'), o.opened('a', 'b', undefined)]).toEqual([false, false, false]);
    o.offered('a', 'b', { not: 'an id' });
    o.offered('a', 'b', 'x'.repeat(65));
    expect(o.opened('a', 'b', 'x'.repeat(65))).toBe(false);
  });

  it('keeps a pair’s latest ids and a peer’s latest partners only', () => {
    const o = new OpenedConnections();
    for (let i = 0; i <= MAX_IDS_PER_PAIR; i++) o.offered('a', 'b', `dc_${i}`);
    expect([o.opened('a', 'b', 'dc_0'), o.opened('a', 'b', 'dc_1'), o.opened('a', 'b', `dc_${MAX_IDS_PER_PAIR}`)]).toEqual([false, true, true]);
    for (let i = 0; i < 3 * MAX_PAIRS_PER_PEER; i++) o.offered('flooder', `victim${i}`, 'dc_1');
    expect(o.size).toBe(MAX_PAIRS_PER_PEER + 1);
    expect([o.opened('flooder', 'victim0', 'dc_1'), o.opened('flooder', `victim${3 * MAX_PAIRS_PER_PEER - 1}`, 'dc_1')]).toEqual([false, true]);
    expect(o.opened('a', 'b', 'dc_1')).toBe(true);
  });

  it('forgets every pair of a peer that leaves', () => {
    const o = new OpenedConnections();
    o.offered('a', 'b', 'dc_1');
    o.offered('c', 'a', 'dc_2');
    o.offered('b', 'c', 'dc_3');
    o.forget('a');
    expect([o.opened('a', 'b', 'dc_1'), o.opened('c', 'a', 'dc_2'), o.opened('b', 'c', 'dc_3')]).toEqual([false, false, true]);
    o.forget('b');
    o.forget('c');
    expect(o.size).toBe(0);
  });
});
