/**
 * The messages OTP 25's global_name_server exchanges with its peers (kernel-8.5.3 global.erl,
 * protocol version 8), as terms, parsed and built. Tabs and BEAM nodes speak exactly these, so
 * one name server serves both. Captured from real nodes: fixtures/otp25-connect.terms.
 *
 * gen_server calls `{:"$gen_call", {from, tag}, req}` (answered `from ! {tag, reply}`):
 *   {:set_lock, {resource, requester}}  {:del_lock, {resource, requester}}
 *   {:register, name, pid, method}      {:unregister, name}      :get_known
 * gen_server casts `{:"$gen_cast", msg}`:
 *   {:init_connect, {vsn, his_tag}, node, {:locker, _, his_known, his_locker}}
 *   {:lock_set, locker, is_set, known, tag}          (between lockers, through the servers)
 *   {:exchange, node, [{name, pid, method}], names_ext, tag}
 *   {:resolved, node, ops, known, :unused, names_ext, tag}
 *   {:new_nodes, node, ops, names_ext, nodes, extra_info}
 *   {:in_sync, node, is_known}
 * plain sends: {:init_connect_ack, node, his_my_tag, his_his_tag}, {:cancel_connect, node, tag},
 *   {:lost_connection, a, x_creation, op_id, b}, {:remove_connection, node} (partitions.ts)
 * Ops: {:insert, {name, pid, method}} | {:delete, name}.
 *
 * Anything malformed parses to null and is dropped (global.erl would crash or log; a tab must
 * not). Lists are walked with a bound so a hostile peer cannot make one message cost unboundedly.
 */
import { Tuple, atom, list, tuple } from '../../core/term/types.ts';
import type { Atom, Pid, Term } from '../../core/term/types.ts';
import { mapKey } from '../../core/term/hash.ts';

export const GEN_CALL = atom('$gen_call');
export const GEN_CAST = atom('$gen_cast');
/** global.erl's ?vsn. */
export const GLOBAL_VSN = 8;
/** More names (or nodes, or ops) than this in one message: the message is dropped. */
export const MAX_ITEMS = 100_000;

export type Op = { readonly type: 'insert'; readonly name: Term; readonly pid: Pid; readonly method: Term } | { readonly type: 'delete'; readonly name: Term };
export interface NameInfo {
  readonly name: Term;
  readonly pid: Pid;
  readonly method: Term;
}

export type CallRequest =
  | { readonly type: 'set_lock' | 'del_lock'; readonly id: Tuple }
  | { readonly type: 'register'; readonly name: Term; readonly pid: Pid; readonly method: Term }
  | { readonly type: 'unregister'; readonly name: Term }
  | { readonly type: 'get_known' | 'get_protocol_version' | 'get_synced' };

export type OtpMessage =
  | { readonly type: 'gen_call'; readonly from: Pid; readonly tag: Term; readonly req: CallRequest }
  | { readonly type: 'init_connect'; readonly vsn: number; readonly tag: Term; readonly node: Atom; readonly locker: Pid }
  | { readonly type: 'lock_set'; readonly locker: Pid; readonly isSet: boolean; readonly tag: Term | undefined }
  | { readonly type: 'exchange'; readonly node: Atom; readonly names: readonly NameInfo[]; readonly tag: Term }
  | { readonly type: 'resolved'; readonly node: Atom; readonly ops: readonly Op[]; readonly known: readonly Atom[]; readonly tag: Term }
  | { readonly type: 'new_nodes'; readonly node: Atom; readonly ops: readonly Op[]; readonly nodes: readonly Atom[]; readonly lock: Term | undefined }
  | { readonly type: 'in_sync'; readonly node: Atom }
  | { readonly type: 'init_connect_ack'; readonly node: Atom; readonly myTag: Term; readonly hisTag: Term }
  | { readonly type: 'cancel_connect'; readonly node: Atom; readonly tag: Term }
  /** `{{ref, node}, reply}`: the answer to one of our multi_calls. */
  | { readonly type: 'call_reply'; readonly ref: Term; readonly node: Atom; readonly reply: Term };

const isAtom = (t: Term | undefined): t is Atom => typeof t === 'object' && t.kind === 'atom';
const isPid = (t: Term | undefined): t is Pid => typeof t === 'object' && t.kind === 'pid';
const isTag = (t: Term | undefined): t is Term => typeof t === 'number' || typeof t === 'bigint';
const T = atom('true');
const tupleOf = (t: Term | undefined, n: number): readonly Term[] | null => (t instanceof Tuple && t.size === n ? t.elements : null);

/** Two terms are the same (`=:=`). */
export const same = (a: Term | undefined, b: Term | undefined): boolean => a !== undefined && b !== undefined && mapKey(a) === mapKey(b);

/** The items of a proper list of at most MAX_ITEMS, else null. */
export function boundedList(t: Term | undefined): Term[] | null {
  const out: Term[] = [];
  while (typeof t === 'object' && t.kind === 'cons') {
    if (out.length >= MAX_ITEMS) return null;
    out.push(t.head);
    t = t.tail;
  }
  return typeof t === 'object' && t.kind === 'nil' ? out : null;
}

function mapAll<A>(t: Term | undefined, f: (x: Term) => A | null): A[] | null {
  const items = boundedList(t);
  if (items === null) return null;
  const out: A[] = [];
  for (const it of items) {
    const v = f(it);
    if (v === null) return null;
    out.push(v);
  }
  return out;
}

function nameInfo(t: Term): NameInfo | null {
  const e = tupleOf(t, 3);
  return e !== null && isPid(e[1]) ? { name: e[0] as Term, pid: e[1], method: e[2] as Term } : null;
}

