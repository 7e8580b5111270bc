/**
 * Erlang term order, used by `<`, `>`, `Enum.sort`, `max`/`min` and map printing:
 *
 *   number < atom < reference < fun < port < pid < tuple < map < list < bitstring
 *
 * `compare` treats `1` and `1.0` as equal (as `<`/`>` do). `compareKeys` is the stricter
 * "map key order" BEAM uses to lay out map keys: there every integer sorts before every float,
 * at any depth (so `%{2 => :a, 1.5 => :b}` prints in that order).
 */
import type { Binary, Cons, MapTerm, Term, Tuple } from './types.ts';
import { sortedPairs } from './map-order.ts';
import { compareBits, type Bits } from './bits.ts';

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
  bitstring: 9,
};

function rank(t: Term): number {
  return typeof t === 'object' ? (RANK[t.kind] as number) : 0;
}

function sign(x: number): Ordering {
  return x < 0 ? -1 : x > 0 ? 1 : 0;
}

/** Both are lists, or tuples or maps of one size: their contents decide. */
const CONTENTS = 2;

/**
 * Terms nest as deep as memory allows, so this never recurses on depth: list tails are walked in
 * a loop, and the pairs still to compare wait, in order, on an explicit stack of triples
 * (a, b, exact) that is only allocated when a container holds another container.
 */
export function cmp(a: Term, b: Term, exact: boolean): Ordering {
  let pending: (Term | boolean)[] | null = null;
  for (;;) {
    const c = cmpShallow(a, b, exact);
    if (c !== CONTENTS) {
      if (c !== 0) return c;
    } else {
      const oa = a as Cons | Tuple | MapTerm;
      if (oa.kind === 'cons') {
        // Lists compare element-wise: the head now, the tail after it (walked in this loop).
        const ob = b as Cons;
        const h = cmpShallow(oa.head, ob.head, exact);
        if (h !== 0 && h !== CONTENTS) return h;
        a = oa.tail;
        b = ob.tail;
        if (h === CONTENTS) {
          (pending ??= []).push(a, b, exact);
          a = oa.head;
          b = ob.head;
        }
        continue;
      }
      pending ??= [];
      if (oa.kind === 'tuple') {
        const x = oa.elements;
        const y = (b as Tuple).elements;
        for (let i = x.length - 1; i >= 0; i--) pending.push(x[i] as Term, y[i] as Term, exact);
      } else {
        // Maps: keys in key order (exactly), then values in key order.
        const pa = sortedPairs(oa);
        const pb = sortedPairs(b as MapTerm);
        for (let i = pa.length - 1; i >= 0; i--) pending.push((pa[i] as Pair)[1], (pb[i] as Pair)[1], exact);
        for (let i = pa.length - 1; i >= 0; i--) pending.push((pa[i] as Pair)[0], (pb[i] as Pair)[0], true);
      }
    }
    if (pending === null || pending.length === 0) return 0;
    exact = pending.pop() as boolean;
    b = pending.pop() as Term;
    a = pending.pop() as Term;
  }
}

type Pair = readonly [Term, Term];

/** The order of `a` and `b` as far as it can be told without looking inside containers. */
function cmpShallow(a: Term, b: Term, exact: boolean): Ordering | typeof CONTENTS {
  if (a === b) return 0;
  const ta = typeof a;
  const tb = typeof b;
  if (ta !== 'object' || tb !== 'object' || (a as Term & object).kind === 'float' || (b as Term & object).kind === 'float') {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== 0 || rb !== 0) return ra < rb ? -1 : ra > rb ? 1 : cmpSameKind(a, b);
    return cmpNumbers(a as Num, b as Num, exact);
  }
  const oa = a as Exclude<Term, number | bigint>;
  const ob = b as Exclude<Term, number | bigint>;
  const ra = RANK[oa.kind] as number;
  const rb = RANK[ob.kind] as number;
  if (ra !== rb) return ra < rb ? -1 : 1;
  return cmpSameKind(oa, ob);
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

/** Same rank. Containers of one kind and size answer CONTENTS: `cmp` looks inside them. */
function cmpSameKind(a: Term, b: Term): Ordering | typeof CONTENTS {
  const oa = a as Exclude<Term, number | bigint>;
  const ob = b as Exclude<Term, number | bigint>;
  switch (oa.kind) {
    case 'atom':
      return compareStrings(oa.name, (ob as typeof oa).name);
    case 'nil':
      return ob.kind === 'nil' ? 0 : -1; // [] is the smallest list
    case 'cons':
      return ob.kind === 'cons' ? CONTENTS : 1; // a nonempty list is above []
    case 'binary':
      return ob.kind === 'binary' ? compareBinaries(oa, ob) : compareBits(oa, ob as Bits);
    case 'bitstring':
      return compareBits(oa, ob as Bits);
    case 'tuple': {
      const x = oa.elements.length;
      const y = (ob as typeof oa).elements.length;
      return x !== y ? (x < y ? -1 : 1) : CONTENTS;
    }
    case 'map': {
      const x = oa.size;
      const y = (ob as typeof oa).size;
      return x !== y ? (x < y ? -1 : 1) : CONTENTS;
    }
    case 'pid': {
      // OTP 25 (checked with two real nodes, order-ids.fixtures.exs): serial, then number, and
      // only then the node (by name, then creation); a local pid is no different from a remote one.
      const p = ob as typeof oa;
      return (
        sign(oa.serial - p.serial) ||
        sign(oa.id - p.id) ||
        compareStrings(oa.node.name, p.node.name) ||
        sign(oa.creation - p.creation)
      );
    }
    case 'port': {
      // Unlike pids, ports and references are told apart by node (name, then creation) first.
      const p = ob as typeof oa;
      return compareStrings(oa.node.name, p.node.name) || sign(oa.creation - p.creation) || sign(oa.id - p.id);
    }
    case 'ref': {
      const r = ob as typeof oa;
      let c: Ordering = compareStrings(oa.node.name, r.node.name) || sign(oa.creation - r.creation);
      if (c !== 0) return c;
      // The last wire word is the most significant one, and missing words count as zeros (as
      // erts_cmp has it: `[6]` and `[6, 0]` are the same reference).
      for (let i = Math.max(oa.ids.length, r.ids.length) - 1; i >= 0 && c === 0; i--) c = sign((oa.ids[i] ?? 0) - (r.ids[i] ?? 0));
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
