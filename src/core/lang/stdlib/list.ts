/** Elixir's List module (pure functions; List.foldl/foldr/update_at are in prelude/collections.ts). */
import { bool, Cons, FALSE, NIL, NIL_ATOM, Tuple, type Term } from '../../term/types.ts';
import type { Bif } from '../builtins.ts';
import { strictEquals } from '../../term/equality.ts';
import { at, defineBifs, findBif } from './define.ts';
import { functionClause } from './errors.ts';
import { fromArray } from './enumerable.ts';
import { duplicate, keyfind, listsBifs, properList } from './lists.ts';
import { walk } from './walk.ts';
import { chars, isList } from './values.ts';
import { viaErlang } from './inlined.ts';

/** Elements of a proper list or FunctionClauseError in `List.name/arity`. */
function items(t: Term, name: string, arity: number): Term[] {
  if (!isList(t)) return functionClause('List', name, arity);
  return properList(t, name, arity, 'Elixir.List');
}

function clampIndex(i: number, n: number, insert: boolean): number {
  if (i < 0) return insert ? Math.max(0, n + i + 1) : n + i;
  return i;
}

function intAt(a: readonly Term[], i: number, name: string, arity: number): number {
  const v = at(a, i);
  return typeof v === 'number' ? v : functionClause('List', name, arity);
}

function keyPos(a: readonly Term[], i: number, name: string, arity: number): number {
  const p = at(a, i);
  return typeof p === 'number' && p >= 0 ? p + 1 : functionClause('List', name, arity);
}

export const listBifs = defineBifs('Elixir.List', {
  'first/1': (a) => items(at(a, 0), 'first', 2)[0] ?? NIL_ATOM,
  'first/2': (a) => items(at(a, 0), 'first', 2)[0] ?? at(a, 1),
  'last/1': (a) => items(at(a, 0), 'last', 2).pop() ?? NIL_ATOM,
  'last/2': (a) => items(at(a, 0), 'last', 2).pop() ?? at(a, 1),
  'flatten/1': (a) => callLists('flatten', [at(a, 0)]),
  'flatten/2': (a) => callLists('flatten', [at(a, 0), at(a, 1)]),
  'wrap/1': (a) => {
    const t = at(a, 0);
    return t === NIL_ATOM ? NIL : isList(t) ? t : new Cons(t, NIL);
  },
  'delete/2': (a) => {
    const xs = items(at(a, 0), 'delete', 2);
    const i = xs.findIndex((x) => strictEquals(x, at(a, 1)));
    if (i >= 0) xs.splice(i, 1);
    return fromArray(xs);
  },
  'delete_at/2': (a) => {
    const xs = items(at(a, 0), 'delete_at', 2);
    const i = clampIndex(intAt(a, 1, 'delete_at', 2), xs.length, false);
    if (i >= 0 && i < xs.length) xs.splice(i, 1);
    return fromArray(xs);
  },
  'insert_at/3': (a) => {
    const xs = items(at(a, 0), 'insert_at', 3);
    const i = Math.min(clampIndex(intAt(a, 1, 'insert_at', 3), xs.length, true), xs.length);
    xs.splice(i, 0, at(a, 2));
    return fromArray(xs);
  },
  'replace_at/3': (a) => {
    const xs = items(at(a, 0), 'replace_at', 3);
    const i = clampIndex(intAt(a, 1, 'replace_at', 3), xs.length, false);
    if (i >= 0 && i < xs.length) xs[i] = at(a, 2);
    return fromArray(xs);
  },
  'duplicate/2': (a, ctx) => walk(ctx, duplicate(at(a, 0), at(a, 1))),
  'zip/1': (a) => {
    const lists = items(at(a, 0), 'zip', 1).map((l) => items(l, 'zip', 1));
    if (lists.length === 0) return NIL;
    const n = Math.min(...lists.map((l) => l.length));
    const out: Term[] = [];
    for (let i = 0; i < n; i++) out.push(new Tuple(lists.map((l) => l[i] as Term)));
    return fromArray(out);
  },
  'to_tuple/1': (a, ctx) => viaErlang(ctx, 'list_to_tuple', [at(a, 0)]),
  'keyfind/3': (a) => orDefault(keyfind([at(a, 1), keyPos(a, 2, 'keyfind', 4), at(a, 0)]), NIL_ATOM),
  'keyfind/4': (a) => orDefault(keyfind([at(a, 1), keyPos(a, 2, 'keyfind', 4), at(a, 0)]), at(a, 3)),
  'keymember?/3': (a) => bool(keyfind([at(a, 1), keyPos(a, 2, 'keymember?', 3), at(a, 0)]) !== FALSE),
  'keydelete/3': (a) => {
    const p = keyPos(a, 2, 'keydelete', 3);
    const xs = items(at(a, 0), 'keydelete', 3);
    const i = xs.findIndex((x) => keyMatches(x, p, at(a, 1)));
    if (i >= 0) xs.splice(i, 1);
    return fromArray(xs);
  },
  'keystore/4': (a) => {
    const p = keyPos(a, 2, 'keystore', 4);
    const xs = items(at(a, 0), 'keystore', 4);
    const i = xs.findIndex((x) => keyMatches(x, p, at(a, 1)));
    if (i >= 0) xs[i] = at(a, 3);
    else xs.push(at(a, 3));
    return fromArray(xs);
  },
  'keyreplace/4': (a) => {
    const p = keyPos(a, 2, 'keyreplace', 4);
    const xs = items(at(a, 0), 'keyreplace', 4);
    const i = xs.findIndex((x) => keyMatches(x, p, at(a, 1)));
    if (i >= 0) xs[i] = at(a, 3);
    return fromArray(xs);
  },
  'to_string/1': (a) => {
    const t = at(a, 0);
    if (!isList(t)) return functionClause('List', 'to_string', 1, [t], ['def to_string(list) when -is_list(list)-']);
    return chars(t);
  },
  // Inlined to :erlang BIFs by Elixir: their errors are the BIF's (inlined.ts).
  'to_atom/1': (a, ctx) => viaErlang(ctx, 'list_to_atom', [at(a, 0)]),
  'to_existing_atom/1': (a, ctx) => viaErlang(ctx, 'list_to_existing_atom', [at(a, 0)]),
  'to_integer/1': (a, ctx) => viaErlang(ctx, 'list_to_integer', [at(a, 0)]),
  'to_float/1': (a, ctx) => viaErlang(ctx, 'list_to_float', [at(a, 0)]),
  'ascii_printable?/1': (a) => bool(items(at(a, 0), 'ascii_printable?', 2).every((c) => typeof c === 'number' && ((c >= 32 && c <= 126) || [7, 8, 9, 10, 11, 12, 13, 27].includes(c)))),
}, true); // control: List.duplicate traps (walk.ts)

function keyMatches(x: Term, pos: number, key: Term): boolean {
  return typeof x === 'object' && x.kind === 'tuple' && x.size >= pos && strictEquals(x.elements[pos - 1] as Term, key);
}

function orDefault(found: Term, dflt: Term): Term {
  return found === FALSE ? dflt : found;
}

function callLists(name: string, args: Term[]): Term {
  const b = findBif(listsBifs, name, args.length);
  return (b as Bif).fn(args, undefined as never);
}

