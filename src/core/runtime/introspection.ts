/**
 * Reading a node's state from outside: Process.info for one process, and the snapshot the UI
 * store reads (cached by the runtime's version counter, so asking twice without a change in
 * between returns the same object, as React's useSyncExternalStore requires).
 */
import { Tuple, type Atom, type Pid, type Ref, type Term } from '../term/types.ts';
import type { ProcessInfo, ProcessStatus } from './process-api.ts';
import type { Proc } from './process.ts';
import { Status } from './status.ts';

export function processInfo(p: Proc, running: boolean): ProcessInfo {
  const monitors: Ref[] = [];
  const monitorTargets: Term[] = [];
  if (p.monitors !== null) {
    for (const e of p.monitors.values()) {
      monitors.push(e.ref);
      monitorTargets.push(e.name !== null ? new Tuple([e.name, e.node]) : (e.target as Pid));
    }
  }
  const monitoredBy: Pid[] = [];
  if (p.monitoredBy !== null) for (const e of p.monitoredBy.values()) monitoredBy.push(e.watcher);
  return {
    pid: p.self,
    status: statusName(p, running),
    messageQueueLen: p.mailbox.length,
    messages: p.mailbox.toArray(),
    links: p.links === null ? [] : [...p.links.values()],
    monitors,
    monitorTargets,
    monitoredBy,
    registeredName: p.registeredName ?? undefined,
    reductions: p.reductions,
    currentFunction: p.body.currentFunction?.() ?? p.initialCall,
    currentStacktrace: p.body.currentStacktrace?.bind(p.body),
    groupLeader: p.groupLeaderPid,
    trapExit: p.trapExit,
    maxHeap: p.maxHeap,
  };
}

function statusName(p: Proc, running: boolean): ProcessStatus {
  if (running || p.status === Status.Running) return 'running';
  if (p.status === Status.Runnable) return 'runnable';
  if (p.status === Status.Waiting) return 'waiting';
  if (p.status === Status.Suspended) return 'suspended';
  return 'exiting';
}

/** One process as the UI lists it. */
export interface ProcessSummary {
  readonly pid: Pid;
  readonly status: ProcessStatus;
  readonly registeredName: Atom | undefined;
  readonly messageQueueLen: number;
  readonly links: readonly Pid[];
  readonly reductions: number;
  readonly groupLeader: Pid;
  /** Its label (Proc.setLabel: a supervisor's `{:supervisor, strategy}`), or null. */
  readonly label?: Term | null;
}

export interface NodeSnapshot {
  readonly node: Atom;
  readonly creation: number;
  /** Live processes in pid order. */
  readonly processes: readonly ProcessSummary[];
  readonly registered: readonly (readonly [Atom, Pid])[];
  /** The runtime's change counter when this snapshot was taken. */
  readonly version: number;
}

export function summarize(p: Proc, running: boolean): ProcessSummary {
  return {
    pid: p.self,
    status: statusName(p, running),
    registeredName: p.registeredName ?? undefined,
    messageQueueLen: p.mailbox.length,
    links: p.links === null ? [] : [...p.links.values()],
    reductions: p.reductions,
    groupLeader: p.groupLeaderPid,
    label: p.label,
  };
}
