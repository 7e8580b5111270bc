/**
 * Terms in Erlang's syntax, as `:io.format`'s `~w` and `~p` print them (OTP 25 io_lib and
 * io_lib_pretty): `<0.96.0>`, `{ok,1.5,-3}`, `#{a => 1,b => <<"x">>}`, `'Elixir.Foo'`.
 *
 * `~w` writes on one line and never shows lists or binaries as strings. `~p` shows printable
 * (latin-1) lists as "abc" and binaries as <<"abc">>, and breaks a term wider than the line
 * the way io_lib_pretty does: lists and untagged tuples fill lines, a tuple whose first
 * element is an atom indents after its tag, maps put one pair per line (value under its key
 * when it does not fit). Depth and character limits (`~P`, `~W`) are not supported.
 */
import type { Atom, Term } from './types.ts';
import { sortedPairs } from './map-order.ts';

export interface WriteOptions {
  /** The printing node's number for a node in pids, ports and refs (0 for itself). */
  readonly nodeNumber?: (node: Atom) => number;
  /** `~tp`: unicode lists and binaries may print as strings. */
  readonly unicode?: boolean;
}

const RESERVED = new Set(
  'after and andalso band begin bnot bor bsl bsr bxor case catch cond div end fun if let not of or orelse receive rem try when xor'.split(' '),
);

/** `ok`, `'Hello World'`, `'Elixir.Foo'`. */
export function writeAtom(name: string): string {
  if (/^[a-z][a-zA-Z0-9_@]*$/.test(name) && !RESERVED.has(name)) return name;
  return `'${escapeChars([...name].map((c) => c.codePointAt(0) as number), 39)}'`;
}

const ESCAPES: Record<number, string> = { 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 27: '\\e', 92: '\\\\' };

function escapeChars(codes: readonly number[], quote: number): string {
  let s = '';
  for (const c of codes) {
    if (c === quote) s += '\\' + String.fromCodePoint(c);
    else if (ESCAPES[c] !== undefined) s += ESCAPES[c];
    else if (c < 32 || c === 127) s += '\\' + c.toString(8).padStart(3, '0');
    else s += String.fromCodePoint(c);
  }
  return s;
}

/** io_lib:printable_latin1_list / printable_unicode_list, per character. */
function printable(c: number, unicode: boolean): boolean {
  if ((c >= 32 && c <= 126) || (c >= 8 && c <= 13) || c === 27) return true;
  if (unicode) return c >= 160 && c < 0x110000 && !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfffe && c !== 0xffff;
  return c >= 160 && c <= 255;
}

/** The list's elements as character codes when it is a printable string, else null. */
function stringCodes(t: Term, unicode: boolean): number[] | null {
  const out: number[] = [];
  let l = t;
  while (typeof l === 'object' && l.kind === 'cons') {
    const c = l.head;
    if (typeof c !== 'number' || !printable(c, unicode)) return null;
    out.push(c);
    l = l.tail;
  }
  return typeof l === 'object' && l.kind === 'nil' && out.length > 0 ? out : null;
}

function binaryText(bytes: Uint8Array, pretty: boolean, unicode: boolean): string {
  if (bytes.length === 0) return '<<>>';
  if (pretty) {
    if (unicode) {
      const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
      const codes = [...text].map((c) => c.codePointAt(0) as number);
      const exact = new TextEncoder().encode(text).length === bytes.length && !text.includes('\uFFFD');
      if (exact && codes.every((c) => printable(c, true))) {
        const ascii = codes.every((c) => c < 128);
        return `<<"${escapeChars(codes, 34)}"${ascii ? '' : '/utf8'}>>`;
      }
    }
    const codes = [...bytes];
    if (codes.every((c) => printable(c, false))) return `<<"${escapeChars(codes, 34)}">>`;
  }
  return `<<${[...bytes].join(',')}>>`;
}

/** `<<1,2:3>>`: the whole bytes, then the last byte's bits as an integer with their count. */
function bitstringText(bytes: Uint8Array, bitSize: number): string {
  const rest = bitSize & 7;
  const whole = [...bytes.subarray(0, bytes.length - 1)];
  const last = (bytes[bytes.length - 1] as number) >>> (8 - rest);
  return `<<${[...whole, `${last}:${rest}`].join(',')}>>`;
}

