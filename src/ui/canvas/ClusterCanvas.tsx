/**
 * The React Flow canvas of the cluster: cards (each drawing its process tiles), link/monitor/connection edges,
 * the node table legend, and the message overlay. The graph is derived from the store by the
 * cached builder and rebuilt only when something it places changed (not on every token, nor on
 * every mailbox change: the tiles read those themselves).
 *
 * Keyboard: Tab walks cards (React Flow makes nodes focusable) and the tiles in them (buttons);
 * Enter or Space on a tile opens the inspector; Escape closes it.
 */
import { useCallback, useEffect, useMemo, type KeyboardEvent } from 'react';
import { Background, Controls, Panel, ReactFlow, useReactFlow, type EdgeTypes, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { usePlayground, usePlaygroundStoreApi } from '../store/context.tsx';
import { ClusterCard } from './ClusterCard.tsx';
import { createFlowGraphBuilder, type FlowEdge, type FlowNode } from './flow-graph.ts';
import { Legend } from './Legend.tsx';
import { MessageOverlay } from './MessageOverlay.tsx';
import { ProcessEdge } from './ProcessEdge.tsx';
import { TileUpdaterContext } from './ProcessTile.tsx';
import { createTileUpdater } from './tile-live.ts';

// Outside the component: React Flow warns (and re-mounts nodes) when nodeTypes changes identity.
const nodeTypes: NodeTypes = { cluster: ClusterCard };
const edgeTypes: EdgeTypes = { process: ProcessEdge };

export function ClusterCanvas() {
  const store = usePlaygroundStoreApi();
  // The builder hands back the same graph while nothing placed changed, so this component (and
  // React Flow) re-render only when the picture changes, not on every mailbox change.
  const build = useMemo(() => createFlowGraphBuilder(), []);
  // Keeps the tiles' mailbox badges and statuses current without React (tile-live.ts).
  const tiles = useMemo(() => createTileUpdater(store), [store]);
  const { nodes, edges } = usePlayground(build);
  // A node joining or leaving the cluster changes the picture: fit it again.
  const { fitView } = useReactFlow();
  const cards = usePlayground((s) => s.nodeOrder.length);
  useEffect(() => {
    const id = requestAnimationFrame(() => void fitView({ padding: 0.2, duration: 300 }));
    return () => cancelAnimationFrame(id);
  }, [cards, fitView]);
  const select = useCallback((key: string | null) => store.getState().select(key), [store]);

  // Tiles are buttons (a click selects); handled here too so Space is not taken for panning.
  const onKeyDown = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    const key = (e.target as HTMLElement).dataset.key;
    if ((e.key === 'Enter' || e.key === ' ') && key !== undefined) {
      e.preventDefault();
      select(key);
    } else if (e.key === 'Escape') select(null);
  }, [select]);

  return (
    <TileUpdaterContext.Provider value={tiles}>
      <ReactFlow<FlowNode, FlowEdge>
        aria-label="cluster canvas"
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onPaneClick={() => select(null)}
        onKeyDown={onKeyDown}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        colorMode="system"
        fitView
        fitViewOptions={{ padding: 0.2 }}
        minZoom={0.1}
      >
        <Background gap={24} />
        <Controls position="top-left" showInteractive={false} />
        <Panel position="bottom-left">
          <Legend />
        </Panel>
        <MessageOverlay store={store} />
      </ReactFlow>
    </TileUpdaterContext.Provider>
  );
}
