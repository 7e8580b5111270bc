/**
 * A cluster node's card (a React Flow node): its name, whether it is this tab's node or the state
 * of our connection to it, how many processes it holds, and its processes as a grid of tiles
 * (ProcessTile) at their slots. Named `node one@lab` (role group) by flow-graph.ts.
 *
 * Text is 18 px or more: the canvas is zoomed to fit (≈ 0.85 at 1920×1080 with three nodes),
 * and nothing on a projector may come out under 14 px. A remote card shows no processes until
 * the cluster view follows its node: it says so instead of "0 processes".
 */
import { lazy, memo, Suspense } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { connectionText, type ClusterFlowNode, type GroupData, type TileData } from './flow-graph.ts';
import { DEFAULT_LAYOUT } from './layout.ts';
import { ProcessTile } from './ProcessTile.tsx';
import { tileWidth } from './tile-width.ts';
import { usePlaygroundStoreApi } from '../store/context.tsx';

// Only a real BEAM node's card lists processes: its code loads with the first such card (first load budget).
const BeamProcessList = lazy(() => import('./BeamProcessList.tsx').then((m) => ({ default: m.BeamProcessList })));

const CENTRE = { left: '50%', top: '50%', opacity: 0, pointerEvents: 'none', width: 1, height: 1, minWidth: 1, minHeight: 1, border: 0 } as const;

const STATE_TONE: Record<string, string> = {
  local: 'bg-emerald-600 text-white',
  up: 'bg-sky-600 text-white',
  handshaking: 'bg-amber-500 text-white',
  refused: 'bg-rose-600 text-white',
  down: 'bg-slate-500 text-white',
  cut: 'bg-amber-700 text-white',
};

function Card({ data }: NodeProps<ClusterFlowNode>) {
  const n = data.node;
  const kind = n.connection?.kind ?? 'local';
  const dashed = kind === 'down' || kind === 'refused' ? 'border-dashed' : '';
  return (
    // Off screen (zoomed in on another card), the browser skips the whole card's rendering.
    <div className={`relative h-full w-full rounded-2xl border-4 ${dashed} border-slate-300 bg-slate-100 [content-visibility:auto] dark:border-slate-600 dark:bg-slate-800`}>
      <Handle type="target" position={Position.Top} isConnectable={false} style={CENTRE} />
      <Handle type="source" position={Position.Top} isConnectable={false} style={CENTRE} />
      <div className="flex items-center gap-3 px-4 pt-3">
        <span className="font-mono text-xl font-bold text-slate-900 dark:text-slate-50">{n.name}</span>
        {n.beam === true && (
          <span title="A real BEAM node (iex, erl), through the server's --beam gateway" className="rounded-md bg-violet-700 px-2 py-0.5 font-mono text-[18px] font-bold text-white">
            BEAM
          </span>
        )}
        <span className={`rounded-full px-3 py-0.5 text-[18px] font-semibold ${STATE_TONE[kind] ?? ''}`}>{connectionText(n.connection)}</span>
        <span className="ml-auto text-[18px] text-slate-600 dark:text-slate-300">{n.beam === true && data.processCount === 0 ? 'its processes are not traced' : countText(data, kind)}</span>
        {dashed !== '' && <DismissButton node={n.name} />}
      </div>
      {n.beam === true && kind === 'up' && (
        <Suspense fallback={null}>
          <BeamProcessList node={n.name} />
        </Suspense>
      )}
      {/* Tiles are placed by the card's border box (layout.ts), not its padding box. */}
      <div className="absolute -inset-1">
        {data.groups.map((g) => <SupervisorGroup key={g.key} group={g} tiles={data.tiles} />)}
        {data.tiles.map((t) => (inGroup(data.groups, t.key) ? null : (
          <ProcessTile key={t.key} tile={t} width={tileWidth(t, data.tiles, DEFAULT_LAYOUT)} height={DEFAULT_LAYOUT.processHeight} />
        )))}
      </div>
    </div>
  );
}

function inGroup(groups: readonly GroupData[], key: string): boolean {
  for (const g of groups) if (g.children.includes(key)) return true;
  return false;
}

/**
 * A supervisor's children in a dashed frame named `supervisor #PID<0.120.0> one_for_one` (role
 * group), its strategy written in the supervisor's row. The children's tiles are inside it (so a
 * test finds them in the group); the supervisor's own tile is where its parent puts it.
 */
function SupervisorGroup({ group, tiles }: { group: GroupData; tiles: readonly TileData[] }) {
  const { position: p, width, height } = group;
  return (
    <div
      role="group"
      aria-label={group.label}
      data-strategy={group.strategy}
      style={{ left: p.x, top: p.y, width, height }}
      className="pointer-events-none absolute rounded-2xl border-2 border-dashed border-violet-400 bg-violet-50/60 dark:border-violet-500 dark:bg-violet-950/40"
    >
      <span
        style={{ top: (DEFAULT_LAYOUT.gap + DEFAULT_LAYOUT.processHeight) / 2 }}
        className="absolute right-3 -translate-y-1/2 rounded-full bg-violet-600 px-3 py-0.5 font-mono text-[18px] font-semibold text-white"
      >
        {group.strategy}
      </span>
      {tiles.map((t) => (group.children.includes(t.key) ? (
        <ProcessTile key={t.key} tile={t} width={tileWidth(t, tiles, DEFAULT_LAYOUT)} height={DEFAULT_LAYOUT.processHeight} origin={p} />
      ) : null))}
    </div>
  );
}

/** `6 processes (3 system hidden)`; for a remote node not followed (yet), how to see them. */
function countText(data: ClusterFlowNode['data'], kind: string): string {
  const n = data.processCount;
  if (n === 0 && kind !== 'local') return kind === 'up' || kind === 'handshaking' ? 'turn on Cluster view to see its processes' : '';
  return `${n} process${n === 1 ? '' : 'es'}${data.hiddenSystem > 0 ? ` (${data.hiddenSystem} system hidden)` : ''}`;
}

/** A node that is gone can be dismissed at once (it also goes by itself after a minute: store/forget-down.ts). */
function DismissButton({ node }: { node: string }) {
  const store = usePlaygroundStoreApi();
  return (
    <button
      type="button"
      aria-label={`dismiss ${node}`}
      title="Remove this card (it goes by itself a minute after the node went down)"
      onClick={() => store.getState().removeNode(node)}
      // The card takes no pointer events (see ProcessTile): its button does.
      className="nodrag nopan pointer-events-auto rounded-lg border border-slate-400 px-2 py-0.5 text-[18px] font-semibold hover:bg-slate-200 dark:border-slate-500 dark:hover:bg-slate-700"
    >
      Dismiss
    </button>
  );
}

export const ClusterCard = memo(Card);
