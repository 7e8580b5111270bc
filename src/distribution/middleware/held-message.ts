/**
 * What a paused gate (hold.ts) holds, told in the class's words: the kind of distribution
 * message, who sent it to whom, and its term, decoded from the held packet only when asked (the
 * teacher's held list, what a Step released), so holding costs nothing per message.
 *
 * - The term is told only for packets of at most TERM_SHOWN_BYTES: a held list is polled while
 *   paused, and a flood of large messages must not become a flood of large replies.
 * - A chunk that is not a whole packet (a handshake message, a fragment of a large packet) is
 *   kind `bytes`: the gate releases it whole, so a step may release one.
 */
import { Tuple, atom, list, type Atom, type Term } from '../../core/term/types.ts';
import { decodePacket, decodePacketWithRefs, PASS_THROUGH } from '../etf/packet.ts';
import { decodeTerm } from '../etf/decode.ts';
import { decodeControl, type ControlMessage } from '../control.ts';
import { PACKET_LENGTH_BYTES } from '../packet-stream.ts';

export const TERM_SHOWN_BYTES = 512;

export interface HeldMessage {
  /** `message`, `link`, `unlink`, `exit`, `monitor`, `demonitor`, `DOWN`, `spawn_request`, `spawn_reply`, `group_leader`, or `bytes`. */
  readonly kind: string;
  /** The sender (a pid, or the name a monitored process went by); null when the packet does not say. */
  readonly from: Term | null;
  /** The receiver: a pid, `{name, node}` for a send to a registered name, or the name alone. */
  readonly to: Term | null;
  /** The message (or exit reason, spawned `{module, fun, args}`...); null when none or too big to tell. */
  readonly term: Term | null;
  /** The packet's size. */
  readonly bytes: number;
}

/**
 * Describes `chunk` (length-prefixed when `whole`); `refs`: the atoms its distribution header
 * names, when it uses the atom cache (cache-mirror.ts). `toNode`: the node a send to a registered
 * name goes to (the peer, for what this node sends), or null when it is this node.
 */
export function describeHeld(chunk: Uint8Array, whole: boolean, toNode: Atom | null, refs?: readonly Atom[]): HeldMessage {
  const bytes = chunk.length;
  const raw: HeldMessage = { kind: 'bytes', from: null, to: null, term: null, bytes };
  if (!whole) return raw;
  const body = chunk.subarray(PACKET_LENGTH_BYTES);
  const r = refs !== undefined ? decodePacketWithRefs(body, refs) : decodePacket(body);
  if (!r.ok || r.packet.kind !== 'message') return raw;
  const m = decodeControl(r.packet.control, r.packet.payload);
  return typeof m === 'string' ? raw : describeControl(m, bytes, toNode);
}

/**
 * Describes a large packet held on the bulk lane (bulk-follow.ts) from its `head`, the first
 * bulk message of the packet (`Length:32`, then the body's start, where the control message is),
 * or tells only that a large message is held when its head has not come (`null`). Its term is
 * never told: it is over TERM_SHOWN_BYTES.
 */
export function describeLarge(head: Uint8Array | null, toNode: Atom | null): HeldMessage {
  const unknown: HeldMessage = { kind: 'message', from: null, to: null, term: null, bytes: 0 };
  if (head === null || head.length < PACKET_LENGTH_BYTES + 3) return unknown;
  const bytes = PACKET_LENGTH_BYTES + new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(0);
  const body = head.subarray(PACKET_LENGTH_BYTES);
  const plain = body[0] === PASS_THROUGH;
  const c = decodeTerm(body, plain ? 1 : 3, { versionByte: plain });
  if (!c.ok) return { ...unknown, bytes };
  // The payload is further on; the control message alone tells who and what kind.
  const m = decodeControl(c.term, c.next < body.length ? NOT_SHOWN : undefined);
  return typeof m === 'string' ? { ...unknown, bytes } : describeControl(m, bytes, toNode);
}

/** The payload of a large message, which is not read. */
const NOT_SHOWN = atom('not_shown');

function describeControl(m: ControlMessage, bytes: number, toNode: Atom | null): HeldMessage {
  const shown = (t: Term) => (bytes <= TERM_SHOWN_BYTES ? t : null);
  const { kind, term } = kindAndTerm(m);
  const to = m.type === 'reg_send' ? (toNode === null ? m.name : new Tuple([m.name, toNode])) : m.type === 'alias_send' ? m.alias : 'to' in m ? m.to : 'target' in m ? m.target : null;
  return { kind, from: 'from' in m ? m.from : null, to, term: term === null ? null : shown(term), bytes };
}

function kindAndTerm(m: ControlMessage): { kind: string; term: Term | null } {
  switch (m.type) {
    case 'send':
    case 'reg_send':
    case 'alias_send':
      return { kind: 'message', term: m.message };
    case 'exit':
    case 'exit2':
      return { kind: 'exit', term: m.reason };
    case 'monitor_exit':
      return { kind: 'DOWN', term: m.reason };
    case 'spawn_request':
      return { kind: 'spawn_request', term: new Tuple([m.module, m.fun, list(m.args)]) };
    case 'spawn_reply':
      return { kind: 'spawn_reply', term: m.result };
    case 'unlink':
    case 'unlink_id':
    case 'unlink_id_ack':
      return { kind: 'unlink', term: null };
    default:
      return { kind: m.type, term: null };
  }
}
