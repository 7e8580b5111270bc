/**
 * The tracing service's messages as terms: only terms cross the distribution protocol, so a
 * runtime event or a process summary travels as a tuple, encoded by the traced node and decoded
 * by the viewer (whose pids then print with the viewer's own node numbering).
 *
 *   viewer → {:playground_tracer, node}   {:subscribe, viewer} | {:unsubscribe, viewer}
 *   tracer → viewer                       {:trace_batch, tracer, node, seq, events, processes | nil, dropped}
 *   viewer → tracer                       {:trace_ack, viewer}
 *
 * Messages and exit reasons inside events are bounded before they leave (long lists and
 * binaries cut, deep terms folded, funs sent as their printed form), so a process sending a
 * 1 MB binary in a loop costs the tracer a few hundred bytes per message, and a fun the wire
 * cannot carry never makes the tracer crash.
 */
import { Binary, Cons, MapTerm, NIL, NIL_ATOM, Tuple, atom, bool, list } from '../../core/term/types.ts';
import type { Atom, Pid, Term } from '../../core/term/types.ts';
import { inspect } from '../../core/term/inspect.ts';
import { mapKey } from '../../core/term/hash.ts';
import type { RuntimeEvent } from '../../core/runtime/events.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import type { ProcessStatus } from '../../core/runtime/process-api.ts';
import { isPid, isRef, isAtom } from './guards.ts';
import { fingerprint } from './fingerprint.ts';

export const TRACER_NAME = atom('playground_tracer');
export const SUBSCRIBE = atom('subscribe');
export const UNSUBSCRIBE = atom('unsubscribe');
export const TRACE_BATCH = atom('trace_batch');
export const TRACE_ACK = atom('trace_ack');

const TAGS = {
  'process:spawned': atom('spawned'),
  'process:exited': atom('exited'),
  'message:sent': atom('sent'),
  'message:received': atom('received'),
  'link:added': atom('link'),
  'link:removed': atom('unlink'),
  'monitor:added': atom('monitor'),
  'monitor:removed': atom('demonitor'),
  'name:registered': atom('register'),
  'name:unregistered': atom('unregister'),
  'spawn:requested': atom('spawn_request'),
} as const satisfies Record<RuntimeEvent['type'], Atom>;
const TYPE_OF = new Map<Atom, RuntimeEvent['type']>(Object.entries(TAGS).map(([k, v]) => [v, k as RuntimeEvent['type']]));

const STATUSES: readonly ProcessStatus[] = ['running', 'runnable', 'waiting', 'exiting', 'suspended'];

/** A runtime event as decoded from the trace wire, with the fingerprint its tracer sent (fingerprint.ts). */
export type TracedEvent = RuntimeEvent & { readonly fp?: number };

/** One batch as the viewer gets it. */
export interface TraceBatch {
  readonly tracer: Pid;
  readonly node: Atom;
  readonly seq: number;
  readonly events: TracedEvent[];
  /** The node's processes, when they changed since the previous batch. */
  readonly processes: ProcessSummary[] | null;
  /** Events the tracer dropped (oldest first) because this viewer was slow. */
  readonly dropped: number;
}

const orNil = (t: Term | null): Term => t ?? NIL_ATOM;

export function encodeEvent(e: RuntimeEvent): Term {
  const tag = TAGS[e.type];
  switch (e.type) {
    case 'process:spawned':
      return new Tuple([tag, e.time, e.pid, orNil(e.parent), bool(e.system)]);
    case 'process:exited':
      return new Tuple([tag, e.time, e.pid, bounded(e.reason)]);
    case 'message:sent':
      // The fingerprint (fingerprint.ts) lets a recorder pair this send with its receive.
      return new Tuple([tag, e.time, orNil(e.from), e.to, bounded(e.message), bool(e.remote), fingerprint(e.message)]);
    case 'message:received':
      // The viewer only counts the mailbox down: the message itself stays home, its fingerprint goes.
      return new Tuple([tag, e.time, e.pid, fingerprint(e.message)]);
    case 'link:added':
    case 'link:removed':
      return new Tuple([tag, e.time, e.from, e.to]);
    case 'monitor:added':
    case 'monitor:removed':
      return new Tuple([tag, e.time, e.ref, e.watcher, e.target]);
    case 'name:registered':
    case 'name:unregistered':
      return new Tuple([tag, e.time, e.name, e.pid]);
    case 'spawn:requested':
      return new Tuple([tag, e.time, e.from, e.node, bounded(e.call)]);
  }
}

