import { describe, expect, it } from 'vitest';
import { newPairCheck, see, tally } from './class-tally.ts';

describe('bench:class counts lost and reordered messages per pair, at the receiver', () => {
  it('in order: nothing lost, nothing reordered', () => {
    const p = newPairCheck();
    for (let i = 0; i < 5; i++) see(p, i);
    expect(p).toMatchObject({ received: 5, reordered: 0, duplicated: 0 });
    expect(tally({ a: { b: 5 } }, [{ from: 'a', to: 'b', ...p }])).toMatchObject({ sent: 5, lost: 0, reordered: 0, faults: [] });
  });
  it('a late message counts as reordered once, not lost; a repeat as duplicated', () => {
    const p = newPairCheck();
    for (const i of [0, 2, 3, 1, 3, 4]) see(p, i);
    expect(p).toMatchObject({ received: 5, reordered: 1, duplicated: 1 });
    const t = tally({ a: { b: 5 } }, [{ from: 'a', to: 'b', ...p }]);
    expect(t).toMatchObject({ lost: 0, reordered: 1, duplicated: 1 });
    expect(t.faults).toEqual(['a→b: sent 5, received 5, reordered 1, duplicated 1']);
  });
  it('what never came is lost, a gap in the middle as much as a tail; a pair never heard from loses all', () => {
    const p = newPairCheck();
    for (const i of [0, 1, 3]) see(p, i);
    const t = tally({ a: { b: 6, c: 2 } }, [{ from: 'a', to: 'b', ...p }]);
    expect(t).toMatchObject({ sent: 8, received: 3, lost: 5, reordered: 0 });
    expect(t.faults).toHaveLength(2);
  });
});
