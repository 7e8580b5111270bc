/**
 * The recorder: what a tab has seen happen, kept for time travel, the sequence diagram and the
 * exports. Every tab records its own node's events and, with the cluster view on, every watched
 * node's (the tracing service's batches, in each node's own order).
 *
 * - Bounded: at most `capacity` events (RECORD_CAPACITY, 200,000 by default); past it the oldest
 *   go and `evicted` counts them. A message is kept as its bounded copy (wire.ts `bounded`), so a
 *   recorded 1 MB binary costs a few hundred bytes.
 * - A send and its receive are paired by the message's fingerprint (fingerprint.ts) and the
 *   receiving process (its pid, or a name it registered), oldest unpaired first: Erlang keeps a
 *   sender's messages to one receiver in order, so the n-th such send is the n-th such arrival.
 *   Either side may be recorded first (two nodes' batches reach a viewer in any order).
 * - Clocks: each event gets its node's Lamport clock and a vector clock (record-clocks.ts),
 *   computed here from each node's event order (the trace wire's) and the pairs: nothing rides
 *   on the class's own distribution messages, and nothing a peer sends can forge a clock.
 * - Pure: no timers, no DOM; the host calls `record` from its event stream and the viewer's sink.
 */
import { NIL_ATOM, Tuple, type Atom, type Pid, type Term } from '../../core/term/types.ts';
import { bounded, type TracedEvent } from './wire.ts';
import { fingerprint } from './fingerprint.ts';

export const RECORD_CAPACITY = 200_000;

export type RecordKind =
  | 'spawn' | 'exit' | 'send' | 'receive' | 'link' | 'unlink' | 'monitor' | 'demonitor' | 'register' | 'unregister'
  | 'spawn_request' | 'nodeup' | 'nodedown' | 'handshake' | 'global' | 'classroom';

/** One recorded event. `peer` is who it concerns besides `pid` (the receiver, the linked, the parent...). */
export interface Recorded {
  /** Its place in the recording: increasing, never reused (clearing or evicting keeps counting). */
  readonly id: number;
  readonly node: string;
  readonly kind: RecordKind;
  /** The node's clock, ms. */
  readonly time: number;
  /**
   * The recording tab's clock (ms) when it recorded the event: one clock for every node's events
   * (a remote one is seen when its batch arrives, ~100 ms late), what the diagram's time range reads.
   */
  readonly seen: number;
  readonly pid: Pid | null;
  readonly peer: Term | null;
  /** The message (bounded), the exit reason, the registered name, a note's text... */
  readonly term: Term | null;
  readonly system: boolean;
  /** The id of the paired send (on a receive) or receive (on a send); -1 while unpaired. */
  match: number;
}

export interface RecorderOptions {
  readonly capacity?: number;
  /** The recording tab's clock, ms (each event's `seen`); without it `seen` is the event's own time. */
  readonly clock?: () => number;
}


export class Recorder {
  readonly capacity: number;
  /**
   * A ring: once full, the newest takes the oldest's place (no array copied as it turns over; an
   * array grown and sliced every `capacity` events copied 200,000 slots at a time).
   */
  private items: Recorded[] = [];
  /** Where the oldest is in `items` (0 until the ring is full). */
  private head = 0;
  private nextId = 0;
  /** Events evicted (oldest first) since the last clear. */
  evicted = 0;
  /** Bumped on every change: views recompute what they derive only when it moved. */
  version = 0;
  /** Off: `record` and `note` do nothing (the visible "recording" state). */
  recording = true;
  // Unpaired sends by `destination|fingerprint`, unpaired receives by `pid|fingerprint`: ids, oldest first.
  private sends = new Map<string, number[]>();
  private receives = new Map<string, number[]>();
  /** `node/name` -> the pid key that registered it, and back (names a receiver is reached by). */
  private names = new Map<string, string>();
  private namesOf = new Map<string, Set<string>>();
  /** Where the sweep of the unpaired tables is (see `sweep`). */
  private sendCursor: Iterator<[string, number[]]> | null = null;
  private receiveCursor: Iterator<[string, number[]]> | null = null;

  private readonly clock: (() => number) | undefined;

  constructor(o: RecorderOptions = {}) {
    this.capacity = Math.max(1, Math.floor(o.capacity ?? RECORD_CAPACITY));
    this.clock = o.clock;
  }

  /** Sends and receives still waiting for their other half (bounded by the capacity). */
  get unpaired(): number {
    let n = 0;
    for (const q of this.sends.values()) n += q.length;
    for (const q of this.receives.values()) n += q.length;
    return n;
  }

