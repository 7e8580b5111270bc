/**
 * `attachDistribution(node, options)`: makes a node part of a cluster. It listens on the
 * transport under the node's name, installs the node's RemoteRouter (every remote signal becomes
 * a control message on the right connection, connecting implicitly and queueing while the
 * handshake runs), feeds what peers send into the node's RemoteInbox, starts the `net_kernel`
 * process (flushing, ticks, setup timeouts, the transitive mesh) and offers the API the `Node`
 * module's built-ins call. A node without a name (`nonode@nohost`) is not alive: it gets no
 * router, so remote signals behave as on a non-distributed BEAM node.
 */
import { Tuple, atom } from '../core/term/types.ts';
import type { Atom, Pid, Term } from '../core/term/types.ts';
import type { Node } from '../core/runtime/node.ts';
import type { Busy } from '../core/runtime/remote.ts';
import { inspectAtom } from '../core/term/atom-format.ts';
import { DFLAG, PLAYGROUND_FLAGS } from './handshake/flags.ts';
import { TICK_INTERVAL_MS } from './connection.ts';
import { NodeTable } from './node-table.ts';
import { NodeMonitors } from './node-monitors.ts';
import { Peers } from './peers.ts';
import type { LinkDriver } from './link-driver.ts';
import { createRouter } from './router.ts';
import { dispatch } from './dispatch.ts';
import { tellSenders } from './beam-senders.ts';
import { FLUSH, NET_KERNEL, YES, isAuthCall, kernelBody, meshMessage, meshNodes } from './kernel.ts';
import { RemoteSpawner } from './remote-spawn.ts';
import { DEFAULT_RATE_LIMIT, FailureLimiter } from './rate-limit.ts';
import type { ConnectNow, DistEvent, Distribution, DistributionOptions, ListType } from './dist-types.ts';

const NONODE = atom('nonode@nohost');
const NOCOOKIE = atom('nocookie');