function op(t: Term): Op | null {
  const e = tupleOf(t, 2);
  if (e === null || !isAtom(e[0])) return null;
  if (e[0].name === 'delete') return { type: 'delete', name: e[1] as Term };
  const info = e[0].name === 'insert' ? nameInfo(e[1] as Term) : null;
  return info === null ? null : { type: 'insert', ...info };
}

/** A known-nodes list: atoms or `{node, vsn}` pairs (global sends both forms). */
function knownNode(t: Term): Atom | null {
  if (isAtom(t)) return t;
  const e = tupleOf(t, 2);
  return e !== null && isAtom(e[0]) && typeof e[1] === 'number' ? e[0] : null;
}

function callRequest(req: Term | undefined): CallRequest | null {
  if (isAtom(req)) {
    const n = req.name;
    return n === 'get_known' || n === 'get_protocol_version' || n === 'get_synced' ? { type: n } : null;
  }
  if (!(req instanceof Tuple) || !isAtom(req.elements[0])) return null;
  const [kind, a, b, c] = req.elements;
  switch (`${kind.name}/${req.size}`) {
    case 'set_lock/2':
    case 'del_lock/2':
      return a instanceof Tuple && a.size === 2 ? { type: kind.name as 'set_lock', id: a } : null;
    case 'register/4':
      return isPid(b) ? { type: 'register', name: a as Term, pid: b, method: c as Term } : null;
    case 'unregister/2':
      return { type: 'unregister', name: a as Term };
    default:
      return null;
  }
}

function cast(m: Term | undefined): OtpMessage | null {
  const kind = m instanceof Tuple ? m.elements[0] : undefined;
  if (!(m instanceof Tuple) || !isAtom(kind)) return null;
  const [, a, b, c, d, f, g] = m.elements;
  switch (`${kind.name}/${m.size}`) {
    case 'init_connect/4': {
      const vsn = a instanceof Tuple && a.size >= 2 ? a.elements : null;
      const locker = tupleOf(c, 4);
      if (vsn === null || typeof vsn[0] !== 'number' || !isTag(vsn[1]) || !isAtom(b) || locker === null || !isPid(locker[3])) return null;
      return { type: 'init_connect', vsn: vsn[0], tag: vsn[1], node: b, locker: locker[3] };
    }
    case 'lock_set/5':
    case 'lock_set/4':
      return isPid(a) && isAtom(b) ? { type: 'lock_set', locker: a, isSet: b === T, tag: m.size === 5 ? d : undefined } : null;
    case 'exchange/5': {
      const names = mapAll(b, nameInfo);
      return isAtom(a) && names !== null && isTag(d) ? { type: 'exchange', node: a, names, tag: d } : null;
    }
    case 'resolved/7': {
      const ops = mapAll(b, op);
      const known = mapAll(c, knownNode);
      return isAtom(a) && ops !== null && known !== null && isTag(g) ? { type: 'resolved', node: a, ops, known, tag: g } : null;
    }
    case 'new_nodes/6': {
      const ops = mapAll(b, op);
      const nodes = mapAll(d, knownNode);
      const lock = (boundedList(f) ?? []).map((x) => tupleOf(x, 2)).find((x) => x !== null && x[0] === atom('lock'));
      return isAtom(a) && ops !== null && nodes !== null ? { type: 'new_nodes', node: a, ops, nodes, lock: lock?.[1] } : null;
    }
    case 'in_sync/3':
      return isAtom(a) ? { type: 'in_sync', node: a } : null;
    default:
      return null;
  }
}

/** Parses one message of global's own protocol; null when it is not one (or is malformed). */
export function parseOtp(msg: Term): OtpMessage | null {
  if (!(msg instanceof Tuple)) return null;
  const e = msg.elements;
  if (e[0] === GEN_CAST && e.length === 2) return cast(e[1]);
  if (e[0] === GEN_CALL && e.length === 3) {
    const from = tupleOf(e[1], 2);
    const req = callRequest(e[2]);
    return from !== null && isPid(from[0]) && req !== null ? { type: 'gen_call', from: from[0], tag: from[1] as Term, req } : null;
  }
  const replyTag = tupleOf(e[0], 2);
  if (e.length === 2 && replyTag !== null && typeof replyTag[0] === 'object' && replyTag[0].kind === 'ref' && isAtom(replyTag[1])) {
    return { type: 'call_reply', ref: replyTag[0], node: replyTag[1], reply: e[1] as Term };
  }
  if (!isAtom(e[0])) return null;
  const [, a, b, c] = e;
  if (e[0].name === 'init_connect_ack' && e.length === 4 && isAtom(a) && isTag(b) && isTag(c)) return { type: 'init_connect_ack', node: a, myTag: b, hisTag: c };
  if (e[0].name === 'cancel_connect' && e.length === 3 && isAtom(a) && b !== undefined) return { type: 'cancel_connect', node: a, tag: b };
  return null;
}

// --- building ---

export const genCast = (m: Term): Tuple => tuple(GEN_CAST, m);
export const genCall = (from: Pid, tag: Term, req: Term): Tuple => tuple(GEN_CALL, tuple(from, tag), req);

export function encodeOp(o: Op): Tuple {
  return o.type === 'insert' ? tuple(atom('insert'), tuple(o.name, o.pid, o.method)) : tuple(atom('delete'), o.name);
}

export const encodeOps = (ops: readonly Op[]): Term => list(ops.map(encodeOp));
export const encodeNames = (names: readonly NameInfo[]): Term => list(names.map((n) => tuple(n.name, n.pid, n.method)));
export const bool = (b: boolean): Atom => atom(String(b));
