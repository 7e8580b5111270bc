/** Helpers shared by the codec tests: hex conversion, map building, structural equality. */
import { type MapTerm, type Term } from '../../core/term/types.ts';
import { buildMap } from './map-build.ts';

export function hex(b: Uint8Array): string {
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function unhex(s: string): Uint8Array {
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function map(pairs: [Term, Term][]): MapTerm {
  const m = buildMap(pairs);
  if (m === null) throw new Error('duplicate key');
  return m;
}

/** Exact structural equality, including number-vs-bigint canonical form and float identity. */
export function termEq(a: Term, b: Term): boolean {
  if (typeof a === 'number' || typeof a === 'bigint') return typeof a === typeof b && a === b;
  if (typeof b !== 'object' || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'float': return Object.is(a.value, (b as typeof a).value);
    case 'atom': return a === b;
    case 'binary': {
      const x = a.bytes;
      const y = (b as typeof a).bytes;
      return x.length === y.length && x.every((v, i) => v === y[i]);
    }
    case 'bitstring': {
      const y = b as typeof a;
      return a.bitSize === y.bitSize && a.bytes.every((v, i) => v === y.bytes[i]);
    }
    case 'nil': return true;
    case 'cons': {
      // Iterate along tails: long lists must not recurse.
      let x: Term = a;
      let y: Term = b;
      while (typeof x === 'object' && x.kind === 'cons') {
        if (typeof y !== 'object' || y.kind !== 'cons' || !termEq(x.head, y.head)) return false;
        x = x.tail;
        y = y.tail;
      }
      return termEq(x, y);
    }
    case 'tuple': {
      const o = b as typeof a;
      return a.size === o.size && a.elements.every((e, i) => termEq(e, o.elements[i] as Term));
    }
    case 'map': {
      const o = b as typeof a;
      if (a.size !== o.size) return false;
      for (const [k, [kt, v]] of a.entries) {
        const p = o.entries.get(k);
        if (!p || !termEq(kt, p[0]) || !termEq(v, p[1])) return false;
      }
      return true;
    }
    case 'pid': {
      const o = b as typeof a;
      return a.node === o.node && a.id === o.id && a.serial === o.serial && a.creation === o.creation;
    }
    case 'port': {
      const o = b as typeof a;
      return a.node === o.node && a.id === o.id && a.creation === o.creation;
    }
    case 'ref': {
      const o = b as typeof a;
      return a.node === o.node && a.creation === o.creation && a.ids.join() === o.ids.join();
    }
    case 'fun': {
      const x = a.info;
      const y = (b as typeof a).info;
      if (a.arity !== (b as typeof a).arity || x.type !== y.type || x.module !== y.module) return false;
      if (x.type === 'export') return x.name === (y as typeof x).name;
      const l = y as typeof x;
      return x.index === l.index && x.uniq === l.uniq && x.name === l.name;
    }
  }
}

/**
 * Hostile variants of a packet body for the fast-path tests: every cut, two extensions (`tails`
 * appended), and `n` copies with one random byte changed (`random()` in [0, 1)).
 */
export function mangled(body: Uint8Array, tails: readonly (readonly number[])[], n: number, random: () => number): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let cut = 0; cut < body.length; cut++) out.push(body.subarray(0, cut));
  for (const t of tails) out.push(Uint8Array.from([...body, ...t]));
  for (let i = 0; i < n; i++) {
    const v = body.slice();
    v[Math.floor(random() * v.length)] = Math.floor(random() * 256);
    out.push(v);
  }
  return out;
}
