/**
 * Raising from TypeScript: built-in functions and the VM signal Elixir errors by throwing an
 * `ElixirThrow`. The VM catches it at the process boundary (or in try/rescue) and turns it into
 * the right exit reason and message.
 *
 * Exceptions are Elixir structs: maps with `__struct__` (the module atom, e.g.
 * `Elixir.ArgumentError`), `__exception__: true` and `message` (plus module-specific fields).
 * `** (ArgumentError) message` is printed by formatting `kind` + `reason` (see format-error.ts).
 */
import { atom, AtomLimitError, Binary, Cons, MapTerm, NIL, TRUE, Tuple, type Atom, type Term } from '../term/types.ts';
import { ErlangError } from '../runtime/errors.ts';
import { NO_MESSAGE_FIELD } from './exception-structs.ts';
import { fileLocation } from './stacktrace.ts';

export type ErrorKind = 'error' | 'exit' | 'throw';

export class ElixirThrow {
  constructor(
    readonly kind: ErrorKind,
    readonly reason: Term,
    /**
     * The call that raised, `{module, fun, args_or_arity, location}`: the top of the
     * stacktrace, as BEAM puts the failing BIF or function there. null: the raising code's own
     * frame is the top (a deliberate `raise`/`throw`/`exit`).
     */
    public top: Term | null = null,
    /** False for an error of the calling code itself (code a BIF stands in for): no BIF frame on top. */
    readonly bifFrame = true,
    /**
     * Raised by `raise/1`, which Elixir 1.14 expands to `:erlang.error(e, :none, error_info:
     * %{module: Exception})`: the raising frame carries that error_info (`raise/2` has none).
     */
    readonly errorInfo = false,
  ) {}
}

const STRUCT = atom('__struct__');
const EXCEPTION = atom('__exception__');
const MESSAGE = atom('message');

/** BIFs whose very purpose is to raise: like `:erlang.error/1` on BEAM, not a frame of their own. */
const RAISERS = new Set(['raise', 'reraise', 'error', 'throw', 'exit']);

/**
 * An error thrown by the built-in function `module.name(args)`, with that call made the top of
 * its stacktrace (as BEAM reports `:erlang.hd([])` or `Map.fetch!/2`); iex shows that frame, or
 * a blank line when there is none. A Kernel BIF that is an `:erlang` one is named as such.
 */
export function atBif(e: unknown, module: string, name: string, args: readonly Term[], erlangToo: boolean): unknown {
  if (e instanceof ErlangError) e = new ElixirThrow('error', e.reason);
  else if (e instanceof AtomLimitError) e = new ElixirThrow('error', atom('system_limit'));
  if (!(e instanceof ElixirThrow) || e.top !== null || e.kind !== 'error' || !e.bifFrame || RAISERS.has(name)) return e;
  const mod = erlangToo ? 'erlang' : module;
  // An Erlang BIF's entry has its arguments; an Elixir function (ours are TS) raised from its own
  // frame, which names its arity (`Map.fetch!/2`).
  const elixir = mod.startsWith('Elixir.') && !bifLevel(e.reason);
  e.top = clauseFrame(e.reason, args) ?? new Tuple([atom(mod), atom(name), elixir ? args.length : listOfArgs(args), fileLocation(mod)]);
  return e;
}

/**
 * Runs `run` as the `:erlang` BIF `name` called with `args`: a failure gets the BIF's call as the
 * top of its stacktrace (an Elixir function inlined to that BIF fails as the BIF: stdlib/inlined.ts).
 */
export function asErlang<T>(name: string, args: readonly Term[], run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw atBif(e, 'erlang', name, args, true);
  }
}

/** An error an Erlang BIF raises for the function (`errors were found...`, system_limit): its entry keeps the arguments. */
function bifLevel(reason: Term): boolean {
  if (reason === atom('system_limit')) return true;
  if (typeof reason !== 'object' || reason.kind !== 'map') return false;
  const field = (k: string) => reason.entries.get(atom(k))?.[1];
  const struct = field('__struct__');
  if (struct === atom('Elixir.SystemLimitError')) return true;
  const msg = field('message');
  return struct === atom('Elixir.ArgumentError') && typeof msg === 'object' && msg.kind === 'binary' && (msg.text ?? '').startsWith('errors were found');
}

