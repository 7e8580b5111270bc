/**
 * The handshake log of each connection, as the inspector shows it when a connection is clicked:
 * every step (send_name, status, challenge, challenge_reply, challenge_ack) with its direction
 * and outcome, and how the attempt ended. It is how a teacher explains a cookie refusal: on the
 * called side the challenge reply comes in `invalid`; on the calling side it went out and the
 * link was closed.
 *
 * Pure and bounded: a node that retries forever (`:global` reconnecting, a wrong cookie) keeps
 * only its last few attempts, each with at most a handful of steps.
 */
import type { StepName } from '../../distribution/handshake/events.ts';

export interface HandshakeStepView {
  readonly name: StepName;
  /** `out`: this node sent it; `in`: this node received it. */
  readonly direction: 'in' | 'out';
  /** As the handshake machine reports it: `sent`, `ok`, `invalid`, `nok`, `alive`, ... */
  readonly outcome: string;
}

export type HandshakeResult =
  | { readonly kind: 'pending' }
  | { readonly kind: 'up' }
  | { readonly kind: 'refused'; readonly reason: string };

export interface HandshakeAttempt {
  /** Numbered per peer from 1, so the UI can key them. */
  readonly seq: number;
  /** Which side this node played: it called (`initiator`) or was called (`acceptor`). */
  readonly role: 'initiator' | 'acceptor';
  readonly steps: readonly HandshakeStepView[];
  readonly result: HandshakeResult;
}

/** Handshake attempts by peer node name, oldest first. */
export type HandshakeLog = Readonly<Record<string, readonly HandshakeAttempt[]>>;

/** Attempts kept per peer. */
export const MAX_ATTEMPTS = 5;
/** Steps kept per attempt (a full handshake has 5 on each side; more means something odd). */
export const MAX_STEPS = 12;

/**
 * This node starts calling `peer` (`connection:attempt` as initiator): a new attempt, so that a
 * call refused before any handshake message (no such node) still shows. The called side's
 * attempt starts with the `send_name` it receives (its `connection:attempt` comes after it).
 */
export function startAttempt(log: HandshakeLog, peer: string, role: 'initiator' | 'acceptor'): HandshakeLog {
  const attempts = log[peer] ?? [];
  const last = attempts[attempts.length - 1];
  if (last !== undefined && last.result.kind === 'pending' && (last.steps.length === 0 || role === 'acceptor')) return log;
  return append(log, peer, attempts, { seq: (last?.seq ?? 0) + 1, role, steps: [], result: { kind: 'pending' } });
}

/**
 * A step of `peer`'s handshake. `send_name` is the first message of every handshake, in or
 * out, so it opens a new attempt (unless one was just started, still empty); the other steps
 * go to the latest attempt.
 */
export function recordStep(log: HandshakeLog, peer: string, step: HandshakeStepView): HandshakeLog {
  const attempts = log[peer] ?? [];
  const last = attempts[attempts.length - 1];
  const fresh = last === undefined || last.result.kind !== 'pending' || (step.name === 'send_name' && last.steps.length > 0);
  if (fresh) {
    const role = step.name === 'send_name' && step.direction === 'in' ? 'acceptor' : 'initiator';
    return append(log, peer, attempts, { seq: (last?.seq ?? 0) + 1, role, steps: [step], result: { kind: 'pending' } });
  }
  if (last.steps.length >= MAX_STEPS) return log;
  return { ...log, [peer]: [...attempts.slice(0, -1), { ...last, steps: [...last.steps, step] }] };
}

/**
 * Keeps the last attempts, and the latest one that succeeded even when later failures (a closed
 * tab's retries) push it out: it is what the connection was, and how a teacher shows it worked.
 */
function append(log: HandshakeLog, peer: string, attempts: readonly HandshakeAttempt[], a: HandshakeAttempt): HandshakeLog {
  const all = [...attempts, a];
  if (all.length <= MAX_ATTEMPTS) return { ...log, [peer]: all };
  const lastUp = [...all].reverse().find((x) => x.result.kind === 'up');
  const recent = all.slice(-MAX_ATTEMPTS);
  const kept = lastUp === undefined || recent.includes(lastUp) ? recent : [lastUp, ...all.slice(-(MAX_ATTEMPTS - 1))];
  return { ...log, [peer]: kept };
}

/** How `peer`'s latest attempt ended (a later `connection:failed` for an attempt already ended is ignored). */
export function recordResult(log: HandshakeLog, peer: string, result: Exclude<HandshakeResult, { kind: 'pending' }>): HandshakeLog {
  const attempts = log[peer];
  const last = attempts?.[attempts.length - 1];
  if (attempts === undefined || last === undefined || last.result.kind !== 'pending') return log;
  return { ...log, [peer]: [...attempts.slice(0, -1), { ...last, result }] };
}

/** The words the inspector uses for a step: `challenge_reply ← in: invalid`. */
export function stepText(s: HandshakeStepView): string {
  return `${s.name} ${s.direction === 'out' ? '→ out' : '← in'}: ${s.outcome}`;
}

export function resultText(r: HandshakeResult): string {
  if (r.kind === 'pending') return 'in progress';
  if (r.kind === 'up') return 'up';
  return `refused: ${r.reason}`;
}

/**
 * One sentence a teacher can read out when an attempt was refused, or null. The digest check
 * fails on the called side (`challenge_reply` in: invalid, "Invalid challenge reply" in its log);
 * the caller only sees the link closed after its reply went out. A wrong ack is the caller's
 * own check failing (the other node answered with another cookie).
 */
export function explainRefusal(a: HandshakeAttempt): string | null {
  if (a.result.kind !== 'refused') return null;
  const has = (name: StepName, direction: 'in' | 'out', outcome: string) =>
    a.steps.some((s) => s.name === name && s.direction === direction && s.outcome === outcome);
  if (has('challenge_reply', 'in', 'invalid')) return 'The challenge reply did not match this node\'s cookie: the two nodes use different cookies.';
  if (has('challenge_ack', 'in', 'invalid')) return 'The challenge ack did not match this node\'s cookie: the two nodes use different cookies.';
  if (has('challenge_reply', 'out', 'sent') && !a.steps.some((s) => s.name === 'challenge_ack')) {
    return 'The other node closed the connection after this node\'s challenge reply: it refused the cookie (its log says "Invalid challenge reply").';
  }
  return null;
}
