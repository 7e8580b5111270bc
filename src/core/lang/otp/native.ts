/**
 * The few TS BIFs the OTP prelude (GenServer, Supervisor, Agent, Task, Registry: all written in
 * Elixir, as OTP writes them in Erlang) needs where BEAM has a BIF or where Elixir's Logger does
 * the printing: logging a report, the `** (stop)` text of an exit reason, `:erlang.raise/3`,
 * `function_exported?/3`.
 */
import { atom, Binary, bool, OK, type Atom, type Term } from '../../term/types.ts';
import type { Bif, BifFn } from '../builtins.ts';
import { ElixirThrow } from '../errors.ts';
import { Rethrow } from '../vm-errors.ts';
import { badargAt } from '../bifs-kernel.ts';
import { formatError, formatExit } from '../format-error.ts';
import { formatStacktrace } from '../stacktrace-format.ts';
import { isErrorExit } from '../exit-format.ts';
import { isException, normalizeException } from '../exceptions.ts';
import type { LogLevel } from '../../ports.ts';
import type { InspectOptions } from '../../term/inspect.ts';
import { customTexts } from '../stdlib/inspect-protocol.ts';
import { userExceptionModule } from '../user-exception.ts';

const LEVELS = new Set<string>(['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency']);

function text(t: Term, i: number): string {
  if (typeof t !== 'object' || t.kind !== 'binary') return badargAt(i, 'not a binary');
  return t.text ?? new TextDecoder().decode(t.bytes);
}

function isAtom(t: Term | undefined): t is Atom {
  return typeof t === 'object' && t.kind === 'atom';
}

/**
 * Logger's `format_stop`: a raise (`{exception, stacktrace}`) prints as its banner, any other
 * reason as `** (stop) ` and Exception.format_exit's words, each on a new line.
 */
function formatStop(reason: Term, opts: InspectOptions): string {
  if (isErrorExit(reason) && typeof reason === 'object' && reason.kind === 'tuple') {
    const [error, stack] = reason.elements as [Term, Term];
    // An Erlang reason Elixir has no exception for ({:nocatch, v}...) prints as a stop.
    if (isException(error) || normalizeException(error, stack).module !== ERLANG_ERROR) return `\n${formatError('error', error, stack, false, opts, formatStacktrace(stack))}`;
    return `\n** (stop) ${formatExit(error, '\n', opts)}`;
  }
  return `\n** (stop) ${formatExit(reason, '\n', opts)}`;
}

const ERLANG_ERROR = atom('Elixir.ErlangError');

/** `:erlang.raise(class, reason, stacktrace)`: raises with the given stacktrace (gen_server's catch re-raises so). */
const raise3: BifFn = ([cls, reason, stack]) => {
  const kind = isAtom(cls) ? cls.name : '';
  if (kind !== 'error' && kind !== 'exit' && kind !== 'throw') return badargAt(0, 'not a valid class');
  if (isStacktrace(stack as Term)) throw new Rethrow(cls as Atom, reason as Term, stack as Term);
  throw new ElixirThrow(kind, reason as Term);
};

/**
 * A proper list of `{m, f, a, loc}` (or `{fun, args, loc}`, error_handler's for a fun of a
 * missing module) entries: what `:erlang.raise/3` accepts as a stacktrace.
 */
function isStacktrace(t: Term): boolean {
  let l = t;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    const e = l.head;
    if (typeof e !== 'object' || e.kind !== 'tuple') return false;
    if (e.elements.length !== 4 && !(e.elements.length === 3 && typeof e.elements[0] === 'object' && e.elements[0].kind === 'fun')) return false;
  }
  return typeof l === 'object' && l.kind === 'nil';
}

const exported: BifFn = ([m, f, a], c) => bool(isAtom(m) && isAtom(f) && typeof a === 'number' && c.node.functionExported(m, f, a));

/** `:sys.name/arity`, run by GenServer.Sys's Elixir function of the same name. */
const sys = (name: string, arity: number): Bif => ({
  module: 'sys',
  name,
  arity,
  control: true,
  fn: (args, c) => c.tailCallMfa(atom('Elixir.GenServer.Sys'), atom(name), args),
});

export const otpNativeBifs: readonly Bif[] = [
  sys('get_state', 1),
  sys('get_state', 2),
  sys('replace_state', 2),
  sys('replace_state', 3),
  sys('terminate', 2),
  sys('terminate', 3),
  {
    module: 'otp_native',
    name: 'log',
    arity: 2,
    fn: ([level, msg], c) => {
      if (!isAtom(level) || !LEVELS.has(level.name)) return badargAt(0, 'not a log level');
      c.node.log(level.name as LogLevel, text(msg as Term, 1));
      return OK;
    },
  },
  { module: 'otp_native', name: 'format_stop', arity: 1, fn: ([r]) => Binary.fromString(formatStop(r as Term, {})) },
  // With the texts of the custom-Inspect structs in the reason (Kernel.CrashText.docs/1).
  { module: 'otp_native', name: 'format_stop', arity: 2, fn: ([r, docs]) => Binary.fromString(formatStop(r as Term, { custom: customTexts(docs as Term) })) },
  { module: 'otp_native', name: 'user_exception', arity: 1, fn: ([e], c) => bool(userExceptionModule(e as Term, c.node) !== null) },
  { module: 'Elixir.Exception', name: 'format_exit', arity: 1, fn: ([r]) => Binary.fromString(formatExit(r as Term, '\n')) },
  { module: 'erlang', name: 'raise', arity: 3, fn: raise3 },
  // A label for the canvas (OTP 27's proc_lib:set_label/1): the supervisor's `{:supervisor, strategy}`.
  { module: 'otp_native', name: 'set_label', arity: 1, fn: ([label], c) => (c.proc.setLabel(label as Term), OK) },
  // A node runs one scheduler (the tab's event loop): Task.async_stream's default concurrency.
  { module: 'Elixir.System', name: 'schedulers_online', arity: 0, fn: () => 1 },
  { module: 'erlang', name: 'function_exported', arity: 3, fn: exported },
  { module: 'Elixir.Kernel', name: 'function_exported?', arity: 3, fn: exported },
];

