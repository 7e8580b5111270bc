/**
 * Connected-node packet bodies (after the handshake), without the 4-byte length prefix the
 * connection layer adds or strips. Two forms: the pass-through "112 form",
 * `112 | 131 Control | [131 Payload]`, and, when DIST_HDR_ATOM_CACHE is negotiated, the
 * distribution header `131,68,Refs…` (atom-cache.ts) whose terms carry no 131 byte. A tick is
 * an empty packet.
 */
import type { Atom, Term } from '../../core/term/types.ts';
import { decodeTerm, type DecodeOptions } from './decode.ts';
import { encodeInto, type EncodeOptions } from './encode.ts';
import * as T from './tags.ts';
import { ByteWriter } from './writer.ts';
import { headerEnd, type InAtomCache } from './atom-cache.ts';

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

/** A header-form packet whose header's atoms were read already (`refs`, by a middleware's mirror of the cache). */
export function decodePacketWithRefs(body: Uint8Array, refs: readonly Atom[]): PacketResult {
  const next = hasAtomCacheRefs(body) ? headerEnd(body, 2) : null;
  if (next === null) return { ok: false, error: 'not a packet with atom cache refs' };
  return decodeTerms(body, next, { versionByte: false, atomRefs: refs });
}

/** A packet body in the distribution-header form whose header names atom cache entries. */
export function hasAtomCacheRefs(body: Uint8Array): boolean {
  return body.length > 2 && body[0] === T.VERSION && body[1] === T.DIST_HEADER && body[2] !== 0;
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

/**
 * A packet body's control message and payload. `inCache`: the connection's incoming atom cache
 * (DFLAG_DIST_HDR_ATOM_CACHE negotiated); without it a header with refs is an error.
 */
export function decodePacket(body: Uint8Array, opts: DecodeOptions = NO_OPTIONS, inCache?: InAtomCache): PacketResult {
  if (body.length === 0) return { ok: true, packet: { kind: 'tick' } };
  const first = body[0];
  if (first === PASS_THROUGH) return decodeTerms(body, 1, versioned(opts, true));
  if (first !== T.VERSION || body.length < 2) return { ok: false, error: `unknown packet type ${first}` };
  switch (body[1]) {
    case T.DIST_HEADER: {
      if (body.length < 3) return { ok: false, error: 'truncated distribution header' };
      if (body[2] === 0) return decodeTerms(body, 3, versioned(opts, false));
      if (inCache === undefined) return { ok: false, error: 'atom cache references are not supported' };
      const h = inCache.read(body, 2);
      if (typeof h === 'string') return { ok: false, error: h };
      return decodeTerms(body, h.next, { ...versioned(opts, false), atomRefs: h.refs });
    }
    case T.DIST_FRAG_HEADER:
    case T.DIST_FRAG_CONT:
      return { ok: false, error: 'fragmented messages are not supported' };
    default:
      return { ok: false, error: `unknown distribution header ${body[1]}` };
  }
}

/** The control message and optional payload from `at` to the end of `body`. */
export function decodeTerms(body: Uint8Array, at: number, opts: DecodeOptions): PacketResult {
  const c = decodeTerm(body, at, opts);
  if (!c.ok) return { ok: false, error: `control message: ${c.error}` };
  if (c.next === body.length) return { ok: true, packet: { kind: 'message', control: c.term, payload: undefined } };
  const p = decodeTerm(body, c.next, opts);
  if (!p.ok) return { ok: false, error: `payload: ${p.error}` };
  if (p.next !== body.length) return { ok: false, error: `trailing bytes after the payload (${body.length - p.next})` };
  return { ok: true, packet: { kind: 'message', control: c.term, payload: p.term } };
}
