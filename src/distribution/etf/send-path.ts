/**
 * The fast path for the commonest packet: a message to a pid, SEND_SENDER `{22, From, To}` plus
 * the message, in the pass-through form (`112 | 131 {22, From, To} | 131 Message`). Writing it
 * needs no control tuple and no work stack; reading it needs no frames, tuple or ControlMessage
 * check beyond the two pids. The bytes are exactly those the generic path (control.ts +
 * packet.ts) writes and reads; anything else, or anything malformed, returns null and takes the
 * generic path, which then reports the error in its own words.
 */
import type { Pid, Term } from '../../core/term/types.ts';
import { decodeTerm, type DecodeOptions } from './decode.ts';
import { readPid } from './decode-leaf.ts';
import { PASS_THROUGH } from './packet.ts';
import { ByteReader, DecodeFail } from './reader.ts';
import * as T from './tags.ts';
import { writePid } from './encode.ts';
import type { ByteWriter } from './writer.ts';

export const SEND_SENDER = 22;

/** Writes `131 {22, from, to}` (the control part after the 112 byte). */
export function writeSendSenderControl(w: ByteWriter, from: Pid, to: Pid): void {
  w.u8(T.VERSION);
  w.u8(T.SMALL_TUPLE_EXT);
  w.u8(3);
  w.u8(T.SMALL_INTEGER_EXT);
  w.u8(SEND_SENDER);
  writePid(w, from);
  writePid(w, to);
}

export interface SendSender {
  readonly type: 'send';
  readonly from: Pid;
  readonly to: Pid;
  readonly message: Term;
}

/** The SEND_SENDER message a packet body holds, or null when it is anything else. */
export function readSendSender(body: Uint8Array, opts: DecodeOptions): SendSender | null {
  if (
    body.length < 8 || body[0] !== PASS_THROUGH || body[1] !== T.VERSION || body[2] !== T.SMALL_TUPLE_EXT ||
    body[3] !== 3 || body[4] !== T.SMALL_INTEGER_EXT || body[5] !== SEND_SENDER
  ) {
    return null;
  }
  try {
    const r = new ByteReader(body, 6);
    const from = readPid(r);
    const to = readPid(r);
    const m = decodeTerm(body, r.pos, opts);
    if (!m.ok || m.next !== body.length) return null;
    return { type: 'send', from, to, message: m.term };
  } catch (e) {
    if (e instanceof DecodeFail) return null;
    throw e;
  }
}
