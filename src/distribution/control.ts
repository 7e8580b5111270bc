/**
 * Distribution control messages (erl_dist_protocol.md, "Protocol between Connected Nodes") as a
 * discriminated union keyed on `type`, and their encoding to / decoding from the control tuple
 * plus optional payload that a packet carries (etf/packet.ts). Decoding checks every field's
 * type: bytes from another node are untrusted, and a malformed message is an error string that
 * closes the connection, never an exception.
 *
 * When the peer supports it (flags) we send the modern forms: SEND_SENDER (22) instead of SEND
 * (2), PAYLOAD_EXIT/EXIT2/MONITOR_P_EXIT (24/26/28) instead of 3/8/21. Both are accepted.
 */
import { Tuple, atom, isAtom, list } from '../core/term/types.ts';
import type { Atom, Pid, Ref, Term } from '../core/term/types.ts';
import { DFLAG } from './handshake/flags.ts';

export type ControlMessage =
  | { readonly type: 'link'; readonly from: Pid; readonly to: Pid }
  | { readonly type: 'send'; readonly from: Pid | null; readonly to: Pid; readonly message: Term }
  | { readonly type: 'reg_send'; readonly from: Pid; readonly name: Atom; readonly message: Term }
  /** A send to a process alias (ALIAS_SEND 33; ALIAS_SEND_TT 34 is read, its trace token ignored). */
  | { readonly type: 'alias_send'; readonly from: Pid; readonly alias: Ref; readonly message: Term }
  /** An exit through a link (EXIT / PAYLOAD_EXIT). */
  | { readonly type: 'exit'; readonly from: Pid; readonly to: Pid; readonly reason: Term }
  /** exit/2 (EXIT2 / PAYLOAD_EXIT2). */
  | { readonly type: 'exit2'; readonly from: Pid; readonly to: Pid; readonly reason: Term }
  /** The obsolete UNLINK (4): still accepted. */
  | { readonly type: 'unlink'; readonly from: Pid; readonly to: Pid }
  | { readonly type: 'unlink_id'; readonly id: number | bigint; readonly from: Pid; readonly to: Pid }
  | { readonly type: 'unlink_id_ack'; readonly id: number | bigint; readonly from: Pid; readonly to: Pid }
  | { readonly type: 'monitor'; readonly from: Pid; readonly target: Pid | Atom; readonly ref: Ref }
  | { readonly type: 'demonitor'; readonly from: Pid; readonly target: Pid | Atom; readonly ref: Ref }
  /** The monitored process (`from`: its pid, or the name it was monitored by) died. */
  | { readonly type: 'monitor_exit'; readonly from: Pid | Atom; readonly to: Pid; readonly ref: Ref; readonly reason: Term }
  | { readonly type: 'group_leader'; readonly from: Pid; readonly to: Pid }
  | {
      readonly type: 'spawn_request';
      readonly reqId: Ref;
      readonly from: Pid;
      readonly groupLeader: Pid;
      readonly module: Atom;
      readonly fun: Atom;
      readonly args: readonly Term[];
      readonly opts: Term;
    }
  /** `result` is the new pid, or an error atom. flags: 1 = link, 2 = monitor. */
  | { readonly type: 'spawn_reply'; readonly reqId: Ref; readonly to: Pid; readonly flags: number; readonly result: Pid | Atom };

export type ControlType = ControlMessage['type'];

export interface Encoded {
  readonly control: Term;
  readonly payload?: Term;
}

const EMPTY = atom('');

/** The control tuple and payload for `m`, in the forms `flags` (the connection's) allow. */
export function encodeControl(m: ControlMessage, flags: bigint): Encoded {
  const payloadExit = (flags & DFLAG.EXIT_PAYLOAD) !== 0n;
  switch (m.type) {
    case 'link': return { control: new Tuple([1, m.from, m.to]) };
    case 'send':
      return m.from !== null && (flags & DFLAG.SEND_SENDER) !== 0n
        ? { control: new Tuple([22, m.from, m.to]), payload: m.message }
        : { control: new Tuple([2, EMPTY, m.to]), payload: m.message };
    case 'reg_send': return { control: new Tuple([6, m.from, EMPTY, m.name]), payload: m.message };
    case 'alias_send': return { control: new Tuple([33, m.from, m.alias]), payload: m.message };
    case 'exit':
      return payloadExit ? { control: new Tuple([24, m.from, m.to]), payload: m.reason } : { control: new Tuple([3, m.from, m.to, m.reason]) };
    case 'exit2':
      return payloadExit ? { control: new Tuple([26, m.from, m.to]), payload: m.reason } : { control: new Tuple([8, m.from, m.to, m.reason]) };
    case 'unlink': return { control: new Tuple([4, m.from, m.to]) };
    case 'unlink_id': return { control: new Tuple([35, m.id, m.from, m.to]) };
    case 'unlink_id_ack': return { control: new Tuple([36, m.id, m.from, m.to]) };
    case 'monitor': return { control: new Tuple([19, m.from, m.target, m.ref]) };
    case 'demonitor': return { control: new Tuple([20, m.from, m.target, m.ref]) };
    case 'monitor_exit':
      return payloadExit
        ? { control: new Tuple([28, m.from, m.to, m.ref]), payload: m.reason }
        : { control: new Tuple([21, m.from, m.to, m.ref, m.reason]) };
    case 'group_leader': return { control: new Tuple([7, m.from, m.to]) };
    case 'spawn_request':
      return {
        control: new Tuple([29, m.reqId, m.from, m.groupLeader, new Tuple([m.module, m.fun, m.args.length]), m.opts]),
        payload: list(m.args),
      };
    case 'spawn_reply': return { control: new Tuple([31, m.reqId, m.to, m.flags, m.result]) };
  }
}

