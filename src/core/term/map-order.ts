/**
 * The key order of a map's entries. BEAM keeps small maps (up to 32 keys) sorted in map-key
 * order, and iex prints them in that order; we use that order for every map (BEAM's larger
 * maps print in hash order, which we do not reproduce). Sorting is cached per map, since maps
 * are immutable.
 */
import type { MapTerm, Term } from './types.ts';
import { compareKeys } from './order.ts';

type Pair = readonly [Term, Term];

const cache = new WeakMap<MapTerm, readonly Pair[]>();

export function sortedPairs(m: MapTerm): readonly Pair[] {
  let pairs = cache.get(m);
  if (pairs === undefined) {
    pairs = Array.from(m.entries.values()).sort((x, y) => compareKeys(x[0], y[0]));
    cache.set(m, pairs);
  }
  return pairs;
}
