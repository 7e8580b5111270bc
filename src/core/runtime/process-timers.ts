/**
 * The timers a process sets: its receive's `after`, and Process.send_after / cancel_timer.
 * All run on the node's TimerHeap, i.e. on the injected clock.
 */
import type { Pid, Ref, Term } from '../term/types.ts';
import type { Dest } from './process-api.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { Proc } from './process.ts';
import type { Timer } from './timers.ts';
import { Status } from './status.ts';
import { refKey } from './identifiers.ts';
import { send } from './routing.ts';

/**
 * The `after` of the receive `p` is entering: the receive times out at `p.receiveDeadline`. The
 * heap entry outlives its receive: one that ends leaves it there, and the next receive keeps it
 * when it fires no later than the new deadline; fired early, it is put back at the deadline of
 * the receive then waiting, if any. GenServer.call's `after 5000` paid, on every call, a timer,
 * its closure, a heap insert and the dead entry's removal; now a clock read and a comparison.
 */
export function armReceiveTimer(rt: NodeRuntime, p: Proc, ms: number): void {
  const at = rt.clock.now() + ms;
  p.receiveDeadline = at;
  const t = p.receiveTimer;
  if (t !== null && t.at <= at) return;
  if (t !== null) rt.timers.cancel(t);
  p.receiveTimer = receiveTimerAt(rt, p, at);
}

function receiveTimerAt(rt: NodeRuntime, p: Proc, at: number): Timer {
  const t: Timer = rt.timers.add(at, () => {
    if (p.receiveTimer !== t) return; // replaced by an earlier one, or the process is gone
    p.receiveTimer = null;
    const deadline = p.receiveDeadline;
    if (deadline === null) return; // no receive with a timeout waits now
    if (deadline > rt.clock.now()) {
      p.receiveTimer = receiveTimerAt(rt, p, deadline);
      return;
    }
    p.receiveDeadline = null;
    p.timedOut = true;
    if (p.status === Status.Waiting) rt.enqueue(p);
  });
  return t;
}

export function sendAfter(rt: NodeRuntime, from: Pid, dest: Dest, message: Term, ms: number): Ref {
  const ref = rt.makeRef();
  const key = refKey(ref);
  const t = rt.timers.add(rt.clock.now() + Math.max(0, ms), () => {
    rt.sendTimers.delete(key);
    send(rt, from, dest, message);
  });
  rt.sendTimers.set(key, t);
  return ref;
}

/** Milliseconds that were left, or false when the timer already fired or was cancelled. */
export function cancelTimer(rt: NodeRuntime, ref: Ref): number | false {
  const key = refKey(ref);
  const t = rt.sendTimers.get(key);
  if (t === undefined || t.cancelled) return false;
  rt.sendTimers.delete(key);
  rt.timers.cancel(t);
  return Math.max(0, Math.ceil(t.at - rt.clock.now()));
}
