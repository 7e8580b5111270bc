/**
 * The fast path for the two signals every GenServer.call to another node sends around its
 * request: MONITOR_P `{19, From, To, Ref}` before it and DEMONITOR_P `{20, From, To, Ref}` after
 * the reply (To a pid, or the name the process was monitored by), with no payload. Writing them
 * needs no control tuple and no work stack; reading them needs no frames, tuple or
 * ControlMessage check beyond the three fields. The bytes are exactly those the generic path
 * (control.ts + packet.ts) writes and reads, as OTP sends them; anything else, or anything
 * malformed, gives null and takes the generic path, which then reports it in its own words.
 */
import type { Atom, Pid, Ref } from '../../core/term/types.ts';
import { readLeaf, readPid } from './decode-leaf.ts';
import { writeAtom, writePid, writeRef } from './encode.ts';
import type { ByteReader } from './reader.ts';
import { writeControlHead } from './control-head.ts';
import type { ByteWriter } from './writer.ts';

export const MONITOR_P = 19;
export const DEMONITOR_P = 20;
export type MonitorOp = typeof MONITOR_P | typeof DEMONITOR_P;

export interface MonitorSignal {
  readonly type: 'monitor' | 'demonitor';
  readonly from: Pid;
  readonly target: Pid | Atom;
  readonly ref: Ref;
}

/** Writes `{op, from, target, ref}` with no version byte. */
export function writeMonitorTuple(w: ByteWriter, op: MonitorOp, from: Pid, target: Pid | Atom, ref: Ref): void {
  writeControlHead(w, 4, op);
  writePid(w, from);
  if (target.kind === 'pid') writePid(w, target);
  else writeAtom(w, target);
  writeRef(w, ref);
}

/**
 * The signal whose fields `r` stands at (past `{op,` of a 4-tuple), when they are a pid, a pid or
 * an atom, and a ref that ends the packet at `end` (a payload is the generic path's to refuse).
 * Throws DecodeFail on cut or bad bytes, as the reader does; null for any other shape.
 */
export function readMonitorFields(r: ByteReader, op: number, end: number): MonitorSignal | null {
  if (op !== MONITOR_P && op !== DEMONITOR_P) return null;
  const from = readPid(r);
  const target = readLeaf(r, r.u8());
  if (typeof target !== 'object' || (target.kind !== 'pid' && target.kind !== 'atom')) return null;
  const ref = readLeaf(r, r.u8());
  if (typeof ref !== 'object' || ref.kind !== 'ref' || r.pos !== end) return null;
  return { type: op === MONITOR_P ? 'monitor' : 'demonitor', from, target, ref };
}
