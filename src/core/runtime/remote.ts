/**
 * The seam between a node's runtime and distribution. The runtime calls a RemoteRouter for
 * every signal whose destination lives on another node; the distribution layer implements it
 * (encoding each call as the matching control message: SEND, REG_SEND, LINK, UNLINK_ID, EXIT,
 * EXIT2, MONITOR_P, DEMONITOR_P, MONITOR_P_EXIT, GROUP_LEADER) and feeds what arrives from other
 * nodes back through the node's RemoteInbox. With no router set, remote sends are dropped
 * silently and links/monitors to remote pids answer `noconnection`, as on a BEAM node that
 * cannot reach the other one.
 *
 * A router must not call back into the runtime synchronously from these methods (queue, then
 * deliver later): the caller may be in the middle of a process's run or a teardown. It may
 * answer a message send with 'busy' instead (busy-dist.ts: the sender is suspended until
 * `RemoteInbox.drained`).
 */
import type { Atom, Pid, Ref, Term } from '../term/types.ts';

/** What a remote send reports: 'busy' when the connection is congested, else nothing. */
export type Busy = 'busy' | void;

export interface RemoteRouter {
  /**
   * `send(pid, msg)` to a pid on another node. `from` is the sender (init's pid from outside).
   * 'busy': the message is queued, but the connection's queue is over its limit (BEAM's
   * busy_dist_port); the runtime suspends the sending process until `RemoteInbox.drained`.
   */
  send(from: Pid, to: Pid, message: Term): Busy;
  /** `send(alias, msg)` to an alias (a reference) of another node: ALIAS_SEND; 'busy' as for `send`. */
  sendAlias?(from: Pid, alias: Ref, message: Term): Busy;
  /** `send({name, node}, msg)` for another node; 'busy' as for `send`. */
  sendNamed(from: Pid, node: Atom, name: Atom, message: Term): Busy;
  link(from: Pid, to: Pid): void;
  unlink(from: Pid, to: Pid): void;
  /**
   * An exit signal: `viaLink` when local `from` died while linked to `to` (EXIT), otherwise
   * `exit(to, reason)` called by `from` (EXIT2).
   */
  exit(from: Pid, to: Pid, reason: Term, viaLink: boolean): void;
  /** Local `watcher` monitors `target` (a pid, or a name registered on `node`). */
  monitor(watcher: Pid, target: Pid | Atom, node: Atom, ref: Ref): void;
  demonitor(watcher: Pid, target: Pid | Atom, node: Atom, ref: Ref): void;
  /** A local process that a remote `watcher` monitored died (MONITOR_P_EXIT). */
  monitorDown(target: Pid, watcher: Pid, ref: Ref, reason: Term): void;
  /** `Process.group_leader(pid, leader)` for a pid on another node. */
  groupLeader?(pid: Pid, leader: Pid): void;
  /**
   * The end of a scheduler slice: send what the slice queued, in one batch per connection (as
   * BEAM's dist output is flushed when the scheduler leaves the sending process, not per send).
   * It may resume processes suspended on a busy connection (RemoteInbox.drained).
   */
  flush?(): void;
}

/** What the distribution layer calls when a signal from another node arrives. */
export interface RemoteInbox {
  /** SEND: deliver to a local pid (dropped when it is dead). */
  deliverSend(to: Pid, message: Term): void;
  /** ALIAS_SEND: deliver to the owner of a local alias (dropped when it is not an active alias). */
  deliverAliasSend(alias: Ref, message: Term): void;
  /** REG_SEND: deliver to a local name (dropped when unregistered). */
  deliverNamedSend(name: Atom, message: Term): void;
  /** LINK from remote `from` to local `to`; answers noproc through the router when `to` is dead. */
  deliverLink(from: Pid, to: Pid): void;
  deliverUnlink(from: Pid, to: Pid): void;
  /** EXIT (viaLink) or EXIT2 from remote `from` to local `to`. */
  deliverExit(from: Pid, to: Pid, reason: Term, viaLink: boolean): void;
  /** MONITOR_P: remote `watcher` monitors local `target` (pid or name); noproc answered via router. */
  deliverMonitor(watcher: Pid, target: Pid | Atom, ref: Ref): void;
  deliverDemonitor(watcher: Pid, target: Pid | Atom, ref: Ref): void;
  /**
   * A monitor of remote `target` that its node set up for local `watcher` (a spawn_request with
   * `monitor`): recorded under `ref` without a MONITOR_P. False when `watcher` is gone.
   */
  adoptMonitor(watcher: Pid, target: Pid, ref: Ref): boolean;
  /** MONITOR_P_EXIT from node `from`: the process there that local `watcher` monitored (monitor `ref`) died. */
  deliverMonitorDown(watcher: Pid, ref: Ref, reason: Term, from: Atom): void;
  /**
   * The connection to `node` is gone: every link to a process there breaks with `noconnection`
   * and every monitor of one fires DOWN with `noconnection`; senders suspended on it resume.
   */
  nodeDown(node: Atom): void;
  /** The connection to `node` is no longer busy: the processes suspended sending on it resume. */
  drained(node: Atom): void;
}
