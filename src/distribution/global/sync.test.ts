import { describe, expect, it } from 'vitest';
import { atom } from '../../core/term/types.ts';
import { Pid } from '../../core/term/types.ts';
import { TestCluster } from './test-cluster.ts';

const yes = atom('yes');
const dup = atom('dup');

function cluster(...names: string[]): TestCluster {
  const c = new TestCluster();
  for (const n of names) c.add(n);
  return c;
}

const conflictLine = (on: { show: (t: import('../../core/term/types.ts').Term) => string }, loser: Pid) =>
  `[info] global: Name conflict terminating {:dup, ${on.show(loser)}}\n`;

describe('sync when nodes connect', () => {
  it('names registered before connecting are visible on both sides after', () => {
    const c = cluster('one@lab', 'two@lab');
    const a = c.idle('one@lab');
    const b = c.idle('two@lab');
    const ra = c.call('one@lab', 'register_name', [atom('a'), a]);
    const rb = c.call('two@lab', 'register_name', [atom('b'), b]);
    c.settle();
    expect([ra.result, rb.result]).toEqual([yes, yes]);
    expect(c.get('one@lab').global.whereis(atom('b'))).toBeUndefined();
    c.connect('one@lab', 'two@lab');
    c.settle();
    for (const n of ['one@lab', 'two@lab']) {
      expect(c.get(n).global.whereis(atom('a'))).toBe(a);
      expect(c.get(n).global.whereis(atom('b'))).toBe(b);
    }
  });

  it('a node joining a cluster learns every name, and its own names reach everyone', () => {
    const c = cluster('one@lab', 'two@lab', 'four@lab');
    c.connect('one@lab', 'two@lab');
    const a = c.idle('one@lab');
    const d = c.idle('four@lab');
    c.call('one@lab', 'register_name', [atom('a'), a]);
    c.call('four@lab', 'register_name', [atom('d'), d]);
    c.settle();
    c.mesh('one@lab', 'two@lab', 'four@lab');
    c.settle();
    for (const n of ['one@lab', 'two@lab', 'four@lab']) expect(c.get(n).global.registeredNames()).toHaveLength(2);
    expect(c.get('two@lab').global.whereis(atom('d'))).toBe(d);
    expect(c.get('four@lab').global.whereis(atom('a'))).toBe(a);
  });

  it('after a disconnect and a reconnect, the names come back', () => {
    const c = cluster('one@lab', 'two@lab');
    c.connect('one@lab', 'two@lab');
    const a = c.idle('one@lab');
    c.call('one@lab', 'register_name', [dup, a]);
    c.settle();
    c.disconnect('one@lab', 'two@lab');
    c.settle();
    expect(c.get('two@lab').global.whereis(dup)).toBeUndefined();
    c.connect('two@lab', 'one@lab');
    c.settle();
    expect(c.get('two@lab').global.whereis(dup)).toBe(a);
    expect(c.get('one@lab').logs).toEqual([]);
  });

  it('a node that connects while a write is in flight still gets the name', () => {
    const c = cluster('one@lab', 'two@lab', 'three@lab');
    c.connect('one@lab', 'two@lab');
    c.settle();
    const a = c.idle('one@lab');
    const r = c.call('one@lab', 'register_name', [dup, a]);
    c.get('one@lab').node.runUntilIdle(); // the reservation is out, nothing committed yet
    c.mesh('one@lab', 'two@lab', 'three@lab');
    c.settle();
    expect(r.result).toBe(yes);
    expect(c.get('three@lab').global.whereis(dup)).toBe(a);
  });
});

