/**
 * The node's RemoteRouter: each call from the runtime becomes the matching control message for
 * the destination node's connection. `sendTo` queues it (connecting implicitly when there is no
 * connection yet) and says when that connection is busy, which a message send passes on (the
 * runtime then suspends the sender); nothing here calls back into the runtime, as remote.ts
 * requires. `flush`, called at the end of each scheduler slice, sends what the slice queued.
 */
import type { Atom } from '../core/term/types.ts';
import type { Busy, RemoteRouter } from '../core/runtime/remote.ts';
import type { ControlMessage } from './control.ts';

export function createRouter(sendTo: (node: Atom, m: ControlMessage) => Busy, flush?: () => void): RemoteRouter {
  let unlinkId = 0;
  return {
    send: (from, to, message) => sendTo(to.node, { type: 'send', from, to, message }),
    sendAlias: (from, alias, message) => sendTo(alias.node, { type: 'alias_send', from, alias, message }),
    sendNamed: (from, node, name, message) => sendTo(node, { type: 'reg_send', from, name, message }),
    link: (from, to) => sendTo(to.node, { type: 'link', from, to }),
    unlink: (from, to) => sendTo(to.node, { type: 'unlink_id', id: ++unlinkId, from, to }),
    exit: (from, to, reason, viaLink) => sendTo(to.node, { type: viaLink ? 'exit' : 'exit2', from, to, reason }),
    monitor: (watcher, target, node, ref) => sendTo(node, { type: 'monitor', from: watcher, target, ref }),
    demonitor: (watcher, target, node, ref) => sendTo(node, { type: 'demonitor', from: watcher, target, ref }),
    monitorDown: (target, watcher, ref, reason) => sendTo(watcher.node, { type: 'monitor_exit', from: target, to: watcher, ref, reason }),
    groupLeader: (pid, leader) => sendTo(pid.node, { type: 'group_leader', from: leader, to: pid }),
    ...(flush !== undefined ? { flush } : {}),
  };
}