// --- decoding ---

class Bad extends Error {}

function pid(t: Term | undefined, what: string): Pid {
  if (typeof t === 'object' && t.kind === 'pid') return t;
  throw new Bad(`${what} is not a pid`);
}
function ref(t: Term | undefined, what: string): Ref {
  if (typeof t === 'object' && t.kind === 'ref') return t;
  throw new Bad(`${what} is not a reference`);
}
function atomOf(t: Term | undefined, what: string): Atom {
  if (t !== undefined && isAtom(t)) return t;
  throw new Bad(`${what} is not an atom`);
}
function pidOrAtom(t: Term | undefined, what: string): Pid | Atom {
  if (typeof t === 'object' && (t.kind === 'pid' || t.kind === 'atom')) return t;
  throw new Bad(`${what} is not a pid or a name`);
}
function int(t: Term | undefined, what: string): number | bigint {
  if (typeof t === 'number' || typeof t === 'bigint') return t;
  throw new Bad(`${what} is not an integer`);
}
function need(p: Term | undefined, what: string): Term {
  if (p === undefined) throw new Bad(`${what} needs a payload`);
  return p;
}
function noPayload(p: Term | undefined, what: string): void {
  if (p !== undefined) throw new Bad(`${what} takes no payload`);
}
/** The elements of a proper list, bounded by the list itself (no length field to trust). */
function properList(t: Term, what: string): Term[] {
  const out: Term[] = [];
  let l: Term = t;
  while (typeof l === 'object' && l.kind === 'cons') {
    out.push(l.head);
    l = l.tail;
  }
  if (typeof l !== 'object' || l.kind !== 'nil') throw new Bad(`${what} is not a proper list`);
  return out;
}

/** The control message a packet holds, or an error string for anything malformed or unknown. */
export function decodeControl(control: Term, payload: Term | undefined): ControlMessage | string {
  try {
    return decode(control, payload);
  } catch (e) {
    return e instanceof Bad ? e.message : `bad control message: ${String(e)}`;
  }
}

