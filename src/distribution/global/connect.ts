/**
 * What global.erl does when a node comes up (its "connect" protocol, version 8), for tabs and
 * BEAM nodes alike. Per peer N, with a tag each side picks for the session:
 *   nodeup        → cast {init_connect, {8, my_tag}, me, {locker, :no_longer_a_pid, known, locker}}
 *   init_connect  → his tag and locker noted; {init_connect_ack, me, his_tag, my_tag} back
 *   the lockers   → each partition is locked with `{:global, sort([locker_a, locker_b])}`: the
 *                   side whose timer fires first locks the boss, both nodes and its known nodes
 *                   and casts {lock_set, locker, true, known, his_tag}; the other locks its own
 *                   partition and answers the same way (false: the first gives up and retries)
 *   lock set      → cast {exchange, me, [{name, pid, method}], [], his_tag}
 *   exchange      → clashes resolved (resolve.ts); cast {resolved, me, ops_for_him, known, :unused, [], his_tag}
 *   both resolved → ops applied, {new_nodes, …} to the nodes we knew, {in_sync, me, true} to
 *                   the nodes he knew, the lock deleted, N known (writes now include it).
 * Our locker is the name server itself (it never blocks: every multi_call is a message), so the
 * pid in init_connect is the server's. A session with a stale tag is cancelled and restarted
 * (`cancel_connect`), as global does.
 */
import { atom, list, tuple } from '../../core/term/types.ts';
import { mapFromPairs } from '../../core/term/map.ts';
import type { Atom, Pid, Term, Tuple } from '../../core/term/types.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import { compare } from '../../core/term/order.ts';
import { NAME_SERVER } from './names.ts';
import type { MultiCalls } from './multi-call.ts';
import type { LockTable } from './locks.ts';
import type { Replica } from './replica.ts';
import type { ClusterView } from './options.ts';
import { deleteGlobalLock, setLockSteps, theBoss, without } from './lock-steps.ts';
import { GLOBAL_VSN, bool, encodeNames, encodeOps, genCast, same } from './otp-messages.ts';
import type { NameInfo, Op, OtpMessage } from './otp-messages.ts';
import { exchangeNames } from './resolve.ts';
import type { ResolveEnv } from './resolve.ts';
import { encodePeer } from './protocol.ts';

const GLOBAL_RID = atom('global');

const UNUSED = atom('unused');

interface Session {
  readonly myTag: number;
  his?: { readonly tag: Term; readonly vsn: number; readonly locker: Pid };
  /** `{wait_lock, N}`: our lock is set, or his names came first. */
  waitLock?: 'lock_is_set' | { readonly names: readonly NameInfo[] } | undefined;
  /** `{save_ops, N}`: our ops, or his `resolved` that came first. */
  saveOps?: { readonly mine: readonly Op[] } | { readonly his: readonly Op[]; readonly known: readonly Atom[] };
  lockId?: Tuple;
}

/** What the locker is doing: one lock at a time, as global's `the_locker`. */
type LockerState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'locking'; readonly node: Atom }
  | { readonly kind: 'awaiting'; readonly node: Atom; readonly myTag: number; readonly lockId: Tuple; readonly nodes: Atom[] }
  | { readonly kind: 'holding'; readonly node: Atom; readonly myTag: number; readonly lockId: Tuple; readonly nodes: Atom[] };

type LockSet = Extract<OtpMessage, { type: 'lock_set' }>;

export class Connector {
  /** global's `known`: synced nodes and their protocol version. */
  readonly known = new Map<Atom, number>();
  private readonly pending = new Map<Atom, number>();
  private readonly sessions = new Map<Atom, Session>();
  private readonly preConnect = new Map<Atom, Extract<OtpMessage, { type: 'init_connect' }>>();
  private locker: LockerState = { kind: 'idle' };
  /** lock_set messages that came while the locker was busy (global's locker queues them too). */
  private deferred: LockSet[] = [];
  private tickArmed = false;
  private tagSeq = 0;

