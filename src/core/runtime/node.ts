/**
 * `createNode(...)`: one node's runtime behind a small public interface. The host (the browser
 * tab's task loop, the CLI, a test) drives it: `runSlice` does a bounded amount of work and
 * returns, `nextTimerAt` says when a timer wants the node again. Nothing here sets a timer.
 */
import { atom } from '../term/types.ts';
import type { Atom, Pid, Ref, Term } from '../term/types.ts';
import type { Clock, Logger, LogLevel, OutputSink, Random } from '../ports.ts';
import type { ProcessBody } from './process-body.ts';
import type { Dest, ProcessApi, ProcessInfo } from './process-api.ts';
import { CONTEXT_REDS, NONODE, NodeRuntime } from './node-runtime.ts';
import type { NodeSpawnOptions } from './node-runtime.ts';
import type { Listener } from './events.ts';
import type { RemoteInbox, RemoteRouter } from './remote.ts';
import { createRemoteInbox } from './remote-inbox.ts';
import { defaultCrashFormatter, formatClockTime } from './crash-report.ts';
import type { CrashFormatter } from './crash-report.ts';
import type { NodeSnapshot } from './introspection.ts';
import { summarize } from './introspection.ts';
import { ioServerBody } from './io-server.ts';
import { LOGGER, loggerBody } from './remote-log.ts';
import { Status } from './status.ts';
import { exitSignal } from './signals.ts';
import { send } from './routing.ts';
import { DEFAULT_MAX_HEAP_WORDS, maxHeapOf } from './heap-limit.ts';
import { DelayedDelivery, type DeliveryDelay } from './delivery-delay.ts';

export interface NodeOptions {
  readonly clock: Clock;
  readonly random: Random;
  /** Standard output: the standard group leader prints here, and so do crash reports. */
  readonly stdout: OutputSink;
  /** Also receives every log event (crash reports...), for tracing; optional. */
  readonly logger?: Logger;
  /** `one@host`; default `nonode@nohost` (creation 0). */
  readonly name?: string | Atom;
  readonly creation?: number;
  /** Formats an uncaught exception for the crash report (the language layer's, for Elixir text). */
  readonly formatCrash?: CrashFormatter;
  /** Wall-clock source (Unix milliseconds) for log timestamps and `:erlang.system_time`; default: `clock`. */
  readonly wallClock?: Clock;
  /** Turns a wall-clock time into the `HH:MM:SS.mmm` stamp; default: UTC of the ms value. */
  readonly formatTime?: (ms: number) => string;
  /** Reductions a process may run before it is preempted; default 4,000 (BEAM's CONTEXT_REDS). */
  readonly processBudget?: number;
  /** How this node numbers other nodes in printed PIDs (its distribution's node table); default 0. */
  readonly nodeNumber?: (node: Atom) => number;
  /** max_heap_size of every process, in words (heap-limit.ts); default DEFAULT_MAX_HEAP_WORDS, 0 = none. */
  readonly maxHeapSize?: number;
}

export interface Node {
  readonly name: Atom;
  readonly creation: number;
  /** The standard group leader: an I/O server writing to `stdout`. */
  readonly groupLeader: Pid;
  /** What other nodes call (the distribution layer feeds it). */
  readonly remote: RemoteInbox;

  /** Spawns a process from outside any process (no parent: `link`/`monitor` options are ignored). */
  spawn(body: ProcessBody, options?: NodeSpawnOptions): Pid;
  /** Sends from outside any process (the sender is init's pid `#PID<0.0.0>`). */
  send(dest: Dest, message: Term): boolean;
  /** exit/2 from outside any process. */
  exit(pid: Pid, reason: Term): void;
  /** The ProcessApi of a live local process, to act as it from the host (the shell panel). */
  processApi(pid: Pid): ProcessApi | undefined;

