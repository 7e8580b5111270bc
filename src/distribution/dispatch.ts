/**
 * Control messages from a peer, applied to this node through its RemoteInbox. A message that
 * names a pid of some OTHER node as its local end is ignored: a peer may only address our
 * processes; and one whose sender is a pid not of the peer's node is ignored too: a peer speaks
 * only for its own processes (as erts checks), so it cannot forge a link's exit between two of
 * ours. Spawn requests and replies go to the remote-spawn handlers.
 */
import type { Atom, Pid } from '../core/term/types.ts';
import type { Node } from '../core/runtime/node.ts';
import type { ControlMessage } from './control.ts';

export interface DispatchHooks {
  spawnRequest(peer: Atom, m: Extract<ControlMessage, { type: 'spawn_request' }>): void;
  spawnReply(peer: Atom, m: Extract<ControlMessage, { type: 'spawn_reply' }>): void;
  /** Answer on the same connection (UNLINK_ID_ACK). */
  reply(peer: Atom, m: ControlMessage): void;
}

/** `p` is one of this node's pids. */
const ours = (node: Node, p: Pid): boolean => p.node === node.name;
/** `p` speaks for the peer: a pid of its node, or a name. */
const peers = (peer: Atom, p: Pid | Atom): boolean => p.kind !== 'pid' || p.node === peer;

// Every message from every peer comes through here: no closures made per call.
export function dispatch(node: Node, peer: Atom, m: ControlMessage, hooks: DispatchHooks): void {
  const inbox = node.remote;
  switch (m.type) {
    case 'send':
      if (ours(node, m.to)) inbox.deliverSend(m.to, m.message);
      return;
    case 'reg_send':
      inbox.deliverNamedSend(m.name, m.message);
      return;
    case 'alias_send':
      // an alias names its owner's node: a peer may only address ours
      if (m.alias.node === node.name) inbox.deliverAliasSend(m.alias, m.message);
      return;
    case 'link':
      if (ours(node, m.to) && peers(peer, m.from)) inbox.deliverLink(m.from, m.to);
      return;
    case 'unlink':
      if (ours(node, m.to) && peers(peer, m.from)) inbox.deliverUnlink(m.from, m.to);
      return;
    case 'unlink_id':
      if (!ours(node, m.to) || !peers(peer, m.from)) return;
      inbox.deliverUnlink(m.from, m.to);
      hooks.reply(peer, { type: 'unlink_id_ack', id: m.id, from: m.to, to: m.from });
      return;
    case 'unlink_id_ack':
      return; // the runtime dropped the link when unlink/1 was called
    case 'exit':
    case 'exit2':
      if (ours(node, m.to) && peers(peer, m.from)) inbox.deliverExit(m.from, m.to, m.reason, m.type === 'exit');
      return;
    case 'monitor':
      if ((m.target.kind === 'atom' || ours(node, m.target)) && peers(peer, m.from)) inbox.deliverMonitor(m.from, m.target, m.ref);
      return;
    case 'demonitor':
      if ((m.target.kind === 'atom' || ours(node, m.target)) && peers(peer, m.from)) inbox.deliverDemonitor(m.from, m.target, m.ref);
      return;
    case 'monitor_exit':
      if (ours(node, m.to)) inbox.deliverMonitorDown(m.to, m.ref, m.reason, peer);
      return;
    case 'group_leader':
      if (ours(node, m.to)) node.processApi(m.to)?.setGroupLeader(m.to, m.from);
      return;
    case 'spawn_request':
      if (peers(peer, m.from)) hooks.spawnRequest(peer, m);
      return;
    case 'spawn_reply':
      if (ours(node, m.to)) hooks.spawnReply(peer, m);
      return;
  }
}
