import { describe, expect, it } from 'vitest';
import { Deframer, frame } from './framing.ts';
import { hex, unhex } from './test-util.ts';

describe('length framing', () => {
  it('prefixes 2 or 4 big-endian length bytes', () => {
    expect(hex(frame(unhex('736f6b')))).toBe('0003736f6b');
    expect(hex(frame(unhex('736f6b'), 4))).toBe('00000003736f6b');
    expect(() => frame(new Uint8Array(0x10000))).toThrow(RangeError);
  });

  it('splits a stream cut at every possible place back into messages', () => {
    const msgs = [unhex('736f6b'), unhex('4e00'), new Uint8Array(0), unhex('61' + 'ab'.repeat(16))];
    const stream = Uint8Array.from(msgs.flatMap((m) => [...frame(m)]));
    for (let cut = 0; cut <= stream.length; cut++) {
      const d = new Deframer();
      const a = d.push(stream.subarray(0, cut));
      const b = d.push(stream.subarray(cut));
      if (typeof a === 'string' || typeof b === 'string') throw new Error('unexpected error');
      expect([...a, ...b].map(hex)).toEqual(msgs.map(hex));
      expect(d.rest().length).toBe(0);
    }
  });

  it('switches to 4-byte lengths after the handshake and keeps the leftover bytes', () => {
    const d = new Deframer();
    const stream = Uint8Array.from([...frame(unhex('61aa')), ...frame(new Uint8Array(0), 4), ...frame(unhex('70'), 4)]);
    d.push(new Uint8Array(0));
    const joined = d.push(stream.subarray(0, 4));
    expect(typeof joined !== 'string' && joined.map(hex)).toEqual(['61aa']);
    d.setPrefix(4);
    const rest = d.push(stream.subarray(4));
    expect(typeof rest !== 'string' && rest.map(hex)).toEqual(['', '70']);
  });

  it('refuses frames above the size limit', () => {
    const d = new Deframer(4, 1000);
    expect(d.push(unhex('00100000'))).toBe('frame of 1048576 bytes exceeds 1000');
  });
});
