/**
 * Under the canvas: the recording's state (`recording`: on/off, the events kept) and `clear`,
 * the timeline, the `sequence diagram` toggle with its region, and the exports (`export
 * Mermaid`, `export SVG`, `export PNG`, `export ShiViz`, `export JSON`, each a download) and
 * `import trace` (a JSON trace shown in place of the live one; a bad file gets an `alert` saying
 * what is wrong).
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { RECORD_CAPACITY } from '../../distribution/trace/record.ts';
import { Timeline, timelinePosition } from '../timeline/Timeline.tsx';
import type { PastState } from '../timeline/state-at.ts';
import { usePastView } from '../timeline/use-past-view.ts';
import type { Diagram } from './layout.ts';
import type { ExportKind } from './exports.ts';
import type { Recording } from './use-recording.ts';

// The diagram is drawn only when asked for: its code loads then, not with the page (first load budget).
const SequenceDiagram = lazy(() => import('./SequenceDiagram.tsx').then((m) => ({ default: m.SequenceDiagram })));
// So are the exports and the import (exports.ts), when one is clicked.
const exportsModule = () => import('./exports.ts');
const EXPORTS: readonly ExportKind[] = ['Mermaid', 'SVG', 'PNG', 'ShiViz', 'JSON'];

const button = 'rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';

export interface RecordingPanelProps {
  readonly recording: Recording;
  readonly diagramOpen: boolean;
  onDiagramOpen(open: boolean): void;
  /** The timeline left live (null) or not: the trace is then made and kept up to date. */
  onTimelineAt?(at: number | null): void;
  /** The cluster at the timeline's step (null while live): the canvas draws it. */
  onPast?(past: PastState | null): void;
}

function usePastReport(past: PastState | null, onPast: ((p: PastState | null) => void) | undefined): void {
  useEffect(() => onPast?.(past), [past, onPast]);
}

function shownReset(r: { current: Diagram | null }): void {
  r.current = null;
}

export function RecordingPanel({ recording, diagramOpen, onDiagramOpen, onTimelineAt, onPast }: RecordingPanelProps) {
  const { trace } = recording;
  const [at, setAtState] = useState<number | null>(null);
  const live = recording.imported ? trace.rows.length : recording.size;
  const { pos } = timelinePosition(trace, live, at);
  // The view of the past loads when the timeline first leaves live (first load budget).
  const view = usePastView(at !== null);
  const past = useMemo(() => (view === null || at === null || trace.rows.length === 0 ? null : view.stateAt(trace, pos)), [view, trace, at, pos]);
  usePastReport(past, onPast);
  const setAt = (a: number | null) => {
    setAtState(a);
    onTimelineAt?.(a);
  };
  const [problem, setProblem] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const shown = useRef<Diagram | null>(null);
  if (!diagramOpen) shownReset(shown);
  const onDiagram = useCallback((d: Diagram) => {
    shown.current = d;
  }, []);
  const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
  // The pictures are of the diagram as filtered on screen, or the whole trace when it is closed.
  const onExport = (kind: ExportKind) => {
    const [trace, shownNow, at] = [recording.snapshot(), shown.current, stamp()];
    exportsModule()
      .then((m) => m.exportTrace(kind, trace, shownNow, at))
      .catch((e: unknown) => setProblem(`export ${kind}: ${e instanceof Error ? e.message : String(e)}`));
  };

  const onImport = async (f: File) => {
    const { importTrace } = await exportsModule();
    const r = importTrace(await f.text());
    if (r.ok) {
      setProblem(null);
      recording.showImported(r.trace);
      onDiagramOpen(true);
    } else setProblem(`import trace: ${r.error}`);
  };

  return (
    <div aria-label="recording" role="group" className="flex-none border-t border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-950">
      {/* One row where the width allows (a projector's canvas keeps its height): buttons, then the timeline. */}
      <div className="flex flex-wrap items-center gap-2 px-3 py-1 text-sm">
        <button
          type="button"
          aria-label="recording"
          aria-pressed={recording.on}
          title={`Keeps the last ${RECORD_CAPACITY.toLocaleString('en')} events`}
          className={`${button} ${recording.on ? 'text-red-600' : ''}`}
          onClick={() => recording.setOn(!recording.on)}
        >
          {recording.on ? '● recording' : '○ not recording'}
        </button>
        <span role="status" aria-label="recorded events">
          {recording.imported ? `imported trace: ${trace.rows.length} events` : `${recording.size} events`}
        </span>
        <button type="button" aria-label="clear" className={button} onClick={() => (recording.clear(), setAt(null))}>clear</button>
        <button type="button" aria-label="sequence diagram" aria-pressed={diagramOpen} className={button} onClick={() => onDiagramOpen(!diagramOpen)}>sequence diagram</button>
        {EXPORTS.map((kind) => (
          <button key={kind} type="button" aria-label={`export ${kind}`} className={button} onClick={() => onExport(kind)}>{kind}</button>
        ))}
        <button type="button" aria-label="import trace" className={button} onClick={() => file.current?.click()}>import…</button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          aria-label="trace file"
          className="hidden"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f !== undefined) void onImport(f);
          }}
        />
        {recording.imported && (
          <button type="button" className={button} onClick={() => recording.showImported(null)}>back to this tab's recording</button>
        )}
        <Timeline trace={trace} live={live} at={at} past={past} onAt={setAt} />
      </div>
      {problem !== null && (
        <p role="alert" className="px-3 text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
      {diagramOpen && (
        <div className="flex h-[40vh] min-h-0 flex-col">
          <Suspense fallback={<p>loading the diagram…</p>}>
            <SequenceDiagram trace={trace} onDiagram={onDiagram} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
