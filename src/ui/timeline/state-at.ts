/**
 * The cluster as it was after step `at` of a trace (its causal order): which processes lived on
 * each node, their names and links, the messages waiting in each mailbox (sent to a process of
 * the same node, not yet received), the monitors up, and the messages in flight (sent to another
 * node, not yet received). What the timeline shows, and what the canvas draws, when it is dragged into the past.
 *
 * A process is there from its spawn step until its exit step (shown exited at that very step).
 * One whose spawn is not in the trace (it was there before the recording began, or its spawn was
 * evicted) is there from the first step. Pure: rows in, plain data out.
 */
import { atom, Pid } from '../../core/term/types.ts';
import { isSystemProcess } from '../../core/runtime/system-processes.ts';
import type { Trace, TraceRow } from '../../distribution/trace/record-rows.ts';

export interface PastProcess {
  /** The process's key across tabs (`node/id.serial`, record.ts pidKeyOf). */
  readonly key: string;
  /** The pid as the recording tab printed it. */
  readonly label: string;
  readonly node: string;
  readonly alive: boolean;
  readonly mailbox: number;
  /** The messages waiting in its mailbox (their terms as printed), oldest first: `mailbox` of them. */
  readonly messages: readonly string[];
  /** Keys of the processes it is linked to. */
  readonly links: readonly string[];
  /** Its registered name (without the colon), its `:global` name, or null. */
  readonly name: string | null;
  readonly globalName: string | null;
  /** The tool's: spawned as a system process, in BEAM's low pid range, or under a name the tool uses. */
  readonly system: boolean;
  /** The key of the process that spawned it, when the trace says. */
  readonly parent: string | null;
  /** The exit reason, printed, when it exited at step `at` (it is shown fading then), else null. */
  readonly exit: string | null;
}

export interface PastMessage {
  readonly from: string | null;
  readonly fromText: string;
  readonly fromNode: string;
  readonly to: string;
  readonly toText: string;
  readonly toNode: string;
  readonly text: string;
  /** To or from the tool's processes. */
  readonly system: boolean;
}

/** A monitor up at the step: `watcher` monitors `target` (both process keys); `ref` as printed. */
export interface PastMonitor {
  readonly ref: string;
  readonly watcher: string;
  readonly target: string;
}

export interface PastState {
  readonly at: number;
  /** Steps in the whole trace (the timeline's length). */
  readonly count: number;
  readonly processes: readonly PastProcess[];
  /** Each message sent to another node by step `at` and not yet received there. */
  readonly inFlight: readonly PastMessage[];
  /** Monitors up at step `at` between processes alive then. */
  readonly monitors: readonly PastMonitor[];
  /** Connections the recording tab saw come up or go down, by peer node name, as of step `at`. */
  readonly connections: Readonly<Record<string, 'up' | 'down'>>;
  /** What step `at` was. */
  readonly step: TraceRow | null;
}

interface Proc {
  label: string;
  node: string;
  born: number;
  died: number;
  mailbox: string[];
  links: Set<string>;
  name: string | null;
  globalName: string | null;
  system: boolean;
  parent: string | null;
  /** The exit reason, printed (its exit step is `died`). */
  exit: string | null;
}

/** The pid a trace key (`node/id.serial`) names (its creation unknown: 0). */
export function pidOfKey(key: string): Pid {
  const slash = key.lastIndexOf('/');
  const [id, serial] = key.slice(slash + 1).split('.').map(Number);
  return new Pid(atom(key.slice(0, slash)), id ?? 0, serial ?? 0, 0);
}

