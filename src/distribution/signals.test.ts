import { describe, expect, it } from 'vitest';
import { Binary, Pid, atom, tuple } from '../core/term/types.ts';
import type { Ref } from '../core/term/types.ts';
import { Cluster, collect } from './testing.ts';

const EXIT = atom('EXIT');
const DOWN = atom('DOWN');
const PROCESS = atom('process');
const NOCONNECTION = atom('noconnection');
const NOPROC = atom('noproc');
const boom = atom('boom');

function three() {
  const c = new Cluster();
  const one = c.add('one@lab');
  const two = c.add('two@lab');
  c.settle();
  return { c, one, two };
}

describe('messages across nodes', () => {
  it('send to a remote pid and to {name, node} connect implicitly and arrive in order', () => {
    const { c, one, two } = three();
    const box = collect(two.node);
    two.node.register(atom('box'), box.pid);
    c.settle();
    for (let i = 0; i < 5; i++) one.node.send(box.pid, i);
    one.node.send(tuple(atom('box'), two.name), atom('named'));
    expect(one.dist.list()).toEqual([]); // still connecting: queued
    c.settle();
    expect(box.got).toEqual([0, 1, 2, 3, 4, atom('named')]);
    expect(one.dist.list()).toEqual([two.name]);
  });

  it('messages to an unreachable node are dropped; links made meanwhile get :noconnection', () => {
    const { c, one } = three();
    const trapper = collect(one.node, true);
    c.settle();
    const ghostPid = new Pid(atom('ghost@lab'), 100, 0, 1);
    one.node.send(ghostPid, 1);
    one.node.processApi(trapper.pid)?.link(ghostPid);
    const ref = one.node.processApi(trapper.pid)?.monitor(ghostPid) as Ref;
    c.settle();
    // nodedown is not ordered relative to other signals: DOWN and EXIT in either order
    expect(trapper.got.length).toBe(2);
    expect(trapper.got).toContainEqual(tuple(EXIT, ghostPid, NOCONNECTION));
    expect(trapper.got).toContainEqual(tuple(DOWN, ref, PROCESS, ghostPid, NOCONNECTION));
    expect(one.dist.list()).toEqual([]);
  });

  it('a sent binary of 8 MB arrives intact, split into data-channel-sized messages', async () => {
    const { c, one, two } = three();
    const { contractPattern } = await import('./transports/contract.ts');
    const box = collect(two.node);
    c.connect(one, two);
    const bytes = contractPattern(8 * 1024 * 1024, 99);
    const before = c.net.messagesSent;
    one.node.send(box.pid, Binary.fromBytes(bytes));
    c.settle();
    const got = box.got[0] as Binary;
    expect(got.byteSize).toBe(bytes.length);
    expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect(c.net.messagesSent - before).toBeGreaterThan(512); // 16 KiB each
  });
});

describe('links and exits across nodes', () => {
  it('a remote death reaches linked processes; trappers get {:EXIT, pid, reason}', () => {
    const { c, one, two } = three();
    const trapper = collect(one.node, true);
    const plain = collect(one.node);
    const remote = collect(two.node);
    c.settle();
    one.node.processApi(trapper.pid)?.link(remote.pid);
    one.node.processApi(plain.pid)?.link(remote.pid);
    c.settle();
    expect(two.node.info(remote.pid)?.links.length).toBe(2);
    two.node.exit(remote.pid, boom);
    c.settle();
    expect(trapper.got).toEqual([tuple(EXIT, remote.pid, boom)]);
    expect(one.node.isAlive(plain.pid)).toBe(false);
  });

  it('exit/2 across nodes, :kill gives :killed to linked trappers, unlink stops signals', () => {
    const { c, one, two } = three();
    const victim = collect(two.node);
    const watcher = collect(two.node, true);
    const unlinked = collect(one.node, true);
    c.settle();
    two.node.processApi(watcher.pid)?.link(victim.pid);
    one.node.processApi(unlinked.pid)?.link(victim.pid);
    c.settle();
    one.node.processApi(unlinked.pid)?.unlink(victim.pid);
    c.settle();
    expect(two.node.info(victim.pid)?.links).toEqual([watcher.pid]);
    one.node.exit(victim.pid, atom('kill'));
    c.settle();
    expect(two.node.isAlive(victim.pid)).toBe(false);
    expect(watcher.got).toEqual([tuple(EXIT, victim.pid, atom('killed'))]);
    expect(unlinked.got).toEqual([]);
  });

  it('linking to a dead remote pid gives {:EXIT, pid, :noproc}', () => {
    const { c, one, two } = three();
    const trapper = collect(one.node, true);
    const dead = collect(two.node);
    c.connect(one, two);
    two.node.exit(dead.pid, atom('kill'));
    c.settle();
    one.node.processApi(trapper.pid)?.link(dead.pid);
    c.settle();
    expect(trapper.got).toEqual([tuple(EXIT, dead.pid, NOPROC)]);
  });

  it('a lost connection gives linked trappers :noconnection, on both sides', () => {
    const { c, one, two } = three();
    const t1 = collect(one.node, true);
    const t2 = collect(two.node, true);
    c.settle();
    one.node.processApi(t1.pid)?.link(t2.pid);
    c.settle();
    c.net.disconnect('one@lab', 'two@lab');
    c.settle();
    expect(t1.got).toEqual([tuple(EXIT, t2.pid, NOCONNECTION)]);
    expect(t2.got).toEqual([tuple(EXIT, t1.pid, NOCONNECTION)]);
  });
});

describe('monitors across nodes', () => {
  it('DOWN with the real reason, :noproc for dead pids and unregistered names, :noconnection on loss', () => {
    const { c, one, two } = three();
    const w = collect(one.node);
    const t1 = collect(two.node);
    const t2 = collect(two.node);
    const dead = collect(two.node);
    two.node.register(atom('svc'), t2.pid);
    c.connect(one, two);
    two.node.exit(dead.pid, atom('kill'));
    c.settle();
    const api = one.node.processApi(w.pid);
    const r1 = api?.monitor(t1.pid) as Ref;
    const r2 = api?.monitor(tuple(atom('svc'), two.name)) as Ref;
    const r3 = api?.monitor(dead.pid) as Ref;
    const r4 = api?.monitor(tuple(atom('nobody'), two.name)) as Ref;
    c.settle();
    expect(w.got).toEqual([
      tuple(DOWN, r3, PROCESS, dead.pid, NOPROC),
      tuple(DOWN, r4, PROCESS, tuple(atom('nobody'), two.name), NOPROC),
    ]);
    two.node.exit(t1.pid, boom);
    c.settle();
    expect(w.got[2]).toEqual(tuple(DOWN, r1, PROCESS, t1.pid, boom));
    c.net.disconnect('one@lab', 'two@lab');
    c.settle();
    expect(w.got[3]).toEqual(tuple(DOWN, r2, PROCESS, tuple(atom('svc'), two.name), NOCONNECTION));
    expect(w.got.length).toBe(4);
  });

  it('demonitor stops the DOWN message', () => {
    const { c, one, two } = three();
    const w = collect(one.node);
    const t = collect(two.node);
    c.connect(one, two);
    const api = one.node.processApi(w.pid);
    const r = api?.monitor(t.pid) as Ref;
    c.settle();
    expect(two.node.info(t.pid)?.monitoredBy).toEqual([w.pid]);
    api?.demonitor(r);
    c.settle();
    expect(two.node.info(t.pid)?.monitoredBy).toEqual([]);
    two.node.exit(t.pid, boom);
    c.settle();
    expect(w.got).toEqual([]);
  });
});
