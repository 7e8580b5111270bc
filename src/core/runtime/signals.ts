/**
 * Links, monitors and exit signals between processes, with BEAM's rules:
 * - a link exit with reason `normal` is ignored unless the receiver traps exits;
 * - `exit(pid, :kill)` cannot be trapped and kills with `killed` (what linked processes see);
 * - trapping turns signals into `{:EXIT, from, reason}` messages;
 * - monitors deliver `{:DOWN, ref, :process, pid_or_{name, node}, reason}` once;
 * - links and monitors to dead processes answer `noproc` (link/1 raises it when not trapping).
 * Signals to the process that is running now are held until its run returns (single thread,
 * so a body never sees itself die mid-run). Deaths go through a queue, not recursion.
 */
import { Tuple, atom } from '../term/types.ts';
import type { Atom, Pid, Ref, Term } from '../term/types.ts';
import type { Dest } from './process-api.ts';
import type { NodeRuntime } from './node-runtime.ts';
import { Status } from './status.ts';
import type { MonitorEntry, Proc } from './process.ts';
import { BadArgError, ErlangError } from './errors.ts';
import { pidKey, refKey } from './identifiers.ts';
import type { ProcessBody } from './process-body.ts';
import { monitorAlias, monitorEnded, type AliasMode } from './aliases.ts';

export const EXIT = atom('EXIT');
export const DOWN = atom('DOWN');
export const PROCESS = atom('process');
export const NORMAL = atom('normal');
export const KILL = atom('kill');
export const KILLED = atom('killed');
export const NOPROC = atom('noproc');
export const NOCONNECTION = atom('noconnection');

// --- links ---

export function addLink(rt: NodeRuntime, a: Proc, b: Proc): void {
  const key = pidKey(b.self);
  if (a.links?.has(key) === true) return;
  (a.links ??= new Map()).set(key, b.self);
  (b.links ??= new Map()).set(pidKey(a.self), a.self);
  rt.version++;
  if (rt.events.active) rt.events.emit({ type: 'link:added', time: rt.clock.now(), from: a.self, to: b.self });
}

export function link(rt: NodeRuntime, p: Proc, pid: Pid): void {
  if (pid === p.self || pidKey(pid) === pidKey(p.self)) return;
  if (rt.isLocal(pid)) {
    const q = rt.lookup(pid);
    if (q !== undefined && q.status < Status.Exiting) return addLink(rt, p, q);
    if (p.trapExit) rt.deliver(p, new Tuple([EXIT, pid, NOPROC]));
    else throw new ErlangError(NOPROC, 'noproc');
    return;
  }
  const key = pidKey(pid);
  if (p.links?.has(key) === true) return;
  (p.links ??= new Map()).set(key, pid);
  rt.version++;
  if (rt.events.active) rt.events.emit({ type: 'link:added', time: rt.clock.now(), from: p.self, to: pid });
  // Not distributed: the other node is unreachable, which BEAM reports as noconnection.
  if (rt.router !== null) rt.router.link(p.self, pid);
  else linkExitFromRemote(rt, p, pid, NOCONNECTION);
}

export function unlink(rt: NodeRuntime, p: Proc, pid: Pid): void {
  const key = pidKey(pid);
  if (p.links?.delete(key) !== true) return;
  rt.version++;
  const q = rt.lookup(pid);
  if (q !== undefined) q.links?.delete(pidKey(p.self));
  else if (!rt.isLocal(pid)) rt.router?.unlink(p.self, pid);
  if (rt.events.active) rt.events.emit({ type: 'link:removed', time: rt.clock.now(), from: p.self, to: pid });
}

/** A linked process on another node died (or its node went down): drop the link, signal. */
export function linkExitFromRemote(rt: NodeRuntime, p: Proc, from: Pid, reason: Term): void {
  if (p.links?.delete(pidKey(from)) !== true) return;
  rt.version++;
  if (rt.events.active) rt.events.emit({ type: 'link:removed', time: rt.clock.now(), from, to: p.self });
  deliverExit(rt, p, from, reason, true);
}

// --- exit signals ---

/** exit/2 from `from` to `to`, local or remote. */
export function exitSignal(rt: NodeRuntime, from: Pid, to: Pid, reason: Term): void {
  const q = rt.lookup(to);
  if (q !== undefined) deliverExit(rt, q, from, reason, false);
  else if (!rt.isLocal(to)) rt.router?.exit(from, to, reason, false);
}

