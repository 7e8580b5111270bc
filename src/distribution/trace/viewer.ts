/**
 * The viewer: a built-in process (registered as `:playground_trace_viewer`) that subscribes to
 * the tracers of other nodes and hands their decoded batches to a sink (the UI store, a test).
 *
 * - `watch(node)` sends `{:subscribe, viewer}` to `{:playground_tracer, node}` and monitors that
 *   name, so a node going down (`:noconnection`) or without a tracer (`:noproc`) is reported to
 *   the sink's `down` and forgotten; watching again later resubscribes.
 * - Each batch is acknowledged at once (the tracer's flow control): the sink must only buffer,
 *   the UI applies what it buffered once per animation frame.
 * - `follow(dist)` watches every node this one connects to, now and later: the cluster view.
 * - `info(pid, done)` asks the tracer of `pid`'s node for Process.info (info-wire.ts), for the
 *   inspector of a remote process; a monitor on that tracer answers undefined if it is gone.
 */
import { Tuple, atom, refLength, type Atom, type Pid, type Ref, type Term } from '../../core/term/types.ts';
import { inspect } from '../../core/term/inspect.ts';
import type { Node } from '../../core/runtime/node.ts';
import type { ProcessApi, ProcessInfo } from '../../core/runtime/process-api.ts';
import { loopBody } from '../../core/runtime/bodies.ts';
import type { Distribution } from '../dist-types.ts';
import { SUBSCRIBE, TRACE_ACK, TRACE_BATCH, TRACER_NAME, UNSUBSCRIBE, decodeBatch, type TraceBatch } from './wire.ts';
import type { TraceSelf } from './tracer.ts';
import { PROCESS_INFO_REPLY, decodeInfo, infoRequest } from './info-wire.ts';

export const VIEWER_NAME = atom('playground_trace_viewer');
const WATCH = atom('$watch');
const UNWATCH = atom('$unwatch');
const INFO = atom('$info');
const DOWN = atom('DOWN');

export interface TraceSink {
  /** A batch from a watched node. Called inside the viewer's run: buffer, do not render. */
  batch(b: TraceBatch): void;
  /** The watched node's tracer is gone (`:noconnection` when the node went down, `:noproc` without one). */
  down(node: string, reason: string): void;
}

export interface ClusterView {
  readonly pid: Pid;
  watch(node: Atom): void;
  unwatch(node: Atom): void;
  /** Watches every node `dist` is connected to, and each one it connects to later. */
  follow(dist: Distribution): () => void;
  /** A `follow` is in effect (the cluster view is on): the classroom controls then act on the cluster. */
  following(): boolean;
  /** Nodes watched now (subscribed, tracer alive as far as we know). */
  watching(): string[];
  /**
   * Process.info of a process on another node, asked of that node's tracer; `done` gets
   * undefined when the process is gone or the node (or its tracer) is. Called inside the
   * viewer's run, like the sink.
   */
  info(pid: Pid, done: (info: ProcessInfo | undefined) => void): void;
}

interface Watched {
  readonly ref: Ref;
  tracer: Pid | null;
}

