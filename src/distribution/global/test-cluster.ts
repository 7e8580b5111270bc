/**
 * Test-only stand-in for the distribution layer: several nodes on one simulated clock, a router
 * per node that queues every remote signal and delivers it to the other node's RemoteInbox
 * while the pair is connected, and a ClusterView per node that the test drives by hand
 * (connect, disconnect, a link that silently loses everything). Each node runs a global name
 * server whose log lines and pid numbering are the node's own (a NodeTable per node).
 */
import { SeededRandom, SimulatedClock } from '../../core/ports.ts';
import { Cons, Pid, Tuple, atom } from '../../core/term/types.ts';
import type { Atom, Term } from '../../core/term/types.ts';
import { inspect } from '../../core/term/inspect.ts';
import { createNode } from '../../core/runtime/node.ts';
import type { Node } from '../../core/runtime/node.ts';
import type { RemoteInbox, RemoteRouter } from '../../core/runtime/remote.ts';
import { generatorBody, receive } from '../../core/runtime/bodies.ts';
import { NodeTable } from '../node-table.ts';
import { startGlobal } from './server.ts';
import type { GlobalServer } from './server.ts';
import type { ClusterView } from './options.ts';
import { globalCall } from './client.ts';
import type { CallOp } from './protocol.ts';

const NOCONNECTION = atom('noconnection');
const NONODE = atom('nonode@nohost');

export interface TestNode {
  readonly node: Node;
  readonly global: GlobalServer;
  readonly table: NodeTable;
  /** `[level] text` for each log line global wrote on this node. */
  readonly logs: string[];
  readonly show: (t: Term) => string;
}

type Listener = (node: Atom) => void;

export class TestCluster {
  readonly clock = new SimulatedClock();
  readonly nodes = new Map<Atom, TestNode>();
  private readonly links = new Set<string>();
  private readonly lossy = new Set<string>();
  private readonly queue: (() => void)[] = [];
  private readonly ups = new Map<Atom, Listener[]>();
  private readonly downs = new Map<Atom, Listener[]>();
  /** Every send to a registered name on another node, as it left (what global says on the wire). */
  readonly wire: { readonly from: Atom; readonly to: Atom; readonly name: Atom; readonly msg: Term }[] = [];
  /** `seed` seeds each node's random source (seed, seed + 1, ...): the back-off after a lost race. */
  constructor(private seed = 1) {}

  /**
   * A node that will be `name`. With `unnamed`, it starts as `nonode@nohost` (global already
   * running) and the test names it with `node.setName` before connecting it, as a tab does.
   */
  add(name: string, o: { unnamed?: boolean } = {}): TestNode {
    const me = atom(name);
    const seed = this.seed++;
    const node = createNode({ clock: this.clock, random: new SeededRandom(seed), stdout: () => {}, ...(o.unnamed === true ? {} : { name: me, creation: seed }) });
    node.setRemoteRouter(this.router(me));
    const table = new NodeTable(me);
    const logs: string[] = [];
    const show = (t: Term) => inspect(t, { nodeNumber: table.nodeNumber });
    const view: ClusterView = {
      nodes: () => this.peers(me),
      onNodeUp: (cb) => void this.listeners(this.ups, me).push(cb),
      onNodeDown: (cb) => void this.listeners(this.downs, me).push(cb),
    };
    const global = startGlobal(node, view, { log: (level, text) => logs.push(`[${level}] ${text}`), inspect: show });
    const t: TestNode = { node, global, table, logs, show };
    this.nodes.set(me, t);
    return t;
  }

  get(name: string): TestNode {
    const t = this.nodes.get(atom(name));
    if (t === undefined) throw new Error(`no node ${name}`);
    return t;
  }

  /** Connects two nodes: both see nodeup (and number each other, as the node table does on connect). */
  connect(a: string, b: string): void {
    const [x, y] = [this.get(a), this.get(b)];
    if (this.links.has(key(x.node.name, y.node.name))) return;
    this.links.add(key(x.node.name, y.node.name));
    x.table.meet(y.node.name);
    y.table.meet(x.node.name);
    for (const cb of this.listeners(this.ups, x.node.name)) cb(y.node.name);
    for (const cb of this.listeners(this.ups, y.node.name)) cb(x.node.name);
  }

  /** Connects every pair of the given nodes. */
  mesh(...names: string[]): void {
    for (let i = 0; i < names.length; i++) for (let j = i + 1; j < names.length; j++) this.connect(names[i] as string, names[j] as string);
  }

  /** The link goes down: whatever is in flight is lost, both sides see nodedown. */
  disconnect(a: string, b: string): void {
    const [x, y] = [this.get(a), this.get(b)];
    const k = key(x.node.name, y.node.name);
    if (!this.links.delete(k)) return;
    this.lossy.delete(k);
    for (const [self, other] of [[x, y], [y, x]] as const) {
      self.node.remote.nodeDown(other.node.name);
      for (const cb of this.listeners(this.downs, self.node.name)) cb(other.node.name);
    }
  }

