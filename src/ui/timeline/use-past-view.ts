/**
 * Loads the view of the past (past-view.ts) the first time `wanted` is true, and gives it from
 * then on (null until it has come). Every user of it shares the one chunk, fetched once.
 */
import { useEffect, useState } from 'react';

export type PastView = typeof import('./past-view.ts');

export function usePastView(wanted: boolean): PastView | null {
  const [view, setView] = useState<PastView | null>(null);
  useEffect(() => {
    if (!wanted || view !== null) return;
    let current = true;
    import('./past-view.ts')
      .then((m) => current && setView(m))
      // A failed fetch (the page went offline) leaves the timeline live-only; the next step retries.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [wanted, view]);
  return view;
}