export function startViewer(node: Node, self: TraceSelf, sink: TraceSink): ClusterView {
  const watched = new Map<string, Watched>();
  // Info requests: callbacks by request id (they cannot travel in a message), and the ones
  // sent, by the key of the monitor on the asked tracer (which also tags the reply).
  const callbacks = new Map<number, { pid: Pid; done: (info: ProcessInfo | undefined) => void }>();
  const asked = new Map<string, { id: number; ref: Ref }>();
  let nextId = 1;
  let follows = 0;
  const answer = (key: string, info: (pid: Pid) => ProcessInfo | undefined) => {
    const a = asked.get(key);
    if (a === undefined) return false;
    asked.delete(key);
    const c = callbacks.get(a.id);
    callbacks.delete(a.id);
    if (c !== undefined) c.done(info(c.pid));
    return true;
  };

  const handle = (m: Term, proc: ProcessApi) => {
    if (!(m instanceof Tuple)) return;
    const [tag, arg] = m.elements;
    if (tag === TRACE_BATCH) {
      const b = decodeBatch(m);
      if (b === null) return;
      const w = watched.get(b.node.name);
      if (w === undefined) {
        proc.send(b.tracer, new Tuple([UNSUBSCRIBE, proc.self]));
        return;
      }
      w.tracer = b.tracer;
      proc.send(b.tracer, new Tuple([TRACE_ACK, proc.self]));
      sink.batch(b);
    } else if (tag === WATCH && isAtom(arg)) {
      if (watched.has(arg.name) || arg === proc.nodeName) return;
      const dest = new Tuple([TRACER_NAME, arg]);
      const ref = proc.monitor(dest);
      watched.set(arg.name, { ref, tracer: null });
      proc.send(dest, new Tuple([SUBSCRIBE, proc.self]));
    } else if (tag === UNWATCH && isAtom(arg)) {
      const w = watched.get(arg.name);
      if (w === undefined) return;
      watched.delete(arg.name);
      proc.demonitor(w.ref, true);
      proc.send(new Tuple([TRACER_NAME, arg]), new Tuple([UNSUBSCRIBE, proc.self]));
    } else if (tag === INFO && typeof arg === 'number') {
      const c = callbacks.get(arg);
      if (c === undefined) return;
      const dest = new Tuple([TRACER_NAME, c.pid.node]);
      const ref = proc.monitor(dest);
      asked.set(refKey(ref), { id: arg, ref });
      proc.send(dest, infoRequest(proc.self, ref, c.pid));
    } else if (tag === PROCESS_INFO_REPLY && isRef(arg)) {
      const a = asked.get(refKey(arg));
      if (a !== undefined) proc.demonitor(a.ref, true);
      answer(refKey(arg), (pid) => decodeInfo(pid, m.elements[2] as Term));
    } else if (tag === DOWN && m.elements.length === 5) {
      if (isRef(arg) && answer(refKey(arg), () => undefined)) return;
      for (const [name, w] of watched) {
        if (sameRef(w.ref, arg)) {
          watched.delete(name);
          sink.down(name, inspect(m.elements[4] as Term));
        }
      }
    }
  };

  const pid = node.spawn(loopBody(null, (m, s, proc) => (handle(m, proc), s), ['playground_trace_viewer', 'loop', 1]), { system: true });
  const viewerPid = pid;
  self.add(pid);
  node.register(VIEWER_NAME, pid);

  return {
    pid,
    watch: (n) => void node.send(pid, new Tuple([WATCH, n])),
    unwatch: (n) => void node.send(pid, new Tuple([UNWATCH, n])),
    follow(dist) {
      for (const n of dist.list()) node.send(pid, new Tuple([WATCH, n]));
      follows++;
      const off = dist.subscribe((e) => {
        if (e.type === 'connection:up') node.send(pid, new Tuple([WATCH, e.peer]));
      });
      let on = true;
      return () => {
        if (on) follows--;
        on = false;
        off();
      };
    },
    following: () => follows > 0,
    watching: () => [...watched.keys()],
    info(pid, done) {
      const id = nextId++;
      callbacks.set(id, { pid, done });
      node.send(viewerPid, new Tuple([INFO, id]));
    },
  };
}

function sameRef(a: Ref, b: Term | undefined): boolean {
  if (typeof b !== 'object' || b.kind !== 'ref') return false;
  return a.node === b.node && a.ids.length === b.ids.length && a.ids.every((x, i) => x === b.ids[i]);
}

function isRef(t: Term | undefined): t is Ref {
  return typeof t === 'object' && t.kind === 'ref';
}

function refKey(r: Ref): string {
  return `${r.node.name}/${r.ids.slice(0, refLength(r)).join('.')}`;
}

function isAtom(t: Term | undefined): t is Atom {
  return typeof t === 'object' && t.kind === 'atom';
}
