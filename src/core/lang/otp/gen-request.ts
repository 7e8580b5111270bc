/**
 * gen:do_call's first two steps as one BIF for the prelude's GenServer (gen-server.ts):
 *   Mref = erlang:monitor(process, Process, [{alias, demonitor}]),
 *   erlang:send(Process, {Label, {self(), [alias | Mref]}, Request})
 * returning Mref. The same signals in the same order as the two calls (a MONITOR_P, then the
 * message, toward another node); what it saves is the interpreter building the option list and
 * the request's three terms, and a BIF dispatch, on every GenServer.call.
 */
import { Cons, Tuple, atom, type Term } from '../../term/types.ts';
import type { Bif, BifFn } from '../builtins.ts';
import { badargAt } from '../bifs-kernel.ts';

const ALIAS = atom('alias');

/** What monitor/3 takes for a process: a pid, a registered name, or `{name, node}`. */
function isProcess(t: Term): boolean {
  if (typeof t !== 'object') return false;
  if (t.kind === 'pid' || t.kind === 'atom') return true;
  if (t.kind !== 'tuple' || t.elements.length !== 2) return false;
  const [n, node] = t.elements;
  return typeof n === 'object' && n.kind === 'atom' && typeof node === 'object' && node.kind === 'atom';
}

const genRequest: BifFn = ([process, label, request], c) => {
  if (!isProcess(process as Term)) badargAt(0, 'not a pid');
  const mref = c.proc.monitor(process as Term, 'demonitor');
  const message = new Tuple([label as Term, new Tuple([c.proc.self, new Cons(ALIAS, mref)]), request as Term]);
  if (!c.proc.send(process as Term, message)) badargAt(0, 'invalid destination');
  return mref;
};

export const genRequestBifs: readonly Bif[] = [{ module: 'otp_native', name: 'gen_request', arity: 3, fn: genRequest }];
