/**
 * One node's runtime: its processes, delivery into mailboxes and the scheduler. Everything a
 * node holds lives on this object (no module state), so tests run many nodes in one process.
 *
 * Routing is in routing.ts, links/monitors/exit signals in signals.ts, timers of processes in
 * process-timers.ts, the registry in registry.ts, what other nodes call in remote-inbox.ts.
 * What stays here is the end of the hot path (deliver → run queue → run), kept monomorphic.
 */
import { Pid, atom } from '../term/types.ts';
import type { Atom, Ref, Term } from '../term/types.ts';
import type { Clock, Logger, LogLevel, OutputSink, Random } from '../ports.ts';
import type { ProcessBody, RunResult, CrashInfo } from './process-body.ts';
import type { ProcessInfo, SpawnOptions } from './process-api.ts';
import { Proc } from './process.ts';
import { Status } from './status.ts';
import { RunQueue } from './run-queue.ts';
import { TimerHeap } from './timers.ts';
import type { Timer } from './timers.ts';
import { EventHub } from './events.ts';
import { PidAllocator, RefAllocator } from './identifiers.ts';
import { Registry } from './registry.ts';
import type { RemoteRouter } from './remote.ts';
import { addLink, deliverExit, kill, KILL, monitor } from './signals.ts';
import { maxHeapReport, NO_LIMIT, type MaxHeap } from './heap-limit.ts';
import { processInfo } from './introspection.ts';
import { bodyErrorExit } from './errors.ts';
import { crashReport } from './crash-report.ts';
import { crashEvent, LOGGER } from './remote-log.ts';
import { sendNamed } from './routing.ts';
import { parkIfSuspended } from './busy-dist.ts';
import type { CrashFormatter, Timestamp } from './crash-report.ts';
import type { DelayedDelivery } from './delivery-delay.ts';

export const NONODE = atom('nonode@nohost');
export const CONTEXT_REDS = 4000;

export interface NodeSpawnOptions extends SpawnOptions {
  /** Built-in processes take ids from BEAM's low range (below 0.100). */
  readonly system?: boolean;
}

export interface RuntimeConfig {
  readonly clock: Clock;
  /** Milliseconds since the Unix epoch (`:erlang.system_time`, `DateTime.utc_now`); tests pass `clock`. */
  readonly wallClock: Clock;
  readonly random: Random;
  readonly stdout: OutputSink;
  readonly logger: Logger | undefined;
  readonly name: Atom;
  readonly creation: number;
  readonly processBudget: number;
  /** max_heap_size of every new process (heap-limit.ts); the node's own processes have none. */
  readonly maxHeap: MaxHeap;
  readonly formatCrash: CrashFormatter;
  readonly timestamp: Timestamp;
}

export class NodeRuntime {
  name: Atom;
  creation: number;
  readonly clock: Clock;
  readonly wallClock: Clock;
  readonly random: Random;
  readonly stdout: OutputSink;
  readonly logger: Logger | undefined;
  readonly formatCrash: CrashFormatter;
  readonly timestamp: Timestamp;
  readonly processBudget: number;
  readonly maxHeap: MaxHeap;
  /** Processes past their max_heap_size whose report is written (kill: false): once each. */
  readonly heapReported = new WeakSet<Proc>();

  readonly procs = new Map<number, Proc>();
  readonly runQueue = new RunQueue<Proc>();
  readonly timers = new TimerHeap();
  readonly events = new EventHub();
  readonly registry: Registry;
  readonly pids: PidAllocator;
  readonly refs: RefAllocator;
  readonly sendTimers = new Map<string, Timer>();
  router: RemoteRouter | null = null;
  /** Local messages wait here when the host gave a delivery delay (delivery-delay.ts); null: delivered at once. */
  delayed: DelayedDelivery | null = null;
  /** The number this node prints for another node in pids (set by the distribution layer). */
  nodeNumber: (node: Atom) => number = () => 0;
  /** A slice is running: remote signals queued now are flushed at its end (RemoteRouter.flush). */
  inSlice = false;
  /** The process whose body is running now; signals to it wait until its run returns. */
  current: Proc | null = null;
  /** `#PID<0.0.0>`: the sender of signals that come from outside any process (init's pid on BEAM). */
  readonly initPid: Pid;
  /** The standard group leader, set by createNode once its I/O server is spawned. */
  stdGroupLeader: Pid;
  /** Processes killed and not yet torn down: a queue, so a chain of 100,000 links never recurses. */
  readonly exitQueue: { proc: Proc; reason: Term }[] = [];
  draining = false;
  /** Bumped on every observable change, so getSnapshot can reuse its last answer. */
  version = 0;
  /** Reductions spent by all slices so far (runUntilIdle's budget). */
  totalReductions = 0;
  /** Processes suspended on a busy connection, by the node it leads to (busy-dist.ts). */
  readonly busySenders = new Map<Atom, Proc[]>();
  /** The owners of active aliases, by ref key (aliases.ts, which replaces it when it empties). */
  aliases = new Map<string, Proc>();

