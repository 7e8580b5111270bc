/**
 * The timeline under the canvas: a `slider` named `timeline` over the recording's steps (its
 * causal order), `step back` / `step forward` one event at a time (forward stops at the last recorded step), and
 * `live` to follow now.
 * Away from live the canvas draws the cluster as it was (past-canvas.ts), and a panel here says
 * the same in words: the step, each node's processes with their mailbox counts and links, the
 * messages in flight. Arrow keys move the slider (a native range input), Home/End go to the
 * first and last step.
 */
import type { Trace } from '../../distribution/trace/record-rows.ts';
import { describe } from '../../distribution/trace/record-export.ts';
import type { PastState } from './state-at.ts';
import { useMemo } from 'react';
import { downIds } from '../../distribution/trace/record-down.ts';

const EMPTY: ReadonlySet<number> = new Set();

export interface TimelineProps {
  readonly trace: Trace;
  /** Events recorded now (the slider's length while live: the trace is made only once it leaves live). */
  readonly live: number;
  /** The step shown, or null for live (the latest). */
  readonly at: number | null;
  /** The cluster at that step (null while live). */
  readonly past: PastState | null;
  onAt(at: number | null): void;
}

const button = 'rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';

/** The step the slider shows: the last one while live. */
export function timelinePosition(trace: Trace, live: number, at: number | null): { count: number; pos: number } {
  const count = at === null ? live : trace.rows.length;
  const max = Math.max(0, count - 1);
  return { count, pos: at === null ? max : Math.min(at, max) };
}

/** `step forward` stops at the last recorded step: only `live` goes back to following now. */
export function stepForward(pos: number, max: number): number {
  return Math.min(pos + 1, max);
}

export function Timeline({ trace, live, at, past, onAt }: TimelineProps) {
  const { count, pos } = timelinePosition(trace, live, at);
  const max = Math.max(0, count - 1);
  const nodes = past === null ? [] : [...new Set(past.processes.filter((p) => !p.system).map((p) => p.node))];
  const labelOf = new Map(past?.processes.map((p) => [p.key, p.label]));
  const away = past !== null;
  const downs = useMemo(() => (away ? downIds(trace.rows) : EMPTY), [trace, away]);
  return (
    <>
      <div className="flex min-w-[24rem] flex-1 items-center gap-2">
        <button type="button" aria-label="step back" className={button} disabled={pos <= 0} onClick={() => onAt(Math.max(0, pos - 1))}>◀</button>
        <input
          type="range"
          aria-label="timeline"
          aria-valuetext={count === 0 ? 'nothing recorded' : `step ${pos + 1} of ${count}${at === null ? ', live' : ''}`}
          min={0}
          max={max}
          value={pos}
          onChange={(e) => onAt(Number(e.target.value))}
          className="min-w-0 flex-1"
        />
        <button type="button" aria-label="step forward" className={button} disabled={pos >= max} onClick={() => onAt(stepForward(pos, max))}>▶</button>
        <button type="button" aria-label="live" aria-pressed={at === null} className={button} onClick={() => onAt(null)}>live</button>
      </div>
      {past !== null && (
        <section aria-label="cluster at this step" className="max-h-40 w-full basis-full overflow-auto rounded border border-amber-400 bg-amber-50 px-2 py-1 dark:bg-amber-950">
          <p>
            The canvas shows step {past.at + 1} of {trace.rows.length}: {past.step === null ? '' : describe(past.step, downs.has(past.step.id))}
          </p>
          {nodes.map((n) => (
            <div key={n}>
              <strong>{n}</strong>
              <ul aria-label={`processes on ${n}`} className="ml-4">
                {past.processes.filter((p) => p.node === n && !p.system).map((p) => (
                  <li key={p.key} data-alive={p.alive}>
                    {p.label} {p.alive ? '' : '(exited) '}mailbox {p.mailbox}
                    {p.links.length > 0 ? `, linked to ${p.links.map((k) => labelOf.get(k) ?? k).join(', ')}` : ''}
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <ul aria-label="messages in flight then" className="ml-4">
            {past.inFlight.filter((m) => !m.system).map((m, i) => (
              <li key={i}>{`${m.fromText} → ${m.toText}: ${m.text}`}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