/**
 * `float_to_list(X, [short])` (OTP 25, what ~p/~w print): the shortest digits that read back
 * as X, in plain or scientific notation, whichever is shorter (plain on a tie):
 * `100.0`, `0.0001`, `1.0e-5`, `1.0e10`, `1.23e7`, `123456789.0`.
 */
export function erlangFloat(x: number): string {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const [mant, expText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mant.replace('.', '');
  const exp = Number(expText);
  const sci = `${digits[0]}.${digits.slice(1) || '0'}e${exp}`;
  let plain: string;
  if (exp >= 0) {
    const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    plain = `${int}.${digits.slice(exp + 1) || '0'}`;
  } else plain = `0.${'0'.repeat(-exp - 1)}${digits}`;
  return sign + (sci.length < plain.length ? sci : plain);
}

/** A term laid out for printing: a leaf (`text`) or a container with its one-line width. */
type Node =
  | { readonly kind: 'leaf'; readonly text: string; readonly len: number }
  | { readonly kind: 'list'; readonly items: readonly Node[]; readonly tail: Node | null; readonly len: number }
  | { readonly kind: 'tuple'; readonly tagged: boolean; readonly items: readonly Node[]; readonly len: number }
  | { readonly kind: 'map'; readonly pairs: readonly (readonly [Node, Node])[]; readonly len: number };

function leaf(text: string): Node {
  return { kind: 'leaf', text, len: [...text].length };
}

function build(t: Term, pretty: boolean, o: WriteOptions): Node {
  const num = (n: Atom) => o.nodeNumber?.(n) ?? 0;
  if (typeof t === 'number' || typeof t === 'bigint') return leaf(t.toString());
  switch (t.kind) {
    case 'float':
      return leaf(erlangFloat(t.value));
    case 'atom':
      return leaf(writeAtom(t.name));
    case 'binary':
      return leaf(binaryText(t.bytes, pretty, o.unicode === true));
    case 'bitstring':
      return leaf(bitstringText(t.bytes, t.bitSize));
    case 'nil':
      return leaf('[]');
    case 'cons': {
      const codes = pretty ? stringCodes(t, o.unicode === true) : null;
      if (codes !== null) return leaf(`"${escapeChars(codes, 34)}"`);
      const items: Node[] = [];
      let l: Term = t;
      while (typeof l === 'object' && l.kind === 'cons') {
        items.push(build(l.head, pretty, o));
        l = l.tail;
      }
      const tail = typeof l === 'object' && l.kind === 'nil' ? null : build(l, pretty, o);
      const len = 2 + items.reduce((s, n) => s + n.len + 1, -1) + (tail === null ? 0 : tail.len + 1);
      return { kind: 'list', items, tail, len };
    }
    case 'tuple': {
      if (t.elements.length === 0) return leaf('{}');
      const items = t.elements.map((e) => build(e, pretty, o));
      const first = t.elements[0];
      const tagged = items.length >= 2 && typeof first === 'object' && first.kind === 'atom';
      return { kind: 'tuple', tagged, items, len: 2 + items.reduce((s, n) => s + n.len + 1, -1) };
    }
    case 'map': {
      if (t.size === 0) return leaf('#{}');
      const pairs = sortedPairs(t).map(([k, v]) => [build(k, pretty, o), build(v, pretty, o)] as const);
      return { kind: 'map', pairs, len: 3 + pairs.reduce((s, [k, v]) => s + k.len + v.len + 4 + 1, -1) };
    }
    case 'pid':
      return leaf(`<${num(t.node)}.${t.id}.${t.serial}>`);
    case 'port':
      return leaf(`#Port<${num(t.node)}.${t.id}>`);
    case 'ref':
      return leaf(`#Ref<${[num(t.node), ...[...t.ids].reverse()].join('.')}>`);
    case 'fun': {
      const i = t.info;
      if (i.type === 'export') return leaf(`fun ${writeAtom(i.module.name)}:${writeAtom(i.name.name)}/${t.arity}`);
      return leaf(`#Fun<${i.module.name}.${i.index}.${i.uniq}>`);
    }
  }
}

/** One line, as io_lib:write. */
function flat(n: Node): string {
  switch (n.kind) {
    case 'leaf':
      return n.text;
    case 'list':
      return `[${n.items.map(flat).join(',')}${n.tail === null ? '' : `|${flat(n.tail)}`}]`;
    case 'tuple':
      return `{${n.items.map(flat).join(',')}}`;
    case 'map':
      return `#{${n.pairs.map(([k, v]) => `${flat(k)} => ${flat(v)}`).join(',')}}`;
  }
}

/** `~w`. */
export function erlangWrite(t: Term, o: WriteOptions = {}): string {
  return flat(build(t, false, o));
}

/**
 * `~p` starting at column `col` (1-based, as io_lib_format passes it) on lines of `width`.
 * A port of io_lib_pretty's pp/pp_list/pp_tail/pp_tag_tuple/pp_map with no character limit.
 */
export function erlangPretty(t: Term, col = 1, width = 80, o: WriteOptions = {}): string {
  const n = build(t, true, o);
  if (n.kind === 'leaf' || n.len < width - col) return flat(n);
  return pp(n, col, width, ' '.repeat(col - 1), 0);
}

const isLeaf = (n: Node) => n.kind === 'leaf';
const lastDepth = (rest: number, ld: number) => (rest > 0 ? 0 : ld + 1);

function pp(n: Node, col: number, ll: number, ind: string, ld: number): string {
  if (n.len < ll - col - ld) return flat(n);
  switch (n.kind) {
    case 'leaf':
      return n.text;
    case 'list':
      return `[${ppList(n.items, n.tail, col + 1, ll, ind + ' ', ld, '|')}]`;
    case 'tuple':
      if (n.tagged) {
        const tag = n.items[0] as Node;
        const tcol = col + tag.len + 2;
        return `{${flat(tag)},${ppList(n.items.slice(1), null, tcol, ll, ind + ' '.repeat(tag.len + 2), ld, ',')}}`;
      }
      return `{${ppList(n.items, null, col + 1, ll, ind + ' ', ld, ',')}}`;
    case 'map':
      return `#{${ppMap(n.pairs, col + 2, ll, ind + '  ', ld)}}`;
  }
}

/** The first element, then the rest filling lines (pp_list + pp_tail). */
function ppList(items: readonly Node[], tail: Node | null, col0: number, ll: number, ind: string, ld: number, sep: string): string {
  const restCount = (i: number) => items.length - i - 1 + (tail === null ? 0 : 1);
  const first = items[0] as Node;
  const [s0, w0] = element(first, col0, ll, ind, lastDepth(restCount(0), ld));
  let out = s0;
  let col = col0 + w0;
  for (let i = 1; i < items.length; i++) {
    const e = items[i] as Node;
    const ld1 = lastDepth(restCount(i), ld);
    const elen = 1 + e.len;
    const fits = ld1 === 0 ? elen + 1 < ll - col : elen < ll - col - ld1;
    if (fits && isLeaf(e)) {
      out += ',' + flat(e);
      col += elen;
    } else {
      const [s, w] = element(e, col0, ll, ind, ld1);
      out += `,\n${ind}${s}`;
      col = col0 + w;
    }
  }
  if (tail !== null) {
    if (tail.len + 1 < ll - col - (ld + 1) && isLeaf(tail)) out += sep + flat(tail);
    else out += `${sep}\n${ind}${pp(tail, col0, ll, ind, ld + 1)}`;
  }
  return out;
}

/** An element and the column it leaves (the whole line when it broke, to force a newline). */
function element(e: Node, col: number, ll: number, ind: string, ld: number): [string, number] {
  if (e.len < ll - col - ld && isLeaf(e)) return [flat(e), e.len];
  return [pp(e, col, ll, ind, ld), ll];
}

function ppMap(pairs: readonly (readonly [Node, Node])[], col0: number, ll: number, ind: string, ld: number): string {
  let out = '';
  let col = col0;
  pairs.forEach(([k, v], i) => {
    const ld1 = lastDepth(pairs.length - i - 1, ld);
    const len = k.len + 4 + v.len;
    if (i > 0) {
      const elen = 1 + len;
      const fits = ld1 === 0 ? elen + 1 < ll - col : elen < ll - col - ld1;
      if (fits && isLeaf(k) && isLeaf(v)) {
        out += `,${flat(k)} => ${flat(v)}`;
        col += elen;
        return;
      }
      out += `,\n${ind}`;
      col = col0;
    }
    if (len < ll - col - ld1) {
      out += `${flat(k)} => ${flat(v)}`;
      col = isLeaf(k) && isLeaf(v) ? col + len : ll;
    } else {
      out += `${pp(k, col, ll, ind, ld1)} =>\n${ind}    ${pp(v, col + 4, ll, ind + '    ', ld1)}`;
      col = ll;
    }
  });
  return out;
}
