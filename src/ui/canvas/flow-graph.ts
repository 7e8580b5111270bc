/**
 * `toFlowGraph(state, layout)`: the pure derivation of React Flow nodes and edges from the
 * playground state. Cluster nodes become group cards (parents), processes their children;
 * links, monitors and connections become edges. Accessible roles and names are set here, so
 * tests in Node check what a screen reader (and Playwright's getByRole) will find.
 *
 * `createFlowGraphBuilder` adds a cache. The graph holds only what places and names things (a
 * process's card, slot, label, links, whether it is a system process or has exited), never its
 * mailbox or status: those change on every message, and each tile reads them from the store
 * itself (ProcessNode). So a process whose placing did not change gets the very same React Flow
 * node object back, and when nothing placed changed the builder returns the previous graph
 * object: React Flow, whose every update walks all its nodes, does nothing at all while 500
 * processes exchange 1,000 messages a second.
 */
import type { Edge, Node } from '@xyflow/react';
import { inspect } from '../../core/term/inspect.ts';
import { atom } from '../../core/term/types.ts';
import type { ClusterNode, ConnectionState, PlaygroundData, ProcessView } from '../store/model.ts';
import { DEFAULT_LAYOUT, cardPositions, cardSize, slotPosition, type LayoutOptions } from './layout.ts';

export type GraphInput = Pick<PlaygroundData, 'localNode' | 'nodes' | 'nodeOrder' | 'processes' | 'monitors' | 'showSystem' | 'selected'>;

export interface ProcessData extends Record<string, unknown> {
  /** The process key: the tile reads its live view (mailbox, status) from the store by it. */
  readonly key: string;
  readonly pidText: string;
  /** `#PID<0.110.0> :ticker`: the tile's text and its accessible name. */
  readonly label: string;
  readonly system: boolean;
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
  const procCache = new Map<string, { sig: string; node: ProcessFlowNode }>();
  const cardCache = new Map<string, { sig: string; node: ClusterFlowNode }>();
  let last: { graph: FlowGraph; input: GraphInput; sigs: string } | null = null;

  const processNode = (v: ProcessView, selected: boolean): ProcessFlowNode => {
    const label = processLabel(v);
    const exited = v.exit !== null;
    const sig = `${v.node}|${v.slot}|${label}|${v.system ? 1 : 0}|${exited ? 1 : 0}|${selected ? 1 : 0}`;
    const hit = procCache.get(v.key);
    if (hit !== undefined && hit.sig === sig) return hit.node;
    const node: ProcessFlowNode = {
      id: v.key,
      type: 'process',
      parentId: cardId(v.node),
      extent: 'parent',
      position: slotPosition(v.slot, layout),
      width: layout.processWidth,
      height: layout.processHeight,
      data: { key: v.key, pidText: v.pidText, label, system: v.system },
      selected,
      draggable: false,
      connectable: false,
      ariaRole: 'button',
      ariaLabel: label,
      className: `process${exited ? ' exited' : ''}${v.system ? ' system' : ''} ${FOCUS_RING}`,
      // A layout and paint boundary: a mailbox badge appearing re-lays out this tile only.
      style: TILE_STYLE,
      domAttributes: { 'aria-pressed': selected },
    };
    procCache.set(v.key, { sig, node });
    return node;
  };

  const cardNode = (node: ClusterNode, position: { x: number; y: number }, size: { width: number; height: number }, count: number, hidden: number): ClusterFlowNode => {
    const kind = node.connection?.kind ?? 'local';
    const sig = `${position.x},${position.y},${size.width},${size.height}|${count}|${hidden}`;
    const hit = cardCache.get(node.name);
    if (hit !== undefined && hit.sig === sig && hit.node.data.node === node) return hit.node;
    const card: ClusterFlowNode = {
      id: cardId(node.name),
      type: 'cluster',
      position,
      width: size.width,
      height: size.height,
      data: { node, processCount: count, hiddenSystem: hidden },
      selectable: false,
      draggable: false,
      connectable: false,
      ariaRole: 'group',
      ariaLabel: `node ${node.name}`,
      className: `cluster connection-${kind}`,
    };
    cardCache.set(node.name, { sig, node: card });
    return card;
  };

  return (state) => {
    // Same inputs: same graph (a store update that only moved tokens).
    if (last !== null && sameInput(last.input, state)) return last.graph;
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
    const linkSigs: string[] = [];
    order.forEach((name, i) => {
      const procs = (byNode.get(name) ?? []).sort((a, b) => a.slot - b.slot);
      const visible = state.showSystem ? procs : procs.filter((p) => !p.system);
      // Parents come before their children, as React Flow requires.
      nodes.push(cardNode(state.nodes[name] as ClusterNode, corners[i] as { x: number; y: number }, sizes[i] as { width: number; height: number }, procs.length, procs.length - visible.length));
      for (const v of visible) {
        nodes.push(processNode(v, v.key === state.selected));
        shown.add(v.key);
        if (v.links.length > 0) linkSigs.push(`${v.key}>${v.links.join(',')}`);
      }
    });
    // Nothing placed changed (only mailboxes or statuses did): hand back the previous graph.
    const sigs = linkSigs.join(';');
    if (last !== null && sigs === last.sigs && state.monitors === last.input.monitors && state.nodes === last.input.nodes && sameNodes(last.graph.nodes, nodes)) {
      last = { graph: last.graph, input: state, sigs };
      return last.graph;
    }
    for (const k of procCache.keys()) if (state.processes[k] === undefined) procCache.delete(k);
    for (const k of cardCache.keys()) if (state.nodes[k] === undefined) cardCache.delete(k);
    const graph = { nodes, edges: edgesOf(state, order, shown) };
    last = { graph, input: state, sigs };
    return graph;
  };
}

const TILE_STYLE = { contain: 'strict' } as const;
/** A focus ring seen from the back of a classroom (keyboard users walk the canvas with Tab). */
const FOCUS_RING = 'rounded-xl focus-visible:outline-4 focus-visible:outline-offset-4 focus-visible:outline-amber-500';
/** SVG has no outline: a focused connection shows an amber halo along its line and label. */
const EDGE_FOCUS = 'outline-none focus-visible:[&_.react-flow__edge-interaction]:stroke-amber-400 focus-visible:[&_.react-flow__edge-interaction]:[stroke-opacity:0.7] focus-visible:[&_.react-flow__edge-textbg]:fill-amber-300';

function sameInput(a: GraphInput, b: GraphInput): boolean {
  return a.processes === b.processes && a.nodes === b.nodes && a.nodeOrder === b.nodeOrder && a.monitors === b.monitors &&
    a.showSystem === b.showSystem && a.selected === b.selected && a.localNode === b.localNode;
}

function sameNodes(a: readonly FlowNode[], b: readonly FlowNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
      className: `connection connection-${kind} ${EDGE_FOCUS}`,
      ariaRole: 'group',
      ariaLabel: connectionLabel(state.localNode, name, n.connection),
      selectable: false,
      // Reachable by Tab; Enter (or a click) shows its handshake steps in the inspector.
      focusable: true,
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
