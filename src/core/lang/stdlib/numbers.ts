/**
 * Elixir's Integer and Float modules, and the number parsing String and `:erlang` share.
 * Integers may be bigints; results are canonical (`int`/`normInt`).
 */
import { ERROR, Float, normInt, Tuple, type Term } from '../../term/types.ts';
import { formatFloat } from '../../term/float-format.ts';
import { at, defineBifs } from './define.ts';
import { badarg, functionClause } from './errors.ts';
import { fromArray } from './enumerable.ts';
import { arithmeticError, argumentError } from '../errors.ts';
import { bin, needText } from './text.ts';
import { mkFloat } from './values.ts';
import { inspect } from '../../term/inspect.ts';
import { viaErlang } from './inlined.ts';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** The longest `[+-]digits` prefix in `base`, or null when there is no digit. */
export function parseIntText(s: string, base: number): { value: number | bigint; rest: string } | null {
  let i = 0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    i = 1;
  }
  const start = i;
  let acc = 0n;
  const b = BigInt(base);
  for (; i < s.length; i++) {
    const d = DIGITS.indexOf((s[i] as string).toLowerCase());
    if (d < 0 || d >= base) break;
    acc = acc * b + BigInt(d);
  }
  if (i === start) return null;
  return { value: normInt(neg ? -acc : acc), rest: s.slice(i) };
}

/**
 * A float prefix: `digits.digits[e[+-]digits]` (`strict`, as String.to_float) or also bare
 * `digits[e...]` (Float.parse). Null when none, or when the value overflows.
 */
