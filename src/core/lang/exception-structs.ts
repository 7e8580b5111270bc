/**
 * Elixir 1.14's built-in exceptions as structs: their fields (as `defexception` declares them
 * in lib/exception.ex, so `%MatchError{term: 1}` prints and matches as in iex) and the message
 * of those whose struct has no `message` field (Elixir's `message/1` computes it from the fields).
 * The prelude (stdlib/structs.ts) defines each as a module with `defexception`.
 */
import { atom, Binary, NIL_ATOM, type Atom, type MapTerm, type Term } from '../term/types.ts';
import { inspect, type InspectOptions } from '../term/inspect.ts';

/** `defexception` arguments of each built-in exception, as Elixir source. */
export const BUILTIN_EXCEPTIONS: readonly (readonly [string, string])[] = [
  ['RuntimeError', 'message: "runtime error"'],
  ['ArgumentError', 'message: "argument error"'],
  ['ArithmeticError', 'message: "bad argument in arithmetic expression"'],
  ['SystemLimitError', 'message: "a system limit has been reached"'],
  ['CompileError', '[:file, :line, description: "compile error"]'],
  ['BadFunctionError', '[:term]'],
  ['BadMapError', '[:term]'],
  ['BadBooleanError', '[:term, :operator]'],
  ['MatchError', '[:term]'],
  ['CaseClauseError', '[:term]'],
  ['WithClauseError', '[:term]'],
  ['CondClauseError', '[]'],
  ['TryClauseError', '[:term]'],
  ['BadArityError', '[:function, :args]'],
  ['BadStructError', '[:struct, :term]'],
  ['UndefinedFunctionError', '[:module, :function, :arity, :reason, :message]'],
  ['FunctionClauseError', '[:module, :function, :arity, :kind, :args, :clauses]'],
  ['Protocol.UndefinedError', '[:protocol, :value, description: ""]'],
  ['KeyError', '[:key, :term, :message]'],
  ['ErlangError', '[:original, :reason]'],
  ['Enum.EmptyError', 'message: "empty error"'],
  ['Enum.OutOfBoundsError', 'message: "out of bounds error"'],
];

/**
 * Built-in exceptions whose struct has no `message` field: exception() leaves it out. A
 * FunctionClauseError raised by our own built-ins (stdlib/errors.ts) keeps the message they word
 * with its argument list and clauses, and so prints as a map when inspected whole; the one the VM
 * raises for a function of the class is normalized exactly as Elixir makes it (exceptions.ts).
 */
const KEEP_MESSAGE = new Set(['FunctionClauseError']);
export const NO_MESSAGE_FIELD: ReadonlySet<string> = new Set(
  BUILTIN_EXCEPTIONS.filter(([name, fields]) => !fields.includes('message') && !KEEP_MESSAGE.has(name)).map(([name]) => name),
);

type Field = (name: string) => Term | undefined;

