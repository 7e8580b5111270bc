/**
 * The global name server: a built-in process registered locally as `:global_name_server` on
 * every node, holding that node's replica of the cluster's names. It speaks OTP 25's global
 * protocol (global.erl, version 8) with every peer, tab or BEAM node: gen_server calls for locks
 * and writes (`{:set_lock, id}`, `{:register, …}`, …), casts for the connect protocol
 * (connect.ts). It is one `loopBody` and plays global's three processes (server, registrar,
 * locker) in one: every message is handled in arrival order and nothing blocks, so a write
 * waiting for other nodes never stops the server answering theirs.
 *
 * Reads need no process: `whereis` and `registeredNames` read the replica directly (global's
 * whereis_name is an ets lookup in the caller too).
 */
import { Pid, atom, list, tuple } from '../../core/term/types.ts';
import { mapKey } from '../../core/term/hash.ts';
import type { Atom, Term } from '../../core/term/types.ts';
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
import type { ClusterView, GlobalEnv, GlobalOptions } from './options.ts';
import { LockTable } from './locks.ts';
import { MultiCalls } from './multi-call.ts';
import { Connector } from './connect.ts';
import { canonicalMethod, isResolveMethod } from './resolve.ts';
import type { ResolveEnv } from './resolve.ts';
import { GLOBAL_VSN } from './otp-messages.ts';
import type { CallRequest, OtpMessage } from './otp-messages.ts';

const BADARG = atom('badarg');
const NONODE = atom('nonode@nohost');
const YES = atom('yes');
const OK = atom('ok');
const TRUE = atom('true');

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

/** Everything the server holds, one instance per node. */
interface Parts {
  readonly replica: Replica;
  readonly registrar: Registrar;
  readonly guard: PartitionGuard;
  readonly locks: LockTable;
  readonly calls: MultiCalls;
  readonly connector: Connector;
  /** Callers of `:global.sync/0` waiting for every connected node to be known. */
  syncers: { readonly from: Pid; readonly ref: Term }[];
}

/** Spawns and registers the name server of `node`, fed by `cluster`. */
export function startGlobal(node: Node, cluster: ClusterView, options: GlobalOptions = {}): GlobalServer {
  const isLocal = (p: Pid): boolean => (p.node === node.name && p.creation === node.creation) || (p.node === NONODE && p.creation === 0);
  const pidKey = (p: Pid): unknown => (isLocal(p) ? `local|${p.id}|${p.serial}` : mapKey(p));
  const env = globalEnv({ pidKey, isLocal }, options);
  const replica = new Replica(env, cluster);
  const locks = new LockTable();
  const calls = new MultiCalls((n) => cluster.nodes().includes(n));
  const onWire = (p: Pid): Pid => (p.node === NONODE && p.creation === 0 && node.name !== NONODE ? new Pid(node.name, p.id, p.serial, node.creation) : p);
  const connector = new Connector(cluster, replica, locks, calls, (proc) => resolveEnv(proc, env, replica), onWire);
  const parts: Parts = {
    replica,
    locks,
    calls,
    connector,
    syncers: [],
    registrar: new Registrar(replica, () => connector.knownNodes(), calls, env),
    guard: new PartitionGuard(cluster, env, () => node.creation),
  };
  const handle = (msg: Term, state: null, proc: ProcessApi): null => {
    const m = parseServerMessage(msg);
    if (m !== null) dispatch(m, proc, parts);
    if (parts.syncers.length > 0 && parts.connector.synced()) {
      for (const s of parts.syncers.splice(0)) proc.send(s.from, replyMessage(s.ref, OK));
    }
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
    pendingWrites: () => parts.registrar.pending,
    detach: () => {
      for (const u of unsubs) if (typeof u === 'function') u();
    },
  };
}

