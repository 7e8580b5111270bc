/**
 * The cluster as it was after step `at` of a trace (its causal order): which processes lived on
 * each node, their links, the messages waiting in each mailbox (sent to a process of the same
 * node, not yet received) and the messages in flight (sent to another node, not yet received).
 * What the timeline shows when it is dragged into the past.
 */
import type { Trace, TraceRow } from '../../distribution/trace/record-rows.ts';

export interface PastProcess {
  readonly key: string;
  readonly label: string;
  readonly node: string;
  readonly alive: boolean;
  readonly mailbox: number;
  readonly links: readonly string[];
}

export interface PastState {
  readonly at: number;
  readonly processes: readonly PastProcess[];
  /** `from → to: term` of each message sent by step `at` and not yet received. */
  readonly inFlight: readonly string[];
  /** What step `at` was, in words. */
  readonly step: TraceRow | null;
}

export function stateAt(trace: Trace, at: number): PastState {
  const rows = trace.rows;
  const last = Math.min(at, rows.length - 1);
  const procs = new Map<string, { label: string; node: string; alive: boolean; links: Set<string>; mailbox: number }>();
  const proc = (key: string, label: string, node: string) => {
    let p = procs.get(key);
    if (p === undefined) procs.set(key, (p = { label, node, alive: true, links: new Set(), mailbox: 0 }));
    return p;
  };
  const receivedBy = new Set<number>();
  for (let i = 0; i <= last; i++) {
    const r = rows[i] as TraceRow;
    if (r.kind === 'receive') receivedBy.add(r.match);
  }
  const byId = new Map<number, TraceRow>();
  for (const r of rows) byId.set(r.id, r);
  const inFlight: string[] = [];
  for (let i = 0; i <= last; i++) {
    const r = rows[i] as TraceRow;
    if (r.pid === null || r.system) continue;
    const p = proc(r.pid, r.pidText ?? r.pid, r.node);
    switch (r.kind) {
      case 'exit':
        p.alive = false;
        break;
      case 'link':
        if (r.peer !== null) p.links.add(r.peerText ?? r.peer);
        break;
      case 'unlink':
        if (r.peer !== null) p.links.delete(r.peerText ?? r.peer);
        break;
      case 'send': {
        if (receivedBy.has(r.id)) break;
        // Not received by step `at`: paired later, or never (still in the mailbox, or lost).
        const to = r.match < 0 ? undefined : byId.get(r.match);
        const key = to?.pid ?? r.peer;
        if (key === null || (to !== undefined && to.system)) break;
        const node = to?.node ?? key.slice(0, key.lastIndexOf('/'));
        const label = to?.pidText ?? r.peerText ?? key;
        const receiver = proc(key, label, node); // known from here on, even before its own events
        if (node === r.node) receiver.mailbox++;
        else inFlight.push(`${r.pidText ?? '?'} → ${label}: ${r.text ?? ''}`);
        break;
      }
      default:
    }
  }
  return {
    at: last,
    processes: [...procs.entries()].map(([key, p]) => ({ key, label: p.label, node: p.node, alive: p.alive, mailbox: p.mailbox, links: [...p.links] })),
    inFlight,
    step: last >= 0 ? (rows[last] as TraceRow) : null,
  };
}
