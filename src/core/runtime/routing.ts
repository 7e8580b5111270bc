/**
 * Where a message goes: a local pid's mailbox, a registered name, `{name, node}`, or out to the
 * remote router. Sends to dead local pids and to unknown names on a given node are dropped
 * silently, as on BEAM; only a bare unregistered atom (or a non-destination) is refused, so
 * that the VM can raise ArgumentError.
 */
import { Tuple } from '../term/types.ts';
import type { Atom, Pid, Ref, Term } from '../term/types.ts';
import type { Dest } from './process-api.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { Proc } from './process.ts';
import { suspendSender } from './busy-dist.ts';
import { aliasOwner } from './aliases.ts';
import { demonitor } from './signals.ts';

/** Send from `from` (a pid, or init's pid from outside). False for an unregistered atom or a bad destination. */
export function send(rt: NodeRuntime, from: Pid, dest: Dest, message: Term): boolean {
  if (typeof dest === 'object') {
    if (dest.kind === 'pid') {
      sendPid(rt, from, dest, message);
      return true;
    }
    if (dest.kind === 'atom') {
      const q = rt.registry.lookup(dest);
      if (q === undefined) return false;
      if (rt.events.active) emitSent(rt, from, dest, message, false);
      deliverFrom(rt, from, q, message);
      return true;
    }
    if (dest.kind === 'ref') {
      sendAlias(rt, from, dest, message);
      return true;
    }
    if (dest.kind === 'tuple' && dest.elements.length === 2) {
      const [name, node] = dest.elements as [Term, Term];
      if (typeof name === 'object' && name.kind === 'atom' && typeof node === 'object' && node.kind === 'atom') {
        sendNamed(rt, from, name, node, message);
        return true;
      }
    }
  }
  return false;
}

/** The hot path of the ring: a Map lookup, one list node, maybe a run-queue push. */
export function sendPid(rt: NodeRuntime, from: Pid, to: Pid, message: Term): void {
  const q = rt.lookup(to);
  if (q !== undefined) sendLocal(rt, from, q, to, message);
  else if (!rt.isLocal(to)) {
    if (rt.events.active) emitSent(rt, from, to, message, true);
    if (rt.router?.send(from, to, message) === 'busy') suspendSender(rt, from, to.node);
  }
  // a dead local pid: the message is dropped
}

/** Send to the local process `q`, already looked up from the pid `to`. */
export function sendLocal(rt: NodeRuntime, from: Pid, q: Proc, to: Pid, message: Term): void {
  if (rt.events.active) emitSent(rt, from, to, message, false);
  if (rt.delayed === null) rt.deliver(q, message);
  else rt.delayed.deliver(from, q, message);
}

/** A local message into `q`'s mailbox, now or after the node's delivery delay (delivery-delay.ts). */
function deliverFrom(rt: NodeRuntime, from: Pid, q: Proc, message: Term): void {
  if (rt.delayed === null) rt.deliver(q, message);
  else rt.delayed.deliver(from, q, message);
}

/** `send({name, node}, msg)`. */
export function sendNamed(rt: NodeRuntime, from: Pid, name: Atom, node: Atom, message: Term): void {
  const local = node === rt.name;
  if (rt.events.active) emitSent(rt, from, new Tuple([name, node]), message, !local);
  if (local) {
    const q = rt.registry.lookup(name);
    if (q !== undefined) deliverFrom(rt, from, q, message);
  } else if (rt.router?.sendNamed(from, node, name, message) === 'busy') suspendSender(rt, from, node);
}

function emitSent(rt: NodeRuntime, from: Pid, to: Term, message: Term, remote: boolean): void {
  rt.events.emit({ type: 'message:sent', time: rt.clock.now(), from, to, message, remote });
}

/**
 * `send(alias, msg)`: to the owner when the alias is active here, out to its node when the
 * reference is another node's (ALIAS_SEND), else dropped, as a send to any plain reference is.
 */
export function sendAlias(rt: NodeRuntime, from: Pid, alias: Ref, message: Term, owner?: Pid): void {
  if (alias.node !== rt.name) {
    // a reference made before the node had its name is still ours: nothing to send out
    if (rt.router?.sendAlias !== undefined && alias.node !== rt.initPid.node) {
      if (rt.events.active) emitSent(rt, from, owner ?? alias, message, true);
      if (rt.router.sendAlias(from, alias, message) === 'busy') suspendSender(rt, from, alias.node);
      return;
    }
  }
  const found = aliasOwner(rt, alias);
  if (found === undefined) return;
  if (found.unmonitor) demonitor(rt, found.q, alias, false);
  if (rt.events.active) emitSent(rt, from, found.q.self, message, false);
  deliverFrom(rt, from, found.q, message);
}
