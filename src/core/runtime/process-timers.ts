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

/** The `after` of the receive `p` is entering: when it fires, the receive times out. */
export function startReceiveTimer(rt: NodeRuntime, p: Proc, ms: number): Timer {
  const t: Timer = rt.timers.add(rt.clock.now() + ms, () => {
    if (p.receiveTimer !== t) return; // that receive is over
    p.receiveTimer = null;
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
