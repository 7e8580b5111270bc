/**
 * Version-6 handshake messages (erl_dist_protocol.md, "Handshake in Detail"), as message
 * bodies without the 2-byte length prefix (see framing.ts). 'N' means send_name from the
 * initiator and challenge from the acceptor, so decoding is by expected message, not by tag.
 * Decoders return an error string for anything malformed.
 */

export type Status = 'ok' | 'ok_simultaneous' | 'nok' | 'not_allowed' | 'alive' | 'true' | 'false';
const STATUSES: readonly string[] = ['ok', 'ok_simultaneous', 'nok', 'not_allowed', 'alive', 'true', 'false'];

export interface SendName { readonly flags: bigint; readonly creation: number; readonly name: string }
export interface Challenge { readonly flags: bigint; readonly challenge: number; readonly creation: number; readonly name: string }
export interface ChallengeReply { readonly challenge: number; readonly digest: Uint8Array }

const N = 78;
const S = 115;
const R = 114;
const A = 97;
const utf8 = new TextEncoder();
const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

export function encodeSendName(m: SendName): Uint8Array {
  const name = utf8.encode(m.name);
  const out = new Uint8Array(1 + 8 + 4 + 2 + name.length);
  const v = view(out);
  out[0] = N;
  v.setBigUint64(1, m.flags);
  v.setUint32(9, m.creation >>> 0);
  v.setUint16(13, name.length);
  out.set(name, 15);
  return out;
}

export function encodeChallenge(m: Challenge): Uint8Array {
  const name = utf8.encode(m.name);
  const out = new Uint8Array(1 + 8 + 4 + 4 + 2 + name.length);
  const v = view(out);
  out[0] = N;
  v.setBigUint64(1, m.flags);
  v.setUint32(9, m.challenge >>> 0);
  v.setUint32(13, m.creation >>> 0);
  v.setUint16(17, name.length);
  out.set(name, 19);
  return out;
}

export function encodeStatus(s: Status): Uint8Array {
  return Uint8Array.from([S, ...utf8.encode(s)]);
}

export function encodeChallengeReply(m: ChallengeReply): Uint8Array {
  const out = new Uint8Array(5 + m.digest.length);
  out[0] = R;
  view(out).setUint32(1, m.challenge >>> 0);
  out.set(m.digest, 5);
  return out;
}

export function encodeChallengeAck(digest: Uint8Array): Uint8Array {
  return Uint8Array.from([A, ...digest]);
}

function readName(b: Uint8Array, at: number): string {
  if (b.length < at + 2) throw new Error('truncated');
  const len = view(b).getUint16(at);
  if (b.length !== at + 2 + len) throw new Error(`name length ${len} does not match message size ${b.length}`);
  const name = utf8Strict.decode(b.subarray(at + 2));
  if (!/^[^@]+@[^@]+$/u.test(name) || [...name].length > 255) throw new Error(`bad node name ${JSON.stringify(name)}`);
  return name;
}

function guard<T>(what: string, f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    return `bad ${what}: ${e instanceof Error ? e.message : String(e)}`;
  }
}

export function decodeSendName(b: Uint8Array): SendName | string {
  return guard('send_name', () => {
    if (b[0] !== N) throw new Error(b[0] === 110 ? "old 'n' (version 5) form is not supported" : `tag ${b[0]}`);
    if (b.length < 15) throw new Error('truncated');
    const v = view(b);
    return { flags: v.getBigUint64(1), creation: v.getUint32(9), name: readName(b, 13) };
  });
}

export function decodeChallenge(b: Uint8Array): Challenge | string {
  return guard('challenge', () => {
    if (b[0] !== N || b.length < 19) throw new Error(b[0] !== N ? `tag ${b[0]}` : 'truncated');
    const v = view(b);
    return { flags: v.getBigUint64(1), challenge: v.getUint32(9), creation: v.getUint32(13), name: readName(b, 17) };
  });
}

export function decodeStatus(b: Uint8Array): Status | string {
  if (b[0] !== S) return `bad status: tag ${b[0]}`;
  const s = guard('status', () => utf8Strict.decode(b.subarray(1)));
  return STATUSES.includes(s) ? (s as Status) : `bad status: ${JSON.stringify(s)}`;
}

export function decodeChallengeReply(b: Uint8Array, digestLength: number): ChallengeReply | string {
  if (b[0] !== R || b.length !== 5 + digestLength) return `bad challenge_reply (${b.length} bytes)`;
  return { challenge: view(b).getUint32(1), digest: b.slice(5) };
}

export function decodeChallengeAck(b: Uint8Array, digestLength: number): Uint8Array | string {
  if (b[0] !== A || b.length !== 1 + digestLength) return `bad challenge_ack (${b.length} bytes)`;
  return b.slice(1);
}
