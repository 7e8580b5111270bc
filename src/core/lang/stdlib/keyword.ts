/**
 * Elixir's Keyword module: lists of `{atom, value}` pairs, duplicates allowed, order kept.
 * `get`/`fetch` read the first entry for a key; `put`/`delete` remove every entry for it.
 */
import { bool, ERROR, NIL_ATOM, OK, Tuple, type Atom, type Term } from '../../term/types.ts';
import { at, defineBifs } from './define.ts';
import { functionClause, keyError } from './errors.ts';
import { enumToArray, fromArray } from './enumerable.ts';
import { isList } from './values.ts';

type Pair = readonly [Atom, Term];

function isAtomTerm(t: Term): t is Atom {
  return typeof t === 'object' && t.kind === 'atom';
}

/** The pairs of a keyword list; FunctionClauseError in Keyword.name/arity when it is not one. */
function pairs(t: Term, name: string, arity: number): Pair[] {
  if (!isList(t)) return functionClause('Keyword', name, arity);
  const out: Pair[] = [];
  let l = t;
  while (typeof l === 'object' && l.kind === 'cons') {
    const p = l.head;
    if (typeof p !== 'object' || p.kind !== 'tuple' || p.size !== 2 || !isAtomTerm(p.elements[0] as Term)) {
      return functionClause('Keyword', name, arity);
    }
    out.push([p.elements[0] as Atom, p.elements[1] as Term]);
    l = l.tail;
  }
  return out;
}

function key(a: readonly Term[], i: number, name: string, arity: number): Atom {
  const k = at(a, i);
  return isAtomTerm(k) ? k : functionClause('Keyword', name, arity);
}

function toList(ps: readonly Pair[]): Term {
  return fromArray(ps.map(([k, v]) => new Tuple([k, v])));
}

function get(a: readonly Term[], dflt: Term): Term {
  const k = key(a, 1, 'get', 3);
  return pairs(at(a, 0), 'get', 3).find((p) => p[0] === k)?.[1] ?? dflt;
}

function put(ps: readonly Pair[], k: Atom, v: Term): Pair[] {
  return [[k, v], ...ps.filter((p) => p[0] !== k)];
}

export const keywordBifs = defineBifs('Elixir.Keyword', {
  'get/2': (a) => get(a, NIL_ATOM),
  'get/3': (a) => get(a, at(a, 2)),
  'fetch/2': (a) => {
    const k = key(a, 1, 'fetch', 2);
    const p = pairs(at(a, 0), 'fetch', 2).find((x) => x[0] === k);
    return p === undefined ? ERROR : new Tuple([OK, p[1]]);
  },
  'fetch!/2': (a) => {
    const k = key(a, 1, 'fetch!', 2);
    return pairs(at(a, 0), 'fetch!', 2).find((x) => x[0] === k)?.[1] ?? keyError(k, at(a, 0));
  },
  'put/3': (a) => toList(put(pairs(at(a, 0), 'put', 3), key(a, 1, 'put', 3), at(a, 2))),
  'put_new/3': (a) => {
    const k = key(a, 1, 'put_new', 3);
    const ps = pairs(at(a, 0), 'put_new', 3);
    return ps.some((p) => p[0] === k) ? at(a, 0) : toList([[k, at(a, 2)], ...ps]);
  },
  'delete/2': (a) => {
    const k = key(a, 1, 'delete', 2);
    return toList(pairs(at(a, 0), 'delete', 2).filter((p) => p[0] !== k));
  },
  'has_key?/2': (a) => {
    const k = key(a, 1, 'has_key?', 2);
    return bool(pairs(at(a, 0), 'has_key?', 2).some((p) => p[0] === k));
  },
  'keys/1': (a) => fromArray(pairs(at(a, 0), 'keys', 1).map((p) => p[0])),
  'values/1': (a) => fromArray(pairs(at(a, 0), 'values', 1).map((p) => p[1])),
  'merge/2': (a) => {
    const right = pairs(at(a, 1), 'merge', 2);
    const keys = new Set(right.map((p) => p[0]));
    return toList([...pairs(at(a, 0), 'merge', 2).filter((p) => !keys.has(p[0])), ...right]);
  },
  'new/0': () => fromArray([]),
  'new/1': (a) => {
    // Keyword.new/1 puts each pair in turn: later values win, first-seen order of keys is kept.
    let ps: Pair[] = [];
    for (const t of enumToArray(at(a, 0))) {
      if (typeof t !== 'object' || t.kind !== 'tuple' || t.size !== 2 || !isAtomTerm(t.elements[0] as Term)) {
        return functionClause('Keyword', 'new', 1);
      }
      ps = put(ps, t.elements[0] as Atom, t.elements[1] as Term);
    }
    return toList(ps.reverse());
  },
  'take/2': (a) => {
    const ks = new Set(enumToArray(at(a, 1)));
    return toList(pairs(at(a, 0), 'take', 2).filter((p) => ks.has(p[0])));
  },
  'drop/2': (a) => {
    const ks = new Set(enumToArray(at(a, 1)));
    return toList(pairs(at(a, 0), 'drop', 2).filter((p) => !ks.has(p[0])));
  },
  'keyword?/1': (a) => {
    let l = at(a, 0);
    while (typeof l === 'object' && l.kind === 'cons') {
      const p = l.head;
      if (typeof p !== 'object' || p.kind !== 'tuple' || p.size !== 2 || !isAtomTerm(p.elements[0] as Term)) return bool(false);
      l = l.tail;
    }
    return bool(l === fromArray([]));
  },
  'to_list/1': (a) => at(a, 0),
});
