/**
 * Term equality: Elixir's `==` (numbers by value, so `1 == 1.0`) and `===` (exact: `1 !== 1.0`).
 *
 * Hot path of the VM (pattern matching, `==`, map lookups of compound keys), so: no allocation on
 * the common paths, `typeof` first and then `.kind`, and list tails are walked in a loop so a
 * 1,000,000-element list does not grow the JS stack (only nesting depth recurses).
 */
import type { Binary, Fun, Term } from './types.ts';

/** Elixir `==`: numbers compare by value across integer/float; everything else structurally. */
export function equals(a: Term, b: Term): boolean {
  return eq(a, b, false);
}

/** Elixir `===`: like `==` but an integer never equals a float. */
export function strictEquals(a: Term, b: Term): boolean {
  return eq(a, b, true);
}

function eq(a: Term, b: Term, exact: boolean): boolean {
  for (;;) {
    if (a === b) return true;
    const ta = typeof a;
    if (ta === 'number') {
      if (typeof b === 'object') return !exact && b.kind === 'float' && b.value === a;
      // A canonical bigint never equals a safe number, but tolerate non-canonical input.
      return typeof b === 'bigint' && BigInt(a as number) === b;
    }
    if (ta === 'bigint') {
      if (typeof b === 'number') return BigInt(b) === a;
      if (typeof b === 'object') return !exact && b.kind === 'float' && bigEqFloat(a as bigint, b.value);
      return false;
    }
    if (typeof b !== 'object') {
      // a is an object (float maybe), b a JS number/bigint.
      const fa = a as Term & object;
      if (exact || fa.kind !== 'float') return false;
      return typeof b === 'number' ? fa.value === b : bigEqFloat(b, fa.value);
    }
    const oa = a as Exclude<Term, number | bigint>;
    switch (oa.kind) {
      case 'float':
        // OTP 25: 0.0 == -0.0 and 0.0 =:= -0.0 are both true, which JS `===` gives us.
        return b.kind === 'float' && oa.value === b.value;
      case 'atom':
      case 'nil':
        return false; // interned / singleton: identity was checked above
      case 'binary':
        return b.kind === 'binary' && binaryEquals(oa, b);
      case 'cons': {
        if (b.kind !== 'cons') return false;
        if (!eq(oa.head, b.head, exact)) return false;
        a = oa.tail;
        b = b.tail;
        continue; // iterate on the tails: no recursion along the spine
      }
      case 'tuple': {
        if (b.kind !== 'tuple') return false;
        const ea = oa.elements;
        const eb = b.elements;
        const n = ea.length;
        if (n !== eb.length) return false;
        for (let i = 0; i < n; i++) if (!eq(ea[i] as Term, eb[i] as Term, exact)) return false;
        return true;
      }
      case 'map': {
        if (b.kind !== 'map' || oa.entries.size !== b.entries.size) return false;
        // Keys are always compared exactly (map keys follow `===`); values follow the operator.
        for (const [k, pa] of oa.entries) {
          const pb = b.entries.get(k);
          if (pb === undefined || !eq(pa[1], pb[1], exact)) return false;
        }
        return true;
      }
      case 'pid':
        return (
          b.kind === 'pid' && oa.node === b.node && oa.id === b.id && oa.serial === b.serial && oa.creation === b.creation
        );
      case 'port':
        return b.kind === 'port' && oa.node === b.node && oa.id === b.id && oa.creation === b.creation;
      case 'ref': {
        if (b.kind !== 'ref' || oa.node !== b.node || oa.creation !== b.creation) return false;
        const ia = oa.ids;
        const ib = b.ids;
        if (ia.length !== ib.length) return false;
        for (let i = 0; i < ia.length; i++) if (ia[i] !== ib[i]) return false;
        return true;
      }
      case 'fun':
        return b.kind === 'fun' && funEquals(oa, b);
    }
  }
}

/** Exact comparison of a bigint with a double (no precision loss: 2^53+1 != 2^53 as in BEAM). */
function bigEqFloat(n: bigint, f: number): boolean {
  return Number.isInteger(f) && BigInt(f) === n;
}

export function binaryEquals(a: Binary, b: Binary): boolean {
  const ta = a.text;
  const tb = b.text;
  // Valid UTF-8 and JS strings are in bijection, so comparing texts compares bytes.
  if (ta !== null && tb !== null) return ta === tb;
  if (ta !== null || tb !== null) return false;
  const ba = a.bytes;
  const bb = b.bytes;
  if (ba.length !== bb.length) return false;
  for (let i = 0; i < ba.length; i++) if (ba[i] !== bb[i]) return false;
  return true;
}

/** Funs are equal when they are the same closure: same code and the same captured values. */
function funEquals(a: Fun, b: Fun): boolean {
  if (a.code !== b.code || a.arity !== b.arity) return false;
  if (a.env === b.env) return true;
  const ea = a.env;
  const eb = b.env;
  if (!Array.isArray(ea) || !Array.isArray(eb) || ea.length !== eb.length) return false;
  for (let i = 0; i < ea.length; i++) {
    const x: unknown = ea[i];
    const y: unknown = eb[i];
    if (x === y) continue;
    if (!isTermLike(x) || !isTermLike(y) || !strictEquals(x, y)) return false;
  }
  return true;
}

function isTermLike(x: unknown): x is Term {
  return typeof x === 'number' || typeof x === 'bigint' || (typeof x === 'object' && x !== null && 'kind' in x);
}