function decode(control: Term, payload: Term | undefined): ControlMessage {
  if (typeof control !== 'object' || control.kind !== 'tuple') throw new Bad('control message is not a tuple');
  const e = control.elements;
  const op = e[0];
  const arity = (n: number): void => {
    if (e.length !== n) throw new Bad(`control message ${String(op)} has ${e.length} elements, expected ${n}`);
  };
  switch (op) {
    case 1: arity(3); noPayload(payload, 'LINK'); return { type: 'link', from: pid(e[1], 'LINK from'), to: pid(e[2], 'LINK to') };
    case 2: arity(3); return { type: 'send', from: null, to: pid(e[2], 'SEND to'), message: need(payload, 'SEND') };
    case 22: arity(3); return { type: 'send', from: pid(e[1], 'SEND_SENDER from'), to: pid(e[2], 'SEND_SENDER to'), message: need(payload, 'SEND_SENDER') };
    case 6: arity(4); return { type: 'reg_send', from: pid(e[1], 'REG_SEND from'), name: atomOf(e[3], 'REG_SEND name'), message: need(payload, 'REG_SEND') };
    case 33: arity(3); return { type: 'alias_send', from: pid(e[1], 'ALIAS_SEND from'), alias: ref(e[2], 'ALIAS_SEND alias'), message: need(payload, 'ALIAS_SEND') };
    case 34: arity(4); return { type: 'alias_send', from: pid(e[1], 'ALIAS_SEND_TT from'), alias: ref(e[2], 'ALIAS_SEND_TT alias'), message: need(payload, 'ALIAS_SEND_TT') };
    case 3: arity(4); noPayload(payload, 'EXIT'); return { type: 'exit', from: pid(e[1], 'EXIT from'), to: pid(e[2], 'EXIT to'), reason: e[3] as Term };
    case 24: arity(3); return { type: 'exit', from: pid(e[1], 'PAYLOAD_EXIT from'), to: pid(e[2], 'PAYLOAD_EXIT to'), reason: need(payload, 'PAYLOAD_EXIT') };
    case 8: arity(4); noPayload(payload, 'EXIT2'); return { type: 'exit2', from: pid(e[1], 'EXIT2 from'), to: pid(e[2], 'EXIT2 to'), reason: e[3] as Term };
    case 26: arity(3); return { type: 'exit2', from: pid(e[1], 'PAYLOAD_EXIT2 from'), to: pid(e[2], 'PAYLOAD_EXIT2 to'), reason: need(payload, 'PAYLOAD_EXIT2') };
    case 4: arity(3); noPayload(payload, 'UNLINK'); return { type: 'unlink', from: pid(e[1], 'UNLINK from'), to: pid(e[2], 'UNLINK to') };
    case 35: arity(4); noPayload(payload, 'UNLINK_ID');
      return { type: 'unlink_id', id: int(e[1], 'UNLINK_ID id'), from: pid(e[2], 'UNLINK_ID from'), to: pid(e[3], 'UNLINK_ID to') };
    case 36: arity(4); noPayload(payload, 'UNLINK_ID_ACK');
      return { type: 'unlink_id_ack', id: int(e[1], 'UNLINK_ID_ACK id'), from: pid(e[2], 'UNLINK_ID_ACK from'), to: pid(e[3], 'UNLINK_ID_ACK to') };
    case 19: arity(4); noPayload(payload, 'MONITOR_P');
      return { type: 'monitor', from: pid(e[1], 'MONITOR_P from'), target: pidOrAtom(e[2], 'MONITOR_P target'), ref: ref(e[3], 'MONITOR_P ref') };
    case 20: arity(4); noPayload(payload, 'DEMONITOR_P');
      return { type: 'demonitor', from: pid(e[1], 'DEMONITOR_P from'), target: pidOrAtom(e[2], 'DEMONITOR_P target'), ref: ref(e[3], 'DEMONITOR_P ref') };
    case 21: arity(5); noPayload(payload, 'MONITOR_P_EXIT');
      return { type: 'monitor_exit', from: pidOrAtom(e[1], 'MONITOR_P_EXIT from'), to: pid(e[2], 'MONITOR_P_EXIT to'), ref: ref(e[3], 'MONITOR_P_EXIT ref'), reason: e[4] as Term };
    case 28: arity(4);
      return { type: 'monitor_exit', from: pidOrAtom(e[1], 'PAYLOAD_MONITOR_P_EXIT from'), to: pid(e[2], 'PAYLOAD_MONITOR_P_EXIT to'), ref: ref(e[3], 'PAYLOAD_MONITOR_P_EXIT ref'), reason: need(payload, 'PAYLOAD_MONITOR_P_EXIT') };
    case 7: arity(3); noPayload(payload, 'GROUP_LEADER'); return { type: 'group_leader', from: pid(e[1], 'GROUP_LEADER from'), to: pid(e[2], 'GROUP_LEADER to') };
    case 29: return decodeSpawnRequest(e, payload);
    case 31: arity(5); noPayload(payload, 'SPAWN_REPLY');
      return {
        type: 'spawn_reply', reqId: ref(e[1], 'SPAWN_REPLY id'), to: pid(e[2], 'SPAWN_REPLY to'),
        flags: Number(int(e[3], 'SPAWN_REPLY flags')), result: pidOrAtom(e[4], 'SPAWN_REPLY result'),
      };
    default: throw new Bad(`unsupported control message ${typeof op === 'number' ? op : 'without an operation number'}`);
  }
}

function decodeSpawnRequest(e: readonly Term[], payload: Term | undefined): ControlMessage {
  if (e.length !== 6) throw new Bad(`control message 29 has ${e.length} elements, expected 6`);
  const mfa = e[4];
  if (typeof mfa !== 'object' || mfa.kind !== 'tuple' || mfa.elements.length !== 3) throw new Bad('SPAWN_REQUEST mfa is not {M, F, Arity}');
  const args = properList(need(payload, 'SPAWN_REQUEST'), 'SPAWN_REQUEST arguments');
  if (int(mfa.elements[2], 'SPAWN_REQUEST arity') !== args.length) throw new Bad('SPAWN_REQUEST arity does not match its arguments');
  const opts = e[5] as Term;
  properList(opts, 'SPAWN_REQUEST options');
  return {
    type: 'spawn_request', reqId: ref(e[1], 'SPAWN_REQUEST id'), from: pid(e[2], 'SPAWN_REQUEST from'),
    groupLeader: pid(e[3], 'SPAWN_REQUEST group leader'), module: atomOf(mfa.elements[0], 'SPAWN_REQUEST module'),
    fun: atomOf(mfa.elements[1], 'SPAWN_REQUEST function'), args, opts,
  };
}

/**
 * Does the SPAWN_REQUEST option list hold `opt` (an atom like `link`/`monitor`), bare or as
 * `{opt, options}` (`{monitor, [{tag, T}]}`, erpc:multicall's)?
 */
export function hasSpawnOption(opts: Term, opt: Atom): boolean {
  for (let l: Term = opts; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    const o = l.head;
    if (o === opt || (typeof o === 'object' && o.kind === 'tuple' && o.elements.length === 2 && o.elements[0] === opt)) return true;
  }
  return false;
}
