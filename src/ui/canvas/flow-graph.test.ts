import { describe, expect, it } from 'vitest';
import { atom, Pid } from '../../core/term/types.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import { createPlaygroundStore, type PlaygroundStore } from '../store/playground-store.ts';
import { pidKey } from '../store/model.ts';
import { cardId, createFlowGraphBuilder, legendEntries, toFlowGraph, type ClusterFlowNode, type FlowNode, type ProcessEdge, type TileData } from './flow-graph.ts';
import { DEFAULT_LAYOUT, cardSize, slotCentre, slotPosition } from './layout.ts';

const one = atom('one@lab');
const two = atom('two@lab');
const summary = (pid: Pid, extra: Partial<ProcessSummary> = {}): ProcessSummary => ({
  pid, status: 'waiting', registeredName: undefined, messageQueueLen: 0, links: [], reductions: 0, groupLeader: pid, ...extra,
});

const gl = new Pid(one, 64, 0, 1);
const ticker = new Pid(one, 110, 0, 1);
const client = new Pid(one, 111, 0, 1);
const remote = new Pid(two, 96, 0, 1);

/** one@lab: its group leader, a ticker linked to a client; two@lab (up) with one process. */
function cluster(): PlaygroundStore {
  const store = createPlaygroundStore({ localNode: 'one@lab' });
  const s = store.getState();
  s.setConnection('two@lab', { kind: 'up' });
  s.applyBatch({
    node: 'one@lab',
    events: [],
    processes: [
      summary(gl),
      summary(ticker, { registeredName: atom('ticker'), messageQueueLen: 2, links: [client] }),
      summary(client, { links: [ticker] }),
    ],
    monitors: [{ key: 'm1', watcher: pidKey(client), target: pidKey(new Pid(two, 200, 0, 1)) }, { key: 'm2', watcher: pidKey(client), target: pidKey(ticker) }],
  }, 0);
  s.applyBatch({ node: 'two@lab', events: [], processes: [summary(remote)] }, 0);
  return store;
}

const byId = (nodes: readonly { id: string }[], id: string) => nodes.find((n) => n.id === id);
/** Every tile of the graph, with the card it sits in. */
const tilesOf = (nodes: readonly FlowNode[]): (TileData & { card: ClusterFlowNode })[] => nodes.flatMap((c) => c.data.tiles.map((t) => ({ ...t, card: c })));
const tileOf = (nodes: readonly FlowNode[], key: string): TileData | undefined => nodes.flatMap((c) => c.data.tiles).find((t) => t.key === key);