/** Elixir's `message/1` of the built-ins that compute it (when the struct holds no message). */
const COMPUTED: Readonly<Record<string, (f: Field, o: InspectOptions) => string>> = {
  MatchError: (f, o) => `no match of right hand side value: ${inspect(f('term') ?? atom('nil'), o)}`,
  CaseClauseError: (f, o) => `no case clause matching: ${inspect(f('term') ?? atom('nil'), o)}`,
  TryClauseError: (f, o) => `no try clause matching: ${inspect(f('term') ?? atom('nil'), o)}`,
  WithClauseError: (f, o) => `no with clause matching: ${inspect(f('term') ?? atom('nil'), o)}`,
  CondClauseError: () => 'no cond clause evaluated to a truthy value',
  BadMapError: (f, o) => `expected a map, got: ${inspect(f('term') ?? atom('nil'), o)}`,
  BadFunctionError: (f, o) => `expected a function, got: ${inspect(f('term') ?? atom('nil'), o)}`,
  BadBooleanError: (f, o) => `expected a boolean on left-side of "${atomText(f('operator'))}", got: ${inspect(f('term') ?? atom('nil'), o)}`,
  BadStructError: (f, o) => `expected a struct named ${inspect(f('struct') ?? atom('nil'), o)}, got: ${inspect(f('term') ?? atom('nil'), o)}`,
  ErlangError: (f, o) => `Erlang error: ${inspect(f('original') ?? atom('nil'), o)}`,
  // Raised by the VM (and normalized) or built by hand: FunctionClauseError's own message text.
  FunctionClauseError: (f) => {
    const fun = f('function');
    if (fun === undefined || fun === NIL_ATOM) return 'no function clause matches';
    return `no function clause matching in ${moduleText(f('module'))}.${typeof fun === 'object' && fun.kind === 'atom' ? funName(fun) : inspect(fun ?? atom('nil'))}/${inspect(f('arity') ?? atom('nil'))}`;
  },
  BadArityError: (f, o) => {
    const fun = f('function') ?? atom('nil');
    const args: string[] = [];
    for (let l = f('args'); typeof l === 'object' && l.kind === 'cons'; l = l.tail) args.push(inspect(l.head, o));
    const arity = typeof fun === 'object' && fun.kind === 'fun' ? fun.arity : 0;
    const n = args.length;
    return `${inspect(fun, o)} with arity ${arity} called with ${n === 0 ? 'no arguments' : `${n} argument${n === 1 ? '' : 's'} (${args.join(', ')})`}`;
  },
  CompileError: (f) => textOf(f('description')),
  // Computed when printed, with the printer's options: a struct shows its fields in definition order.
  'Protocol.UndefinedError': (f, o) => {
    const value = f('value') ?? atom('nil');
    const description = textOf(f('description') ?? Binary.fromString(''));
    return `protocol ${inspect(f('protocol') ?? atom('nil'), o)} not implemented for ${inspect(value, o)} of type ${typeName(value)}${description === '' ? '' : `, ${description}`}`;
  },
  KeyError: (f, o) => {
    const term = f('term');
    return `key ${inspect(f('key') ?? atom('nil'), o)} not found${term === undefined || term === atom('nil') ? '' : ` in: ${inspect(term, o)}`}`;
  },
};

/** The message of a built-in exception computed from its fields, or null when it has none such. */
export function computedMessage(module: string, e: MapTerm, opts: InspectOptions = {}): string | null {
  const compute = COMPUTED[module];
  return compute === undefined ? null : compute((k) => e.entries.get(atom(k))?.[1], opts);
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  float: 'Float', atom: 'Atom', binary: 'BitString', bitstring: 'BitString', tuple: 'Tuple', map: 'Map', pid: 'PID', port: 'Port', ref: 'Reference', fun: 'Function', cons: 'List', nil: 'List',
};

/** Elixir's type name in Protocol.UndefinedError messages (`of type Atom`, `of type U (a struct)`). */
export function typeName(t: Term): string {
  if (typeof t === 'number' || typeof t === 'bigint') return 'Integer';
  if (t.kind === 'map') {
    const s = t.entries.get(atom('__struct__'))?.[1];
    if (s !== undefined && s !== NIL_ATOM && typeof s === 'object' && s.kind === 'atom') return `${inspect(s)} (a struct)`;
  }
  return TYPE_NAMES[t.kind] ?? 'Unknown';
}

/** A function name as Elixir prints it in `Mod.fun/1` (quoted when not an identifier). */
export function funName(a: Atom): string {
  return /^[a-z_][a-zA-Z0-9_]*[?!]?$/.test(a.name) ? a.name : JSON.stringify(a.name);
}

/** A module as Elixir names it in a message: `String`, `:erl_eval`. */
function moduleText(t: Term | undefined): string {
  if (typeof t === 'object' && t.kind === 'atom') return t.name.startsWith('Elixir.') ? t.name.slice(7) : inspect(t);
  return inspect(t ?? atom('nil'));
}

function atomText(t: Term | undefined): string {
  return typeof t === 'object' && t.kind === 'atom' ? t.name : inspect(t ?? atom('nil'));
}

function textOf(t: Term | undefined): string {
  return typeof t === 'object' && t.kind === 'binary' ? (t.text ?? '') : inspect(t ?? atom('nil'));
}