export function attachDistribution(node: Node, o: DistributionOptions): Distribution {
  const self = node.name;
  const alive = self !== NONODE;
  const table = new NodeTable(self);
  /** Peers whose connection is hidden (either side started hidden: DFLAG_PUBLISHED unset). */
  const hiddenPeers = new Set<Atom>();
  const listeners = new Set<(e: DistEvent) => void>();
  const emit = (e: DistEvent): void => {
    for (const l of listeners) l(e);
  };
  const log = (level: Parameters<NonNullable<typeof o.logger>['log']>[0], text: string): void => o.logger?.log(level, text);
  const monitors = new NodeMonitors(node);
  let cookie = o.cookie;
  const cookies = new Map<string, string>();
  const interval = o.tickIntervalMs ?? TICK_INTERVAL_MS;
  let nextTickAt = o.clock.now() + interval;
  let flushPending = false;
  let kernelPid: Pid | null = null;
  let stopListening: (() => void) | null = null;

  const poke = (): void => {
    if (flushPending || kernelPid === null) return;
    flushPending = true;
    node.send(kernelPid, FLUSH);
  };
  /**
   * Connections with output queued since the last flush: a few, so an array (a Set's clear()
   * is a runtime call that allocates a new table, and its iterator an object, on every slice
   * that sent something).
   */
  const dirty: LinkDriver[] = [];
  /**
   * Output queued by a process goes out when its scheduler slice ends (the router's flush), so
   * a send costs no wake-up of net_kernel; output queued from outside a slice (a connection
   * coming up, a host call) still asks the kernel.
   */
  const queued = (d: LinkDriver): void => {
    if (!dirty.includes(d)) dirty.push(d);
    if (!node.inSlice) poke();
  };
  const flushQueued = (): void => {
    if (dirty.length === 0) return;
    // (by index: a flush that queues another connection's output flushes it too, as the Set's iterator did)
    for (let i = 0; i < dirty.length; i++) (dirty[i] as LinkDriver).flush();
    dirty.length = 0;
  };

  const peers: Peers = new Peers(
    {
      transport: o.transport,
      handshake: {
        myName: self.name,
        myFlags: o.hidden === true ? (o.flags ?? PLAYGROUND_FLAGS) & ~DFLAG.PUBLISHED : (o.flags ?? PLAYGROUND_FLAGS),
        creation: node.creation !== 0 ? node.creation : 1 + Math.floor(o.random.next() * 0xfffffffe),
        cookieFor: (peer) => cookies.get(peer) ?? cookie,
        random: o.random,
      },
      setupTimeoutMs: o.setupTimeoutMs ?? 7_000,
      tickIntervalMs: o.tickIntervalMs,
      tickTimeoutMs: o.tickTimeoutMs,
      funHooks: o.funHooks,
      limiter: new FailureLimiter(o.rateLimit ?? DEFAULT_RATE_LIMIT),
    },
    {
      now: () => o.clock.now(),
      log,
      emit,
      poke,
      queued,
      up(peer, flags, creation) {
        table.meet(peer, creation);
        // A hidden connection (either side hidden): no nodeup for monitor_nodes, no mesh.
        const hidden = (flags & DFLAG.PUBLISHED) === 0n;
        if (hidden) hiddenPeers.add(peer);
        else hiddenPeers.delete(peer);
        const realNode = peers.up.get(peer)?.link.beam === true ? { beam: true as const } : {};
        emit(hidden ? { type: 'connection:up', peer, hidden, ...realNode } : { type: 'connection:up', peer, ...realNode });
        monitors.up(peer, hidden);
        // Senders suspended while the connection was being set up (peers.ts) may go on.
        node.remote.drained(peer);
        // A BEAM node's net_kernel logs a message it does not know: its mesh is global's (init_connect).
        const beam = peers.up.get(peer)?.link.beam === true;
        if (!hidden && !beam && o.connectAll !== false && kernelPid !== null) {
          const others = [...peers.up.keys()].filter((n) => n !== peer && !hiddenPeers.has(n));
          peers.send(peer, { type: 'reg_send', from: kernelPid, name: NET_KERNEL, message: meshMessage(others) });
        }
        o.wake?.();
      },
      failed(peer, reason) {
        emit({ type: 'connection:failed', peer, reason });
        lost(peer, false);
      },
      down(peer, reason) {
        const hidden = hiddenPeers.delete(peer);
        emit(hidden ? { type: 'connection:down', peer, reason, hidden } : { type: 'connection:down', peer, reason });
        lost(peer, true, hidden, reason);
      },
      received(peer, messages) {
        if (listeners.size > 0 && peers.up.get(peer)?.link.beam === true) tellSenders(peer, messages, emit);
        for (const m of messages) dispatch(node, peer, m, dispatchHooks);
        o.wake?.();
      },
      drained(peer) {
        node.remote.drained(peer);
        o.wake?.();
      },
    },
  );

  const sendTo = (peer: Atom, m: Parameters<Peers['send']>[1]): Busy => {
    if (peer === self || !alive) return;
    return peers.send(peer, m);
  };
  const spawner = new RemoteSpawner(node, sendTo, o.spawnBody);
  const dispatchHooks = {
    spawnRequest: (peer: Atom, m: Parameters<RemoteSpawner['serve']>[1]) => spawner.serve(peer, m),
    spawnReply: (peer: Atom, m: Parameters<RemoteSpawner['reply']>[1]) => spawner.reply(peer, m),
    reply: sendTo,
  };

  /** A peer we had (or tried to have) is gone: break links and monitors, tell subscribers. */
  function lost(peer: Atom, wasUp: boolean, hidden = false, reason?: string): void {
    // Exit signals and DOWN messages first, then nodedown, as a BEAM node delivers them.
    spawner.nodeDown(peer);
    node.remote.nodeDown(peer);
    monitors.down(peer, wasUp, hidden, reason);
    o.wake?.();
  }

  /** The kernel's work: flush, tick checks, setup deadlines, mesh messages. */
  function kernelWork(message: Term | null): number | null {
    try {
      const now = o.clock.now();
      const mesh = message !== null ? meshNodes(message) : null;
      // With connect_all false a node also ignores the lists its peers send (global.erl ignores
      // nodeup then, so no sync happens on either side): it meets only the nodes it is asked to.
      if (mesh !== null && o.connectAll !== false) for (const n of mesh) if (n !== self && !peers.up.has(n)) peers.ensure(n);
      const auth = message !== null && mesh === null ? isAuthCall(message) : null;
      if (auth !== null && kernelPid !== null) {
        const reply = new Tuple([auth.tag, YES]);
        if (auth.from.node === self) node.send(auth.from, reply);
        else peers.send(auth.from.node, { type: 'send', from: kernelPid, to: auth.from, message: reply });
      }
      if (now >= nextTickAt) {
        nextTickAt = now + interval;
        for (const [peer, d] of [...peers.up]) {
          if (d.conn?.check(now) === 'timeout') {
            log('error', `** Node ${inspectAtom(peer.name)} not responding **\n** Removing (timedout) connection **`);
            d.close('net_tick_timeout');
          }
        }
      }
      flushPending = false;
      dirty.length = 0;
      for (const d of peers.up.values()) d.flush();
      const deadline = peers.checkDeadlines(now);
      return Math.min(nextTickAt, deadline ?? Infinity) - now;
    } catch (e) {
      log('error', `** net_kernel: ${e instanceof Error ? e.message : String(e)} **`);
      return interval;
    }
  }

  if (alive) {
    const l = o.transport.listen(self.name, (link, peerName) => {
      peers.accept(link, peerName);
      o.wake?.();
    });
    if (l.ok) stopListening = l.stop;
    else log('error', l.reason);
    kernelPid = node.spawn(kernelBody({ work: kernelWork }), { system: true, initialCall: ['net_kernel', 'init', 1] });
    node.register(NET_KERNEL, kernelPid);
    // Crash reports of processes spawned from here onto other nodes come back to `logger`.
    node.startRemoteLogger();
    node.setRemoteRouter(createRouter(sendTo, flushQueued));
  }

  return {
    nodeTable: table,
    connectAll: o.connectAll !== false,
    get kernelPid() {
      return kernelPid;
    },
    isAlive: () => alive,
    connect(peer, done): ConnectNow {
      if (!alive) return { type: 'ignored' };
      if (peer === self || peers.up.has(peer)) return { type: 'done', result: true };
      peers.ensure(peer, done);
      return { type: 'pending' };
    },
    disconnect(peer) {
      if (!alive) return 'ignored';
      const d = peers.up.get(peer);
      if (d === undefined) return false;
      d.close('disconnect');
      return true;
    },
    list(types: ListType | readonly ListType[] = 'visible') {
      const ts: readonly ListType[] = typeof types === 'string' ? [types] : types;
      const out: Atom[] = [];
      const add = (n: Atom): void => {
        if (!out.includes(n)) out.push(n);
      };
      const connected = ts.includes('connected');
      if (ts.includes('this')) add(self);
      // Real erts lists hidden connections before visible ones for :connected.
      if (ts.includes('hidden') || connected) for (const n of peers.up.keys()) if (hiddenPeers.has(n)) add(n);
      if (ts.includes('visible') || connected) for (const n of peers.up.keys()) if (!hiddenPeers.has(n)) add(n);
      if (ts.includes('known')) {
        add(self);
        for (const n of table.known()) add(n);
      }
      return out;
    },
    getCookie: () => (alive ? atom(cookie) : NOCOOKIE),
    setCookie(peer, c) {
      if (!alive) return 'notalive';
      const text = typeof c === 'string' ? c : c.name;
      if (peer === self) cookie = text;
      else cookies.set(peer.name, text);
      return true;
    },
    monitorNodes: (pid, on, opts) => monitors.monitorNodes(pid, on, opts ?? null),
    monitorNode(pid, peer, on) {
      if (!alive) return 'notalive';
      monitors.monitorNode(pid, peer, on);
      if (on && peer !== self && !peers.up.has(peer)) peers.ensure(peer);
      return true;
    },
    spawnRemote(caller, peer, module, fun, args, opts, groupLeader, done) {
      if (!alive) return { ok: false, reason: atom('notalive') };
      if (peer === self) {
        const body = o.spawnBody?.(module, fun, args) ?? 'notsup';
        if (typeof body === 'string') return { ok: false, reason: atom(body) };
        const api = node.processApi(caller);
        if (api === undefined) return { ok: false, reason: atom('noproc') };
        const r = api.spawn(body, { groupLeader, ...(opts.link === true ? { link: true } : {}), ...(opts.monitor === true ? { monitor: true } : {}) });
        return r.monitorRef !== undefined ? { ok: true, pid: r.pid, monitorRef: r.monitorRef } : { ok: true, pid: r.pid };
      }
      return { pending: spawner.request(caller, peer, module, fun, args, opts, groupLeader, done) };
    },
    abandonSpawn: (reqId) => spawner.abandon(reqId),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    stats: (peer) => peers.up.get(peer)?.conn?.stats,
    stop() {
      stopListening?.();
      for (const d of [...peers.up.values()]) d.close('disconnect');
      for (const p of [...peers.pending.keys()]) peers.fail(p, 'stopped');
      node.setRemoteRouter(null);
    },
  };
}
