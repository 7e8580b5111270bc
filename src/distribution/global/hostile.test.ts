/**
 * Hostile input to the name server's OTP protocol: malformed and forged casts and calls, huge
 * lists, stale tags, locks taken by strangers. Each is dropped or answered as global would, the
 * server stays alive and the names stay right.
 */
import { describe, expect, it } from 'vitest';
import { Pid, Tuple, atom, list, tuple } from '../../core/term/types.ts';
import type { Term } from '../../core/term/types.ts';
import { MAX_ITEMS, parseOtp } from './otp-messages.ts';
import { TestCluster } from './test-cluster.ts';

const yes = atom('yes');
const cast = (m: Term): Tuple => tuple(atom('$gen_cast'), m);

function pair(): TestCluster {
  const c = new TestCluster();
  c.add('one@lab');
  c.add('two@lab');
  c.connect('one@lab', 'two@lab');
  c.settle();
  return c;
}

function inject(c: TestCluster, on: string, m: Term): void {
  const t = c.get(on);
  t.node.send(t.global.pid, m);
}

describe('hostile OTP global messages', () => {
  it('malformed exchanges, resolveds and new_nodes are dropped; the server lives and the names stay', () => {
    const c = pair();
    const p = c.idle('two@lab');
    c.call('two@lab', 'register_name', [atom('kept'), p]);
    c.settle();
    const two = atom('two@lab');
    const bad: Term[] = [
      cast(tuple(atom('exchange'), two, atom('not_a_list'), list([]), 1)),
      cast(tuple(atom('exchange'), two, list([tuple(atom('x'), atom('not_a_pid'), atom('m'))]), list([]), 1)),
      cast(tuple(atom('exchange'), two, list([atom('x')], atom('improper')), list([]), 1)),
      cast(tuple(atom('resolved'), two, list([tuple(atom('insert'), atom('junk'))]), list([]), atom('unused'), list([]), 1)),
      cast(tuple(atom('resolved'), two, list([tuple(atom('upsert'), tuple(atom('x'), p, atom('m')))]), list([]), atom('unused'), list([]), 1)),
      cast(tuple(atom('new_nodes'), two, list([tuple(atom('delete'))]), list([]), list([]), list([]))),
      cast(tuple(atom('init_connect'), atom('not_a_version'), two, atom('no_locker'))),
      cast(tuple(atom('lock_set'), atom('not_a_pid'), atom('true'), list([]), 1)),
      cast(atom('exchange')),
      tuple(atom('$gen_call'), atom('no_from'), tuple(atom('set_lock'), tuple(atom('global'), 1))),
      tuple(atom('$gen_call'), tuple(p, 1), tuple(atom('set_lock'), atom('not_an_id'))),
      tuple(atom('$gen_call'), tuple(p, 1), tuple(atom('launch_missiles'))),
      tuple(atom('init_connect_ack'), 'x' as unknown as Term, 1, 2),
      tuple(atom('lost_connection'), atom('a'), atom('b')),
    ];
    for (const m of bad) inject(c, 'one@lab', m);
    c.settle();
    const one = c.get('one@lab');
    expect(one.node.isAlive(one.global.pid)).toBe(true);
    expect(one.global.registeredNames()).toEqual([atom('kept')]);
    expect(one.global.whereis(atom('kept'))).toBe(p);
    // and it still works
    const r = c.call('one@lab', 'register_name', [atom('after'), c.idle('one@lab')]);
    c.settle();
    expect(r.result).toBe(yes);
    expect(c.get('two@lab').global.registeredNames()).toHaveLength(2);
  });

  it('a name list longer than MAX_ITEMS is dropped whole, without walking further', () => {
    const p = new Pid(atom('two@lab'), 100, 0, 1);
    const names = list(Array.from({ length: MAX_ITEMS + 1 }, (_, i) => tuple(i, p, atom('m'))));
    expect(parseOtp(cast(tuple(atom('exchange'), atom('two@lab'), names, list([]), 1)))).toBeNull();
    const ok = list(Array.from({ length: 3 }, (_, i) => tuple(i, p, atom('m'))));
    expect(parseOtp(cast(tuple(atom('exchange'), atom('two@lab'), ok, list([]), 1)))?.type).toBe('exchange');
  });

  it('an exchange or resolved with a stale tag (or from a node with no session) applies nothing', () => {
    const c = pair();
    const p = new Pid(atom('two@lab'), 999, 0, 2);
    const names = list([tuple(atom('forged'), p, atom('m'))]);
    inject(c, 'one@lab', cast(tuple(atom('exchange'), atom('two@lab'), names, list([]), 12345)));
    inject(c, 'one@lab', cast(tuple(atom('resolved'), atom('two@lab'), list([tuple(atom('insert'), tuple(atom('forged'), p, atom('m')))]), list([]), atom('unused'), list([]), 12345)));
    inject(c, 'one@lab', cast(tuple(atom('exchange'), atom('ghost@lab'), names, list([]), 1)));
    c.settle();
    expect(c.get('one@lab').global.whereis(atom('forged'))).toBeUndefined();
  });

  it('a lock_set from a node with no session is answered false, and no lock stays set', () => {
    const c = pair();
    const before = c.wire.length;
    const stranger = new Pid(atom('two@lab'), 4242, 0, 2);
    inject(c, 'one@lab', cast(tuple(atom('lock_set'), stranger, atom('true'), list([]), 7)));
    c.settle();
    const answer = c.wire.slice(before).find((w) => w.to === atom('two@lab'));
    expect(answer?.msg).toEqual(cast(tuple(atom('lock_set'), c.get('one@lab').global.pid, atom('false'), list([atom('two@lab')]), 0)));
    const r = c.call('one@lab', 'register_name', [atom('free'), c.idle('one@lab')]);
    c.settle();
    expect(r.result).toBe(yes);
  });

  it('a lock forged for a pid on a node that is not connected goes at once (its DOWN is noconnection)', () => {
    const c = pair();
    const ghost = new Pid(atom('ghost@lab'), 1, 0, 1);
    inject(c, 'one@lab', tuple(atom('$gen_call'), tuple(ghost, 1), tuple(atom('set_lock'), tuple(atom('global'), ghost))));
    c.settle();
    const r = c.call('one@lab', 'register_name', [atom('free'), c.idle('one@lab')]);
    c.settle();
    expect(r.result).toBe(yes);
  });

  it("a lock held by a live process blocks writes until it dies; a stranger's del_lock cannot lift it", () => {
    const c = pair();
    const holder = c.idle('two@lab');
    const other = c.idle('two@lab');
    // one@lab is not the boss (two@lab is), but the registrar locks every known node
    inject(c, 'one@lab', tuple(atom('$gen_call'), tuple(holder, 1), tuple(atom('set_lock'), tuple(atom('global'), holder))));
    inject(c, 'one@lab', tuple(atom('$gen_call'), tuple(other, 2), tuple(atom('del_lock'), tuple(atom('global'), holder))));
    c.settle();
    const r = c.call('one@lab', 'register_name', [atom('blocked'), c.idle('one@lab')]);
    c.advance(20_000);
    expect(r.result).toBeUndefined();
    c.get('two@lab').node.exit(holder, atom('kill'));
    c.advance(20_000);
    expect(r.result).toBe(yes);
    expect(c.get('two@lab').global.whereis(atom('blocked'))).toBeDefined();
  });

  it('a forged reply to a multi_call nobody made is dropped', () => {
    const c = pair();
    const ref = c.get('one@lab').node.makeRef?.();
    if (ref !== undefined) inject(c, 'one@lab', tuple(tuple(ref, atom('two@lab')), atom('true')));
    inject(c, 'one@lab', tuple(tuple(atom('not_a_ref'), atom('two@lab')), atom('true')));
    c.settle();
    const one = c.get('one@lab');
    expect(one.node.isAlive(one.global.pid)).toBe(true);
  });
});

describe('lock_set floods', () => {
  it('lock_sets that come while the locker is busy wait one per connected node; strangers are not kept', () => {
    const c = pair();
    c.add('three@lab');
    c.connect('one@lab', 'three@lab');
    c.pump(); // init_connects crossed; one's locker will start on its timer
    c.advance(1_200); // one's locker is now locking for three (a multi_call out)
    for (let i = 0; i < 1000; i++) {
      inject(c, 'one@lab', cast(tuple(atom('lock_set'), new Pid(atom(`ghost${i}@lab`), 1, 0, 1), atom('true'), list([]), 1)));
      inject(c, 'one@lab', cast(tuple(atom('lock_set'), new Pid(atom('two@lab'), 5000 + i, 0, 2), atom('true'), list([]), 1)));
    }
    c.settle();
    const one = c.get('one@lab');
    expect(one.node.isAlive(one.global.pid)).toBe(true);
    // the cluster still syncs and writes
    const r = c.call('three@lab', 'register_name', [atom('after_flood'), c.idle('three@lab')]);
    c.settle();
    expect(r.result).toBe(yes);
    expect(one.global.whereis(atom('after_flood'))).toBeDefined();
  });
});
