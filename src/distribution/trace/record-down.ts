/**
 * A monitor ends two ways, and the runtime reports both as `monitor:removed` (a `demonitor`
 * row): `Process.demonitor`, or its target's exit, which sends the watcher its DOWN. The rows
 * after the target's exit (in causal order) are the DOWNs; the diagram, the exports and the
 * timeline say so.
 */
import type { TraceRow } from './record-rows.ts';

/** Ids of the `demonitor` rows that are a monitor firing: its target had exited before. */
export function downIds(rows: readonly TraceRow[]): ReadonlySet<number> {
  const exited = new Set<string>();
  const down = new Set<number>();
  for (const r of rows) {
    if (r.kind === 'exit' && r.pid !== null) exited.add(r.pid);
    else if (r.kind === 'demonitor' && r.peer !== null && exited.has(r.peer)) down.add(r.id);
  }
  return down;
}
