/**
 * The store the canvas draws while the timeline is away from live: made when the timeline leaves
 * live, refilled at each step (one store update), dropped at `live`. `onCanvas` tells the page
 * which store to draw (null: the live one).
 */
import { useEffect, useRef } from 'react';
import type { PlaygroundStore } from '../store/playground-store.ts';
import { createPastStore, pastData } from './past-canvas.ts';
import type { PastState } from './state-at.ts';

export function usePastCanvas(live: PlaygroundStore | undefined, past: PastState | null, onCanvas: ((s: PlaygroundStore | null) => void) | undefined): void {
  const store = useRef<PlaygroundStore | null>(null);
  useEffect(() => {
    if (live === undefined || onCanvas === undefined) return;
    if (past === null) {
      if (store.current !== null) onCanvas((store.current = null));
      return;
    }
    const made = store.current === null;
    const s = (store.current ??= createPastStore(live.getState()));
    // The process looked into stays in the inspector while it is there at the new step.
    s.setState(pastData(live.getState(), past, performance.now(), s.getState().selected));
    if (made) onCanvas(s);
  }, [live, past, onCanvas]);
  // The page goes back to the live canvas when the recording leaves the page.
  useEffect(() => () => onCanvas?.(null), [onCanvas]);
}
