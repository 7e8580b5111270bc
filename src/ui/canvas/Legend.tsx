/**
 * The node table legend: which number in `#PID<N.id.serial>` is which node, as this tab
 * numbers them (0 is this node). A pid prints differently on each node: this is the key.
 * Beside it, the key to the tokens' colours (`token colours`: message, link or exit signal,
 * monitor DOWN, spawn request, I/O request, call, reply).
 */
import { useMemo } from 'react';
import { useShallow } from 'zustand/shallow';
import { usePlayground } from '../store/context.tsx';
import { legendEntries } from './flow-graph.ts';
import { TOKEN_KINDS } from './token-kind.ts';

export function Legend() {
  const { nodes, nodeOrder } = usePlayground(useShallow((s) => ({ nodes: s.nodes, nodeOrder: s.nodeOrder })));
  const entries = useMemo(() => legendEntries({ nodes, nodeOrder }), [nodes, nodeOrder]);
  return (
    <section
      aria-label="node table"
      className="flex flex-wrap items-baseline gap-x-6 gap-y-1 border-t border-slate-200 bg-white px-4 py-2 text-base dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">Node table</h2>
      <ul className="contents">
        {entries.map((e) => (
          <li key={e.name} className="font-mono">
            <span className="mr-2 font-bold">{e.number}</span>
            <span>{e.name}</span>
            <span className="ml-2 text-sm text-slate-500 dark:text-slate-400">{e.state}</span>
          </li>
        ))}
      </ul>
      <ul aria-label="token colours" className="ml-auto flex flex-wrap items-center gap-x-4 gap-y-1">
        {TOKEN_KINDS.map((k) => (
          <li key={k.kind} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3.5 w-3.5 rounded-full border-2 border-white dark:border-slate-900" style={{ background: k.colour }} />
            {k.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
