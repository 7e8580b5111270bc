/**
 * The encoder's and decoder's atom memos (encode.ts, decode-leaf.ts) and the reused batch
 * buffer (packet-stream.ts) must never change a result: same bytes as without them, the right
 * atom on a cache collision, bad input still refused, earlier batches untouched.
 */
import { describe, expect, it } from 'vitest';
import { Float, atom, tuple, type Term } from '../../core/term/types.ts';
import { decodeTerm } from './decode.ts';
import { encodeTerm } from './encode.ts';
import { PacketReader, PacketWriter } from '../packet-stream.ts';
import { hex } from './test-util.ts';

const decode = (b: Uint8Array): Term => {
  const r = decodeTerm(b);
  if (!r.ok) throw new Error(r.error);
  return r.term;
};

describe('atom memos', () => {
  it('encodes an atom the same the first and the hundredth time, short and long', () => {
    const long = atom('é'.repeat(200)); // 400 bytes: ATOM_UTF8_EXT
    const first = [hex(encodeTerm(atom('hello'))), hex(encodeTerm(long))];
    for (let i = 0; i < 100; i++) encodeTerm(tuple(atom('hello'), long));
    expect([hex(encodeTerm(atom('hello'))), hex(encodeTerm(long))]).toEqual(first);
    expect(first[0]).toBe('83770568656c6c6f');
    expect(first[1]?.slice(0, 8)).toBe('83760190');
  });

  it('decodes many distinct atoms of one length (colliding cache slots) to the right atoms, twice', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `a${String(i).padStart(4, '0')}`);
    for (let round = 0; round < 2; round++) {
      for (const n of names) expect(decode(encodeTerm(atom(n)))).toBe(atom(n));
    }
  });

  it('still refuses invalid UTF-8 after the same length was cached, and does not cache it', () => {
    expect(decode(Uint8Array.from([131, 119, 2, 0x61, 0x62]))).toBe(atom('ab'));
    const bad = Uint8Array.from([131, 119, 2, 0xc3, 0x28]);
    expect(decodeTerm(bad).ok).toBe(false);
    expect(decodeTerm(bad).ok).toBe(false);
    expect(decodeTerm(Uint8Array.from([131, 119, 3, 0x61]))).toEqual({ ok: false, error: expect.stringContaining('truncated') });
  });
});

describe('batch buffer reuse', () => {
  it('leaves a taken batch intact while the next one is written into the same buffer', () => {
    const w = new PacketWriter(1024);
    w.push(Uint8Array.from([1, 2, 3]));
    const first = w.take();
    w.push(Uint8Array.from([9, 9, 9, 9, 9]));
    const second = w.take();
    expect(new PacketReader(100).push(first[0] as Uint8Array)).toEqual({ packets: [Uint8Array.from([1, 2, 3])], error: null });
    expect(new PacketReader(100).push(second[0] as Uint8Array)).toEqual({ packets: [Uint8Array.from([9, 9, 9, 9, 9])], error: null });
  });

  it('drops only the half-written packet when a term cannot be encoded', () => {
    const w = new PacketWriter(1024);
    w.push(Uint8Array.from([7]));
    expect(w.pushTerms(tuple(1, atom('x')), new Float(NaN), { versionByte: false })).toMatch(/NaN/);
    const r = new PacketReader(100).push(w.take()[0] as Uint8Array);
    expect(r).toEqual({ packets: [Uint8Array.from([7])], error: null });
  });
});
