/**
 * What a running process can do: the API a ProcessBody gets from the scheduler. The VM's
 * built-in functions (Kernel.send, spawn, Process.*, :erlang.*) are written against this, so
 * the same calls work from user code and from built-in TypeScript processes.
 *
 * Destinations (`Dest`) are what `send` accepts in Elixir: a pid, a registered name (atom),
 * or `{name, node}`.
 */
import type { Atom, Pid, Ref, Term } from '../term/types.ts';
import type { ProcessBody } from './process-body.ts';
import type { MaxHeap } from './heap-limit.ts';
import type { AliasMode } from './aliases.ts';

export type Dest = Term;

export interface SpawnOptions {
  readonly link?: boolean;
  readonly monitor?: boolean;
  /** Group leader for the child; defaults to the parent's. */
  readonly groupLeader?: Pid;
  /** Shown by Process.info/current_function until the body says otherwise, e.g. ['erlang','apply',2]. */
  readonly initialCall?: readonly [string, string, number];
  /** spawn_opt's max_heap_size; default: the node's (heap-limit.ts). */
  readonly maxHeap?: MaxHeap;
}

export interface ProcessApi {
  readonly self: Pid;
  /** This node's name atom (`nonode@nohost` when not alive). */
  readonly nodeName: Atom;

  // --- receive (see process-body.ts for the protocol) ---
  beginReceive(timeoutMs: number | null): void;
  nextMessage(): Term | undefined;
  takeMessage(): Term;
  receiveTimedOut(): boolean;
  endReceive(): void;
  mailboxLength(): number;
  /**
   * Runs `hook` when this process exits, before its links and monitors are told (BEAM deletes
   * the ETS tables a process owns as it dies, so a linked process already sees them gone).
   */
  atExit(hook: () => void): void;
  /**
   * True when an exit signal that kills this process reached it during its current run (e.g.
   * `Process.exit(self(), :kill)`). Signals are applied between runs, so a body that sees this
   * should return promptly (any RunResult); the scheduler then ends the process.
   */
  exitPending(): boolean;

  // --- messages and processes ---
  /** Send; returns false when `dest` is an unregistered atom (send then raises badarg in Elixir). */
  send(dest: Dest, message: Term): boolean;
  spawn(body: ProcessBody, options?: SpawnOptions): { pid: Pid; monitorRef?: Ref };
  link(pid: Pid): void;
  unlink(pid: Pid): void;
  /** With `alias`, the monitor's ref is also an alias of this process (monitor/3, aliases.ts). */
  monitor(target: Dest, alias?: AliasMode): Ref;
  /** alias/1: a fresh alias of this process. */
  alias(mode: AliasMode): Ref;
  /** `send(alias, message)`; `owner` (the pid a gen From names) is only what the tracer shows as the addressee. */
  sendToAlias(alias: Ref, message: Term, owner?: Pid): void;
  /** unalias/1: true when `ref` was an active alias of this process. */
  unalias(ref: Ref): boolean;
  demonitor(ref: Ref, flush?: boolean): boolean;
  /** Process.exit(pid, reason): sends an exit signal (exit/2). */
  exit(pid: Pid, reason: Term): void;
  /** Process.flag(:trap_exit, bool): returns the old value. */
  setTrapExit(on: boolean): boolean;
  /** Process.flag(:max_heap_size, ...): returns the old limit (heap-limit.ts). */
  setMaxHeap(limit: MaxHeap): MaxHeap;
  /**
   * Labels this process for those who look at it from outside (OTP 27's `proc_lib:set_label/1`):
   * a supervisor says it is one, and with which strategy, so the canvas can group its children.
   */
  setLabel(label: Term): void;
  isAlive(pid: Pid): boolean;

  // --- registry ---
  register(name: Atom, pid: Pid): void; // throws ArgumentError-style error on clash (see errors in runtime)
  unregister(name: Atom): void;
  whereis(name: Atom): Pid | undefined;
  registered(): Atom[];

  // --- group leader and I/O ---
  groupLeader(): Pid;
  setGroupLeader(pid: Pid, leader: Pid): void;

  // --- time, refs, timers ---
  now(): number;
  /** Unix milliseconds of the node's wall clock (the monotonic clock when it has none). */
  wallNow(): number;
  random(): number;
  makeRef(): Ref;
  /** Process.send_after: returns the timer ref. */
  sendAfter(dest: Dest, message: Term, ms: number): Ref;
  /** Process.cancel_timer: ms left, or false when the timer is gone. */
  cancelTimer(ref: Ref): number | false;

  // --- introspection ---
  info(pid: Pid): ProcessInfo | undefined;
  processes(): Pid[];
}

export type ProcessStatus = 'running' | 'runnable' | 'waiting' | 'suspended' | 'exiting';

export interface ProcessInfo {
  readonly pid: Pid;
  readonly status: ProcessStatus;
  readonly messageQueueLen: number;
  readonly messages: readonly Term[];
  readonly links: readonly Pid[];
  readonly monitors: readonly Ref[];
  /** What each of `monitors` watches, as Process.info(pid, :monitors) names it: the pid, or `{name, node}` for a monitor by name. Local processes only. */
  readonly monitorTargets?: readonly Term[];
  readonly monitoredBy: readonly Pid[];
  readonly registeredName: Atom | undefined;
  readonly reductions: number;
  readonly currentFunction: readonly [string, string, number] | undefined;
  /** Process.info(pid, :current_stacktrace), from bodies that keep a stack (the VM's); made when asked. */
  readonly currentStacktrace?: (() => Term) | undefined;
  readonly groupLeader: Pid;
  readonly trapExit: boolean;
  /** Known for local processes (Process.info(pid, :max_heap_size)); not sent to viewers. */
  readonly maxHeap?: MaxHeap;
}
