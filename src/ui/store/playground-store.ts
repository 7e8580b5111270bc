/**
 * `createPlaygroundStore()`: one vanilla zustand store per app instance (per tab, per test),
 * supplied to components through React context (store/context.tsx). The runtime bridge feeds
 * it frame by frame; the distribution layer calls `setConnection`; controls call the rest.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { atom, type Atom } from '../../core/term/types.ts';
import { NodeTable } from '../../distribution/node-table.ts';
import type { ConnectionState, ClusterNode, PlaygroundData, ProcessView, Speed } from './model.ts';
import { applyBatches, expire, type NodeBatch } from './reduce.ts';
import { recordResult, recordStep, startAttempt, type HandshakeResult, type HandshakeStepView } from './handshakes.ts';

export interface PlaygroundActions {
  /** One frame's events (and snapshot) of one node; `now` is the UI clock. */
  applyBatch(batch: NodeBatch, now: number): void;
  /** Several nodes' batches of one frame, in order: one store update for them all. */
  applyBatches(batches: readonly NodeBatch[], now: number): void;
  /** Removes tokens that arrived and exited processes whose fade is over. */
  expire(now: number): void;
  /** The distribution layer reports a connection's state; an unknown node gets a card. */
  setConnection(node: string, state: ConnectionState): void;
  /** `node` is a real BEAM node (its connection came up over a BEAM link): its card says so. */
  markBeam(node: string): void;
  /** Forgets a node and its processes (it left the cluster view). */
  removeNode(node: string): void;
  /** The classroom controls cut (true) or healed (false) the link to `node`: the edge says so at once. */
  setCut(node: string, cut: boolean): void;
  /** The tab got its name (`nonode@nohost` → `one@lab`): the local card is renamed. */
  renameLocal(name: string): void;
  /** A `:global` name of a process (null to clear). */
  setGlobalName(processKey: string, name: string | null): void;
  /** Every `:global` name (process key → name): labels the processes shown, now and when they appear. */
  setGlobalNames(names: Readonly<Record<string, string>>): void;
  setSpeed(speed: Speed): void;
  setPaused(paused: boolean): void;
  setShowSystem(show: boolean): void;
  setShowSystemTraffic(show: boolean): void;
  /** Shows a process in the inspector (null: close it); clears a selected connection. */
  select(processKey: string | null): void;
  /** Shows a connection's handshake steps in the inspector (null: close it); clears a selected process. */
  selectConnection(node: string | null): void;
  /** The distribution layer starts a handshake with `node` (it calls, or is called). */
  handshakeAttempt(node: string, role: 'initiator' | 'acceptor'): void;
  /** One handshake message in or out, with its outcome. */
  handshakeStep(node: string, step: HandshakeStepView): void;
  /** How the latest handshake with `node` ended. */
  handshakeResult(node: string, result: Exclude<HandshakeResult, { kind: 'pending' }>): void;
  /** This tab's number for a node (0 for itself), as pids are printed here. */
  nodeNumber(node: Atom): number;
}

export type PlaygroundState = PlaygroundData & PlaygroundActions;
export type PlaygroundStore = StoreApi<PlaygroundState>;

export interface PlaygroundStoreOptions {
  /** This tab's node name. */
  readonly localNode: string;
  /**
   * This tab's numbering of nodes for printing pids (0 for itself). The distribution layer's
   * NodeTable.nodeNumber once it exists; by default a table of our own, numbering in order met.
   */
  readonly nodeNumber?: (node: Atom) => number;
  readonly speed?: Speed;
}

const NONODE = 'nonode@nohost';

