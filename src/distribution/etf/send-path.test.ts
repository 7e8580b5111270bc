/** The SEND_SENDER fast path (and ALIAS_SEND's reader) writes and reads exactly what the generic path does. */
import { describe, expect, it } from 'vitest';
import { Pid, Ref, atom, list, str, tuple, type Term } from '../../core/term/types.ts';
import { decodeControl } from '../control.ts';
import { encodePacket, decodePacket } from './packet.ts';
import { readSendSender, writeSendSenderControl } from './send-path.ts';
import { ByteWriter } from './writer.ts';
import { encodeInto } from './encode.ts';
import { VERSION } from './tags.ts';
import { hex } from './test-util.ts';

const from = new Pid(atom('one@lab'), 87, 0, 3);
const to = new Pid(atom('twó@lab'), 112, 1, 0xfffffffe);
const alias = new Ref(atom('twó@lab'), 0xfffffffe, [5, 6, 7]);

function fastBytes(message: Term): Uint8Array {
  const w = new ByteWriter();
  w.u8(112);
  writeSendSenderControl(w, from, to);
  w.u8(VERSION);
  encodeInto(w, message, { versionByte: false });
  return w.finish();
}

describe('SEND_SENDER fast path', () => {
  const messages: Term[] = [42, tuple(atom('msg'), 7), list([str('hello'), -1, 2 ** 40]), atom('ok')];

  it('writes the bytes the generic path writes', () => {
    for (const m of messages) expect(hex(fastBytes(m))).toBe(hex(encodePacket(tuple(22, from, to), m)));
  });

  it('reads what the generic path reads', () => {
    for (const m of messages) {
      const body = encodePacket(tuple(22, from, to), m);
      const generic = decodePacket(body);
      if (!generic.ok || generic.packet.kind !== 'message') throw new Error('generic decode failed');
      expect(readSendSender(body, {})).toEqual({ type: 'send', from, to, message: generic.packet.payload });
    }
  });

  it('leaves every other packet, and every malformed one, to the generic path', () => {
    const body = encodePacket(tuple(22, from, to), 1);
    expect(readSendSender(encodePacket(tuple(2, atom(''), to), 1), {})).toBeNull(); // SEND
    expect(readSendSender(encodePacket(tuple(6, from, atom(''), atom('x')), 1), {})).toBeNull(); // REG_SEND
    expect(readSendSender(body.subarray(0, body.length - 1), {})).toBeNull(); // truncated payload
    expect(readSendSender(body.subarray(0, 20), {})).toBeNull(); // truncated pid
    expect(readSendSender(Uint8Array.from([...body, 0]), {})).toBeNull(); // trailing byte
    expect(readSendSender(encodePacket(tuple(22, from, 5), 1), {})).toBeNull(); // `to` not a pid
    expect(readSendSender(encodePacket(tuple(22, from, to)), {})).toBeNull(); // no payload
  });

  it('reads an ALIAS_SEND (a GenServer reply) as the generic path does', () => {
    for (const m of [...messages, tuple(list([atom('alias')], alias), tuple(atom('ok'), 1))]) {
      const body = encodePacket(tuple(33, from, alias), m);
      const generic = decodePacket(body);
      if (!generic.ok || generic.packet.kind !== 'message') throw new Error('generic decode failed');
      const expected = decodeControl(generic.packet.control, generic.packet.payload);
      expect(expected).toMatchObject({ type: 'alias_send' });
      expect(readSendSender(body, {})).toEqual(expected);
    }
  });

  it('leaves a pid where an alias goes, a ref where a pid goes, and ALIAS_SEND_TT to the generic path', () => {
    expect(readSendSender(encodePacket(tuple(33, from, to), 1), {})).toBeNull();
    expect(readSendSender(encodePacket(tuple(22, from, alias), 1), {})).toBeNull();
    expect(readSendSender(encodePacket(tuple(33, alias, alias), 1), {})).toBeNull();
    expect(readSendSender(encodePacket(tuple(33, from, 7), 1), {})).toBeNull();
    expect(readSendSender(encodePacket(tuple(33, from, tuple(alias)), 1), {})).toBeNull();
    expect(readSendSender(encodePacket(tuple(34, from, alias, atom('token')), 1), {})).toBeNull();
    expect(readSendSender(encodePacket(tuple(33, from, alias)), {})).toBeNull(); // no payload
    for (const bad of [tuple(33, from, to), tuple(22, from, alias)]) {
      const d = decodePacket(encodePacket(bad, 1));
      if (!d.ok || d.packet.kind !== 'message') throw new Error('generic decode failed');
      expect(typeof decodeControl(d.packet.control, d.packet.payload)).toBe('string'); // the generic path's error
    }
  });
});