  constructor(
    private readonly cluster: ClusterView,
    private readonly replica: Replica,
    private readonly locks: LockTable,
    private readonly calls: MultiCalls,
    private readonly resolveEnv: (proc: ProcessApi) => ResolveEnv,
    /** Our pid as peers see it (a pid made before the tab had its name goes out under the name). */
    private readonly onWire: (pid: Pid) => Pid,
  ) {}

  knownNodes(): Atom[] {
    return [...this.known.keys()];
  }

  /** `:global.sync/0` may answer: every connected node is known (or this node syncs with none). */
  synced(): boolean {
    return this.cluster.syncs?.() === false || this.cluster.nodes().every((n) => this.known.has(n));
  }

  // --- the server's side ---

  nodeUp(proc: ProcessApi, node: Atom): void {
    if (this.cluster.syncs?.() === false) return; // connect_all false: global ignores nodeup
    if (this.known.has(node) || this.sessions.has(node)) return;
    const myTag = ++this.tagSeq;
    this.sessions.set(node, { myTag });
    const knownMap = mapFromPairs([...this.known].map(([n, v]) => [n, v] as const));
    const locker = tuple(atom('locker'), atom('no_longer_a_pid'), knownMap, proc.self);
    this.cast(proc, node, tuple(atom('init_connect'), tuple(GLOBAL_VSN, myTag), proc.nodeName, locker));
    const early = this.preConnect.get(node);
    this.preConnect.delete(node);
    if (early !== undefined) this.initConnect(proc, early);
  }

  initConnect(proc: ProcessApi, m: Extract<OtpMessage, { type: 'init_connect' }>): void {
    if (!this.cluster.nodes().includes(m.node) || m.node === proc.nodeName) return; // forged or stale
    if (this.pending.has(m.node)) {
      // A second attempt while one is going on: cancel both and start over.
      this.send(proc, m.node, tuple(atom('cancel_connect'), proc.nodeName, m.tag));
      return this.restart(proc, m.node);
    }
    const s = this.sessions.get(m.node);
    if (s === undefined) return void this.preConnect.set(m.node, m); // before our nodeup
    s.his = { tag: m.tag, vsn: Math.min(m.vsn, GLOBAL_VSN), locker: m.locker };
    this.send(proc, m.node, tuple(atom('init_connect_ack'), proc.nodeName, m.tag, s.myTag));
    this.pending.set(m.node, m.vsn);
    this.armTick(proc);
  }

  /** `{init_connect_ack, node, my_tag, his_tag}` as he saw them: both sides agree on the session, or it starts over. */
  initConnectAck(proc: ProcessApi, node: Atom, hisMyTag: Term, hisHisTag: Term): void {
    const s = this.sessions.get(node);
    if (s === undefined) return;
    if (same(hisMyTag, s.myTag) && same(hisHisTag, s.his?.tag)) return;
    this.send(proc, node, tuple(atom('cancel_connect'), proc.nodeName, hisHisTag));
    this.restart(proc, node);
  }

  cancelConnect(proc: ProcessApi, node: Atom, tag: Term): void {
    if (same(this.sessions.get(node)?.myTag, tag)) this.restart(proc, node);
  }

  exchange(proc: ProcessApi, node: Atom, names: readonly NameInfo[], tag: Term): void {
    const s = this.session(proc, node, tag);
    if (s === undefined) return;
    if (s.waitLock !== 'lock_is_set') return void (s.waitLock = { names });
    s.waitLock = undefined;
    this.resolve(proc, node, s, names);
  }

  resolved(proc: ProcessApi, node: Atom, ops: readonly Op[], known: readonly Atom[], tag: Term): void {
    const s = this.session(proc, node, tag);
    if (s === undefined) return;
    if (s.saveOps !== undefined && 'mine' in s.saveOps) return this.finish(proc, node, s, s.saveOps.mine, ops, known);
    s.saveOps = { his: ops, known };
  }

