/** Bitstrings as terms: packing, equality, term order, hashing and printing (expected values from iex 1.14 / erl 25). */
import { describe, expect, it } from 'vitest';
import { BitWriter, bitsOf, compareBits, readBits, subBits } from './bits.ts';
import { strictEquals } from './equality.ts';
import { compare } from './order.ts';
import { mapKey } from './hash.ts';
import { inspect } from './inspect.ts';
import { erlangWrite } from './erlang-write.ts';
import { Binary, Bitstring, type Term } from './types.ts';

function bits(...segs: [number | bigint, number][]): Term {
  const w = new BitWriter();
  for (const [v, n] of segs) w.putInt(v, n);
  return w.finish();
}

describe('bitstrings', () => {
  it('a whole number of bytes is a binary, anything else a bitstring with zero padding', () => {
    expect(bits([1, 8], [2, 8])).toBeInstanceOf(Binary);
    const b = bits([1, 3]);
    expect(b).toBeInstanceOf(Bitstring);
    expect([...(b as Bitstring).bytes]).toEqual([0x20]);
    expect(bitsOf(new Uint8Array([0xff]), 3)).toEqual(new Bitstring(new Uint8Array([0xe0]), 3));
  });

  it('writes and reads integers of any width, negative ones in two complement', () => {
    const w = new BitWriter(1);
    w.putInt(-1, 16);
    w.putInt(2n ** 70n + 5n, 72);
    w.putInt(5, 3);
    const t = w.finish() as Bitstring;
    expect(t.bitSize).toBe(91);
    expect(readBits(t.bytes, 0, 16)).toBe(0xffff);
    expect(readBits(t.bytes, 16, 72)).toBe(2n ** 70n + 5n);
    expect(readBits(t.bytes, 88, 3)).toBe(5);
    expect(subBits(t.bytes, 88, 3)).toEqual(new Bitstring(new Uint8Array([0xa0]), 3));
  });

  it('equality, order and map keys follow the bits', () => {
    expect(strictEquals(bits([1, 3]), bits([1, 3]))).toBe(true);
    expect(strictEquals(bits([1, 3]), bits([1, 4]))).toBe(false);
    // iex: <<1::3>> < <<1>> is false; <<1::3>> > <<1>>; <<0::1>> < <<0>> (a prefix is smaller)
    expect(compare(bits([1, 3]), Binary.fromBytes(new Uint8Array([1])))).toBe(1);
    expect(compare(bits([0, 1]), Binary.fromBytes(new Uint8Array([0])))).toBe(-1);
    expect(compareBits(bitsOf(new Uint8Array([1, 0x80]), 9), bitsOf(new Uint8Array([1, 0x80]), 10) )).toBe(-1);
    expect(mapKey(bits([1, 3]))).toBe(mapKey(bits([1, 3])));
    expect(mapKey(bits([1, 3]))).not.toBe(mapKey(bits([1, 4])));
  });

  it('prints as iex and erl do', () => {
    expect(inspect(bits([1, 3]))).toBe('<<1::size(3)>>');
    expect(inspect(bits([255, 8], [1, 1]))).toBe('<<255, 1::size(1)>>');
    expect(inspect(bits([18, 7]))).toBe('<<18::size(7)>>');
    expect(inspect(bits([1, 8], [2, 8], [1, 1]), { limit: 2 })).toBe('<<1, 2, ...>>');
    expect(erlangWrite(bits([255, 8], [1, 1]))).toBe('<<255,1:1>>');
  });
});
