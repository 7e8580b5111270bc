/**
 * Errors the runtime throws into a body when a call fails the way a BIF fails on BEAM
 * (`error:badarg`, `error:noproc`). `reason` is the Erlang error term; the VM turns it into
 * the matching Elixir exception (ArgumentError for badarg, ErlangError otherwise).
 */
import { atom } from '../term/types.ts';
import type { Term } from '../term/types.ts';

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
