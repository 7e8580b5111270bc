import { describe, expect, it } from 'vitest';
import { Binary, Float, Fun, NIL, Pid, Port, Ref, atom, list, str, tuple, type Term } from './types.ts';
import { equals, strictEquals } from './equality.ts';
import { mapFromPairs } from './map.ts';

const f = (x: number): Float => new Float(x);
const node = atom('one@vm');

// [a, b, a == b, a === b], checked against real Elixir 1.14 / OTP 25.
const cases: [Term, Term, boolean, boolean][] = [
  [1, 1, true, true],
  [1, f(1), true, false],
  [f(1), 1, true, false],
  [f(1.5), f(1.5), true, true],
  [f(0), f(-0), true, true], // OTP 25: 0.0 == -0.0 and 0.0 === -0.0
  [1, 2, false, false],
  [2n ** 70n, 2n ** 70n, true, true],
  [2n ** 70n, f(2 ** 70), true, false],
  [9007199254740993n, f(9007199254740992), false, false], // exact, as BEAM
  [atom('a'), atom('a'), true, true],
  [atom('a'), str('a'), false, false],
  [1, str('1'), false, false],
  [str('héllo'), Binary.fromBytes(new TextEncoder().encode('héllo')), true, true],
  [Binary.fromBytes(new Uint8Array([255, 1])), Binary.fromBytes(new Uint8Array([255, 1])), true, true],
  [Binary.fromBytes(new Uint8Array([255, 1])), Binary.fromBytes(new Uint8Array([255, 2])), false, false],
  [Binary.fromBytes(new Uint8Array([0xef, 0xbb, 0xbf, 97])), str('a'), false, false], // a BOM is content
  [tuple(1, f(2)), tuple(1, 2), true, false],
  [tuple(1, 2), tuple(1, 2, 3), false, false],
  [list([1, 2]), list([1, f(2)]), true, false],
  [list([1], 2), list([1], 2), true, true],
  [list([1], 2), list([1, 2]), false, false],
  [NIL, list([]), true, true],
  [mapFromPairs([[atom('a'), 1]]), mapFromPairs([[atom('a'), f(1)]]), true, false],
  [mapFromPairs([[1, atom('a')]]), mapFromPairs([[f(1), atom('a')]]), false, false], // keys compare exactly
  [new Pid(node, 110, 0, 1), new Pid(node, 110, 0, 1), true, true],
  [new Pid(node, 110, 0, 1), new Pid(node, 110, 0, 2), false, false],
  [new Pid(node, 110, 0, 1), new Pid(atom('two@vm'), 110, 0, 1), false, false],
  [new Ref(node, 1, [1, 2, 3]), new Ref(node, 1, [1, 2, 3]), true, true],
  [new Ref(node, 1, [1, 2, 3]), new Ref(node, 1, [1, 2, 4]), false, false],
  [new Port(node, 5, 1), new Port(node, 5, 1), true, true],
];

describe('equals / strictEquals', () => {
  it.each(cases)('%o vs %o', (a, b, eq, strict) => {
    expect(equals(a, b)).toBe(eq);
    expect(strictEquals(a, b)).toBe(strict);
    expect(equals(b, a)).toBe(eq);
    expect(strictEquals(b, a)).toBe(strict);
  });

  it('compares funs by code and captured values', () => {
    const code = {};
    const info = { type: 'local', module: atom('erl_eval'), name: '-expr/6-fun-2-', index: 43, uniq: 1 } as const;
    expect(equals(new Fun(0, info, code, [1, str('x')]), new Fun(0, info, code, [1, str('x')]))).toBe(true);
    expect(equals(new Fun(0, info, code, [1]), new Fun(0, info, code, [2]))).toBe(false);
    expect(equals(new Fun(0, info, code, null), new Fun(0, info, {}, null))).toBe(false);
  });

  it('compares 1,000,000-element lists without stack overflow', () => {
    const a = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(equals(list(a), list(a))).toBe(true);
    expect(strictEquals(list(a), list(a.map((x) => f(x))))).toBe(false);
    expect(equals(list(a), list(a.map((x) => f(x))))).toBe(true);
    const b = [...a];
    b[999_999] = -1;
    expect(equals(list(a), list(b))).toBe(false);
  });
});
