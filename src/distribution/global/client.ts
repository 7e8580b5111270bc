/**
 * The caller's side of `:global`, shaped for BIFs: a BIF runs inside the calling process and
 * cannot block in JavaScript, so a write is a request message plus a selective receive.
 *
 *   const ref = globalRequest(proc, 'register_name', [name, pid]);   // sends the call
 *   ... suspend in a receive matching `globalReplyOf(msg, ref) !== undefined` ...
 *   result = globalReplyOf(msg, ref);                               // :yes / :no / :ok / :badarg
 *
 * Reads (`whereis_name`, `registered_names`, `send`) need no round trip: they read the local
 * replica through the GlobalServer handle (see server.ts).
 */
import { mapKey } from '../../core/term/hash.ts';
import { Tuple, atom, tuple } from '../../core/term/types.ts';
import type { Pid, Ref, Term } from '../../core/term/types.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import { receive } from '../../core/runtime/bodies.ts';
import type { Receive, TIMEOUT } from '../../core/runtime/bodies.ts';
import { GLOBAL_REPLY, NAME_SERVER, callMessage } from './protocol.ts';
import type { CallOp } from './protocol.ts';
import type { GlobalServer } from './server.ts';

const BADARG_ATOM = atom('badarg');

/**
 * Sends `{:"$global_call", self, ref, op, args}` to the local `:global_name_server`. Returns the
 * ref the reply will carry, or null when the node runs no name server (then global's
 * gen_server:call would exit with `:noproc`).
 */
export function globalRequest(proc: ProcessApi, op: CallOp, args: readonly Term[]): Ref | null {
  const ref = proc.makeRef();
  return proc.send(NAME_SERVER, callMessage(proc.self, ref, op, args)) ? ref : null;
}

/** The result when `msg` is the reply `{:"$global_reply", ref, result}` to `ref`, else undefined. */
export function globalReplyOf(msg: Term, ref: Ref): Term | undefined {
  if (!(msg instanceof Tuple) || msg.size !== 3) return undefined;
  const [tag, r, result] = msg.elements;
  if (tag !== GLOBAL_REPLY || r === undefined || typeof r !== 'object' || r.kind !== 'ref') return undefined;
  return mapKey(r) === mapKey(ref) ? result : undefined;
}

/**
 * The same call for a TypeScript process written with `generatorBody`:
 * `const r = yield* globalCall(proc, 'register_name', [name, pid])`.
 */
export function* globalCall(proc: ProcessApi, op: CallOp, args: readonly Term[]): Generator<Receive, Term, Term | typeof TIMEOUT> {
  const ref = globalRequest(proc, op, args);
  if (ref === null) throw new Error('global: no :global_name_server on this node');
  const msg = yield receive((m) => globalReplyOf(m, ref) !== undefined);
  return globalReplyOf(msg as Term, ref) as Term;
}

/**
 * `:global.send(name, msg)`: sends to the pid the name has here and returns it; null when the
 * name is unknown, and the BIF must then `exit(globalSendBadarg(name, msg))`.
 */
export function globalSend(server: GlobalServer, proc: ProcessApi, name: Term, msg: Term): Pid | null {
  const pid = server.whereis(name);
  if (pid === undefined) return null;
  proc.send(pid, msg);
  return pid;
}

/** The exit reason of `:global.send` to an unknown name: `{:badarg, {name, msg}}`. */
export function globalSendBadarg(name: Term, msg: Term): Tuple {
  return tuple(BADARG_ATOM, tuple(name, msg));
}
