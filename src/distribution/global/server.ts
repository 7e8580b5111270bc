/**
 * The global name server: a built-in process registered locally as `:global_name_server` on
 * every node, holding that node's replica of the cluster's names. It is one `loopBody`: every
 * message (a client call, a peer's protocol message, a nodeup/nodedown from the cluster view, a
 * DOWN of a named pid, its own retry timer) is handled in arrival order and nothing blocks,
 * so a write waiting for other nodes never stops the server answering theirs.
 *
 * Reads need no process: `whereis` and `registeredNames` read the replica directly (global's
 * whereis_name is an ets lookup in the caller too).
 */
import { atom, tuple } from '../../core/term/types.ts';
import { mapKey } from '../../core/term/hash.ts';
import type { Atom, Pid, Term } from '../../core/term/types.ts';
import type { Node } from '../../core/runtime/node.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import { loopBody } from '../../core/runtime/bodies.ts';
import { NAME_SERVER, encodePeer, parseServerMessage, replyMessage } from './protocol.ts';
import type { ServerMessage } from './protocol.ts';
import { Replica } from './replica.ts';
import type { NameChange } from './name-table.ts';
import { Registrar } from './registrar.ts';
import { PartitionGuard } from './partitions.ts';
import { globalEnv } from './options.ts';
import type { ClusterView, GlobalOptions } from './options.ts';

const BADARG = atom('badarg');
const NONODE = atom('nonode@nohost');

export interface GlobalServer {
  /** The name server's pid (also registered locally as `:global_name_server`). */
  readonly pid: Pid;
  /** `:global.whereis_name/1`: this node's replica, no round trip. */
  whereis(name: Term): Pid | undefined;
  /** `:global.registered_names/0`, in registration order. */
  registeredNames(): Term[];
  /** Tells `listener` of every name this replica takes or gives up, until the returned function is called. */
  watchNames(listener: (c: NameChange) => void): () => void;
  /** Writes this node started that are not answered yet. */
  pendingWrites(): number;
  /** Stops listening to the cluster view (the process itself stays). */
  detach(): void;
}

/** Spawns and registers the name server of `node`, fed by `cluster`. */
export function startGlobal(node: Node, cluster: ClusterView, options: GlobalOptions = {}): GlobalServer {
  const isLocal = (p: Pid): boolean => (p.node === node.name && p.creation === node.creation) || (p.node === NONODE && p.creation === 0);
  const pidKey = (p: Pid): unknown => (isLocal(p) ? `local|${p.id}|${p.serial}` : mapKey(p));
  const env = globalEnv({ pidKey, isLocal }, options);
  const replica = new Replica(env, cluster);
  const sync = new SyncScope(cluster);
  const registrar = new Registrar(replica, sync.view, env);
  const guard = new PartitionGuard(cluster, env, () => node.creation);
  const handle = (msg: Term, state: null, proc: ProcessApi): null => {
    const m = parseServerMessage(msg);
    if (m !== null && sync.admits(m, proc)) dispatch(m, proc, replica, registrar, guard);
    return state;
  };
  const pid = node.spawn(loopBody(null, handle, ['global', 'loop_the_registrar', 0]), {
    system: true,
    initialCall: ['global', 'init', 1],
  });
  node.register(NAME_SERVER, pid);
  const tell = (type: 'nodeup' | 'nodedown') => (n: Atom) => void node.send(pid, encodePeer({ type, node: n }));
  const unsubs = [cluster.onNodeUp(tell('nodeup')), cluster.onNodeDown(tell('nodedown'))];
  // Nodes connected before global started are synced as if they had just come up.
  for (const n of cluster.nodes()) if (n !== node.name) tell('nodeup')(n);
  return {
    pid,
    whereis: (name) => replica.table.whereis(name),
    registeredNames: () => replica.table.names(),
    watchNames: (listener) => replica.table.watch(listener),
    pendingWrites: () => registrar.pending,
    detach: () => {
      for (const u of unsubs) if (typeof u === 'function') u();
    },
  };
}