/** An exit signal reaches local process `q`: via a link, or sent by exit/2. */
export function deliverExit(rt: NodeRuntime, q: Proc, from: Pid, reason: Term, viaLink: boolean): void {
  // At a message speed it travels as a message does, behind the sender's messages to q still on their way.
  if (rt.delayed?.signal(from, q, new Tuple([EXIT, from, reason]), () => exitNow(rt, q, from, reason, viaLink)) === true) return;
  exitNow(rt, q, from, reason, viaLink);
}

function exitNow(rt: NodeRuntime, q: Proc, from: Pid, reason: Term, viaLink: boolean): void {
  if (q.status >= Status.Exiting) return;
  if (!viaLink && reason === KILL) return killOrHold(rt, q, KILLED);
  if (q.trapExit) return rt.deliver(q, new Tuple([EXIT, from, reason]));
  if (reason === NORMAL) {
    // exit(self(), :normal) does end the caller; a normal exit from anyone else is ignored.
    if (!viaLink && from === q.self) killOrHold(rt, q, NORMAL);
    return;
  }
  killOrHold(rt, q, reason);
}

function killOrHold(rt: NodeRuntime, q: Proc, reason: Term): void {
  if (rt.current === q) {
    if (q.pendingExit === null) q.pendingExit = reason;
  } else kill(rt, q, reason);
}

/** Ends `p` with `reason`: queued, so deaths that cause deaths are handled in a loop. */
export function kill(rt: NodeRuntime, p: Proc, reason: Term): void {
  if (p.status >= Status.Exiting) return;
  p.status = Status.Exiting;
  const queue = rt.exitQueue;
  queue.push({ proc: p, reason });
  if (rt.draining) return;
  rt.draining = true;
  try {
    for (let i = 0; i < queue.length; i++) {
      const d = queue[i] as { proc: Proc; reason: Term };
      teardown(rt, d.proc, d.reason);
    }
  } finally {
    queue.length = 0;
    rt.draining = false;
  }
}

const DEAD_BODY: ProcessBody = {
  run: () => ({ type: 'exit', reductions: 0, reason: NORMAL }),
};

function teardown(rt: NodeRuntime, p: Proc, reason: Term): void {
  p.status = Status.Exited;
  rt.procs.delete(p.self.id);
  if (p.registeredName !== null) rt.registry.drop(p);
  if (p.receiveTimer !== null) rt.timers.cancel(p.receiveTimer);
  p.receiveTimer = null;
  p.mailbox.clear();
  p.body = DEAD_BODY; // let the body's state be collected even if someone keeps the Proc
  rt.version++;
  if (p.exitHooks !== null) {
    const hooks = p.exitHooks;
    p.exitHooks = null;
    for (const h of hooks) h();
  }
  const ev = rt.events.active;
  if (ev) rt.events.emit({ type: 'process:exited', time: rt.clock.now(), pid: p.self, reason });
  const self = p.self;
  if (p.links !== null) {
    const myKey = pidKey(self);
    for (const pid of p.links.values()) {
      const q = rt.lookup(pid);
      if (q !== undefined) {
        q.links?.delete(myKey);
        if (ev) rt.events.emit({ type: 'link:removed', time: rt.clock.now(), from: self, to: pid });
        deliverExit(rt, q, self, reason, true);
      } else if (!rt.isLocal(pid)) rt.router?.exit(self, pid, reason, true);
    }
    p.links = null;
  }
  if (p.monitors !== null) {
    for (const e of p.monitors.values()) {
      monitorEnded(rt, e);
      dropTargetSide(rt, e);
    }
    p.monitors = null;
  }
  if (p.monitoredBy !== null) {
    for (const e of p.monitoredBy.values()) {
      const w = rt.lookup(e.watcher);
      if (w !== undefined) {
        w.monitors?.delete(e.key);
        monitorEnded(rt, e);
        const down = downMessage(e, reason);
        if (rt.delayed?.signal(self, w, down, () => rt.deliver(w, down)) !== true) rt.deliver(w, down);
        if (ev) rt.events.emit({ type: 'monitor:removed', time: rt.clock.now(), ref: e.ref, watcher: e.watcher, target: self });
      } else if (!rt.isLocal(e.watcher)) rt.router?.monitorDown(self, e.watcher, e.ref, reason);
    }
    p.monitoredBy = null;
  }
}

// --- monitors ---

export function downMessage(e: MonitorEntry, reason: Term): Tuple {
  const item: Term = e.name !== null ? new Tuple([e.name, e.node]) : (e.target as Pid);
  return new Tuple([DOWN, e.ref, PROCESS, item, reason]);
}