describe('toFlowGraph', () => {
  it('makes each cluster node a group card named `node <name>`, the only React Flow nodes', () => {
    const { nodes } = toFlowGraph(cluster().getState());
    expect(nodes.map((c) => [c.type, c.ariaRole, c.ariaLabel])).toEqual([['cluster', 'group', 'node one@lab'], ['cluster', 'group', 'node two@lab']]);
  });

  it('puts each process in its card, labelled with its PID as this node prints it and its name (the tile button\'s name)', () => {
    const { nodes } = toFlowGraph(cluster().getState());
    expect(tilesOf(nodes).map((t) => [t.label, t.card.id])).toEqual([
      ['#PID<0.64.0>', 'node:one@lab'],
      ['#PID<0.110.0> :ticker', 'node:one@lab'],
      ['#PID<0.111.0>', 'node:one@lab'],
      ['#PID<1.96.0>', 'node:two@lab'],
    ]);
    expect(tileOf(nodes, pidKey(ticker))?.pidText).toBe('#PID<0.110.0>');
    expect(tileOf(nodes, pidKey(gl))?.system).toBe(true);
  });

  it('places processes by slot inside a card sized for them', () => {
    const { nodes } = toFlowGraph(cluster().getState());
    expect(tileOf(nodes, pidKey(ticker))?.position).toEqual(slotPosition(1, DEFAULT_LAYOUT));
    const card = byId(nodes, cardId('one@lab')) as ClusterFlowNode;
    expect({ width: card.width, height: card.height }).toEqual(cardSize(3, DEFAULT_LAYOUT));
    const card2 = byId(nodes, cardId('two@lab')) as ClusterFlowNode;
    expect(card2.position.x).toBe(cardSize(3, DEFAULT_LAYOUT).width + DEFAULT_LAYOUT.cardGap);
    // every tile fits inside its card
    for (const t of tilesOf(nodes)) {
      expect(t.position.x + DEFAULT_LAYOUT.processWidth).toBeLessThanOrEqual(t.card.width ?? 0);
      expect(t.position.y + DEFAULT_LAYOUT.processHeight).toBeLessThanOrEqual(t.card.height ?? 0);
    }
  });

  it('draws one edge per link, monitors between shown processes, and labelled connections', () => {
    const { edges } = toFlowGraph(cluster().getState());
    expect(edges.map((e) => [e.id.split(':')[0], e.ariaLabel])).toEqual([
      ['connection', 'connection one@lab – two@lab (up)'],
      ['link', 'link #PID<0.110.0> – #PID<0.111.0>'],
      ['monitor', 'monitor #PID<0.111.0> → #PID<0.110.0>'], // the monitor of a remote pid not shown is left out
    ]);
    const conn = edges[0];
    expect([conn?.source, conn?.target, conn?.label]).toEqual(['node:one@lab', 'node:two@lab', 'up']);
  });

  it('draws links and monitors between the tiles\' centres, from card to card in React Flow\'s eyes', () => {
    const { nodes, edges } = toFlowGraph(cluster().getState());
    const corner = (byId(nodes, cardId('one@lab')) as ClusterFlowNode).position;
    const link = edges.find((e) => e.id.startsWith('link:')) as ProcessEdge;
    expect([link.source, link.target, link.type]).toEqual(['node:one@lab', 'node:one@lab', 'process']);
    expect(link.data).toEqual({ from: slotCentre(corner, 1, DEFAULT_LAYOUT), to: slotCentre(corner, 2, DEFAULT_LAYOUT), curved: false });
    const monitor = edges.find((e) => e.id.startsWith('monitor:')) as ProcessEdge;
    expect(monitor.data).toEqual({ from: slotCentre(corner, 2, DEFAULT_LAYOUT), to: slotCentre(corner, 1, DEFAULT_LAYOUT), curved: true });
  });

  it('shows a refused connection with its reason', () => {
    const store = cluster();
    store.getState().setConnection('two@lab', { kind: 'refused', reason: 'cookie mismatch' });
    const { edges, nodes } = toFlowGraph(store.getState());
    expect(edges[0]?.ariaLabel).toBe('connection one@lab – two@lab (refused: cookie mismatch)');
    expect((byId(nodes, cardId('two@lab')) as ClusterFlowNode).className).toContain('connection-refused');
  });

  it('folds system processes away when asked, counting them on the card', () => {
    const store = cluster();
    store.getState().setShowSystem(false);
    const { nodes } = toFlowGraph(store.getState());
    expect(tileOf(nodes, pidKey(gl))).toBeUndefined();
    expect((byId(nodes, cardId('one@lab')) as ClusterFlowNode).data.hiddenSystem).toBe(1);
  });

  it('hands back the same graph while only mailboxes and statuses change (the tiles read those)', () => {
    const store = cluster();
    const build = createFlowGraphBuilder();
    const a = build(store.getState());
    store.getState().applyBatch({ node: 'two@lab', events: [], processes: [summary(remote, { messageQueueLen: 5, status: 'runnable' })] }, 0);
    expect(build(store.getState())).toBe(a);
  });

  it('reuses tiles and cards whose placing did not change (cached builder)', () => {
    const store = cluster();
    const build = createFlowGraphBuilder();
    const a = build(store.getState());
    store.getState().applyBatch({ node: 'two@lab', events: [], processes: [summary(remote, { registeredName: atom('worker') })] }, 0);
    const b = build(store.getState());
    expect(b).not.toBe(a);
    expect(byId(b.nodes, cardId('one@lab'))).toBe(byId(a.nodes, cardId('one@lab')));
    expect(tileOf(b.nodes, pidKey(ticker))).toBe(tileOf(a.nodes, pidKey(ticker)));
    expect(tileOf(b.nodes, pidKey(remote))).not.toBe(tileOf(a.nodes, pidKey(remote)));
    expect(tileOf(b.nodes, pidKey(remote))?.label).toBe('#PID<1.96.0> :worker');
  });

  it('rebuilds edges when a link appears', () => {
    const store = cluster();
    const build = createFlowGraphBuilder();
    const a = build(store.getState());
    store.getState().applyBatch({ node: 'two@lab', events: [{ type: 'link:added', time: 0, from: remote, to: ticker }], processes: [summary(remote, { links: [ticker] })] }, 0);
    const b = build(store.getState());
    expect(b.edges.filter((e) => e.id.startsWith('link:')).length).toBe(a.edges.filter((e) => e.id.startsWith('link:')).length + 1);
  });

  it('names a global process and quotes atoms as Elixir does', () => {
    const store = cluster();
    store.getState().setGlobalName(pidKey(client), 'chat room');
    const { nodes } = toFlowGraph(store.getState());
    expect(tileOf(nodes, pidKey(client))?.label).toBe('#PID<0.111.0> {:global, :"chat room"}');
  });
});