const nodeOfKey = (key: string) => key.slice(0, key.lastIndexOf('/'));
/** `:ticker` → `ticker`, `:"a b"` → `a b`. */
const atomText = (t: string | null) => (t === null ? null : t.replace(/^:"?|"$/gu, ''));
const GLOBAL_NOTE = /^\{:(register|unregister), (.*), #PID<[^>]*>\}$/u;

export function stateAt(trace: Trace, at: number): PastState {
  const rows = trace.rows;
  const last = Math.min(at, rows.length - 1);
  const procs = new Map<string, Proc>();
  const proc = (key: string, label: string, node: string) => {
    let p = procs.get(key);
    if (p === undefined) {
      p = { label, node, born: -1, died: Infinity, mailbox: [], links: new Set(), name: null, globalName: null, system: false, parent: null, exit: null };
      procs.set(key, p);
    }
    return p;
  };
  const byId = new Map<number, TraceRow>();
  // Every process the whole trace knows, with its first and last step: one seen only later
  // was there from the start unless its spawn says when it came.
  rows.forEach((r, i) => {
    byId.set(r.id, r);
    if (r.pid !== null) {
      // Its node is its pid's: a node records events about other nodes' pids too (a remote process linking to one of its own).
      const p = proc(r.pid, r.pidText ?? r.pid, nodeOfKey(r.pid));
      if (r.kind === 'spawn') {
        p.born = i;
        p.system ||= r.system;
        p.parent = r.peer;
      } else if (r.kind === 'exit' && p.died === Infinity) {
        p.died = i;
        p.exit = r.text ?? '';
      }
    }
    // The other process an event names (receiver, sender, linked, parent, a name's holder) was there too.
    if (r.peer !== null) proc(r.peer, r.peerText ?? r.peer, nodeOfKey(r.peer));
  });
  const receivedBy = new Set<number>();
  const connections: Record<string, 'up' | 'down'> = {};
  // Monitors by watcher and ref: a demonitor (or the DOWN that ends one) names both.
  const monitors = new Map<string, PastMonitor>();
  for (let i = 0; i <= last; i++) {
    const r = rows[i] as TraceRow;
    const p = r.pid === null ? undefined : procs.get(r.pid);
    switch (r.kind) {
      case 'receive':
        receivedBy.add(r.match);
        break;
      case 'link':
      case 'unlink':
        if (p !== undefined && r.peer !== null) link(p, procs.get(r.peer), r.pid as string, r.peer, r.kind === 'link');
        break;
      case 'monitor':
      case 'demonitor':
        if (r.pid !== null && r.peer !== null) {
          const key = `${r.pid} ${r.text ?? ''}`;
          if (r.kind === 'monitor') monitors.set(key, { ref: r.text ?? '', watcher: r.pid, target: r.peer });
          else monitors.delete(key);
        }
        break;
      case 'register':
      case 'unregister':
        if (p !== undefined) p.name = r.kind === 'register' ? atomText(r.text) : null;
        break;
      case 'global': {
        const g = GLOBAL_NOTE.exec(r.text ?? '');
        const holder = r.peer === null ? undefined : procs.get(r.peer);
        if (g !== null && holder !== undefined) holder.globalName = g[1] === 'register' ? atomText(g[2] ?? null) : null;
        break;
      }
      case 'nodeup':
      case 'nodedown': {
        const peer = atomText(r.peerText);
        if (peer !== null) connections[peer] = r.kind === 'nodeup' ? 'up' : 'down';
        break;
      }
      default:
    }
  }
  const alive = (p: Proc) => p.born <= last && p.died >= last;
  const inFlight: PastMessage[] = [];
  for (let i = 0; i <= last; i++) {
    const r = rows[i] as TraceRow;
    if (r.kind !== 'send' || receivedBy.has(r.id)) continue;
    // Not received by step `at`: received later, or never (still in the mailbox, or lost).
    const to = r.match < 0 ? undefined : byId.get(r.match);
    const key = to?.pid ?? r.peer;
    const receiver = key === null ? undefined : procs.get(key);
    if (key === null || receiver === undefined || !alive(receiver)) continue;
    if (receiver.node === r.node) receiver.mailbox.push(r.text ?? '');
    else {
      inFlight.push({
        from: r.pid, fromText: r.pidText ?? '?', fromNode: r.node,
        to: key, toText: receiver.label, toNode: receiver.node, text: r.text ?? '', system: r.system,
      });
    }
  }
  // A link to, or a monitor of or by, a process gone by now went with it.
  const up = (k: string) => {
    const q = procs.get(k);
    return q === undefined || q.died > last;
  };
  const processes: PastProcess[] = [];
  for (const [key, p] of procs) {
    if (!alive(p)) continue;
    const links = [...p.links].filter(up);
    processes.push({
      key, label: p.label, node: p.node, alive: p.died > last, mailbox: p.mailbox.length, messages: p.mailbox, links,
      name: p.name, globalName: p.globalName, system: p.system || isSystemProcess(pidOfKey(key), p.name), parent: p.parent, exit: p.died === last ? (p.exit ?? '') : null,
    });
  }
  const upMonitors = [...monitors.values()].filter((m) => up(m.watcher) && up(m.target));
  return { at: last, count: rows.length, processes, inFlight, monitors: upMonitors, connections, step: last >= 0 ? (rows[last] as TraceRow) : null };
}

/** A link is both ways (one event may say it for both ends). */
function link(p: Proc, q: Proc | undefined, pKey: string, qKey: string, on: boolean): void {
  if (on) {
    p.links.add(qKey);
    q?.links.add(pKey);
  } else {
    p.links.delete(qKey);
    q?.links.delete(pKey);
  }
}