/** The event a tuple stands for, or null when it is malformed (a viewer never trusts the wire). */
export function decodeEvent(t: Term): TracedEvent | null {
  if (!(t instanceof Tuple) || t.elements.length < 3) return null;
  const [tag, time] = t.elements;
  const type = TYPE_OF.get(tag as Atom);
  if (type === undefined || typeof time !== 'number') return null;
  const el = t.elements;
  switch (type) {
    case 'process:spawned':
      return isPid(el[2]) ? { type, time, pid: el[2], parent: isPid(el[3]) ? el[3] : null, system: el[4] === bool(true) } : null;
    case 'process:exited':
      return isPid(el[2]) && el[3] !== undefined ? { type, time, pid: el[2], reason: el[3] } : null;
    case 'message:sent':
      return el[3] !== undefined && el[4] !== undefined
        ? { type, time, from: isPid(el[2]) ? el[2] : null, to: el[3], message: el[4], remote: el[5] === bool(true), ...fpOf(el[6]) }
        : null;
    case 'message:received':
      return isPid(el[2]) ? { type, time, pid: el[2], message: NIL_ATOM, ...fpOf(el[3]) } : null;
    case 'link:added':
    case 'link:removed':
      return isPid(el[2]) && isPid(el[3]) ? { type, time, from: el[2], to: el[3] } : null;
    case 'monitor:added':
    case 'monitor:removed':
      return isRef(el[2]) && isPid(el[3]) && isPid(el[4]) ? { type, time, ref: el[2], watcher: el[3], target: el[4] } : null;
    case 'name:registered':
    case 'name:unregistered':
      return isAtom(el[2]) && isPid(el[3]) ? { type, time, name: el[2], pid: el[3] } : null;
    case 'spawn:requested':
      return isPid(el[2]) && isAtom(el[3]) && el[4] !== undefined ? { type, time, from: el[2], node: el[3], call: el[4] } : null;
  }
}

/** A fingerprint from the wire: a 32-bit unsigned integer, or nothing (an older tab's tracer, a forged one). */
function fpOf(t: Term | undefined): { fp?: number } {
  return typeof t === 'number' && Number.isInteger(t) && t >= 0 && t < 2 ** 32 ? { fp: t } : {};
}

export function encodeSummary(s: ProcessSummary): Term {
  return new Tuple([
    s.pid, atom(s.status), orNil(s.registeredName ?? null), s.messageQueueLen, list(s.links), s.reductions, s.groupLeader,
    s.label == null ? NIL_ATOM : bounded(s.label),
  ]);
}

export function decodeSummary(t: Term): ProcessSummary | null {
  // 7 elements from a tracer that knows no labels (an older tab), 8 from one that does.
  if (!(t instanceof Tuple) || (t.elements.length !== 7 && t.elements.length !== 8)) return null;
  const [pid, status, name, qlen, links, reductions, gl, label] = t.elements;
  const st = isAtom(status) ? STATUSES.find((s) => s === status.name) : undefined;
  if (!isPid(pid) || st === undefined || typeof qlen !== 'number' || typeof reductions !== 'number' || !isPid(gl)) return null;
  const linked: Pid[] = [];
  for (let l: Term = links as Term; l instanceof Cons; l = l.tail) if (isPid(l.head)) linked.push(l.head);
  return {
    pid, status: st, registeredName: isAtom(name) && name !== NIL_ATOM ? name : undefined,
    messageQueueLen: qlen, links: linked, reductions, groupLeader: gl,
    label: label === undefined || label === NIL_ATOM ? null : label,
  };
}

export function encodeBatch(b: TraceBatch): Term {
  return new Tuple([
    TRACE_BATCH, b.tracer, b.node, b.seq, list(b.events.map(encodeEvent)),
    b.processes === null ? NIL_ATOM : list(b.processes.map(encodeSummary)), b.dropped,
  ]);
}

