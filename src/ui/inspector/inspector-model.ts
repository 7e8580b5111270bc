/**
 * What the inspector lists about a process, as text rows: computed from Process.info (local
 * processes) or from what the store knows (remote ones, until the tracing service reports
 * more). Pure, so its wording is tested in Node. Terms print as this tab prints them.
 */
import type { ProcessInfo } from '../../core/runtime/process-api.ts';
import { atom as atomOf, tuple, type Atom, type Term } from '../../core/term/types.ts';
import { inspect } from '../../core/term/inspect.ts';
import type { ProcessView } from '../store/model.ts';
import { processLabel } from '../canvas/flow-graph.ts';

export interface InspectorRow {
  readonly label: string;
  readonly value: string;
}

export interface InspectorModel {
  readonly title: string;
  readonly rows: readonly InspectorRow[];
  /** Mailbox messages, oldest first (only for processes we can look into). */
  readonly messages: readonly string[] | null;
  readonly alive: boolean;
}

const list = (items: readonly Term[], nodeNumber: (n: Atom) => number): string =>
  items.length === 0 ? '[]' : items.map((t) => inspect(t, { nodeNumber })).join(', ');

export function inspectorModel(view: ProcessView, info: ProcessInfo | undefined, nodeNumber: (n: Atom) => number): InspectorModel {
  const rows: InspectorRow[] = [
    { label: 'PID', value: view.pidText },
    // Another node's process: how its own node prints it (always number 0 there), since each
    // node numbers the others in its own order and a class compares what their shells print.
    ...(nodeNumber(view.pid.node) !== 0 ? [{ label: `PID on ${view.node}`, value: inspect(view.pid, { nodeNumber: () => 0 }) }] : []),
    { label: 'node', value: view.node },
    { label: 'status', value: view.exit !== null ? `exited (${view.exit.reason})` : info?.status ?? view.status },
  ];
  if (view.name !== null) rows.push({ label: 'registered name', value: inspect(atomOf(view.name)) });
  if (view.globalName !== null) rows.push({ label: 'global name', value: inspect(atomOf(view.globalName)) });
  if (info === undefined) {
    rows.push({ label: 'mailbox', value: String(view.mailbox) });
    return { title: processLabel(view), rows, messages: null, alive: view.exit === null };
  }
  const cf = info.currentFunction;
  rows.push(
    { label: 'current function', value: cf === undefined ? 'unknown' : inspect(tuple(atomOf(cf[0]), atomOf(cf[1]), cf[2])) },
    { label: 'mailbox', value: String(info.messageQueueLen) },
    { label: 'links', value: list(info.links, nodeNumber) },
    { label: 'monitors', value: list(info.monitors, nodeNumber) },
    { label: 'monitored by', value: list(info.monitoredBy, nodeNumber) },
    { label: 'group leader', value: inspect(info.groupLeader, { nodeNumber }) },
    { label: 'reductions', value: String(info.reductions) },
    { label: 'trap exit', value: String(info.trapExit) },
  );
  const messages = info.messages.map((m) => inspect(m, { nodeNumber, limit: 20, printableLimit: 200 }));
  return { title: processLabel(view), rows, messages, alive: view.exit === null };
}