describe('legendEntries', () => {
  it('lists the node table in number order', () => {
    const store = cluster();
    store.getState().setConnection('three@lab', { kind: 'handshaking' });
    expect(legendEntries(store.getState())).toEqual([
      { number: 0, name: 'one@lab', local: true, state: 'this node' },
      { number: 1, name: 'two@lab', local: false, state: 'up' },
      { number: 2, name: 'three@lab', local: false, state: 'handshaking' },
    ]);
  });
});

describe('folding system processes away', () => {
  it('reflows the tiles shown into the first slots, with no holes, and shrinks the card', () => {
    const store = cluster();
    store.getState().setShowSystem(false);
    const { nodes } = toFlowGraph(store.getState());
    const card = byId(nodes, cardId('one@lab')) as ClusterFlowNode;
    expect(card.data.tiles.map((t) => [t.key, t.slot, t.position])).toEqual([
      [pidKey(ticker), 0, slotPosition(0, DEFAULT_LAYOUT)],
      [pidKey(client), 1, slotPosition(1, DEFAULT_LAYOUT)],
    ]);
    expect(card.data.hiddenSystem).toBe(1);
  });

  it('never folds away a system process the class named (the chapter\'s `:global.register_name(:two, group_leader())`)', () => {
    const store = cluster();
    store.getState().setShowSystem(false);
    store.getState().setGlobalNames({ [pidKey(gl)]: 'two' });
    const card = byId(toFlowGraph(store.getState()).nodes, cardId('one@lab')) as ClusterFlowNode;
    expect(card.data.tiles.map((t) => t.label)).toContain('#PID<0.64.0> {:global, :two}');
    expect(card.data.hiddenSystem).toBe(0);
  });

  it('draws links and monitors between the tiles where they are drawn', () => {
    const store = cluster();
    store.getState().setShowSystem(false);
    const { nodes, edges } = toFlowGraph(store.getState());
    const corner = (byId(nodes, cardId('one@lab')) as ClusterFlowNode).position;
    const link = edges.find((e) => e.id.startsWith('link:')) as ProcessEdge;
    expect([link.data?.from, link.data?.to].sort((a, b) => (a?.x ?? 0) - (b?.x ?? 0))).toEqual([slotCentre(corner, 0, DEFAULT_LAYOUT), slotCentre(corner, 1, DEFAULT_LAYOUT)]);
  });
});
