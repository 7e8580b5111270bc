/**
 * `toFlowGraph(state, layout)`: the pure derivation of React Flow nodes and edges from the
 * playground state. Cluster nodes become group cards (parents), processes their children;
 * links, monitors and connections become edges. Accessible roles and names are set here, so
 * tests in Node check what a screen reader (and Playwright's getByRole) will find.
 *
 * `createFlowGraphBuilder` adds a cache: a process whose view object did not change gets the
 * very same React Flow node object back, so React Flow and the memoized tile skip it.
 */
import type { Edge, Node } from '@xyflow/react';
import { inspect } from '../../core/term/inspect.ts';
import { atom } from '../../core/term/types.ts';
import type { ClusterNode, ConnectionState, PlaygroundData, ProcessView } from '../store/model.ts';
import { DEFAULT_LAYOUT, cardPositions, cardSize, slotPosition, type LayoutOptions } from './layout.ts';

export type GraphInput = Pick<PlaygroundData, 'localNode' | 'nodes' | 'nodeOrder' | 'processes' | 'monitors' | 'showSystem' | 'selected'>;

export interface ProcessData extends Record<string, unknown> {
  readonly view: ProcessView;
  /** `#PID<0.110.0> :ticker`: the tile's text and its accessible name. */
  readonly label: string;
}
export interface ClusterData extends Record<string, unknown> {
  readonly node: ClusterNode;
  readonly processCount: number;
  /** System processes not drawn (when they are folded away). */
  readonly hiddenSystem: number;
}
export type ProcessFlowNode = Node<ProcessData, 'process'>;
export type ClusterFlowNode = Node<ClusterData, 'cluster'>;
export type FlowNode = ProcessFlowNode | ClusterFlowNode;

export interface FlowGraph {
  readonly nodes: FlowNode[];
  readonly edges: Edge[];
}

/** The React Flow id of a cluster node's card. */
export const cardId = (node: string): string => `node:${node}`;

/** The PID as this tab prints it, then its registered (or `:global`) name. */
export function processLabel(v: ProcessView): string {
  if (v.name !== null) return `${v.pidText} ${inspect(atom(v.name))}`;
  if (v.globalName !== null) return `${v.pidText} {:global, ${inspect(atom(v.globalName))}}`;
  return v.pidText;
}

export function connectionText(c: ConnectionState | null): string {
  if (c === null) return 'this node';
  if (c.kind === 'refused') return `refused: ${c.reason}`;
  if (c.kind === 'down' && c.reason !== undefined) return `down: ${c.reason}`;
  return c.kind;
}

/** `connection one@lab – two@lab (up)`: the local node first. */
export function connectionLabel(local: string, remote: string, c: ConnectionState | null): string {
  return `connection ${local} – ${remote} (${connectionText(c)})`;
}

export function toFlowGraph(state: GraphInput, layout: LayoutOptions = DEFAULT_LAYOUT): FlowGraph {
  return createFlowGraphBuilder(layout)(state);
}

export function createFlowGraphBuilder(layout: LayoutOptions = DEFAULT_LAYOUT): (state: GraphInput) => FlowGraph {
  const cache = new WeakMap<ProcessView, { selected: boolean; node: ProcessFlowNode }>();

  const processNode = (v: ProcessView, selected: boolean): ProcessFlowNode => {
    const hit = cache.get(v);
    if (hit !== undefined && hit.selected === selected) return hit.node;
    const label = processLabel(v);
    const node: ProcessFlowNode = {
      id: v.key,
      type: 'process',
      parentId: cardId(v.node),
      extent: 'parent',
      position: slotPosition(v.slot, layout),
      width: layout.processWidth,
      height: layout.processHeight,
      data: { view: v, label },
      selected,
      draggable: false,
      connectable: false,
      ariaRole: 'button',
      ariaLabel: label,
      className: `process status-${v.status}${v.system ? ' system' : ''}`,
      domAttributes: { 'aria-pressed': selected },
    };
    cache.set(v, { selected, node });
    return node;
  };

  return (state) => {
    const byNode = new Map<string, ProcessView[]>();
    for (const v of Object.values(state.processes)) {
      const list = byNode.get(v.node);
      if (list === undefined) byNode.set(v.node, [v]);
      else list.push(v);
    }
    const order = state.nodeOrder.filter((n) => state.nodes[n] !== undefined);
    const sizes = order.map((n) => cardSize(maxSlot(byNode.get(n)) + 1, layout));
    const corners = cardPositions(sizes, layout);

    const nodes: FlowNode[] = [];
    const shown = new Set<string>();
    order.forEach((name, i) => {
      const node = state.nodes[name] as ClusterNode;
      const procs = (byNode.get(name) ?? []).sort((a, b) => a.slot - b.slot);
      const visible = state.showSystem ? procs : procs.filter((p) => !p.system);
      const size = sizes[i] as { width: number; height: number };
      // Parents come before their children, as React Flow requires.
      nodes.push({
        id: cardId(name),
        type: 'cluster',
        position: corners[i] as { x: number; y: number },
        width: size.width,
        height: size.height,
        data: { node, processCount: procs.length, hiddenSystem: procs.length - visible.length },
        selectable: false,
        draggable: false,
        connectable: false,
        ariaRole: 'group',
        ariaLabel: `node ${name}`,
        className: `cluster connection-${node.connection?.kind ?? 'local'}`,
      });
      for (const v of visible) {
        nodes.push(processNode(v, v.key === state.selected));
        shown.add(v.key);
      }
    });
    return { nodes, edges: edgesOf(state, order, shown) };
  };
}

