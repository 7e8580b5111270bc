/**
 * Review (session 5): a traced message's fingerprint and its bounded copy for the viewer are
 * "bounded" by items per container and depth, but a term may share its parts: 6 nested tuples
 * of 16 copies of the one below cost a process 6 small tuples, yet walking them as a tree visits
 * 16^6 (16.7 million) leaves, on every send while tracing is on: a frozen tab. The work must be
 * bounded however the term shares its parts.
 */
import { describe, expect, it } from 'vitest';
import { atom, MapTerm, Tuple, type Term } from '../../core/term/types.ts';
import { mapKey } from '../../core/term/hash.ts';
import { fingerprint } from './fingerprint.ts';
import { bounded } from './wire.ts';

/** A tuple whose element reads are counted in `reads.n`. */
function countedTuple(elements: Term[], reads: { n: number }): Tuple {
  return new Tuple(
    new Proxy(elements, {
      get(target, p, r) {
        if (typeof p === 'string' && /^\d+$/.test(p)) reads.n++;
        return Reflect.get(target, p, r) as unknown;
      },
    }),
  );
}

/** 6 levels of 16-tuples, each holding 16 times the one below (7 objects in memory). */
function sharedTuples(reads: { n: number }): Term {
  let t: Term = atom('leaf');
  for (let d = 0; d < 6; d++) t = countedTuple(Array.from({ length: 16 }, () => t), reads);
  return t;
}

describe('trace bounds on shared terms (review)', () => {
  it('the fingerprint reads a bounded number of elements', () => {
    const reads = { n: 0 };
    fingerprint(sharedTuples(reads));
    expect(reads.n).toBeLessThan(100_000);
  });

  it('the fingerprint of a map of maps sharing their values is bounded too', () => {
    let t: Term = atom('leaf');
    let calls = 0;
    for (let d = 0; d < 6; d++) {
      const entries = new Map<unknown, readonly [Term, Term]>();
      for (let i = 0; i < 64; i++) entries.set(mapKey(i), [i, t]);
      t = new MapTerm(entries);
    }
    const values = Map.prototype.values;
    Map.prototype.values = function (this: Map<unknown, unknown>) {
      calls++;
      return values.call(this);
    } as typeof values;
    try {
      fingerprint(t);
    } finally {
      Map.prototype.values = values;
    }
    expect(calls).toBeLessThan(100_000);
  });

  it('still tells apart messages that differ in a shallow place', () => {
    const a = new Tuple([atom('a'), new Tuple([1, 2, 3]), atom('x')]);
    const b = new Tuple([atom('a'), new Tuple([1, 2, 4]), atom('x')]);
    expect(fingerprint(a)).not.toBe(fingerprint(b));
  });

  it('the viewer\'s bounded copy reads a bounded number of elements', () => {
    const reads = { n: 0 };
    bounded(sharedTuples(reads));
    expect(reads.n).toBeLessThan(100_000);
  });
});
