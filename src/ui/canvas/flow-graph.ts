/**
 * `toFlowGraph(state, layout)`: the pure derivation of React Flow nodes and edges from the
 * playground state. Each cluster node is ONE React Flow node, a group card that draws its
 * processes itself as a grid of buttons (ClusterCard, ProcessTile); links, monitors and
 * connections become edges. Accessible roles and names are set here, so tests in Node check what
 * a screen reader (and Playwright's getByRole) will find.
 *
 * Why processes are not React Flow nodes: 500 of them meant 500 node wrappers with their own
 * resize observers and handles, ~6,000 layout objects, and a React Flow update walking them all;
 * the benchmark (8 nodes, 500 processes, 1,000 messages/s) spent its frames there. Tiles sit at
 * fixed slots (layout.ts), so edges and tokens find a process's centre by arithmetic.
 *
 * `createFlowGraphBuilder` adds a cache. The graph holds only what places and names things (a
 * process's card, slot, label, links, whether it is a system process), never its mailbox, status
 * or exit: those change on every message, and each tile reads them from the store itself. So a
 * process whose placing did not change keeps the very same tile object, and when nothing placed
 * changed the builder returns the previous graph object: React Flow does nothing at all while
 * 500 processes exchange 1,000 messages a second.
 */
import type { Edge, Node } from '@xyflow/react';
import { inspect } from '../../core/term/inspect.ts';
import { atom } from '../../core/term/types.ts';
import { foldable, type ClusterNode, type ConnectionState, type PlaygroundData, type ProcessView } from '../store/model.ts';
import { labelSize, placeConnection, type Rect } from './edge-label.ts';
import { arrangeCard, type GroupPlan } from './supervision.ts';
import { DEFAULT_LAYOUT, cardPositions, cardSize, slotCentre, slotPosition, type LayoutOptions, type Point } from './layout.ts';

export type GraphInput = Pick<PlaygroundData, 'localNode' | 'nodes' | 'nodeOrder' | 'processes' | 'monitors' | 'showSystem'>;

/** A process tile inside its card: what places and names it (the live part is read from the store). */
export interface TileData {
  /** The process key: the tile reads its live view (mailbox, status, exit) from the store by it. */
  readonly key: string;
  readonly pidText: string;
  /** `#PID<0.110.0> :ticker`: the tile's text and its accessible name (role button). */
  readonly label: string;
  readonly system: boolean;
  readonly slot: number;
  /** Top-left corner relative to the card. */
  readonly position: Point;
}
export interface ClusterData extends Record<string, unknown> {
  readonly node: ClusterNode;
  readonly processCount: number;
  /** System processes not drawn (when they are folded away). */
  readonly hiddenSystem: number;
  /** The processes drawn in this card, by slot. */
  readonly tiles: readonly TileData[];
  /** Its supervisors' groups (canvas/supervision.ts), each framed around its tiles. */
  readonly groups: readonly GroupData[];
}

/** A supervisor's group: a frame (card coordinates) named `supervisor #PID<0.120.0> one_for_one`. */
export interface GroupData {
  readonly key: string;
  readonly label: string;
  readonly strategy: string;
  readonly position: Point;
  readonly width: number;
  readonly height: number;
  /** The keys of the tiles drawn inside the frame: the supervisor's direct children. */
  readonly children: readonly string[];
}
export type ClusterFlowNode = Node<ClusterData, 'cluster'>;
export type FlowNode = ClusterFlowNode;

/** A link or monitor: drawn between two tiles' centres (flow coordinates), across cards or within one. */
export interface ProcessEdgeData extends Record<string, unknown> {
  readonly from: Point;
  readonly to: Point;
  /** Monitors curve, so one beside a link between the same two processes stays visible. */
  readonly curved: boolean;
}
export type ProcessEdge = Edge<ProcessEdgeData, 'process'>;
/** A connection: drawn between the cards' borders, its label where no card covers it (edge-label.ts). */
export interface ConnectionEdgeData extends Record<string, unknown> {
  readonly from: Point;
  readonly to: Point;
  readonly labelAt: Point;
}
export type ConnectionEdge = Edge<ConnectionEdgeData, 'connection'>;
export type FlowEdge = Edge | ProcessEdge | ConnectionEdge;

export interface FlowGraph {
  readonly nodes: FlowNode[];
  readonly edges: FlowEdge[];
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
  const tileCache = new Map<string, { view: ProcessView; tile: TileData }>();
  const cardCache = new Map<string, { sig: string; node: ClusterFlowNode }>();
  /** Every process as of the last full build (shown or folded away). */
  const placed = new Map<string, ProcessView>();
  let last: { graph: FlowGraph; input: GraphInput; sigs: string; count: number } | null = null;

