import { describe, expect, it } from 'vitest';
import { Pid, Ref, Tuple, atom, list, tuple } from '../core/term/types.ts';
import type { Term } from '../core/term/types.ts';
import { decodeControl, encodeControl, hasSpawnOption } from './control.ts';
import type { ControlMessage } from './control.ts';
import { DFLAG, PLAYGROUND_FLAGS } from './handshake/flags.ts';
import { decodePacket, encodePacket } from './etf/packet.ts';

const p1 = new Pid(atom('one@lab'), 100, 0, 1);
const p2 = new Pid(atom('two@lab'), 101, 2, 9);
const ref = new Ref(atom('one@lab'), 1, [1, 2, 3]);

const all: ControlMessage[] = [
  { type: 'link', from: p1, to: p2 },
  { type: 'send', from: p1, to: p2, message: tuple(atom('hi'), list([1, 2]), 7) },
  { type: 'reg_send', from: p1, name: atom('box'), message: 42 },
  { type: 'exit', from: p1, to: p2, reason: atom('boom') },
  { type: 'exit2', from: p1, to: p2, reason: atom('kill') },
  { type: 'unlink', from: p1, to: p2 },
  { type: 'unlink_id', id: 7, from: p1, to: p2 },
  { type: 'unlink_id_ack', id: 7, from: p2, to: p1 },
  { type: 'monitor', from: p1, target: p2, ref },
  { type: 'monitor', from: p1, target: atom('svc'), ref },
  { type: 'demonitor', from: p1, target: p2, ref },
  { type: 'monitor_exit', from: p2, to: p1, ref, reason: atom('normal') },
  { type: 'monitor_exit', from: atom('svc'), to: p1, ref, reason: atom('noproc') },
  { type: 'group_leader', from: p1, to: p2 },
  { type: 'spawn_request', reqId: ref, from: p1, groupLeader: p1, module: atom('erlang'), fun: atom('apply'), args: [atom('f'), list([])], opts: list([atom('link')]) },
  { type: 'spawn_reply', reqId: ref, to: p1, flags: 1, result: p2 },
  { type: 'spawn_reply', reqId: ref, to: p1, flags: 0, result: atom('badarg') },
  { type: 'alias_send', from: p2, alias: ref, message: tuple(list([atom('alias')], ref), 42) },
];

function roundTrip(m: ControlMessage, flags: bigint): ControlMessage | string {
  const e = encodeControl(m, flags);
  const d = decodePacket(encodePacket(e.control, e.payload));
  if (!d.ok || d.packet.kind !== 'message') return 'packet failed';
  return decodeControl(d.packet.control, d.packet.payload);
}

describe('control messages', () => {
  it('round-trip every type through a packet, with modern and old flags', () => {
    const old = PLAYGROUND_FLAGS & ~(DFLAG.SEND_SENDER | DFLAG.EXIT_PAYLOAD);
    for (const m of all) {
      expect(roundTrip(m, PLAYGROUND_FLAGS)).toEqual(m);
      const back = roundTrip(m, old);
      // plain SEND does not carry the sender
      expect(back).toEqual(m.type === 'send' ? { ...m, from: null } : m);
    }
  });

  it('uses the operation numbers of the protocol', () => {
    const op = (m: ControlMessage, f = PLAYGROUND_FLAGS) => (encodeControl(m, f).control as Tuple).elements[0];
    expect(all.map((m) => op(m))).toEqual([1, 22, 6, 24, 26, 4, 35, 36, 19, 19, 20, 28, 28, 7, 29, 31, 31, 33]);
    const old = PLAYGROUND_FLAGS & ~(DFLAG.SEND_SENDER | DFLAG.EXIT_PAYLOAD);
    expect(all.slice(1, 5).map((m) => op(m, old))).toEqual([2, 6, 3, 8]);
  });

  it('rejects malformed control messages with a reason', () => {
    const cases: [Term, Term | undefined, string][] = [
      [atom('x'), undefined, 'control message is not a tuple'],
      [tuple(1, p1), undefined, 'control message 1 has 2 elements, expected 3'],
      [tuple(1, p1, atom('x')), undefined, 'LINK to is not a pid'],
      [tuple(22, p1, p2), undefined, 'SEND_SENDER needs a payload'],
      [tuple(1, p1, p2), 5, 'LINK takes no payload'],
      [tuple(19, p1, 5, ref), undefined, 'MONITOR_P target is not a pid or a name'],
      [tuple(29, ref, p1, p1, tuple(atom('m'), atom('f'), 2), list([])), list([1]), 'SPAWN_REQUEST arity does not match its arguments'],
      [tuple(29, ref, p1, p1, tuple(atom('m'), atom('f'), 1), list([])), list([1], 2), 'SPAWN_REQUEST arguments is not a proper list'],
      [tuple(33, p1, p2), 1, 'ALIAS_SEND alias is not a reference'],
      [tuple(33, p1, ref), undefined, 'ALIAS_SEND needs a payload'],
      [tuple(34, p1, ref), 1, 'control message 34 has 3 elements, expected 4'],
      [tuple(99), undefined, 'unsupported control message 99'],
      [tuple(atom('op')), undefined, 'unsupported control message without an operation number'],
    ];
    for (const [c, p, why] of cases) expect(decodeControl(c, p)).toBe(why);
  });
});

describe('SPAWN_REQUEST options', () => {
  it('finds an option bare or with its own options, as erpc:multicall sends {monitor, [{tag, T}]}', () => {
    const monitor = atom('monitor');
    expect(hasSpawnOption(list([atom('link'), monitor]), monitor)).toBe(true);
    expect(hasSpawnOption(list([tuple(monitor, list([tuple(atom('tag'), atom('t'))]))]), monitor)).toBe(true);
    expect(hasSpawnOption(list([atom('link'), tuple(atom('priority'), atom('high'))]), monitor)).toBe(false);
    expect(hasSpawnOption(atom('not_a_list'), monitor)).toBe(false);
  });
});
