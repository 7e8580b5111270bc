/**
 * Challenge digests. Only digests travel; the cookie never does. BEAM's is
 * `md5(Cookie ++ integer_to_list(Challenge))` (dist_util:gen_digest/2) with the challenge as an
 * unsigned 32-bit decimal. Between two playground nodes (PLAYGROUND_HMAC on both sides) it is
 * HMAC-SHA-256 keyed by the cookie over the same decimal string: the full 32 bytes, so
 * challenge_reply and challenge_ack are 16 bytes longer in that mode.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { md5 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';

export type DigestMode = 'md5' | 'hmac-sha256';

export const DIGEST_LENGTH: Record<DigestMode, number> = { md5: 16, 'hmac-sha256': 32 };

const utf8 = new TextEncoder();

/**
 * The cookie as BEAM hashes it: `atom_to_list(Cookie)` is a list of code points, which as an
 * iolist are bytes, i.e. Latin-1. Code points above 255 would make BEAM's md5 fail; we use
 * UTF-8 for those so such cookies still work between playground nodes.
 */
export function cookieBytes(cookie: string): Uint8Array {
  const cps = Array.from(cookie, (c) => c.codePointAt(0) ?? 0);
  return cps.every((c) => c <= 255) ? Uint8Array.from(cps) : utf8.encode(cookie);
}

function challengeText(challenge: number): Uint8Array {
  return utf8.encode((challenge >>> 0).toString(10));
}

/** dist_util:gen_digest/2. */
export function genDigest(challenge: number, cookie: string): Uint8Array {
  const c = cookieBytes(cookie);
  const t = challengeText(challenge);
  const msg = new Uint8Array(c.length + t.length);
  msg.set(c);
  msg.set(t, c.length);
  return md5(msg);
}

export function hmacDigest(challenge: number, cookie: string): Uint8Array {
  return hmac(sha256, cookieBytes(cookie), challengeText(challenge));
}

export function digest(mode: DigestMode, challenge: number, cookie: string): Uint8Array {
  return mode === 'md5' ? genDigest(challenge, cookie) : hmacDigest(challenge, cookie);
}

/** Compares without an early exit, so timing does not reveal how many bytes matched. */
export function digestEquals(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
