/**
 * A recording as rows of text: what the sequence diagram draws, the timeline steps through and
 * the exports write, whether it was recorded in this tab or imported from a JSON trace. Terms
 * are printed once, as the recording tab prints them (its node numbering), and cut to
 * TEXT_LIMIT characters (the diagram shortens them further, the full text shows on hover).
 */
import { inspect, type InspectOptions } from '../../core/term/inspect.ts';
import type { Atom, Pid, Term } from '../../core/term/types.ts';
import { pidKeyOf, type RecordKind, type Recorded } from './record.ts';
import { computeClocks, type Clocks } from './record-clocks.ts';
import { isSystemProcess } from '../../core/runtime/system-processes.ts';

export const TEXT_LIMIT = 2000;

export interface TraceRow {
  readonly id: number;
  readonly node: string;
  readonly kind: RecordKind;
  readonly time: number;
  /** The recording tab's clock when it recorded the event (record.ts `seen`), ms. */
  readonly seen: number;
  /** The acting process: its key across tabs (`node/id.serial`) and as the recording tab printed it. */
  readonly pid: string | null;
  readonly pidText: string | null;
  /** The other process (receiver, sender, linked, parent...), when it is one. */
  readonly peer: string | null;
  /** The other side as printed: a pid, `{name, node}`, a node name. */
  readonly peerText: string | null;
  /** The message, reason, name or note, printed. */
  readonly text: string | null;
  readonly system: boolean;
  /** The id of the paired send/receive, -1 if none. */
  readonly match: number;
}

/** Rows in causal order with their clocks. */
export interface Trace {
  readonly rows: readonly TraceRow[];
  readonly clocks: Clocks<TraceRow>;
  /** Events the recording had lost before this one's first (evicted past the bound). */
  readonly evicted: number;
}

export interface RowOptions {
  /** How the recording tab prints: its node numbering (`#PID<n.id.serial>`). */
  readonly nodeNumber?: (node: Atom) => number;
  /** Pids of system processes (the tool's, OTP's: by default BEAM's low range): their rows, and messages to or from them, say `system`. */
  readonly isSystem?: (pid: Pid) => boolean;
  /** Rows made before, reused while their pair did not change (a view re-deriving a big recording prints only what is new). */
  readonly cache?: RowCache;
}

/**
 * The rows `toRows` made, by event id, forgetting those of events the recording no longer keeps.
 * Not a WeakMap keyed by the events: a recording turning over 10,000 events a second left ~100,000
 * evicted ones in it as ephemerons until the next full GC, whose final pause re-scans each of
 * them in every round of its fixpoint (the projector's long frames, see token-routes.ts).
 */
export class RowCache {
  private readonly rows = new Map<number, TraceRow>();

  get(e: Recorded): TraceRow | undefined {
    return this.rows.get(e.id);
  }

  set(e: Recorded, row: TraceRow): void {
    this.rows.set(e.id, row);
  }

  /** Forgets the rows of events before `firstId` (ids only grow: the oldest come first). */
  forgetBefore(firstId: number): void {
    for (const id of this.rows.keys()) {
      if (id >= firstId) return;
      this.rows.delete(id);
    }
  }

  get size(): number {
    return this.rows.size;
  }
}

const cut = (s: string) => (s.length <= TEXT_LIMIT ? s : `${s.slice(0, TEXT_LIMIT - 1)}…`);

export function toRows(events: readonly Recorded[], o: RowOptions = {}): TraceRow[] {
  const first = events[0];
  if (first !== undefined) o.cache?.forgetBefore(first.id);
  const opts: InspectOptions = { nodeNumber: o.nodeNumber ?? (() => 0), limit: 16, printableLimit: 256 };
  const show = (t: Term | null) => (t === null ? null : cut(inspect(t, opts)));
  const isSystem = o.isSystem ?? ((pid: Pid) => isSystemProcess(pid, null));
  const system = new Set<string>();
  for (const e of events) if (e.kind === 'spawn' && e.system && e.pid !== null) system.add(pidKeyOf(e.pid));
  const byId = new Map<number, Recorded>();
  for (const e of events) if (e.kind === 'send') byId.set(e.id, e);
  return events.map((e) => {
    const hit = o.cache?.get(e);
    if (hit !== undefined && hit.match === e.match) return hit;
    const pidKey = e.pid === null ? null : pidKeyOf(e.pid);
    // A receive's other side is its sender; every other event's is what it names.
    const other = e.kind === 'receive' ? (byId.get(e.match)?.pid ?? null) : e.peer;
    const otherPid = typeof other === 'object' && other !== null && other.kind === 'pid' ? other : null;
    const row: TraceRow = {
      id: e.id, node: e.node, kind: e.kind, time: e.time, seen: e.seen,
      pid: pidKey, pidText: e.pid === null ? null : show(e.pid),
      peer: otherPid === null ? null : pidKeyOf(otherPid), peerText: show(other),
      text: show(e.term),
      // A message to or from the tool's processes (I/O requests, name servers) is the tool's too.
      system: e.system || (e.pid !== null && (system.has(pidKey as string) || isSystem(e.pid))) ||
        ((e.kind === 'send' || e.kind === 'receive') && otherPid !== null && (system.has(pidKeyOf(otherPid)) || isSystem(otherPid))),
      match: e.match,
    };
    o.cache?.set(e, row);
    return row;
  });
}

export function traceOf(rows: readonly TraceRow[], evicted = 0): Trace {
  const clocks = computeClocks(rows);
  return { rows: clocks.order, clocks, evicted };
}
