import { describe, expect, it } from 'vitest';
import { Cluster } from './testing.ts';

/**
 * `-connect_all false` on a star: a and c each connect to b. Expected lists from real OTP 25
 * (three `erl -sname st_X -connect_all A` nodes, a hidden controller calling
 * `rpc:call(a, net_kernel, connect_node, [b])` and the same from c, then `erlang:nodes()` on each):
 *
 *   a b c connect_all     a        b        c
 *   false false false     [b]      [a, c]   [b]
 *   true  false true      [b]      [a, c]   [b]
 *   false true  false     [b]      [a, c]   [b]
 *   true  true  false     [b]      [a, c]   [b]
 *   true  true  true      [b, c]   [a, c]   [b, a]
 *
 * global.erl ignores nodeup when connect_all is false, so the mesh sync needs both ends of a
 * connection to have it on: one node with it off on the way is enough to stop the mesh.
 */
function star(all: readonly [boolean, boolean, boolean]) {
  const c = new Cluster();
  const [a, b, cc] = (['a@lab', 'b@lab', 'c@lab'] as const).map((n, i) => c.add(n, { connectAll: all[i] as boolean }));
  if (a === undefined || b === undefined || cc === undefined) throw new Error('three nodes');
  c.settle();
  expect(c.connect(a, b)).toBe(true);
  expect(c.connect(cc, b)).toBe(true);
  c.settle();
  const names = (p: typeof a) => p.dist.list().map((n) => n.name.split('@')[0]);
  return { a: names(a), b: names(b), c: names(cc) };
}

describe('connect_all false (a star of three, as real erl answers)', () => {
  const cases: [readonly [boolean, boolean, boolean], { a: string[]; b: string[]; c: string[] }][] = [
    [[false, false, false], { a: ['b'], b: ['a', 'c'], c: ['b'] }],
    [[true, false, true], { a: ['b'], b: ['a', 'c'], c: ['b'] }],
    [[false, true, false], { a: ['b'], b: ['a', 'c'], c: ['b'] }],
    [[true, true, false], { a: ['b'], b: ['a', 'c'], c: ['b'] }],
    [[true, true, true], { a: ['b', 'c'], b: ['a', 'c'], c: ['b', 'a'] }],
  ];
  for (const [all, lists] of cases) {
    it(`a b c connect_all ${all.join(' ')}: Node.list a ${lists.a} · b ${lists.b} · c ${lists.c}`, () => {
      expect(star(all)).toEqual(lists);
    });
  }

  it('a node with connect_all false still connects where it is asked, and the star survives a leaf leaving', () => {
    const c = new Cluster();
    const hub = c.add('hub@lab', { connectAll: false });
    const leaves = ['l1@lab', 'l2@lab', 'l3@lab', 'l4@lab'].map((n) => c.add(n));
    c.settle();
    for (const l of leaves) expect(c.connect(l, hub)).toBe(true);
    c.settle();
    expect(hub.dist.list().length).toBe(4);
    for (const l of leaves) expect(l.dist.list()).toEqual([hub.name]);
    // A leaf may still connect to another leaf on its own: only transitive connects are off.
    expect(c.connect(leaves[0]!, leaves[1]!.name)).toBe(true);
    c.settle();
    expect(leaves[0]!.dist.list()).toEqual([hub.name, leaves[1]!.name]);
    expect(leaves[2]!.dist.list()).toEqual([hub.name]);
    expect(hub.dist.disconnect(leaves[3]!.name)).toBe(true);
    c.settle();
    expect(hub.dist.list().length).toBe(3);
  });
});
