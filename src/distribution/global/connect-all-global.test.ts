/**
 * :global on a node started with connect_all false. global.erl ignores nodeup then, so it syncs
 * with no node: checked on OTP 25 with `erl -sname sg_a` and `erl -sname sg_b -connect_all false`,
 * a connected to b, then `global:register_name(from_a, …)` on a and `(from_b, …)` on b (both
 * `yes`), and `global:registered_names()` a second later: `[from_a]` on a, `[from_b]` on b.
 */
import { describe, expect, it } from 'vitest';
import { atom, list, tuple } from '../../core/term/types.ts';
import type { Term } from '../../core/term/types.ts';
import { generatorBody, receive } from '../../core/runtime/bodies.ts';
import { Cluster } from '../testing.ts';
import type { TestPeer } from '../testing.ts';
import { startGlobal, type GlobalServer } from './server.ts';
import { clusterViewOf } from './cluster-view.ts';
import { globalCall } from './client.ts';

/** Time for global to sync after a nodeup: its locker acts on a timer (200 ms, then 1-3 s). */
const SYNC = 5_000;

const yes = atom('yes');

function withGlobal(p: TestPeer): { p: TestPeer; g: GlobalServer } {
  return { p, g: startGlobal(p.node, clusterViewOf(p.dist)) };
}

function register(on: { p: TestPeer }, name: string): { result: Term | undefined } {
  const box: { result: Term | undefined } = { result: undefined };
  const holder = on.p.node.spawn(generatorBody(function* () {
    for (;;) yield receive();
  }));
  on.p.node.spawn(generatorBody(function* (proc) {
    box.result = yield* globalCall(proc, 'register_name', [atom(name), holder]);
  }));
  return box;
}

function pair(aAll: boolean, bAll: boolean) {
  const c = new Cluster();
  const a = withGlobal(c.add('a@lab', { connectAll: aAll }));
  const b = withGlobal(c.add('b@lab', { connectAll: bAll }));
  c.advance(SYNC);
  expect(c.connect(a.p, b.p)).toBe(true);
  c.advance(SYNC);
  return { c, a, b };
}

const names = (g: GlobalServer) => g.registeredNames().map((n) => (n as { name: string }).name);

describe(':global with connect_all false shares names with nobody (as global.erl)', () => {
  for (const [aAll, bAll] of [[true, false], [false, true], [false, false]] as const) {
    it(`a (connect_all ${aAll}) and b (${bAll}): each registers yes and keeps its own names`, () => {
      const { c, a, b } = pair(aAll, bAll);
      const ra = register(a, 'from_a');
      c.advance(SYNC);
      const rb = register(b, 'from_b');
      c.advance(SYNC);
      c.advance(1000);
      expect([ra.result, rb.result]).toEqual([yes, yes]);
      expect(names(a.g)).toEqual(['from_a']);
      expect(names(b.g)).toEqual(['from_b']);
      expect([a.g.pendingWrites(), b.g.pendingWrites()]).toEqual([0, 0]);
    });
  }

  it('with connect_all on both sides, names are shared (the default, unchanged)', () => {
    const { c, a, b } = pair(true, true);
    register(a, 'from_a');
    c.advance(SYNC);
    register(b, 'from_b');
    c.advance(SYNC);
    expect(names(a.g)).toEqual(['from_a', 'from_b']);
    expect(names(b.g)).toEqual(['from_a', 'from_b']);
  });

  it('a write started right after connecting leaves out the node that never syncs, and the name stays off it', () => {
    const c = new Cluster();
    const a = withGlobal(c.add('a@lab'));
    const b = withGlobal(c.add('b@lab', { connectAll: false }));
    c.advance(SYNC);
    expect(c.connect(a.p, b.p)).toBe(true);
    // No settle: the write starts while a's connect attempt to b is still waiting (it never ends).
    const r = register(a, 'early');
    c.advance(SYNC);
    expect(r.result).toBe(yes);
    expect(names(a.g)).toEqual(['early']);
    expect(names(b.g)).toEqual([]);
  });

  it('a forged in_sync or init_connect from a node that is not connected changes nothing for the connected ones', () => {
    const { c, a, b } = pair(true, true);
    const cast = (m: Term) => a.p.node.send(a.g.pid, tuple(atom('$gen_cast'), m));
    cast(tuple(atom('in_sync'), atom('ghost@lab'), atom('true')));
    cast(tuple(atom('init_connect'), tuple(8, 1), atom('ghost@lab'), tuple(atom('locker'), atom('x'), list([]), a.g.pid)));
    cast(tuple(atom('in_sync'), atom('not'), atom('valid'), atom('at_all')));
    c.advance(SYNC);
    register(a, 'after');
    c.advance(SYNC);
    expect(names(b.g)).toEqual(['after']);
    expect(a.p.node.isAlive(a.g.pid)).toBe(true);
  });
});
