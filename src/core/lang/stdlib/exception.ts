/**
 * Exception: `message/1`, `exception?/1`, `normalize/2,3`, `format/2,3` and `format_banner/2,3`
 * over the VM's exception structs (see ../exceptions.ts), worded as Elixir 1.14 words them.
 * `format/3` prints the stacktrace under the banner, as Elixir does (stacktrace-format.ts).
 */
import { atom, Binary, NIL, NIL_ATOM, TRUE, Tuple, type Atom, type Term } from '../../term/types.ts';
import { mapGet, mapPut } from '../../term/map.ts';
import { blamedUndefinedMessage } from '../undefined-function-hint.ts';
import { exceptionMessage, exceptionModule, isException, normalizeException } from '../exceptions.ts';
import type { BifContext } from '../builtins.ts';
import { structFieldsOf } from '../structs.ts';
import { formatError, type ErrorKind } from '../format-error.ts';
import { formatStacktrace, formatStacktraceEntry } from '../stacktrace-format.ts';
import { at, defineBifs } from './define.ts';
import { functionClause } from './errors.ts';

/** `Exception.message/1`: the module's `message/1` (defexception's, or the module's own). */
function message(e: Term, ctx: BifContext): Term {
  if (!isException(e)) return functionClause('Exception', 'message', 1);
  const mod = exceptionModule(e);
  if (ctx.node.functionExported(mod, MESSAGE, 1)) return ctx.tailCallMfa(mod, MESSAGE, [e]);
  return Binary.fromString(exceptionMessage(e, { structFields: structFieldsOf(ctx.node), modules: ctx.node.modules }));
}

const MESSAGE = atom('message');

function kindOf(k: Term, fn: string, arity: number): ErrorKind {
  if (k === atom('error') || k === atom('throw') || k === atom('exit')) return k.name as ErrorKind;
  return functionClause('Exception', fn, arity);
}

/** `Exception.normalize(:error, reason)`: the exception struct; other kinds leave the reason. */
function normalize(kind: Term, reason: Term, stack: Term = NIL_ATOM): Term {
  return kindOf(kind, 'normalize', 3) === 'error' ? normalizeException(reason, stack).struct : reason;
}

function banner(kind: Term, reason: Term, fn: string, arity: number, ctx: BifContext): Term {
  return Binary.fromString(formatError(kindOf(kind, fn, arity), reason, NIL_ATOM, false, { modules: ctx.node.modules }));
}

/** `Exception.format/3`: the banner, then the stacktrace's lines, each ending in a newline. */
function format(kind: Term, reason: Term, stack: Term, ctx: BifContext): Term {
  const lines = stack === NIL || isList(stack) ? formatStacktrace(stack, '    ', standardOf(ctx)) : [];
  const text = formatError(kindOf(kind, 'format', 3), reason, stack, false, { modules: ctx.node.modules }, []);
  return Binary.fromString(lines.length === 0 ? text : `${text}\n${lines.join('\n')}\n`);
}

/**
 * `Exception.blame/3`: `{exception, stacktrace}` with what iex adds at the prompt. Here only
 * UndefinedFunctionError's (its message worded again, with hints); other exceptions as normalized.
 */
function blame(kind: Term, reason: Term, stack: Term, ctx: BifContext): Term {
  if (kindOf(kind, 'blame', 3) !== 'error') return new Tuple([reason, stack]);
  const e = normalizeException(reason, stack).struct;
  if (exceptionModule(e) !== UNDEFINED_FUNCTION) return new Tuple([e, stack]);
  const text = blamedUndefinedMessage((k) => mapGet(e, atom(k)), ctx.node.modules);
  return new Tuple([mapPut(e, MESSAGE, Binary.fromString(text)), stack]);
}

const UNDEFINED_FUNCTION = atom('Elixir.UndefinedFunctionError');

/** The node's own modules, whose frames name their application. */
function standardOf(ctx: BifContext): (m: Atom) => boolean {
  return (m) => ctx.node.modules.isStandard(m);
}

function isList(t: Term): boolean {
  return typeof t === 'object' && (t.kind === 'cons' || t.kind === 'nil');
}

export const exceptionBifs = [...defineBifs('Elixir.Exception', { 'message/1': (a, ctx) => message(at(a, 0), ctx) }, true), ...defineBifs('Elixir.Exception', {
  'exception?/1': (a) => (isException(at(a, 0)) ? TRUE : atom('false')),
  'normalize/2': (a) => normalize(at(a, 0), at(a, 1)),
  'normalize/3': (a) => normalize(at(a, 0), at(a, 1), at(a, 2)),
  'format/2': (a, ctx) => banner(at(a, 0), at(a, 1), 'format', 3, ctx),
  'format/3': (a, ctx) => format(at(a, 0), at(a, 1), at(a, 2), ctx),
  'blame/3': (a, ctx) => blame(at(a, 0), at(a, 1), at(a, 2), ctx),
  'format_stacktrace_entry/1': (a, ctx) => Binary.fromString(formatStacktraceEntry(at(a, 0), standardOf(ctx))),
  // Exception.format_stacktrace/1: each entry on its own line, indented 4, each line ending in a newline.
  'format_stacktrace/1': (a, ctx) => Binary.fromString(formatStacktrace(at(a, 0), '    ', standardOf(ctx)).map((l) => `${l}\n`).join('')),
  'format_banner/2': (a, ctx) => banner(at(a, 0), at(a, 1), 'format_banner', 3, ctx),
  'format_banner/3': (a, ctx) => banner(at(a, 0), at(a, 1), 'format_banner', 3, ctx),
})];
