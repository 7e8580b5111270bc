/**
 * Elixir 1.14's `Exception.format_exit/2`: the words iex prints after `** (exit) ` and the
 * crash reports print after `** (stop) `. OTP exits carry the call that failed, e.g.
 * `{:timeout, {GenServer, :call, [pid, :get, 100]}}`, which reads
 *
 *     exited in: GenServer.call(#PID<0.117.0>, :get, 100)
 *         ** (EXIT) time out
 *
 * `joiner` is what goes between the lines (iex uses "\n    ", Logger "\n"); nested exits indent
 * four more spaces each. An exit with an exception (`{%RuntimeError{}, stacktrace}`) prints the
 * exception's banner and its stacktrace (stacktrace-format.ts).
 */
import { atom, type Term } from '../term/types.ts';
import { inspect, type InspectOptions } from '../term/inspect.ts';
import { moduleName } from './exceptions.ts';
import { formatStacktraceEntry } from './stacktrace-format.ts';

/** `** (RuntimeError) boom` for an error reason and its stacktrace (format-error.ts gives it). */
export type Banner = (reason: Term, stack: Term) => string;

// Maps, not object literals: an atom named `toString` must not find Object.prototype's.
const WORDS: ReadonlyMap<string, string> = new Map([
  ['normal', 'normal'],
  ['shutdown', 'shutdown'],
  ['calling_self', 'process attempted to call itself'],
  ['timeout', 'time out'],
  ['killed', 'killed'],
  ['noconnection', 'no connection'],
  [
    'noproc',
    "no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started",
  ],
]);

/** gen_server's and supervisor's tagged reasons: `{:bad_call, req}` → `bad call: req`. */
const TAGGED: ReadonlyMap<string, string> = new Map([
  ['already_started', 'already started: '],
  ['bad_return_value', 'bad return value: '],
  ['bad_call', 'bad call: '],
  ['bad_cast', 'bad cast: '],
]);

function listItems(t: Term): Term[] | null {
  const out: Term[] = [];
  let l = t;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) out.push(l.head);
  return typeof l === 'object' && l.kind === 'nil' ? out : null;
}

/** `Mod.fun(arg1, arg2)` as Exception.format_mfa prints a call with its arguments. */
export function formatMfaCall(mod: Term, fun: Term, args: readonly Term[], opts: InspectOptions = {}): string {
  const f = typeof fun === 'object' && fun.kind === 'atom' ? inspect(fun).replace(/^:/, '') : inspect(fun);
  return `${moduleName(mod)}.${f}(${args.map((a) => inspect(a, opts)).join(', ')})`;
}

/** A stacktrace entry `{mod, fun, arity_or_args, location}`. */
function isStackEntry(t: Term): boolean {
  if (typeof t !== 'object' || t.kind !== 'tuple') return false;
  const e = t.elements;
  return (e.length === 4 || e.length === 3) && typeof e[0] === 'object' && (e[0].kind === 'atom' || e[0].kind === 'fun');
}

export function formatExitText(reason: Term, banner: Banner, joiner = '\n', opts: InspectOptions = {}): string {
  if (typeof reason === 'object' && reason.kind === 'tuple' && reason.elements.length === 2) {
    const [inner, mfa] = reason.elements as [Term, Term];
    if (typeof mfa === 'object' && mfa.kind === 'tuple' && mfa.elements.length === 3) {
      const [m, f, a] = mfa.elements as [Term, Term, Term];
      const args = listItems(a);
      if (typeof m === 'object' && m.kind === 'atom' && typeof f === 'object' && f.kind === 'atom' && args !== null && args.length < 256) {
        return `exited in: ${formatMfaCall(m, f, args, opts)}${joiner}** (EXIT) ${formatExitText(inner, banner, `${joiner}    `, opts)}`;
      }
    }
  }
  return formatExitReason(reason, banner, joiner, opts);
}

/** `{:shutdown, {:failed_to_start_child, id, reason}}`: Elixir's format_start_child (reason without its :EXIT tag). */
function failedToStart(reason: Term, banner: Banner, joiner: string, opts: InspectOptions): string | null {
  if (typeof reason !== 'object' || reason.kind !== 'tuple' || reason.elements.length !== 2 || reason.elements[0] !== atom('shutdown')) return null;
  const inner = reason.elements[1] as Term;
  if (typeof inner !== 'object' || inner.kind !== 'tuple' || inner.elements.length !== 3 || inner.elements[0] !== atom('failed_to_start_child')) return null;
  const [, child, why] = inner.elements as [Term, Term, Term];
  const cause = typeof why === 'object' && why.kind === 'tuple' && why.elements.length === 2 && why.elements[0] === atom('EXIT') ? (why.elements[1] as Term) : why;
  return `shutdown: failed to start child: ${inspect(child, opts)}${joiner}** (EXIT) ${formatExitText(cause, banner, `${joiner}    `, opts)}`;
}

function formatExitReason(reason: Term, banner: Banner, joiner: string, opts: InspectOptions): string {
  const start = failedToStart(reason, banner, joiner, opts);
  if (start !== null) return start;
  if (typeof reason === 'object' && reason.kind === 'atom') {
    const w = WORDS.get(reason.name);
    if (w !== undefined) return w;
  }
  if (typeof reason === 'object' && reason.kind === 'tuple' && reason.elements.length === 2) {
    const [tag, value] = reason.elements as [Term, Term];
    if (typeof tag === 'object' && tag.kind === 'atom') {
      if (tag.name === 'shutdown') return `shutdown: ${inspect(value, opts)}`;
      if (tag.name === 'nodedown' && typeof value === 'object' && value.kind === 'atom') return `no connection to ${value.name}`;
      const t = TAGGED.get(tag.name);
      if (t !== undefined) return t + inspect(value, opts);
    }
    const stack = listItems(value);
    if (stack !== null && stack.length > 0 && stack.every(isStackEntry)) {
      // Exception.format_exit: the banner on the next line, its stacktrace four spaces further in.
      const text = banner(tag, value).split('\n').join(joiner);
      return [`an exception was raised:${joiner}${text}`, ...stack.map((e) => formatStacktraceEntry(e))].join(`${joiner}    `);
    }
  }
  return inspect(reason, opts);
}

/** Is `reason` `{exception_or_erlang_error, stacktrace}`, as an OTP process exits after a raise? */
export function isErrorExit(reason: Term): boolean {
  if (typeof reason !== 'object' || reason.kind !== 'tuple' || reason.elements.length !== 2) return false;
  const stack = listItems(reason.elements[1] as Term);
  return stack !== null && stack.length > 0 && stack.every(isStackEntry);
}
