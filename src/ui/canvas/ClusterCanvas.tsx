/**
 * The React Flow canvas of the cluster: cards (each drawing its process tiles), link/monitor/
 * connection edges and the message overlay (the node table legend sits under the canvas, in
 * Playground, so it never covers a card). The graph is derived from the store by the cached
 * builder and rebuilt only when something it places changed (not on every token, nor on every
 * mailbox change: the tiles read those themselves).
 *
 * Keyboard: Tab walks cards (React Flow makes nodes focusable), the tiles in them (buttons) and
 * the connections; Enter or Space on a tile opens the inspector, on a connection its handshake
 * steps; Escape closes it.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Background, Controls, ReactFlow, useReactFlow, type EdgeMouseHandler, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { usePlayground, usePlaygroundStoreApi } from '../store/context.tsx';
import { ClusterCard } from './ClusterCard.tsx';
import { createFlowGraphBuilder, type FlowEdge, type FlowNode } from './flow-graph.ts';
import { MessageOverlay } from './MessageOverlay.tsx';
import { ProcessEdge } from './ProcessEdge.tsx';
import { ConnectionEdge } from './ConnectionEdge.tsx';
import { TileUpdaterContext } from './ProcessTile.tsx';
import { createTileUpdater } from './tile-live.ts';

// Outside the component: React Flow warns (and re-mounts nodes) when nodeTypes changes identity.
const nodeTypes: NodeTypes = { cluster: ClusterCard };
const edgeTypes: EdgeTypes = { process: ProcessEdge, connection: ConnectionEdge };
const CONNECTION = 'connection:';
/**
 * Fit in pixels, not a fraction of the view: a fraction wastes a fifth of a projector's width.
 * The left leaves room for the zoom buttons (a column in the corner), so they never sit on a
 * card: a column costs the fit less than a row, as a screen's height is what runs out first.
 */
const FIT_PADDING = { top: '12px', right: '12px', bottom: '12px', left: '48px' } as const;
const FIT_OPTIONS = { padding: FIT_PADDING } as const;

/** Where the cards are and how big: what a fit depends on. */
function cardBounds(nodes: readonly FlowNode[]): string {
  let key = '';
  for (const n of nodes) key += `${n.position.x},${n.position.y},${n.width},${n.height};`;
  return key;
}

export function ClusterCanvas() {
  const store = usePlaygroundStoreApi();
  // The builder hands back the same graph while nothing placed changed, so this component (and
  // React Flow) re-render only when the picture changes, not on every mailbox change.
  const build = useMemo(() => createFlowGraphBuilder(), []);
  // Keeps the tiles' mailbox badges and statuses current without React (tile-live.ts).
  const tiles = useMemo(() => createTileUpdater(store), [store]);
  const { nodes, edges } = usePlayground(build);
  // A card coming, going or growing (its node's processes arrive with the cluster view), or the
  // canvas changing size, changes the picture: fit it again, so no card is left half outside.
  const { fitView } = useReactFlow();
  const bounds = useMemo(() => cardBounds(nodes), [nodes]);
  const [size, setSize] = useState('');
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = wrapper.current;
    if (el === null) return undefined;
    const ro = new ResizeObserver(([e]) => e !== undefined && setSize(`${Math.round(e.contentRect.width)}x${Math.round(e.contentRect.height)}`));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  useEffect(() => {
    const id = requestAnimationFrame(() => void fitView({ padding: FIT_PADDING, duration: 300 }));
    return () => cancelAnimationFrame(id);
  }, [bounds, size, fitView]);
  const select = useCallback((key: string | null) => store.getState().select(key), [store]);

  // A connection edge (id `connection:<node>`) opens its handshake steps.
  const selectConnection = useCallback((id: string) => {
    if (id.startsWith(CONNECTION)) store.getState().selectConnection(id.slice(CONNECTION.length));
  }, [store]);
  const onEdgeClick: EdgeMouseHandler<FlowEdge> = useCallback((_, edge) => selectConnection(edge.id), [selectConnection]);

  // Tiles are buttons (a click selects); handled here too so Space is not taken for panning.
  const onKeyDown = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    const key = (e.target as HTMLElement).dataset.key;
    const edge = (e.target as Element).closest<SVGElement>('.react-flow__edge');
    if ((e.key === 'Enter' || e.key === ' ') && key !== undefined) {
      e.preventDefault();
      select(key);
    } else if ((e.key === 'Enter' || e.key === ' ') && edge?.dataset.id !== undefined) {
      e.preventDefault();
      selectConnection(edge.dataset.id);
    } else if (e.key === 'Escape') select(null);
  }, [select, selectConnection]);

  return (
    <TileUpdaterContext.Provider value={tiles}>
      <ReactFlow<FlowNode, FlowEdge>
        ref={wrapper}
        aria-label="cluster canvas"
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onEdgeClick={onEdgeClick}
        onPaneClick={() => select(null)}
        onKeyDown={onKeyDown}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        colorMode="system"
        fitView
        fitViewOptions={FIT_OPTIONS}
        minZoom={0.1}
      >
        <Background gap={24} />
        <Controls position="top-left" orientation="vertical" showInteractive={false} />
        <MessageOverlay store={store} />
      </ReactFlow>
    </TileUpdaterContext.Provider>
  );
}
