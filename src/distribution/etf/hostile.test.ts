/**
 * The decoder faces bytes from other machines: every malformed input must come back as an
 * error value, quickly, without throwing, recursing without bound, or allocating by a length
 * field it has not checked. Includes a seeded fuzz run over mutated valid encodings.
 */
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../core/ports.ts';
import { atom, list, tuple, type Term } from '../../core/term/types.ts';
import { decodeTerm, type DecodeResult } from './decode.ts';
import { encodeTerm } from './encode.ts';
import { GOLDEN } from './golden-data.ts';
import { unhex } from './test-util.ts';
import { MAX_BIG_DIGITS, fromMagnitude, magnitudeBytes } from './bigint.ts';

const err = (r: DecodeResult): string => (r.ok ? 'ok' : r.error);
const bytes = (...xs: number[]): Uint8Array => new Uint8Array(xs);

describe('hostile input', () => {
  it('every strict prefix of a valid encoding is an error, never a throw', () => {
    for (const h of Object.values(GOLDEN)) {
      const full = unhex(h);
      for (let n = 0; n < full.length; n++) {
        const r = decodeTerm(full.subarray(0, n));
        expect(r.ok).toBe(false);
        expect(err(r)).not.toMatch(/^decode failed/);
      }
    }
  });

  it('rejects bad version bytes, unknown tags and atom cache refs', () => {
    expect(err(decodeTerm(bytes(130, 97, 1)))).toBe('bad version byte 130');
    expect(err(decodeTerm(bytes(131, 200)))).toBe('unknown tag 200 at offset 1');
    expect(err(decodeTerm(bytes(131, 82, 0)))).toBe('atom cache references are not supported');
    expect(err(decodeTerm(bytes(131, 104, 1, 131, 97, 1)))).toBe('unexpected version byte inside a term at offset 3');
    expect(err(decodeTerm(bytes(131, 117)))).toBe('old FUN_EXT funs are not supported');
  });

  it('checks length fields against the remaining bytes before allocating', () => {
    const huge = [0xff, 0xff, 0xff, 0xff];
    expect(err(decodeTerm(bytes(131, 109, ...huge, 1, 2)))).toMatch(/^truncated input: need 4294967295 bytes/);
    expect(err(decodeTerm(bytes(131, 111, ...huge, 0)))).toBe('integer of 4294967295 bytes exceeds the system limit of 4194296 bytes');
    expect(err(decodeTerm(bytes(131, 105, ...huge, 97, 1)))).toMatch(/^container of 4294967295 elements exceeds/);
    expect(err(decodeTerm(bytes(131, 116, ...huge, 97, 1)))).toMatch(/^container of 4294967295 elements exceeds/);
    expect(err(decodeTerm(bytes(131, 108, ...huge, 106)))).toMatch(/^container of 4294967296 elements exceeds/);
    expect(err(decodeTerm(bytes(131, 107, 0xff, 0xff, 1)))).toMatch(/^truncated input/);
    expect(err(decodeTerm(bytes(131, 77, ...huge, 8)))).toMatch(/^truncated input/);
    // NEW_FUN_EXT: both its Size and its NumFree are checked.
    expect(err(decodeTerm(bytes(131, 112, ...huge, 1)))).toMatch(/^truncated input/);
    const fun = unhex('83700000004601b325452b704aaa7755bc29ee6ac8f7090000000000000000770466756e7361006205992a2958770d6e6f6e6f6465406e6f686f7374000000090000000000000000');
    fun.set([0x7f, 0, 0, 0], 2 + 4 + 1 + 16 + 4); // NumFree
    expect(err(decodeTerm(fun))).toMatch(/^fun claims 2130706432 free variables/);
    const badSize = unhex('83700000004601b325452b704aaa7755bc29ee6ac8f7090000000000000000770466756e7361006205992a2958770d6e6f6e6f6465406e6f686f7374000000090000000000000000');
    badSize[5] = 0x40;
    expect(err(decodeTerm(new Uint8Array([...badSize, 0, 0, 0, 0, 0, 0])))).toMatch(/^fun size field says/);
    expect(err(decodeTerm(bytes(131, 90, 0, 6, 119, 1, 97)))).toBe('reference with 6 id words');
  });

  it('limits nesting depth; 1,000,000 nested tuples fail fast without a stack overflow', () => {
    const deep = (n: number): Uint8Array => {
      const b = new Uint8Array(1 + 2 * n + 1);
      b[0] = 131;
      for (let i = 0; i < n; i++) b.set([104, 1], 1 + 2 * i);
      b[1 + 2 * n] = 106;
      return b;
    };
    expect(decodeTerm(deep(10_000)).ok).toBe(true);
    expect(err(decodeTerm(deep(10_001)))).toBe('nesting deeper than 10000');
    expect(err(decodeTerm(deep(1_000_000)))).toBe('nesting deeper than 10000');
    expect(err(decodeTerm(deep(50), 0, { maxDepth: 10 }))).toBe('nesting deeper than 10');
  });

  it('folds a 200,000-long chain of nested LIST_EXT tails into one list (no depth cost)', () => {
    const n = 200_000;
    const b = new Uint8Array(1 + n * 7 + 1);
    b[0] = 131;
    for (let i = 0; i < n; i++) b.set([108, 0, 0, 0, 1, 97, i % 256], 1 + 7 * i);
    b[1 + 7 * n] = 106;
    const r = decodeTerm(b);
    if (!r.ok) throw new Error(r.error);
    let len = 0;
    for (let t: Term = r.term; typeof t === 'object' && t.kind === 'cons'; t = t.tail) len++;
    expect(len).toBe(n);
  });

  it('rejects atoms over 255 characters, invalid UTF-8 atoms, duplicate map keys, bad floats', () => {
    const long = new TextEncoder().encode('a'.repeat(256));
    expect(err(decodeTerm(bytes(131, 118, 1, 0, ...long)))).toBe('atom longer than 255 characters');
    expect(err(decodeTerm(bytes(131, 100, 1, 0, ...long)))).toBe('atom longer than 255 characters');
    expect(decodeTerm(bytes(131, 119, 255, ...long.subarray(1))).ok).toBe(true);
    expect(err(decodeTerm(bytes(131, 119, 2, 0xc3, 0x28)))).toBe('invalid UTF-8 in atom at offset 3');
    expect(err(decodeTerm(bytes(131, 116, 0, 0, 0, 2, 97, 1, 97, 2, 97, 1, 97, 3)))).toBe('map with a duplicate key');
    expect(err(decodeTerm(bytes(131, 70, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0)))).toBe('float is NaN or infinite');
    expect(err(decodeTerm(bytes(131, 110, 1, 2, 5)))).toBe('bad bignum sign byte 2');
  });

  it('compressed terms: size checked first; an error without an inflate port; decoded with one', () => {
    const beam = unhex('835000000326789ccb61606048496160cd48cdc9c91fa547e9511a93ce02003410fa0f');
    expect(err(decodeTerm(beam))).toBe('compressed terms not supported');
    expect(err(decodeTerm(bytes(131, 80, 0xff, 0xff, 0xff, 0xff, 1, 2)))).toBe('compressed term too large (4294967295 bytes)');
    const r = decodeTerm(beam, 0, { inflate: (d) => new Uint8Array(inflateSync(d)) });
    expect(r.ok && encodeTerm(r.term)).toEqual(encodeTerm(list(Array.from({ length: 100 }, () => atom('hello')))));
    expect(err(decodeTerm(beam, 0, { inflate: () => new Uint8Array(3) }))).toBe('bad compressed term');
  });

  it('fuzz: 30,000 seeded mutations and truncations decode to ok or an error, never a throw', () => {
    const rnd = new SeededRandom(0xc0ffee);
    const int = (n: number): number => Math.floor(rnd.next() * n);
    const seeds = [...Object.values(GOLDEN).map(unhex),
      encodeTerm(tuple(list([1, 2], 3), atom('x'), tuple(tuple(tuple())))),
      unhex('8370000000b101065361aa461590d1bdf1eb62d1a6eb080000002a00000001770865726c5f6576616c612a6200329b0d58770d6e6f6e6f6465406e6f686f7374000000090000000000000000680661016a77046e6f6e6577046e6f6e6574000000006c0000000168057706636c6175736561016c000000016803770376617261017701586a6a6c00000001680577026f70610177012b68037703766172610177015868037707696e7465676572610161016a6a')];
    const interesting = [0, 1, 0x7f, 0x80, 0xff, 70, 77, 88, 97, 98, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113, 116, 118, 119];
    let ok = 0;
    let errors = 0;
    for (let i = 0; i < 30_000; i++) {
      const src = seeds[int(seeds.length)] as Uint8Array;
      let b = Uint8Array.from(src);
      const edits = 1 + int(4);
      for (let e = 0; e < edits; e++) {
        const at = int(b.length);
        switch (int(5)) {
          case 0: b[at] = int(256); break;
          case 1: b[at] = interesting[int(interesting.length)] as number; break;
          case 2: b = b.subarray(0, at); break;
          case 3: b = Uint8Array.from([...b.subarray(0, at), int(256), ...b.subarray(at)]); break;
          case 4: b = Uint8Array.from([...b, ...b.subarray(at, at + 1 + int(8))]); break;
        }
      }
      let r: DecodeResult;
      try {
        r = decodeTerm(b);
      } catch (e) {
        throw new Error(`decodeTerm threw on ${Array.from(b).join(',')}: ${String(e)}`);
      }
      if (r.ok) ok++;
      else {
        errors++;
        // "decode failed:" is the catch-all for unexpected exceptions: there must be none.
        expect(r.error, Array.from(b).join(',')).not.toMatch(/^decode failed/);
      }
    }
    expect(ok + errors).toBe(30_000);
    expect(ok).toBeGreaterThan(1000);
    expect(errors).toBeGreaterThan(1000);
  });
});

