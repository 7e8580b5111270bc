/**
 * Erlang term order, used by `<`, `>`, `Enum.sort`, `max`/`min` and map printing:
 *
 *   number < atom < reference < fun < port < pid < tuple < map < list < bitstring
 *
 * `compare` treats `1` and `1.0` as equal (as `<`/`>` do). `compareKeys` is the stricter
 * "map key order" BEAM uses to lay out map keys: there every integer sorts before every float,
 * at any depth (so `%{2 => :a, 1.5 => :b}` prints in that order).
 */
import type { Binary, MapTerm, Term } from './types.ts';
import { sortedPairs } from './map-order.ts';

export type Ordering = -1 | 0 | 1;

export function compare(a: Term, b: Term): Ordering {
  return cmp(a, b, false);
}

/** Map-key order: like `compare`, but integers < floats regardless of value. */
export function compareKeys(a: Term, b: Term): Ordering {
  return cmp(a, b, true);
}

const RANK: Record<string, number> = {
  float: 0,
  atom: 1,
  ref: 2,
  fun: 3,
  port: 4,
  pid: 5,
  tuple: 6,
  map: 7,
  nil: 8,
  cons: 8,
  binary: 9,
};

function rank(t: Term): number {
  return typeof t === 'object' ? (RANK[t.kind] as number) : 0;
}

function sign(x: number): Ordering {
  return x < 0 ? -1 : x > 0 ? 1 : 0;
}

export function cmp(a: Term, b: Term, exact: boolean): Ordering {
  for (;;) {
    if (a === b) return 0;
    const ta = typeof a;
    const tb = typeof b;
    if (ta !== 'object' || tb !== 'object' || (a as Term & object).kind === 'float' || (b as Term & object).kind === 'float') {
      const ra = rank(a);
      const rb = rank(b);
      if (ra !== 0 || rb !== 0) return ra < rb ? -1 : ra > rb ? 1 : cmpSameKind(a, b, exact);
      return cmpNumbers(a as number | bigint | { value: number }, b as number | bigint | { value: number }, exact);
    }
    const oa = a as Exclude<Term, number | bigint>;
    const ob = b as Exclude<Term, number | bigint>;
    if (oa.kind === 'cons' && ob.kind === 'cons') {
      // Lists compare element-wise; walk the spine in a loop (long lists, no recursion).
      const h = cmp(oa.head, ob.head, exact);
      if (h !== 0) return h;
      a = oa.tail;
      b = ob.tail;
      continue;
    }
    const ra = RANK[oa.kind] as number;
    const rb = RANK[ob.kind] as number;
    if (ra !== rb) return ra < rb ? -1 : 1;
    return cmpSameKind(oa, ob, exact);
  }
}

type Num = number | bigint | { value: number };

function cmpNumbers(a: Num, b: Num, exact: boolean): Ordering {
  const fa = typeof a === 'object';
  const fb = typeof b === 'object';
  if (exact && fa !== fb) return fa ? 1 : -1; // map-key order: integers before floats
  const x = fa ? (a as { value: number }).value : (a as number | bigint);
  const y = fb ? (b as { value: number }).value : (b as number | bigint);
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
  if (typeof x === 'bigint' && typeof y === 'bigint') return x < y ? -1 : x > y ? 1 : 0;
  // bigint vs double: compare exactly, as BEAM does (2^53+1 > 2^53 as a float).
  if (typeof x === 'bigint') return (-cmpFloatBig(y as number, x)) as Ordering;
  return cmpFloatBig(x as number, y as bigint);
}

function cmpFloatBig(f: number, n: bigint): Ordering {
  if (f === Infinity) return 1;
  if (f === -Infinity) return -1;
  const fl = Math.floor(f);
  const bi = BigInt(fl);
  if (bi < n) return -1;
  if (bi > n) return 1;
  return fl === f ? 0 : 1;
}