export function createPlaygroundStore(options: PlaygroundStoreOptions): PlaygroundStore {
  const table = options.nodeNumber ?? defaultNumbering(options.localNode);
  // The local name can change (a tab that gets its name); pids of either name print as ours.
  let local = options.localNode;
  const nodeNumber = (node: Atom): number => (node.name === local || node.name === NONODE ? 0 : table(node));
  const cardFor = (name: string, local: boolean, connection: ConnectionState | null): ClusterNode => ({
    name, local, number: local ? 0 : nodeNumber(atom(name)), connection,
  });
  const initial: PlaygroundData = {
    localNode: options.localNode,
    nodes: { [options.localNode]: cardFor(options.localNode, true, null) },
    nodeOrder: [options.localNode],
    processes: {},
    monitors: {},
    messages: [],
    exits: [],
    speed: options.speed ?? 'normal',
    paused: false,
    showSystem: true,
    showSystemTraffic: false,
    selected: null,
    nextMessageId: 1,
    handshakes: {},
    selectedConnection: null,
    globalNames: {},
  };

  return createStore<PlaygroundState>()((set, get) => ({
    ...initial,
    applyBatch: (batch, now) => get().applyBatches([batch], now),
    applyBatches: (batches, now) => {
      const s = get();
      const next = applyBatches(s, batches, { now, nodeNumber });
      if (next !== s) set(next);
    },
    expire: (now) => {
      const s = get();
      const next = expire(s, now);
      if (next !== s) set(next);
    },
    setConnection: (node, connection) => {
      const s = get();
      if (node === s.localNode) return;
      const old = s.nodes[node];
      if (old !== undefined && old.connection === connection) return;
      set({
        nodes: { ...s.nodes, [node]: old === undefined ? cardFor(node, false, connection) : { ...old, connection } },
        nodeOrder: old === undefined ? [...s.nodeOrder, node] : s.nodeOrder,
      });
    },
    markBeam: (node) => {
      const s = get();
      const old = s.nodes[node];
      if (old === undefined || old.beam === true) return;
      set({ nodes: { ...s.nodes, [node]: { ...old, beam: true } } });
    },
    setCut: (node, cut) => {
      const c = get().nodes[node]?.connection;
      if (cut && (c?.kind === 'up' || c?.kind === 'handshaking')) get().setConnection(node, { kind: 'cut' });
      if (!cut && c?.kind === 'cut') get().setConnection(node, { kind: 'up' });
    },
    removeNode: (node) => {
      const s = get();
      if (node === s.localNode || s.nodes[node] === undefined) return;
      const nodes = { ...s.nodes };
      delete nodes[node];
      const processes = Object.fromEntries(Object.entries(s.processes).filter(([, v]) => v.node !== node));
      const selected = s.selected !== null && processes[s.selected] === undefined ? null : s.selected;
      set({ nodes, nodeOrder: s.nodeOrder.filter((n) => n !== node), processes, selected });
    },
    renameLocal: (name) => {
      const s = get();
      if (name === s.localNode) return;
      const old = s.localNode;
      local = name;
      const nodes = { ...s.nodes };
      delete nodes[old];
      nodes[name] = { ...cardFor(name, true, null) };
      const processes = Object.fromEntries(Object.entries(s.processes).map(([k, v]) => [k, v.node === old ? { ...v, node: name } : v]));
      set({ localNode: name, nodes, nodeOrder: s.nodeOrder.map((n) => (n === old ? name : n)), processes });
    },
    setGlobalName: (key, name) => {
      const s = get();
      const v = s.processes[key];
      if (v === undefined || v.globalName === name) return;
      set({ processes: { ...s.processes, [key]: { ...v, globalName: name } } });
    },
    setGlobalNames: (names) => {
      const s = get();
      // Only processes whose label changes are replaced: O(names), not O(processes), per call.
      let processes: Record<string, ProcessView> | null = null;
      const relabel = (key: string, name: string | null) => {
        const v = (processes ?? s.processes)[key];
        if (v !== undefined && v.globalName !== name) (processes ??= { ...s.processes })[key] = { ...v, globalName: name };
      };
      for (const key in s.globalNames) if (names[key] === undefined) relabel(key, null);
      for (const key in names) relabel(key, names[key] ?? null);
      const same = names === s.globalNames || sameNames(names, s.globalNames);
      if (processes === null && same) return;
      set({ ...(processes !== null ? { processes } : {}), ...(same ? {} : { globalNames: names }) });
    },
    setSpeed: (speed) => set({ speed }),
    setPaused: (paused) => set({ paused }),
    setShowSystem: (showSystem) => set({ showSystem }),
    setShowSystemTraffic: (showSystemTraffic) => set({ showSystemTraffic }),
    select: (selected) => set({ selected, selectedConnection: null }),
    selectConnection: (selectedConnection) => set({ selectedConnection, selected: null }),
    handshakeAttempt: (node, role) => {
      const s = get();
      const handshakes = startAttempt(s.handshakes, node, role);
      if (handshakes !== s.handshakes) set({ handshakes });
    },
    handshakeStep: (node, step) => {
      const s = get();
      const handshakes = recordStep(s.handshakes, node, step);
      if (handshakes !== s.handshakes) set({ handshakes });
    },
    handshakeResult: (node, result) => {
      const s = get();
      const handshakes = recordResult(s.handshakes, node, result);
      if (handshakes !== s.handshakes) set({ handshakes });
    },
    nodeNumber,
  }));
}

function sameNames(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

/** Own numbering when no distribution layer supplies one. */
function defaultNumbering(localNode: string): (node: Atom) => number {
  return new NodeTable(atom(localNode)).nodeNumber;
}
