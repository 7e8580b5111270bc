/**
 * `io_lib:format/2` (OTP 25 io_lib_format), behind `:io.format/1,2,3`, `:io.fwrite` and
 * `:io_lib.format/2`: control sequences `~F.P.PadModC` with C one of
 * `~ n c s w p e f g b B x X + # i`, field width F, precision P, pad character, `-` for left
 * adjustment, `*` taking a number from the arguments, and the `t` (unicode) modifier.
 * `~W`/`~P` (depth limits) and the `l` modifier are refused like a bad control.
 *
 * `~p` gets the column it starts at, as io_lib_format computes it, so a long term breaks
 * where real Erlang breaks it.
 */
import type { Atom, Term } from './types.ts';
import { erlangPretty, erlangWrite } from './erlang-write.ts';

/**
 * A format io_lib refuses. `:io.format` raises ArgumentError naming the format or the
 * argument list (`arg`) with io's own words: `format string invalid (invalid control ~d)`,
 * `wrong number of arguments`, `element 1 must be of type integer`, `not a list`.
 */
export class FormatError extends Error {
  constructor(
    readonly arg: 'format' | 'args',
    why: string,
  ) {
    super(why);
  }
}

export interface FormatOptions {
  readonly nodeNumber?: (node: Atom) => number;
}

interface Spec {
  width: number | null;
  left: boolean;
  precision: number | null;
  pad: string;
  unicode: boolean;
}

const fail = (why: string): never => {
  throw new FormatError('format', why);
};
const badElement = (index: number, type: string): never => {
  throw new FormatError('args', `element ${index} must be of type ${type}`);
};

/** Characters of a charlist/binary/atom format or a chardata `~s` argument. */
export function chardata(t: Term, unicode: boolean): string | null {
  if (typeof t === 'number') return t >= 0 && t < 0x110000 && (unicode || t <= 255) ? String.fromCodePoint(t) : null;
  if (typeof t !== 'object') return null;
  if (t.kind === 'binary') return unicode ? (t.text ?? null) : String.fromCharCode(...t.bytes);
  if (t.kind === 'nil') return '';
  if (t.kind === 'cons') {
    let s = '';
    let l: Term = t;
    for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
      const part = chardata(l.head, unicode);
      if (part === null) return null;
      s += part;
    }
    if (typeof l === 'object' && l.kind === 'binary') return s + (chardata(l, unicode) ?? '');
    return typeof l === 'object' && l.kind === 'nil' ? s : null;
  }
  return null;
}

function argList(t: Term): Term[] {
  const out: Term[] = [];
  let l = t;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) out.push(l.head);
  if (!(typeof l === 'object' && l.kind === 'nil')) throw new FormatError('args', 'not a list');
  return out;
}

/** io_lib:format(Format, Args) as one string. */
export function ioLibFormat(format: Term, args: Term, o: FormatOptions = {}): string {
  return ioLibFormatParts(format, args, o)
    .map((p) => (typeof p === 'number' ? String.fromCodePoint(p) : p))
    .join('');
}

/**
 * The pieces io_lib:format returns as a deep list: each plain character on its own, each
 * control's text as one piece (`:io_lib.format("~p ~w", [1, :a])` is `['1', 32, 'a']`).
 */
export function ioLibFormatParts(format: Term, args: Term, o: FormatOptions = {}): (number | string)[] {
  const fmt = typeof format === 'object' && format.kind === 'atom' ? format.name : chardata(format, true);
  if (fmt === null) return fail('not a valid format string');
  const as = argList(args);
  const total = as.length;
  const parts: (number | string)[] = [];
  let out = '';
  let i = 0;
  const next = (): Term => (as.length > 0 ? (as.shift() as Term) : fail('wrong number of arguments'));
  // The 1-based position in the argument list of the argument `next` returned last.
  const position = () => total - as.length;
  const chars = [...fmt];
  const num = (): number | null => {
    if (chars[i] === '*') {
      i++;
      const n = next();
      return typeof n === 'number' ? n : fail('bad field width');
    }
    let n: number | null = null;
    while (i < chars.length && /[0-9]/.test(chars[i] as string)) n = (n ?? 0) * 10 + Number(chars[i++]);
    return n;
  };
  while (i < chars.length) {
    const c = chars[i++] as string;
    if (c !== '~') {
      out += c;
      parts.push(c.codePointAt(0) as number);
      continue;
    }
    const spec: Spec = { width: null, left: false, precision: null, pad: ' ', unicode: false };
    if (chars[i] === '-') {
      spec.left = true;
      i++;
    }
    spec.width = num();
    if (chars[i] === '.') {
      i++;
      spec.precision = num();
      if (chars[i] === '.') {
        i++;
        if (chars[i] === '*') {
          i++;
          const p = next();
          spec.pad = typeof p === 'number' ? String.fromCodePoint(p) : fail('bad pad');
        } else spec.pad = chars[i++] ?? fail('format string invalid');
      }
    }
    while (chars[i] === 't' || chars[i] === 'l') if (chars[i++] === 't') spec.unicode = true;
    const control = chars[i++] ?? fail('format string invalid');
    const column = out.length - (out.lastIndexOf('\n') + 1);
    const text = control1(control, spec, next, position, column, o);
    out += text;
    parts.push(text);
  }
  if (as.length > 0) fail('wrong number of arguments');
  return parts;
}

