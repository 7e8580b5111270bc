/**
 * Signals arriving from other nodes (see RemoteInbox in remote.ts), applied to local processes
 * with the same rules as local ones (signals.ts).
 */
import type { Atom } from '../term/types.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { RemoteInbox } from './remote.ts';
import type { MonitorEntry } from './process.ts';
import { Status } from './status.ts';
import { strictEquals } from '../term/equality.ts';
import { pidKey, refKey } from './identifiers.ts';
import { NOCONNECTION, NOPROC, demonitor, deliverExit, downMessage, linkExitFromRemote, withoutEntry } from './signals.ts';
import { resumeSenders } from './busy-dist.ts';
import { aliasOwner, monitorEnded } from './aliases.ts';

export function createRemoteInbox(rt: NodeRuntime): RemoteInbox {
  return {
    deliverSend(to, message) {
      const q = rt.lookup(to);
      if (q !== undefined) rt.deliver(q, message);
    },
    deliverAliasSend(alias, message) {
      const owner = aliasOwner(rt, alias);
      if (owner === undefined) return;
      if (owner.unmonitor) demonitor(rt, owner.q, alias, false);
      rt.deliver(owner.q, message);
    },
    deliverNamedSend(name, message) {
      const q = rt.registry.lookup(name);
      if (q !== undefined) rt.deliver(q, message);
    },
    deliverLink(from, to) {
      const q = rt.lookup(to);
      if (q === undefined || q.status >= Status.Exiting) {
        rt.router?.exit(to, from, NOPROC, true);
        return;
      }
      const key = pidKey(from);
      if (q.links?.has(key) === true) return;
      (q.links ??= new Map()).set(key, from);
      rt.version++;
      if (rt.events.active) rt.events.emit({ type: 'link:added', time: rt.clock.now(), from, to: q.self });
    },
    deliverUnlink(from, to) {
      const q = rt.lookup(to);
      if (q?.links?.delete(pidKey(from)) === true) {
        rt.version++;
        if (rt.events.active) rt.events.emit({ type: 'link:removed', time: rt.clock.now(), from, to: q.self });
      }
    },
    deliverExit(from, to, reason, viaLink) {
      const q = rt.lookup(to);
      if (q === undefined) return;
      if (viaLink) linkExitFromRemote(rt, q, from, reason);
      else deliverExit(rt, q, from, reason, false);
    },
    deliverMonitor(watcher, target, ref) {
      const q = target.kind === 'pid' ? rt.lookup(target) : rt.registry.lookup(target);
      if (q === undefined || q.status >= Status.Exiting) {
        rt.router?.monitorDown(target.kind === 'pid' ? target : rt.initPid, watcher, ref, NOPROC);
        return;
      }
      const entry: MonitorEntry = {
        ref, key: refKey(ref), watcher, target: q.self, name: target.kind === 'atom' ? target : null, node: rt.name, alias: null,
      };
      // A ref already in use is a peer's forgery (refs are unique): it must not take that monitor over.
      if (q.monitoredBy?.has(entry.key) === true) return;
      (q.monitoredBy ??= new Map()).set(entry.key, entry);
      rt.version++;
      if (rt.events.active) rt.events.emit({ type: 'monitor:added', time: rt.clock.now(), ref, watcher, target: q.self });
    },
    deliverDemonitor(watcher, target, ref) {
      const q = target.kind === 'pid' ? rt.lookup(target) : rt.registry.lookup(target);
      const e = q?.monitoredBy?.get(refKey(ref));
      // Only the watcher's own monitor: a peer naming another's ref cancels nothing. (Compared
      // field by field, not by pidKey: this runs for every remote GenServer.call's demonitor.)
      if (q === undefined || e === undefined || !strictEquals(e.watcher, watcher)) return;
      q.monitoredBy = withoutEntry(q.monitoredBy as Map<string, MonitorEntry>, e.key);
      rt.version++;
      // Told as deliverMonitor told its adding, so a viewer's picture drops it too.
      if (rt.events.active) rt.events.emit({ type: 'monitor:removed', time: rt.clock.now(), ref, watcher: e.watcher, target: q.self });
    },
    adoptMonitor(watcher, target, ref) {
      const w = rt.lookup(watcher);
      if (w === undefined || w.status >= Status.Exiting) return false;
      const entry: MonitorEntry = { ref, key: refKey(ref), watcher, target, name: null, node: target.node, alias: null };
      (w.monitors ??= new Map()).set(entry.key, entry);
      rt.version++;
      if (rt.events.active) rt.events.emit({ type: 'monitor:added', time: rt.clock.now(), ref, watcher, target });
      return true;
    },
    deliverMonitorDown(watcher, ref, reason, from) {
      const w = rt.lookup(watcher);
      const key = refKey(ref);
      const e = w?.monitors?.get(key);
      // Only a monitor of a process on the node the DOWN comes from (not a local one, nor another peer's).
      if (w === undefined || e === undefined || e.node !== from) return;
      w.monitors = withoutEntry(w.monitors as Map<string, MonitorEntry>, key);
      monitorEnded(rt, e);
      rt.deliver(w, downMessage(e, reason));
      if (rt.events.active && e.target !== null) {
        rt.events.emit({ type: 'monitor:removed', time: rt.clock.now(), ref, watcher, target: e.target });
      }
    },
    nodeDown(node) {
      resumeSenders(rt, node);
      nodeDown(rt, node);
    },
    drained(node) {
      resumeSenders(rt, node);
    },
  };
}

function nodeDown(rt: NodeRuntime, node: Atom): void {
  for (const p of [...rt.procs.values()]) {
    if (p.status >= Status.Exiting) continue;
    if (p.monitoredBy !== null) {
      for (const [k, e] of p.monitoredBy) {
        if (e.watcher.node !== node) continue;
        p.monitoredBy.delete(k);
        if (rt.events.active) rt.events.emit({ type: 'monitor:removed', time: rt.clock.now(), ref: e.ref, watcher: e.watcher, target: p.self });
      }
    }
    // Links first, then monitors: a process that traps exits sees {:EXIT, ...} before
    // {:DOWN, ...}, in the order BEAM delivers them.
    if (p.links !== null) {
      for (const pid of [...p.links.values()]) if (pid.node === node) linkExitFromRemote(rt, p, pid, NOCONNECTION);
    }
    if (p.monitors !== null && p.status < Status.Exiting) {
      for (const e of [...p.monitors.values()]) {
        if (e.node !== node) continue;
        p.monitors.delete(e.key);
        monitorEnded(rt, e);
        rt.deliver(p, downMessage(e, NOCONNECTION));
      }
    }
  }
}