  /** `now`: the clock's time, when the caller has just read it (a read saved per slice). */
  runSlice(budget?: number, now?: number): boolean;
  /** A slice is running: what it sends to other nodes goes out at its end (RemoteRouter.flush). */
  readonly inSlice: boolean;
  /** Runs until no process is ready, firing timers already due; returns reductions used. */
  runUntilIdle(maxReductions?: number): number;
  nextTimerAt(): number | null;
  hasWork(): boolean;

  register(name: Atom, pid: Pid): void;
  unregister(name: Atom): void;
  whereis(name: Atom): Pid | undefined;
  registered(): Atom[];
  info(pid: Pid): ProcessInfo | undefined;
  processes(): Pid[];
  isAlive(pid: Pid): boolean;
  makeRef(): Ref;

  subscribe(listener: Listener): () => void;
  getSnapshot(): NodeSnapshot;
  setRemoteRouter(router: RemoteRouter | null): void;
  /** Logs as Elixir's console logger prints (`\nHH:MM:SS.mmm [error] text`) on the node's output. */
  log(level: LogLevel, text: string): void;
  /** The node becomes `name` (going alive); see NodeRuntime.setName for old pids. */
  setName(name: Atom, creation: number): void;
  /** How this node numbers other nodes in the pids it prints (crash reports from them). */
  /**
   * Starts the registered `logger` that prints crash reports forwarded by other nodes
   * (remote-log.ts); the distribution layer does it when the node goes alive. Idempotent.
   */
  startRemoteLogger(): Pid;
  /**
   * How long local messages take to arrive (delivery-delay.ts: order per pair kept, nothing
   * lost); null delivers at once again, after what is waiting.
   */
  setDeliveryDelay(policy: DeliveryDelay | null): void;
  /** The distribution layer sent a spawn request for `from` (told to the event stream: the canvas draws it). */
  spawnRequested(from: Pid, node: Atom, call: Term): void;
}

class NodeImpl implements Node {
  readonly remote: RemoteInbox;
  private snapshot: NodeSnapshot | null = null;

  constructor(readonly rt: NodeRuntime) {
    this.remote = createRemoteInbox(rt);
  }

  get name(): Atom {
    return this.rt.name;
  }
  get creation(): number {
    return this.rt.creation;
  }
  get groupLeader(): Pid {
    return this.rt.stdGroupLeader;
  }

  spawn(body: ProcessBody, options: NodeSpawnOptions = {}): Pid {
    return this.rt.spawn(null, body, options).pid;
  }
  send(dest: Dest, message: Term): boolean {
    return send(this.rt, this.rt.initPid, dest, message);
  }
  exit(pid: Pid, reason: Term): void {
    exitSignal(this.rt, this.rt.initPid, pid, reason);
  }
  processApi(pid: Pid): ProcessApi | undefined {
    const p = this.rt.lookup(pid);
    return p !== undefined && p.status < Status.Exiting ? p : undefined;
  }

  runSlice(budget: number = CONTEXT_REDS, now?: number): boolean {
    return this.rt.runSlice(budget, now);
  }
  get inSlice(): boolean {
    return this.rt.inSlice;
  }
  runUntilIdle(maxReductions = Infinity): number {
    let used = 0;
    while (used < maxReductions) {
      const before = this.rt.totalReductions;
      const more = this.rt.runSlice(Math.min(CONTEXT_REDS, maxReductions - used));
      used += this.rt.totalReductions - before;
      if (!more && !this.rt.timerDue()) break;
    }
    return used;
  }
  nextTimerAt(): number | null {
    return this.rt.timers.nextAt();
  }
  hasWork(): boolean {
    return this.rt.hasWork() || this.rt.timerDue();
  }

  register(name: Atom, pid: Pid): void {
    this.rt.registry.register(name, pid);
  }
  unregister(name: Atom): void {
    this.rt.registry.unregister(name);
  }
  whereis(name: Atom): Pid | undefined {
    return this.rt.registry.whereis(name);
  }
  registered(): Atom[] {
    return this.rt.registry.registered();
  }
  info(pid: Pid): ProcessInfo | undefined {
    return this.rt.info(pid);
  }
  processes(): Pid[] {
    return this.rt.processes();
  }
  isAlive(pid: Pid): boolean {
    return this.rt.isAlive(pid);
  }
  makeRef(): Ref {
    return this.rt.makeRef();
  }

