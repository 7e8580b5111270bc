/**
 * What a tab may send the signalling server (PeerJS's protocol): HEARTBEAT, and OFFER, ANSWER,
 * CANDIDATE or LEAVE for another id, which the server relays with the sender's own id as `src`.
 * Anything else (not JSON, `null`, `[]`, `{"type":5}`, a binary frame, an unknown type, JSON
 * nested deeper than MAX_JSON_DEPTH) is read as nothing: the caller ignores it and logs why.
 */
import { MAX_ID_LENGTH } from './peer-ids.ts';

/**
 * PeerJS's messages nest 3 or 4 levels (message, payload, sdp). JSON.parse reads any depth, but
 * re-serialising the payload to relay it recurses: `[[[…]]]` 30,000 deep fits in 64 KiB and
 * overflows JSON.stringify's stack.
 */
export const MAX_JSON_DEPTH = 32;

export type ClientMessage =
  | { readonly type: 'HEARTBEAT' }
  | { readonly type: 'OFFER' | 'ANSWER' | 'CANDIDATE' | 'LEAVE'; readonly dst: string; readonly payload: unknown };

const RELAYED = new Set(['OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE']);

export function parseClientMessage(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): ClientMessage | { readonly error: string } {
  if (isBinary) return { error: 'a binary frame' };
  const text = Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8');
  if (jsonDepth(text) > MAX_JSON_DEPTH) return { error: `nested deeper than ${MAX_JSON_DEPTH}` };
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { error: 'not JSON' };
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return { error: 'not a JSON object' };
  const { type, dst, payload } = message as Record<string, unknown>;
  if (type === 'HEARTBEAT') return { type };
  if (typeof type !== 'string' || !RELAYED.has(type)) return { error: `unknown type ${JSON.stringify(type)?.slice(0, 40) ?? 'undefined'}` };
  if (typeof dst !== 'string' || dst.length > MAX_ID_LENGTH) return { error: `${type} without a destination id` };
  return { type: type as 'OFFER' | 'ANSWER' | 'CANDIDATE' | 'LEAVE', dst, payload };
}

/** How deep `text`'s brackets nest, outside strings (one pass, no recursion; invalid JSON too). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}
