/**
 * `mapKey(term)`: the JS `Map` key under which a map stores the entry for `term`.
 *
 * Two terms get the same key iff they are `===` (Erlang's `=:=`, which map keys follow): so `1`
 * and `1.0` differ, the integer `1` differs from the string "1", and `0.0`/`-0.0` are the same
 * key (OTP 25). The common keys take fast paths with no allocation: an atom is its own (interned)
 * object, a small integer is the number itself, `[]` is the NIL singleton. Everything else gets a
 * canonical string whose first character names the type, so keys of different types never meet.
 */
import type { Fun, Term } from './types.ts';

export function mapKey(t: Term): unknown {
  if (typeof t === 'number') return t;
  if (typeof t === 'bigint') return 'i' + t.toString();
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
    default:
      return encode(t);
  }
}

/** A canonical, self-delimiting string for any term (used for compound keys). */
export function encode(t: Term): string {
  const out: string[] = [];
  enc(t, out);
  return out.join('');
}

function enc(t: Term, out: string[]): void {
  for (;;) {
    if (typeof t === 'number') {
      out.push('n', String(t), ';');
      return;
    }
    if (typeof t === 'bigint') {
      out.push('i', t.toString(), ';');
      return;
    }
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
      case 'nil':
        out.push(']');
        return;
      case 'cons':
        out.push('l');
        enc(t.head, out);
        t = t.tail; // loop on the tail: long lists as keys must not recurse
        continue;
      case 'tuple':
        out.push('t', String(t.elements.length), ':');
        for (const e of t.elements) enc(e, out);
        return;
      case 'map': {
        // Entry order must not depend on insertion order: sort the encoded entries.
        const parts: string[] = [];
        for (const [k, v] of t.entries.values()) parts.push(encode(k) + encode(v));
        parts.sort();
        out.push('m', String(parts.length), ':', ...parts);
        return;
      }
      case 'pid':
        out.push('p', String(t.node.name.length), ':', t.node.name, String(t.id), '.', String(t.serial), '.', String(t.creation), ';');
        return;
      case 'port':
        out.push('o', String(t.node.name.length), ':', t.node.name, String(t.id), '.', String(t.creation), ';');
        return;
      case 'ref':
        out.push('r', String(t.node.name.length), ':', t.node.name, String(t.creation), '.', t.ids.join('.'), ';');
        return;
      case 'fun':
        out.push('F', String(funId(t)), ';');
        return;
    }
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
