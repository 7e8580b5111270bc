import { describe, expect, it } from 'vitest';
import { Binary, Float, NIL, Pid, atom, list, str, tuple } from './types.ts';
import { mapKey } from './hash.ts';
import { EMPTY_MAP, mapDelete, mapFromPairs, mapGet, mapHas, mapKeys, mapPairs, mapPut, mapPutMany, mapValues } from './map.ts';
import { inspect } from './inspect.ts';

describe('mapKey', () => {
  it('takes the fast paths', () => {
    expect(mapKey(atom('ok'))).toBe(atom('ok'));
    expect(mapKey(42)).toBe(42);
    expect(mapKey(NIL)).toBe(NIL);
    expect(mapKey(str('hi'))).toBe('bhi');
    expect(mapKey(2n ** 64n)).toBe('i10000000000000000'); // hex digits: linear for any size
  });
  it('distinguishes exactly the terms === distinguishes', () => {
    const distinct = [
      1, new Float(1), str('1'), atom('1'), 2n ** 64n, str('i10000000000000000'), -(2n ** 64n), list([1]), tuple(1), list([str('a')]),
      list([atom('a')]), tuple(str('ab')), tuple(str('a'), str('b')), Binary.fromBytes(new Uint8Array([255])),
      str('ÿ'), NIL, tuple(), mapFromPairs([[1, 2]]), mapFromPairs([[new Float(1), 2]]), new Pid(atom('a@b'), 1, 0, 0),
    ];
    const keys = new Set(distinct.map(mapKey));
    expect(keys.size).toBe(distinct.length);
  });
  it('gives equal keys for equal compound terms', () => {
    expect(mapKey(tuple(1, str('x'), list([atom('a')])))).toBe(mapKey(tuple(1, str('x'), list([atom('a')]))));
    const a = mapFromPairs([[atom('a'), 1], [atom('b'), 2]]);
    const b = mapFromPairs([[atom('b'), 2], [atom('a'), 1]]);
    expect(mapKey(a)).toBe(mapKey(b));
    expect(mapKey(new Float(0))).toBe(mapKey(new Float(-0))); // 0.0 =:= -0.0 in OTP 25
    expect(mapKey(str('é'))).toBe(mapKey(Binary.fromBytes(new Uint8Array([0xc3, 0xa9]))));
  });
});

describe('mapKey of long compound keys', () => {
  it('stores a digest: equal terms still share a key, different ones do not', () => {
    const long = (c: string) => tuple(str(c.repeat(300)), 1);
    const k = mapKey(long('a'));
    expect(typeof k === 'string' && k.length).toBe(33); // 'h' + 32 bytes of SHA-256
    expect(mapKey(long('a'))).toBe(k);
    expect(mapKey(long('b'))).not.toBe(k);
    expect(mapKey(tuple(str('a'.repeat(300)), new Float(1)))).not.toBe(k); // 1 vs 1.0
    const m = mapPut(mapPut(EMPTY_MAP, long('a'), atom('a')), long('b'), atom('b'));
    expect(mapGet(m, long('a'))).toBe(atom('a'));
    expect(mapGet(m, long('b'))).toBe(atom('b'));
  });
});

describe('mapKey of a bignum', () => {
  it('keys the largest bignum a peer may send (4,194,296 digit bytes) by its value', () => {
    const big = (1n << (8n * 4_194_296n)) - 1n;
    const m = mapPut(EMPTY_MAP, big, atom('big'));
    expect(mapGet(m, (1n << (8n * 4_194_296n)) - 1n)).toBe(atom('big'));
    expect(mapHas(m, big - 1n)).toBe(false);
  });
});

describe('maps', () => {
  it('puts, gets, deletes without mutating', () => {
    const m1 = mapFromPairs([[atom('a'), 1]]);
    const m2 = mapPut(m1, tuple(1, 2), str('t'));
    expect(mapGet(m2, tuple(1, 2))).toEqual(str('t'));
    expect(mapGet(m1, tuple(1, 2))).toBeUndefined();
    expect(mapHas(m2, atom('a'))).toBe(true);
    expect(mapHas(m2, 1)).toBe(false);
    const m3 = mapDelete(m2, atom('a'));
    expect(m3.size).toBe(1);
    expect(m2.size).toBe(2);
    expect(mapDelete(m3, atom('zzz'))).toBe(m3);
    expect(mapPutMany(EMPTY_MAP, [[1, 1], [2, 2]]).size).toBe(2);
  });
  it('keeps 1 and 1.0 apart as keys', () => {
    const m = mapFromPairs([[1, atom('int')], [new Float(1), atom('float')]]);
    expect(m.size).toBe(2);
    expect(mapGet(m, 1)).toBe(atom('int'));
    expect(mapGet(m, new Float(1))).toBe(atom('float'));
  });
  it('keeps the first key on update (%{0.0 => :a, -0.0 => :b} is %{0.0 => :b})', () => {
    const m = mapFromPairs([[new Float(0), atom('a')], [new Float(-0), atom('b')]]);
    expect(inspect(m)).toBe('%{0.0 => :b}');
  });
  it('lists pairs in key order, as iex prints them', () => {
    // iex: %{b: 1, a: 2} prints %{a: 2, b: 1}; %{1 => :a, :x => 2, "s" => 3} keeps that order.
    const m = mapFromPairs([[atom('b'), 1], [atom('a'), 2]]);
    expect(mapKeys(m)).toEqual([atom('a'), atom('b')]);
    expect(mapValues(m)).toEqual([2, 1]);
    const n = mapFromPairs([[str('s'), 3], [atom('x'), 2], [1, atom('a')]]);
    expect(mapPairs(n).map((p) => p[0])).toEqual([1, atom('x'), str('s')]);
    // %{2 => :a, 1.5 => :b}: integers before floats in key order.
    expect(mapKeys(mapFromPairs([[new Float(1.5), 0], [2, 0]]))).toEqual([2, new Float(1.5)]);
  });
});
