import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../core/term/types.ts';
import { Pid } from '../core/term/types.ts';
import { inspect } from '../core/term/inspect.ts';
import { Cluster, collect } from './testing.ts';

describe('transitive full mesh', () => {
  it('c connects only to b and then sees a; a gets {:nodeup, c}', () => {
    const c = new Cluster();
    const a = c.add('a@lab');
    const b = c.add('b@lab');
    const cc = c.add('c@lab');
    const w = collect(a.node);
    c.settle();
    a.dist.monitorNodes(w.pid, true);
    expect(c.connect(a, b)).toBe(true);
    expect(c.connect(cc, b)).toBe(true);
    c.settle();
    // c learned of a from b's mesh message after its own connect to b
    expect(cc.dist.list()).toEqual([b.name, a.name]);
    expect(a.dist.list()).toEqual([b.name, cc.name]);
    expect(w.got).toEqual([tuple(atom('nodeup'), b.name), tuple(atom('nodeup'), cc.name)]);
  });

  it('four nodes joining through different peers end fully meshed', () => {
    const c = new Cluster();
    const ns = ['n1@lab', 'n2@lab', 'n3@lab', 'n4@lab'].map((n) => c.add(n));
    c.settle();
    const [n1, n2, n3, n4] = ns as [typeof ns[0], typeof ns[0], typeof ns[0], typeof ns[0]];
    c.connect(n1, n2);
    c.connect(n3, n4);
    c.connect(n4, n2);
    c.settle();
    for (const p of ns) expect(p.dist.list().length).toBe(3);
  });

  it('connectAll: false keeps connections to what was asked', () => {
    const c = new Cluster();
    const a = c.add('a@lab', { connectAll: false });
    const b = c.add('b@lab', { connectAll: false });
    const cc = c.add('c@lab', { connectAll: false });
    c.settle();
    c.connect(a, b);
    c.connect(cc, b);
    expect(cc.dist.list()).toEqual([b.name]);
  });

  it('a node without the cookie of part of the cluster connects to what it can; the others log', () => {
    const c = new Cluster();
    const a = c.add('a@lab', { cookie: 'one' });
    const b = c.add('b@lab', { cookie: 'two' });
    const bad = c.add('bad@lab', { cookie: 'three' });
    c.settle();
    a.dist.setCookie(b.name, 'two');
    expect(c.connect(a, b)).toBe(true);
    bad.dist.setCookie(b.name, 'two');
    expect(c.connect(bad, b)).toBe(true);
    c.settle();
    expect(bad.dist.list()).toEqual([b.name]);
    expect(a.logs).toEqual([['error', '** Connection attempt from node :bad@lab rejected. Invalid challenge reply. **']]);
  });
});

describe('node table and PID printing', () => {
  it('numbers nodes 1, 2, 3 in meeting order; a pid passed on prints with the third node\'s number', () => {
    const c = new Cluster();
    const a = c.add('a@lab');
    const b = c.add('b@lab');
    const x = c.add('x@lab');
    const d = c.add('d@lab', { connectAll: false });
    c.settle();
    // d meets x first, then b, then a
    expect(c.connect(d, x)).toBe(true);
    expect(c.connect(d, b)).toBe(true);
    expect(c.connect(a, b)).toBe(true);
    expect(c.connect(a, d)).toBe(true);
    const bProc = collect(b.node);
    const boxA = collect(a.node);
    const boxD = collect(d.node);
    c.settle();
    b.node.send(boxA.pid, bProc.pid);
    c.settle();
    a.node.send(boxD.pid, boxA.got[0] as Pid);
    c.settle();
    const p = boxD.got[0] as Pid;
    const id = `${p.id}.${p.serial}`;
    expect(inspect(p, { nodeNumber: b.dist.nodeTable.nodeNumber })).toBe(`#PID<0.${id}>`);
    expect(inspect(p, { nodeNumber: d.dist.nodeTable.nodeNumber })).toBe(`#PID<2.${id}>`);
    expect(d.dist.nodeTable.lookup(x.name)).toBe(1);
    expect(d.dist.nodeTable.lookup(a.name)).toBe(3);
    // a met b first
    expect(inspect(p, { nodeNumber: a.dist.nodeTable.nodeNumber })).toBe(`#PID<1.${id}>`);
    // a pid of a node never connected gets the next number on first print
    const ghost = new Pid(atom('ghost@lab'), 7, 0, 1);
    expect(inspect(ghost, { nodeNumber: a.dist.nodeTable.nodeNumber })).toBe('#PID<3.7.0>');
    expect(inspect(ghost, { nodeNumber: a.dist.nodeTable.nodeNumber })).toBe('#PID<3.7.0>');
  });
});

describe('a tab closed mid-conversation', () => {
  it('every other node gets nodedown at once, and links to it break with :noconnection', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    const four = c.add('four@lab');
    const w = collect(one.node, true);
    c.settle();
    one.dist.monitorNodes(w.pid, true);
    c.connect(one, two);
    c.connect(four, two); // the mesh connects four to one too
    const far = collect(four.node);
    c.settle();
    one.node.processApi(w.pid)?.link(far.pid);
    c.settle();
    c.net.kill('four@lab');
    c.settle();
    expect(one.dist.list()).toEqual([two.name]);
    expect(two.dist.list()).toEqual([one.name]);
    expect(w.got).toEqual([
      tuple(atom('nodeup'), two.name),
      tuple(atom('nodeup'), four.name),
      // As real iex shows them: the exit signal before nodedown.
      tuple(atom('EXIT'), far.pid, atom('noconnection')),
      tuple(atom('nodedown'), four.name),
    ]);
  });
});
