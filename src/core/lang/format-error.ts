/**
 * Errors as iex prints them (Elixir 1.14), checked against real iex:
 *
 *   ** (MatchError) no match of right hand side value: 2
 *   ** (throw) :x
 *   ** (exit) :bye                       (`exit({:shutdown, 1})` prints `** (exit) shutdown: 1`)
 *   ** (ArithmeticError) bad argument in arithmetic expression: 1 / 0   (the shell's "blame")
 *   ** (FunctionClauseError) no function clause matching in C.f/1    + the arguments block
 *
 * Stacktrace lines come from the caller (stacktrace-format.ts: pruned at the prompt, whole in
 * crash reports); without them, only the BIF call iex shows under `:erlang` errors (`    :erlang.hd([])`).
 * `formatCrash` gives the runtime the text after `[error] Process #PID<0.115.0> raised an exception`.
 */
import { atom, NIL, type MapTerm, type Term } from '../term/types.ts';
import { mapGet } from '../term/map.ts';
import type { ModuleView } from './undefined-function.ts';
import { blamedUndefinedMessage } from './undefined-function-hint.ts';
import { inspect } from '../term/inspect.ts';
import type { CrashInfo } from '../runtime/process-body.ts';
import type { ErrorKind } from './errors.ts';
import { formatExitText } from './exit-format.ts';
import { ELIXIR_STRUCTS, formatStacktrace } from './stacktrace-format.ts';
import { exceptionMessage, funName, moduleName, normalizeException, stackTop, type MessageOptions } from './exceptions.ts';

const UNDEFINED_FUNCTION = atom('Elixir.UndefinedFunctionError');
const INFIX = new Set(['+', '-', '*', '/', '++', '--', '<>', '==', '!=', '<', '>', '=<', '>=', '===']);
/** Elixir blames a failed `:erlang.band/2` as `Bitwise.band(1.0, 1)`. */
const BITWISE = new Set(['band', 'bor', 'bxor', 'bnot', 'bsl', 'bsr']);


/**
 * The `** (...)` text for an error reaching the shell. `blame` adds what iex adds at the prompt
 * (arithmetic operands, function clause arguments); crash reports leave it out, as Elixir does.
 * `trace`: the stacktrace lines to print under it (stacktrace-format.ts); without it, only the
 * line iex shows for a failed BIF (`:erlang.+(1, :a)`), as before stacktraces were kept.
 */
export function formatError(kind: ErrorKind, reason: Term, stacktrace: Term = atom('nil'), blame = true, opts: MessageOptions = {}, trace?: readonly string[]): string {
  const lines = trace === undefined || trace.length === 0 ? '' : `\n${trace.join('\n')}`;
  if (kind === 'throw') return `** (throw) ${inspect(reason, opts)}${lines}`;
  if (kind === 'exit') return `** (exit) ${formatExit(reason, '\n    ', opts)}${lines}`;
  const { module, struct } = normalizeException(reason, stacktrace, opts);
  const name = moduleName(module);
  // At the prompt iex blames: UndefinedFunctionError.blame/2 words it again, with hints.
  let message = blame && module === UNDEFINED_FUNCTION ? blamedUndefinedMessage((k) => mapGet(struct, atom(k)), opts.modules) : exceptionMessage(struct, opts);
  const top = stackTop(stacktrace);
  let tail = '';
  // Only a failed `:erlang` operator gets the blame (`Integer.pow(2, -1)` raising does not).
  if (name === 'ArithmeticError' && top !== null && top[0] === atom('erlang')) {
    const call = callText(top);
    if (call !== null) {
      if (blame) message += `: ${call.blame}`;
      tail = `\n    ${call.line}`;
    }
  }
  if (name === 'FunctionClauseError' && blame && top !== null && typeof top[2] === 'object' && top[2].kind === 'cons') {
    const args: string[] = [];
    for (let l: Term = top[2]; typeof l === 'object' && l.kind === 'cons'; l = l.tail) args.push(inspect(l.head));
    const fname = `${moduleName(top[0] as Term)}.${funName(top[1] as never)}/${args.length}`;
    message += `    \n    \n    The following arguments were given to ${fname}:\n    \n${args.map((a, i) => `        # ${i + 1}\n        ${a}\n`).join('    \n')}    `;    const clauses = clauseLines(struct);
    if (clauses.length > 0) {
      message += `\n    Attempted function clauses (showing ${clauses.length} out of ${clauses.length}):\n    \n${clauses.map((c) => `        ${c}\n`).join('')}    `;
    }
  }
  if (top !== null && isExpanding(top)) {
    const mod = moduleName(top[0] as Term);
    // A struct of Elixir's own (%Task{} with its enforced keys) is expanded in Elixir's code: iex names the app.
    tail = `\n    ${ELIXIR_STRUCTS.has(mod) ? '(elixir 1.14.0) ' : ''}expanding struct: ${mod}.__struct__/${String(top[2])}`;
  }
  if (name === 'ArgumentError' && message.startsWith('errors were found') && top !== null) {
    const call = callText(top);
    if (call !== null) tail = `\n    ${call.line}`;
  }
  return `** (${name}) ${message}${trace === undefined ? tail : lines}`;
}

