/**
 * ASTs as terms, so code can travel between nodes as ordinary data: a fun's `fn` AST
 * (fun-transfer.ts) or a module's `defmodule` AST (`nl/1`). The AST is plain JS data (objects,
 * arrays, strings, numbers, booleans, null); it maps onto maps with atom keys, lists, binaries,
 * numbers/floats, true/false and nil, and back. The receiving node compiles the AST again: no
 * eval anywhere, and a payload that is not AST-shaped is rejected with an Error.
 */
import { atom, Binary, FALSE, Float, MapTerm, NIL_ATOM, TRUE, list, type Term } from '../term/types.ts';
import { listToArray } from '../term/list.ts';
import { mapFromPairs, mapPairs } from '../term/map.ts';

/** JS data (an AST) → a term. */
export function astToTerm(v: unknown): Term {
  if (v === null || v === undefined) return NIL_ATOM;
  if (typeof v === 'boolean') return v ? TRUE : FALSE;
  if (typeof v === 'string') return Binary.fromString(v);
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number') return Number.isSafeInteger(v) && !Object.is(v, -0) ? v : new Float(v);
  if (Array.isArray(v)) return list(v.map(astToTerm));
  const pairs: [Term, Term][] = [];
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) pairs.push([atom(k), astToTerm(x)]);
  return mapFromPairs(pairs);
}

/** A term → JS data; throws on anything an AST never holds. */
export function termToAst(t: Term): unknown {
  if (typeof t === 'number' || typeof t === 'bigint') return t;
  switch (t.kind) {
    case 'float':
      return t.value;
    case 'atom':
      if (t === NIL_ATOM) return null;
      if (t === TRUE || t === FALSE) return t === TRUE;
      break;
    case 'binary':
      if (t.text !== null) return t.text;
      break;
    case 'nil':
    case 'cons': {
      const { items, tail } = listToArray(t);
      if (typeof tail === 'object' && tail.kind === 'nil') return items.map(termToAst);
      break;
    }
    case 'map': {
      // Own properties only (fromEntries defines them): a key :__proto__ from a peer must not
      // set the object's prototype.
      const fields: [string, unknown][] = [];
      for (const [k, v] of mapPairs(t as MapTerm)) {
        if (typeof k !== 'object' || k.kind !== 'atom') throw new Error('bad code payload: map key');
        fields.push([k.name, termToAst(v)]);
      }
      return Object.fromEntries(fields);
    }
  }
  throw new Error(`bad code payload: unexpected ${typeof t === 'object' ? t.kind : typeof t}`);
}
