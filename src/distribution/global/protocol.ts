/**
 * The messages the global name server understands, as terms (peer messages cross the wire in
 * ETF, so they are plain tuples of atoms, integers, pids and names) and their parsed form.
 *
 * From a client (a BIF running in the calling process, see client.ts):
 *   {:"$global_call", from, ref, op, [args]}      answered by {:"$global_reply", ref, result}
 * Between name servers (all sent to {:global_name_server, node}):
 *   {:"$global", :reserve, from_node, tx, name}    take the name's write reservation for tx
 *   {:"$global", :vote,    from_node, tx, granted} the answer (true/false)
 *   {:"$global", :release, from_node, tx, name}    give the reservation back (abort)
 *   {:"$global", :commit,  from_node, tx, op, name, pid | :undefined}  apply op; frees the reservation
 *   {:"$global", :ack,     from_node, tx}          the commit is applied there
 *   {:"$global", :sync,    from_node, [{name, pid}]}  the sender's whole table (on nodeup)
 *   {:"$global", :conflict, name, winner, loser}  sent to node(winner): kill loser and log
 *   {:"$global", :no_sync, from_node}              from a node started with connect_all false: it
 *                                                  takes no part in the sender's names (server.ts)
 * Local only (from the cluster view callbacks and the server's own timer):
 *   {:"$global", :nodeup, node}, {:"$global", :nodedown, node}, {:"$global", :retry, tx}
 */
import { Tuple, atom, list, tuple } from '../../core/term/types.ts';
import type { Atom, Pid, Ref, Term } from '../../core/term/types.ts';
import { parsePartition, type PartitionMessage } from './partitions.ts';
import { GLOBAL } from './names.ts';

export { GLOBAL, NAME_SERVER } from './names.ts';
export const GLOBAL_CALL = atom('$global_call');
export const GLOBAL_REPLY = atom('$global_reply');

export type CallOp = 'register_name' | 're_register_name' | 'unregister_name';
export const CALL_OPS: readonly CallOp[] = ['register_name', 're_register_name', 'unregister_name'];

/** What a commit does on every node. */
export type CommitOp = 'register' | 're_register' | 'unregister';

export type PeerMessage =
  | { readonly type: 'reserve'; readonly node: Atom; readonly tx: number; readonly name: Term }
  | { readonly type: 'vote'; readonly node: Atom; readonly tx: number; readonly granted: boolean }
  | { readonly type: 'release'; readonly node: Atom; readonly tx: number; readonly name: Term }
  | { readonly type: 'commit'; readonly node: Atom; readonly tx: number; readonly op: CommitOp; readonly name: Term; readonly pid: Pid | null }
  | { readonly type: 'ack'; readonly node: Atom; readonly tx: number }
  | { readonly type: 'sync'; readonly node: Atom; readonly entries: readonly (readonly [Term, Pid])[] }
  | { readonly type: 'conflict'; readonly name: Term; readonly winner: Pid; readonly loser: Pid }
  | { readonly type: 'nodeup' | 'nodedown' | 'no_sync'; readonly node: Atom }
  | { readonly type: 'retry'; readonly tx: number };

export type ServerMessage =
  | { readonly type: 'call'; readonly from: Pid; readonly ref: Term; readonly op: CallOp; readonly args: readonly Term[] }
  | PeerMessage
  | { readonly type: 'partition'; readonly message: PartitionMessage }
  | { readonly type: 'down'; readonly ref: Ref; readonly pid: Pid };

const UNDEFINED = atom('undefined');
const DOWN = atom('DOWN');
const TRUE = atom('true');

const g = (kind: string, ...rest: Term[]): Tuple => tuple(GLOBAL, atom(kind), ...rest);

/** Builds the term for a peer (or local control) message. */
export function encodePeer(m: PeerMessage): Tuple {
  switch (m.type) {
    case 'reserve':
    case 'release':
      return g(m.type, m.node, m.tx, m.name);
    case 'vote':
      return g('vote', m.node, m.tx, atom(String(m.granted)));
    case 'commit':
      return g('commit', m.node, m.tx, atom(m.op), m.name, m.pid ?? UNDEFINED);
    case 'ack':
      return g('ack', m.node, m.tx);
    case 'sync':
      return g('sync', m.node, list(m.entries.map(([n, p]) => tuple(n, p))));
    case 'conflict':
      return g('conflict', m.name, m.winner, m.loser);
    case 'nodeup':
    case 'nodedown':
    case 'no_sync':
      return g(m.type, m.node);
    case 'retry':
      return g('retry', m.tx);
  }
}

