/**
 * `mapKey(term)`: the JS `Map` key under which a map stores the entry for `term`.
 *
 * Two terms get the same key iff they are `===` (Erlang's `=:=`, which map keys follow): so `1`
 * and `1.0` differ, the integer `1` differs from the string "1", and `0.0`/`-0.0` are the same
 * key (OTP 25). The common keys take fast paths with no allocation: an atom is its own (interned)
 * object, a small integer is the number itself, `[]` is the NIL singleton. Everything else gets a
 * canonical string whose first character names the type, so keys of different types never meet.
 *
 * A long canonical string is stored as its SHA-256 digest instead. A map's encoding contains its
 * keys' stored keys (see `encode`), so without this a chain of maps used as keys of maps, 10,000
 * deep (which the ETF decoder accepts from any peer), would store 10,000 ever longer strings:
 * quadratic memory, hundreds of MB. With it every level stores at most a few hundred characters.
 * Equal terms still get equal keys; different terms would need a SHA-256 collision to meet.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { Cons, Fun, MapTerm, Term, Tuple } from './types.ts';
import { refLength } from './types.ts';

/** Canonical strings longer than this are stored as their digest. */
const DIGEST_OVER = 256;

export function mapKey(t: Term): unknown {
  if (typeof t === 'number') return t;
  // Hex, not decimal: V8's decimal conversion is superlinear (a 4 MiB bignum, the largest a peer
  // may send, took seconds as a key); hex is linear and just as canonical.
  if (typeof t === 'bigint') return 'i' + t.toString(16);
  switch (t.kind) {
    case 'atom':
    case 'nil':
      return t;
    case 'binary': {
      const s = t.text;
      return s !== null ? 'b' + s : 'x' + hex(t.bytes);
    }
    case 'fun':
      return t; // funs are equal only when identical (see equality.ts), so identity is the key
    default: {
      const s = encode(t);
      return s.length > DIGEST_OVER ? digest(s) : s;
    }
  }
}

/** 'h' and the 32 bytes of the SHA-256 of the string's UTF-16 code units (exact, no re-encoding). */
function digest(s: string): string {
  const units = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    units[2 * i] = c & 0xff;
    units[2 * i + 1] = c >>> 8;
  }
  return 'h' + String.fromCharCode(...sha256(units));
}

/**
 * A canonical, self-delimiting string for any term (used for compound keys). Linear in the size
 * of the term and iterative (subterms wait on an explicit stack), so a key nested 100,000 deep
 * neither overflows the JS stack nor costs quadratic time. A map writes its keys (sorted, so
 * insertion order does not matter) and then its values.
 */
export function encode(t: Term): string {
  const out: string[] = [];
  const stack: Term[] = [t];
  while (stack.length > 0) {
    t = stack.pop() as Term;
    for (;;) {
      if (typeof t === 'number') {
        out.push('n', String(t), ';');
        break;
      }
      if (typeof t === 'bigint') {
        out.push('i', t.toString(16), ';');
        break;
      }
      if (t.kind === 'cons') {
        // The head now, the tail after it: a long list is walked in this loop.
        out.push('l');
        stack.push(t.tail);
        t = t.head;
        continue;
      }
      if (t.kind === 'tuple') {
        const es = t.elements;
        out.push('t', String(es.length), ':');
        for (let i = es.length - 1; i >= 0; i--) stack.push(es[i] as Term);
      } else if (t.kind === 'map') {
        // Each entry's key is already hashed: it is the entry's JS key, which is canonical.
        // Reusing it keeps encoding a map linear in its own size, however deep its keys are.
        const entries = Array.from(t.entries, ([key, pair]) => [keyText(key), pair[1]] as const);
        entries.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
        out.push('m', String(entries.length), ':');
        for (let i = entries.length - 1; i >= 0; i--) stack.push((entries[i] as readonly [string, Term])[1]);
        // Keys are written now, values as they come off the stack: so write all keys first.
        for (const [k] of entries) out.push(String(k.length), ':', k);
      } else encodeLeaf(t, out);
      break;
    }
  }
  return out.join('');
}

/** A map's JS key (see mapKey) as a string that names that key alone. */
function keyText(key: unknown): string {
  if (typeof key === 'string') return key; // a compound key's encoding or digest, or a binary / bigint
  if (typeof key === 'number') return 'n' + String(key);
  const t = key as Term & object;
  if (t.kind === 'atom') return 'a' + t.name;
  if (t.kind === 'fun') return 'F' + String(funId(t));
  return ']'; // NIL
}

function encodeLeaf(t: Exclude<Term, number | bigint | Cons | Tuple | MapTerm>, out: string[]): void {
  switch (t.kind) {
    case 'float': {
      const v = t.value === 0 ? 0 : t.value; // -0.0 =:= 0.0 in OTP 25
      out.push('f', String(v), ';');
      return;
    }
    case 'atom':
      out.push('a', String(t.name.length), ':', t.name);
      return;
    case 'binary': {
      const s = t.text;
      if (s !== null) out.push('b', String(s.length), ':', s);
      else out.push('x', hex(t.bytes), ';');
      return;
    }
    case 'bitstring':
      out.push('y', String(t.bitSize), ':', hex(t.bytes), ';');
      return;
    case 'nil':
      out.push(']');
      return;
    case 'pid':
      out.push('p', String(t.node.name.length), ':', t.node.name, String(t.id), '.', String(t.serial), '.', String(t.creation), ';');
      return;
    case 'port':
      out.push('o', String(t.node.name.length), ':', t.node.name, String(t.id), '.', String(t.creation), ';');
      return;
    case 'ref':
      out.push('r', String(t.node.name.length), ':', t.node.name, String(t.creation), '.', t.ids.slice(0, refLength(t)).join('.'), ';');
      return;
    case 'fun':
      out.push('F', String(funId(t)), ';');
      return;
  }
}

// Funs inside compound keys need a stable string identity. A module-level WeakMap is no per-node
// state: ids are only ever compared within one process's maps, never printed or sent.
const funIds = new WeakMap<Fun, number>();
let nextFunId = 0;
function funId(f: Fun): number {
  let id = funIds.get(f);
  if (id === undefined) {
    id = nextFunId++;
    funIds.set(f, id);
  }
  return id;
}

function hex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += ((bytes[i] as number) | 0x100).toString(16).slice(1);
  return s;
}