/** Same rank, not both cons. `a` and `b` may be nil/cons mixes. */
function cmpSameKind(a: Term, b: Term, exact: boolean): Ordering {
  const oa = a as Exclude<Term, number | bigint>;
  const ob = b as Exclude<Term, number | bigint>;
  switch (oa.kind) {
    case 'atom':
      return compareStrings(oa.name, (ob as typeof oa).name);
    case 'nil':
      return ob.kind === 'nil' ? 0 : -1; // [] is the smallest list
    case 'cons':
      return 1; // b is nil
    case 'binary':
      return compareBinaries(oa, ob as Binary);
    case 'tuple': {
      const x = oa.elements;
      const y = (ob as typeof oa).elements;
      if (x.length !== y.length) return x.length < y.length ? -1 : 1;
      for (let i = 0; i < x.length; i++) {
        const c = cmp(x[i] as Term, y[i] as Term, exact);
        if (c !== 0) return c;
      }
      return 0;
    }
    case 'map':
      return compareMaps(oa, ob as MapTerm, exact);
    case 'pid': {
      const p = ob as typeof oa;
      return (
        compareStrings(oa.node.name, p.node.name) ||
        sign(oa.creation - p.creation) ||
        sign(oa.id - p.id) ||
        sign(oa.serial - p.serial)
      );
    }
    case 'port': {
      const p = ob as typeof oa;
      return compareStrings(oa.node.name, p.node.name) || sign(oa.creation - p.creation) || sign(oa.id - p.id);
    }
    case 'ref': {
      const r = ob as typeof oa;
      let c = compareStrings(oa.node.name, r.node.name) || sign(oa.creation - r.creation);
      if (c !== 0) return c;
      if (oa.ids.length !== r.ids.length) return oa.ids.length < r.ids.length ? -1 : 1;
      // The last wire word is the most significant one.
      for (let i = oa.ids.length - 1; i >= 0 && c === 0; i--) c = sign((oa.ids[i] as number) - (r.ids[i] as number));
      return c;
    }
    case 'fun': {
      const f = ob as typeof oa;
      const c = compareStrings(oa.info.module.name, f.info.module.name);
      if (c !== 0) return c;
      const ia = oa.info.type === 'local' ? oa.info.index : -1;
      const ib = f.info.type === 'local' ? f.info.index : -1;
      return sign(ia - ib) || sign(oa.arity - f.arity);
    }
    case 'float':
      return 0; // unreachable: numbers are handled by cmpNumbers
  }
}

/** Code point order, which is UTF-8 byte order (JS `<` on strings is UTF-16 unit order). */
export function compareStrings(a: string, b: string): Ordering {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogates (code points >= 0x10000) must sort after U+E000..U+FFFF.
      if (x >= 0xd800 && y >= 0xd800) {
        const cx = a.codePointAt(i) as number;
        const cy = b.codePointAt(i) as number;
        return cx < cy ? -1 : 1;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function compareBinaries(a: Binary, b: Binary): Ordering {
  const ta = a.text;
  const tb = b.text;
  if (ta !== null && tb !== null) return compareStrings(ta, tb);
  const x = a.bytes;
  const y = b.bytes;
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - (y[i] as number);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
}

/** Maps: by size, then keys in key order (exactly), then values in key order. */
function compareMaps(a: MapTerm, b: MapTerm, exact: boolean): Ordering {
  if (a.size !== b.size) return a.size < b.size ? -1 : 1;
  const pa = sortedPairs(a);
  const pb = sortedPairs(b);
  for (let i = 0; i < pa.length; i++) {
    const c = cmp((pa[i] as readonly [Term, Term])[0], (pb[i] as readonly [Term, Term])[0], true);
    if (c !== 0) return c;
  }
  for (let i = 0; i < pa.length; i++) {
    const c = cmp((pa[i] as readonly [Term, Term])[1], (pb[i] as readonly [Term, Term])[1], exact);
    if (c !== 0) return c;
  }
  return 0;
}
