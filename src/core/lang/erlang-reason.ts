/**
 * The Erlang reason behind an exception struct: the inverse of Elixir's
 * `Exception.normalize/3` (exceptions.ts). Our VM raises built-in errors as Elixir structs at
 * once, where BEAM raises the bare reason (`:badarg`, `:undef`, `{:badmatch, v}`) and Elixir
 * only makes the struct in `rescue`. Code that must hand the bare reason on, as erpc and rpc
 * do in `{:badrpc, {:EXIT, {reason, stack}}}`, asks for it here. An exception raised by Elixir
 * code (`raise "boom"`, `raise ArgumentError, "my text"`) is its own reason, as on BEAM.
 */
import { atom, tuple, type Term } from '../term/types.ts';
import { mapGet } from '../term/map.ts';

const BIF_MESSAGES: Record<string, (message: string) => boolean> = {
  'Elixir.ArgumentError': (m) => m === 'argument error' || m.startsWith('errors were found at the given arguments'),
  'Elixir.ArithmeticError': (m) => m === 'bad argument in arithmetic expression',
};

const ATOMS: Record<string, string> = {
  'Elixir.ArgumentError': 'badarg',
  'Elixir.ArithmeticError': 'badarith',
  'Elixir.SystemLimitError': 'system_limit',
  'Elixir.FunctionClauseError': 'function_clause',
  'Elixir.UndefinedFunctionError': 'undef',
};

const WITH_TERM: Record<string, string> = {
  'Elixir.MatchError': 'badmatch',
  'Elixir.CaseClauseError': 'case_clause',
  'Elixir.TryClauseError': 'try_clause',
  'Elixir.BadMapError': 'badmap',
  'Elixir.BadFunctionError': 'badfun',
};

export function erlangReason(e: Term): Term {
  if (typeof e !== 'object' || e.kind !== 'map') return e;
  const field = (k: string) => mapGet(e, atom(k));
  const mod = field('__struct__');
  if (field('__exception__') !== atom('true') || typeof mod !== 'object' || mod.kind !== 'atom') return e;
  const name = mod.name;
  if (name === 'Elixir.ErlangError') return field('original') ?? e;
  const msg = field('message');
  const text = typeof msg === 'object' && msg.kind === 'binary' ? (msg.text ?? '') : '';
  const bifOnly = BIF_MESSAGES[name];
  if (ATOMS[name] !== undefined && (bifOnly === undefined || bifOnly(text))) return atom(ATOMS[name]);
  const tag = WITH_TERM[name];
  const term = field('term');
  if (tag !== undefined && term !== undefined) return tuple(atom(tag), term);
  if (name === 'Elixir.BadArityError') {
    const f = field('function');
    const args = field('args');
    if (f !== undefined && args !== undefined) return tuple(atom('badarity'), tuple(f, args));
  }
  return e;
}
