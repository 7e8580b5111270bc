/** Pieces both handshake machines share: challenges, digest mode, log texts, name order. */
import { inspectAtom } from '../../core/term/atom-format.ts';
import type { Random } from '../../core/ports.ts';
import { missingMandatory, usesHmac, expandFlags } from './flags.ts';
import type { DigestMode } from './digest.ts';
import type { FailReason, HandshakeEvent, HandshakeOutput } from './events.ts';

/** A uniformly random unsigned 32-bit challenge. */
export function newChallenge(random: Random): number {
  return Math.floor(random.next() * 0x100000000) >>> 0;
}

export function digestMode(mine: bigint, theirs: bigint): DigestMode {
  return usesHmac(mine, theirs) ? 'hmac-sha256' : 'md5';
}

/**
 * Byte-wise name order, which is atom order for node names. The simultaneous-connect rule keeps
 * the attempt of the node with the greater name.
 */
export function nameGreater(a: string, b: string): boolean {
  const x = new TextEncoder().encode(a);
  const y = new TextEncoder().encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) > (y[i] as number);
  return x.length > y.length;
}

/**
 * Elixir's rendering of the error reports dist_util writes (`~w` of a node is `inspect`, `~s`
 * prints the bare name; checked against iex 1.14, trailing spaces included).
 */
export const LOG = {
  badReply: (peer: string): string => `** Connection attempt from node ${inspectAtom(peer)} rejected. Invalid challenge reply. **`,
  badAck: (peer: string): string => `** Connection attempt to node ${inspectAtom(peer)} cancelled. Invalid challenge ack. **`,
  disallowed: (peer: string): string => `** Connection attempt from disallowed node ${peer} ** `,
  missing: (me: string, dir: 'from' | 'to', peer: string, flags: bigint): string =>
    `** ${inspectAtom(me)}: Connection attempt ${dir} node ${inspectAtom(peer)} ${dir === 'from' ? 'rejected' : 'aborted'} since it cannot handle [${missingMandatory(flags).map((n) => `'${n}'`).join(', ')}].**`,
};

/** The peer's flags with bit 26 expanded, or the names it lacks. */
export function checkFlags(flags: bigint): { ok: true; flags: bigint } | { ok: false } {
  const f = expandFlags(flags);
  return missingMandatory(f).length === 0 ? { ok: true, flags: f } : { ok: false };
}

/** Accumulates one receive() call's output. */
export class Out implements HandshakeOutput {
  readonly send: Uint8Array[] = [];
  readonly events: HandshakeEvent[] = [];
  step(name: 'send_name' | 'status' | 'challenge' | 'challenge_reply' | 'challenge_ack', direction: 'in' | 'out', outcome: string): this {
    this.events.push({ type: 'step', name, direction, outcome });
    return this;
  }
  fail(reason: FailReason, detail?: string, log?: string): this {
    this.events.push({
      type: 'failed', reason,
      ...(detail !== undefined ? { detail } : {}),
      ...(log !== undefined ? { log } : {}),
    });
    return this;
  }
}
