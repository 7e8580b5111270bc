/**
 * :global over the real distribution layer (memory transport, handshakes, ETF on the wire,
 * the link conditioner): the cluster view comes from `clusterViewOf(dist)`.
 */
import { describe, expect, it } from 'vitest';
import { atom } from '../../core/term/types.ts';
import type { Term } from '../../core/term/types.ts';
import { SeededRandom } from '../../core/ports.ts';
import { createNode } from '../../core/runtime/node.ts';
import { attachDistribution } from '../distribution.ts';
import { createConditioner } from '../middleware/conditioner.ts';
import { inspect } from '../../core/term/inspect.ts';
import { generatorBody, receive } from '../../core/runtime/bodies.ts';
import { Cluster, collect } from '../testing.ts';
import type { TestPeer } from '../testing.ts';
import { startGlobal } from './server.ts';
import type { GlobalServer } from './server.ts';
import { ClusterRelay, clusterViewOf } from './cluster-view.ts';
import { globalCall, globalSend } from './client.ts';
import type { CallOp } from './protocol.ts';

/** Time for global to sync after a nodeup: its locker acts on a timer (200 ms, then 1-3 s). */
const SYNC = 5_000;

const yes = atom('yes');
const dup = atom('dup');

interface GPeer {
  readonly p: TestPeer;
  readonly g: GlobalServer;
  readonly logs: string[];
  readonly show: (t: Term) => string;
}

