import { describe, expect, it } from 'vitest';
import { atom, str, tuple } from '../../core/term/types.ts';
import type { Pid, Term } from '../../core/term/types.ts';
import { generatorBody, receive } from '../../core/runtime/bodies.ts';
import { TestCluster } from './test-cluster.ts';
import { globalCall, globalSend, globalSendBadarg } from './client.ts';

const yes = atom('yes');
const no = atom('no');
const ok = atom('ok');
const dup = atom('dup');

function three(seed = 1): TestCluster {
  const c = new TestCluster(seed);
  c.add('one@lab');
  c.add('two@lab');
  c.add('three@lab');
  c.mesh('one@lab', 'two@lab', 'three@lab');
  c.settle();
  return c;
}

const all = ['one@lab', 'two@lab', 'three@lab'];

describe(':global across three nodes', () => {
  it('register_name answers :yes and every node finds the pid', () => {
    const c = three();
    const pid = c.idle('two@lab');
    const r = c.call('two@lab', 'register_name', [dup, pid]);
    c.settle();
    expect(r.result).toBe(yes);
    for (const n of all) expect(c.get(n).global.whereis(dup)).toBe(pid);
    expect(c.get('one@lab').global.whereis(atom('nope'))).toBeUndefined();
    expect(c.get('three@lab').global.registeredNames()).toEqual([dup]);
    // one prints the pid with its own number for two@lab (1: met first), three with its own (2)
    expect(c.get('one@lab').show(pid)).toBe(`#PID<1.${pid.id}.${pid.serial}>`);
    expect(c.get('three@lab').show(pid)).toBe(`#PID<2.${pid.id}.${pid.serial}>`);
  });

  it('is synchronous: the reply comes only after every node has the name', () => {
    const c = three();
    const pid = c.idle('one@lab');
    const r = c.call('one@lab', 'register_name', [dup, pid]);
    // run only node one: its server has asked the others and cannot answer yet
    c.get('one@lab').node.runUntilIdle();
    expect(r.result).toBeUndefined();
    expect(c.get('one@lab').global.pendingWrites()).toBe(1);
    c.settle();
    expect(r.result).toBe(yes);
    expect(c.get('one@lab').global.pendingWrites()).toBe(0);
  });

  it('a taken name gives :no, from any node', () => {
    const c = three();
    const a = c.idle('one@lab');
    const b = c.idle('three@lab');
    const first = c.call('one@lab', 'register_name', [dup, a]);
    c.settle();
    const again = c.call('one@lab', 'register_name', [dup, a]);
    const other = c.call('three@lab', 'register_name', [dup, b]);
    c.settle();
    expect([first.result, again.result, other.result]).toEqual([yes, no, no]);
    for (const n of all) expect(c.get(n).global.whereis(dup)).toBe(a);
  });

  it('two nodes racing for a free name: exactly one :yes, the same holder everywhere', () => {
    for (let round = 0; round < 5; round++) {
      const c = three(100 * round + 1);
      const a = c.idle('one@lab');
      const b = c.idle('three@lab');
      const name = atom(`race${round}`);
      const ra = c.call('one@lab', 'register_name', [name, a]);
      const rb = c.call('three@lab', 'register_name', [name, b]);
      // Both ask the boss (three@lab) for the lock first: one gets it, the other sleeps and retries.
      c.advance(60_000);
      const results = [ra.result, rb.result];
      expect(results.filter((r) => r === yes)).toHaveLength(1);
      expect(results.filter((r) => r === no)).toHaveLength(1);
      const winner = ra.result === yes ? a : b;
      for (const n of all) expect(c.get(n).global.whereis(name)).toBe(winner);
      for (const n of all) expect(c.get(n).global.pendingWrites()).toBe(0);
    }
  });

  it('a pid that already has a name gets :no and the error log global writes', () => {
    const c = three();
    const p = c.idle('two@lab');
    const other = atom('other');
    c.call('two@lab', 'register_name', [other, p]);
    c.settle();
    const r = c.call('two@lab', 'register_name', [dup, p]);
    c.settle();
    expect(r.result).toBe(no);
    expect(c.get('two@lab').logs).toEqual([`[error] global: #PID<0.${p.id}.${p.serial}> registered under several names: [:dup, :other]`]);
    expect(c.get('one@lab').global.whereis(dup)).toBeUndefined();
  });

  it('names are any terms', () => {
    const c = three();
    const p = c.idle('one@lab');
    const name = tuple(atom('via'), str('room'), 1);
    c.call('three@lab', 'register_name', [name, p]);
    c.settle();
    expect(c.get('two@lab').global.whereis(tuple(atom('via'), str('room'), 1))).toBe(p);
  });

  it('unregister_name answers :ok, removes the name everywhere, and is :ok for unknown names', () => {
    const c = three();
    const p = c.idle('one@lab');
    c.call('one@lab', 'register_name', [dup, p]);
    c.settle();
    const r = c.call('three@lab', 'unregister_name', [dup]);
    const unknown = c.call('two@lab', 'unregister_name', [atom('ghost')]);
    c.settle();
    expect([r.result, unknown.result]).toEqual([ok, ok]);
    for (const n of all) expect(c.get(n).global.whereis(dup)).toBeUndefined();
    // the pid is free to take a name again
    const again = c.call('two@lab', 'register_name', [atom('fresh'), p]);
    c.settle();
    expect(again.result).toBe(yes);
  });

  it('re_register_name answers :yes and moves the name everywhere', () => {
    const c = three();
    const a = c.idle('one@lab');
    const b = c.idle('two@lab');
    c.call('one@lab', 'register_name', [dup, a]);
    c.settle();
    const r = c.call('three@lab', 're_register_name', [dup, b]);
    c.settle();
    expect(r.result).toBe(yes);
    for (const n of all) expect(c.get(n).global.whereis(dup)).toBe(b);
    // a lost its only name: it may be registered again
    const again = c.call('one@lab', 'register_name', [atom('a'), a]);
    c.settle();
    expect(again.result).toBe(yes);
  });

  it('send delivers to the named pid on its node and returns it; unknown names give the badarg reason', () => {
    const c = three();
    const got: Term[] = [];
    const target = c.get('two@lab').node.spawn(generatorBody(function* () {
      for (;;) got.push((yield receive()) as Term);
    }));
    c.call('two@lab', 'register_name', [atom('box'), target]);
    c.settle();
    const results: (Pid | null)[] = [];
    const one = c.get('one@lab');
    one.node.spawn(generatorBody(function* (proc) {
      results.push(globalSend(one.global, proc, atom('box'), atom('hi')));
      results.push(globalSend(one.global, proc, atom('nope'), atom('hi')));
      yield receive(() => false, 0);
    }));
    c.settle();
    expect(results).toEqual([target, null]);
    expect(got).toEqual([atom('hi')]);
    expect(one.show(globalSendBadarg(atom('nope'), atom('hi')))).toBe('{:badarg, {:nope, :hi}}');
  });

  it('all three nodes racing for one name: one :yes, two :no', () => {
    for (const seed of [7, 8, 9]) {
      const c = three(seed);
      const pids = all.map((n) => c.idle(n));
      const calls = all.map((n, i) => c.call(n, 'register_name', [dup, pids[i] as Pid]));
      c.advance(60_000);
      const results = calls.map((r) => r.result);
      expect(results.filter((r) => r === yes)).toHaveLength(1);
      expect(results.filter((r) => r === no)).toHaveLength(2);
      const winner = pids[results.indexOf(yes)];
      for (const n of all) expect(c.get(n).global.whereis(dup)).toBe(winner);
    }
  });

  it('answers :badarg to a malformed call', () => {
    const c = three();
    const r = c.call('one@lab', 'register_name', [dup, atom('not_a_pid')]);
    c.settle();
    expect(r.result).toBe(atom('badarg'));
  });
});

