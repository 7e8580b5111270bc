/**
 * The React Flow canvas of the cluster: cards, process tiles, link/monitor/connection edges,
 * the node table legend, and the message overlay. The graph is derived from the store by the
 * cached builder and rebuilt only when something it places changed (not on every token, nor on
 * every mailbox change: the tiles read those themselves).
 *
 * Keyboard: Tab walks cards and tiles (React Flow makes nodes focusable); Enter or Space on a
 * tile opens the inspector; Escape closes it. Connections are focusable too: a click or Enter
 * shows their handshake steps.
 */
import { useCallback, useEffect, useMemo, type KeyboardEvent } from 'react';
import { Background, Controls, Panel, ReactFlow, useReactFlow, type EdgeMouseHandler, type NodeMouseHandler, type NodeTypes } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { usePlayground, usePlaygroundStoreApi } from '../store/context.tsx';
import { ClusterCard } from './ClusterCard.tsx';
import { createFlowGraphBuilder, type FlowNode } from './flow-graph.ts';
import { Legend } from './Legend.tsx';
import { MessageOverlay } from './MessageOverlay.tsx';
import { ProcessNode } from './ProcessNode.tsx';

// Outside the component: React Flow warns (and re-mounts nodes) when nodeTypes changes identity.
const nodeTypes: NodeTypes = { process: ProcessNode, cluster: ClusterCard };
const CONNECTION = 'connection:';

export function ClusterCanvas() {
  const store = usePlaygroundStoreApi();
  // The builder hands back the same graph while nothing placed changed, so this component (and
  // React Flow) re-render only when the picture changes, not on every mailbox change.
  const build = useMemo(() => createFlowGraphBuilder(), []);
  const { nodes, edges } = usePlayground(build);
  // A node joining or leaving the cluster changes the picture: fit it again.
  const { fitView } = useReactFlow();
  const cards = usePlayground((s) => s.nodeOrder.length);
  useEffect(() => {
    const id = requestAnimationFrame(() => void fitView({ padding: 0.2, duration: 300 }));
    return () => cancelAnimationFrame(id);
  }, [cards, fitView]);
  const select = useCallback((key: string | null) => store.getState().select(key), [store]);

  const onNodeClick: NodeMouseHandler<FlowNode> = useCallback((_, node) => {
    if (node.type === 'process') select(node.id);
  }, [select]);

  // A connection edge (id `connection:<node>`) opens its handshake steps.
  const selectConnection = useCallback((id: string) => {
    if (id.startsWith(CONNECTION)) store.getState().selectConnection(id.slice(CONNECTION.length));
  }, [store]);
  const onEdgeClick: EdgeMouseHandler = useCallback((_, edge) => selectConnection(edge.id), [selectConnection]);

  const onKeyDown = useCallback((e: KeyboardEvent<HTMLDivElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node-process');
    const edge = (e.target as Element).closest<SVGElement>('.react-flow__edge');
    if ((e.key === 'Enter' || e.key === ' ') && el?.dataset.id !== undefined) {
      e.preventDefault();
      select(el.dataset.id);
    } else if ((e.key === 'Enter' || e.key === ' ') && edge?.dataset.id !== undefined) {
      e.preventDefault();
      selectConnection(edge.dataset.id);
    } else if (e.key === 'Escape') select(null);
  }, [select, selectConnection]);

  return (
    <ReactFlow<FlowNode>
      aria-label="cluster canvas"
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodeClick={onNodeClick}
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
  );
}
