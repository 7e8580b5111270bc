import { describe, expect, it } from 'vitest';
import { Pid, atom, str, tuple } from '../../core/term/types.ts';
import { decodePacket, encodePacket, TICK } from './packet.ts';
import { hex, termEq, unhex } from './test-util.ts';

const P1 = new Pid(atom('one@vm'), 5, 0, 1);
const P2 = new Pid(atom('two@vm'), 6, 1, 2);
const SEND_SENDER = tuple(22, P1, P2);
const MSG = tuple(atom('hello'), str('w'));
// 112 | term_to_binary(Ctrl) | term_to_binary(Msg), built by OTP 25 with minor_version 2.
const BEAM_SEND = '7083680361165877066f6e6540766d00000005000000000000000158770674776f40766d000000060000000100000002836802770568656c6c6f6d0000000177';
const BEAM_LINK = '7083680361015877066f6e6540766d00000005000000000000000158770674776f40766d000000060000000100000002';

describe('connected-node packets', () => {
  it('encodes control + payload in the 112 form byte-exact', () => {
    expect(hex(encodePacket(SEND_SENDER, MSG))).toBe(BEAM_SEND);
    expect(hex(encodePacket(tuple(1, P1, P2)))).toBe(BEAM_LINK);
  });

  it('decodes the 112 form with and without payload', () => {
    const r = decodePacket(unhex(BEAM_SEND));
    if (!r.ok || r.packet.kind !== 'message') throw new Error('not a message');
    expect(termEq(r.packet.control, SEND_SENDER)).toBe(true);
    expect(termEq(r.packet.payload ?? atom('none'), MSG)).toBe(true);
    const l = decodePacket(unhex(BEAM_LINK));
    expect(l.ok && l.packet.kind === 'message' && l.packet.payload).toBeUndefined();
  });

  it('an empty packet is a tick', () => {
    expect(TICK.length).toBe(0);
    expect(decodePacket(TICK)).toEqual({ ok: true, packet: { kind: 'tick' } });
  });

  it('accepts the 131,68,0 distribution header (terms without version bytes)', () => {
    const body = encodePacket(SEND_SENDER, MSG, { form: 'dist-header' });
    expect(hex(body.subarray(0, 4))).toBe('83440068');
    // Same terms as the 112 form, minus the version bytes.
    expect(body.length).toBe(unhex(BEAM_SEND).length + 3 - 1 - 2);
    const r = decodePacket(body);
    expect(r.ok && r.packet.kind === 'message' && termEq(r.packet.control, SEND_SENDER)).toBe(true);
  });

  it('rejects atom caches, fragments, unknown forms, trailing bytes and broken terms', () => {
    expect(decodePacket(unhex('834401'))).toEqual({ ok: false, error: 'atom cache references are not supported' });
    expect(decodePacket(unhex('8345'))).toEqual({ ok: false, error: 'fragmented messages are not supported' });
    expect(decodePacket(unhex('01'))).toEqual({ ok: false, error: 'unknown packet type 1' });
    expect(decodePacket(unhex(BEAM_LINK + '00'))).toEqual({ ok: false, error: 'payload: bad version byte 0' });
    expect(decodePacket(unhex(BEAM_SEND + '836a'))).toEqual({ ok: false, error: 'trailing bytes after the payload (2)' });
    const cut = decodePacket(unhex(BEAM_LINK.slice(0, 20)));
    expect(cut.ok).toBe(false);
    expect(!cut.ok && cut.error).toMatch(/^control message: truncated input/);
  });
});