  constructor(cfg: RuntimeConfig) {
    this.name = cfg.name;
    this.creation = cfg.creation;
    this.clock = cfg.clock;
    this.wallClock = cfg.wallClock;
    this.random = cfg.random;
    this.stdout = cfg.stdout;
    this.logger = cfg.logger;
    this.formatCrash = cfg.formatCrash;
    this.timestamp = cfg.timestamp;
    this.processBudget = cfg.processBudget;
    this.maxHeap = cfg.maxHeap;
    this.pids = new PidAllocator((id) => this.procs.has(id));
    this.refs = new RefAllocator(cfg.random);
    this.registry = new Registry(this);
    this.initPid = new Pid(this.name, 0, 0, this.creation);
    this.stdGroupLeader = this.initPid;
  }

  // --- processes ---

  /** A local pid's live process (Exiting ones included: they still hold links), or undefined. */
  lookup(pid: Pid): Proc | undefined {
    if (pid.node !== this.name && !this.isOldLocalName(pid)) return undefined;
    const p = this.procs.get(pid.id);
    if (p === undefined) return undefined;
    const s = p.self;
    if (s === pid) return p;
    // Same node name: the creation tells incarnations apart. Different names: one of them is
    // the `nonode@nohost` the process was born under before the node got its name.
    return s.serial === pid.serial && pid.creation === (s.node === pid.node ? s.creation : this.creation) ? p : undefined;
  }

  /**
   * The node gets a name (Node.start / net_kernel): new pids and refs carry it. Processes
   * born before keep their `nonode@nohost` pids, which still mean this node; the distribution
   * layer encodes them with the new name, as BEAM shows local pids under the current name.
   */
  setName(name: Atom, creation: number): void {
    this.name = name;
    this.creation = creation;
    this.version++;
  }

  isLocal(pid: Pid): boolean {
    return pid.node === this.name || this.isOldLocalName(pid);
  }

  /** Pids made before the node got its name (`nonode@nohost`, creation 0) still mean us. */
  private isOldLocalName(pid: Pid): boolean {
    return pid.node === NONODE && pid.creation === 0 && this.initPid.node === NONODE;
  }

  isAlive(pid: Pid): boolean {
    const p = this.lookup(pid);
    return p !== undefined && p.status < Status.Exiting;
  }

  spawn(parent: Proc | null, body: ProcessBody, options: NodeSpawnOptions): { pid: Pid; monitorRef?: Ref } {
    const pid = this.pids.next(this.name, this.creation, options.system === true);
    const gl = options.groupLeader ?? (parent !== null ? parent.groupLeaderPid : this.stdGroupLeader);
    const p = new Proc(this, pid, body, gl, options.initialCall);
    p.system = options.system === true;
    p.maxHeap = options.system === true ? NO_LIMIT : (options.maxHeap ?? this.maxHeap);
    this.procs.set(pid.id, p);
    this.version++;
    if (this.events.active) {
      this.events.emit({ type: 'process:spawned', time: this.clock.now(), pid, parent: parent?.self ?? null, system: options.system === true });
    }
    if (parent !== null && options.link === true) addLink(this, parent, p);
    this.enqueue(p);
    if (parent !== null && options.monitor === true) return { pid, monitorRef: monitor(this, parent, pid) };
    return { pid };
  }

  spawnFrom(parent: Proc, body: ProcessBody, options: SpawnOptions): { pid: Pid; monitorRef?: Ref } {
    return this.spawn(parent, body, options);
  }

  enqueue(p: Proc): void {
    p.status = Status.Runnable;
    if (!p.inQueue) {
      p.inQueue = true;
      this.runQueue.push(p);
    }
  }

  processes(): Pid[] {
    const out: Pid[] = [];
    for (const p of this.procs.values()) if (p.status < Status.Exiting) out.push(p.self);
    return out;
  }

  info(pid: Pid): ProcessInfo | undefined {
    const p = this.lookup(pid);
    return p === undefined || p.status >= Status.Exited ? undefined : processInfo(p, this.current === p);
  }

  setGroupLeader(pid: Pid, leader: Pid): void {
    const p = this.lookup(pid);
    if (p !== undefined) p.groupLeaderPid = leader;
    else if (!this.isLocal(pid) && this.router?.groupLeader !== undefined) this.router.groupLeader(pid, leader);
  }

  makeRef(): Ref {
    return this.refs.next(this.name, this.creation);
  }

  // --- messages (routing in routing.ts) ---