export function decodeBatch(t: Term): TraceBatch | null {
  if (!(t instanceof Tuple) || t.elements.length !== 7 || t.elements[0] !== TRACE_BATCH) return null;
  const [, tracer, node, seq, events, procs, dropped] = t.elements;
  if (!isPid(tracer) || !isAtom(node) || typeof seq !== 'number' || typeof dropped !== 'number') return null;
  const evs: TracedEvent[] = [];
  for (let l: Term = events as Term; l instanceof Cons; l = l.tail) {
    const e = decodeEvent(l.head);
    if (e !== null) evs.push(e);
  }
  let processes: ProcessSummary[] | null = null;
  if (procs instanceof Cons || procs === NIL) {
    processes = [];
    for (let l: Term = procs; l instanceof Cons; l = l.tail) {
      const s = decodeSummary(l.head);
      if (s !== null) processes.push(s);
    }
  }
  return { tracer, node, seq, events: evs, processes, dropped };
}

// --- bounding terms ---

const MAX_ITEMS = 16;
const MAX_BYTES = 256;
const MAX_DEPTH = 6;
const ELLIPSIS = atom('...');

/**
 * Terms a bounded copy visits at most. Items and depth alone do not bound it: a term may share
 * its parts (6 nested tuples of 16 copies of the one below are 7 objects, and 16^6 leaves as a
 * tree), so each container splits what is left evenly among the items it keeps.
 */
const MAX_VISITS = 4096;

/** A copy of `t` small enough to trace: what the canvas shows on hover, never the whole payload. */
export function bounded(t: Term): Term {
  return boundedIn(t, 0, MAX_VISITS);
}

function boundedIn(t: Term, depth: number, budget: number): Term {
  if (typeof t !== 'object') return t;
  switch (t.kind) {
    case 'binary':
      return t.byteSize <= MAX_BYTES ? t : Binary.fromBytes(t.bytes.slice(0, MAX_BYTES));
    case 'bitstring':
      return t.bytes.length <= MAX_BYTES ? t : Binary.fromBytes(t.bytes.slice(0, MAX_BYTES));
    case 'fun':
      // Funs cross the wire only as code the receiving VM rebuilds; a trace needs just their face.
      return Binary.fromString(inspect(t));
    case 'tuple': {
      if (depth >= MAX_DEPTH || budget < 1) return ELLIPSIS;
      if (t.elements.length <= MAX_ITEMS && t.elements.every((x) => typeof x !== 'object' || isLeaf(x))) return t;
      const kept = t.elements.slice(0, MAX_ITEMS);
      const each = Math.floor((budget - 1) / kept.length);
      return new Tuple(kept.map((x) => boundedIn(x, depth + 1, each)));
    }
    case 'cons': {
      if (depth >= MAX_DEPTH || budget < 1) return ELLIPSIS;
      const each = Math.floor((budget - 1) / (MAX_ITEMS + 1)); // up to MAX_ITEMS heads and the tail
      const items: Term[] = [];
      let l: Term = t;
      for (; l instanceof Cons && items.length < MAX_ITEMS; l = l.tail) items.push(boundedIn(l.head, depth + 1, each));
      return list(items, l instanceof Cons ? NIL : boundedIn(l, depth + 1, each));
    }
    case 'map': {
      if (depth >= MAX_DEPTH || budget < 1) return ELLIPSIS;
      // Keys are bounded like values (a 10 MB binary key is a 10 MB binary): half of each entry's share.
      const each = Math.floor((budget - 1) / (2 * Math.min(t.entries.size, MAX_ITEMS)));
      const entries = new Map<unknown, readonly [Term, Term]>();
      let seen = 0;
      for (const [k, v] of t.entries) {
        if (seen++ >= MAX_ITEMS) break;
        const key = boundedIn(v[0], depth + 1, each);
        // A cut key gets the hash of what it now is; two keys cut to the same copy show as one.
        entries.set(key === v[0] ? k : mapKey(key), [key, boundedIn(v[1], depth + 1, each)]);
      }
      return new MapTerm(entries);
    }
    default:
      return t;
  }
}

function isLeaf(t: Exclude<Term, number | bigint>): boolean {
  if (t.kind === 'binary') return t.byteSize <= MAX_BYTES;
  return t.kind === 'atom' || t.kind === 'pid' || t.kind === 'ref' || t.kind === 'port' || t.kind === 'float' || t.kind === 'nil';
}