describe('bignums: linear conversion, bounded by BEAM\'s own limit', () => {
  // OTP 25 (real erl): `1 bsl 33554367` is the largest power of two it holds; binary_to_term of a
  // LARGE_BIG_EXT with 4,194,296 digit bytes works, with 4,194,297 it raises badarg.
  const largeBig = (digits: number, top: number): Uint8Array => {
    const b = new Uint8Array(7 + digits); // 131, 111, Length:32, Sign, digits
    b.set([131, 111]);
    new DataView(b.buffer).setUint32(2, digits);
    b[7 + digits - 1] = top;
    return b;
  };

  it('the largest bignum BEAM holds decodes to its value and encodes back to the same bytes', () => {
    expect(MAX_BIG_DIGITS).toBe(4_194_296);
    const bytes = largeBig(MAX_BIG_DIGITS, 0x80);
    const r = decodeTerm(bytes);
    if (!r.ok) throw new Error(r.error);
    expect(r.term === 1n << 33_554_367n).toBe(true);
    // (Buffer#equals: toEqual walks 4 MB element by element for half a minute.)
    expect(Buffer.from(encodeTerm(r.term)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('one digit more is refused from its header alone, before any digit is read or converted', () => {
    const header = largeBig(MAX_BIG_DIGITS + 1, 1).subarray(0, 7);
    expect(err(decodeTerm(header))).toBe('integer of 4194297 bytes exceeds the system limit of 4194296 bytes');
    expect(() => encodeTerm(1n << 33_554_368n)).toThrow('integer of 4194297 bytes exceeds the system limit of 4194296 bytes');
  });

  it('digits of every value come back exactly, odd and even hex lengths, both signs', () => {
    for (const n of [1n, 256n, 4095n, 65535n, 0x1234567n, -0xabcdef0123n]) expect(fromMagnitude(magnitudeBytes(n), n < 0n)).toBe(n);
    for (const n of [1n << 64n, -(1n << 63n) - 1n, 0x123456789abcdef01n, -0xabcdef0123456789n, (1n << 2048n) - 1n]) {
      const r = decodeTerm(encodeTerm(n));
      expect(r.ok && r.term).toBe(n);
    }
  });
});
