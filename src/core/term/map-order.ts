/**
 * The key order of a map's entries. BEAM keeps small maps (up to 32 keys) sorted in map-key
 * order, and iex prints them in that order; we use that order for every map (BEAM's larger
 * maps print in hash order, which we do not reproduce). Sorting is cached per map, since maps
 * are immutable.
 *
 * Sorting compares keys, and comparing two map keys needs those maps' own sorted pairs: done
 * naively, that sorts inside a sort inside a sort, once per level of nesting, and a deep key
 * overflows the JS stack. So before a map is sorted, every map inside its keys is sorted first,
 * innermost first, found with an explicit stack; then no comparison has to sort anything.
 */
import type { MapTerm, Term } from './types.ts';
import { compareKeys } from './order.ts';

type Pair = readonly [Term, Term];

const cache = new WeakMap<MapTerm, readonly Pair[]>();

export function sortedPairs(m: MapTerm): readonly Pair[] {
  let pairs = cache.get(m);
  if (pairs === undefined) {
    if (m.size > 1) sortMapsInKeys(m);
    pairs = sortOne(m);
  }
  return pairs;
}

function sortOne(m: MapTerm): readonly Pair[] {
  const pairs = Array.from(m.entries.values());
  if (pairs.length > 1) pairs.sort((x, y) => compareKeys(x[0], y[0]));
  cache.set(m, pairs);
  return pairs;
}

/**
 * Sorts the unsorted maps inside `m`'s keys, each after the maps inside it. A sorted map's keys
 * were handled when it was sorted, but its values were not (comparing two maps compares values).
 */
function sortMapsInKeys(m: MapTerm): void {
  const found: MapTerm[] = [];
  const stack: Term[] = [];
  for (const [k] of m.entries.values()) stack.push(k);
  while (stack.length > 0) {
    const t = stack.pop() as Term;
    if (typeof t !== 'object') continue;
    switch (t.kind) {
      case 'cons':
        stack.push(t.tail, t.head);
        break;
      case 'tuple':
        for (const e of t.elements) stack.push(e);
        break;
      case 'map': {
        const sorted = cache.has(t);
        if (!sorted) found.push(t);
        for (const [k, v] of t.entries.values()) {
          if (!sorted) stack.push(k);
          stack.push(v);
        }
        break;
      }
    }
  }
  // A map is found before the maps inside it: sort in reverse order of discovery.
  for (let i = found.length - 1; i >= 0; i--) {
    const f = found[i] as MapTerm;
    if (!cache.has(f)) sortOne(f);
  }
}