function control1(c: string, s: Spec, next: () => Term, position: () => number, column: number, o: FormatOptions): string {
  switch (c) {
    case '~':
      return repeatOr('~', s);
    case 'n':
      return s.width === null ? '\n' : '\n'.repeat(s.width);
    case 'i':
      next();
      return '';
    case 'c': {
      const a = next();
      if (typeof a !== 'number') return badElement(position(), 'integer');
      return repeatOr(String.fromCodePoint(s.unicode ? a : a & 255), s);
    }
    case 's': {
      const a = next();
      const text = typeof a === 'object' && a.kind === 'atom' ? a.name : chardata(a, s.unicode);
      return text === null ? badElement(position(), 'chardata') : stringField(text, s);
    }
    case 'w':
      return term(erlangWrite(next(), { ...o, unicode: s.unicode }), s);
    case 'p': {
      const width = s.width ?? 80;
      const col = s.precision ?? column + 1;
      return erlangPretty(next(), col, width, { ...o, unicode: s.unicode });
    }
    case 'e':
    case 'f':
    case 'g': {
      const a = next();
      if (typeof a !== 'object' || a.kind !== 'float') return badElement(position(), 'float');
      return term(floatText(c, a.value, s.precision), { ...s, precision: s.width });
    }
    case 'b':
    case 'B':
    case 'x':
    case 'X':
    case '+':
    case '#': {
      const a = next();
      if (typeof a !== 'number' && typeof a !== 'bigint') return badElement(position(), 'integer');
      const base = s.precision ?? 10;
      if (base < 2 || base > 36) return fail('bad base');
      let prefix = '';
      if (c === 'x' || c === 'X') {
        const p = next();
        prefix = typeof p === 'object' && p.kind === 'atom' ? p.name : (chardata(p, true) ?? fail('bad prefix'));
      } else if (c === '+' || c === '#') prefix = `${base}#`;
      const lower = c === 'b' || c === 'x' || c === '+';
      const neg = a < 0;
      const digits = (neg ? -BigInt(a) : BigInt(a)).toString(base);
      return term(`${neg ? '-' : ''}${prefix}${lower ? digits : digits.toUpperCase()}`, { ...s, precision: null });
    }
    default:
      return fail(`format string invalid (invalid control ~${c})`);
  }
}

/** ~c and ~~: the character repeated to the field (precision) width. */
function repeatOr(ch: string, s: Spec): string {
  if (s.width === null && s.precision === null) return ch;
  if (s.precision === null) return ch.repeat(s.width as number);
  if (s.width === null) return ch.repeat(s.precision);
  return adjust(ch.repeat(s.precision), s.pad.repeat(Math.max(0, s.width - s.precision)), s.left);
}

function adjust(data: string, pad: string, left: boolean): string {
  return left ? data + pad : pad + data;
}

/** io_lib_format:term: pad to the field; a term wider than the field becomes stars. */
function term(t: string, s: Spec): string {
  const f = s.width ?? s.precision;
  if (f === null) return t;
  const len = [...t].length;
  const p = Math.min(len, s.precision === null ? f : Math.min(s.precision, f));
  if (len > p) return adjust('*'.repeat(p), s.pad.repeat(f - p), s.left);
  return adjust(t, s.pad.repeat(f - len), s.left);
}

/** io_lib_format:string: ~s truncates to the precision, pads to the field. */
function stringField(text: string, s: Spec): string {
  const cs = [...text];
  const field = (f: number, left: boolean) => (cs.length > f ? cs.slice(0, f).join('') : adjust(text, s.pad.repeat(f - cs.length), left));
  if (s.width === null && s.precision === null) return text;
  if (s.precision === null) return field(s.width as number, s.left);
  if (s.width === null) return field(s.precision, true);
  const inner = field(s.precision, true);
  return adjust(inner, s.pad.repeat(Math.max(0, s.width - s.precision)), s.left);
}

/** ~f (P decimals, default 6), ~e (P significant digits), ~g (f form for 0.1 ≤ |x| < 10^P). */
function floatText(c: string, x: number, precision: number | null): string {
  const p = precision ?? 6;
  if (c === 'f') return p >= 1 ? x.toFixed(p) : fail('bad precision');
  if (c === 'e') return p >= 2 ? x.toExponential(p - 1) : fail('bad precision');
  const a = Math.abs(x);
  const e = a < 0.1 ? -2 : a < 1 ? -1 : a < 10 ? 0 : a < 100 ? 1 : a < 1000 ? 2 : a < 10000 ? 3 : null;
  if (e === null) return x.toExponential((p <= 1 ? 2 : p) - 1); // >= 1.0e4: the e form
  if ((p <= 1 && e === -1) || (p - 1 > e && e >= -1)) return x.toFixed(p - 1 - e);
  return x.toExponential((p <= 1 ? 2 : p) - 1);
}
