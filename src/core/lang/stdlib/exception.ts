/**
 * Exception: `message/1`, `exception?/1`, `normalize/2,3`, `format/2,3` and `format_banner/2,3`
 * over the VM's exception structs (see ../exceptions.ts), worded as Elixir 1.14 words them.
 * The stacktrace argument is accepted but not printed: our stacktraces are not BEAM's.
 */
import { atom, Binary, NIL_ATOM, TRUE, type Term } from '../../term/types.ts';
import { exceptionMessage, exceptionModule, isException, normalizeException } from '../exceptions.ts';
import type { BifContext } from '../builtins.ts';
import { structFieldsOf } from '../structs.ts';
import { formatError, type ErrorKind } from '../format-error.ts';
import { at, defineBifs } from './define.ts';
import { functionClause } from './errors.ts';

/** `Exception.message/1`: the module's `message/1` (defexception's, or the module's own). */
function message(e: Term, ctx: BifContext): Term {
  if (!isException(e)) return functionClause('Exception', 'message', 1);
  const mod = exceptionModule(e);
  if (ctx.node.functionExported(mod, MESSAGE, 1)) return ctx.tailCallMfa(mod, MESSAGE, [e]);
  return Binary.fromString(exceptionMessage(e, { structFields: structFieldsOf(ctx.node) }));
}

const MESSAGE = atom('message');

function kindOf(k: Term, fn: string, arity: number): ErrorKind {
  if (k === atom('error') || k === atom('throw') || k === atom('exit')) return k.name as ErrorKind;
  return functionClause('Exception', fn, arity);
}

/** `Exception.normalize(:error, reason)`: the exception struct; other kinds leave the reason. */
function normalize(kind: Term, reason: Term): Term {
  return kindOf(kind, 'normalize', 3) === 'error' ? normalizeException(reason, NIL_ATOM).struct : reason;
}

function banner(kind: Term, reason: Term, fn: string, arity: number): Term {
  return Binary.fromString(formatError(kindOf(kind, fn, arity), reason, NIL_ATOM, false));
}

export const exceptionBifs = [...defineBifs('Elixir.Exception', { 'message/1': (a, ctx) => message(at(a, 0), ctx) }, true), ...defineBifs('Elixir.Exception', {
  'exception?/1': (a) => (isException(at(a, 0)) ? TRUE : atom('false')),
  'normalize/2': (a) => normalize(at(a, 0), at(a, 1)),
  'normalize/3': (a) => normalize(at(a, 0), at(a, 1)),
  'format/2': (a) => banner(at(a, 0), at(a, 1), 'format', 3),
  'format/3': (a) => banner(at(a, 0), at(a, 1), 'format', 3),
  'format_banner/2': (a) => banner(at(a, 0), at(a, 1), 'format_banner', 3),
  'format_banner/3': (a) => banner(at(a, 0), at(a, 1), 'format_banner', 3),
})];
