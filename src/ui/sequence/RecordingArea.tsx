/**
 * The recording's place on the page (under the canvas): this tab's recording, the timeline, the
 * sequence diagram and the exports. The trace is derived only while something shows it (the
 * diagram open, the timeline away from live); recording itself runs all the time.
 */
import { useState } from 'react';
import type { Distribution } from '../../distribution/dist-types.ts';
import type { ShellSession } from '../session.ts';
import { RecordingPanel } from './RecordingPanel.tsx';
import { useRecording } from './use-recording.ts';

export function RecordingArea({ session, dist }: { session: ShellSession; dist: Distribution | null }) {
  const [diagramOpen, setDiagramOpen] = useState(false);
  const [past, setPast] = useState(false);
  const recording = useRecording(session, dist, diagramOpen || past);
  return <RecordingPanel recording={recording} diagramOpen={diagramOpen} onDiagramOpen={setDiagramOpen} onTimelineAt={(at) => setPast(at !== null)} />;
}
