import { describe, expect, it } from 'vitest';
import { PlaceIndex } from './places.ts';

/** The keys in order, walked with after() as ets:first/next do. */
function walk(ix: PlaceIndex<string>): string[] {
  const out: string[] = [];
  for (let k = ix.after(-1); k !== null; k = ix.after(ix.place(k) as number)) out.push(k);
  return out;
}

describe('PlaceIndex: a hash table key order with places that outlive deletions', () => {
  it('keeps insertion order; a key put again keeps its place, one added again after removal goes last', () => {
    const ix = new PlaceIndex<string>();
    for (const k of ['a', 'b', 'c', 'd']) ix.add(k);
    ix.add('b');
    expect(walk(ix)).toEqual(['a', 'b', 'c', 'd']);
    ix.remove('b');
    ix.add('b');
    expect(walk(ix)).toEqual(['a', 'c', 'd', 'b']);
    expect(ix.before(ix.place('c') as number)).toBe('a');
    expect(ix.before(Infinity)).toBe('b');
    expect(ix.before(ix.place('a') as number)).toBeNull();
  });

  it("resumes after a deleted key's place, as a continuation does, across sweeps of the holes", () => {
    const ix = new PlaceIndex<string>();
    const keys = Array.from({ length: 1000 }, (_, i) => `k${i}`);
    for (const k of keys) ix.add(k);
    const mark = ix.place('k499') as number;
    // delete 600 keys around the mark: enough holes to sweep more than once
    for (let i = 200; i < 800; i++) ix.remove(`k${i}`);
    expect(ix.after(mark)).toBe('k800');
    expect(ix.before(mark)).toBe('k199');
    expect(walk(ix)).toEqual([...keys.slice(0, 200), ...keys.slice(800)]);
    expect(ix.place('k500')).toBeUndefined();
    ix.clear();
    ix.add('new');
    // places are never reused: the old mark does not point into the new contents' past
    expect(ix.place('new')).toBeGreaterThan(mark);
    expect(ix.after(mark)).toBe('new');
  });
});
