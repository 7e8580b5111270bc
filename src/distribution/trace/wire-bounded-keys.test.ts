// Hostile: a message whose map keys are huge is traced as a small copy, keys included (the trace
// wire and the recorder keep `bounded` copies; keys used to be kept whole).
import { describe, expect, it } from 'vitest';
import { Binary, MapTerm, Tuple, atom, type Term } from '../../core/term/types.ts';
import { mapKey } from '../../core/term/hash.ts';
import { inspect } from '../../core/term/inspect.ts';
import { termToBinary } from '../etf/encode.ts';
import { Recorder } from './record.ts';
import { bounded } from './wire.ts';
import { pa, pb } from './record-test-nodes.ts';

/** 16 copies of the one below, `levels` deep: few objects, 16^levels leaves as a tree. */
function shared(levels: number): Term {
  let t: Term = atom('leaf');
  for (let i = 0; i < levels; i++) t = new Tuple(Array.from({ length: 16 }, () => t));
  return t;
}

function hostileMap(): MapTerm {
  let deep: Term = atom('core');
  for (let i = 0; i < 10_000; i++) deep = new Tuple([deep]);
  // Built by hand: hashing 16^6 leaves to make the map would be the test's own cost, not the copy's.
  const huge: [string, Term, Term][] = [['bin', Binary.fromString('k'.repeat(1_000_000)), 1], ['deep', deep, 2], ['shared', shared(6), 3]];
  const m = new Map<unknown, readonly [Term, Term]>(huge.map(([h, k, v]) => [h, [k, v]]));
  m.set(mapKey(atom('plain')), [atom('plain'), 4]);
  return new MapTerm(m);
}

describe('bounded copies of maps bound their keys too', () => {
  it('a 1 MB binary key, a 10,000-deep key and a key of 16^6 shared leaves come out small, each entry findable by its key', () => {
    const m = bounded(hostileMap()) as MapTerm;
    expect(m.kind).toBe('map');
    expect(m.size).toBe(4);
    const keys = [...m.entries.values()].map(([k]) => k);
    expect(keys.filter((k) => k instanceof Binary).map((k) => (k as Binary).byteSize)).toEqual([256]);
    // Every entry sits under the hash of the key it now holds (lookups in the copy work).
    for (const [h, [k]] of m.entries) expect(h).toEqual(mapKey(k));
    expect(m.entries.get(mapKey(atom('plain')))?.[1]).toBe(4);
    // The whole copy is a few KB on the wire, not megabytes.
    expect(termToBinary(m).length).toBeLessThan(64 * 1024);
    expect(inspect(m).length).toBeLessThan(64 * 1024);
  });

  it('the recorder keeps the small copy of such a message', () => {
    const r = new Recorder();
    r.record('a@lab', { type: 'message:sent', time: 0, from: pa, to: pb, message: hostileMap(), remote: true });
    const kept = r.events()[0]?.term as MapTerm;
    expect(termToBinary(kept).length).toBeLessThan(64 * 1024);
  });
});
