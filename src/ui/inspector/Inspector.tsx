/**
 * The inspector of the selected process: PID, node, status, current function, mailbox
 * messages, links, monitors, group leader, reductions; actions "Send message" (an Elixir term,
 * sent as the shell would send it) and "Kill" (`Process.exit(pid, :kill)`).
 * It re-reads Process.info whenever the store's view of the process changes. When a connection
 * is selected instead, it shows that connection's handshakes (ConnectionInspector). Another
 * node's process is looked into over distribution (use-remote-info.ts).
 */
import { useMemo, useState, type FormEvent } from 'react';
import type { Pid } from '../../core/term/types.ts';
import type { ProcessInfo } from '../../core/runtime/process-api.ts';
import type { Atom } from '../../core/term/types.ts';
import { usePlayground, usePlaygroundStoreApi } from '../store/context.tsx';
import { inspectorModel } from './inspector-model.ts';
import { ConnectionInspector } from './ConnectionInspector.tsx';
import { InspectorPanel } from './InspectorPanel.tsx';
import { InspectorRows, MailboxMessages } from './InspectorRows.tsx';
import { useRemoteInfo, type RemoteInfo } from './use-remote-info.ts';

export interface InspectorProps {
  /** Process.info for a pid this tab can look into (its own), else undefined. */
  readonly info: (pid: Pid) => ProcessInfo | undefined;
  readonly nodeNumber: (node: Atom) => number;
  /** Sends the Elixir term `source` to `pid`, as typed in the shell. */
  readonly onSend?: ((pid: Pid, source: string) => void) | undefined;
  /** `Process.exit(pid, :kill)`. */
  readonly onKill?: ((pid: Pid) => void) | undefined;
  /** Process.info of another node's process, over distribution (the tracing service), when the cluster view is on. */
  readonly remoteInfo?: RemoteInfo | undefined;
}

/** The selected connection's handshakes, or the selected process. */
export function Inspector(props: InspectorProps) {
  const connection = usePlayground((s) => s.selectedConnection);
  return connection !== null ? <ConnectionInspector peer={connection} /> : <ProcessInspector {...props} />;
}

function ProcessInspector({ info, nodeNumber, onSend, onKill, remoteInfo }: InspectorProps) {
  const store = usePlaygroundStoreApi();
  const view = usePlayground((s) => (s.selected === null ? undefined : s.processes[s.selected]));
  const remote = usePlayground((s) => view !== undefined && view.node !== s.localNode);
  const fetched = useRemoteInfo(remote ? view : undefined, remoteInfo);
  const model = useMemo(
    () => (view === undefined ? null : inspectorModel(view, remote ? fetched ?? undefined : info(view.pid), nodeNumber)),
    [view, info, nodeNumber, remote, fetched],
  );
  const [term, setTerm] = useState('');
  if (view === undefined || model === null) return null;

  const send = (e: FormEvent) => {
    e.preventDefault();
    if (term.trim() === '' || onSend === undefined) return;
    onSend(view.pid, term);
    setTerm('');
  };

  return (
    <InspectorPanel title={model.title} itemKey={view.key} onClose={() => store.getState().select(null)}>
      <InspectorRows rows={model.rows} />
      {model.messages !== null && <MailboxMessages title="Mailbox" messages={model.messages} />}
      {model.alive && (
        <form onSubmit={send} className="flex flex-col gap-2">
          <label htmlFor="inspector-term" className="font-semibold">
            Message (an Elixir term)
          </label>
          <input
            id="inspector-term"
            value={term}
            onChange={(e) => setTerm(e.target.value)}
            placeholder="{:hello, self()}"
            className="rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono dark:border-slate-600 dark:bg-slate-950"
          />
          <div className="flex gap-2">
            <button
              type="submit"
              disabled={onSend === undefined}
              className="rounded-lg bg-sky-600 px-4 py-2 font-semibold text-white hover:bg-sky-700 disabled:opacity-50"
            >
              Send message
            </button>
            <button
              type="button"
              disabled={onKill === undefined}
              onClick={() => onKill?.(view.pid)}
              className="rounded-lg bg-rose-600 px-4 py-2 font-semibold text-white hover:bg-rose-700 disabled:opacity-50"
            >
              Kill
            </button>
          </div>
        </form>
      )}
    </InspectorPanel>
  );
}