  /** The link stays "up" but delivers nothing (a peer that stopped answering) until disconnect. */
  silence(a: string, b: string): void {
    this.lossy.add(key(this.get(a).node.name, this.get(b).node.name));
  }

  /** Runs every node and delivers queued signals until nothing moves. */
  pump(): void {
    for (let i = 0; i < 100_000; i++) {
      for (const t of this.nodes.values()) t.node.runUntilIdle();
      if (this.queue.length === 0 && ![...this.nodes.values()].some((t) => t.node.hasWork())) return;
      const batch = this.queue.splice(0);
      for (const f of batch) f();
    }
    throw new Error('pump: still busy');
  }

  /** Moves the clock `ms` forward, timer by timer, pumping at each step. */
  advance(ms: number): void {
    const end = this.clock.now() + ms;
    this.pump();
    for (;;) {
      let next = Infinity;
      for (const t of this.nodes.values()) next = Math.min(next, t.node.nextTimerAt() ?? Infinity);
      if (next > end) break;
      if (next > this.clock.now()) this.clock.set(next);
      this.pump();
    }
    this.clock.set(end);
    this.pump();
  }

  /**
   * Lets the cluster run for `ms` of simulated time: global's connect protocol waits for its
   * locker's timer (200 ms, then 1-3 s) and a write that lost a race sleeps before retrying.
   */
  settle(ms = 30_000): void {
    this.advance(ms);
  }

  /** Runs a `:global` write from a fresh process on `on`; `result` is set when the reply comes. */
  call(on: string, op: CallOp, args: Term[]): { result: Term | undefined } {
    const box: { result: Term | undefined } = { result: undefined };
    this.get(on).node.spawn(generatorBody(function* (proc) {
      box.result = yield* globalCall(proc, op, args);
    }));
    return box;
  }

  /** A process that waits forever (something to give names to). */
  idle(on: string): Pid {
    return this.get(on).node.spawn(generatorBody(function* () {
      for (;;) yield receive();
    }));
  }

  private peers(me: Atom): Atom[] {
    const out: Atom[] = [];
    for (const other of this.nodes.keys()) if (other !== me && this.links.has(key(me, other))) out.push(other);
    return out;
  }

  private listeners(m: Map<Atom, Listener[]>, n: Atom): Listener[] {
    let l = m.get(n);
    if (l === undefined) m.set(n, (l = []));
    return l;
  }

  /** Queues `f` for delivery at `to` if the link is up now and still up (and not silent) then. */
  private route(from: Atom, to: Atom, f: (inbox: RemoteInbox) => void, refused?: () => void): void {
    const k = key(from, to);
    if (!this.links.has(k)) {
      if (refused !== undefined) this.queue.push(refused);
      return;
    }
    this.queue.push(() => {
      const target = this.nodes.get(to);
      if (target !== undefined && this.links.has(k) && !this.lossy.has(k)) f(target.node.remote);
    });
  }

  private router(me: Atom): RemoteRouter {
    const inboxOf = (n: Atom) => this.nodes.get(n)?.node.remote;
    // As the wire does: pids made before the node had its name leave under its name.
    const w = <T extends Term>(t: T): T => onWire(t, this.nodes.get(me)?.node);
    return {
      send: (_f, to, m) => this.route(me, to.node, (i) => i.deliverSend(to, w(m))),
      sendNamed: (_f, node, name, m) => {
        this.wire.push({ from: me, to: node, name, msg: w(m) });
        this.route(me, node, (i) => i.deliverNamedSend(name, w(m)));
      },
      link: (from, to) => this.route(me, to.node, (i) => i.deliverLink(w(from), to)),
      unlink: (from, to) => this.route(me, to.node, (i) => i.deliverUnlink(w(from), to)),
      exit: (from, to, reason, viaLink) => this.route(me, to.node, (i) => i.deliverExit(w(from), to, w(reason), viaLink)),
      monitor: (watcher, target, node, ref) =>
        this.route(me, node, (i) => i.deliverMonitor(w(watcher), target, ref), () => inboxOf(me)?.deliverMonitorDown(watcher, ref, NOCONNECTION, node)),
      demonitor: (watcher, target, node, ref) => this.route(me, node, (i) => i.deliverDemonitor(w(watcher), target, ref)),
      monitorDown: (target, watcher, ref, reason) => this.route(me, watcher.node, (i) => i.deliverMonitorDown(watcher, ref, w(reason), me)),
    };
  }
}

/** `t` with every `nonode@nohost` pid of `node` (made before it was named) under its name now. */
function onWire<T extends Term>(t: T, node: Node | undefined): T {
  if (node === undefined || node.name === NONODE) return t;
  const fix = (x: Term): Term => {
    if (x instanceof Pid) return x.node === NONODE && x.creation === 0 ? new Pid(node.name, x.id, x.serial, node.creation) : x;
    if (x instanceof Tuple) return new Tuple(x.elements.map(fix));
    if (x instanceof Cons) return new Cons(fix(x.head), fix(x.tail));
    return x;
  };
  return fix(t) as T;
}

function key(a: Atom, b: Atom): string {
  return a.name < b.name ? `${a.name}|${b.name}` : `${b.name}|${a.name}`;
}