/**
 * Which nodes share names with this one: global.erl's `known`. With connect_all false
 * (`syncs()` false) global.erl ignores nodeup, so it syncs with nobody and its peers' syncs get
 * no answer; a peer's global then never counts it. Here such a node drops what other name
 * servers send it (their writes and tables) and answers `no_sync`, and a node told so leaves
 * the teller out of its writes from then on (a write already waiting for it goes on without it,
 * as at a nodedown). Between nodes that both sync, nothing changes.
 */
class SyncScope {
  /** Peers that said they do not sync, until their connection goes down. */
  private readonly apart = new Set<Atom>();
  readonly view: ClusterView;

  constructor(private readonly cluster: ClusterView) {
    this.view = { ...cluster, nodes: () => (this.syncs() ? cluster.nodes().filter((n) => !this.apart.has(n)) : []) };
  }

  private syncs(): boolean {
    return this.cluster.syncs?.() ?? true;
  }

  /** Whether `m` goes on to the server; also keeps `apart` up to date. */
  admits(m: ServerMessage, proc: ProcessApi): boolean {
    if (m.type === 'no_sync') this.apart.add(m.node);
    if (m.type === 'nodedown') this.apart.delete(m.node);
    if (this.syncs()) return true;
    if (m.type === 'sync' || m.type === 'reserve' || m.type === 'commit' || m.type === 'release') {
      proc.send(tuple(NAME_SERVER, m.node), encodePeer({ type: 'no_sync', node: proc.nodeName }));
      return false;
    }
    // No sync to send a newcomer, and nothing of ours waits for anybody.
    return m.type !== 'nodeup' && m.type !== 'conflict';
  }
}

function dispatch(m: ServerMessage, proc: ProcessApi, replica: Replica, registrar: Registrar, guard: PartitionGuard): void {
  switch (m.type) {
    case 'call': {
      const [name, pid] = m.args;
      const wantsPid = m.op !== 'unregister_name';
      const ok = name !== undefined && m.args.length === (wantsPid ? 2 : 1) && (!wantsPid || (typeof pid === 'object' && pid.kind === 'pid'));
      if (!ok) return void proc.send(m.from, replyMessage(m.ref, BADARG));
      return registrar.call(proc, m.from, m.ref, m.op, name, wantsPid ? (pid as Pid) : null);
    }
    case 'reserve':
      return registrar.onReserve(proc, m.node, m.tx, m.name);
    case 'vote':
      return registrar.vote(proc, m.node, m.tx, m.granted);
    case 'release':
      return registrar.onRelease(m.node, m.tx, m.name);
    case 'commit':
      return registrar.onCommit(proc, m.node, m.tx, m.op, m.name, m.pid);
    case 'ack':
      return registrar.ack(proc, m.node, m.tx);
    case 'retry':
      return registrar.retry(proc, m.tx);
    case 'nodeup': {
      // Our whole table to the newcomer; it does the same, and each side merges the other's.
      const entries = replica.table.entries().map((e) => [e.name, e.pid] as const);
      proc.send(tuple(NAME_SERVER, m.node), encodePeer({ type: 'sync', node: proc.nodeName, entries }));
      return replica.nodeUp(proc, m.node);
    }
    case 'sync':
      for (const [name, pid] of m.entries) replica.merge(proc, name, pid);
      return;
    case 'conflict':
      if (m.winner.node === proc.nodeName) replica.conflict(proc, m.name, m.loser);
      return;
    case 'nodedown':
      replica.nodeDown(proc, m.node);
      registrar.nodeDown(proc, m.node);
      return guard.nodeDown(proc, m.node);
    case 'no_sync':
      // A write waiting for its vote or ack goes on without it (SyncScope).
      return registrar.nodeDown(proc, m.node);
    case 'partition':
      return guard.handle(proc, m.message);
    case 'down':
      return replica.down(m.ref, m.pid);
  }
}