  // A process view is replaced on every mailbox change: compare what the tile shows, not the object.
  // `slot` is where the tile is drawn: its own slot, or its place among those shown when system
  // processes are folded away (so the card has no holes).
  const tileOf = (v: ProcessView, slot: number): TileData => {
    const hit = tileCache.get(v.key);
    if (hit !== undefined && hit.tile.slot === slot) {
      const o = hit.view;
      if (o === v || (o.name === v.name && o.globalName === v.globalName && o.pidText === v.pidText && o.system === v.system)) {
        hit.view = v;
        return hit.tile;
      }
    }
    const tile: TileData = { key: v.key, pidText: v.pidText, label: processLabel(v), system: v.system, slot, position: slotPosition(slot, layout) };
    tileCache.set(v.key, { view: v, tile });
    return tile;
  };

  const cardNode = (node: ClusterNode, position: Point, size: { width: number; height: number }, count: number, tiles: TileData[], groups: readonly GroupData[]): ClusterFlowNode => {
    const kind = node.connection?.kind ?? 'local';
    const hidden = count - tiles.length;
    const sig = `${position.x},${position.y},${size.width},${size.height}|${count}|${hidden}|${groups.map(groupSig).join(';')}`;
    const hit = cardCache.get(node.name);
    if (hit !== undefined && hit.sig === sig && hit.node.data.node === node && sameList(hit.node.data.tiles, tiles)) return hit.node;
    const card: ClusterFlowNode = {
      id: cardId(node.name),
      type: 'cluster',
      position,
      width: size.width,
      height: size.height,
      data: { node, processCount: count, hiddenSystem: hidden, tiles, groups },
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

  // True when no process came, went or changed anything the graph shows since the last build:
  // one pass with no allocation, since the store changes every frame under load.
  const samePlacing = (processes: GraphInput['processes'], count: number): boolean => {
    let n = 0;
    for (const k in processes) {
      const v = processes[k] as ProcessView;
      const o = placed.get(k);
      if (o === undefined) return false;
      if (o !== v) {
        if (o.slot !== v.slot || o.name !== v.name || o.globalName !== v.globalName || o.pidText !== v.pidText || o.system !== v.system || o.links !== v.links || o.node !== v.node ||
          o.parent !== v.parent || o.supervisor !== v.supervisor) return false;
        placed.set(k, v);
      }
      n++;
    }
    return n === count;
  };

  return (state) => {
    // Same inputs: same graph (a store update that only moved tokens).
    if (last !== null && sameInput(last.input, state)) return last.graph;
    // Only mailboxes, statuses or exits changed (the tiles read those themselves): same graph.
    if (last !== null && sameInput(last.input, { ...state, processes: last.input.processes }) && samePlacing(state.processes, last.count)) {
      last = { ...last, input: state };
      return last.graph;
    }
    const byNode = new Map<string, ProcessView[]>();
    placed.clear();
    for (const v of Object.values(state.processes)) {
      placed.set(v.key, v);
      const list = byNode.get(v.node);
      if (list === undefined) byNode.set(v.node, [v]);
      else list.push(v);
    }
    const order = state.nodeOrder.filter((n) => state.nodes[n] !== undefined);
    // Folded: the processes shown take the first slots in their own order, so no holes are left.
    // With supervisors, tiles go in reading order around them (supervision.ts).
    const tilesOf = order.map((n) => {
      const procs = (byNode.get(n) ?? []).sort((a, b) => a.slot - b.slot);
      const visible = state.showSystem ? procs : procs.filter((p) => !foldable(p));
      const arranged = arrangeCard(visible, layout.columns);
      const slotOf = (v: ProcessView, i: number) => arranged?.slots.get(v.key) ?? (state.showSystem ? v.slot : i);
      const tiles = visible.map((v, i) => tileOf(v, slotOf(v, i)));
      if (arranged !== null) tiles.sort((a, b) => a.slot - b.slot);
      return { count: procs.length, visible, tiles, groups: arranged === null ? NO_GROUPS : groupsOf(arranged.groups, state.processes, layout) };
    });
    const sizes = tilesOf.map((t) => cardSize((t.tiles[t.tiles.length - 1]?.slot ?? -1) + 1, layout));
    const corners = cardPositions(sizes, layout);

    const nodes: FlowNode[] = [];
    const shown = new Map<string, Point>();
    const linkSigs: string[] = [];
    order.forEach((name, i) => {
      const { count, visible, tiles, groups } = tilesOf[i] as (typeof tilesOf)[number];
      const corner = corners[i] as Point;
      nodes.push(cardNode(state.nodes[name] as ClusterNode, corner, sizes[i] as { width: number; height: number }, count, tiles, groups));
      for (const t of tiles) shown.set(t.key, slotCentre(corner, t.slot, layout));
      for (const v of visible) if (v.links.length > 0) linkSigs.push(`${v.key}>${v.links.join(',')}`);
    });
    // Nothing placed changed (only mailboxes or statuses did): hand back the previous graph.
    const sigs = linkSigs.join(';');
    if (last !== null && sigs === last.sigs && state.monitors === last.input.monitors && state.nodes === last.input.nodes && sameList(last.graph.nodes, nodes)) {
      last = { graph: last.graph, input: state, sigs, count: Object.keys(state.processes).length };
      return last.graph;
    }
    for (const k of tileCache.keys()) if (state.processes[k] === undefined) tileCache.delete(k);
    for (const k of cardCache.keys()) if (state.nodes[k] === undefined) cardCache.delete(k);
    const graph = { nodes, edges: edgesOf(state, order, shown, nodes) };
    last = { graph, input: state, sigs, count: Object.keys(state.processes).length };
    return graph;
  };
}

const NO_GROUPS: readonly GroupData[] = [];

const groupSig = (g: GroupData): string => `${g.key}:${g.strategy}:${g.position.x},${g.position.y},${g.width},${g.height}:${g.children.join(',')}`;

/** Each group's frame: from its supervisor's column to the card's right edge, over its rows. */
function groupsOf(plans: readonly GroupPlan[], processes: GraphInput['processes'], layout: LayoutOptions): GroupData[] {
  const half = layout.gap / 2;
  return plans.map((g) => {
    const topLeft = slotPosition(g.top * layout.columns + g.indent, layout);
    const bottom = slotPosition(g.bottom * layout.columns, layout).y + layout.processHeight;
    const right = slotPosition(layout.columns - 1, layout).x + layout.processWidth;
    const v = processes[g.supervisor];
    return {
      key: g.supervisor,
      label: `supervisor ${v === undefined ? g.supervisor : processLabel(v)} ${g.strategy}`,
      strategy: g.strategy,
      position: { x: topLeft.x - half, y: topLeft.y - half },
      width: right - topLeft.x + 2 * half,
      height: bottom - topLeft.y + 2 * half,
      children: g.children,
    };
  });
}

/** SVG has no outline: a focused connection shows an amber halo along its line and label. */
const EDGE_FOCUS = 'outline-none focus-visible:[&_.react-flow__edge-interaction]:stroke-amber-400 focus-visible:[&_.react-flow__edge-interaction]:[stroke-opacity:0.7] focus-visible:[&_.react-flow__edge-textbg]:fill-amber-300';

function sameInput(a: GraphInput, b: GraphInput): boolean {
  return a.processes === b.processes && a.nodes === b.nodes && a.nodeOrder === b.nodeOrder && a.monitors === b.monitors &&
    a.showSystem === b.showSystem && a.localNode === b.localNode;
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const CONNECTION_COLOUR: Record<string, string> = { up: '#0284c7', handshaking: '#f59e0b', refused: '#e11d48', down: '#64748b', cut: '#b45309' };

function edgesOf(state: GraphInput, order: readonly string[], shown: ReadonlyMap<string, Point>, cards: readonly FlowNode[]): FlowEdge[] {
  const edges: FlowEdge[] = [];
  const rects = new Map<string, Rect>(cards.map((c) => [c.id, { x: c.position.x, y: c.position.y, width: c.width ?? 0, height: c.height ?? 0 }]));
  const rectOf = (name: string): Rect => rects.get(cardId(name)) ?? { x: 0, y: 0, width: 0, height: 0 };
  const card = (k: string) => cardId((state.processes[k] as ProcessView).node);
  const label = (k: string) => state.processes[k]?.pidText ?? k;
  // Connections: this tab's view of each other node.
  for (const name of order) {
    const n = state.nodes[name] as ClusterNode;
    if (n.local) continue;
    const kind = n.connection?.kind ?? 'down';
    const text = connectionText(n.connection);
    edges.push({
      id: `connection:${name}`,
      source: cardId(state.localNode),
      target: cardId(name),
      type: 'connection',
      data: { ...placeConnection(rectOf(state.localNode), rectOf(name), [...rects.values()], labelSize(text)) },
      label: text,
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
      // Above the cards (it runs between their borders): its label is never hidden under one.
      zIndex: 1,
    });
  }
  // Links are symmetric: one edge per pair, drawn when both ends are shown.
  for (const [k, from] of shown) {
    for (const other of (state.processes[k] as ProcessView).links) {
      const to = shown.get(other);
      if (!(k < other) || to === undefined) continue;
      edges.push({
        id: `link:${k}|${other}`,
        source: card(k),
        target: card(other),
        type: 'process',
        data: { from, to, curved: false },
        className: 'link',
        style: { stroke: '#0284c7', strokeWidth: 3 },
        ariaLabel: `link ${label(k)} – ${label(other)}`,
        selectable: false,
        zIndex: 1,
      });
    }
  }
  for (const m of Object.values(state.monitors)) {
    const from = shown.get(m.watcher);
    const to = shown.get(m.target);
    if (from === undefined || to === undefined) continue;
    edges.push({
      id: `monitor:${m.key}`,
      source: card(m.watcher),
      target: card(m.target),
      // Curved and dashed, so a monitor beside a link between the same two processes stays visible.
      type: 'process',
      data: { from, to, curved: true },
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
