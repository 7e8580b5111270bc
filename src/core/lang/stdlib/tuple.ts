/** Elixir's Tuple and Atom modules: thin layers over `:erlang` tuple and atom BIFs. */
import { Tuple, type Term } from '../../term/types.ts';
import { at, defineBifs } from './define.ts';
import { badarg } from './errors.ts';
import { add, mul } from './values.ts';
import { viaErlang } from './inlined.ts';

export function needTuple(t: Term, pos = 1): Tuple {
  return typeof t === 'object' && t.kind === 'tuple' ? t : badarg(pos, 'not a tuple');
}

function index(t: Term, pos: number): number {
  return typeof t === 'number' ? t : badarg(pos, 'not an integer');
}

export const tupleBifs = defineBifs('Elixir.Tuple', {
  'to_list/1': (a, ctx) => viaErlang(ctx, 'tuple_to_list', [at(a, 0)]),
  'append/2': (a) => new Tuple([...needTuple(at(a, 0)).elements, at(a, 1)]),
  'insert_at/3': (a) => {
    const els = [...needTuple(at(a, 0), 2).elements];
    const i = index(at(a, 1), 1);
    if (i < 0 || i > els.length) return badarg(1, 'out of range');
    els.splice(i, 0, at(a, 2));
    return new Tuple(els);
  },
  'delete_at/2': (a) => {
    const els = [...needTuple(at(a, 0), 2).elements];
    const i = index(at(a, 1), 1);
    if (i < 0 || i >= els.length) return badarg(1, 'out of range');
    els.splice(i, 1);
    return new Tuple(els);
  },
  'duplicate/2': (a) => {
    const n = at(a, 1);
    if (typeof n !== 'number' || n < 0) return badarg(1, 'not a valid tuple arity');
    return new Tuple(new Array<Term>(n).fill(at(a, 0)));
  },
  'sum/1': (a) => needTuple(at(a, 0)).elements.reduce<Term>((s, x) => add(s, x), 0),
  'product/1': (a) => needTuple(at(a, 0)).elements.reduce<Term>((s, x) => mul(s, x), 1),
});

export const atomBifs = defineBifs('Elixir.Atom', {
  // Inlined to :erlang BIFs by Elixir: their errors are the BIF's (inlined.ts).
  'to_string/1': (a, ctx) => viaErlang(ctx, 'atom_to_binary', [at(a, 0)]),
  'to_charlist/1': (a, ctx) => viaErlang(ctx, 'atom_to_list', [at(a, 0)]),
});
