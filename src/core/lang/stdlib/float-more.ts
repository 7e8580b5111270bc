/**
 * Float.floor/2, Float.ceil/2 (to a number of decimal digits), Float.ratio/1 and Float.pow/2,
 * as Elixir 1.14 computes them: on the float's exact binary value, so
 * `Float.floor(12.52, 2)` is 12.51 (12.52 is stored as 12.5199999...), as in real iex.
 */
import { Tuple, type Term } from '../../term/types.ts';
import { argumentError } from '../errors.ts';
import { at, defineBifs } from './define.ts';
import { functionClause } from './errors.ts';
import { isFloat, isInt, mkFloat, toJsNumber } from './values.ts';

/** `x` as `m * 2^e` exactly (m an integer). */
function exact(x: number): { m: bigint; e: number } {
  if (x === 0) return { m: 0n, e: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? -1n : 1n;
  const expBits = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const m = expBits === 0 ? frac : frac | (1n << 52n);
  return { m: sign * m, e: (expBits === 0 ? 1 : expBits) - 1075 };
}

/** floor (down) or ceil (up) of n/d for d > 0. */
function divRound(n: bigint, d: bigint, up: boolean): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  if (up) return n > 0n ? q + 1n : q;
  return n < 0n ? q - 1n : q;
}

function roundTo(name: 'floor' | 'ceil', a: readonly Term[]): Term {
  const [x, p] = [at(a, 0), at(a, 1)];
  if (!isFloat(x)) {
    return functionClause('Float', name, 2, [x, p], [
      `def ${name}(number, -0-) when -is_float(number)-`,
      `def ${name}(number, precision) when -is_float(number)- and is_integer(precision) and precision >= 0 and precision <= 15`,
      `def ${name}(number, precision) when -is_float(number)-`,
    ]);
  }
  if (typeof p !== 'number' || p < 0 || p > 15) return argumentError(`precision ${typeof p === 'number' ? p : '?'} is out of valid range of 0..15`);
  const { m, e } = exact(x.value);
  const scale = 10n ** BigInt(p);
  const q = e >= 0 ? (m << BigInt(e)) * scale : divRound(m * scale, 1n << BigInt(-e), name === 'ceil');
  const v = Number(`${q}e-${p}`);
  return mkFloat(v === 0 ? 0 : v);
}

export const floatMoreBifs = defineBifs('Elixir.Float', {
  'floor/2': (a) => roundTo('floor', a),
  'ceil/2': (a) => roundTo('ceil', a),
  'ratio/1': (a) => {
    const x = at(a, 0);
    if (!isFloat(x)) return functionClause('Float', 'ratio', 1);
    let { m, e } = exact(x.value);
    if (m === 0n) return new Tuple([0, 1]);
    for (; e < 0 && (m & 1n) === 0n; e++) m >>= 1n;
    const [num, den] = e >= 0 ? [m << BigInt(e), 1n] : [m, 1n << BigInt(-e)];
    const small = (b: bigint): Term => (b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b);
    return new Tuple([small(num), small(den)]);
  },
  'pow/2': (a) => {
    const [x, y] = [at(a, 0), at(a, 1)];
    if (!isFloat(x) || !(isInt(y) || isFloat(y))) return functionClause('Float', 'pow', 2);
    const r = Math.pow(x.value, toJsNumber(y));
    if (!Number.isFinite(r)) return argumentError('bad argument in arithmetic expression');
    return mkFloat(r);
  },
});
