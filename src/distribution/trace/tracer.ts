/**
 * The tracer: a built-in process on every node, registered as `:playground_tracer`, that
 * streams the node's runtime events and process list to the viewers that asked for them, as
 * `:dbg`/`:observer` stream traces over distribution on BEAM.
 *
 * - A viewer subscribes with `{:subscribe, viewer}` sent to `{:playground_tracer, node}`; the
 *   tracer monitors it and forgets it when it dies (or its node goes down).
 * - Events are batched per FLUSH_MS of the node's clock: the tracer's `receive ... after` is
 *   the batching timer (no host timer), and it listens to the node's events only while someone
 *   watches (so an unwatched node builds no event objects).
 * - Flow control: one batch in flight per viewer, acknowledged with `{:trace_ack, viewer}`.
 *   While a slow viewer has not acknowledged, events wait in a bounded buffer; past the bound
 *   the oldest go, and the next batch says how many (`dropped`). A lost ack is assumed after
 *   ACK_TIMEOUT_MS, so a viewer is never starved forever.
 * - Net_kernel's `$flush` nudges (the distribution's own batching, which every traced send
 *   causes) are not traced: they are plumbing BEAM would not show, and tracing them would loop.
 * - `{:process_info, viewer, ref, pid}` is answered with Process.info of `pid` (info-wire.ts):
 *   the inspector of a remote process.
 * - `{:classroom, from, request}` pauses, steps, resumes or slows this node's links for a
 *   teacher's tab (classroom-wire.ts), when the host gave the tracer its conditioner.
 * - The process list goes only when it changed (ignoring the tracing processes themselves,
 *   whose own traffic would otherwise keep every node busy reporting itself).
 */
import { Tuple, atom, type Pid, type Term } from '../../core/term/types.ts';
import type { Node } from '../../core/runtime/node.ts';
import type { RuntimeEvent } from '../../core/runtime/events.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import { TIMEOUT, generatorBody, receive } from '../../core/runtime/bodies.ts';
import { SUBSCRIBE, TRACE_ACK, TRACER_NAME, UNSUBSCRIBE, encodeBatch } from './wire.ts';
import { EventBuffer } from './event-buffer.ts';
import { FLUSH } from '../kernel.ts';
import { PROCESS_INFO, infoReply } from './info-wire.ts';
import { classroomAgent, type ClassroomTarget } from './classroom-wire.ts';
import { isPid } from './guards.ts';

export const FLUSH_MS = 100;
export const MAX_EVENTS = 1000;
export const ACK_TIMEOUT_MS = 5000;
const DOWN = atom('DOWN');
export const CLOSE_NODE = atom('close_node');

export interface TracerOptions {
  readonly flushMs?: number;
  /** Events kept per viewer while it has not acknowledged the previous batch. */
  readonly maxEvents?: number;
  /** `{:close_node, from}` asks the node to close (the classroom's "close a node"); ignored without it. */
  readonly onCloseRequest?: (from: Pid) => void;
  /** `{:classroom, from, request}` acts on this (the node's pause/step and message speed); ignored without it. */
  readonly classroom?: ClassroomTarget;
}

/** Local processes of the tracing service itself: their events are never traced. */
export class TraceSelf {
  private readonly keys = new Set<string>();
  add(pid: Pid): void {
    this.keys.add(key(pid));
  }
  has(pid: Pid | null): boolean {
    return pid !== null && this.keys.size > 0 && this.keys.has(key(pid));
  }
}

interface Viewer {
  readonly pid: Pid;
  readonly ref: Term;
  readonly buffer: EventBuffer<RuntimeEvent>;
  seq: number;
  /** When the batch in flight was sent, or null when the viewer is ready for the next. */
  awaitingSince: number | null;
  /** The process list as last sent (null: never sent). */
  sent: readonly ProcessSummary[] | null;
}

