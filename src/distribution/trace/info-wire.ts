/**
 * Process.info across nodes, for the inspector of a remote process: the viewer asks a node's
 * tracer, the tracer answers from its own runtime, as `:erpc.call(node, Process, :info, [pid])`
 * would. The answer is Process.info's keyword list, so it reads like what iex prints:
 *
 *   viewer → {:playground_tracer, node}   {:process_info, viewer, ref, pid}
 *   tracer → viewer                       {:process_info_reply, ref, [current_function: {m, f, a}, ...] | :undefined}
 *
 * Pids and refs travel as terms, so the asking node prints them with its own node numbering.
 * The mailbox is cut to its first MAX_MESSAGES messages, each bounded like traced messages.
 */
import { Cons, NIL_ATOM, Tuple, atom, bool, list } from '../../core/term/types.ts';
import type { Atom, Pid, Ref, Term } from '../../core/term/types.ts';
import type { ProcessInfo, ProcessStatus } from '../../core/runtime/process-api.ts';
import { bounded } from './wire.ts';
import { isPid, isRef } from './guards.ts';

export const PROCESS_INFO = atom('process_info');
export const PROCESS_INFO_REPLY = atom('process_info_reply');
export const MAX_MESSAGES = 50;

const K = {
  currentFunction: atom('current_function'),
  status: atom('status'),
  messageQueueLen: atom('message_queue_len'),
  messages: atom('messages'),
  links: atom('links'),
  monitors: atom('monitors'),
  monitoredBy: atom('monitored_by'),
  registeredName: atom('registered_name'),
  reductions: atom('reductions'),
  groupLeader: atom('group_leader'),
  trapExit: atom('trap_exit'),
} as const;
const UNDEFINED = atom('undefined');
const STATUSES: readonly ProcessStatus[] = ['running', 'runnable', 'waiting', 'exiting', 'suspended'];

export function encodeInfo(i: ProcessInfo): Term {
  const cf = i.currentFunction;
  return list([
    new Tuple([K.currentFunction, cf === undefined ? UNDEFINED : new Tuple([atom(cf[0]), atom(cf[1]), cf[2]])]),
    new Tuple([K.status, atom(i.status)]),
    new Tuple([K.messageQueueLen, i.messageQueueLen]),
    new Tuple([K.messages, list(i.messages.slice(0, MAX_MESSAGES).map((m) => bounded(m)))]),
    new Tuple([K.links, list(i.links)]),
    new Tuple([K.monitors, list(i.monitors)]),
    new Tuple([K.monitoredBy, list(i.monitoredBy)]),
    new Tuple([K.registeredName, i.registeredName ?? list([])]),
    new Tuple([K.reductions, i.reductions]),
    new Tuple([K.groupLeader, i.groupLeader]),
    new Tuple([K.trapExit, bool(i.trapExit)]),
  ]);
}

/** The info a keyword list stands for, or undefined (`:undefined`, or malformed: never trust the wire). */
export function decodeInfo(pid: Pid, t: Term): ProcessInfo | undefined {
  const kw = new Map<Atom, Term>();
  for (let l: Term = t; l instanceof Cons; l = l.tail) {
    const e = l.head;
    if (e instanceof Tuple && e.elements.length === 2 && isAtom(e.elements[0])) kw.set(e.elements[0], e.elements[1] as Term);
  }
  const status = kw.get(K.status);
  const st = isAtom(status) ? STATUSES.find((s) => s === status.name) : undefined;
  const qlen = kw.get(K.messageQueueLen);
  const reductions = kw.get(K.reductions);
  const gl = kw.get(K.groupLeader);
  if (st === undefined || typeof qlen !== 'number' || typeof reductions !== 'number' || !isPid(gl)) return undefined;
  const cf = kw.get(K.currentFunction);
  const [m, f, a] = cf instanceof Tuple ? cf.elements : [];
  const name = kw.get(K.registeredName);
  return {
    pid,
    status: st,
    messageQueueLen: qlen,
    messages: items(kw.get(K.messages)),
    links: items(kw.get(K.links)).filter(isPid),
    monitors: items(kw.get(K.monitors)).filter(isRef),
    monitoredBy: items(kw.get(K.monitoredBy)).filter(isPid),
    registeredName: isAtom(name) ? name : undefined,
    reductions,
    currentFunction: isAtom(m) && isAtom(f) && typeof a === 'number' ? [m.name, f.name, a] : undefined,
    groupLeader: gl,
    trapExit: kw.get(K.trapExit) === bool(true),
  };
}

export function infoRequest(viewer: Pid, ref: Ref, pid: Pid): Tuple {
  return new Tuple([PROCESS_INFO, viewer, ref, pid]);
}

export function infoReply(ref: Term, info: ProcessInfo | undefined): Tuple {
  return new Tuple([PROCESS_INFO_REPLY, ref, info === undefined ? UNDEFINED : encodeInfo(info)]);
}

function items(t: Term | undefined): Term[] {
  const out: Term[] = [];
  for (let l: Term | undefined = t; l instanceof Cons; l = l.tail) out.push(l.head);
  return out;
}
/** An atom other than nil (nil stands for a missing value in Process.info's answer). */
function isAtom(t: Term | undefined): t is Atom {
  return typeof t === 'object' && t.kind === 'atom' && t !== NIL_ATOM;
}