function resolveEnv(proc: ProcessApi, env: GlobalEnv, replica: Replica): ResolveEnv {
  return {
    me: proc.nodeName,
    nodeOf: (p) => (env.isLocal(p) ? proc.nodeName : p.node),
    lookup: (name) => {
      const pid = replica.table.whereis(name);
      return pid === undefined ? undefined : { pid, method: replica.methodOf(name) };
    },
    samePid: (a, b) => env.pidKey(a) === env.pidKey(b),
    terminate: (name, loser) => replica.conflict(proc, name, loser),
  };
}

function dispatch(m: ServerMessage, proc: ProcessApi, p: Parts): void {
  switch (m.type) {
    case 'call': {
      if (m.op === 'sync') {
        if (m.args.length !== 0) return void proc.send(m.from, replyMessage(m.ref, BADARG));
        return void p.syncers.push({ from: m.from, ref: m.ref });
      }
      const [name, pid, method] = m.args;
      const wantsPid = m.op !== 'unregister_name';
      const arity = m.args.length;
      const ok = name !== undefined && (wantsPid ? arity === 2 || (arity === 3 && isResolveMethod(method)) : arity === 1) && (!wantsPid || (typeof pid === 'object' && pid.kind === 'pid'));
      if (!ok) return void proc.send(m.from, replyMessage(m.ref, BADARG));
      return p.registrar.call(proc, m.from, m.ref, m.op, name, wantsPid ? (pid as Pid) : null, canonicalMethod(method));
    }
    case 'otp':
      return otp(m.message, proc, p);
    case 'retry':
      return p.registrar.retry(proc, m.tx);
    case 'locker_tick':
      return p.connector.tick(proc);
    case 'nodeup':
      p.replica.nodeUp(proc, m.node);
      return p.connector.nodeUp(proc, m.node);
    case 'nodedown':
      p.connector.nodeDown(proc, m.node);
      p.replica.nodeDown(proc, m.node);
      p.calls.nodeDown(m.node);
      return p.guard.nodeDown(proc, m.node);
    case 'partition':
      return p.guard.handle(proc, m.message);
    case 'down':
      if (!p.locks.down(m.ref, m.pid)) p.replica.down(m.ref, m.pid);
      return;
  }
}

function otp(m: OtpMessage, proc: ProcessApi, p: Parts): void {
  const c = p.connector;
  switch (m.type) {
    case 'gen_call':
      return void proc.send(m.from, tuple(m.tag, answer(m.req, m.from, proc, p)));
    case 'call_reply':
      return p.calls.reply(m.ref, m.node, m.reply);
    case 'init_connect':
      return c.initConnect(proc, m);
    case 'init_connect_ack':
      return c.initConnectAck(proc, m.node, m.myTag, m.hisTag);
    case 'cancel_connect':
      return c.cancelConnect(proc, m.node, m.tag);
    case 'lock_set':
      return c.lockSet(proc, m);
    case 'exchange':
      return c.exchange(proc, m.node, m.names, m.tag);
    case 'resolved':
      return c.resolved(proc, m.node, m.ops, m.known, m.tag);
    case 'new_nodes':
      return c.newNodes(proc, m.ops, m.nodes);
    case 'in_sync':
      return c.inSync(proc, m.node);
  }
}

/** global's handle_call for the requests peers (and our own registrar) make. */
function answer(req: CallRequest, from: Pid, proc: ProcessApi, p: Parts): Term {
  switch (req.type) {
    case 'set_lock':
      return p.locks.set(proc, req.id.elements[0] as Term, req.id.elements[1] as Term, from) ? TRUE : atom('false');
    case 'del_lock':
      p.locks.del(proc, req.id.elements[0] as Term, req.id.elements[1] as Term, from);
      return TRUE;
    case 'register':
      p.replica.insert(proc, req.name, req.pid, req.method);
      return YES;
    case 'unregister':
      p.replica.remove(proc, req.name);
      return OK;
    case 'get_known':
      return list(p.connector.knownNodes());
    case 'get_synced':
      return list(p.connector.knownNodes());
    case 'get_protocol_version':
      return GLOBAL_VSN;
  }
}