export function parseFloatText(s: string, strict: boolean): { value: Float; rest: string } | null {
  const re = strict ? /^[+-]?\d+\.\d+(?:[eE][+-]?\d+)?/ : /^[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/;
  const m = re.exec(s);
  if (m === null) return null;
  const x = Number(m[0]);
  if (!Number.isFinite(x)) return null;
  return { value: new Float(x), rest: s.slice(m[0].length) };
}

export function needInt(t: Term, pos = 1): number | bigint {
  return typeof t === 'number' || typeof t === 'bigint' ? t : badarg(pos, 'not an integer');
}

function big(t: number | bigint): bigint {
  return BigInt(t);
}

export function intToString(n: number | bigint, base: number): string {
  return n.toString(base).toUpperCase();
}

/** Integer.parse/2 as Elixir 1.14 has it: a base not in 2..36 first (its clause raises), then a binary. */
function integerParse(s: Term, base: Term): Term {
  if (typeof base !== 'number' || base < 2 || base > 36) return argumentError(`invalid base ${inspect(base)}`);
  if (typeof s !== 'object' || s.kind !== 'binary') {
    return functionClause('Integer', 'parse', 2, [s, base], ['def parse(_binary, base) when -not (is_integer(base) and (base >= 2 and base <= 36))-', 'def parse(binary, base) when -is_binary(binary)-']);
  }
  return parse(needText(s, 'parse', 2), base);
}

function intFn(t: Term, name: string, arity: number): number | bigint {
  return typeof t === 'number' || typeof t === 'bigint' ? t : functionClause('Integer', name, arity);
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

export const integerBifs = defineBifs('Elixir.Integer', {
  // Inlined to :erlang BIFs by Elixir: their errors are the BIF's (inlined.ts).
  'to_string/1': (a, ctx) => viaErlang(ctx, 'integer_to_binary', [at(a, 0)]),
  'to_string/2': (a, ctx) => viaErlang(ctx, 'integer_to_binary', [at(a, 0), at(a, 1)]),
  'to_charlist/1': (a, ctx) => viaErlang(ctx, 'integer_to_list', [at(a, 0)]),
  'to_charlist/2': (a, ctx) => viaErlang(ctx, 'integer_to_list', [at(a, 0), at(a, 1)]),
  'parse/1': (a) => integerParse(at(a, 0), 10),
  'parse/2': (a) => integerParse(at(a, 0), at(a, 1)),
  'digits/1': (a) => digits(intFn(at(a, 0), 'digits', 2), 10),
  'digits/2': (a) => {
    const base = at(a, 1);
    if (typeof base !== 'number' || base < 2) return functionClause('Integer', 'digits', 2);
    return digits(intFn(at(a, 0), 'digits', 2), base);
  },
  'undigits/1': (a) => undigits(a[0] as Term, 10),
  'undigits/2': (a) => undigits(a[0] as Term, at(a, 1) as number),
  'pow/2': (a) => {
    const b = intFn(at(a, 0), 'pow', 2);
    const e = intFn(at(a, 1), 'pow', 2);
    if (e < 0) return arithmeticError();
    return normInt(big(b) ** big(e));
  },
  'gcd/2': (a) => {
    let x = big(intFn(at(a, 0), 'gcd', 2));
    let y = big(intFn(at(a, 1), 'gcd', 2));
    if (x < 0n) x = -x;
    if (y < 0n) y = -y;
    while (y !== 0n) [x, y] = [y, x % y];
    return normInt(x);
  },
  'mod/2': (a) => {
    const x = big(intFn(at(a, 0), 'mod', 2));
    const y = big(intFn(at(a, 1), 'mod', 2));
    if (y === 0n) return arithmeticError();
    const r = x % y;
    return normInt(r !== 0n && (r < 0n) !== (y < 0n) ? r + y : r);
  },
  'floor_div/2': (a) => {
    const x = big(intFn(at(a, 0), 'floor_div', 2));
    const y = big(intFn(at(a, 1), 'floor_div', 2));
    if (y === 0n) return arithmeticError();
    return normInt(floorDiv(x, y));
  },
});

function parse(s: string, base: number): Term {
  const r = parseIntText(s, base);
  return r === null ? ERROR : new Tuple([r.value, bin(r.rest)]);
}

function digits(n: number | bigint, base: number): Term {
  const b = BigInt(base);
  let x = big(n);
  if (x === 0n) return fromArray([0]);
  const out: Term[] = [];
  while (x !== 0n) {
    out.push(normInt(x % b));
    x /= b;
  }
  return fromArray(out.reverse());
}

function undigits(l: Term, base: number): Term {
  let acc = 0n;
  let t = l;
  while (typeof t === 'object' && t.kind === 'cons') {
    const d = t.head;
    if (typeof d !== 'number' || d >= base) return argumentError(`invalid digit ${String(d)} in base ${base}`);
    acc = acc * BigInt(base) + BigInt(d);
    t = t.tail;
  }
  return normInt(acc);
}

function needFloatish(t: Term, name: string, arity: number): number {
  if (typeof t === 'object' && t.kind === 'float') return t.value;
  return functionClause('Float', name, arity);
}

/** Float.round/2: decimal rounding of the exact value. */
function roundTo(x: number, digits: number): number {
  // toFixed rounds the exact binary value, as Elixir does (Float.round(2.675, 2) is 2.67).
  const r = Number(x.toFixed(Math.min(100, Math.max(0, digits))));
  return Object.is(r, -0) ? -0 : r;
}

export const floatBifs = defineBifs('Elixir.Float', {
  'parse/1': (a) => {
    const r = parseFloatText(needText(at(a, 0), 'parse', 1), false);
    return r === null ? ERROR : new Tuple([r.value, bin(r.rest)]);
  },
  'to_string/1': (a) => {
    const t = at(a, 0);
    if (typeof t !== 'object' || t.kind !== 'float') return functionClause('Float', 'to_string', 1, [t], ['def to_string(float) when -is_float(float)-']);
    return bin(formatFloat(t.value));
  },
  'round/1': (a) => mkFloat(roundTo(needFloatish(at(a, 0), 'round', 2), 0)),
  'round/2': (a) => mkFloat(roundTo(needFloatish(at(a, 0), 'round', 2), at(a, 1) as number)),
  'floor/1': (a) => mkFloat(Math.floor(needFloatish(at(a, 0), 'floor', 2))),
  'ceil/1': (a) => mkFloat(Math.ceil(needFloatish(at(a, 0), 'ceil', 2))),
});
