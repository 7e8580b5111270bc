/**
 * The store the canvas draws while the timeline is away from live: made when the timeline leaves
 * live, refilled at each step (one store update), dropped at `live`. `onCanvas` tells the page
 * which store to draw (null: the live one).
 */
import { useEffect, useRef } from 'react';
import type { PlaygroundStore } from '../store/playground-store.ts';
import type { PastState } from './state-at.ts';
import { usePastView } from './use-past-view.ts';

export function usePastCanvas(live: PlaygroundStore | undefined, past: PastState | null, onCanvas: ((s: PlaygroundStore | null) => void) | undefined): void {
  const store = useRef<PlaygroundStore | null>(null);
  // Loaded with the past itself (RecordingPanel's usePastView): a past comes only once it is here.
  const view = usePastView(past !== null);
  useEffect(() => {
    if (live === undefined || onCanvas === undefined) return;
    if (past === null || view === null) {
      if (store.current !== null) onCanvas((store.current = null));
      return;
    }
    const made = store.current === null;
    const s = (store.current ??= view.createPastStore(live.getState()));
    // The process looked into stays in the inspector while it is there at the new step.
    s.setState(view.pastData(live.getState(), past, performance.now(), s.getState().selected));
    if (made) onCanvas(s);
  }, [live, past, view, onCanvas]);
  // The page goes back to the live canvas when the recording leaves the page.
  useEffect(() => () => onCanvas?.(null), [onCanvas]);
}
