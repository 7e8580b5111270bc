/**
 * `:erlang` BIFs beyond the VM's core set (conversions, tuples, lists, binaries, time), with the
 * badarg messages Elixir 1.14 prints for them. `phash2` is deterministic but not BEAM's hash.
 */
import { atom, Binary, bool, existingAtom, toAtom, Float, NIL, Tuple, type Term } from '../../term/types.ts';
import { compare } from '../../term/order.ts';
import { encode } from '../../term/hash.ts';
import { formatFloat } from '../../term/float-format.ts';
import { at, defineBifs } from './define.ts';
import type { BifContext } from '../builtins.ts';
import { badarg } from './errors.ts';
import { fromArray } from './enumerable.ts';
import { intToString, needInt, parseFloatText, parseIntText } from './numbers.ts';
import { needTuple } from './tuple.ts';
import { isBinary, isList, mkFloat } from './values.ts';

function listItems(t: Term, pos = 1): Term[] {
  const out: Term[] = [];
  while (typeof t === 'object' && t.kind === 'cons') {
    out.push(t.head);
    t = t.tail;
  }
  return t === NIL ? out : badarg(pos, 'not a list');
}

/** A charlist as a JS string (code points), badarg `what` otherwise. */
function charlistText(t: Term, what = 'not a list'): string {
  if (!isList(t)) return badarg(1, what);
  return String.fromCodePoint(
    ...listItems(t).map((c) => (typeof c === 'number' && c >= 0 && c <= 0x10ffff ? c : badarg(1, what))),
  );
}

function charlist(s: string): Term {
  return fromArray(Array.from(s, (c) => c.codePointAt(0) as number));
}

/**
 * Bytes of an iolist (bytes, binaries, nested lists; a binary tail allowed). OTP words the error
 * by what the BIF takes: list_to_binary an iolist, iolist_to_binary and iolist_size iodata.
 */
export function iolistBytes(t: Term, pos = 1, what: 'iolist' | 'iodata' = 'iolist'): Uint8Array {
  const out: number[] = [];
  const stack: Term[] = [t];
  while (stack.length > 0) {
    let l = stack.pop() as Term;
    for (;;) {
      if (isBinary(l)) {
        out.push(...l.bytes);
        break;
      }
      if (typeof l !== 'object' || (l.kind !== 'cons' && l.kind !== 'nil')) return badarg(pos, `not an ${what} term`);
      if (l.kind === 'nil') break;
      const h: Term = l.head;
      if (typeof h === 'number' && h >= 0 && h <= 255) out.push(h);
      else if (isBinary(h)) out.push(...h.bytes);
      else if (typeof h === 'object' && (h.kind === 'cons' || h.kind === 'nil')) {
        stack.push(l.tail);
        l = h;
        continue;
      } else return badarg(pos, `not an ${what} term`);
      l = l.tail;
    }
  }
  return Uint8Array.from(out);
}

function needNumber(t: Term, pos = 1): number | bigint | Float {
  if (typeof t === 'number' || typeof t === 'bigint') return t;
  if (typeof t === 'object' && t.kind === 'float') return t;
  return badarg(pos, 'not a number');
}

function needBinary(t: Term, pos = 1): Binary {
  return isBinary(t) ? t : badarg(pos, 'not a binary');
}

function needFloat(t: Term): number {
  return typeof t === 'object' && t.kind === 'float' ? t.value : badarg(1, 'not a float');
}

