/**
 * BEAM's busy_dist_port: a process that sends on a distribution connection whose output queue
 * is over its limit is suspended (its message is queued all the same) until the queue drains;
 * the node, and every other process, keeps running. So a flood to a stalled peer costs the
 * connection's limit in memory, not the flood.
 *
 * The router reports 'busy' (remote.ts); the sending process is then marked. Its run ends at
 * once (the body's `interrupt`: the VM stops before its next call), and it is not scheduled
 * again, whatever messages arrive, until the distribution layer calls `RemoteInbox.drained`
 * (or `nodeDown`: the connection is gone, and the send simply dropped). Only the running
 * process is suspended, never a system process (net_kernel must keep flushing), nor a send from
 * outside any process.
 */
import type { Atom, Pid } from '../term/types.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { Proc } from './process.ts';
import { Status } from './status.ts';

export function suspendSender(rt: NodeRuntime, from: Pid, node: Atom): void {
  const p = rt.current;
  if (p === null || p.self !== from || p.system || p.suspendedOn !== null) return;
  p.suspendedOn = node;
  let waiting = rt.busySenders.get(node);
  if (waiting === undefined) rt.busySenders.set(node, (waiting = []));
  waiting.push(p);
  p.body.interrupt?.();
}

/** After a run: a process marked by suspendSender waits instead of being scheduled again. */
export function parkIfSuspended(p: Proc): boolean {
  if (p.suspendedOn === null) return false;
  p.status = Status.Suspended;
  return true;
}

/** The connection to `node` drained (or is gone): its suspended senders run again, in order. */
export function resumeSenders(rt: NodeRuntime, node: Atom): void {
  const waiting = rt.busySenders.get(node);
  if (waiting === undefined) return;
  rt.busySenders.delete(node);
  for (const p of waiting) {
    p.suspendedOn = null;
    // Run again even if it was in a receive: it looks at its mailbox, and waits again if need be.
    if (p.status === Status.Suspended) rt.enqueue(p);
  }
}
