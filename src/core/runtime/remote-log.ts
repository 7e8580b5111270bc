/**
 * Crash reports of processes whose group leader is on another node (`Node.spawn(other, fun)`
 * runs there with the caller's group leader). Real OTP 25 + Elixir 1.14 print the report on
 * both nodes: the emulator hands the crash to the local `logger`, Elixir's console prints it
 * there, and `logger:log_allowed/4` sees a remote group leader and sends the same event to
 * `{logger, GlNode}` (`log_remote/2`), where Elixir prints it again. Each node formats it
 * itself, so the pid carries each node's own number, and an UndefinedFunctionError reads
 * "undefined or private" on a node that has the module.
 *
 * The event is the emulator's: `{log, error, "Error in process ~p on node ~p with exit
 * value:~n~p~n", [Pid, Node, {Reason, Stack}], Meta}`. Every node runs a `logger` process that
 * prints such events it receives from other nodes.
 */
import { Tuple, atom, list, Pid, NIL } from '../term/types.ts';
import type { Atom, Term } from '../term/types.ts';
import { mapFromPairs } from '../term/map.ts';
import type { CrashInfo, ProcessBody } from './process-body.ts';
import { loopBody } from './bodies.ts';

export const LOGGER = atom('logger');
const LOG = atom('log');
const ERROR = atom('error');
const NOCATCH = atom('nocatch');
const EMULATOR_FORMAT = 'Error in process ~p on node ~p with exit value:~n~p~n';

const charlist = (s: string): Term => list([...s].map((c) => c.codePointAt(0) as number));

/** The log event the crashing process's node forwards to its group leader's node. */
export function crashEvent(pid: Pid, node: Atom, groupLeader: Pid, crash: CrashInfo): Term {
  const reason = crash.kind === 'throw' ? new Tuple([NOCATCH, crash.value]) : crash.value;
  const stack = isTerm(crash.stacktrace) ? crash.stacktrace : NIL;
  const meta = mapFromPairs([
    [atom('error_logger'), mapFromPairs([[atom('emulator'), atom('true')], [atom('tag'), ERROR]])],
    [atom('gl'), groupLeader],
    [atom('pid'), pid],
  ]);
  return new Tuple([LOG, ERROR, charlist(EMULATOR_FORMAT), list([pid, node, new Tuple([reason, stack])]), meta]);
}

/** Reads an event made by crashEvent (from any node): the crashed pid, its node and the crash. */
export function crashOfEvent(msg: Term): { pid: Pid; node: Atom; crash: CrashInfo } | null {
  if (!(msg instanceof Tuple) || msg.size !== 5 || msg.elements[0] !== LOG || msg.elements[1] !== ERROR) return null;
  const args = msg.elements[3];
  if (typeof args !== 'object' || args.kind !== 'cons') return null;
  const pid = args.head;
  const rest = args.tail;
  if (!(pid instanceof Pid) || typeof rest !== 'object' || rest.kind !== 'cons') return null;
  const node = rest.head;
  const tail = rest.tail;
  if (typeof node !== 'object' || node.kind !== 'atom' || typeof tail !== 'object' || tail.kind !== 'cons') return null;
  const exit = tail.head;
  if (!(exit instanceof Tuple) || exit.size !== 2) return null;
  const [value, stacktrace] = exit.elements as [Term, Term];
  return { pid, node, crash: { kind: 'error', value, stacktrace } };
}

function isTerm(x: unknown): x is Term {
  return x !== undefined && x !== null && (typeof x !== 'object' || 'kind' in x);
}

/** The `logger` process: prints the crash reports other nodes forward here. */
export function loggerBody(report: (pid: Pid, node: Atom, crash: CrashInfo) => void): ProcessBody {
  return loopBody<null>(
    null,
    (msg, state) => {
      const c = crashOfEvent(msg);
      if (c !== null) report(c.pid, c.node, c.crash);
      return state;
    },
    ['logger_proxy', 'loop', 1],
  );
}