/** The frame structs.ts puts on top of a struct literal's error: `{Mod, :__struct__, arity, [expanding: true]}`. */
function isExpanding(top: readonly Term[]): boolean {
  const loc = top[3];
  return typeof loc === 'object' && loc.kind === 'cons' && typeof loc.head === 'object' && loc.head.kind === 'tuple' && loc.head.elements[0] === atom('expanding');
}

/** The rendered clauses a FunctionClauseError carries (see stdlib/errors.ts functionClause). */
function clauseLines(struct: MapTerm): string[] {
  const out: string[] = [];
  for (let l = mapGet(struct, atom('clauses')) ?? NIL; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    if (typeof l.head === 'object' && l.head.kind === 'binary') out.push(l.head.text ?? '');
  }
  return out;
}

/**
 * iex's `** (exit)` wording (Exception.format_exit, exit-format.ts): `shutdown: 1` for
 * {:shutdown, 1}, `exited in: GenServer.call(...)` for OTP's call exits, else the inspected reason.
 */
export function formatExit(reason: Term, joiner = '\n    ', opts: MessageOptions = {}): string {
  return formatExitText(reason, (r, s) => formatError('error', r, s, false, opts, []), joiner, opts);
}

/** `:erlang./(1, 0)` and the blame `1 / 0` for a `{:erlang, op, args, _}` stack entry. */
function callText(top: readonly Term[]): { line: string; blame: string } | null {
  const [m, f, a] = top as [Term, Term, Term];
  if (typeof f !== 'object' || f.kind !== 'atom' || typeof a !== 'object' || (a.kind !== 'cons' && a.kind !== 'nil')) return null;
  const args: string[] = [];
  for (let l: Term = a; typeof l === 'object' && l.kind === 'cons'; l = l.tail) args.push(inspect(l.head));
  const mod = moduleName(m);
  const line = `${mod}.${f.name}(${args.join(', ')})`;
  const named = BITWISE.has(f.name) ? `Bitwise.${f.name}` : f.name;
  const blame = INFIX.has(f.name) && args.length === 2 ? `${args[0]} ${f.name} ${args[1]}` : `${named}(${args.join(', ')})`;
  return { line, blame };
}

/**
 * For createNode({ formatCrash }): the exception part of a crash report. `modules` is the
 * printing node's module table: an UndefinedFunctionError is worded there (Elixir computes
 * its message when printing), so a report forwarded from a node that lacked the module says
 * "undefined or private" on a node that has it, as real iex does.
 */
export function formatCrash(crash: CrashInfo, modules?: ModuleView): string {
  const stack = (crash.stacktrace as Term | undefined) ?? atom('nil');
  const trace = formatStacktrace(stack, '    ', modules === undefined ? undefined : (m) => modules.isStandard(m));
  const opts = modules === undefined ? {} : { modules };
  if (crash.kind === 'throw') return formatError('error', tupleNocatch(crash.value), stack, false, opts, trace);
  return formatError('error', crash.value, stack, false, opts, trace);
}

import { Tuple } from '../term/types.ts';
function tupleNocatch(v: Term): Term {
  return new Tuple([atom('nocatch'), v]);
}

export type { ErrorKind };