/** `overlap: false` as `-kernel prevent_overlapping_partitions false`. */
function withGlobal(p: TestPeer, o: { overlap?: false } = {}): GPeer {
  const logs: string[] = [];
  const show = (t: Term) => inspect(t, { nodeNumber: p.dist.nodeTable.nodeNumber });
  const view = clusterViewOf(p.dist);
  const g = startGlobal(p.node, o.overlap === false ? { ...view, preventsOverlap: () => false } : view, { log: (level, text) => logs.push(`[${level}] ${text}`), inspect: show });
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
    c.advance(SYNC);
    c.connect(one.p, two.p);
    c.connect(three.p, two.p); // three meets one through the mesh
    c.advance(SYNC);
    const box = collect(three.p.node);
    const r = call(three, 'register_name', [atom('box'), box.pid]);
    c.advance(SYNC);
    expect(r.result).toBe(yes);
    expect(one.g.whereis(atom('box'))).toEqual(box.pid);
    expect(two.g.whereis(atom('box'))).toEqual(box.pid);
    const sender = one.p.node.spawn(generatorBody(function* () {
      yield receive();
    }));
    c.advance(SYNC);
    expect(globalSend(one.g, one.p.node.processApi(sender)!, atom('box'), atom('hello'))).toEqual(box.pid);
    c.advance(SYNC);
    expect(box.got).toEqual([atom('hello')]);
  });

  it('a name registered before connecting is synced; a node that leaves takes its names', () => {
    const c = new Cluster();
    const [one, two, three] = ['one@lab', 'two@lab', 'three@lab'].map((n) => withGlobal(c.add(n))) as [GPeer, GPeer, GPeer];
    c.advance(SYNC);
    const p3 = idle(three);
    call(three, 'register_name', [dup, p3]);
    c.advance(SYNC);
    c.connect(one.p, two.p);
    c.connect(one.p, three.p);
    c.advance(SYNC);
    expect(two.g.whereis(dup)).toEqual(p3);
    three.p.dist.stop(); // the tab closes
    c.advance(SYNC);
    expect(one.g.whereis(dup)).toBeUndefined();
    expect(two.g.registeredNames()).toEqual([]);
  });

  it('partition heal: the name stays with the smaller node, the loser is killed and one logs it', () => {
    const c = new Cluster();
    const [one, two] = ['one@lab', 'two@lab'].map((n) => withGlobal(c.add(n))) as [GPeer, GPeer];
    c.advance(SYNC);
    c.connect(one.p, two.p);
    c.advance(SYNC);
    one.p.dist.disconnect(two.p.name);
    c.advance(SYNC);
    const a = idle(one);
    const b = idle(two);
    const ra = call(one, 'register_name', [dup, a]);
    const rb = call(two, 'register_name', [dup, b]);
    c.advance(SYNC);
    expect([ra.result, rb.result]).toEqual([yes, yes]);
    c.connect(two.p, one.p);
    c.advance(SYNC);
    expect(one.g.whereis(dup)).toEqual(a);
    expect(two.g.whereis(dup)).toEqual(a);
    expect(two.p.node.isAlive(b)).toBe(false);
    expect(one.logs).toEqual([`[info] global: Name conflict terminating {:dup, ${one.show(b)}}\n`]);
    expect(one.show(b)).toMatch(/^#PID<[1-9]\d*\.\d+\.\d+>$/);
  });

  it('a registration waiting on a cut link completes at the tick timeout', () => {
    const c = new Cluster();
    // Without prevent_overlapping_partitions (which would then cut two off as well:
    // partitions.ts), one's link to three is the only one that goes. (Not with connect_all
    // false: global would then share names with nobody, connect-all-global.test.ts.)
    const [one, two, three] = ['one@lab', 'two@lab', 'three@lab'].map((n) => withGlobal(c.add(n), { overlap: false })) as [GPeer, GPeer, GPeer];
    c.advance(SYNC);
    c.connect(one.p, two.p);
    c.connect(one.p, three.p);
    c.advance(SYNC);
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

describe('prevent_overlapping_partitions (partitions.ts)', () => {
  const mesh = (connectAll: boolean) => {
    const c = new Cluster();
    const peers = ['x1@lab', 'x2@lab', 'x3@lab'].map((n) => withGlobal(c.add(n, { connectAll }))) as [GPeer, GPeer, GPeer];
    c.advance(SYNC);
    c.connect(peers[0].p, peers[1].p);
    c.connect(peers[0].p, peers[2].p);
    c.connect(peers[1].p, peers[2].p);
    c.advance(SYNC);
    return { c, peers };
  };

  it('a link cut between x1 and x2 (tick timeout) leaves x3 connected to neither', () => {
    const { c, peers } = mesh(true);
    const [x1, x2, x3] = peers;
    x1.p.conditioner.cut('x2@lab');
    c.advance(200_000);
    expect([x1, x2, x3].map((x) => x.p.dist.list().length)).toEqual([0, 0, 0]);
    expect(x3.logs.filter((l) => l.startsWith('[warning]')).length).toBe(2);
  });

  it('with connect_all false nothing else is cut (global.erl only acts with both options on)', () => {
    const { c, peers } = mesh(false);
    const [x1, x2, x3] = peers;
    x1.p.dist.disconnect(x2.p.name);
    c.advance(SYNC);
    expect(x3.p.dist.list()).toEqual([x1.p.name, x2.p.name]);
    expect([x1, x2, x3].flatMap((x) => x.logs)).toEqual([]);
  });
});

describe('ClusterRelay: global started before the node has a distribution', () => {
  it('names taken before going alive reach the cluster once the relay follows the new distribution', () => {
    const c = new Cluster();
    const two = withGlobal(c.add('two@lab'));
    const node = createNode({ clock: c.clock, random: new SeededRandom(99), stdout: () => {}, name: 'one@lab', creation: 77 });
    const relay = new ClusterRelay();
    const g = startGlobal(node, relay.view);
    const p = node.spawn(generatorBody(function* () {
      for (;;) yield receive();
    }));
    let r: Term | undefined;
    node.spawn(generatorBody(function* (proc) {
      r = yield* globalCall(proc, 'register_name', [dup, p]);
    }));
    node.runUntilIdle();
    expect(r).toBe(yes); // alone: no node to ask
    const random = new SeededRandom(5);
    const conditioner = createConditioner({ clock: c.clock, random });
    const dist = attachDistribution(node, { cookie: 'secret', transport: conditioner.wrap(c.net.transport()), clock: c.clock, random });
    relay.attach(dist);
    const one: TestPeer = { name: node.name, node, dist, conditioner, logs: [], out: [] };
    c.peers.push(one);
    expect(c.connect(two.p, one)).toBe(true);
    c.advance(SYNC);
    expect(two.g.whereis(dup)).toEqual(p);
    const q = collect(two.p.node);
    const r2 = call(two, 'register_name', [atom('q'), q.pid]);
    c.advance(SYNC);
    expect(r2.result).toBe(yes);
    expect(g.whereis(atom('q'))).toEqual(q.pid);
    // the tab leaves the cluster (the relay, detached first, reports two as down)
    relay.attach(null);
    dist.stop();
    c.advance(SYNC);
    expect(g.whereis(atom('q'))).toBeUndefined();
    expect(g.whereis(dup)).toBe(p);
    expect(two.g.whereis(dup)).toBeUndefined();
  });
});
