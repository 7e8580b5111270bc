/**
 * `:binary`, the basics a textbook uses: first, last, at, part, split, matches, match, copy,
 * bin_to_list, list_to_bin, replace, decode/encode_unsigned. Byte-wise, as in OTP; a bad argument
 * is `ArgumentError` "argument error" with the call as its frame (as iex shows `:binary.at/2`).
 */
import { atom, Binary, Cons, NIL, Tuple, type Term } from '../../term/types.ts';
import { argumentError, raise } from '../errors.ts';
import { at, defineBifs } from './define.ts';
import { fromArray } from './enumerable.ts';
import { MAX_CONSTRUCTION_BITS } from '../bitstring-ops.ts';
import { BitWriter, bitSizeOf, isBits, subBits } from '../../term/bits.ts';

function bin(t: Term): Binary {
  return typeof t === 'object' && t.kind === 'binary' ? t : argumentError();
}

function int(t: Term): number {
  return typeof t === 'number' ? t : argumentError();
}

function items(t: Term): Term[] {
  const out: Term[] = [];
  let l = t;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) out.push(l.head);
  return l === NIL ? out : argumentError();
}

/** The patterns of split/match/replace: one non-empty binary or a non-empty list of them. */
function patterns(t: Term): Uint8Array[] {
  const ps = typeof t === 'object' && t.kind === 'binary' ? [t] : items(t).map(bin);
  if (ps.length === 0 || ps.some((p) => p.byteSize === 0)) argumentError();
  return ps.map((p) => p.bytes);
}

/** The first (leftmost, then longest) match of any pattern at or after `from`: [start, length]. */
function find(h: Uint8Array, ps: readonly Uint8Array[], from: number): [number, number] | null {
  for (let i = from; i < h.length; i++) {
    let best = 0;
    for (const p of ps) {
      if (p.length <= best || i + p.length > h.length) continue;
      let k = 0;
      while (k < p.length && h[i + k] === p[k]) k++;
      if (k === p.length) best = p.length;
    }
    if (best > 0) return [i, best];
  }
  return null;
}

function part(b: Binary, pos: number, len: number): Binary {
  const from = len < 0 ? pos + len : pos;
  const to = len < 0 ? pos : pos + len;
  if (from < 0 || to > b.byteSize || pos < 0 || pos > b.byteSize) argumentError();
  return Binary.fromBytes(b.bytes.slice(from, to));
}

function options(t: Term): Set<string> {
  return new Set(items(t).map((o) => (typeof o === 'object' && o.kind === 'atom' ? o.name : argumentError())));
}

function split(b: Binary, pt: Term, opts: Set<string>): Term {
  const h = b.bytes;
  const ps = patterns(pt);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (;;) {
    const m = find(h, ps, from);
    if (m === null) break;
    parts.push(h.slice(from, m[0]));
    from = m[0] + m[1];
    if (!opts.has('global')) break;
  }
  parts.push(h.slice(from));
  let out = parts;
  if (opts.has('trim_all')) out = out.filter((p) => p.length > 0);
  else if (opts.has('trim')) while (out.length > 0 && (out[out.length - 1] as Uint8Array).length === 0) out.pop();
  return fromArray(out.map((p) => Binary.fromBytes(p)));
}

function replace(b: Binary, pt: Term, with_: Term, opts: Set<string>): Binary {
  const h = b.bytes;
  const ps = patterns(pt);
  const rep = bin(with_).bytes;
  const chunks: number[] = [];
  let from = 0;
  for (;;) {
    const m = find(h, ps, from);
    if (m === null) break;
    chunks.push(...h.subarray(from, m[0]), ...rep);
    from = m[0] + m[1];
    if (!opts.has('global')) break;
  }
  chunks.push(...h.subarray(from));
  return Binary.fromBytes(Uint8Array.from(chunks));
}

