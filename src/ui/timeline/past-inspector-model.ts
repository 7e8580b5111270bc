/**
 * What the inspector says about a process at a past step of the recording: what the recording
 * knows of it then (its pid, node, names, status or exit reason, mailbox and the messages in it,
 * links, monitors both ways), from the timeline's store of the past (past-canvas.ts). The live
 * inspector's rows (inspector-model.ts) come first, as the store holds them; a past process is
 * never asked anything (it may be long gone), so there is no current function or reductions.
 * Pure, so its wording is tested in Node.
 */
import type { Atom } from '../../core/term/types.ts';
import { inspectorModel, type InspectorModel } from '../inspector/inspector-model.ts';
import type { PastStepView, PlaygroundData } from '../store/model.ts';

export interface PastInspectorModel extends InspectorModel {
  /** "step 12 of 40": which moment this is. */
  readonly step: string;
}

type PastView = Pick<PlaygroundData, 'processes' | 'monitors'> & { readonly pastStep: PastStepView | undefined };

export function pastInspectorModel(state: PastView, key: string, nodeNumber: (n: Atom) => number): PastInspectorModel | null {
  const view = state.processes[key];
  if (view === undefined) return null;
  const base = inspectorModel(view, undefined, nodeNumber);
  const label = (k: string) => state.processes[k]?.pidText ?? k;
  const list = (keys: readonly string[]) => (keys.length === 0 ? '[]' : keys.map(label).join(', '));
  const monitors = Object.values(state.monitors);
  // The recording knows whether it lived, not whether it was running or waiting then.
  const rows = base.rows.map((r) => (r.label === 'status' && view.exit === null ? { label: 'status', value: 'alive' } : r));
  rows.push(
    { label: 'links', value: list(view.links) },
    { label: 'monitors', value: list(monitors.filter((m) => m.watcher === key).map((m) => m.target)) },
    { label: 'monitored by', value: list(monitors.filter((m) => m.target === key).map((m) => m.watcher)) },
  );
  const step = state.pastStep === undefined ? 'a past step' : `step ${state.pastStep.at + 1} of ${state.pastStep.of}`;
  return { ...base, rows, messages: [...(state.pastStep?.mailboxes[key] ?? [])], alive: false, step };
}
