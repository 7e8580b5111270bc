/**
 * What the name server needs from its node besides the runtime: where its two log lines go and
 * how pids print in them. Both are the node's own (the lead wires them), because a pid in a log
 * line prints with the *logging* node's numbering (`#PID<12509.114.0>`), which only the node's
 * table knows.
 */
import { inspect as plainInspect } from '../../core/term/inspect.ts';
import type { Atom, Pid, Term } from '../../core/term/types.ts';

export type GlobalLogLevel = 'info' | 'warning' | 'error';

/** The cluster as the distribution layer sees it: the connected (visible) nodes and their changes. */
export interface ClusterView {
  /** Connected nodes, this node excluded. */
  nodes(): readonly Atom[];
  /** Called once per node that comes up (after the handshake). May return an unsubscribe function. */
  onNodeUp(cb: (node: Atom) => void): (() => void) | void;
  /** Called once per node that goes down (closed link, tick timeout, disconnect). */
  onNodeDown(cb: (node: Atom) => void): (() => void) | void;
  /** Takes the connection to `node` down (global's prevent_overlapping_partitions, partitions.ts). */
  disconnect?(node: Atom): void;
  /** OTP 25's default with connect_all: cut off nodes so partitions never overlap. */
  preventsOverlap?(): boolean;
  /**
   * False when the node started with connect_all false: global.erl then ignores nodeup, so it
   * syncs names with no node (server.ts). Default true.
   */
  syncs?(): boolean;
}

export interface GlobalOptions {
  /**
   * Writes a log event as the node's logger does. Elixir prints it as
   * `\n13:40:07.929 [error] global: #PID<0.105.0> registered under several names: [:dup, :other]\n`.
   * Default: dropped.
   */
  readonly log?: (level: GlobalLogLevel, text: string) => void;
  /** The node's `inspect` (pids numbered by its node table: `nodeNumber`). Default: every node prints as 0. */
  readonly inspect?: (term: Term) => string;
  /** Upper bound of the random back-off (ms) after a lost race for a name; default 1000. */
  readonly maxBackoffMs?: number;
}

export interface GlobalEnv {
  /**
   * One key per process. A pid made while the node was `nonode@nohost` (before the tab got its
   * name) goes out on the wire under the new name, so peers send it back that way: both forms
   * must mean one process, before and after naming, or a sync would see a clash with itself.
   */
  readonly pidKey: (pid: Pid) => unknown;
  /** The pid lives on this node (under its current name or as an old `nonode@nohost` pid). */
  readonly isLocal: (pid: Pid) => boolean;
  readonly log: (level: GlobalLogLevel, text: string) => void;
  readonly inspect: (term: Term) => string;
  readonly maxBackoffMs: number;
}

export function globalEnv(local: Pick<GlobalEnv, 'pidKey' | 'isLocal'>, o: GlobalOptions = {}): GlobalEnv {
  return {
    ...local,
    log: o.log ?? (() => {}),
    inspect: o.inspect ?? ((t) => plainInspect(t)),
    maxBackoffMs: o.maxBackoffMs ?? 1000,
  };
}