export function callMessage(from: Pid, ref: Term, op: CallOp, args: readonly Term[]): Tuple {
  return tuple(GLOBAL_CALL, from, ref, atom(op), list(args));
}

export function replyMessage(ref: Term, result: Term): Tuple {
  return tuple(GLOBAL_REPLY, ref, result);
}

const isAtom = (t: Term | undefined): t is Atom => typeof t === 'object' && t.kind === 'atom';
const isPid = (t: Term | undefined): t is Pid => typeof t === 'object' && t.kind === 'pid';
const isInt = (t: Term | undefined): t is number => typeof t === 'number';

function listItems(t: Term | undefined): Term[] | null {
  const out: Term[] = [];
  while (typeof t === 'object' && t.kind === 'cons') {
    out.push(t.head);
    t = t.tail;
  }
  return typeof t === 'object' && t.kind === 'nil' ? out : null;
}

/** Parses what arrived in the server's mailbox; null for anything it does not know (dropped). */
export function parseServerMessage(msg: Term): ServerMessage | null {
  if (!(msg instanceof Tuple)) return null;
  const e = msg.elements;
  const tag = e[0];
  if (tag === GLOBAL_CALL && e.length === 5) {
    const [, from, ref, op, args] = e;
    const items = listItems(args);
    if (!isPid(from) || ref === undefined || !isAtom(op) || items === null) return null;
    if (!(CALL_OPS as readonly string[]).includes(op.name)) return null;
    return { type: 'call', from, ref, op: op.name as CallOp, args: items };
  }
  if (tag === DOWN && e.length === 5) {
    const [, ref, , pid] = e;
    return typeof ref === 'object' && ref.kind === 'ref' && isPid(pid) ? { type: 'down', ref, pid } : null;
  }
  if (tag !== GLOBAL || !isAtom(e[1])) return null;
  const partition = parsePartition(e[1].name, e.slice(2));
  if (partition !== null) return { type: 'partition', message: partition };
  return parsePeer(e[1].name, e.slice(2));
}

function parsePeer(kind: string, a: readonly Term[]): PeerMessage | null {
  const [a0, a1, a2, a3, a4] = a;
  switch (kind) {
    case 'reserve':
    case 'release':
      return a.length === 3 && isAtom(a0) && isInt(a1) && a2 !== undefined ? { type: kind, node: a0, tx: a1, name: a2 } : null;
    case 'vote':
      return a.length === 3 && isAtom(a0) && isInt(a1) && isAtom(a2) ? { type: 'vote', node: a0, tx: a1, granted: a2 === TRUE } : null;
    case 'commit': {
      if (a.length !== 5 || !isAtom(a0) || !isInt(a1) || !isAtom(a2) || a3 === undefined) return null;
      const op = a2.name;
      if (op !== 'register' && op !== 're_register' && op !== 'unregister') return null;
      return { type: 'commit', node: a0, tx: a1, op, name: a3, pid: isPid(a4) ? a4 : null };
    }
    case 'ack':
      return a.length === 2 && isAtom(a0) && isInt(a1) ? { type: 'ack', node: a0, tx: a1 } : null;
    case 'sync': {
      const items = listItems(a1);
      if (a.length !== 2 || !isAtom(a0) || items === null) return null;
      const entries: (readonly [Term, Pid])[] = [];
      for (const it of items) {
        if (it instanceof Tuple && it.size === 2 && isPid(it.elements[1])) entries.push([it.elements[0] as Term, it.elements[1]]);
      }
      return { type: 'sync', node: a0, entries };
    }
    case 'conflict':
      return a.length === 3 && a0 !== undefined && isPid(a1) && isPid(a2) ? { type: 'conflict', name: a0, winner: a1, loser: a2 } : null;
    case 'nodeup':
    case 'nodedown':
    case 'no_sync':
      return a.length === 1 && isAtom(a0) ? { type: kind, node: a0 } : null;
    case 'retry':
      return a.length === 1 && isInt(a0) ? { type: 'retry', tx: a0 } : null;
    default:
      return null;
  }
}