  newNodes(proc: ProcessApi, ops: readonly Op[], nodes: readonly Atom[]): void {
    const added = this.addToKnown(proc, nodes);
    this.syncOthers(proc, added);
    this.doOps(proc, ops);
  }

  inSync(proc: ProcessApi, node: Atom): void {
    if (!this.cluster.nodes().includes(node)) return;
    this.pending.delete(node);
    this.known.set(node, this.known.get(node) ?? GLOBAL_VSN);
    this.cancelLocker(proc, node);
    this.sessions.delete(node);
  }

  nodeDown(proc: ProcessApi, node: Atom): void {
    this.cancelLocker(proc, node);
    this.sessions.delete(node);
    this.preConnect.delete(node);
    this.pending.delete(node);
    this.known.delete(node);
  }

  /** Our side of a session is stale or the peer cancelled it: drop it and start again if still up. */
  private restart(proc: ProcessApi, node: Atom): void {
    this.cancelLocker(proc, node);
    this.sessions.delete(node);
    this.pending.delete(node);
    if (this.cluster.nodes().includes(node)) this.nodeUp(proc, node);
  }

  /** The session for `node` if `tag` is its tag; a stale tag cancels it (global's cancel_locker). */
  private session(proc: ProcessApi, node: Atom, tag: Term): Session | undefined {
    const s = this.sessions.get(node);
    if (s !== undefined && same(s.myTag, tag)) return s;
    if (s !== undefined) this.restart(proc, node);
    return undefined;
  }

  /** Lock set on both sides (the locker tells the server): our names go to him. */
  private lockIsSet(proc: ProcessApi, node: Atom, lockId: Tuple): void {
    const s = this.sessions.get(node);
    if (s?.his === undefined) return;
    s.lockId = lockId;
    this.cast(proc, node, tuple(atom('exchange'), proc.nodeName, encodeNames(this.names()), list([]), s.his.tag));
    const early = s.waitLock;
    s.waitLock = 'lock_is_set';
    if (early !== undefined && early !== 'lock_is_set') this.exchange(proc, node, early.names, s.myTag);
  }

  private resolve(proc: ProcessApi, node: Atom, s: Session, names: readonly NameInfo[]): void {
    const { ops, resolved } = exchangeNames(proc, this.resolveEnv(proc), names, node);
    this.cast(proc, node, tuple(atom('resolved'), proc.nodeName, encodeOps(resolved), this.knownList(), UNUSED, list([]), s.his?.tag ?? 0));
    if (s.saveOps !== undefined && 'his' in s.saveOps) return this.finish(proc, node, s, ops, s.saveOps.his, s.saveOps.known);
    s.saveOps = { mine: ops };
  }

  /** global's `resolved/5`. */
  private finish(proc: ProcessApi, node: Atom, s: Session, mine: readonly Op[], his: readonly Op[], hisKnown: readonly Atom[]): void {
    const ops = [...mine, ...his];
    const others = hisKnown.filter((n) => n !== proc.nodeName);
    this.syncOthers(proc, others);
    this.doOps(proc, ops);
    for (const n of others) if (n !== node && this.sessions.has(n)) this.restartQuietly(proc, n);
    const newNodes = [node, ...others];
    const extra = list([tuple(atom('vsn'), s.his?.vsn ?? GLOBAL_VSN), tuple(atom('lock'), s.lockId ?? atom('undefined'))]);
    const nodesTerm = list(newNodes.map((n) => tuple(n, n === node ? (s.his?.vsn ?? GLOBAL_VSN) : GLOBAL_VSN)));
    const msg = tuple(atom('new_nodes'), proc.nodeName, encodeOps(ops), list([]), nodesTerm, extra);
    // The nodes we knew before hear of his partition before the lock goes (global's NewNodesF).
    for (const n of this.known.keys()) this.cast(proc, n, msg);
    this.pending.delete(node);
    this.cancelLocker(proc, node);
    this.sessions.delete(node);
    this.addToKnown(proc, newNodes);
  }

