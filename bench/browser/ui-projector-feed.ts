/**
 * A whole class as the teacher's cluster view receives it, made up (issue 13 §2: 30 nodes, 3,000
 * processes, 5,000 messages/s; this machine cannot run 30 tabs): the trace batches 30 tracers
 * would send, each node flushing every FLUSH_MS at its own phase, as the real tracer does
 * (distribution/trace/tracer.ts). A node's first batch carries its processes; each batch carries
 * its share of sends to random processes on the other nodes (`remote`) and the receipts of what
 * the others sent it since its last flush. Pure (clock and random injected), tested in Node.
 */
import { Pid, Tuple, atom, type Atom, type Term } from '../../src/core/term/types.ts';
import type { RuntimeEvent } from '../../src/core/runtime/events.ts';
import type { ProcessSummary } from '../../src/core/runtime/introspection.ts';
import type { TraceBatch } from '../../src/distribution/trace/wire.ts';
import { FLUSH_MS } from '../../src/distribution/trace/tracer.ts';

export interface ClassOptions {
  readonly nodes: number;
  /** Processes in the whole class (split evenly). */
  readonly processes: number;
  /** Messages per second across the class, each to another node. */
  readonly rate: number;
  /** When the feed starts, ms on the clock `due` is called with. */
  readonly start: number;
  readonly random: () => number;
}

interface Student {
  readonly name: Atom;
  readonly tracer: Pid;
  readonly pids: readonly Pid[];
  /** Receipts of messages sent to it, reported in its next batch. */
  received: RuntimeEvent[];
  nextFlush: number;
  lastFlush: number;
  owed: number;
  seq: number;
  first: boolean;
}

const CREATION = 1;
/** The first pid number of a student's processes (below are a real node's system processes). */
const FIRST_PID = 100;
const TICK = atom('tick');

export interface SyntheticClass {
  /** The students' node names (`student1@class`...). */
  readonly names: readonly string[];
  /** The batches due by `now`, in the order the tracers would have sent them. */
  due(now: number): TraceBatch[];
  /** Messages sent so far. */
  readonly sent: number;
  /** A new viewer subscribed: each node's next batch carries its processes again, as a tracer's does. */
  subscribed(): void;
}

export function syntheticClass(o: ClassOptions): SyntheticClass {
  const students: Student[] = Array.from({ length: o.nodes }, (_, i) => {
    const name = atom(`student${i + 1}@class`);
    const count = Math.floor(o.processes / o.nodes) + (i < o.processes % o.nodes ? 1 : 0);
    // Each tracer flushes on its own timer: spread the phases over one flush period.
    const phase = (i * FLUSH_MS) / o.nodes;
    return {
      name,
      tracer: new Pid(name, 90, 0, CREATION),
      pids: Array.from({ length: count }, (_, j) => new Pid(name, FIRST_PID + j, 0, CREATION)),
      received: [],
      nextFlush: o.start + phase,
      lastFlush: o.start + phase - FLUSH_MS,
      owed: 0,
      seq: 0,
      first: true,
    };
  });
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(o.random() * xs.length)] as T;
  let sent = 0;
  let messageSeq = 0;

  const flush = (s: Student, now: number): TraceBatch => {
    const events: RuntimeEvent[] = s.received;
    s.received = [];
    s.owed += ((now - s.lastFlush) * o.rate) / o.nodes / 1000;
    s.lastFlush = now;
    for (; s.owed >= 1 && o.nodes > 1 && s.pids.length > 0; s.owed--) {
      let peer = pick(students);
      while (peer === s) peer = pick(students);
      const to = pick(peer.pids);
      if (to === undefined) continue;
      const message: Term = new Tuple([TICK, messageSeq++]);
      events.push({ type: 'message:sent', time: now, from: pick(s.pids), to, message, remote: true });
      peer.received.push({ type: 'message:received', time: now, pid: to, message });
      sent++;
    }
    const processes = s.first ? s.pids.map(summary) : null;
    s.first = false;
    return { tracer: s.tracer, node: s.name, seq: s.seq++, events, processes, dropped: 0 };
  };

  return {
    names: students.map((s) => s.name.name),
    due(now) {
      const out: TraceBatch[] = [];
      for (;;) {
        let next: Student | null = null;
        for (const s of students) if (s.nextFlush <= now && (next === null || s.nextFlush < next.nextFlush)) next = s;
        if (next === null) return out;
        out.push(flush(next, next.nextFlush));
        next.nextFlush += FLUSH_MS;
      }
    },
    get sent() {
      return sent;
    },
    subscribed() {
      for (const s of students) s.first = true;
    },
  };
}

function summary(pid: Pid): ProcessSummary {
  return { pid, status: 'waiting', registeredName: undefined, messageQueueLen: 0, links: [], reductions: 0, groupLeader: pid, label: null };
}