export function startTracer(node: Node, self: TraceSelf, o: TracerOptions = {}): Pid {
  const flushMs = o.flushMs ?? FLUSH_MS;
  const maxEvents = o.maxEvents ?? MAX_EVENTS;
  const viewers = new Map<Pid, Viewer>();
  let unsubscribe: (() => void) | null = null;
  let version = -1;
  let procs: readonly ProcessSummary[] = [];

  const traced = (e: RuntimeEvent): boolean => {
    switch (e.type) {
      case 'message:sent':
        if (e.message === FLUSH) return false;
        return !self.has(e.from) && !(typeof e.to === 'object' && e.to.kind === 'pid' && self.has(e.to));
      case 'monitor:added':
      case 'monitor:removed':
        return !self.has(e.watcher) && !self.has(e.target);
      case 'link:added':
      case 'link:removed':
        return !self.has(e.from) && !self.has(e.to);
      case 'message:received':
        return e.message !== FLUSH && !self.has(e.pid);
      case 'spawn:requested':
        return !self.has(e.from);
      default:
        return !self.has(e.pid);
    }
  };
  const listen = (e: RuntimeEvent) => {
    if (!traced(e)) return;
    for (const v of viewers.values()) v.buffer.push(e);
  };

  const currentProcesses = (): readonly ProcessSummary[] => {
    const snap = node.getSnapshot();
    if (snap.version !== version) {
      version = snap.version;
      procs = snap.processes.filter((p) => !self.has(p.pid));
    }
    return procs;
  };

  const flush = (proc: ProcessApi) => {
    const now = proc.now();
    for (const v of viewers.values()) {
      if (v.awaitingSince !== null && now - v.awaitingSince < ACK_TIMEOUT_MS) continue;
      const list = currentProcesses();
      const changed = v.sent === null || !sameProcesses(v.sent, list);
      if (!changed && v.buffer.length === 0 && v.buffer.dropped === 0) continue;
      const { items, dropped } = v.buffer.take();
      proc.send(v.pid, encodeBatch({ tracer: proc.self, node: node.name, seq: v.seq++, events: items, processes: changed ? [...list] : null, dropped }));
      if (changed) v.sent = list;
      v.awaitingSince = now;
    }
  };

  const agent = o.classroom === undefined ? null : classroomAgent(o.classroom, node.name);
  const handle = (m: Term, proc: ProcessApi) => {
    if (!(m instanceof Tuple)) return;
    if (agent?.handle(m, proc) === true) return;
    const [tag, arg] = m.elements;
    if (tag === SUBSCRIBE && isPid(arg)) {
      if (findViewer(viewers, arg) !== undefined) return;
      viewers.set(arg, { pid: arg, ref: proc.monitor(arg), buffer: new EventBuffer(maxEvents), seq: 0, awaitingSince: null, sent: null });
      unsubscribe ??= node.subscribe(listen);
    } else if (tag === UNSUBSCRIBE && isPid(arg)) {
      const v = findViewer(viewers, arg);
      if (v !== undefined) forget(v, proc);
    } else if (tag === TRACE_ACK && isPid(arg)) {
      const v = findViewer(viewers, arg);
      if (v !== undefined) v.awaitingSince = null;
    } else if (tag === DOWN && m.elements.length === 5) {
      for (const v of viewers.values()) if (sameRef(v.ref, arg)) forget(v, null);
    } else if (tag === PROCESS_INFO && isPid(arg) && m.elements.length === 4 && isPid(m.elements[3])) {
      // A viewer's inspector looks into one of our processes (info-wire.ts).
      proc.send(arg, infoReply(m.elements[2] as Term, node.info(m.elements[3])));
    } else if (tag === CLOSE_NODE && isPid(arg)) {
      o.onCloseRequest?.(arg);
    }
  };
  const forget = (v: Viewer, proc: ProcessApi | null) => {
    if (proc !== null && typeof v.ref === 'object' && v.ref.kind === 'ref') proc.demonitor(v.ref, true);
    viewers.delete(v.pid);
    if (viewers.size === 0 && unsubscribe !== null) {
      unsubscribe();
      unsubscribe = null;
    }
  };

  const pid = node.spawn(
    generatorBody(function* (proc) {
      let nextFlush: number | null = null;
      for (;;) {
        const wait = nextFlush === null ? null : Math.max(0, nextFlush - proc.now());
        const m = yield receive(() => true, wait);
        if (m === TIMEOUT) {
          flush(proc);
          nextFlush = null;
        } else handle(m as Term, proc);
        if (viewers.size > 0) nextFlush ??= proc.now() + flushMs;
        else nextFlush = null;
      }
    }, ['playground_tracer', 'loop', 1]),
    { system: true },
  );
  self.add(pid);
  node.register(TRACER_NAME, pid);
  return pid;
}

const key = (pid: Pid): string => `${pid.node.name}/${pid.id}.${pid.serial}`;

function sameProcesses(a: readonly ProcessSummary[], b: readonly ProcessSummary[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as ProcessSummary;
    const y = b[i] as ProcessSummary;
    if (x.pid !== y.pid && (x.pid.id !== y.pid.id || x.pid.serial !== y.pid.serial)) return false;
    if (x.status !== y.status || x.registeredName !== y.registeredName || x.messageQueueLen !== y.messageQueueLen || x.links.length !== y.links.length || x.label !== y.label) return false;
  }
  return true;
}

/** Pids that arrive over the wire are new objects: find a viewer by value. */
function findViewer(viewers: Map<Pid, Viewer>, pid: Pid): Viewer | undefined {
  const hit = viewers.get(pid);
  if (hit !== undefined) return hit;
  for (const v of viewers.values()) {
    if (v.pid.node === pid.node && v.pid.id === pid.id && v.pid.serial === pid.serial && v.pid.creation === pid.creation) return v;
  }
  return undefined;
}

function sameRef(a: Term, b: Term | undefined): boolean {
  if (typeof a !== 'object' || a.kind !== 'ref' || typeof b !== 'object' || b.kind !== 'ref') return false;
  return a.node === b.node && a.ids.length === b.ids.length && a.ids.every((x, i) => x === b.ids[i]);
}

