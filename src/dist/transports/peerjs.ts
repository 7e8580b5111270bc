/**
 * The WebRTC transport, over PeerJS. The ONLY file that imports peerjs (DESIGN.md: layers).
 *
 * The embedded signalling server (server/signalling.ts) plays EPMD: a named node registers under
 * the PeerJS id derived from its name (peer-id.ts). PeerJS is always pointed at that server,
 * never at the public PeerJS cloud, and ICE servers are empty unless configured (STUN/TURN are
 * only needed across NATs; see README).
 */
import { Peer, type PeerOptions } from 'peerjs';
import { peerIdForNode } from '../peer-id.ts';

export interface SignallingConfig {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  /** Where the PeerServer is mounted on that host (server/signalling.ts). */
  readonly path: string;
  readonly key: string;
  readonly iceServers: RTCIceServer[];
}

export type SignallingState =
  | { readonly type: 'connecting' }
  | { readonly type: 'registered'; readonly peerId: string }
  | { readonly type: 'disconnected' }
  | { readonly type: 'refused'; readonly reason: string };

export function peerOptions(config: SignallingConfig): PeerOptions {
  return {
    host: config.host,
    port: config.port,
    secure: config.secure,
    path: config.path,
    key: config.key,
    config: { iceServers: config.iceServers },
    debug: 0,
  };
}

/**
 * Registers the node's name with the signalling server. A name already in use is refused with
 * Erlang's words, and the tab stays unnamed.
 */
export function registerNode(nodeName: string, config: SignallingConfig, onState: (s: SignallingState) => void): Peer {
  const peer = new Peer(peerIdForNode(nodeName), peerOptions(config));
  onState({ type: 'connecting' });
  peer.on('open', (id) => onState({ type: 'registered', peerId: id }));
  peer.on('disconnected', () => onState({ type: 'disconnected' }));
  peer.on('error', (err) => {
    if (err.type === 'unavailable-id') {
      onState({ type: 'refused', reason: `the name ${nodeName} seems to be in use by another Erlang node` });
      peer.destroy();
    } else if (err.type === 'network' || err.type === 'server-error' || err.type === 'socket-error') {
      onState({ type: 'disconnected' });
    }
  });
  return peer;
}
