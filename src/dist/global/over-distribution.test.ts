/**
 * :global over the real distribution layer (memory transport, handshakes, ETF on the wire,
 * the link conditioner): the cluster view comes from `clusterViewOf(dist)`.
 */
import { describe, expect, it } from 'vitest';
import { atom } from '../../core/term/types.ts';
import type { Term } from '../../core/term/types.ts';
import { inspect } from '../../core/term/inspect.ts';
import { generatorBody, receive } from '../../core/runtime/bodies.ts';
import { Cluster, collect } from '../testing.ts';
import type { TestPeer } from '../testing.ts';
import { startGlobal } from './server.ts';
import type { GlobalServer } from './server.ts';
import { clusterViewOf } from './cluster-view.ts';
import { globalCall, globalSend } from './client.ts';
import type { CallOp } from './protocol.ts';

const yes = atom('yes');
const dup = atom('dup');

interface GPeer {
  readonly p: TestPeer;
  readonly g: GlobalServer;
  readonly logs: string[];
  readonly show: (t: Term) => string;
}

function withGlobal(p: TestPeer): GPeer {
  const logs: string[] = [];
  const show = (t: Term) => inspect(t, { nodeNumber: p.dist.nodeTable.nodeNumber });
  const g = startGlobal(p.node, clusterViewOf(p.dist), { log: (level, text) => logs.push(`[${level}] ${text}`), inspect: show });
  return { p, g, logs, show };
}

function call(on: GPeer, op: CallOp, args: Term[]): { result: Term | undefined } {
  const box: { result: Term | undefined } = { result: undefined };
  on.p.node.spawn(generatorBody(function* (proc) {
    box.result = yield* globalCall(proc, op, args);
  }));
  return box;
}

function idle(on: GPeer) {
  return on.p.node.spawn(generatorBody(function* () {
    for (;;) yield receive();
  }));
}

describe(':global over the distribution layer', () => {
  it('registers on one node, is found and used from the others (mesh joined through one node)', () => {
    const c = new Cluster();
    const [one, two, three] = ['one@lab', 'two@lab', 'three@lab'].map((n) => withGlobal(c.add(n))) as [GPeer, GPeer, GPeer];
    c.settle();
    c.connect(one.p, two.p);
    c.connect(three.p, two.p); // three meets one through the mesh
    c.settle();
    const box = collect(three.p.node);
    const r = call(three, 'register_name', [atom('box'), box.pid]);
    c.settle();
    expect(r.result).toBe(yes);
    expect(one.g.whereis(atom('box'))).toEqual(box.pid);
    expect(two.g.whereis(atom('box'))).toEqual(box.pid);
    one.p.node.spawn(generatorBody(function* (proc) {
      globalSend(one.g, proc, atom('box'), atom('hello'));
    }));
    c.settle();
    expect(box.got).toEqual([atom('hello')]);
  });

  it('a name registered before connecting is synced; a node that leaves takes its names', () => {
    const c = new Cluster();
    const [one, two, three] = ['one@lab', 'two@lab', 'three@lab'].map((n) => withGlobal(c.add(n))) as [GPeer, GPeer, GPeer];
    c.settle();
    const p3 = idle(three);
    call(three, 'register_name', [dup, p3]);
    c.settle();
    c.connect(one.p, two.p);
    c.connect(one.p, three.p);
    c.settle();
    expect(two.g.whereis(dup)).toEqual(p3);
    three.p.dist.stop(); // the tab closes
    c.settle();
    expect(one.g.whereis(dup)).toBeUndefined();
    expect(two.g.registeredNames()).toEqual([]);
  });

  it('partition heal: the name stays with the smaller node, the loser is killed and one logs it', () => {
    const c = new Cluster();
    const [one, two] = ['one@lab', 'two@lab'].map((n) => withGlobal(c.add(n))) as [GPeer, GPeer];
    c.settle();
    c.connect(one.p, two.p);
    c.settle();
    one.p.dist.disconnect(two.p.name);
    c.settle();
    const a = idle(one);
    const b = idle(two);
    const ra = call(one, 'register_name', [dup, a]);
    const rb = call(two, 'register_name', [dup, b]);
    c.settle();
    expect([ra.result, rb.result]).toEqual([yes, yes]);
    c.connect(two.p, one.p);
    c.settle();
    expect(one.g.whereis(dup)).toEqual(a);
    expect(two.g.whereis(dup)).toEqual(a);
    expect(two.p.node.isAlive(b)).toBe(false);
    expect(one.logs).toEqual([`[info] global: Name conflict terminating {:dup, ${one.show(b)}}`]);
    expect(one.show(b)).toMatch(/^#PID<[1-9]\d*\.\d+\.\d+>$/);
  });

  it('a registration waiting on a cut link completes at the tick timeout', () => {
    const c = new Cluster();
    const [one, two, three] = ['one@lab', 'two@lab', 'three@lab'].map((n) => withGlobal(c.add(n))) as [GPeer, GPeer, GPeer];
    c.settle();
    c.connect(one.p, two.p);
    c.connect(one.p, three.p);
    c.settle();
    one.p.conditioner.cut('three@lab');
    const a = idle(one);
    const r = call(one, 'register_name', [dup, a]);
    c.advance(60_000);
    expect(r.result).toBeUndefined();
    c.advance(120_000);
    expect(one.p.dist.list()).toEqual([two.p.name]);
    expect(r.result).toBe(yes);
    expect(two.g.whereis(dup)).toEqual(a);
  });
});