  get size(): number {
    return this.items.length;
  }

  /** The id of the oldest event kept. */
  get firstId(): number {
    return this.nextId - this.size;
  }

  /** The events kept, oldest first (a copy of the list; the events themselves are shared). */
  events(): Recorded[] {
    return this.head === 0 ? this.items.slice() : [...this.items.slice(this.head), ...this.items.slice(0, this.head)];
  }

  byId(id: number): Recorded | undefined {
    const i = id - this.firstId;
    return i >= 0 && i < this.size ? this.items[(this.head + i) % this.items.length] : undefined;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
    this.evicted = 0;
    this.sends.clear();
    this.receives.clear();
    this.sendCursor = this.receiveCursor = null;
    this.version++;
  }

  /** One runtime event of `node` (its own order). Messages and reasons are kept bounded. */
  record(node: string, e: TracedEvent): void {
    if (!this.recording) return;
    switch (e.type) {
      case 'process:spawned':
        this.add(node, 'spawn', e.time, e.pid, e.parent, null, e.system);
        return;
      case 'process:exited':
        this.add(node, 'exit', e.time, e.pid, null, bounded(e.reason), false);
        return;
      case 'message:sent':
        this.send(node, e.time, e.from, e.to, e.message, e.fp ?? fingerprint(e.message));
        return;
      case 'message:received':
        // A received event from the wire has no message (it stays home): its tracer's fingerprint.
        this.receive(node, e.time, e.pid, e.fp ?? fingerprint(e.message));
        return;
      case 'link:added':
      case 'link:removed':
        this.add(node, e.type === 'link:added' ? 'link' : 'unlink', e.time, e.from, e.to, null, false);
        return;
      case 'monitor:added':
      case 'monitor:removed':
        this.add(node, e.type === 'monitor:added' ? 'monitor' : 'demonitor', e.time, e.watcher, e.target, e.ref, false);
        return;
      case 'name:registered':
      case 'name:unregistered':
        if (e.type === 'name:registered') this.named(node, e.name, e.pid);
        this.add(node, e.type === 'name:registered' ? 'register' : 'unregister', e.time, e.pid, null, e.name, false);
        return;
      case 'spawn:requested':
        this.add(node, 'spawn_request', e.time, e.from, e.node, bounded(e.call), false);
        return;
    }
  }

  /** A happening that is not a runtime event: node up/down, a handshake step, a `:global` name, a classroom action. */
  note(node: string, kind: 'nodeup' | 'nodedown' | 'handshake' | 'global' | 'classroom', time: number, what: Term, peer: Term | null = null): void {
    if (!this.recording) return;
    this.add(node, kind, time, null, peer, bounded(what), false);
  }

  private add(node: string, kind: RecordKind, time: number, pid: Pid | null, peer: Term | null, term: Term | null, system: boolean): Recorded {
    const t = Number.isFinite(time) ? time : 0;
    const r: Recorded = { id: this.nextId++, node, kind, time: t, seen: this.clock === undefined ? t : this.clock(), pid, peer, term, system, match: -1 };
    if (this.items.length < this.capacity) this.items.push(r);
    else this.evict(r);
    this.version++;
    return r;
  }

  /** The oldest leaves and `r` takes its place. */
  private evict(r: Recorded): void {
    const old = this.items[this.head] as Recorded;
    this.items[this.head] = r;
    this.head = (this.head + 1) % this.items.length;
    this.evicted++;
    if (old.match >= 0) {
      const other = this.byId(old.match);
      if (other !== undefined) other.match = -1;
    }
    this.sweep();
  }

  /**
   * Drops, a few keys per eviction, the unpaired ids that left with the evicted (bounded tables).
   * Two keys of each table per eviction, while at most one key is added per event: every key is
   * looked at within a pass, and no event pays for a whole pass (both tables swept whole every
   * `capacity` evictions held one event 2.2 s with 200,000 unpaired sends, in Node at load 35).
   */
  private sweep(): void {
    this.sendCursor = sweepSome(this.sends, this.sendCursor ?? this.sends.entries(), this.firstId);
    this.receiveCursor = sweepSome(this.receives, this.receiveCursor ?? this.receives.entries(), this.firstId);
  }

