import { describe, expect, it } from 'vitest';
import { Pid } from '../../core/term/types.ts';
import { Recorder } from './record.ts';
import { RowCache, toRows } from './record-rows.ts';
import { B, pa, pb } from './record-test-nodes.ts';

const sent = (time: number, to: Pid, message: number) => ({ type: 'message:sent' as const, time, from: pa, to, message, remote: true });
const received = (time: number, pid: Pid, message: number) => ({ type: 'message:received' as const, time, pid, message });

describe('RowCache', () => {
  it('reuses a row while its pair is unchanged and remakes it when the pair arrives', () => {
    const r = new Recorder();
    const cache = new RowCache();
    r.record('a@lab', sent(1, pb, 7));
    const [first] = toRows(r.events(), { cache });
    expect(toRows(r.events(), { cache })[0]).toBe(first);
    r.record('b@lab', received(2, pb, 7));
    const [again, receipt] = toRows(r.events(), { cache });
    expect(again).not.toBe(first);
    expect(again?.match).toBe(receipt?.id);
    expect(receipt?.text).toBe('7');
  });

  it("forgets the rows of evicted events, so it holds no more than the recording", () => {
    const r = new Recorder({ capacity: 50 });
    const cache = new RowCache();
    for (let i = 0; i < 1000; i++) {
      r.record('a@lab', sent(i, new Pid(B, 100 + i, 0, 1), i));
      if (i % 10 === 0) toRows(r.events(), { cache });
      expect(cache.size).toBeLessThanOrEqual(50 + 10);
    }
    const rows = toRows(r.events(), { cache });
    expect(cache.size).toBe(50);
    expect(rows.map((x) => x.text)).toEqual(Array.from({ length: 50 }, (_, k) => String(950 + k)));
  });
});
