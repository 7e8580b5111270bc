/**
 * One process: its mailbox, receive state, links, monitors and flags, and the ProcessApi its
 * body calls. The node-wide work (routing, signals, registry) is delegated to the NodeRuntime;
 * what lives here is what is per process, laid out as plain fields so that a process costs a
 * few hundred bytes and the send → receive path does no Map lookups of its own.
 */
import type { Atom, Pid, Ref, Term } from '../term/types.ts';
import type { ProcessApi, ProcessInfo, SpawnOptions, Dest } from './process-api.ts';
import type { ProcessBody } from './process-body.ts';
import type { Timer } from './timers.ts';
import type { NodeRuntime } from './node-runtime.ts';
import { Mailbox } from './mailbox.ts';
import { NO_LIMIT, type MaxHeap } from './heap-limit.ts';
import { Status } from './status.ts';
import { send, sendAlias, sendLocal } from './routing.ts';
import * as signals from './signals.ts';
import { armReceiveTimer, cancelTimer, sendAfter } from './process-timers.ts';
import { activateAlias, deactivateAlias, type AliasMode } from './aliases.ts';

export { Status } from './status.ts';

/** A monitor, filed under its ref key both at the watcher and at the target. */
export interface MonitorEntry {
  readonly ref: Ref;
  readonly key: string;
  readonly watcher: Pid;
  /** The monitored pid (null while a by-name monitor on another node is unresolved). */
  readonly target: Pid | null;
  /** Set when monitoring a registered name: DOWN then names `{name, node}`. */
  readonly name: Atom | null;
  readonly node: Atom;
  /**
   * The mode of the alias this monitor's ref also is (monitor/3's `{alias, demonitor |
   * reply_demonitor}`), null when none: an alias that lives and dies with its monitor is kept
   * here rather than in the owner's alias table, one map less per GenServer.call (aliases.ts).
   */
  alias: AliasMode | null;
}

export class Proc implements ProcessApi {
  status: Status = Status.Runnable;
  inQueue = false;
  reductions = 0;
  trapExit = false;
  registeredName: Atom | null = null;
  /** What it says it is (setLabel), or null. */
  label: Term | null = null;
  readonly mailbox = new Mailbox();
  /** max_heap_size (heap-limit.ts), set at spawn. */
  maxHeap: MaxHeap = NO_LIMIT;
  // receive state
  inReceive = false;
  timedOut = false;
  /** The heap entry of its receives' timeouts (process-timers.ts: it may fire before the deadline, or after the receive ended). */
  receiveTimer: Timer | null = null;
  /** When the receive waiting now times out (clock ms), or null: none with a timeout waits. */
  receiveDeadline: number | null = null;
  // lazily created: most processes never link or monitor
  links: Map<string, Pid> | null = null;
  monitors: Map<string, MonitorEntry> | null = null;
  monitoredBy: Map<string, MonitorEntry> | null = null;
  /** Its active aliases (aliases.ts), by ref key, with their modes. */
  aliases: Map<string, AliasMode> | null = null;
  /** Exit reason of a killing signal that arrived while this process ran: applied after its run. */
  pendingExit: Term | null = null;
  /** A built-in process of the node (net_kernel, I/O server...): never suspended on a busy connection. */
  system = false;
  /** The node whose busy connection this process waits on (busy-dist.ts), or null. */
  suspendedOn: Atom | null = null;
  /** Called as the process is torn down (the ETS tables it owns die with it): see atExit. */
  exitHooks: (() => void)[] | null = null;
  /**
   * The last local process this one sent to, by its pid object: most senders keep sending to
   * the same pid (the next in a ring, a server), and a pid object names one process forever,
   * so a hit skips the node's pid table. Dropped once that process has exited.
   */
  private sentTo: Pid | null = null;
  private sentToProc: Proc | null = null;

  constructor(
    readonly rt: NodeRuntime,
    readonly self: Pid,
    public body: ProcessBody,
    public groupLeaderPid: Pid,
    readonly initialCall: readonly [string, string, number] | undefined,
  ) {}

  get nodeName(): Atom {
    return this.rt.name;
  }

  // --- receive (protocol in process-body.ts) ---

  beginReceive(timeoutMs: number | null): void {
    if (this.inReceive) return; // resuming a receive after a wait: keep save pointer and timer
    this.inReceive = true;
    this.timedOut = false;
    if (timeoutMs === null) return;
    if (timeoutMs <= 0) this.timedOut = true;
    else armReceiveTimer(this.rt, this, timeoutMs);
  }

  nextMessage(): Term | undefined {
    return this.mailbox.next();
  }

