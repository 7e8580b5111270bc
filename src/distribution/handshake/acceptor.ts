/**
 * The accepting side (B) of the version-6 handshake: receives send_name, answers a status
 * (ok, ok_simultaneous, nok, not_allowed, alive), sends its challenge, checks the reply and
 * acknowledges it. On a wrong digest it logs what BEAM logs and says nothing to the peer.
 *
 * Two rules stricter than a TCP listener can be (a tab knows who is calling, BEAM does not):
 * - with `linkPeer` set, send_name must claim exactly that name (the node the link's signalling
 *   id belongs to); any other claim is refused before the name is used for anything;
 * - after `alive` -> `true`, the old connection is replaced only once the new one has proven the
 *   cookie (`replace_connection` comes with the valid challenge reply), as OTP 25's dist_util does
 *   (it waits for the reply before net_kernel kills the old connection).
 */
import { LOG, Out, checkFlags, digestMode, nameGreater, newChallenge } from './common.ts';
import { DIGEST_LENGTH, digest, digestEquals, type DigestMode } from './digest.ts';
import type { HandshakeOptions, HandshakeOutput, HandshakeState } from './events.ts';
import {
  decodeChallengeReply, decodeSendName, decodeStatus, encodeChallenge, encodeChallengeAck, encodeStatus, type Status,
} from './messages.ts';

/**
 * net_kernel's answer to an incoming handshake for a node (`do_mark_pending` in dist_util.erl,
 * `{accept_pending, ...}` in net_kernel.erl): the status this side answers.
 * - ok: nothing pending; this handshake is now the node's pending connection;
 * - ok_simultaneous: we were connecting to it too and our name is smaller: our attempt is
 *   abandoned and this handshake takes its place (its callers and queued messages wait on it);
 * - nok: we were connecting to it too and our name is greater: our attempt stays, this one ends;
 * - alive: a connection is up; the peer must say whether it is stale (status `true`/`false`);
 * - already_pending: a connection is up and another handshake is already replacing it: this one
 *   ends without a status (dist_util's `already_pending` shuts down).
 */
export type PendingAnswer = 'ok' | 'ok_simultaneous' | 'nok' | 'alive' | 'already_pending';

export interface AcceptorOptions extends HandshakeOptions {
  /** `net_kernel:allow/1`: false -> not_allowed. Default: everyone. */
  readonly isAllowed?: (peer: string) => boolean;
  /**
   * Asked once the peer's send_name passed the name, flag and allow checks: net_kernel's verdict
   * (the caller records the pending connection as it answers). When set, `isUp`/`hasPendingTo`
   * are not asked.
   */
  readonly markPending?: (peer: string) => PendingAnswer;
  /** We are ourselves connecting to `peer` right now (simultaneous connect). */
  readonly hasPendingTo?: (peer: string) => boolean;
  /** We already have a connection up with `peer` -> status alive. */
  readonly isUp?: (peer: string) => boolean;
  /**
   * The node name the transport vouches for: the one the link's signalling id belongs to. A
   * send_name claiming another name is refused (not_allowed). Unset (a TCP bridge): any name.
   */
  readonly linkPeer?: string;
}

export interface Acceptor {
  readonly state: HandshakeState;
  /** The peer's name once a send_name it may send has arrived (never an impostor's claim). */
  readonly peerName: string | null;
  receive(bytes: Uint8Array): HandshakeOutput;
  closed(): HandshakeOutput;
}