  private send(node: string, time: number, from: Pid | null, to: Term, message: Term, fp: number): void {
    const dest = this.destination(node, to);
    const r = this.add(node, 'send', time, from, to, bounded(message), false);
    // A receive recorded before its send (the receiver's batch came first) waits under its pid key.
    const waiting = dest.startsWith('p:') ? take(this.receives, `${dest}|${fp}`, this.firstId) : this.takeNamedReceive(dest, fp);
    if (waiting !== undefined) pair(r, this.byId(waiting));
    else push(this.sends, `${dest}|${fp}`, r.id);
  }

  private receive(node: string, time: number, pid: Pid, fp: number): void {
    const r = this.add(node, 'receive', time, pid, null, null, false);
    const key = pidKeyOf(pid);
    let best: { key: string; id: number } | undefined;
    const consider = (k: string) => {
      const q = this.sends.get(k);
      const id = q === undefined ? undefined : oldest(q, this.firstId);
      if (id !== undefined && (best === undefined || id < best.id)) best = { key: k, id };
    };
    consider(`p:${key}|${fp}`);
    const names = this.namesOf.get(key);
    if (names !== undefined) for (const n of names) consider(`n:${n}|${fp}`);
    if (best !== undefined) {
      take(this.sends, best.key, this.firstId);
      const s = this.byId(best.id);
      pair(s, r);
    } else push(this.receives, `p:${key}|${fp}`, r.id);
  }

  /** A named send's key: the pid that holds the name when known, else `n:node/name`. */
  private destination(node: string, to: Term): string {
    if (typeof to === 'object' && to.kind === 'pid') return `p:${pidKeyOf(to)}`;
    let name: Term | undefined = to;
    let at = node;
    if (to instanceof Tuple && to.elements.length === 2) {
      name = to.elements[0];
      const n = to.elements[1];
      if (typeof n === 'object' && n.kind === 'atom') at = n.name;
    }
    if (typeof name !== 'object' || name.kind !== 'atom' || name === NIL_ATOM) return `x:${node}`;
    const n = `${at}/${name.name}`;
    const holder = this.names.get(n);
    return holder === undefined ? `n:${n}` : `p:${holder}`;
  }

  private takeNamedReceive(dest: string, fp: number): number | undefined {
    const holder = this.names.get(dest.slice(2));
    return holder === undefined ? undefined : take(this.receives, `p:${holder}|${fp}`, this.firstId);
  }

  private named(node: string, name: Atom, pid: Pid): void {
    const n = `${node}/${name.name}`;
    const key = pidKeyOf(pid);
    this.names.set(n, key);
    let set = this.namesOf.get(key);
    if (set === undefined) this.namesOf.set(key, (set = new Set()));
    if (set.size < 16) set.add(n);
    // Bounded: names of long-gone processes go once the table is large.
    if (this.namesOf.size > 4096) {
      const first = this.namesOf.keys().next().value as string;
      this.namesOf.delete(first);
    }
    if (this.names.size > 4096) this.names.delete(this.names.keys().next().value as string);
  }
}

/** A pid's key across tabs: its node's name and numbers (never the printing tab's numbering). */
export function pidKeyOf(pid: Pid): string {
  return `${pid.node.name}/${pid.id}.${pid.serial}`;
}

/** Pairs send `s` with receive `r`; the receive learns the message (the wire carried only its fingerprint). */
function pair(s: Recorded | undefined, r: Recorded | undefined): void {
  if (s === undefined || r === undefined) return;
  s.match = r.id;
  r.match = s.id;
  if (r.term === null) (r as { term: Term | null }).term = s.term;
}

function push(m: Map<string, number[]>, key: string, id: number): void {
  const q = m.get(key);
  if (q === undefined) m.set(key, [id]);
  else q.push(id);
}

function oldest(q: number[], firstId: number): number | undefined {
  while (q.length > 0 && (q[0] as number) < firstId) q.shift();
  return q[0];
}

function take(m: Map<string, number[]>, key: string, firstId: number): number | undefined {
  const q = m.get(key);
  if (q === undefined) return undefined;
  const id = oldest(q, firstId);
  if (id !== undefined) q.shift();
  if (q.length === 0) m.delete(key);
  return id;
}

const SWEEP_KEYS = 2;

/** Looks at SWEEP_KEYS keys of `m` from `cursor` and drops those whose ids were all evicted; the cursor to go on from (a new pass at the end). */
function sweepSome(m: Map<string, number[]>, cursor: Iterator<[string, number[]]>, firstId: number): Iterator<[string, number[]]> | null {
  for (let i = 0; i < SWEEP_KEYS; i++) {
    const next = cursor.next();
    if (next.done === true) return null;
    const [key, q] = next.value;
    if (oldest(q, firstId) === undefined) m.delete(key);
  }
  return cursor;
}
