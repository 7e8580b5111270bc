/**
 * Erlang error terms ↔ Elixir exceptions.
 *
 * Like BEAM, the VM raises plain Erlang reasons for the errors the machine detects
 * (`{:badmatch, 2}`, `{:case_clause, 3}`, `:function_clause`, `:badarith`, `{:badkey, k, m}`...),
 * so exit reasons seen by links and monitors are BEAM's. `rescue` and the error printer turn them
 * into exception structs (Elixir's `Exception.normalize/3`).
 */
import { atom, Binary, Tuple, TRUE, type Atom, type MapTerm, type Term } from '../term/types.ts';
import { mapGet } from '../term/map.ts';
import { inspect, type InspectOptions } from '../term/inspect.ts';
import { exception, moduleAtom } from './errors.ts';
import { computedMessage, funName } from './exception-structs.ts';
import { undefinedFunctionError, undefinedWording, type ModuleView } from './undefined-function.ts';

export { funName };

export const ERROR_ATOM = atom('error');
export const THROW_ATOM = atom('throw');
export const EXIT_ATOM = atom('exit');
const STRUCT = atom('__struct__');
const EXCEPTION = atom('__exception__');
const MESSAGE = atom('message');
const NIL = atom('nil');
const UNDEFINED_FUNCTION = atom('Elixir.UndefinedFunctionError');

export function isException(t: Term): t is MapTerm {
  return typeof t === 'object' && t.kind === 'map' && mapGet(t, EXCEPTION) === TRUE && isAtomTerm(mapGet(t, STRUCT));
}

export function exceptionModule(t: MapTerm): Atom {
  return mapGet(t, STRUCT) as Atom;
}

/** Printing options, and the printing node's module table (an UndefinedFunctionError's wording). */
export interface MessageOptions extends InspectOptions {
  readonly modules?: ModuleView;
}

export function exceptionMessage(t: MapTerm, opts: MessageOptions = {}): string {
  const m = mapGet(t, MESSAGE);
  if (typeof m === 'object' && m.kind === 'binary') return m.text ?? '';
  if (exceptionModule(t) === UNDEFINED_FUNCTION) return undefinedWording((k) => mapGet(t, atom(k)), opts.modules).text;
  return computedMessage(moduleName(exceptionModule(t)), t, opts) ?? inspect(t, opts);
}

/** Elixir's name for a module atom: `Elixir.Foo` → `Foo`, `foo` → `:foo`. */
export function moduleName(m: Term): string {
  if (typeof m === 'object' && m.kind === 'atom') return m.name.startsWith('Elixir.') ? m.name.slice(7) : inspect(m);
  return inspect(m);
}

/** `{Mod, fun, args_or_arity, location}` of the top of a stacktrace, if any. */
export function stackTop(stack: Term): readonly Term[] | null {
  if (typeof stack === 'object' && stack.kind === 'cons') {
    const h = stack.head;
    if (typeof h === 'object' && h.kind === 'tuple' && h.elements.length === 4) return h.elements;
  }
  return null;
}

function tupleOf(t: Term, tag: string, size: number): readonly Term[] | null {
  if (typeof t === 'object' && t.kind === 'tuple' && t.elements.length === size && t.elements[0] === atom(tag)) return t.elements;
  return null;
}

/** Elixir's Exception.normalize(:error, reason, stacktrace). */
/** What Elixir 1.14's KeyError adds for a `{badkey, key, term}` whose term is not a map (a `.field` on something else). */
const DOT_HINT = '. If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map';

export function normalizeException(reason: Term, stack: Term, opts: InspectOptions = {}): { module: Atom; struct: MapTerm } {
  const s = toStruct(reason, stack, opts);
  return { module: exceptionModule(s), struct: s };
}

