/**
 * The connecting side (A) of the version-6 handshake, as a pure state machine:
 * send_name -> status -> challenge -> challenge_reply -> challenge_ack.
 * It never sends the cookie, only digests of the peer's challenge.
 */
import { LOG, Out, checkFlags, digestMode, nameGreater, newChallenge } from './common.ts';
import { DIGEST_LENGTH, digest, digestEquals, type DigestMode } from './digest.ts';
import type { HandshakeOptions, HandshakeOutput, HandshakeState } from './events.ts';
import {
  decodeChallenge, decodeChallengeAck, decodeStatus, encodeChallengeReply, encodeSendName, encodeStatus,
} from './messages.ts';

export interface InitiatorOptions extends HandshakeOptions {
  /** The node we are connecting to; the challenge must come from it. */
  readonly peerName: string;
  /**
   * Asked when the acceptor answers `alive` (it thinks we are still connected): is this attempt
   * still wanted? BEAM asks net_kernel (`is_pending`); default true.
   */
  readonly isPending?: () => boolean;
}

export interface Initiator {
  readonly state: HandshakeState;
  start(): HandshakeOutput;
  /** One handshake message body (no length prefix). */
  receive(bytes: Uint8Array): HandshakeOutput;
  /** The transport closed before the handshake finished. */
  closed(): HandshakeOutput;
}

export function createInitiator(o: InitiatorOptions): Initiator {
  let state: HandshakeState = 'idle';
  let mode: DigestMode = 'md5';
  let myChallenge = 0;
  let peerFlags = 0n;
  let peerCreation = 0;

  const fail = (out: Out, ...args: Parameters<Out['fail']>): Out => {
    state = 'failed';
    return out.fail(...args);
  };

  function onStatus(b: Uint8Array, out: Out): Out {
    const s = decodeStatus(b);
    if (s.startsWith('bad')) return fail(out, 'protocol_error', s);
    out.step('status', 'in', s);
    switch (s) {
      case 'ok':
      case 'ok_simultaneous':
        state = 'await_challenge';
        return out;
      case 'nok':
        // Only the greater name may keep its own attempt: a smaller one must answer
        // ok_simultaneous. Waiting on its attempt would wait for nothing.
        if (nameGreater(o.myName, o.peerName)) return fail(out, 'protocol_error', 'nok from a node with a smaller name');
        return fail(out, 'nok', 'simultaneous connect: the peer keeps its own attempt');
      case 'not_allowed': return fail(out, 'not_allowed');
      case 'alive': {
        const go = o.isPending?.() ?? true;
        out.send.push(encodeStatus(go ? 'true' : 'false'));
        out.step('status', 'out', go ? 'true' : 'false');
        if (!go) return fail(out, 'alive_refused');
        state = 'await_challenge';
        return out;
      }
      default: return fail(out, 'protocol_error', `unexpected status ${s}`);
    }
  }

  function onChallenge(b: Uint8Array, out: Out): Out {
    const c = decodeChallenge(b);
    if (typeof c === 'string') return fail(out, 'protocol_error', c);
    if (c.name !== o.peerName) {
      out.step('challenge', 'in', 'wrong_node');
      return fail(out, 'wrong_node', `expected ${o.peerName}, got ${c.name}`);
    }
    const flags = checkFlags(c.flags);
    if (!flags.ok) {
      out.step('challenge', 'in', 'missing_flags');
      return fail(out, 'missing_flags', undefined, LOG.missing(o.myName, 'to', o.peerName, c.flags));
    }
    out.step('challenge', 'in', 'ok');
    peerFlags = flags.flags;
    peerCreation = c.creation;
    mode = digestMode(o.myFlags, peerFlags);
    myChallenge = newChallenge(o.random);
    const answer = digest(mode, c.challenge, o.cookieFor(o.peerName));
    out.send.push(encodeChallengeReply({ challenge: myChallenge, digest: answer }));
    out.step('challenge_reply', 'out', 'sent');
    state = 'await_ack';
    return out;
  }

  function onAck(b: Uint8Array, out: Out): Out {
    const d = decodeChallengeAck(b, DIGEST_LENGTH[mode]);
    if (typeof d === 'string') return fail(out, 'protocol_error', d);
    if (!digestEquals(d, digest(mode, myChallenge, o.cookieFor(o.peerName)))) {
      out.step('challenge_ack', 'in', 'invalid');
      return fail(out, 'bad_challenge_ack', undefined, LOG.badAck(o.peerName));
    }
    out.step('challenge_ack', 'in', 'ok');
    state = 'up';
    out.events.push({
      type: 'up', peerName: o.peerName, peerFlags, peerCreation, flags: o.myFlags & peerFlags, digest: mode,
    });
    return out;
  }

  return {
    get state() {
      return state;
    },
    start() {
      const out = new Out();
      if (state !== 'idle') return out;
      out.send.push(encodeSendName({ flags: o.myFlags, creation: o.creation, name: o.myName }));
      out.step('send_name', 'out', 'sent');
      state = 'await_status';
      return out;
    },
    receive(bytes) {
      const out = new Out();
      switch (state) {
        case 'await_status': return onStatus(bytes, out);
        case 'await_challenge': return onChallenge(bytes, out);
        case 'await_ack': return onAck(bytes, out);
        case 'idle': return fail(out, 'protocol_error', 'message before start()');
        default: return out; // finished: the connection layer owns further bytes
      }
    },
    closed() {
      const out = new Out();
      if (state === 'up' || state === 'failed') return out;
      return fail(out, 'connection_closed', `closed in state ${state}`);
    },
  };
}
