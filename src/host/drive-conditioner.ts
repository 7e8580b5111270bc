/**
 * Runs a NetworkConditioner's delayed deliveries on time in a real host: one timer, armed for
 * the earliest due message whenever traffic moves. Returns `stop`. (The conditioner itself keeps
 * no timers: tests drive `nextDueAt()/runDue()` on a simulated clock.)
 */
import type { Clock } from '../core/ports.ts';
import type { NetworkConditioner } from '../distribution/middleware/network-controls.ts';
import type { HostScheduling } from './node-loop.ts';

export function driveConditioner(c: NetworkConditioner, clock: Clock, host: HostScheduling, wake: () => void = () => {}): () => void {
  let timer: unknown = null;
  let armedFor: number | null = null;
  const arm = () => {
    const next = c.nextDueAt();
    if (next === null || (armedFor !== null && armedFor <= next)) return;
    if (timer !== null) host.clearTimer(timer);
    armedFor = next;
    timer = host.setTimer(fire, Math.max(0, next - clock.now()));
  };
  const fire = () => {
    timer = null;
    armedFor = null;
    if (c.runDue() > 0) wake();
    arm();
  };
  const off = c.onActivity(arm);
  arm();
  return () => {
    off();
    if (timer !== null) host.clearTimer(timer);
  };
}