/** float_to_binary/2 options: [decimals: n] (with :compact) or [scientific: n] or [:short]. */
function floatText(x: number, opts: Term): string {
  let text = x.toExponential(20);
  let compact = false;
  for (const o of listItems(opts, 2)) {
    if (o === atom('compact')) compact = true;
    else if (o === atom('short')) text = formatFloat(x);
    else if (o instanceof Tuple && o.elements[0] === atom('decimals')) text = x.toFixed(o.elements[1] as number);
    else if (o instanceof Tuple && o.elements[0] === atom('scientific')) text = x.toExponential(o.elements[1] as number);
    else return badarg(2, 'invalid option in list');
  }
  if (compact && text.includes('.') && !text.includes('e')) text = text.replace(/0+$/, '').replace(/\.$/, '.0');
  // Erlang writes at least two exponent digits: 1.5e+00.
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** A deterministic 27-bit hash (FNV-1a over the canonical encoding). Not BEAM's phash2 values. */
function phash2(t: Term, range: number): number {
  const s = encode(t);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return (h & 0x7ffffff) % range;
}

export const erlangBifs = defineBifs('erlang', {
  'integer_to_list/1': (a) => charlist(intToString(needInt(at(a, 0)), 10)),
  'integer_to_list/2': (a) => charlist(intToString(needInt(at(a, 0)), needBase(at(a, 1)))),
  'integer_to_binary/1': (a) => Binary.fromString(intToString(needInt(at(a, 0)), 10)),
  'integer_to_binary/2': (a) => Binary.fromString(intToString(needInt(at(a, 0)), needBase(at(a, 1)))),
  'list_to_integer/1': (a) => {
    const r = parseIntText(charlistText(at(a, 0)), 10);
    return r !== null && r.rest === '' ? r.value : badarg(1, 'not a textual representation of an integer');
  },
  'binary_to_integer/1': (a) => binToInt(at(a, 0), 10),
  'binary_to_integer/2': (a) => binToInt(at(a, 0), needBase(at(a, 1))),
  'list_to_float/1': (a) => {
    const r = parseFloatText(charlistText(at(a, 0)), true);
    return r !== null && r.rest === '' ? r.value : badarg(1, 'not a textual representation of a float');
  },
  'binary_to_float/1': (a) => {
    const r = parseFloatText(needBinary(at(a, 0)).text ?? '', true);
    return r !== null && r.rest === '' ? r.value : badarg(1, 'not a textual representation of a float');
  },
  'atom_to_list/1': (a) => {
    const t = at(a, 0);
    return typeof t === 'object' && t.kind === 'atom' ? charlist(t.name) : badarg(1, 'not an atom');
  },
  'list_to_atom/1': (a) => toAtom(charlistText(at(a, 0))),
  'binary_to_existing_atom/1': (a) => existingAtom(needBinary(at(a, 0)).text ?? '') ?? badarg(1, 'not an already existing atom'),
  'binary_to_existing_atom/2': (a) => existingAtom(needBinary(at(a, 0)).text ?? '') ?? badarg(1, 'not an already existing atom'),
  'list_to_existing_atom/1': (a) => existingAtom(charlistText(at(a, 0))) ?? badarg(1, 'not an already existing atom'),
  'binary_to_list/1': (a) => fromArray(Array.from(needBinary(at(a, 0)).bytes)),
  'list_to_binary/1': (a) => Binary.fromBytes(iolistBytes(at(a, 0))),
  'iolist_to_binary/1': (a) => {
    const t = at(a, 0);
    return isBinary(t) ? t : Binary.fromBytes(iolistBytes(t, 1, 'iodata'));
  },
  'iolist_size/1': (a) => {
    const t = at(a, 0);
    return isBinary(t) ? t.bytes.length : iolistBytes(t, 1, 'iodata').length;
  },
  'float_to_binary/1': (a) => Binary.fromString(floatText(needFloat(at(a, 0)), NIL)),
  'float_to_binary/2': (a) => Binary.fromString(floatText(needFloat(at(a, 0)), at(a, 1))),
  'float_to_list/1': (a) => charlist(floatText(needFloat(at(a, 0)), NIL)),
  'float_to_list/2': (a) => charlist(floatText(needFloat(at(a, 0)), at(a, 1))),
  'tuple_to_list/1': (a) => fromArray(needTuple(at(a, 0)).elements),
  'list_to_tuple/1': (a) => new Tuple(listItems(at(a, 0))),
  'append_element/2': (a) => new Tuple([...needTuple(at(a, 0)).elements, at(a, 1)]),
  'make_tuple/2': (a) => {
    const n = at(a, 0);
    if (typeof n !== 'number' || n < 0) return badarg(1, 'not a valid tuple arity');
    return new Tuple(new Array<Term>(n).fill(at(a, 1)));
  },
  'setelement/3': (a) => {
    const t = needTuple(at(a, 1), 2);
    const i = at(a, 0);
    if (typeof i !== 'number' || i < 1 || i > t.size) return badarg(1, 'out of range');
    const els = [...t.elements];
    els[i - 1] = at(a, 2);
    return new Tuple(els);
  },
  'float/1': (a) => {
    const n = needNumber(at(a, 0));
    return typeof n === 'object' ? n : mkFloat(Number(n));
  },
  'binary_part/3': (a) => {
    const b = needBinary(at(a, 0));
    const start = at(a, 1);
    const len = at(a, 2);
    if (typeof start !== 'number' || start < 0 || start > b.byteSize) return badarg(2, 'out of range');
    if (typeof len !== 'number') return badarg(3, 'not an integer');
    const from = len < 0 ? start + len : start;
    const to = len < 0 ? start : start + len;
    if (from < 0 || to > b.byteSize) return badarg(3, 'out of range');
    return Binary.fromBytes(b.bytes.slice(from, to));
  },
  'split_binary/2': (a) => {
    const b = needBinary(at(a, 0));
    const n = at(a, 1);
    if (typeof n !== 'number' || n < 0 || n > b.byteSize) return badarg(2, 'out of range');
    return new Tuple([Binary.fromBytes(b.bytes.slice(0, n)), Binary.fromBytes(b.bytes.slice(n))]);
  },
  'phash2/1': (a) => phash2(at(a, 0), 2 ** 27),
  'phash2/2': (a) => phash2(at(a, 0), at(a, 1) as number),
  'system_time/0': (_a, ctx) => Math.floor(ctx.proc.wallNow() * 1e6),
  'system_time/1': (_a, ctx) => timeIn(ctx.proc.wallNow(), at(_a, 0)),
  'monotonic_time/0': (_a, ctx) => Math.floor(ctx.proc.now() * 1e6),
  'monotonic_time/1': (_a, ctx) => timeIn(ctx.proc.now(), at(_a, 0)),
  // Refs are unique per node: their first word doubles as a unique integer.
  'unique_integer/0': (_a, ctx) => -((ctx.proc.makeRef().ids[0] ?? 0) + 1),
  'unique_integer/1': (a, ctx) => {
    const n = (ctx.proc.makeRef().ids[0] ?? 0) + 1;
    return listItems(at(a, 0)).includes(atom('positive')) ? n : -n;
  },
  'max/2': (a) => (compare(at(a, 1), at(a, 0)) > 0 ? at(a, 1) : at(a, 0)),
  'min/2': (a) => (compare(at(a, 1), at(a, 0)) < 0 ? at(a, 1) : at(a, 0)),
  'function_exported/3': (a, ctx) => functionExported(a, ctx),
  'floor/1': (a) => roundWith(at(a, 0), Math.floor),
  'ceil/1': (a) => roundWith(at(a, 0), Math.ceil),
  'is_function/2': (a) => {
    const f = at(a, 0);
    const n = at(a, 1);
    if (typeof n !== 'number' || n < 0) return badarg(2, 'not a valid arity');
    return bool(typeof f === 'object' && f.kind === 'fun' && f.arity === n);
  },
});

/** `function_exported?(module, name, arity)`: an Elixir function or a BIF of a loaded module. */
export function functionExported(a: readonly Term[], ctx: BifContext): Term {
  const [m, f, n] = [at(a, 0), at(a, 1), at(a, 2)];
  if (typeof m !== 'object' || m.kind !== 'atom' || typeof f !== 'object' || f.kind !== 'atom' || typeof n !== 'number') {
    return badarg(1, 'not an atom');
  }
  return bool(ctx.node.functionExported(m, f, n));
}


/** floor/ceil: integers as they are, floats rounded to an integer (a bignum when large). */
function roundWith(t: Term, f: (x: number) => number): Term {
  if (typeof t === 'number' || typeof t === 'bigint') return t;
  if (typeof t !== 'object' || t.kind !== 'float') return badarg(1, 'not a number');
  const x = f(t.value);
  return Number.isSafeInteger(x) ? x : BigInt(x);
}

/** A base of integer_to_binary/2 and its kin, always their second argument. */
function needBase(t: Term): number {
  return typeof t === 'number' && t >= 2 && t <= 36 ? t : badarg(2, 'not an integer in the range 2 through 36');
}

function binToInt(t: Term, base: number): Term {
  const r = parseIntText(needBinary(t).text ?? '', base);
  return r !== null && r.rest === '' ? r.value : badarg(1, 'not a textual representation of an integer');
}

// A Map, never an object: a unit named :constructor or :__proto__ must not find Object's members.
const UNITS = new Map<string, number>([['second', 1e-3], ['millisecond', 1], ['microsecond', 1e3], ['nanosecond', 1e6], ['native', 1e6]]);

/** Clock milliseconds in the unit asked for (native = nanoseconds, as on a 64-bit BEAM). */
function timeIn(ms: number, unit: Term): number {
  const f = typeof unit === 'object' && unit.kind === 'atom' ? UNITS.get(unit.name) : typeof unit === 'number' ? unit / 1000 : undefined;
  if (f === undefined) return badarg(1, 'invalid time unit');
  return Math.floor(ms * f);
}
