/**
 * The fast path for the commonest packet: a message to a pid, SEND_SENDER `{22, From, To}` plus
 * the message, in the pass-through form (`112 | 131 {22, From, To} | 131 Message`). Writing it
 * needs no control tuple and no work stack; reading it needs no frames, tuple or ControlMessage
 * check beyond the two pids. The bytes are exactly those the generic path (control.ts +
 * packet.ts) writes and reads; anything else, or anything malformed, returns null and takes the
 * generic path, which then reports the error in its own words.
 */
import { Tuple, list, type Atom, type Pid, type Ref, type Term } from '../../core/term/types.ts';
import { decodeTerm, type DecodeOptions } from './decode.ts';
import { readLeaf, readPid } from './decode-leaf.ts';
import { PASS_THROUGH } from './packet.ts';
import { ByteReader, DecodeFail } from './reader.ts';
import * as T from './tags.ts';
import { writePid, writeRef } from './encode.ts';
import { writeControlHead } from './control-head.ts';
import { readMonitorFields, type MonitorSignal } from './monitor-path.ts';
import type { ByteWriter } from './writer.ts';

export const SEND_SENDER = 22;
/** `{33, From, Alias}`: a message to an alias (every GenServer reply to a caller of OTP 24+). */
export const ALIAS_SEND = 33;

/** Writes `131 {22, from, to}` (the control part after the 112 byte). */
export function writeSendSenderControl(w: ByteWriter, from: Pid, to: Pid): void {
  w.u8(T.VERSION);
  writeSendSenderTuple(w, from, to);
}

/** Writes `{22, from, to}` with no version byte (after a distribution header). */
export function writeSendSenderTuple(w: ByteWriter, from: Pid, to: Pid): void {
  writeControlHead(w, 3, SEND_SENDER);
  writePid(w, from);
  writePid(w, to);
}

/** Writes `{33, from, alias}` with no version byte: a GenServer's reply to its caller's alias. */
export function writeAliasSendTuple(w: ByteWriter, from: Pid, alias: Ref): void {
  writeControlHead(w, 3, ALIAS_SEND);
  writePid(w, from);
  writeRef(w, alias);
}

export interface SendSender {
  readonly type: 'send';
  readonly from: Pid;
  readonly to: Pid;
  readonly message: Term;
}

export interface AliasSend {
  readonly type: 'alias_send';
  readonly from: Pid;
  readonly alias: Ref;
  readonly message: Term;
}

/** A packet the fast readers take: a message to a pid or an alias, or a call's monitor or demonitor (monitor-path.ts). */
export type FastControl = SendSender | AliasSend | MonitorSignal;

/** The SEND_SENDER, ALIAS_SEND, MONITOR_P or DEMONITOR_P signal a 112-form packet body holds, or null when it is anything else. */
export function readSendSender(body: Uint8Array, opts: DecodeOptions, memo?: SendMemo): FastControl | null {
  return body[0] === PASS_THROUGH ? readSendSenderAt(body, 1, true, opts, undefined, memo) : null;
}

/**
 * The SEND_SENDER message whose control tuple starts at `at`, or the ALIAS_SEND one (the same
 * shape with a ref for the pid `to`: a GenServer's reply, read here rather than by the generic
 * path, whose frames and control check cost a call as much as its request did), or the MONITOR_P
 * and DEMONITOR_P a call sends around its request (monitor-path.ts): `versioned`, each term has its 131
 * byte (the 112 form); else none (after a `131,68` header, whose atom refs are `refs`, or
 * `opts.atomRefs`; `opts` then says `versionByte: false`). Passing the refs apart spares an
 * options object per packet; one is made only when the generic decoder must read the message.
 */
export function readSendSenderAt(
  body: Uint8Array, at: number, versioned: boolean, opts: DecodeOptions, refs?: readonly Atom[], memo?: SendMemo, end = body.length,
): FastControl | null {
  const c = versioned ? at + 1 : at;
  const arity = body[c + 1];
  const op = body[c + 3];
  if (
    end < c + 7 || (versioned && body[at] !== T.VERSION) || body[c] !== T.SMALL_TUPLE_EXT ||
    body[c + 2] !== T.SMALL_INTEGER_EXT || (arity !== 3 && arity !== 4)
  ) {
    return null;
  }
  try {
    const r = memo !== undefined ? memo.reader.reuse(body, c + 4, end) : new ByteReader(body, c + 4, end);
    const atomRefs = refs ?? opts.atomRefs;
    if (atomRefs !== undefined) r.atomRefs = atomRefs;
    if (arity === 4) return readMonitorFields(r, op as number, end);
    if (op !== SEND_SENDER && op !== ALIAS_SEND) return null;
    const atomList = atomRefs ?? NO_REFS;
    const known = op === SEND_SENDER && memo !== undefined && memo.matches(body, c, end, atomList);
    const from = known ? memo.from : readPid(r);
    const to = known ? memo.to : op === SEND_SENDER ? readPid(r) : readLeaf(r, r.u8());
    if (known) r.pos = c + memo.length;
    else if (op === SEND_SENDER && memo !== undefined) memo.keep(body, c, r.pos, atomList, from, to as Pid);
    // An alias that is not a ref: the generic path reports it.
    if (typeof to !== 'object' || (to.kind !== 'pid' && to.kind !== 'ref')) return null;
    const at = r.pos;
    // The 112 form's message has its own version byte; anything else there is the generic path's to report.
    let message = versioned && r.u8() !== T.VERSION ? undefined : readFlat(r);
    if (message === undefined || r.pos !== end) {
      const m = decodeTerm(body, at, refs === undefined ? opts : { ...opts, atomRefs: refs }, end);
      if (!m.ok || m.next !== end) return null;
      message = m.term;
    }
    if (to.kind === 'ref') return op === ALIAS_SEND ? { type: 'alias_send', from, alias: to, message } : null;
    return op === SEND_SENDER ? { type: 'send', from, to, message } : null;
  } catch (e) {
    if (e instanceof DecodeFail) return null;
    throw e;
  }
}

