/**
 * Term equality: Elixir's `==` (numbers by value, so `1 == 1.0`) and `===` (exact: `1 !== 1.0`).
 *
 * Hot path of the VM (pattern matching, `==`, map lookups of compound keys), so: no allocation on
 * the common paths, `typeof` first and then `.kind`. Terms can be nested as deep as memory allows
 * (a decoded 10,000-deep term, a 100,000-deep list built in a loop), so nothing here recurses on
 * the term's depth: list tails are walked in a loop and the pairs of containers still to compare
 * wait on an explicit stack, which is only allocated when a container holds another container.
 */
import type { Binary, Term } from './types.ts';
import { bitsEqual } from './bits.ts';
import { refLength } from './types.ts';

/** Elixir `==`: numbers compare by value across integer/float; everything else structurally. */
export function equals(a: Term, b: Term): boolean {
  return eq(a, b, false);
}

/** Elixir `===`: like `==` but an integer never equals a float. */
export function strictEquals(a: Term, b: Term): boolean {
  return eq(a, b, true);
}

const DIFFERENT = 0;
const EQUAL = 1;
/** Both are containers of the same kind and shape: their contents decide. */
const CONTENTS = 2;
type Shallow = typeof DIFFERENT | typeof EQUAL | typeof CONTENTS;

function eq(a: Term, b: Term, exact: boolean): boolean {
  // Pairs still to compare, as triples (a, b, exact): a fun's captured values compare exactly.
  let pending: (Term | boolean)[] | null = null;
  for (;;) {
    const s = shallow(a, b, exact);
    if (s === DIFFERENT) return false;
    if (s === CONTENTS) {
      const oa = a as Exclude<Term, number | bigint>;
      const ob = b as Exclude<Term, number | bigint>;
      switch (oa.kind) {
        case 'cons': {
          // The head now, the tail next: a long list is walked in this loop, not stacked.
          const ha = oa.head;
          const hb = (ob as typeof oa).head;
          const h = shallow(ha, hb, exact);
          if (h === DIFFERENT) return false;
          a = oa.tail;
          b = (ob as typeof oa).tail;
          if (h === CONTENTS) {
            (pending ??= []).push(a, b, exact);
            a = ha;
            b = hb;
          }
          continue;
        }
        case 'tuple': {
          const ea = oa.elements;
          const eb = (ob as typeof oa).elements;
          for (let i = 0; i < ea.length; i++) {
            const x = ea[i] as Term;
            const y = eb[i] as Term;
            const e = shallow(x, y, exact);
            if (e === DIFFERENT) return false;
            if (e === CONTENTS) (pending ??= []).push(x, y, exact);
          }
          break;
        }
        case 'map': {
          // Keys are always compared exactly (map keys follow `===`); values follow the operator.
          const entries = (ob as typeof oa).entries;
          for (const [k, pa] of oa.entries) {
            const pb = entries.get(k);
            if (pb === undefined) return false;
            const e = shallow(pa[1], pb[1], exact);
            if (e === DIFFERENT) return false;
            if (e === CONTENTS) (pending ??= []).push(pa[1], pb[1], exact);
          }
          break;
        }
        case 'fun': {
          // Same code: equal when the captured values are (exactly) equal.
          const ea = oa.env;
          const eb = (ob as typeof oa).env;
          if (!Array.isArray(ea) || !Array.isArray(eb) || ea.length !== eb.length) return false;
          for (let i = 0; i < ea.length; i++) {
            const x: unknown = ea[i];
            const y: unknown = eb[i];
            if (x === y) continue;
            if (!isTermLike(x) || !isTermLike(y)) return false;
            const e = shallow(x, y, true);
            if (e === DIFFERENT) return false;
            if (e === CONTENTS) (pending ??= []).push(x, y, true);
          }
          break;
        }
      }
    }
    if (pending === null || pending.length === 0) return true;
    exact = pending.pop() as boolean;
    b = pending.pop() as Term;
    a = pending.pop() as Term;
  }
}

/** Compares what can be compared without looking inside containers. */
function shallow(a: Term, b: Term, exact: boolean): Shallow {
  if (a === b) return EQUAL;
  const ta = typeof a;
  if (ta === 'number') {
    if (typeof b === 'object') return !exact && b.kind === 'float' && b.value === a ? EQUAL : DIFFERENT;
    // A canonical bigint never equals a safe number, but tolerate non-canonical input.
    return typeof b === 'bigint' && BigInt(a as number) === b ? EQUAL : DIFFERENT;
  }
  if (ta === 'bigint') {
    if (typeof b === 'number') return BigInt(b) === a ? EQUAL : DIFFERENT;
    if (typeof b === 'object') return !exact && b.kind === 'float' && bigEqFloat(a as bigint, b.value) ? EQUAL : DIFFERENT;
    return DIFFERENT;
  }
  if (typeof b !== 'object') {
    // a is an object (float maybe), b a JS number/bigint.
    const fa = a as Term & object;
    if (exact || fa.kind !== 'float') return DIFFERENT;
    return (typeof b === 'number' ? fa.value === b : bigEqFloat(b, fa.value)) ? EQUAL : DIFFERENT;
  }
  const oa = a as Exclude<Term, number | bigint>;
  switch (oa.kind) {
    case 'float':
      // OTP 25: 0.0 == -0.0 and 0.0 =:= -0.0 are both true, which JS `===` gives us.
      return b.kind === 'float' && oa.value === b.value ? EQUAL : DIFFERENT;
    case 'atom':
    case 'nil':
      return DIFFERENT; // interned / singleton: identity was checked above
    case 'binary':
      return b.kind === 'binary' && binaryEquals(oa, b) ? EQUAL : DIFFERENT;
    case 'bitstring':
      return b.kind === 'bitstring' && bitsEqual(oa, b) ? EQUAL : DIFFERENT;
    case 'cons':
      return b.kind === 'cons' ? CONTENTS : DIFFERENT;
    case 'tuple':
      return b.kind === 'tuple' && oa.elements.length === b.elements.length ? CONTENTS : DIFFERENT;
    case 'map':
      return b.kind === 'map' && oa.entries.size === b.entries.size ? CONTENTS : DIFFERENT;
    case 'pid':
      return b.kind === 'pid' && oa.node === b.node && oa.id === b.id && oa.serial === b.serial && oa.creation === b.creation
        ? EQUAL
        : DIFFERENT;
    case 'port':
      return b.kind === 'port' && oa.node === b.node && oa.id === b.id && oa.creation === b.creation ? EQUAL : DIFFERENT;
    case 'ref': {
      if (b.kind !== 'ref' || oa.node !== b.node || oa.creation !== b.creation) return DIFFERENT;
      const ia = oa.ids;
      const ib = b.ids;
      const n = refLength(oa);
      if (n !== refLength(b)) return DIFFERENT;
      for (let i = 0; i < n; i++) if (ia[i] !== ib[i]) return DIFFERENT;
      return EQUAL;
    }
    case 'fun':
      // Funs are equal when they are the same closure: same code and the same captured values.
      if (b.kind !== 'fun' || oa.code !== b.code || oa.arity !== b.arity) return DIFFERENT;
      return oa.env === b.env ? EQUAL : CONTENTS;
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

function isTermLike(x: unknown): x is Term {
  return typeof x === 'number' || typeof x === 'bigint' || (typeof x === 'object' && x !== null && 'kind' in x);
}