  /** Appends to the mailbox and wakes a waiting process. The hot path: keep it small. */
  deliver(q: Proc, message: Term): void {
    if (q.status >= Status.Exiting) return;
    q.mailbox.push(message);
    if (q.mailbox.words > q.maxHeap.size && q.maxHeap.size !== 0) this.heapLimitReached(q);
    if (q.status === Status.Waiting) {
      q.status = Status.Runnable;
      if (!q.inQueue) {
        q.inQueue = true;
        this.runQueue.push(q);
      }
    }
    this.version++;
  }

  /** max_heap_size (heap-limit.ts): report once, and kill with `:killed` when the limit says so. */
  private heapLimitReached(q: Proc): void {
    const limit = q.maxHeap;
    if (limit.errorLogger && !this.heapReported.has(q)) this.log('error', maxHeapReport(q.self, limit, q.mailbox.words, q.mailbox.length));
    this.heapReported.add(q);
    if (limit.kill) deliverExit(this, q, q.self, KILL, false);
  }

  emitReceived(p: Proc, message: Term): void {
    this.events.emit({ type: 'message:received', time: this.clock.now(), pid: p.self, message });
  }

  // --- the scheduler ---

  /**
   * Runs ready processes round-robin, each for at most its own budget, until `budget`
   * reductions are spent or nothing is ready. Returns whether work remains.
   */
  runSlice(budget: number = CONTEXT_REDS, now?: number): boolean {
    this.inSlice = true;
    let used = 0;
    try {
      // The clock is read only when a timer waits, and not when the caller just read it (node-loop.ts).
      const next = this.timers.nextAt();
      if (next !== null) {
        const t = now ?? this.clock.now();
        if (next <= t) this.timers.fireDue(t);
      }
      const q = this.runQueue;
      const perProc = this.processBudget;
      while (used < budget && q.size > 0) {
        const p = q.shift() as Proc;
        p.inQueue = false;
        if (p.status !== Status.Runnable) continue;
        const left = budget - used;
        const r = this.runOne(p, left < perProc ? left : perProc);
        used += r > 0 ? r : 1;
      }
    } finally {
      this.totalReductions += used;
      this.inSlice = false;
    }
    this.router?.flush?.();
    return this.runQueue.size > 0;
  }

  private runOne(p: Proc, budget: number): number {
    p.status = Status.Running;
    this.current = p;
    let r: RunResult;
    try {
      r = p.body.run(p, budget);
    } catch (e) {
      r = bodyErrorExit(e);
    }
    this.current = null;
    p.reductions += r.reductions;
    if (r.type !== 'exit' && parkIfSuspended(p)) {
      // sent on a busy connection: waits for it to drain
    } else if (r.type === 'wait') {
      // Messages that came while it ran (sent to itself) or a timeout already due: run again.
      if (p.inReceive && (p.timedOut || p.mailbox.hasUnscanned())) this.enqueue(p);
      else p.status = Status.Waiting;
    } else if (r.type === 'yield') {
      this.enqueue(p);
    } else {
      p.pendingExit = null;
      this.terminate(p, r.reason, r.crash);
      return r.reductions;
    }
    if (p.pendingExit !== null) {
      const reason = p.pendingExit;
      p.pendingExit = null;
      kill(this, p, reason);
    }
    return r.reductions;
  }

  /** Ends a process now (its body said so, or a signal killed it). */
  terminate(p: Proc, reason: Term, crash?: CrashInfo): void {
    if (crash !== undefined) this.reportCrash(p, crash);
    kill(this, p, reason);
  }

  /**
   * Logged here, and also on the group leader's node when that is another one (OTP's logger
   * forwards such events to `{logger, GlNode}`; see remote-log.ts).
   */
  private reportCrash(p: Proc, crash: CrashInfo): void {
    this.log('error', crashReport(p.self, crash, this.formatCrash, this.name));
    const gl = p.groupLeaderPid;
    if (!this.isLocal(gl)) sendNamed(this, p.self, LOGGER, gl.node, crashEvent(p.self, this.name, gl, crash));
  }

  /** A crash report another node forwarded (remote-log.ts), printed with this node's numbering. */
  reportRemoteCrash(pid: Pid, node: Atom, crash: CrashInfo): void {
    const n = this.isLocal(pid) ? 0 : this.nodeNumber(pid.node);
    this.log('error', crashReport(pid, crash, this.formatCrash, node, n));
  }

  /** A log event, printed as Elixir's console logger prints it: blank line, time, level, text. */
  log(level: LogLevel, text: string): void {
    this.logger?.log(level, text);
    this.stdout(`\n${this.timestamp()} [${level}] ${text}\n`);
  }

  hasWork(): boolean {
    return this.runQueue.size > 0;
  }

  /** True when a timer is due by the clock and has not fired yet. */
  timerDue(): boolean {
    const next = this.timers.nextAt();
    return next !== null && next <= this.clock.now();
  }
}
