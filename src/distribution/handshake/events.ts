/**
 * What the handshake machines take and give. A machine is fed one message body at a time
 * (`receive`) and answers with message bodies to send and events: a `step` for every message in
 * or out (the UI draws these), then exactly one `up` or `failed`.
 */
import type { Random } from '../../core/ports.ts';
import type { DigestMode } from './digest.ts';

export type StepName = 'send_name' | 'status' | 'challenge' | 'challenge_reply' | 'challenge_ack';

export type FailReason =
  | 'nok' // the acceptor's own attempt to us wins (simultaneous connect, it has the greater name)
  | 'not_allowed'
  | 'name_mismatch' // acceptor: send_name claimed another name than the link's signalling id
  | 'alive_refused' // status alive answered 'false'
  | 'already_pending' // acceptor: a connection is up and another handshake is already replacing it
  | 'missing_flags'
  | 'bad_challenge_reply' // acceptor: wrong digest (cookie mismatch)
  | 'bad_challenge_ack' // initiator: wrong digest
  | 'wrong_node' // the acceptor is not the node we meant to reach
  | 'protocol_error'
  | 'connection_closed';

export type HandshakeEvent =
  | { readonly type: 'step'; readonly name: StepName; readonly direction: 'in' | 'out'; readonly outcome: string }
  | {
      readonly type: 'up';
      readonly peerName: string;
      readonly peerFlags: bigint;
      readonly peerCreation: number;
      /** The AND of both sides' flags: what the connection may use. */
      readonly flags: bigint;
      readonly digest: DigestMode;
    }
  /** `log` is the exact text the node logs at error level (Elixir's format), when BEAM logs one. */
  | { readonly type: 'failed'; readonly reason: FailReason; readonly detail?: string; readonly log?: string }
  /** Acceptor answered ok_simultaneous: the caller must drop its own pending attempt to the peer. */
  | { readonly type: 'cancel_pending'; readonly peerName: string }
  /**
   * Acceptor: the peer said its old connection is gone (alive -> true) and has now proven the
   * cookie (a valid challenge reply); drop that connection.
   */
  | { readonly type: 'replace_connection'; readonly peerName: string };

export interface HandshakeOutput {
  readonly send: Uint8Array[];
  readonly events: HandshakeEvent[];
}

export interface HandshakeOptions {
  readonly myName: string;
  readonly myFlags: bigint;
  /** Nonzero, fresh per incarnation (a tab: random per page load). */
  readonly creation: number;
  /** The cookie this node uses with `peer` (Node.set_cookie/2 overrides, else its own). */
  readonly cookieFor: (peer: string) => string;
  /** Source of challenges. */
  readonly random: Random;
}

export type HandshakeState = 'idle' | 'await_status' | 'await_challenge' | 'await_ack' | 'await_name' | 'await_alive_reply' | 'await_reply' | 'up' | 'failed';
