/**
 * Erlang's exact term order (`erts_cmp(a, b, exact=1)`), used only to emit map keys in the
 * order `term_to_binary` does for small (flat) maps, so our bytes match BEAM's. In exact order
 * every integer sorts before every float (observed on OTP 25: `#{2 => _, 0.5 => _}` is written
 * 2 first). Large (>32 key) maps are hash-ordered by BEAM; we still emit sorted keys there.
 */
import type { Term } from '../../core/term/types.ts';

function rank(t: Term): number {
  if (typeof t === 'number' || typeof t === 'bigint') return 0;
  switch (t.kind) {
    case 'float': return 1;
    case 'atom': return 2;
    case 'ref': return 3;
    case 'fun': return 4;
    case 'port': return 5;
    case 'pid': return 6;
    case 'tuple': return 7;
    case 'map': return 8;
    case 'nil': return 9;
    case 'cons': return 10;
    case 'binary': return 11;
  }
}

function cmpNum(a: number | bigint, b: number | bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code point order, which is also UTF-8 byte order (JS `<` compares UTF-16 units). */
export function compareText(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
}

function cmpBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  return cmpNum(a.length, b.length);
}

function cmpSeq(a: readonly Term[], b: readonly Term[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareTerms(a[i] as Term, b[i] as Term);
    if (c !== 0) return c;
  }
  return cmpNum(a.length, b.length);
}

export function compareTerms(a: Term, b: Term): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (typeof a === 'number' || typeof a === 'bigint') return cmpNum(a, b as number | bigint);
  switch (a.kind) {
    case 'float': return cmpNum(a.value, (b as typeof a).value);
    case 'atom': return compareText(a.name, (b as typeof a).name);
    case 'binary': return cmpBytes(a.bytes, (b as typeof a).bytes);
    case 'nil': return 0;
    case 'tuple': {
      const o = b as typeof a;
      return a.size !== o.size ? cmpNum(a.size, o.size) : cmpSeq(a.elements, o.elements);
    }
    case 'cons': {
      // Walk both lists iteratively so long lists do not recurse on their tails.
      let x: Term = a;
      let y: Term = b;
      while (typeof x === 'object' && x.kind === 'cons' && typeof y === 'object' && y.kind === 'cons') {
        const c = compareTerms(x.head, y.head);
        if (c !== 0) return c;
        x = x.tail;
        y = y.tail;
      }
      return compareTerms(x, y);
    }
    case 'map': {
      const o = b as typeof a;
      if (a.size !== o.size) return cmpNum(a.size, o.size);
      const pa = sortedPairs(a.entries.values());
      const pb = sortedPairs(o.entries.values());
      const ck = cmpSeq(pa.map((p) => p[0]), pb.map((p) => p[0]));
      return ck !== 0 ? ck : cmpSeq(pa.map((p) => p[1]), pb.map((p) => p[1]));
    }
    case 'pid': {
      const o = b as typeof a;
      return compareText(a.node.name, o.node.name) || cmpNum(a.serial, o.serial) || cmpNum(a.id, o.id) || cmpNum(a.creation, o.creation);
    }
    case 'port': {
      const o = b as typeof a;
      return compareText(a.node.name, o.node.name) || cmpNum(a.id, o.id) || cmpNum(a.creation, o.creation);
    }
    case 'ref': {
      const o = b as typeof a;
      return compareText(a.node.name, o.node.name) || cmpSeq([...a.ids].reverse(), [...o.ids].reverse()) || cmpNum(a.creation, o.creation);
    }
    case 'fun': {
      const o = b as typeof a;
      return compareText(a.info.module.name, o.info.module.name) || cmpNum(a.arity, o.arity);
    }
  }
}

/** Map pairs in exact key order. */
export function sortedPairs(pairs: Iterable<readonly [Term, Term]>): (readonly [Term, Term])[] {
  return [...pairs].sort((p, q) => compareTerms(p[0], q[0]));
}