describe('name clash when a partition heals', () => {
  it('keeps the pid on the smaller node name, kills the other and logs it on the winner node', () => {
    const c = cluster('one@lab', 'two@lab');
    const a = c.idle('one@lab');
    const b = c.idle('two@lab');
    c.connect('one@lab', 'two@lab');
    c.settle();
    c.disconnect('one@lab', 'two@lab');
    const ra = c.call('one@lab', 'register_name', [dup, a]);
    const rb = c.call('two@lab', 'register_name', [dup, b]);
    c.settle();
    expect([ra.result, rb.result]).toEqual([yes, yes]); // each side alone says yes
    c.connect('one@lab', 'two@lab');
    c.settle();
    const one = c.get('one@lab');
    const two = c.get('two@lab');
    expect(one.global.whereis(dup)).toBe(a);
    expect(two.global.whereis(dup)).toBe(a);
    expect(two.node.isAlive(b)).toBe(false);
    expect(one.node.isAlive(a)).toBe(true);
    // b printed with one's number for two@lab (1), as `#PID<12509.114.0>` is on BEAM
    expect(one.logs).toEqual([`[info] global: Name conflict terminating {:dup, #PID<1.${b.id}.${b.serial}>}\n`]);
    expect(two.logs).toEqual([]);
  });

  it('a clash found by a third node: the node with the smaller name of the two that meet resolves it (random_exit_name)', () => {
    const c = cluster('a@lab', 'b@lab', 'c@lab', 'd@lab');
    c.connect('a@lab', 'b@lab');
    c.connect('c@lab', 'd@lab');
    const pa = c.idle('a@lab');
    const pc = c.idle('c@lab');
    c.call('a@lab', 'register_name', [dup, pa]);
    c.call('c@lab', 'register_name', [dup, pc]);
    c.settle();
    // b meets c: b < c resolves; random_exit_name keeps the pid on the smaller node (a) and
    // kills the other at once. (OTP runs the method on a through rpc, so a logs it there;
    // here the resolving node runs it and logs it.)
    c.connect('b@lab', 'c@lab');
    c.settle();
    expect(c.get('c@lab').node.isAlive(pc)).toBe(false);
    expect(c.get('b@lab').global.whereis(dup)).toBe(pa);
    const b = c.get('b@lab');
    expect(b.logs).toEqual([conflictLine(b, pc)]);
    c.mesh('a@lab', 'b@lab', 'c@lab', 'd@lab');
    c.settle();
    for (const n of ['a@lab', 'b@lab', 'c@lab', 'd@lab']) expect(c.get(n).global.whereis(dup)).toBe(pa);
    for (const n of ['a@lab', 'c@lab', 'd@lab']) expect(c.get(n).logs).toEqual([]);
  });
});

describe('writes and unreachable nodes', () => {
  it('a registration waiting on a silent node completes when that node is declared down', () => {
    const c = cluster('one@lab', 'two@lab', 'three@lab');
    c.mesh('one@lab', 'two@lab', 'three@lab');
    c.settle();
    c.silence('one@lab', 'three@lab');
    const a = c.idle('one@lab');
    const r = c.call('one@lab', 'register_name', [dup, a]);
    c.advance(30_000);
    expect(r.result).toBeUndefined(); // global too waits for the failure detector
    c.disconnect('one@lab', 'three@lab'); // tick timeout
    c.settle();
    expect(r.result).toBe(yes);
    expect(c.get('two@lab').global.whereis(dup)).toBe(a);
    expect(c.get('one@lab').global.pendingWrites()).toBe(0);
  });

  it('a sync stuck on a silent node holds the global lock until its nodedown, then writes go on', () => {
    const c = cluster('one@lab', 'two@lab', 'three@lab');
    c.connect('one@lab', 'two@lab');
    c.settle();
    c.connect('one@lab', 'three@lab');
    c.pump(); // the init_connects cross...
    c.silence('one@lab', 'three@lab'); // ...then nothing more: the session never completes
    c.advance(2_000); // one's locker (1.1 s with one known node) has locked two, the boss, for three
    const a = c.idle('two@lab');
    const r = c.call('two@lab', 'register_name', [dup, a]);
    c.advance(10_000);
    expect(r.result).toBeUndefined(); // two's registrar cannot take the lock meanwhile
    c.disconnect('one@lab', 'three@lab');
    c.settle();
    expect(r.result).toBe(yes);
    expect(c.get('one@lab').global.whereis(dup)).toBe(a);
  });

  it('a node that dies mid-write gives its reservations back, so others can take the name', () => {
    const c = cluster('one@lab', 'two@lab', 'three@lab');
    c.mesh('one@lab', 'two@lab', 'three@lab');
    c.settle();
    c.silence('three@lab', 'one@lab');
    const p3 = c.idle('three@lab');
    const p1 = c.idle('one@lab');
    const r3 = c.call('three@lab', 'register_name', [dup, p3]); // two grants it, one never hears
    c.settle();
    const r1 = c.call('one@lab', 'register_name', [dup, p1]); // refused by two: backs off, retries
    c.advance(5_000);
    expect([r1.result, r3.result]).toEqual([undefined, undefined]);
    c.disconnect('three@lab', 'one@lab');
    c.disconnect('three@lab', 'two@lab');
    c.advance(5_000);
    expect(r1.result).toBe(yes);
    expect(c.get('two@lab').global.whereis(dup)).toBe(p1);
  });

  it('nodes with no connection register alone', () => {
    const c = cluster('solo@lab');
    const p = c.idle('solo@lab');
    const r = c.call('solo@lab', 'register_name', [dup, p]);
    c.settle();
    expect(r.result).toBe(yes);
    expect(c.get('solo@lab').global.whereis(dup)).toBe(p);
  });
});

