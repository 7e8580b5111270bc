/**
 * Byte-exact comparison with real BEAM: every term below is encoded by our encoder and compared
 * with OTP 25's `term_to_binary(T, [{minor_version, 2}])` bytes (golden-data.ts), then decoded
 * back from BEAM's bytes and compared structurally.
 */
import { describe, expect, it } from 'vitest';
import {
  Binary, Float, Fun, Pid, Port, Ref, NIL, atom, list, str, tuple, type Term,
} from '../../core/term/types.ts';
import { decodeTerm } from './decode.ts';
import { encodeTerm } from './encode.ts';
import { GOLDEN } from './golden-data.ts';
import { hex, map, termEq, unhex } from './test-util.ts';

const a = atom;
const f = (v: number): Float => new Float(v);
const one = a('one@vm');
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

const TERMS: Record<string, Term> = {
  'atom ok': a('ok'),
  'atom true': a('true'),
  'atom unicode': a('héllo'),
  'atom cjk': a('日本語'),
  'atom 255 ascii chars': a('a'.repeat(255)),
  'atom 100 cjk chars (300 bytes)': a('日'.repeat(100)),
  'atom Elixir.Enum': a('Elixir.Enum'),
  'int 0': 0, 'int 255': 255, 'int 256': 256, 'int -1': -1,
  'int 2^31-1': 2147483647, 'int -2^31': -2147483648,
  'int 2^31': 2147483648, 'int -2^31-1': -2147483649,
  'int 2^53': 2n ** 53n, 'int 2^64': 2n ** 64n, 'int -2^64': -(2n ** 64n),
  'int 2^2048 (LARGE_BIG)': 2n ** 2048n, 'int -(2^2048+1)': -(2n ** 2048n + 1n),
  'float 1.5': f(1.5), 'float -0.0': f(-0), 'float 0.1': f(0.1), 'float 1.0e300': f(1e300),
  'float -2.5e-300': f(-2.5e-300),
  'binary empty': str(''), 'binary hello': str('hello'),
  'binary bytes': Binary.fromBytes(new Uint8Array([0, 255, 128])),
  'binary utf8': str('héllo ✓'),
  'nil': NIL, 'string abc': list([97, 98, 99]), 'string bytes 0 255': list([0, 255]),
  'list unicode chars': list([1000, 97]), 'list improper': list([1, 2], 3),
  'list atoms': list([a('a'), a('b')]), 'list nested': list([NIL, list([1]), str('x')]),
  'list improper binary tail': list([a('a')], str('t')),
  'keyword': list([tuple(a('a'), 1), tuple(a('b'), str('x'))]),
  'tuple empty': tuple(), 'tuple pair': tuple(a('a'), 1), 'tuple 300': tuple(...range(300)),
  'map empty': map([]), 'map one': map([[a('a'), 1]]),
  'map mixed keys': map([
    [1, a('a')], [f(1), a('b')], [a('a'), a('c')], [str('x'), a('d')], [tuple(1), a('e')],
    [list([1]), a('f')], [NIL, a('g')], [2, a('h')], [-1, a('i')], [f(0.5), a('j')], [a('b'), a('k')], [a('aa'), a('l')],
  ]),
  'map atom order': map([[a('ab'), 1], [a('b'), 2], [a('é'), 3], [a('z'), 4], [a('Z'), 5]]),
  'map tuple/binary keys': map([
    [tuple(a('a'), a('b')), 1], [tuple(a('a')), 2], [tuple(a('b')), 3], [str('b'), 4], [str('ab'), 5], [str('a'), 6],
  ]),
  'map bignum key': map([[3, a('a')], [9007199254740993n, a('b')], [f(2), a('c')], [1, a('d')]]),
  'struct-like': map([[a('__struct__'), a('Elixir.URI')], [a('host'), str('x')], [a('port'), 80]]),
  'nested': tuple(a('ok'), list([map([[str('k'), tuple(f(1.5), list([a('x')]))]])])),
  'pid nonode': new Pid(a('nonode@nohost'), 10, 20, 0),
  'pid crafted': new Pid(one, 5, 0, 1795526716),
  'ref crafted': new Ref(one, 1795526716, [1, 2, 3]),
  'ref 5 words': new Ref(a('two@vm'), 7, [1, 2, 3, 4, 5]),
  'port crafted': new Port(one, 42, 9),
  'port v4': new Port(one, 4294967296, 9),
  'export fun': new Fun(2, { type: 'export', module: a('lists'), name: a('map') }, null, null),
  'export fun elixir': new Fun(2, { type: 'export', module: a('Elixir.Enum'), name: a('map') }, null, null),
  'tuple of pids': tuple(new Pid(one, 5, 0, 1), new Pid(a('two@vm'), 6, 1, 2)),
};

describe('ETF against OTP 25 term_to_binary', () => {
  it('covers every golden case', () => {
    expect(Object.keys(TERMS).sort()).toEqual(Object.keys(GOLDEN).sort());
    expect(Object.keys(TERMS).length).toBeGreaterThanOrEqual(30);
  });

  for (const [name, term] of Object.entries(TERMS)) {
    it(`encodes ${name} byte-exact and decodes BEAM's bytes back`, () => {
      const expected = GOLDEN[name] as string;
      expect(hex(encodeTerm(term))).toBe(expected);
      const bytes = unhex(expected);
      const r = decodeTerm(bytes);
      if (!r.ok) throw new Error(r.error);
      expect(r.next).toBe(bytes.length);
      expect(termEq(r.term, term)).toBe(true);
    });
  }
});

describe('term_to_binary/1 as OTP 25 writes it', () => {
  it('writes Latin-1 atoms as ATOM_EXT and others as UTF-8', async () => {
    const { termToBinary } = await import('./encode.ts');
    const { atom, tuple } = await import('../../core/term/types.ts');
    // :erlang.term_to_binary(:a) and ({:a, :é, :ok}) on OTP 25.
    expect([...termToBinary(atom('a'))]).toEqual([131, 100, 0, 1, 97]);
    expect([...termToBinary(tuple(atom('ok'), atom('日')))]).toEqual([131, 104, 2, 100, 0, 2, 111, 107, 119, 3, 230, 151, 165]);
  });
});
