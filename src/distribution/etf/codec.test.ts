/** Round trips, canonical integers, funs (with and without the language layer's hooks). */
import { describe, expect, it } from 'vitest';
import {
  Binary, Bitstring, Float, Fun, NIL, Pid, atom, list, str, tuple, type Term,
} from '../../core/term/types.ts';
import { decodeTerm, type DecodeOptions } from './decode.ts';
import { EtfEncodeError, encodeTerm, type EncodeOptions } from './encode.ts';
import type { FunHooks } from './fun-hooks.ts';
import { hex, map, termEq, unhex } from './test-util.ts';

function roundTrip(t: Term, enc: EncodeOptions = {}, dec: DecodeOptions = {}): Term {
  const bytes = encodeTerm(t, enc);
  const r = decodeTerm(bytes, 0, dec);
  if (!r.ok) throw new Error(r.error);
  expect(r.next).toBe(bytes.length);
  return r.term;
}

function nest(depth: number): Term {
  let t: Term = NIL;
  for (let i = 0; i < depth; i++) t = list([t]);
  return t;
}

const closure = (name: string, env: Term): Fun =>
  new Fun(1, { type: 'local', module: atom('erl_eval'), name, index: 42, uniq: 3316493 }, { compiled: name }, env);

describe('round trips', () => {
  const cases: [string, Term][] = [
    ['integers at every boundary', list([0, 255, 256, -1, -256, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1,
      Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 2n ** 53n, -(2n ** 53n), 2n ** 64n - 1n, -(2n ** 2100n)])],
    ['floats', list([new Float(0), new Float(-0), new Float(Number.MAX_VALUE), new Float(Number.MIN_VALUE), new Float(-1e-310)])],
    ['unicode strings and atoms', tuple(str('añ日本😀'), atom('😀'), atom('Elixir.Ünïcode'))],
    ['non-UTF-8 binary', Binary.fromBytes(new Uint8Array([0xff, 0xfe, 0x00]))],
    ['improper lists', list([list([1], 2), list([atom('a'), str('b')], new Float(1))])],
    ['maps in maps', map([[map([[1, 2]]), map([[str('k'), list([])]])], [tuple(), NIL]])],
    ['70,000 bytes list (too long for STRING_EXT)', list(Array.from({ length: 70000 }, (_, i) => i % 256))],
    ['large binary', Binary.fromBytes(new Uint8Array(1 << 20).fill(7))],
    ['tuple of 70,000', tuple(...Array.from({ length: 70000 }, (_, i) => i))],
    ['nesting 9,999 deep', nest(9_999)],
  ];
  for (const [name, t] of cases) {
    it(name, () => {
      const back = roundTrip(t);
      // Compare via bytes: termEq recurses and would be the weak point for deep terms.
      expect(hex(encodeTerm(back))).toBe(hex(encodeTerm(t)));
      if (name !== 'nesting 9,999 deep') expect(termEq(back, t)).toBe(true);
    });
  }

  it('decodes integers to canonical form (number when safe, bigint beyond)', () => {
    // SMALL_BIG_EXT holding 5: non-canonical on the wire, canonical after decoding.
    const r = decodeTerm(unhex('836e01000' + '5'));
    expect(r.ok && r.term).toBe(5);
    expect(roundTrip(2n ** 53n - 1n)).toBe(2 ** 53 - 1);
    expect(roundTrip(2n ** 53n)).toBe(2n ** 53n);
    // A bigint that fits in 32 bits is written as INTEGER_EXT, as BEAM would.
    expect(hex(encodeTerm(-5n))).toBe('8362fffffffb');
  });

  it('encodes a 1,000,000-cell list and a 100,000-deep nest without recursion', () => {
    const long = list(Array.from({ length: 1_000_000 }, () => atom('x')));
    expect(encodeTerm(long).length).toBe(1 + 5 + 1_000_000 * 3 + 1);
    expect(encodeTerm(nest(100_000)).length).toBe(1 + 100_000 * 6 + 1);
  });

  it('omits the version byte on request (dist header packets)', () => {
    const b = encodeTerm(atom('ok'), { versionByte: false });
    expect(hex(b)).toBe('77026f6b');
    const r = decodeTerm(b, 0, { versionByte: false });
    expect(r.ok && r.term).toBe(atom('ok'));
  });

  it('decodes at an offset and reports where the term ended', () => {
    const b = new Uint8Array([0xaa, ...encodeTerm(1), ...encodeTerm(2)]);
    const r1 = decodeTerm(b, 1);
    expect(r1).toEqual({ ok: true, term: 1, next: 4 });
    const r2 = decodeTerm(b, r1.ok ? r1.next : 0);
    expect(r2).toEqual({ ok: true, term: 2, next: 7 });
  });

  it('decodes legacy atoms (100/115, Latin-1), PID_EXT, FLOAT_EXT', () => {
    expect(decodeTerm(unhex('836400026f6b'))).toMatchObject({ ok: true, term: atom('ok') });
    expect(decodeTerm(unhex('837302e9e8'))).toMatchObject({ ok: true, term: atom('éè') });
    const floatExt = new Uint8Array([131, 99, ...new TextEncoder().encode('1.50000000000000000000e+00'), 0, 0, 0, 0, 0]);
    const f = decodeTerm(floatExt);
    expect(f.ok && (f.term as Float).value).toBe(1.5);
    const pid = decodeTerm(unhex('8367' + '7706' + hex(new TextEncoder().encode('one@vm')) + '00000005' + '00000000' + '03'));
    expect(pid.ok && termEq(pid.term, new Pid(atom('one@vm'), 5, 0, 3))).toBe(true);
  });

  it('BIT_BINARY_EXT: 8 bits in the last byte is a binary, 1..7 a bitstring, padding cleared, as OTP 25 decodes', () => {
    const ab = decodeTerm(unhex('834d00000002086162'));
    expect(ab.ok && termEq(ab.term, Binary.fromString('ab'))).toBe(true);
    // erl: binary_to_term(<<131,77,0,0,0,1,3,255>>) =:= <<7:3>>, <<131,77,0,0,0,0,0>> =:= <<>>
    const b = decodeTerm(unhex('834d0000000103ff'));
    expect(b.ok && termEq(b.term, new Bitstring(new Uint8Array([0xe0]), 3))).toBe(true);
    const empty = decodeTerm(unhex('834d0000000000'));
    expect(empty.ok && termEq(empty.term, Binary.fromString(''))).toBe(true);
    // badarg in OTP: 0 bits with data, 9 bits, bits with no data.
    for (const h of ['834d000000010005', '834d000000010905', '834d0000000003', '834d0000000008']) expect(decodeTerm(unhex(h)).ok).toBe(false);
  });

  it('encodes bitstrings byte-exact against OTP 25 term_to_binary', () => {
    // erl: term_to_binary(<<1:3>>), term_to_binary(<<255,1:1>>), term_to_binary({<<"a">>, <<5:7>>})
    expect(hex(encodeTerm(new Bitstring(new Uint8Array([0x20]), 3)))).toBe('834d0000000103' + '20');
    expect(hex(encodeTerm(new Bitstring(new Uint8Array([255, 128]), 9)))).toBe('834d0000000201ff80');
    expect(hex(encodeTerm(tuple(Binary.fromString('a'), new Bitstring(new Uint8Array([10]), 7))))).toBe('8368026d00000001614d00000001070a');
  });

  it('refuses to encode what no Erlang term can be', () => {
    expect(() => encodeTerm(new Float(NaN))).toThrow(EtfEncodeError);
    expect(() => encodeTerm(atom('a'.repeat(256)))).toThrow(EtfEncodeError);
  });
});

