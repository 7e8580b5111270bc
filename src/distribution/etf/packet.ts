/**
 * Connected-node packet bodies (after the handshake), without the 4-byte length prefix the
 * connection layer adds or strips. Between playground nodes we clear DIST_HDR_ATOM_CACHE and
 * FRAGMENTS, so packets take the pass-through "112 form": `112 | 131 Control | [131 Payload]`.
 * On input we also accept the `131,68,0` distribution header with no atom cache refs, which a
 * BEAM peer may send, where the terms that follow carry no 131 byte. A tick is an empty packet.
 */
import type { Term } from '../../core/term/types.ts';
import { decodeTerm, type DecodeOptions } from './decode.ts';
import { encodeInto, type EncodeOptions } from './encode.ts';
import * as T from './tags.ts';
import { ByteWriter } from './writer.ts';

export const PASS_THROUGH = 112;

export type DistPacket =
  | { readonly kind: 'tick' }
  | { readonly kind: 'message'; readonly control: Term; readonly payload: Term | undefined };

export type PacketResult = { readonly ok: true; readonly packet: DistPacket } | { readonly ok: false; readonly error: string };

/** The empty packet: a tick. */
export const TICK: Uint8Array = new Uint8Array(0);

export type PacketForm = 'pass-through' | 'dist-header';

/** A control message and its optional payload as one packet body (default: the 112 form). */
export function encodePacket(control: Term, payload?: Term, opts: EncodeOptions & { form?: PacketForm } = {}): Uint8Array {
  const w = new ByteWriter(64);
  const inner: EncodeOptions = { ...opts, versionByte: false };
  if (opts.form === 'dist-header') {
    w.u8(T.VERSION);
    w.u8(T.DIST_HEADER);
    w.u8(0); // no atom cache refs, hence no flags bytes either
    encodeInto(w, control, inner);
    if (payload !== undefined) encodeInto(w, payload, inner);
  } else {
    w.u8(PASS_THROUGH);
    w.u8(T.VERSION);
    encodeInto(w, control, inner);
    if (payload !== undefined) {
      w.u8(T.VERSION);
      encodeInto(w, payload, inner);
    }
  }
  return w.finish();
}

/** The options with `versionByte` set, made once per options object (not per packet). */
const withVersion = new WeakMap<DecodeOptions, { readonly yes: DecodeOptions; readonly no: DecodeOptions }>();
const NO_OPTIONS: DecodeOptions = {};

function versioned(opts: DecodeOptions, versionByte: boolean): DecodeOptions {
  let v = withVersion.get(opts);
  if (v === undefined) {
    v = { yes: { ...opts, versionByte: true }, no: { ...opts, versionByte: false } };
    withVersion.set(opts, v);
  }
  return versionByte ? v.yes : v.no;
}

export function decodePacket(body: Uint8Array, opts: DecodeOptions = NO_OPTIONS): PacketResult {
  if (body.length === 0) return { ok: true, packet: { kind: 'tick' } };
  const first = body[0];
  if (first === PASS_THROUGH) return decodeTerms(body, 1, versioned(opts, true));
  if (first !== T.VERSION || body.length < 2) return { ok: false, error: `unknown packet type ${first}` };
  switch (body[1]) {
    case T.DIST_HEADER: {
      if (body.length < 3) return { ok: false, error: 'truncated distribution header' };
      if (body[2] !== 0) return { ok: false, error: 'atom cache references are not supported' };
      return decodeTerms(body, 3, versioned(opts, false));
    }
    case T.DIST_FRAG_HEADER:
    case T.DIST_FRAG_CONT:
      return { ok: false, error: 'fragmented messages are not supported' };
    default:
      return { ok: false, error: `unknown distribution header ${body[1]}` };
  }
}

function decodeTerms(body: Uint8Array, at: number, opts: DecodeOptions): PacketResult {
  const c = decodeTerm(body, at, opts);
  if (!c.ok) return { ok: false, error: `control message: ${c.error}` };
  if (c.next === body.length) return { ok: true, packet: { kind: 'message', control: c.term, payload: undefined } };
  const p = decodeTerm(body, c.next, opts);
  if (!p.ok) return { ok: false, error: `payload: ${p.error}` };
  if (p.next !== body.length) return { ok: false, error: `trailing bytes after the payload (${body.length - p.next})` };
  return { ok: true, packet: { kind: 'message', control: c.term, payload: p.term } };
}