  /** Another session ends because its node is now known through this one (cancel_resolved_locker). */
  private restartQuietly(proc: ProcessApi, node: Atom): void {
    this.pending.delete(node);
    this.cancelLocker(proc, node);
    this.sessions.delete(node);
  }

  /**
   * Nodes become known. global's sync_other connects to each first (and drops it with an
   * extra_nodedown when it cannot); a node not connected to us here stays unknown, and syncs
   * the usual way when the mesh brings it up.
   */
  private addToKnown(proc: ProcessApi, nodes: readonly Atom[]): Atom[] {
    const added: Atom[] = [];
    const up = this.cluster.nodes();
    for (const n of nodes) {
      if (n === proc.nodeName || this.known.has(n) || !up.includes(n)) continue;
      this.known.set(n, GLOBAL_VSN);
      added.push(n);
    }
    return added;
  }

  /** `sync_others`: tell each connected node we are in sync with it (see addToKnown). */
  private syncOthers(proc: ProcessApi, nodes: readonly Atom[]): void {
    const up = this.cluster.nodes();
    for (const n of nodes) if (n !== proc.nodeName && up.includes(n)) this.cast(proc, n, tuple(atom('in_sync'), proc.nodeName, atom('true')));
  }

  private doOps(proc: ProcessApi, ops: readonly Op[]): void {
    for (const o of ops) {
      if (o.type === 'delete') this.replica.remove(proc, o.name);
      else this.replica.insert(proc, o.name, o.pid, o.method);
    }
  }

  private names(): NameInfo[] {
    return this.replica.table.entries().map((e) => ({ name: e.name, pid: e.pid, method: this.replica.methodOf(e.name) }));
  }

  private knownList(): Term {
    return list([...this.known].map(([n, v]) => tuple(n, v)));
  }

  // --- the locker ---

  private armTick(proc: ProcessApi): void {
    if (this.tickArmed) return;
    this.tickArmed = true;
    const n = this.known.size;
    proc.sendAfter(proc.self, encodePeer({ type: 'locker_tick' }), n === 0 ? 200 : Math.min(1000 + 100 * n, 3000));
  }

  /** The locker's timer: try to lock for one waiting peer (global's select_node). */
  tick(proc: ProcessApi): void {
    this.tickArmed = false;
    const waiting = [...this.sessions].filter(([n, s]) => s.his !== undefined && !this.known.has(n));
    if (waiting.length === 0) return;
    if (this.locker.kind !== 'idle' || this.locks.isSet(GLOBAL_RID)) return this.armTick(proc);
    const [node, s] = waiting[Math.floor(proc.random() * waiting.length)] as [Atom, Session];
    const his = s.his as NonNullable<Session['his']>;
    const lockId = this.lockId(proc, his.locker);
    this.locker = { kind: 'locking', node };
    this.lockPartition(proc, lockId, [node], (ok) => {
      if (this.abandoned(proc, node, ok, lockId, [node])) return;
      if (!ok) {
        this.locker = { kind: 'idle' };
        this.armTick(proc);
        return this.replayDeferred(proc);
      }
      this.sendLockSet(proc, node, true, his.tag);
      this.locker = { kind: 'awaiting', node, myTag: s.myTag, lockId, nodes: [proc.nodeName, node, ...this.known.keys()] };
      this.armTick(proc);
      this.replayDeferred(proc); // his lock_set may have come while we were locking
    });
  }

