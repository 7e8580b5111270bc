/**
 * How the machine (vm.ts) turns failures into Erlang errors: the errors it raises itself
 * (VmError, with the call to put on top of the stacktrace), the rethrow of a `try` no clause
 * handled, the `case`/`with`/function clause errors of an OP_SELECT that matched nothing, and any
 * JS exception from a BIF or operator into kind, reason and stacktrace.
 */
import { AtomLimitError, NIL, Tuple, atom, list, type Term } from '../term/types.ts';
import { ToStringError } from '../term/to-string.ts';
import { ErlangError } from '../runtime/errors.ts';
import { ElixirThrow, exception, type ErrorKind } from './errors.ts';
import { EXIT_ATOM, THROW_ATOM } from './exceptions.ts';
import { BADARITH, OpError } from './ops.ts';
import type { FnCode, SelectFail } from './vm-code.ts';

export const FUNCTION_CLAUSE = atom('function_clause');

/** An error the machine raises: Erlang reason plus the call that failed (top of the stacktrace). */
export class VmError {
  constructor(
    readonly kind: ErrorKind,
    readonly reason: Term,
    readonly top: Term | null,
  ) {}
}

/** Thrown by OP_RERAISE: an exception caught by a try that no clause handled. */
export class Rethrow {
  constructor(
    readonly kindAtom: Term,
    readonly reason: Term,
    readonly stack: Term,
  ) {}
}

export interface VmFailure {
  readonly kind: ErrorKind;
  readonly reason: Term;
  readonly stack: Term;
}

/** The error of an OP_SELECT no clause matched (`v` the subject, `arity` of a function clause). */
export function selectError(fail: SelectFail, v: Term, r: Term[], bp: number, arity: number): VmError {
  switch (fail.kind) {
    case 'case_clause':
    case 'try_clause':
      return new VmError('error', new Tuple([atom(fail.kind), v]), null);
    case 'with_clause':
      return new VmError('error', new Tuple([atom('with_clause'), v]), null);
    case 'badmatch':
      return new VmError('error', new Tuple([atom('badmatch'), v]), null);
    case 'function_clause':
      return new VmError('error', FUNCTION_CLAUSE, new Tuple([atom(fail.module), atom(fail.name), argsOf(r, bp, arity), NIL]));
    default:
      return new VmError('error', new Tuple([atom('case_clause'), v]), null);
  }
}

/**
 * How the machine makes a stacktrace (vm.ts, stacktrace.ts): `top` (a BIF's or a clause's own
 * entry, or null) above the frames of the stack, without the current frame when `top` stands for
 * it (a function clause error), with Elixir's `error_info` on a raised exception's frame.
 */
export type Trace = (top: Term | null, skipCurrent: boolean, raised: boolean) => Term;

/**
 * Any JS exception thrown while running `code` (its frame at `bp`) → kind, Erlang reason and a
 * stacktrace term. Anything that is not an Elixir-level error is a bug and is thrown again.
 */
export function failureOf(e: unknown, code: FnCode, r: Term[], bp: number, trace: Trace): VmFailure {
  if (e instanceof Rethrow) return { kind: e.kindAtom === THROW_ATOM ? 'throw' : e.kindAtom === EXIT_ATOM ? 'exit' : 'error', reason: e.reason, stack: e.stack };
  if (e instanceof ElixirThrow) return { kind: e.kind, reason: e.reason, stack: trace(e.top, false, e.errorInfo && e.top === null) };
  if (e instanceof OpError) {
    // An operator is a call of `:erlang.+/2` in erl_eval (code typed at the prompt); compiled
    // code runs it as an instruction, and its function is the top of the trace, unless it is
    // one that BEAM's JIT calls as a BIF (callsBif).
    const top = e.op === '' || (code.module !== 'erl_eval' && !callsBif(e)) ? null : new Tuple([atom(e.module), atom(e.op), list(e.args), NIL]);
    return { kind: 'error', reason: e.reason, stack: trace(top, false, false) };
  }
  if (e instanceof VmError) {
    if (e.reason === FUNCTION_CLAUSE) {
      const top = e.top ?? new Tuple([atom(code.module), atom(code.name), argsOf(r, bp, code.arity), NIL]);
      return { kind: 'error', reason: e.reason, stack: trace(top, true, false) };
    }
    return { kind: e.kind, reason: e.reason, stack: trace(e.top, false, false) };
  }
  if (e instanceof ErlangError) return { kind: 'error', reason: e.reason, stack: trace(null, false, false) };
  if (e instanceof ToStringError) return { kind: 'error', reason: exception(e.exception, e.message), stack: trace(null, false, false) };
  if (e instanceof AtomLimitError || (e instanceof RangeError && /call stack/i.test(e.message))) {
    return { kind: 'error', reason: atom('system_limit'), stack: trace(null, false, false) };
  }
  throw e;
}

/**
 * Compiled arithmetic that keeps `:erlang`'s frame when it fails, as in iex 1.14 on OTP 25:
 * `x * 2`, `div`, `rem` and `-x` call the BIF (`bad argument in arithmetic expression: :a * 2`);
 * `x + 1`, `x / 2` and float arithmetic (`x * 2.5`) are inlined and fail without it.
 */
function callsBif(e: OpError): boolean {
  if (e.reason !== BADARITH || e.module !== 'erlang') return false;
  if (e.op === 'div' || e.op === 'rem' || (e.op === '-' && e.args.length === 1)) return true;
  return e.op === '*' && !e.args.some((a) => typeof a === 'object' && a.kind === 'float');
}

/** The first `arity` slots of the frame at `bp` (a function's arguments), as a list. */
function argsOf(r: Term[], bp: number, arity: number): Term {
  const args: Term[] = [];
  for (let i = 0; i < arity; i++) args.push(r[bp + i] as Term);
  return list(args);
}
