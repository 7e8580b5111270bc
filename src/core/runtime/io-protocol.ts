/**
 * The Erlang I/O protocol, the part a group leader speaks: requests are
 * `{:io_request, from, reply_as, request}` and answers `{:io_reply, reply_as, reply}`.
 * `IO.puts(pid, ...)` sends `{:put_chars, :unicode, chars}` where chars is chardata: a binary,
 * or a (nested) list of binaries and code points.
 */
import { Tuple, atom } from '../term/types.ts';
import type { Pid, Term } from '../term/types.ts';

export const IO_REQUEST = atom('io_request');
export const IO_REPLY = atom('io_reply');
export const PUT_CHARS = atom('put_chars');
export const UNICODE = atom('unicode');
export const LATIN1 = atom('latin1');
export const REQUESTS = atom('requests');

/** `{:io_request, from, reply_as, {:put_chars, :unicode, chars}}`: what IO.write sends. */
export function putCharsRequest(from: Pid, replyAs: Term, chars: Term): Tuple {
  return new Tuple([IO_REQUEST, from, replyAs, new Tuple([PUT_CHARS, UNICODE, chars])]);
}

export function ioReply(replyAs: Term, reply: Term): Tuple {
  return new Tuple([IO_REPLY, replyAs, reply]);
}

/** The text of unicode chardata, or null when it is not chardata. Iterative: lists nest deeply. */
export function chardataToString(data: Term): string | null {
  let out = '';
  const stack: Term[] = [data];
  while (stack.length > 0) {
    const t = stack.pop() as Term;
    if (typeof t === 'number') {
      if (t < 0 || t > 0x10ffff || (t >= 0xd800 && t <= 0xdfff)) return null;
      out += String.fromCodePoint(t);
      continue;
    }
    if (typeof t !== 'object') return null;
    if (t.kind === 'binary') {
      const s = t.text;
      if (s === null) return null;
      out += s;
    } else if (t.kind === 'cons') {
      // tail first: the stack pops the head next
      stack.push(t.tail, t.head);
    } else if (t.kind !== 'nil') return null;
  }
  return out;
}

/** Latin-1 chardata: bytes are characters 0–255 (binaries taken byte by byte). */
export function latin1ToString(data: Term): string | null {
  let out = '';
  const stack: Term[] = [data];
  while (stack.length > 0) {
    const t = stack.pop() as Term;
    if (typeof t === 'number') {
      if (t < 0 || t > 255) return null;
      out += String.fromCharCode(t);
    } else if (typeof t === 'object' && t.kind === 'binary') {
      for (const b of t.bytes) out += String.fromCharCode(b);
    } else if (typeof t === 'object' && t.kind === 'cons') stack.push(t.tail, t.head);
    else if (!(typeof t === 'object' && t.kind === 'nil')) return null;
  }
  return out;
}