describe('names go with their process or node', () => {
  it('the name goes on every node when its process dies', () => {
    const c = three();
    const p = c.idle('three@lab');
    c.call('one@lab', 'register_name', [dup, p]);
    c.settle();
    expect(c.get('two@lab').global.whereis(dup)).toBe(p);
    c.get('three@lab').node.exit(p, atom('kill'));
    c.settle();
    for (const n of all) expect(c.get(n).global.whereis(dup)).toBeUndefined();
    expect(c.get('one@lab').global.registeredNames()).toEqual([]);
  });

  it('a dead pid may be registered (:yes) but its name goes at once', () => {
    const c = three();
    const p = c.idle('two@lab');
    c.get('two@lab').node.exit(p, atom('kill'));
    c.settle();
    const r = c.call('one@lab', 'register_name', [dup, p]);
    c.settle();
    expect(r.result).toBe(yes);
    for (const n of all) expect(c.get(n).global.whereis(dup)).toBeUndefined();
  });

  it('a dead local pid: :yes, and whereis is :undefined as soon as the caller has its answer', () => {
    const c = three();
    const p = c.idle('one@lab');
    c.get('one@lab').node.exit(p, atom('kill'));
    c.settle();
    const one = c.get('one@lab');
    let seen: Pid | undefined | null = null;
    one.node.spawn(generatorBody(function* (proc) {
      const r = yield* globalCall(proc, 'register_name', [dup, p]);
      expect(r).toBe(yes);
      seen = one.global.whereis(dup);
    }));
    c.settle();
    expect(seen).toBeUndefined();
  });

  it('the names of a node go when it goes down', () => {
    const c = three();
    const p = c.idle('three@lab');
    const q = c.idle('one@lab');
    c.call('three@lab', 'register_name', [dup, p]);
    c.call('one@lab', 'register_name', [atom('stay'), q]);
    c.settle();
    c.disconnect('one@lab', 'three@lab');
    c.disconnect('two@lab', 'three@lab');
    c.settle();
    expect(c.get('one@lab').global.registeredNames()).toEqual([atom('stay')]);
    expect(c.get('two@lab').global.registeredNames()).toEqual([atom('stay')]);
    // three, alone, lost one's name and kept its own
    expect(c.get('three@lab').global.registeredNames()).toEqual([dup]);
  });
});