describe('funs', () => {
  it('export funs round-trip', () => {
    const f = new Fun(3, { type: 'export', module: atom('Elixir.Enum'), name: atom('reduce') }, null, null);
    expect(termEq(roundTrip(f), f)).toBe(true);
  });

  it('without hooks a closure travels with no free variables and decodes with code: null', () => {
    const back = roundTrip(closure('-expr/6-fun-3-', str('env'))) as Fun;
    expect(back.kind).toBe('fun');
    expect(back.arity).toBe(1);
    expect(back.code).toBeNull();
    expect(back.env).toEqual([]);
    expect(back.info).toEqual({ type: 'local', module: atom('erl_eval'), name: '', index: 42, uniq: 3316493 });
  });

  // A stand-in for the language layer: the payload is the name and env as terms.
  const hooks: FunHooks = {
    funToTerms: (fun) => {
      if (fun.info.type !== 'local') throw new Error('not a closure');
      return { module: fun.info.module, index: fun.info.index, uniq: fun.info.uniq, freeVars: [str(fun.info.name), fun.env as Term] };
    },
    funFromTerms: (d) => {
      const [name, env] = d.freeVars;
      if (!(name instanceof Binary) || env === undefined) return 'payload is not [name, env]';
      return closure(name.text ?? '', env);
    },
  };

  it('with hooks a closure carries its payload, also nested inside another closure', () => {
    const inner = closure('inner', list([1, 2, 3]));
    const outer = closure('outer', tuple(inner, str('x'.repeat(1000))));
    const back = roundTrip(outer, { hooks }, { hooks }) as Fun;
    expect(back.code).toEqual({ compiled: 'outer' });
    const env = back.env as Term;
    expect(termEq(env, tuple(inner, str('x'.repeat(1000))))).toBe(true);
    const innerBack = (env as ReturnType<typeof tuple>).elements[0] as Fun;
    expect(innerBack.code).toEqual({ compiled: 'inner' });
  });

  it('a hook that rejects or throws becomes an error value', () => {
    const bytes = encodeTerm(closure('f', NIL), { hooks });
    expect(decodeTerm(bytes, 0, { hooks: { funFromTerms: () => 'nope' } })).toEqual({ ok: false, error: 'bad fun payload: nope' });
    const r = decodeTerm(bytes, 0, { hooks: { funFromTerms: () => { throw new Error('boom'); } } });
    expect(r).toEqual({ ok: false, error: 'decode failed: boom' });
  });

  it("decodes real BEAM closures (a compiled fun and an erl_eval fun with its code in the free variables)", () => {
    const compiled = unhex('83700000004601b325452b704aaa7755bc29ee6ac8f7090000000000000000770466756e7361006205992a2958770d6e6f6e6f6465406e6f686f7374000000090000000000000000');
    const c = decodeTerm(compiled);
    expect(c.ok && (c.term as Fun).info).toEqual({ type: 'local', module: atom('funs'), name: '', index: 0, uniq: 93923881 });
    const evalFun = unhex('8370000000b101065361aa461590d1bdf1eb62d1a6eb080000002a00000001770865726c5f6576616c612a6200329b0d58770d6e6f6e6f6465406e6f686f7374000000090000000000000000680661016a77046e6f6e6577046e6f6e6574000000006c0000000168057706636c6175736561016c000000016803770376617261017701586a6a6c00000001680577026f70610177012b68037703766172610177015868037707696e7465676572610161016a6a');
    const e = decodeTerm(evalFun);
    if (!e.ok) throw new Error(e.error);
    const fun = e.term as Fun;
    expect(fun.info).toEqual({ type: 'local', module: atom('erl_eval'), name: '', index: 42, uniq: 3316493 });
    expect((fun.env as Term[]).length).toBe(1);
    expect(e.next).toBe(evalFun.length);
  });
});
