/**
 * A process tile: its PID as this tab prints it, its name, a mailbox badge; dimmed when it is a
 * system process, fading with its exit reason when it exits. The graph gives it only what
 * places it (flow-graph.ts); the live part (mailbox, status, exit reason) it reads from the store
 * by its key, so a message arriving re-renders this one tile and nothing else.
 * The accessible name (`#PID<0.110.0> :ticker`) is on React Flow's wrapper (ariaLabel).
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { ProcessFlowNode } from './flow-graph.ts';
import { usePlayground } from '../store/context.tsx';

/** Edges attach at the tile's centre: one invisible handle of each kind. */
const CENTRE = { left: '50%', top: '50%', opacity: 0, pointerEvents: 'none', minWidth: 1, minHeight: 1, width: 1, height: 1, border: 0 } as const;

const GLOBAL = /^\{:global, (.*)\}$/;

function ProcessTile({ data, selected }: NodeProps<ProcessFlowNode>) {
  const v = usePlayground((s) => s.processes[data.key]);
  if (v === undefined) return null;
  // `{:global, :ticker}` does not fit a tile at a projector's size: the tile shows `:ticker` and
  // says "global" on its status line (its accessible name keeps the full label).
  const label = data.label.slice(data.pidText.length).trim();
  const global = GLOBAL.exec(label);
  const name = global?.[1] ?? label;
  const exited = v.exit !== null;
  const tone = data.system
    ? 'border-slate-300 bg-slate-100 text-slate-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-400'
    : 'border-sky-500 bg-white text-slate-900 dark:border-sky-400 dark:bg-slate-900 dark:text-slate-50';
  return (
    <div
      className={`relative flex h-full w-full flex-col [contain:content] justify-center rounded-xl border-2 px-2 transition-opacity duration-[2500ms] ${tone} ${
        selected ? 'ring-4 ring-amber-400' : ''
      } ${exited ? 'border-rose-500 opacity-25 dark:border-rose-400' : 'opacity-100'}`}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} style={CENTRE} />
      <Handle type="source" position={Position.Top} isConnectable={false} style={CENTRE} />
      <span className="font-mono text-[22px] font-semibold leading-tight">{v.pidText}</span>
      {name !== '' && <span className="truncate font-mono text-[22px] leading-tight text-sky-700 dark:text-sky-300">{name}</span>}
      {exited ? (
        <span className="truncate text-sm font-medium text-rose-600 dark:text-rose-300">exit {v.exit?.reason}</span>
      ) : (
        <span className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">{global !== null ? `global · ${v.status}` : v.status}</span>
      )}
      {v.mailbox > 0 && (
        <span
          title={`${v.mailbox} message${v.mailbox === 1 ? '' : 's'} in the mailbox`}
          className="absolute -right-3 -top-3 min-w-8 rounded-full bg-amber-500 px-2 py-0.5 text-center text-sm font-bold text-white shadow"
        >
          {v.mailbox}
        </span>
      )}
    </div>
  );
}

export const ProcessNode = memo(ProcessTile);
