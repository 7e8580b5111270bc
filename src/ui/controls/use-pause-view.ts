/**
 * Polls a tab's pause (pause-view.ts): a pause made by a teacher reaches this node over the
 * wire, and held counts change with traffic, not with React state.
 */
import { useEffect, useState } from 'react';
import { NOT_PAUSED, type PauseView } from './pause-view.ts';

const POLL_MS = 250;

export function usePauseView(read: (() => PauseView) | undefined): PauseView {
  const [view, setView] = useState<PauseView>(() => read?.() ?? NOT_PAUSED);
  useEffect(() => {
    if (read === undefined) return undefined;
    let key = '';
    const id = setInterval(() => {
      const v = read();
      const k = keyOf(v);
      if (k !== key) setView(v);
      key = k;
    }, POLL_MS);
    return () => clearInterval(id);
  }, [read]);
  return view;
}

/** Changes when anything shown changes (the objects are new on every read). */
function keyOf(v: PauseView): string {
  const held = v.held.map((h) => `${h.node}:${h.messages.map((m) => `${m.kind}/${m.bytes}`).join(',')}`).join(';');
  return `${v.holding}|${v.by}|${v.heldHere}|${held}|${v.steps.length}`;
}