function toStruct(reason: Term, stack: Term, opts: InspectOptions): MapTerm {
  if (isException(reason)) return reason;
  if (reason === atom('badarg')) return exception('ArgumentError', 'argument error');
  if (reason === atom('badarith')) return exception('ArithmeticError', 'bad argument in arithmetic expression');
  if (reason === atom('system_limit')) return exception('SystemLimitError', 'a system limit has been reached');
  if (reason === atom('function_clause')) {
    const top = stackTop(stack);
    if (top !== null) {
      const [m, f, a] = top as [Term, Term, Term];
      const arity = typeof a === 'number' ? a : listLen(a);
      const name = typeof f === 'object' && f.kind === 'atom' ? f : atom('?');
      // As Exception.normalize leaves it: no message field (message/1 computes it), nothing blamed yet.
      return exception('FunctionClauseError', '', [
        ['module', m], ['function', name], ['arity', arity], ['kind', NIL], ['args', NIL], ['clauses', NIL],
      ], false);
    }
    return exception('FunctionClauseError', 'no function clause matches');
  }
  if (reason === atom('undef')) {
    // Exception.normalize's from_stacktrace: the call on top of the trace, if any.
    const top = stackTop(stack);
    if (top === null) return undefinedFunctionError(NIL, NIL, NIL);
    const [m, f, a] = top as [Term, Term, Term];
    return undefinedFunctionError(m, f, typeof a === 'number' ? a : listLen(a));
  }
  let t: readonly Term[] | null;
  if ((t = tupleOf(reason, 'badmatch', 2))) return exception('MatchError', `no match of right hand side value: ${inspect(t[1] as Term, opts)}`, [['term', t[1] as Term]]);
  if ((t = tupleOf(reason, 'case_clause', 2))) return exception('CaseClauseError', `no case clause matching: ${inspect(t[1] as Term, opts)}`, [['term', t[1] as Term]]);
  if ((t = tupleOf(reason, 'try_clause', 2))) return exception('TryClauseError', `no try clause matching: ${inspect(t[1] as Term, opts)}`, [['term', t[1] as Term]]);
  if ((t = tupleOf(reason, 'with_clause', 2))) return exception('WithClauseError', `no with clause matching: ${inspect(t[1] as Term, opts)}`, [['term', t[1] as Term]]);
  if ((t = tupleOf(reason, 'badkey', 3))) {
    const text = `key ${inspect(t[1] as Term, opts)} not found in: ${inspect(t[2] as Term, opts)}`;
    const fields: [string, Term][] = [['key', t[1] as Term], ['term', t[2] as Term]];
    // Not on a map: the message is set, with the hint (else it stays nil and is computed).
    if (typeof t[2] !== 'object' || t[2].kind !== 'map') fields.push(['message', Binary.fromString(text + DOT_HINT)]);
    return exception('KeyError', text, fields);
  }
  if ((t = tupleOf(reason, 'badkey', 2))) return exception('KeyError', `key ${inspect(t[1] as Term, opts)} not found`, [['key', t[1] as Term], ['term', NIL]]);
  if ((t = tupleOf(reason, 'badmap', 2))) return exception('BadMapError', `expected a map, got: ${inspect(t[1] as Term, opts)}`, [['term', t[1] as Term]]);
  if ((t = tupleOf(reason, 'badfun', 2))) return exception('BadFunctionError', `expected a function, got: ${inspect(t[1] as Term, opts)}`, [['term', t[1] as Term]]);
  if ((t = tupleOf(reason, 'badarity', 2))) {
    const inner = t[1] as Term;
    if (typeof inner === 'object' && inner.kind === 'tuple' && inner.elements.length === 2) {
      const [f, args] = inner.elements as [Term, Term];
      return exception('BadArityError', '', [['function', f], ['args', args]]);
    }
  }
  return exception('ErlangError', `Erlang error: ${inspect(reason, opts)}`, [['original', reason], ['reason', NIL]]);
}

function listLen(t: Term): number {
  let n = 0;
  for (let l = t; typeof l === 'object' && l.kind === 'cons'; l = l.tail) n++;
  return n;
}


/** Default messages of `raise Module` with no message. */
const DEFAULT_MESSAGES = new Map<string, string>([
  ['ArgumentError', 'argument error'],
  ['RuntimeError', 'runtime error'],
  ['ArithmeticError', 'bad argument in arithmetic expression'],
  ['SystemLimitError', 'a system limit has been reached'],
  ['KeyError', 'key not found'],
  ['MatchError', 'no match of right hand side value: nil'],
  ['Enum', 'Enum'],
  ['Enum.EmptyError', 'empty error'],
  ['Enum.OutOfBoundsError', 'out of bounds error'],
]);

/** The struct `raise Module` / `raise Module, message` / `raise Module, opts` builds. */
export function makeException(mod: Atom, message: string | null, fields: readonly (readonly [string, Term])[] = []): MapTerm {
  const name = moduleName(mod);
  const msg = message ?? DEFAULT_MESSAGES.get(name) ?? `${name} exception`;
  return exception(name, msg, fields);
}

export function tuple2(a: Term, b: Term): Tuple {
  return new Tuple([a, b]);
}

export { moduleAtom };

function isAtomTerm(t: Term | undefined): boolean {
  return typeof t === 'object' && t.kind === 'atom';
}