const CONNECTION_COLOUR: Record<string, string> = { up: '#0284c7', handshaking: '#f59e0b', refused: '#e11d48', down: '#64748b' };

function maxSlot(list: readonly ProcessView[] | undefined): number {
  let m = -1;
  for (const v of list ?? []) if (v.slot > m) m = v.slot;
  return m;
}

function edgesOf(state: GraphInput, order: readonly string[], shown: ReadonlySet<string>): Edge[] {
  const edges: Edge[] = [];
  const label = (k: string) => state.processes[k]?.pidText ?? k;
  // Connections: this tab's view of each other node.
  for (const name of order) {
    const n = state.nodes[name] as ClusterNode;
    if (n.local) continue;
    const kind = n.connection?.kind ?? 'down';
    edges.push({
      id: `connection:${name}`,
      source: cardId(state.localNode),
      target: cardId(name),
      type: 'straight',
      label: connectionText(n.connection),
      labelStyle: { fontSize: 18, fontWeight: 600 },
      labelBgPadding: [8, 4],
      labelBgBorderRadius: 6,
      style: { stroke: CONNECTION_COLOUR[kind], strokeWidth: 5, ...(kind === 'up' ? {} : { strokeDasharray: '10 8' }) },
      className: `connection connection-${kind}`,
      ariaRole: 'group',
      ariaLabel: connectionLabel(state.localNode, name, n.connection),
      selectable: false,
      zIndex: 0,
    });
  }
  // Links are symmetric: one edge per pair, drawn when both ends are shown.
  for (const k of shown) {
    for (const other of (state.processes[k] as ProcessView).links) {
      if (!(k < other) || !shown.has(other)) continue;
      edges.push({
        id: `link:${k}|${other}`,
        source: k,
        target: other,
        type: 'straight',
        className: 'link',
        style: { stroke: '#0284c7', strokeWidth: 3 },
        ariaLabel: `link ${label(k)} – ${label(other)}`,
        selectable: false,
        zIndex: 1,
      });
    }
  }
  for (const m of Object.values(state.monitors)) {
    if (!shown.has(m.watcher) || !shown.has(m.target)) continue;
    edges.push({
      id: `monitor:${m.key}`,
      source: m.watcher,
      target: m.target,
      // Curved and dashed, so a monitor beside a link between the same two processes stays visible.
      type: 'default',
      className: 'monitor',
      style: { stroke: '#a855f7', strokeWidth: 2, strokeDasharray: '6 4' },
      ariaLabel: `monitor ${label(m.watcher)} → ${label(m.target)}`,
      markerEnd: { type: 'arrowclosed', color: '#a855f7' },
      selectable: false,
      zIndex: 1,
    });
  }
  return edges;
}

/** The node table legend: which number is which node, in number order. */
export function legendEntries(state: Pick<PlaygroundData, 'nodes' | 'nodeOrder'>): { number: number; name: string; local: boolean; state: string }[] {
  return state.nodeOrder
    .map((n) => state.nodes[n])
    .filter((n): n is ClusterNode => n !== undefined)
    .map((n) => ({ number: n.number, name: n.name, local: n.local, state: connectionText(n.connection) }))
    .sort((a, b) => a.number - b.number);
}
