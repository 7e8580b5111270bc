/**
 * What a tab may send the signalling server (PeerJS's protocol): HEARTBEAT, and OFFER, ANSWER,
 * CANDIDATE or LEAVE for another id, which the server relays with the sender's own id as `src`.
 * Anything else (not JSON, `null`, `[]`, `{"type":5}`, a binary frame, an unknown type) is read
 * as nothing: the caller ignores it and logs why.
 */
import { MAX_ID_LENGTH } from './peer-ids.ts';

export type ClientMessage =
  | { readonly type: 'HEARTBEAT' }
  | { readonly type: 'OFFER' | 'ANSWER' | 'CANDIDATE' | 'LEAVE'; readonly dst: string; readonly payload: unknown };

const RELAYED = new Set(['OFFER', 'ANSWER', 'CANDIDATE', 'LEAVE']);

export function parseClientMessage(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): ClientMessage | { readonly error: string } {
  if (isBinary) return { error: 'a binary frame' };
  let message: unknown;
  try {
    message = JSON.parse(Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8'));
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