/**
 * A FunctionClauseError names the function that had no clause (a BIF may stand for another one,
 * e.g. `List.flatten/1` for `:lists.flatten/1`): that function is the frame, with the arguments
 * when the arity agrees (iex then lists them).
 */
function clauseFrame(reason: Term, args: readonly Term[]): Tuple | null {
  if (typeof reason !== 'object' || reason.kind !== 'map') return null;
  const field = (k: string) => reason.entries.get(atom(k))?.[1];
  if (field('__struct__') !== atom('Elixir.FunctionClauseError')) return null;
  const [m, f, arity] = [field('module'), field('function'), field('arity')];
  if (typeof m !== 'object' || m.kind !== 'atom' || typeof f !== 'object' || f.kind !== 'atom' || typeof arity !== 'number') return null;
  const given = field('args');
  if (given !== undefined && listLength(given) === arity) return new Tuple([m, f, given, fileLocation(m.name)]);
  return new Tuple([m, f, arity === args.length ? listOfArgs(args) : arity, fileLocation(m.name)]);
}

function listLength(t: Term): number {
  let n = 0;
  for (; typeof t === 'object' && t.kind === 'cons'; t = t.tail) n++;
  return typeof t === 'object' && t.kind === 'nil' ? n : -1;
}

function listOfArgs(args: readonly Term[]): Term {
  let l: Term = NIL;
  for (let i = args.length - 1; i >= 0; i--) l = new Cons(args[i] as Term, l);
  return l;
}

/** `Elixir.ArgumentError` from `ArgumentError`. */
export function moduleAtom(name: string): Atom {
  return atom(name.startsWith('Elixir.') || /^[a-z]/.test(name) ? name : `Elixir.${name}`);
}

/**
 * An exception struct. Keys are atoms, and an atom is its own map key (src/core/term/hash.ts),
 * so the entries map can be built directly here. `messageField` false leaves `message` out of a
 * struct that may carry one (a FunctionClauseError as Exception.normalize makes it).
 */
export function exception(module: string, message: string, fields: readonly (readonly [string, Term])[] = [], messageField = true): MapTerm {
  const entries = new Map<unknown, readonly [Term, Term]>();
  const put = (k: Atom, v: Term) => entries.set(k, [k, v]);
  put(STRUCT, moduleAtom(module));
  put(EXCEPTION, TRUE);
  // As Elixir's structs: MatchError and friends hold no message (message/1 computes it, see
  // exception-structs.ts); a KeyError's is nil unless given apart from its key and term.
  if (module === 'CompileError') put(atom('description'), Binary.fromString(message));
  else if (module === 'KeyError' && fields.some(([k]) => k === 'key')) put(MESSAGE, atom('nil'));
  else if (messageField && !NO_MESSAGE_FIELD.has(module)) put(MESSAGE, Binary.fromString(message));
  for (const [k, v] of fields) put(atom(k), v);
  return new MapTerm(entries);
}

/**
 * Protocol.UndefinedError, built here and nowhere else: the struct Elixir's holds (`protocol`,
 * `value`, `description`). Its message is computed when it is printed (exception-structs.ts), with
 * the printer's options, so a struct shows its fields in definition order wherever it was raised.
 */
export function protocolUndefined(protocol: string | Atom, value: Term, description = ''): ElixirThrow {
  const p = typeof protocol === 'string' ? moduleAtom(protocol) : protocol;
  return new ElixirThrow('error', exception('Protocol.UndefinedError', '', [['protocol', p], ['value', value], ['description', Binary.fromString(description)]]));
}

/** Throw `** (Module) message` as `raise` does. */
export function raise(module: string, message: string, fields: readonly (readonly [string, Term])[] = []): never {
  throw new ElixirThrow('error', exception(module, message, fields));
}

export function argumentError(message = 'argument error'): never {
  return raise('ArgumentError', message);
}

export function arithmeticError(): never {
  return raise('ArithmeticError', 'bad argument in arithmetic expression');
}