  log(level: LogLevel, text: string): void {
    this.rt.log(level, text);
  }
  subscribe(listener: Listener): () => void {
    return this.rt.events.subscribe(listener);
  }
  getSnapshot(): NodeSnapshot {
    const rt = this.rt;
    if (this.snapshot !== null && this.snapshot.version === rt.version) return this.snapshot;
    const processes = [...rt.procs.values()]
      .filter((p) => p.status < Status.Exiting)
      .sort((a, b) => a.self.serial - b.self.serial || a.self.id - b.self.id)
      .map((p) => summarize(p, rt.current === p));
    const registered = rt.registry.registered().map((n) => [n, rt.registry.whereis(n) as Pid] as const);
    this.snapshot = { node: rt.name, creation: rt.creation, processes, registered, version: rt.version };
    return this.snapshot;
  }
  setRemoteRouter(router: RemoteRouter | null): void {
    this.rt.router = router;
  }
  setName(name: Atom, creation: number): void {
    this.rt.setName(name, creation);
  }
  startRemoteLogger(): Pid {
    const running = this.rt.registry.whereis(LOGGER);
    if (running !== undefined) return running;
    const rt = this.rt;
    const pid = this.spawn(loggerBody((p, node, crash) => rt.reportRemoteCrash(p, node, crash)), { system: true, initialCall: ['logger_proxy', 'init', 1] });
    this.register(LOGGER, pid);
    return pid;
  }
  spawnRequested(from: Pid, node: Atom, call: Term): void {
    const rt = this.rt;
    if (rt.events.active) rt.events.emit({ type: 'spawn:requested', time: rt.clock.now(), from, node, call });
  }
  setDeliveryDelay(policy: DeliveryDelay | null): void {
    // What waits keeps its time (and its pair's order) under a new policy; with none, it goes now.
    if (policy !== null) {
      if (this.rt.delayed === null) this.rt.delayed = new DelayedDelivery(this.rt, policy);
      else this.rt.delayed.policy = policy;
    } else if (this.rt.delayed !== null) {
      this.rt.delayed.flush();
      this.rt.delayed = null;
    }
  }
}

export function createNode(options: NodeOptions): Node {
  const name = options.name === undefined ? NONODE : typeof options.name === 'string' ? atom(options.name) : options.name;
  const wall = options.wallClock ?? options.clock;
  const formatTime = options.formatTime ?? formatClockTime;
  const rt = new NodeRuntime({
    clock: options.clock,
    wallClock: wall,
    random: options.random,
    stdout: options.stdout,
    logger: options.logger,
    name,
    creation: options.creation ?? 0,
    processBudget: options.processBudget ?? CONTEXT_REDS,
    maxHeap: maxHeapOf(options.maxHeapSize ?? DEFAULT_MAX_HEAP_WORDS),
    formatCrash: options.formatCrash ?? defaultCrashFormatter,
    timestamp: () => formatTime(wall.now()),
  });
  if (options.nodeNumber !== undefined) rt.nodeNumber = options.nodeNumber;
  const gl = rt.spawn(null, ioServerBody(options.stdout, (n) => rt.nodeNumber(n)), { system: true, initialCall: ['group', 'server', 3] }).pid;
  rt.stdGroupLeader = gl;
  // The group leader of the standard I/O server is itself, like `user` on BEAM.
  // It has nothing to do until asked: start it waiting, so the first slice is the user's.
  const glProc = rt.lookup(gl);
  if (glProc !== undefined) {
    glProc.groupLeaderPid = gl;
    glProc.status = Status.Waiting;
  }
  return new NodeImpl(rt);
}