const NO_REFS: readonly Atom[] = [];

/**
 * The last SEND_SENDER control tuple a connection read, `{22, From, To}`, as its bytes, the atom
 * refs they were read with (a cache ref's meaning is the packet's header's), and the two pids.
 * A flood's packets, and a conversation's, repeat the tuple byte for byte: the same bytes read
 * with the same refs give the same pids, so they are compared instead of decoded (two pids, with
 * their atoms and four bounds checks each, per message). The pids are immutable and shared.
 * One per connection (its reading side), never shared between peers.
 */
export class SendMemo {
  /** The reader each SEND is read with (the decode keeps nothing of it): a reader per packet was a flood's allocation. */
  readonly reader = new ByteReader(new Uint8Array(0), 0);
  private bytes = new Uint8Array(64);
  length = 0;
  private refs: Atom[] = [];
  from: Pid = null as unknown as Pid;
  to: Pid = null as unknown as Pid;

  /** `body` holds the kept tuple's bytes at `at` (before `end`), read with the same refs. */
  matches(body: Uint8Array, at: number, end: number, refs: readonly Atom[]): boolean {
    const n = this.length;
    if (n === 0 || end - at < n || refs.length !== this.refs.length) return false;
    for (let i = 0; i < refs.length; i++) if (refs[i] !== this.refs[i]) return false;
    const b = this.bytes;
    for (let i = 0; i < n; i++) if (b[i] !== body[at + i]) return false;
    return true;
  }

  /** Keeps the tuple that `body[from, to)` held and the pids it read as. */
  keep(body: Uint8Array, from: number, to: number, refs: readonly Atom[], fromPid: Pid, toPid: Pid): void {
    const n = to - from;
    if (n > this.bytes.length) {
      this.length = 0;
      return; // pids with node names this long are not a flood's: read them each time
    }
    this.bytes.set(body.subarray(from, to));
    this.length = n;
    this.refs.length = 0;
    for (const a of refs) this.refs.push(a);
    this.from = fromPid;
    this.to = toPid;
  }
}

/** Tuples and lists the flat reader takes: a message's tag and a few fields. */
const MAX_FLAT_ARITY = 8;
/**
 * How deep the flat reader nests: enough for a GenServer call, `{:"$gen_call", {pid, [:alias | ref]}, req}`,
 * and a small request in it; deeper messages are the generic decoder's.
 */
const MAX_FLAT_DEPTH = 3;

/**
 * A message that is a leaf, or small tuples and lists of leaves nested a few deep (`{:msg, i}`,
 * `{:ok, pid}`, a GenServer call's `$gen_call` tuple), read by recursion with no frame stack:
 * the generic decoder's frames were the receiving tab's largest cost in a flood, and a call's
 * nested message was read twice (flat up to its first tuple, then again generically). Anything
 * else (a map, a bigger or deeper container, a bad byte) gives undefined and the generic decoder
 * reads the message from the start, reporting what is wrong in its own words.
 */
function readFlat(r: ByteReader): Term | undefined {
  try {
    return readFlatTerm(r, r.u8(), MAX_FLAT_DEPTH);
  } catch {
    return undefined;
  }
}

function readFlatTerm(r: ByteReader, tag: number, depth: number): Term | undefined {
  const isList = tag === T.LIST_EXT;
  if (tag !== T.SMALL_TUPLE_EXT && !isList) return readLeaf(r, tag);
  if (depth === 0) return undefined;
  const n = isList ? r.u32() : r.u8();
  if (n > MAX_FLAT_ARITY) return undefined;
  // A list's tail is one more term after its elements.
  const items = readItems(r, isList ? n + 1 : n, depth - 1);
  if (items === undefined) return undefined;
  if (!isList) return new Tuple(items);
  const tail = items.pop() as Term;
  return list(items, tail);
}

/**
 * `n` flat terms in an array of exactly `n` for the usual sizes (a call's `{pid, tag}`,
 * `[:alias | ref]`, its 3-tuple): an array grown by push reserves 17 slots, which made the
 * decoded containers most of what a call's packets allocated.
 */
function readItems(r: ByteReader, n: number, depth: number): Term[] | undefined {
  const a = n > 0 ? readFlatTerm(r, r.u8(), depth) : undefined;
  if (n === 0) return [];
  if (a === undefined) return undefined;
  if (n === 1) return [a];
  const b = readFlatTerm(r, r.u8(), depth);
  if (b === undefined) return undefined;
  if (n === 2) return [a, b];
  const c = readFlatTerm(r, r.u8(), depth);
  if (c === undefined) return undefined;
  if (n === 3) return [a, b, c];
  const items = [a, b, c];
  for (let i = 3; i < n; i++) {
    const x = readFlatTerm(r, r.u8(), depth);
    if (x === undefined) return undefined;
    items.push(x);
  }
  return items;
}