describe('a tab that gets its name after registering', () => {
  it('a name taken as nonode@nohost stays with the same process once named and connected', () => {
    const c = new TestCluster();
    const one = c.add('one@lab', { unnamed: true });
    c.add('two@lab');
    const p = c.idle('one@lab');
    const r = c.call('one@lab', 'register_name', [dup, p]);
    c.settle();
    expect(r.result).toBe(yes);
    expect(p.node).toBe(atom('nonode@nohost'));
    one.node.setName(atom('one@lab'), 77);
    c.connect('one@lab', 'two@lab');
    c.settle();
    // two's copy came back in the sync under one's new name: still the same process, no clash
    const named = new Pid(atom('one@lab'), p.id, p.serial, 77);
    expect(c.get('two@lab').global.whereis(dup)).toEqual(named);
    expect(one.global.whereis(dup)).toBe(p);
    expect(one.node.isAlive(p)).toBe(true);
    expect([...one.logs, ...c.get('two@lab').logs]).toEqual([]);
    // and it still goes everywhere when the process dies
    one.node.exit(p, atom('kill'));
    c.settle();
    expect(c.get('two@lab').global.whereis(dup)).toBeUndefined();
    expect(one.global.whereis(dup)).toBeUndefined();
  });

  it('in a clash, a pid taken before naming counts under the new node name', () => {
    const c = new TestCluster();
    const pat = c.add('pat@lab', { unnamed: true });
    const one = c.add('one@lab');
    const mine = c.idle('pat@lab');
    const theirs = c.idle('one@lab');
    c.call('pat@lab', 'register_name', [dup, mine]);
    c.call('one@lab', 'register_name', [dup, theirs]);
    c.settle();
    pat.node.setName(atom('pat@lab'), 5);
    c.connect('pat@lab', 'one@lab');
    c.settle();
    // one@lab < pat@lab (as nonode@nohost, pat's pid would have won)
    expect(pat.global.whereis(dup)).toEqual(theirs);
    expect(pat.node.isAlive(mine)).toBe(false);
    expect(one.logs).toEqual([`[info] global: Name conflict terminating {:dup, #PID<1.${mine.id}.${mine.serial}>}\n`]);
  });
});

describe(':global.sync/0', () => {
  it('answers :ok once global has synced with every connected node, at once when it has', () => {
    const c = cluster('one@lab', 'two@lab');
    const alone = c.call('one@lab', 'sync', []);
    c.pump();
    expect(alone.result).toBe(atom('ok'));
    c.connect('one@lab', 'two@lab');
    const r = c.call('one@lab', 'sync', []);
    c.pump();
    expect(r.result).toBeUndefined(); // the lockers' timers have not fired yet
    c.settle();
    expect(r.result).toBe(atom('ok'));
  });
});