export const binaryBifs = defineBifs('binary', {
  'first/1': (a) => {
    const b = bin(at(a, 0));
    return b.byteSize > 0 ? (b.bytes[0] as number) : argumentError();
  },
  'last/1': (a) => {
    const b = bin(at(a, 0));
    return b.byteSize > 0 ? (b.bytes[b.byteSize - 1] as number) : argumentError();
  },
  'at/2': (a) => {
    const b = bin(at(a, 0));
    const i = int(at(a, 1));
    return i >= 0 && i < b.byteSize ? (b.bytes[i] as number) : argumentError();
  },
  'part/2': (a) => {
    const pl = at(a, 1);
    if (!(pl instanceof Tuple) || pl.size !== 2) return argumentError();
    return part(bin(at(a, 0)), int(pl.elements[0] as Term), int(pl.elements[1] as Term));
  },
  'part/3': (a) => part(bin(at(a, 0)), int(at(a, 1)), int(at(a, 2))),
  'split/2': (a) => split(bin(at(a, 0)), at(a, 1), new Set()),
  'split/3': (a) => split(bin(at(a, 0)), at(a, 1), options(at(a, 2))),
  'match/2': (a) => {
    const m = find(bin(at(a, 0)).bytes, patterns(at(a, 1)), 0);
    return m === null ? atom('nomatch') : new Tuple(m);
  },
  'matches/2': (a) => {
    const h = bin(at(a, 0)).bytes;
    const ps = patterns(at(a, 1));
    const out: Term[] = [];
    for (let m = find(h, ps, 0); m !== null; m = find(h, ps, m[0] + m[1])) out.push(new Tuple(m));
    return fromArray(out);
  },
  'replace/3': (a) => replace(bin(at(a, 0)), at(a, 1), at(a, 2), new Set()),
  'replace/4': (a) => replace(bin(at(a, 0)), at(a, 1), at(a, 2), options(at(a, 3))),
  'copy/1': (a) => Binary.fromBytes(bin(at(a, 0)).bytes.slice()),
  'copy/2': (a) => {
    const b = bin(at(a, 0));
    const n = int(at(a, 1));
    if (n < 0) return argumentError();
    // Bounded as a constructed binary is (a copy is one memcpy per piece, fast up to this).
    if (b.byteSize * n > MAX_CONSTRUCTION_BITS / 8) return raise('SystemLimitError', 'a system limit has been reached');
    const out = new Uint8Array(b.byteSize * n);
    for (let i = 0; i < n; i++) out.set(b.bytes, i * b.byteSize);
    return Binary.fromBytes(out);
  },
  'bin_to_list/1': (a) => fromArray([...bin(at(a, 0)).bytes]),
  'bin_to_list/2': (a) => {
    const pl = at(a, 1);
    if (!(pl instanceof Tuple) || pl.size !== 2) return argumentError();
    return fromArray([...part(bin(at(a, 0)), int(pl.elements[0] as Term), int(pl.elements[1] as Term)).bytes]);
  },
  'bin_to_list/3': (a) => fromArray([...part(bin(at(a, 0)), int(at(a, 1)), int(at(a, 2))).bytes]),
  'list_to_bin/1': (a) => {
    const out: number[] = [];
    const stack: Term[] = [at(a, 0)];
    while (stack.length > 0) {
      const t = stack.pop() as Term;
      if (typeof t === 'number' && t >= 0 && t <= 255) out.push(t);
      else if (typeof t === 'object' && t.kind === 'binary') out.push(...t.bytes);
      else if (t instanceof Cons) stack.push(t.tail, t.head);
      else if (t !== NIL) argumentError();
    }
    return Binary.fromBytes(Uint8Array.from(out));
  },
  'decode_unsigned/1': (a) => {
    let v = 0n;
    for (const x of bin(at(a, 0)).bytes) v = (v << 8n) | BigInt(x);
    return v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  },
  'encode_unsigned/1': (a) => {
    const n = at(a, 0);
    if ((typeof n !== 'number' && typeof n !== 'bigint') || n < 0) return argumentError();
    let hex = BigInt(n).toString(16);
    if (hex.length % 2 === 1) hex = '0' + hex;
    return Binary.fromBytes(Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16)));
  },
});

/** :erlang's bitstring list conversions (bitstrings are a term of their own, bits.ts). */
export const erlangBitsBifs = defineBifs('erlang', {
  'bitstring_to_list/1': (a) => {
    const t = at(a, 0);
    if (!isBits(t)) return argumentError();
    const n = bitSizeOf(t);
    const whole = n >>> 3;
    const items: Term[] = [...t.bytes.subarray(0, whole)];
    if ((n & 7) !== 0) items.push(subBits(t.bytes, whole * 8, n & 7));
    return fromArray(items);
  },
  'list_to_bitstring/1': (a) => {
    const w = new BitWriter();
    const stack: Term[] = [at(a, 0)];
    while (stack.length > 0) {
      const t = stack.pop() as Term;
      if (typeof t === 'number' && t >= 0 && t <= 255) w.putInt(t, 8);
      else if (isBits(t)) w.putBits(t);
      else if (t instanceof Cons) stack.push(t.tail, t.head);
      else if (t !== NIL) argumentError();
    }
    return w.finish();
  },
});
