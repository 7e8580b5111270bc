import { describe, expect, it } from 'vitest';
import { Binary, Float, NIL, Pid, atom, list, str, tuple, type Term } from './types.ts';
import { compare, compareKeys } from './order.ts';
import { decodeEtf } from './etf-fixture.ts';
import { inspect } from './inspect.ts';
import { mapFromPairs } from './map.ts';
import { listToArray } from './list.ts';

// A shuffled mixed list (every type, ties, bigints vs floats) as real Elixir produced it, and
// what real Elixir 1.14 printed for Enum.sort/1 and Enum.sort(list, :desc) of it.
const SHUFFLED = '836C000000346400036E696C6C00000001463FF00000000000006A6D00000001626D00000001FF6E0700010000000000206C00000001640001616A6B000201025A000364000D6E6F6E6F6465406E6F686F7374000000000000000300000002000000016B0001017400000001463FF00000000000006101680361006100610074000000016400016161026B000200055864000D6E6F6E6F6465406E6F686F73740000006E0000000000000000463FF8000000000000680074000000016400016261016D00000002C3A97400000001610161016D000000006A6C000000016D00000001616A6B000361626361036400026161680161035A000364000D6E6F6E6F6465406E6F686F7374000000000000000400000002000000016D00000001616400015A640001626D000000015A46C6293E5939A08CEA680261016102640001E961025964000D6E6F6E6F6465406E6F686F737400000005000000005964000D6E6F6E6F6465406E6F686F73740000000100000000640001616B00036162646C00000001610161025864000D6E6F6E6F6465406E6F686F737400000009000000000000000062FFFFFFFE4640000000000000006802463FF0000000000000640001615A000364000D6E6F6E6F6465406E6F686F737400000000000000030000000200000002740000000164000161463FF000000000000046434000000000000074000000026400016161016400016261015864000D6E6F6E6F6465406E6F686F73740000006E00000001000000006C000000026101610261036E0A00CB444271764EB6429D0274000000006A';
const SORTED = "[-1.0e30, -2, 1.5, 2, 2.0, 3, 9007199254740992.0, 9007199254740993, 12345678901234567890123, :Z, :a, :aa, :b, nil, :é, #Reference<0.1.2.3>, #Reference<0.1.2.4>, #Reference<0.2.2.3>, #Port<0.1>, #Port<0.5>, #PID<0.9.0>, #PID<0.110.0>, #PID<0.110.1>, {}, {3}, {1, 2}, {1.0, :a}, {0, 0, 0}, %{}, %{1 => 1}, %{1.0 => 1}, %{a: 1.0}, %{a: 2}, %{b: 1}, %{a: 1, b: 1}, [], [0, 5], [1 | 2], [1.0], [1], [1, 2 | 3], [1, 2], 'abc', 'abd', [:a], [\"a\"], \"\", \"Z\", \"a\", \"b\", \"é\", <<255>>]";
const SORTED_DESC = "[<<255>>, \"é\", \"b\", \"a\", \"Z\", \"\", [\"a\"], [:a], 'abd', 'abc', [1, 2], [1, 2 | 3], [1.0], [1], [1 | 2], [0, 5], [], %{a: 1, b: 1}, %{b: 1}, %{a: 2}, %{a: 1.0}, %{1.0 => 1}, %{1 => 1}, %{}, {0, 0, 0}, {1.0, :a}, {1, 2}, {3}, {}, #PID<0.110.1>, #PID<0.110.0>, #PID<0.9.0>, #Port<0.5>, #Port<0.1>, #Reference<0.2.2.3>, #Reference<0.1.2.4>, #Reference<0.1.2.3>, :é, nil, :b, :aa, :a, :Z, 12345678901234567890123, 9007199254740993, 9007199254740992.0, 3, 2, 2.0, 1.5, -2, -1.0e30]";

describe('Erlang term order', () => {
  const items = listToArray(decodeEtf(SHUFFLED)).items;
  it('sorts a mixed list exactly as Enum.sort', () => {
    expect(inspect(list([...items].sort(compare)), { limit: Infinity })).toBe(SORTED);
  });
  it('sorts descending exactly as Enum.sort(list, :desc)', () => {
    expect(inspect(list([...items].sort((a, b) => compare(b, a))), { limit: Infinity })).toBe(SORTED_DESC);
  });
  it('orders types number < atom < reference < fun < port < pid < tuple < map < list < bitstring', () => {
    const pid = new Pid(atom('a@b'), 1, 0, 0);
    expect(compare(1, atom('a'))).toBe(-1);
    expect(compare(pid, tuple())).toBe(-1);
    expect(compare(tuple(), mapFromPairs([]))).toBe(-1);
    expect(compare(mapFromPairs([]), NIL)).toBe(-1);
    expect(compare(NIL, str(''))).toBe(-1);
    expect(compare(str(''), NIL)).toBe(1);
  });
  it('compares integers and floats by value, and 1 with 1.0 as equal', () => {
    expect(compare(1, new Float(1))).toBe(0);
    expect(compare(new Float(1.5), 2)).toBe(-1);
    expect(compare(9007199254740993n, new Float(9007199254740992))).toBe(1);
    expect(compare(-(10n ** 30n), new Float(-1e29))).toBe(-1);
    expect(compare(new Float(Infinity), 10n ** 400n)).toBe(1);
  });
  it('map-key order puts every integer before every float', () => {
    expect(compareKeys(2, new Float(1.5))).toBe(-1);
    expect(compareKeys(tuple(2), tuple(new Float(1.5)))).toBe(-1);
    expect(compare(tuple(2), tuple(new Float(1.5)))).toBe(1);
  });
  it('orders atoms and binaries by UTF-8 bytes (astral after U+FFFD)', () => {
    expect(compare(atom('\uFFFD'), atom('\u{1F600}'))).toBe(-1);
    expect(compare(str('\uFFFD'), str('\u{1F600}'))).toBe(-1);
    expect(compare(Binary.fromBytes(new Uint8Array([255])), str('z'))).toBe(1);
    expect(compare(str('ab'), str('abc'))).toBe(-1);
  });
  it('compares 1,000,000-element lists without recursion on the tail', () => {
    const a: Term[] = Array.from({ length: 1_000_000 }, (_, i) => i);
    const b = [...a];
    b[999_999] = 1_000_000;
    expect(compare(list(a), list(b))).toBe(-1);
    expect(compare(list(a), list([...a]))).toBe(0);
    expect(compare(list(a), list(a.slice(1)))).toBe(-1);
  });
  it('compares improper tails', () => {
    expect(compare(list([1], 2), list([1, 2]))).toBe(-1);
    expect(compare(list([1], 3), list([1], 2))).toBe(1);
  });
});
