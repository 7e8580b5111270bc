/**
 * Terms nested far deeper than the JS stack allows (100,000 levels, built directly; the ETF
 * decoder accepts 10,000): equality, term order, map keys, hashing and printing must all work
 * without a stack overflow, as they do on BEAM.
 *
 * Chains of map KEYS (%{%{... => 1} => 1}) are built 20,000 deep (twice the decoder's limit): each
 * level stores a key of bounded size (hash.ts), so building one is linear too, but hashes every
 * level's key, which is slower than building a list.
 */
import { describe, expect, it } from 'vitest';
import { Cons, Float, NIL, Tuple, atom, type Term } from './types.ts';
import { equals, strictEquals } from './equality.ts';
import { compare } from './order.ts';
import { encode, mapKey } from './hash.ts';
import { EMPTY_MAP, mapFromPairs, mapGet, mapKeys, mapPut } from './map.ts';
import { sortedPairs } from './map-order.ts';
import { inspect, inspectPretty } from './inspect.ts';

const DEPTH = 100_000;
const KEY_DEPTH = 20_000;

/** `depth` levels of `wrap` around `leaf`. */
function nest(depth: number, leaf: Term, wrap: (t: Term) => Term): Term {
  let t = leaf;
  for (let i = 0; i < depth; i++) t = wrap(t);
  return t;
}

// The last field: whether the bottom 1 and 1.0 are in a map key, where they differ even for ==
// (erl: #{#{1 => 1} => 1} == #{#{1.0 => 1} => 1} is false, and < is true: integers first).
const shapes: [string, number, (t: Term) => Term, boolean][] = [
  ['lists [[[...]]]', DEPTH, (t) => new Cons(t, NIL), false],
  ['tuples {{...}, 1}', DEPTH, (t) => new Tuple([t, 1]), false],
  ['maps %{a: %{a: ...}}', DEPTH, (t) => mapFromPairs([[atom('a'), t]]), false],
  ['improper lists [1 | [1 | ...]]', DEPTH, (t) => new Cons(1, t), false],
  ['map keys %{%{... => 1} => 1}', KEY_DEPTH, (t) => mapFromPairs([[t, 1]]), true],
  ['map keys of two-key maps', KEY_DEPTH, (t) => mapFromPairs([[t, 1], [atom('z'), 2]]), true],
];

describe.each(shapes)('%s, %i deep', (_name, depth, wrap, inKey) => {
  const a = nest(depth, 1, wrap);
  const same = nest(depth, 1, wrap);
  const asFloat = nest(depth, new Float(1), wrap);
  const bigger = nest(depth, 2, wrap);

  it('== and === look all the way down', () => {
    expect(equals(a, same)).toBe(true);
    expect(strictEquals(a, same)).toBe(true);
    expect(equals(a, asFloat)).toBe(!inKey); // 1 == 1.0 at the bottom, unless in a key
    expect(strictEquals(a, asFloat)).toBe(false);
    expect(equals(a, bigger)).toBe(false);
  });

  it('compare orders by the innermost difference', () => {
    expect(compare(a, same)).toBe(0);
    expect(compare(a, bigger)).toBe(-1);
    expect(compare(bigger, a)).toBe(1);
    expect(compare(a, asFloat)).toBe(inKey ? -1 : 0);
  });

  it('is a map key: equal terms find each other, different ones do not', () => {
    expect(mapKey(a)).toBe(mapKey(same));
    expect(mapKey(a)).not.toBe(mapKey(asFloat)); // keys follow ===
    const m = mapPut(mapPut(EMPTY_MAP, a, atom('found')), bigger, atom('other'));
    expect(mapGet(m, same)).toBe(atom('found'));
    expect(mapGet(m, asFloat)).toBeUndefined();
    expect(mapKeys(m)).toEqual([a, bigger]); // sorted with deep comparisons
  });

  it('hashes to a canonical string whose length is linear in the depth', () => {
    const s = encode(a);
    expect(s).toBe(encode(same));
    expect(s.length).toBeLessThan(depth * 20);
  });
});

describe('inspect', () => {
  const deepList = nest(DEPTH, 1, (t) => new Cons(t, NIL));
  it('stops at the limit as Elixir does: 50 levels, then [...]', () => {
    // iex 1.14: IO.puts inspect(Enum.reduce(1..60, :x, fn _, acc -> [acc] end))
    const real = '['.repeat(51) + '...' + ']'.repeat(51);
    const sixty = nest(60, atom('x'), (t) => new Cons(t, NIL));
    expect(inspect(sixty)).toBe(real);
    expect(inspect(deepList)).toBe(real);
    // iex shows the result one level per line, the 51st as `[...]`.
    expect(inspectPretty(deepList)).toBe(inspectPretty(sixty));
    expect(inspectPretty(deepList).split('\n')[50]).toBe(' '.repeat(100) + '[...]');
  });
  it('prints every level with limit: :infinity, without a stack overflow', () => {
    expect(inspect(deepList, { limit: Infinity })).toBe('['.repeat(DEPTH) + '1' + ']'.repeat(DEPTH));
    const tuples = nest(DEPTH, 1, (t) => new Tuple([t, 1]));
    expect(inspect(tuples, { limit: Infinity })).toBe('{'.repeat(DEPTH) + '1' + ', 1}'.repeat(DEPTH));
    const maps = nest(DEPTH, 1, (t) => mapFromPairs([[atom('a'), t]]));
    expect(inspect(maps, { limit: Infinity })).toBe('%{a: '.repeat(DEPTH) + '1' + '}'.repeat(DEPTH));
    const keys = nest(KEY_DEPTH, 1, (t) => mapFromPairs([[t, 1]]));
    expect(inspect(keys, { limit: Infinity })).toBe('%{'.repeat(KEY_DEPTH) + '1' + ' => 1}'.repeat(KEY_DEPTH));
  });
});

describe('map key order with deep keys', () => {
  it('sorts maps whose keys are maps with several keys, many levels down, without recursion', () => {
    // Each level: %{inner => :v, :z => 1}; sorting a level compares two-key maps below it.
    const build = (leaf: Term) => nest(KEY_DEPTH, leaf, (t) => mapFromPairs([[t, atom('v')], [atom('z'), 1]]));
    const x = build(1);
    const y = build(2);
    const m = mapFromPairs([[y, 2], [x, 1]]);
    expect(sortedPairs(m).map((p) => p[1])).toEqual([1, 2]);
    expect(mapKey(mapFromPairs([[x, 1], [y, 2]]))).toBe(mapKey(m)); // insertion order does not matter
  });
});

describe('sharing', () => {
  it('compares shared subterms by identity, so a term with 2^60 leaves as a tree compares instantly', () => {
    const t = nest(60, 1, (s) => new Tuple([s, s]));
    expect(equals(t, t)).toBe(true);
    expect(compare(t, t)).toBe(0);
    expect(strictEquals(new Tuple([t, 1]), new Tuple([t, 1]))).toBe(true);
  });
});

