/**
 * The exceptions the standard modules raise, worded exactly as Elixir 1.14 words them (checked
 * against real `elixir -e`). Exceptions whose Elixir message is computed by `message/1`
 * (KeyError, Protocol.UndefinedError, FunctionClauseError) carry their fields *and* the computed
 * message, so the VM's formatter can print `** (KeyError) key :a not found in: %{}` from
 * `message` alone.
 */
import { atom, Binary, list, NIL_ATOM, type Term } from '../../term/types.ts';
import { inspect } from '../../term/inspect.ts';
import { moduleAtom, raise } from '../errors.ts';

const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th'];

/**
 * An `:erlang` BIF's badarg as Elixir 1.14 shows it (erl_erts_errors):
 * `errors were found at the given arguments:\n\n  * 1st argument: not an integer\n`.
 */
export function badarg(position: number, what: string): never {
  const ord = ORDINALS[position - 1] ?? `${position}th`;
  return raise('ArgumentError', `errors were found at the given arguments:\n\n  * ${ord} argument: ${what}\n`);
}

/**
 * `no function clause matching in String.upcase/2` (module given as Elixir writes it). `args`
 * (all `arity` of them, defaults included) let iex list the arguments; `clauses` are the
 * "Attempted function clauses" lines iex prints for a precompiled function, already rendered
 * with `-failed-` parts (Elixir keeps clause ASTs there; we keep their text).
 */
export function functionClause(module: string, name: string, arity: number, args?: readonly Term[], clauses?: readonly string[]): never {
  const shown = /^[a-z]/.test(module) ? `:${module}` : module;
  return raise('FunctionClauseError', `no function clause matching in ${shown}.${name}/${arity}`, [
    ['module', moduleAtom(module)],
    ['function', atom(name)],
    ['arity', arity],
    ['kind', args === undefined ? NIL_ATOM : atom('def')],
    ['args', args === undefined ? NIL_ATOM : list([...args])],
    ['clauses', clauses === undefined ? NIL_ATOM : list(clauses.map((c) => Binary.fromString(c)))],
  ]);
}

export function keyError(key: Term, term: Term): never {
  return raise('KeyError', `key ${inspect(key)} not found in: ${inspect(term)}`, [
    ['key', key],
    ['term', term],
  ]);
}

export function badMap(term: Term): never {
  return raise('BadMapError', `expected a map, got: ${inspect(term)}`, [['term', term]]);
}

export function emptyError(): never {
  return raise('Enum.EmptyError', 'empty error');
}

export function outOfBounds(): never {
  return raise('Enum.OutOfBoundsError', 'out of bounds error');
}
