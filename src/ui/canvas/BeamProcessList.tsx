/**
 * A BEAM card's `list processes` button and the answer under it: the real node's pids (the first
 * LIST_LIMIT) or the :rpc error, in a list named `processes of real@vm` that scrolls on its own,
 * above the tiles (which are placed over the whole card).
 */
import { useState } from 'react';
import { inspect } from '../../core/term/inspect.ts';
import type { ProcessListAnswer } from '../../playground/beam-process-list.ts';
import { useAskProcessList } from './process-list-context.tsx';
import { usePlaygroundStoreApi } from '../store/context.tsx';

export function BeamProcessList({ node }: { node: string }) {
  const ask = useAskProcessList();
  // Pids as this tab prints them (the real node's number here), like the tiles'.
  const nodeNumber = usePlaygroundStoreApi().getState().nodeNumber;
  const [answer, setAnswer] = useState<ProcessListAnswer | 'asking' | null>(null);
  if (ask === null) return null;
  return (
    <div className="nodrag nopan nowheel pointer-events-auto relative z-10 mx-4 mt-2 text-[18px]">
      <button
        type="button"
        disabled={answer === 'asking'}
        onClick={() => {
          setAnswer('asking');
          ask(node, setAnswer);
        }}
        className="rounded-lg border border-slate-400 px-2 py-0.5 font-semibold hover:bg-slate-200 dark:border-slate-500 dark:hover:bg-slate-700"
      >
        list processes
      </button>
      {answer !== null && answer !== 'asking' && answer.type === 'error' && <span className="ml-3 font-mono text-rose-700 dark:text-rose-300">{answer.text}</span>}
      {answer !== null && answer !== 'asking' && answer.type === 'list' && (
        <>
          <span className="ml-3">{listText(answer.total, answer.pids.length)}</span>
          <ol aria-label={`processes of ${node}`} className="mt-1 flex max-h-40 flex-wrap gap-x-3 overflow-y-auto rounded-lg bg-white/80 p-2 font-mono dark:bg-slate-900/80">
            {answer.pids.map((p) => {
              const text = inspect(p, { nodeNumber });
              return <li key={text}>{text}</li>;
            })}
          </ol>
        </>
      )}
    </div>
  );
}

function listText(total: number, shown: number): string {
  const all = `${total} process${total === 1 ? '' : 'es'}`;
  return shown < total ? `${all} (the first ${shown} shown)` : all;
}