/** Resolves what Process.monitor accepts: a pid, a local name, or `{name, node}`. */
function monitorTarget(rt: NodeRuntime, target: Dest): { pid: Pid | null; name: Atom | null; node: Atom } {
  if (typeof target === 'object') {
    if (target.kind === 'pid') return { pid: target, name: null, node: target.node };
    if (target.kind === 'atom') return { pid: null, name: target, node: rt.name };
    if (target.kind === 'tuple' && target.elements.length === 2) {
      const [n, node] = target.elements as [Term, Term];
      if (typeof n === 'object' && n.kind === 'atom' && typeof node === 'object' && node.kind === 'atom') {
        return { pid: null, name: n, node };
      }
    }
  }
  throw new BadArgError('2nd argument: not a pid');
}

/** `alias`: the monitor's ref is also an alias of `p` while the monitor is up (monitor/3). */
export function monitor(rt: NodeRuntime, p: Proc, target: Dest, alias?: AliasMode): Ref {
  const { pid, name, node } = monitorTarget(rt, target);
  const ref = rt.makeRef();
  const key = refKey(ref);
  const local = pid !== null ? rt.isLocal(pid) : node === rt.name;
  if (local) {
    const q = pid !== null ? rt.lookup(pid) : rt.registry.lookup(name as Atom);
    const entry: MonitorEntry = { ref, key, watcher: p.self, target: q?.self ?? pid, name, node, alias: null };
    if (q === undefined || q.status >= Status.Exiting) {
      rt.deliver(p, downMessage(entry, NOPROC));
      return ref;
    }
    (p.monitors ??= new Map()).set(key, entry);
    (q.monitoredBy ??= new Map()).set(key, entry);
    if (alias !== undefined) monitorAlias(rt, p, entry, alias);
    rt.version++;
    if (rt.events.active) rt.events.emit({ type: 'monitor:added', time: rt.clock.now(), ref, watcher: p.self, target: q.self });
    return ref;
  }
  const entry: MonitorEntry = { ref, key, watcher: p.self, target: pid, name, node, alias: null };
  if (rt.router === null) {
    rt.deliver(p, downMessage(entry, NOCONNECTION));
    return ref;
  }
  (p.monitors ??= new Map()).set(key, entry);
  if (alias !== undefined) monitorAlias(rt, p, entry, alias);
  rt.version++;
  if (rt.events.active && pid !== null) rt.events.emit({ type: 'monitor:added', time: rt.clock.now(), ref, watcher: p.self, target: pid });
  rt.router.monitor(p.self, pid ?? (name as Atom), node, ref);
  return ref;
}

/**
 * `m` without its entry `key` (which it holds), or null for none left. Deleting a Map's last
 * entry makes V8 shrink its table in a runtime call that allocates a new one: a call to another
 * node paid that three times (the caller's monitor and alias, the server's monitored-by); a
 * fresh Map for the next monitor costs less.
 */
export function withoutEntry(m: Map<string, MonitorEntry>, key: string): Map<string, MonitorEntry> | null {
  if (m.size === 1) return null;
  m.delete(key);
  return m;
}

export function demonitor(rt: NodeRuntime, p: Proc, ref: Ref, flush: boolean): boolean {
  const key = refKey(ref);
  const e = p.monitors?.get(key);
  if (e !== undefined) {
    p.monitors = withoutEntry(p.monitors as Map<string, MonitorEntry>, key);
    monitorEnded(rt, e);
    dropTargetSide(rt, e);
    rt.version++;
    if (rt.events.active && e.target !== null) {
      rt.events.emit({ type: 'monitor:removed', time: rt.clock.now(), ref, watcher: p.self, target: e.target });
    }
  }
  // An empty mailbox (a call's usual case, its reply just taken) has no DOWN to flush.
  if (flush && p.mailbox.length > 0) {
    p.mailbox.removeWhere((m) => {
      if (!(m instanceof Tuple) || m.elements.length !== 5 || m.elements[0] !== DOWN) return false;
      const r = m.elements[1];
      return typeof r === 'object' && r.kind === 'ref' && refKey(r) === key;
    });
  }
  return e !== undefined;
}

/** Forgets a monitor at its target (local map, or tells the remote node). */
function dropTargetSide(rt: NodeRuntime, e: MonitorEntry): void {
  const local = e.target !== null ? rt.isLocal(e.target) : e.node === rt.name;
  if (local) {
    const t = e.target !== null ? rt.lookup(e.target) : undefined;
    if (t?.monitoredBy?.has(e.key) === true) t.monitoredBy = withoutEntry(t.monitoredBy, e.key);
  } else rt.router?.demonitor(e.watcher, e.target ?? (e.name as Atom), e.node, e.ref);
}
