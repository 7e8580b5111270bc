import { describe, expect, it } from 'vitest';
import { GRACE_MS, NameTable } from './names.ts';

function table(limit = 50) {
  const clock = { now: 0 };
  return { clock, names: new NameTable<string>({ now: () => clock.now, limitFor: () => limit }) };
}

describe('the name table', () => {
  it('keeps a dropped name for its token for the grace period, then frees it', () => {
    const { clock, names } = table();
    expect(names.register('tab', 'erl-one_40lab', 'secret', '10.0.0.1').ok).toBe(true);
    names.closed('tab', 'erl-one_40lab', false);
    expect(names.ids()).toEqual([]);
    clock.now = GRACE_MS - 1;
    expect(names.register('thief', 'erl-one_40lab', 'guess', '10.0.0.2')).toEqual({ ok: false, type: 'ID-TAKEN', reason: 'ID is taken' });
    expect(names.register('tab again', 'erl-one_40lab', 'secret', '10.0.0.1')).toEqual({ ok: true, replaced: null });
    names.closed('tab again', 'erl-one_40lab', false);
    clock.now += GRACE_MS;
    expect(names.register('newcomer', 'erl-one_40lab', 'other', '10.0.0.2').ok).toBe(true);
  });

  it('frees a name at once when its tab closed the socket itself', () => {
    const { names } = table();
    names.register('tab', 'erl-one_40lab', 'secret', '10.0.0.1');
    names.closed('tab', 'erl-one_40lab', true);
    expect(names.register('reloaded', 'erl-one_40lab', 'new', '10.0.0.1').ok).toBe(true);
  });

  it('hands a live name to its own token (a reconnect before the drop was seen), never to another', () => {
    const { names } = table();
    names.register('old socket', 'erl-one_40lab', 'secret', '10.0.0.1');
    expect(names.register('thief', 'erl-one_40lab', 'guess', '10.0.0.2').ok).toBe(false);
    expect(names.register('new socket', 'erl-one_40lab', 'secret', '10.0.0.3')).toEqual({ ok: true, replaced: 'old socket' });
    names.closed('old socket', 'erl-one_40lab', false); // late close of the replaced socket: no effect
    expect(names.connection('erl-one_40lab')).toBe('new socket');
  });

  it('takes only canonical node ids', () => {
    const { names } = table();
    for (const id of ['erlone_40lab', 'erl-_6fne_40lab', 'erl-on_65_40lab', 'erl-one_4Alab', 'hello', 'erl-']) {
      expect(names.register(id, id, 't', '10.0.0.1').ok, id).toBe(false);
    }
  });

  it('limits live connections per address, and the names kept per address', () => {
    const { names } = table(2);
    expect(names.register('a', 'erl-a_40x', 't', '10.0.0.1').ok).toBe(true);
    expect(names.register('b', 'erl-b_40x', 't', '10.0.0.1').ok).toBe(true);
    expect(names.register('c', 'erl-c_40x', 't', '10.0.0.1')).toMatchObject({ ok: false, reason: 'Too many connections from 10.0.0.1 (limit 2, see --max-per-address)' });
    expect(names.register('d', 'erl-d_40x', 't', '10.0.0.9').ok).toBe(true);
    names.closed('a', 'erl-a_40x', false);
    names.closed('b', 'erl-b_40x', false);
    expect(names.register('c', 'erl-c_40x', 't', '10.0.0.1').ok).toBe(true);
    names.closed('c', 'erl-c_40x', false);
    // Three names dropped from 10.0.0.1, two kept: the oldest (a) went first.
    expect(names.register('thief', 'erl-a_40x', 'x', '10.0.0.9').ok).toBe(true);
    expect(names.register('thief', 'erl-b_40x', 'x', '10.0.0.9').ok).toBe(false);
  });

  it('lets a tab at its address’s limit take its own name back before its old socket is seen to drop', () => {
    const { names } = table(2);
    names.register('a', 'erl-a_40x', 'ta', '10.0.0.1');
    names.register('b', 'erl-b_40x', 'tb', '10.0.0.1');
    expect(names.register('a again', 'erl-a_40x', 'ta', '10.0.0.1')).toEqual({ ok: true, replaced: 'a' });
    // It took the old socket's place: the address still holds two, and a third is refused.
    expect(names.register('c', 'erl-c_40x', 'tc', '10.0.0.1').ok).toBe(false);
    names.closed('a', 'erl-a_40x', false);
    expect(names.register('c', 'erl-c_40x', 'tc', '10.0.0.1').ok).toBe(false);
  });
});

