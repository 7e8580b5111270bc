/**
 * Errors the runtime throws into a body when a call fails the way a BIF fails on BEAM
 * (`error:badarg`, `error:noproc`). `reason` is the Erlang error term; the VM turns it into
 * the matching Elixir exception (ArgumentError for badarg, ErlangError otherwise).
 */
import { Tuple, atom, str } from '../term/types.ts';
import type { Term } from '../term/types.ts';
import type { RunResult } from './process-body.ts';

export class ErlangError extends Error {
  constructor(
    readonly reason: Term,
    message: string,
  ) {
    super(message);
    this.name = 'ErlangError';
  }
}

/** `badarg`; `detail` says which argument, for the message Elixir prints. */
export class BadArgError extends ErlangError {
  constructor(readonly detail: string) {
    super(atom('badarg'), `badarg: ${detail}`);
    this.name = 'BadArgError';
  }
}

const JS_ERROR = atom('js_error');

/**
 * What a body that threw becomes: an Erlang error escaping a TypeScript body ends the process
 * with that reason; any other exception is a bug in the body and ends it with
 * `{:js_error, message}`. Either way the process dies, not the tab, and a crash is reported.
 */
export function bodyErrorExit(e: unknown): RunResult {
  if (e instanceof ErlangError) return { type: 'exit', reductions: 1, reason: e.reason, crash: { kind: 'error', value: e.reason } };
  const value = new Tuple([JS_ERROR, str(e instanceof Error ? e.message : String(e))]);
  return { type: 'exit', reductions: 1, reason: value, crash: { kind: 'error', value } };
}
