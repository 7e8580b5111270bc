/**
 * The recording's place on the page (under the canvas): this tab's recording, the timeline, the
 * sequence diagram and the exports. The trace is derived only while something shows it (the
 * diagram open, the timeline away from live); recording itself runs all the time.
 */
import { Suspense, lazy, useState } from 'react';
import type { PlaygroundStore } from '../store/playground-store.ts';
import type { PastState } from '../timeline/state-at.ts';
import { usePastCanvas } from '../timeline/use-past-canvas.ts';
import type { Distribution } from '../../distribution/dist-types.ts';
import type { ShellSession } from '../session.ts';
import { useRecording } from './use-recording.ts';

/**
 * The panel (timeline, diagram, exports) is loaded once the tab is alive, not with the page: it
 * kept the first load over its 350 KB. Recording itself (useRecording) stays here, so nothing
 * the tab does before the panel arrives is missed.
 */
const RecordingPanel = lazy(() => import('./RecordingPanel.tsx').then((m) => ({ default: m.RecordingPanel })));

export interface RecordingAreaProps {
  readonly session: ShellSession;
  readonly dist: Distribution | null;
  /** The live canvas's store: the past canvas keeps its cards, slots and settings. */
  readonly live?: PlaygroundStore;
  /** The store the canvas should draw: the past one while the timeline is away from live, else null. */
  onCanvas?(store: PlaygroundStore | null): void;
}

export function RecordingArea({ session, dist, live, onCanvas }: RecordingAreaProps) {
  const [diagramOpen, setDiagramOpen] = useState(false);
  const [away, setAway] = useState(false);
  const [past, setPast] = useState<PastState | null>(null);
  const recording = useRecording(session, dist, diagramOpen || away);
  usePastCanvas(live, past, onCanvas);
  return (
    <Suspense fallback={null}>
      <RecordingPanel recording={recording} diagramOpen={diagramOpen} onDiagramOpen={setDiagramOpen} onTimelineAt={(at) => setAway(at !== null)} onPast={setPast} />
    </Suspense>
  );
}
