/**
 * The inspector while the timeline is away from live: the selected tile of the past canvas, as
 * the recording knew it at that step (past-inspector-model.ts), marked as the past in amber, with
 * no actions (the process may be long gone; sending or killing is for `live`). It reads the
 * timeline's store of the past, so it follows the steps; `live` closes it.
 */
import { useMemo } from 'react';
import { usePlayground, usePlaygroundStoreApi } from '../store/context.tsx';
import { InspectorPanel } from '../inspector/InspectorPanel.tsx';
import { InspectorRows, MailboxMessages } from '../inspector/InspectorRows.tsx';
import { pastInspectorModel } from './past-inspector-model.ts';

export function PastInspector() {
  const store = usePlaygroundStoreApi();
  const selected = usePlayground((s) => s.selected);
  const processes = usePlayground((s) => s.processes);
  const monitors = usePlayground((s) => s.monitors);
  const pastStep = usePlayground((s) => s.pastStep);
  const model = useMemo(
    () => (selected === null ? null : pastInspectorModel({ processes, monitors, pastStep }, selected, store.getState().nodeNumber)),
    [selected, processes, monitors, pastStep, store],
  );
  if (selected === null || model === null) return null;
  return (
    <InspectorPanel title={model.title} itemKey={selected} onClose={() => store.getState().select(null)}>
      <p role="note" className="rounded border border-amber-400 bg-amber-50 px-2 py-1 dark:bg-amber-950">
        In the past: as at {model.step} of the recording. Press live for now.
      </p>
      <InspectorRows rows={model.rows} />
      <MailboxMessages title="Mailbox then" messages={model.messages ?? []} />
    </InspectorPanel>
  );
}
