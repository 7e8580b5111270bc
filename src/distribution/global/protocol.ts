/**
 * The name server's local messages, as terms, and their parsed form. Peer messages are global.erl's
 * own (otp-messages.ts) and the partition guard's (partitions.ts).
 *
 * From a client (a BIF running in the calling process, see client.ts):
 *   {:"$global_call", from, ref, op, [args]}      answered by {:"$global_reply", ref, result}
 * Local only (from the cluster view callbacks and the server's own timers):
 *   {:"$global", :nodeup, node}, {:"$global", :nodedown, node}, {:"$global", :retry, tx},
 *   {:"$global", :locker_tick}
 */
import { Tuple, atom, list, tuple } from '../../core/term/types.ts';
import type { Atom, Pid, Ref, Term } from '../../core/term/types.ts';
import { parsePartition, type PartitionMessage } from './partitions.ts';
import { GLOBAL } from './names.ts';
import { boundedList, parseOtp, type OtpMessage } from './otp-messages.ts';

export { GLOBAL, NAME_SERVER } from './names.ts';
export const GLOBAL_CALL = atom('$global_call');
export const GLOBAL_REPLY = atom('$global_reply');

export type WriteOp = 'register_name' | 're_register_name' | 'unregister_name';
/** The writes, and `sync` (answered `:ok` once global has synced with every connected node). */
export type CallOp = WriteOp | 'sync';
export const CALL_OPS: readonly CallOp[] = ['register_name', 're_register_name', 'unregister_name', 'sync'];

export type PeerMessage =
  | { readonly type: 'nodeup' | 'nodedown'; readonly node: Atom }
  | { readonly type: 'retry'; readonly tx: number }
  | { readonly type: 'locker_tick' };

export type ServerMessage =
  | { readonly type: 'call'; readonly from: Pid; readonly ref: Term; readonly op: CallOp; readonly args: readonly Term[] }
  | PeerMessage
  | { readonly type: 'otp'; readonly message: OtpMessage }
  | { readonly type: 'partition'; readonly message: PartitionMessage }
  | { readonly type: 'down'; readonly ref: Ref; readonly pid: Pid };

const DOWN = atom('DOWN');

/** Builds the term for a local control message. */
export function encodePeer(m: PeerMessage): Tuple {
  switch (m.type) {
    case 'nodeup':
    case 'nodedown':
      return tuple(GLOBAL, atom(m.type), m.node);
    case 'retry':
      return tuple(GLOBAL, atom('retry'), m.tx);
    case 'locker_tick':
      return tuple(GLOBAL, atom('locker_tick'));
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

/** Parses what arrived in the server's mailbox; null for anything it does not know (dropped). */
export function parseServerMessage(msg: Term): ServerMessage | null {
  if (!(msg instanceof Tuple)) return null;
  const e = msg.elements;
  const tag = e[0];
  if (tag === GLOBAL_CALL && e.length === 5) {
    const [, from, ref, op, args] = e;
    const items = boundedList(args);
    if (!isPid(from) || ref === undefined || !isAtom(op) || items === null) return null;
    if (!(CALL_OPS as readonly string[]).includes(op.name)) return null;
    return { type: 'call', from, ref, op: op.name as CallOp, args: items };
  }
  if (tag === DOWN && e.length === 5) {
    const [, ref, , pid] = e;
    return typeof ref === 'object' && ref.kind === 'ref' && isPid(pid) ? { type: 'down', ref, pid } : null;
  }
  if (tag === GLOBAL) return isAtom(e[1]) ? parseLocal(e[1].name, e.slice(2)) : null;
  const partition = isAtom(tag) ? parsePartition(tag.name, e.slice(1)) : null;
  if (partition !== null) return { type: 'partition', message: partition };
  const otp = parseOtp(msg);
  return otp === null ? null : { type: 'otp', message: otp };
}

function parseLocal(kind: string, a: readonly Term[]): PeerMessage | null {
  const [a0] = a;
  switch (kind) {
    case 'nodeup':
    case 'nodedown':
      return a.length === 1 && isAtom(a0) ? { type: kind, node: a0 } : null;
    case 'retry':
      return a.length === 1 && typeof a0 === 'number' ? { type: 'retry', tx: a0 } : null;
    case 'locker_tick':
      return a.length === 0 ? { type: 'locker_tick' } : null;
    default:
      return null;
  }
}