export function createAcceptor(o: AcceptorOptions): Acceptor {
  let state: HandshakeState = 'await_name';
  let peer: string | null = null;
  let peerFlags = 0n;
  let peerCreation = 0;
  let mode: DigestMode = 'md5';
  let myChallenge = 0;
  /** We answered `alive` and the peer said `true`: its old connection goes once the cookie is proven. */
  let replacing = false;

  const fail = (out: Out, ...args: Parameters<Out['fail']>): Out => {
    state = 'failed';
    return out.fail(...args);
  };
  const status = (out: Out, s: Status): void => {
    out.send.push(encodeStatus(s));
    out.step('status', 'out', s);
  };

  function sendChallenge(out: Out): Out {
    myChallenge = newChallenge(o.random);
    out.send.push(encodeChallenge({ flags: o.myFlags, challenge: myChallenge, creation: o.creation, name: o.myName }));
    out.step('challenge', 'out', 'sent');
    state = 'await_reply';
    return out;
  }

  function onName(b: Uint8Array, out: Out): Out {
    const m = decodeSendName(b);
    if (typeof m === 'string') return fail(out, 'protocol_error', m);
    if (o.linkPeer !== undefined && m.name !== o.linkPeer) {
      // Erlang's words for a node that may not connect; the claimed name is not kept.
      out.step('send_name', 'in', 'not_allowed');
      status(out, 'not_allowed');
      return fail(out, 'name_mismatch', `${m.name} claimed on the link of ${o.linkPeer}`, LOG.disallowed(m.name));
    }
    out.step('send_name', 'in', 'ok');
    peer = m.name;
    peerCreation = m.creation;
    // Same order as dist_util: flags, then allow list, then net_kernel's pending/up check.
    const flags = checkFlags(m.flags);
    if (!flags.ok) {
      status(out, 'not_allowed');
      return fail(out, 'missing_flags', undefined, LOG.missing(o.myName, 'from', peer, m.flags));
    }
    peerFlags = flags.flags;
    mode = digestMode(o.myFlags, peerFlags);
    if (o.isAllowed && !o.isAllowed(peer)) {
      status(out, 'not_allowed');
      return fail(out, 'not_allowed', undefined, LOG.disallowed(peer));
    }
    const answer = o.markPending?.(peer) ?? defaultAnswer(peer);
    switch (answer) {
      case 'alive':
        status(out, 'alive');
        state = 'await_alive_reply';
        return out;
      case 'nok':
        // Simultaneous connect: the attempt of the node with the greater name (ours) survives.
        status(out, 'nok');
        return fail(out, 'nok', 'simultaneous connect: our own attempt wins');
      case 'already_pending':
        return fail(out, 'already_pending', 'a connection is up and another handshake is already replacing it');
      case 'ok_simultaneous':
        status(out, 'ok_simultaneous');
        if (o.markPending === undefined) out.events.push({ type: 'cancel_pending', peerName: peer });
        return sendChallenge(out);
      case 'ok':
        break;
    }
    status(out, 'ok');
    return sendChallenge(out);
  }

  /** Without `markPending`: up -> alive; our own attempt pending -> the greater name's survives. */
  function defaultAnswer(peer: string): PendingAnswer {
    if (o.isUp?.(peer)) return 'alive';
    if (!o.hasPendingTo?.(peer)) return 'ok';
    return nameGreater(o.myName, peer) ? 'nok' : 'ok_simultaneous';
  }

  function onAliveReply(b: Uint8Array, out: Out): Out {
    const s = decodeStatus(b);
    if (s !== 'true' && s !== 'false') return fail(out, 'protocol_error', `unexpected status reply ${s}`);
    out.step('status', 'in', s);
    if (s === 'false') return fail(out, 'alive_refused');
    replacing = true;
    return sendChallenge(out);
  }

  function onReply(b: Uint8Array, out: Out): Out {
    const name = peer as string;
    const r = decodeChallengeReply(b, DIGEST_LENGTH[mode]);
    if (typeof r === 'string') return fail(out, 'protocol_error', r);
    const cookie = o.cookieFor(name);
    if (!digestEquals(r.digest, digest(mode, myChallenge, cookie))) {
      out.step('challenge_reply', 'in', 'invalid');
      return fail(out, 'bad_challenge_reply', undefined, LOG.badReply(name));
    }
    out.step('challenge_reply', 'in', 'ok');
    if (replacing) out.events.push({ type: 'replace_connection', peerName: name });
    out.send.push(encodeChallengeAck(digest(mode, r.challenge, cookie)));
    out.step('challenge_ack', 'out', 'sent');
    state = 'up';
    out.events.push({ type: 'up', peerName: name, peerFlags, peerCreation, flags: o.myFlags & peerFlags, digest: mode });
    return out;
  }

  return {
    get state() {
      return state;
    },
    get peerName() {
      return peer;
    },
    receive(bytes) {
      const out = new Out();
      switch (state) {
        case 'await_name': return onName(bytes, out);
        case 'await_alive_reply': return onAliveReply(bytes, out);
        case 'await_reply': return onReply(bytes, out);
        default: return out;
      }
    },
    closed() {
      const out = new Out();
      if (state === 'up' || state === 'failed') return out;
      return fail(out, 'connection_closed', `closed in state ${state}`);
    },
  };
}
