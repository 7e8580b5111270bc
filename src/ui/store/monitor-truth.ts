/**
 * Monitors drawn are exactly those `Process.info` reports. The events alone are not enough: a
 * remote node's tracer reports a monitor set up on its process by one of ours (`nl/1`'s calls
 * to each code server) but not its removal there, and that report can arrive after our own
 * `demonitor` was seen. So every monitor with an end on this node is checked against the
 * runtime: the watcher's own monitors (by reference), or the target's `monitored_by`.
 */
import type { Pid, Ref } from '../../core/term/types.ts';
import { refKey } from './reduce.ts';
import { pidKey, type MonitorView, type PlaygroundData } from './model.ts';

/** What `Process.info` says of a local process's monitors (undefined: no such process). */
export type MonitorInfo = (pid: Pid) => { readonly monitors: readonly Ref[]; readonly monitoredBy: readonly Pid[] } | undefined;

/** The monitors to draw, or null when all those drawn are true. */
export function trueMonitors(s: Pick<PlaygroundData, 'monitors' | 'processes' | 'localNode'>, info: MonitorInfo): Record<string, MonitorView> | null {
  let out: Record<string, MonitorView> | null = null;
  for (const key in s.monitors) {
    const m = s.monitors[key] as MonitorView;
    if (holds(s, m, info)) continue;
    out ??= { ...s.monitors };
    delete out[key];
  }
  return out;
}

function holds(s: Pick<PlaygroundData, 'processes' | 'localNode'>, m: MonitorView, info: MonitorInfo): boolean {
  const watcher = s.processes[m.watcher];
  const target = s.processes[m.target];
  // A process that exited keeps its arrows while it fades (expire drops them with it).
  if (watcher?.exit != null || target?.exit != null) return true;
  if (watcher !== undefined && watcher.node === s.localNode && !m.key.startsWith('existing:')) {
    const i = info(watcher.pid);
    return i !== undefined && i.monitors.some((r) => refKey(r) === m.key);
  }
  if (target !== undefined && target.node === s.localNode) {
    const i = info(target.pid);
    return i !== undefined && i.monitoredBy.some((w) => pidKey(w) === m.watcher);
  }
  return true; // both ends elsewhere: their own tabs check them
}