  takeMessage(): Term {
    const m = this.mailbox.take();
    this.leaveReceive();
    if (this.rt.events.active) this.rt.emitReceived(this, m);
    return m;
  }

  receiveTimedOut(): boolean {
    return this.timedOut;
  }

  endReceive(): void {
    this.mailbox.rewind();
    this.leaveReceive();
  }

  private leaveReceive(): void {
    this.inReceive = false;
    this.timedOut = false;
    // The timer's entry stays for the next receive (armReceiveTimer); it finds no deadline if none comes.
    this.receiveDeadline = null;
  }

  mailboxLength(): number {
    return this.mailbox.length;
  }

  atExit(hook: () => void): void {
    (this.exitHooks ??= []).push(hook);
  }

  /** True when a killing exit signal reached this process during its run: return soon. */
  exitPending(): boolean {
    return this.pendingExit !== null;
  }

  // --- messages and processes ---

  send(dest: Dest, message: Term): boolean {
    const rt = this.rt;
    if (dest === this.sentTo) {
      const q = this.sentToProc as Proc;
      if (q.status < Status.Exiting) {
        sendLocal(rt, this.self, q, dest, message);
        return true;
      }
      this.sentTo = this.sentToProc = null;
    } else if (typeof dest === 'object' && dest.kind === 'pid') {
      const q = rt.lookup(dest);
      if (q !== undefined) {
        if (q.status < Status.Exiting) {
          this.sentTo = dest;
          this.sentToProc = q;
        }
        sendLocal(rt, this.self, q, dest, message);
        return true;
      }
    }
    return send(rt, this.self, dest, message);
  }
  spawn(body: ProcessBody, options?: SpawnOptions): { pid: Pid; monitorRef?: Ref } {
    return this.rt.spawnFrom(this, body, options ?? {});
  }
  link(pid: Pid): void {
    signals.link(this.rt, this, pid);
  }
  unlink(pid: Pid): void {
    signals.unlink(this.rt, this, pid);
  }
  monitor(target: Dest, alias?: AliasMode): Ref {
    // An explicit alias outlives its monitor; the others belong to it (signals.monitor sets them
    // only on a monitor that is up: one that answered DOWN at once is already gone).
    const ref = signals.monitor(this.rt, this, target, alias === 'explicit' ? undefined : alias);
    if (alias === 'explicit') activateAlias(this.rt, this, ref, alias);
    return ref;
  }
  alias(mode: AliasMode): Ref {
    const ref = this.rt.makeRef();
    activateAlias(this.rt, this, ref, mode);
    return ref;
  }
  sendToAlias(alias: Ref, message: Term, owner?: Pid): void {
    sendAlias(this.rt, this.self, alias, message, owner);
  }
  unalias(ref: Ref): boolean {
    return deactivateAlias(this.rt, this, ref);
  }
  demonitor(ref: Ref, flush?: boolean): boolean {
    return signals.demonitor(this.rt, this, ref, flush === true);
  }
  exit(pid: Pid, reason: Term): void {
    signals.exitSignal(this.rt, this.self, pid, reason);
  }
  setTrapExit(on: boolean): boolean {
    const old = this.trapExit;
    this.trapExit = on;
    return old;
  }
  /** Takes effect with the next message, as BEAM's with the next garbage collection. */
  setLabel(label: Term): void {
    this.label = label;
    this.rt.version++; // a snapshot shows it
  }
  setMaxHeap(limit: MaxHeap): MaxHeap {
    const old = this.maxHeap;
    this.maxHeap = limit;
    this.rt.heapReported.delete(this);
    return old;
  }
  isAlive(pid: Pid): boolean {
    return this.rt.isAlive(pid);
  }

  // --- registry ---
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

  // --- group leader ---
  groupLeader(): Pid {
    return this.groupLeaderPid;
  }
  setGroupLeader(pid: Pid, leader: Pid): void {
    this.rt.setGroupLeader(pid, leader);
  }

  // --- time, refs, timers ---
  now(): number {
    return this.rt.clock.now();
  }
  wallNow(): number {
    return this.rt.wallClock.now();
  }
  random(): number {
    return this.rt.random.next();
  }
  makeRef(): Ref {
    return this.rt.makeRef();
  }
  sendAfter(dest: Dest, message: Term, ms: number): Ref {
    return sendAfter(this.rt, this.self, dest, message, ms);
  }
  cancelTimer(ref: Ref): number | false {
    return cancelTimer(this.rt, ref);
  }

  // --- introspection ---
  info(pid: Pid): ProcessInfo | undefined {
    return this.rt.info(pid);
  }
  processes(): Pid[] {
    return this.rt.processes();
  }
}