  lockSet(proc: ProcessApi, m: LockSet): void {
    const node = m.locker.node;
    const st = this.locker;
    if (st.kind === 'awaiting' && st.node === node) {
      if (m.tag !== undefined && !same(m.tag, st.myTag)) return; // an old session's answer
      if (!m.isSet) {
        this.locker = { kind: 'idle' };
        deleteGlobalLock(proc, this.calls, st.lockId, st.nodes);
        return this.replayDeferred(proc);
      }
      this.locker = { kind: 'holding', node, myTag: st.myTag, lockId: st.lockId, nodes: st.nodes };
      return this.lockIsSet(proc, node, st.lockId);
    }
    if (!m.isSet) return; // spurious
    if (st.kind !== 'idle') {
      // One waiting lock_set per connected node (the latest): a flood cannot grow the queue.
      if (!this.cluster.nodes().includes(node)) return;
      this.deferred = [...this.deferred.filter((d) => d.locker.node !== node), m];
      return;
    }
    const s = this.sessions.get(node);
    if (s?.his === undefined || (m.tag !== undefined && !same(m.tag, s.myTag)) || this.known.has(node)) {
      return this.cast(proc, node, tuple(atom('lock_set'), proc.self, atom('false'), list([...this.known.keys()]), 0));
    }
    // He locked his side: lock ours (global's spontaneous lock_set).
    const his = s.his;
    const lockId = this.lockId(proc, m.locker);
    this.locker = { kind: 'locking', node };
    this.lockPartition(proc, lockId, [], (ok) => {
      if (this.abandoned(proc, node, ok, lockId, [])) return;
      this.sendLockSet(proc, node, ok, his.tag);
      if (!ok) {
        this.locker = { kind: 'idle' };
        return this.replayDeferred(proc);
      }
      this.locker = { kind: 'holding', node, myTag: s.myTag, lockId, nodes: [proc.nodeName, ...this.known.keys()] };
      this.lockIsSet(proc, node, lockId);
    });
  }

  /** Ends whatever the locker does for `node` (global's `{cancel, Node, Tag, Fun}`), deleting its lock. */
  private cancelLocker(proc: ProcessApi, node: Atom): void {
    const st = this.locker;
    if (st.kind === 'idle' || st.node !== node) return;
    this.locker = { kind: 'idle' };
    if (st.kind !== 'locking') deleteGlobalLock(proc, this.calls, st.lockId, st.nodes);
    this.replayDeferred(proc);
    this.armTick(proc);
  }

  /** The session was cancelled while we were locking (a nodedown, a cancel): undo what got set. */
  private abandoned(proc: ProcessApi, node: Atom, ok: boolean, lockId: Tuple, extra: Atom[]): boolean {
    if (this.locker.kind === 'locking' && this.locker.node === node) return false;
    if (ok) deleteGlobalLock(proc, this.calls, lockId, [proc.nodeName, ...extra, ...this.known.keys()]);
    return true;
  }

  private replayDeferred(proc: ProcessApi): void {
    const queued = this.deferred;
    this.deferred = [];
    for (const m of queued) this.lockSet(proc, m);
  }

  /** `lock_nodes_safely`: the boss, then us (and `extra`), then every known node. */
  private lockPartition(proc: ProcessApi, lockId: Tuple, extra: Atom[], done: (ok: boolean) => void): void {
    const me = proc.nodeName;
    const boss = theBoss([me, ...this.known.keys()]);
    if (boss !== me && !this.locks.canSet(GLOBAL_RID, lockId.elements[1] as Term)) return done(false);
    const second = without([me, ...extra], [boss]);
    const rest = without([...this.known.keys()], [boss]);
    setLockSteps(proc, this.calls, lockId, [[boss], second, rest], done);
  }

  private lockId(proc: ProcessApi, hisLocker: Pid): Tuple {
    const self = this.onWire(proc.self);
    // Both lockers must build the same `{:global, sort([a, b])}`: term order is BEAM's.
    const pair = compare(self, hisLocker) <= 0 ? [self, hisLocker] : [hisLocker, self];
    return tuple(GLOBAL_RID, list(pair));
  }

  private sendLockSet(proc: ProcessApi, node: Atom, isSet: boolean, hisTag: Term): void {
    this.cast(proc, node, tuple(atom('lock_set'), proc.self, bool(isSet), list([...this.known.keys()]), hisTag));
  }

  private cast(proc: ProcessApi, node: Atom, m: Term): void {
    proc.send(tuple(NAME_SERVER, node), genCast(m));
  }

  private send(proc: ProcessApi, node: Atom, m: Term): void {
    proc.send(tuple(NAME_SERVER, node), m);
  }
}
