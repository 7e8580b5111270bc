/**
 * This tab's recording: one Recorder for the page's life, fed (playground/recording/attach.ts)
 * from the node, its distribution and the tracing service, and a trace of it (rows in causal
 * order with clocks) made on demand, at most every REFRESH_MS while a view shows it, and only
 * when the recording changed. An imported trace replaces the live one in the views until
 * `live` is chosen again.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Atom } from '../../core/term/types.ts';
import { Recorder } from '../../distribution/trace/record.ts';
import { RowCache, toRows, traceOf, type Trace } from '../../distribution/trace/record-rows.ts';
import type { Distribution } from '../../distribution/dist-types.ts';
import { attachRecorder } from '../../playground/recording/attach.ts';
import type { ShellSession } from '../session.ts';

export const REFRESH_MS = 500;

export interface Recording {
  readonly recorder: Recorder;
  /** Events recorded now, and whether recording is on. */
  readonly size: number;
  readonly on: boolean;
  setOn(on: boolean): void;
  clear(): void;
  /** The trace shown: the live recording's (made only while `watching`), or an imported one. */
  readonly trace: Trace;
  /** The trace shown, made now if it was not (an export). */
  snapshot(): Trace;
  readonly imported: boolean;
  showImported(t: Trace | null): void;
}

export function useRecording(session: ShellSession, dist: Distribution | null, watching: boolean): Recording {
  const [recorder] = useState(() => new Recorder({ clock: () => performance.now() }));
  const [version, setVersion] = useState(0);
  const [imported, setImported] = useState<Trace | null>(null);
  useEffect(
    () => attachRecorder(recorder, { node: session.node.node, now: () => performance.now(), dist, tracing: session.tracing, global: session.node.global, classroom: session.classroomActions }),
    [recorder, session, dist],
  );
  // Follow the recording's version at a calm pace (a view re-derives its trace only then).
  useEffect(() => {
    const t = setInterval(() => setVersion((v) => (v === recorder.version ? v : recorder.version)), watching ? REFRESH_MS : REFRESH_MS * 4);
    return () => clearInterval(t);
  }, [recorder, watching]);
  const [cache] = useState(() => new RowCache());
  // `_version`: the recording's version this trace is of (memo key; the recorder is read as it is now).
  const make = useCallback((_version: number) => {
    const nodeNumber = (n: Atom) => session.node.nodeNumber(n);
    return traceOf(toRows(recorder.events(), { nodeNumber, cache }), recorder.evicted);
  }, [recorder, session, cache]);
  const live = useMemo(() => (watching ? make(version) : EMPTY), [make, version, watching]);
  return {
    recorder,
    size: recorder.size,
    on: recorder.recording,
    setOn(on) {
      recorder.recording = on;
      setVersion(-1);
    },
    clear() {
      recorder.clear();
      setImported(null);
      setVersion(-2);
    },
    trace: imported ?? live,
    snapshot: () => imported ?? (watching ? live : make(recorder.version)),
    imported: imported !== null,
    showImported: setImported,
  };
}

const EMPTY: Trace = traceOf([]);
