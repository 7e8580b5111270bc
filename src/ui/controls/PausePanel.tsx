/**
 * What a paused tab shows under its controls: a banner (`status` `delivery paused`: `paused by
 * teacher@lab – 3 held here`) on every node a pause reached, and, on the tab whose pause it is,
 * the held messages (list `messages held`, one item per message: `two@lab: #PID<1.110.0> →
 * {:sink, :three@lab}: :first`) and what each step released (list `step releases`: `step 1:
 * two@lab: …`).
 */
import { usePlayground, usePlaygroundStoreApi } from '../store/context.tsx';
import type { Atom } from '../../core/term/types.ts';
import { heldLine, pauseBanner, type PauseView } from './pause-view.ts';

export function PausePanel({ view }: { view: PauseView }) {
  const self = usePlayground((s) => s.localNode);
  const store = usePlaygroundStoreApi();
  const nodeNumber = (n: Atom) => store.getState().nodeNumber(n);
  if (!view.holding) return null;
  const where = (node: string | null) => (node === null || node === '' ? self : node);
  const held = view.held.flatMap((h) => h.messages.map((m, i) => ({ key: `${h.node}/${i}`, text: `${where(h.node)}: ${heldLine(m, nodeNumber)}` })));
  return (
    <div className="flex flex-wrap items-start gap-x-8 gap-y-2 border-b border-amber-300 bg-amber-50 px-4 py-2 text-base dark:border-amber-700 dark:bg-amber-950">
      {view.holding && (
        <p role="status" aria-label="delivery paused" className="font-semibold text-amber-900 dark:text-amber-100">
          {pauseBanner(view, self)}
        </p>
      )}
      {view.held.length > 0 && (
        <section className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-amber-900 dark:text-amber-200">Held{held.length === 0 ? ': none' : ''}</h2>
          <ol aria-label="messages held" className="max-h-32 overflow-y-auto font-mono text-sm">
            {held.map((h) => (
              <li key={h.key} className="break-all">{h.text}</li>
            ))}
          </ol>
        </section>
      )}
      {view.steps.length > 0 && (
        <section className="min-w-0 flex-1">
          <h2 className="text-sm font-semibold uppercase tracking-wide text-amber-900 dark:text-amber-200">Released by Step</h2>
          <ol aria-label="step releases" className="max-h-32 overflow-y-auto font-mono text-sm">
            {view.steps.map((s, i) => (
              <li key={i} className="break-all">
                step {i + 1}: {where(s.node)}: {s.message === null ? '(nothing told)' : heldLine(s.message, nodeNumber)}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
