/**
 * Process aliases (OTP 24+): a reference that a process made into an address (`alias/0,1`, or
 * `monitor/3` with `{alias, Mode}`). A message sent to an active alias lands in the owner's
 * mailbox; sent to an inactive one (unaliased, its monitor gone, or a plain make_ref) it is
 * dropped silently, as erts does. gen:call relies on this: its reply goes to the monitor's alias,
 * so a reply that comes after the call timed out (the alias gone with the monitor) is lost
 * instead of polluting the caller's mailbox.
 *
 * Modes, as erlang:alias/1 and monitor/3 name them:
 *  - explicit: active until unalias/1;
 *  - reply: the first message through it deactivates it;
 *  - demonitor: active while its monitor is (demonitor, or the DOWN, ends both);
 *  - reply_demonitor: as demonitor, and the first message through it also removes the monitor.
 *
 * The owners live in the node's own table (NodeRuntime.aliases), filed by ref key. The mode is
 * kept by the owner: an alias bound to a monitor (demonitor, reply_demonitor) on the monitor's
 * entry (so GenServer.call's alias costs no table of its own, and ends with its monitor), the
 * others in the owner's Proc (so its death drops them all). A `demonitor` alias whose monitor
 * fired is also checked lazily at send time, so a missed cleanup can never deliver through a
 * dead monitor.
 */
import type { Ref } from '../term/types.ts';
import type { NodeRuntime } from './node-runtime.ts';
import type { MonitorEntry, Proc } from './process.ts';
import { Status } from './status.ts';
import { refKey } from './identifiers.ts';

export type AliasMode = 'explicit' | 'reply' | 'demonitor' | 'reply_demonitor';

/** Makes `ref` an alias of `p` (a fresh ref for alias/1, the monitor's ref for monitor/3). */
export function activateAlias(rt: NodeRuntime, p: Proc, ref: Ref, mode: AliasMode): void {
  const key = refKey(ref);
  if (p.aliases === null) {
    p.aliases = new Map();
    const owned = p.aliases;
    p.atExit(() => {
      for (const k of owned.keys()) unfile(rt, k);
      owned.clear();
    });
  }
  p.aliases.set(key, mode);
  rt.aliases.set(key, p);
}

/** Makes the ref of `p`'s monitor `e` an alias of `p` that lasts as long as the monitor. */
export function monitorAlias(rt: NodeRuntime, p: Proc, e: MonitorEntry, mode: AliasMode): void {
  e.alias = mode;
  rt.aliases.set(e.key, p);
}

/** unalias/1: true when `ref` was an active alias of `p`. */
export function deactivateAlias(rt: NodeRuntime, p: Proc, ref: Ref): boolean {
  const key = refKey(ref);
  if (dropKey(rt, p, key)) return true;
  const e = p.monitors?.get(key);
  if (e === undefined || e.alias === null) return false;
  endMonitorAlias(rt, e);
  return true;
}

function dropKey(rt: NodeRuntime, p: Proc, key: string): boolean {
  if (p.aliases?.delete(key) !== true) return false;
  unfile(rt, key);
  return true;
}

function endMonitorAlias(rt: NodeRuntime, e: MonitorEntry): void {
  e.alias = null;
  unfile(rt, e.key); // a local ref's key: no other process files an alias under it
}

/**
 * Takes `key` out of the node's alias table. Its last entry is not deleted, the table is
 * replaced: deleting a Map's last entry makes V8 shrink it in a runtime call (that allocates a
 * new table anyway), and a GenServer.call empties this table on every call.
 */
function unfile(rt: NodeRuntime, key: string): void {
  const t = rt.aliases;
  if (t.size === 1 && t.has(key)) rt.aliases = new Map();
  else t.delete(key);
}

/** `p`'s monitor `e` ended (demonitor, DOWN, or `p`'s exit): an alias bound to it ends with it. */
export function monitorEnded(rt: NodeRuntime, e: MonitorEntry): void {
  if (e.alias !== null) endMonitorAlias(rt, e);
}

/**
 * Where a message to alias `ref` goes (local sends, and ALIAS_SEND from a peer): the owner when
 * the alias is active, else undefined (the message is dropped). Applies the mode: a `reply`
 * alias ends here; `unmonitor` says a `reply_demonitor` one also takes its monitor away (the
 * caller does that: signals.ts imports this file, not the other way round).
 */
export function aliasOwner(rt: NodeRuntime, ref: Ref): { q: Proc; unmonitor: boolean } | undefined {
  const key = refKey(ref);
  const q = rt.aliases.get(key);
  if (q === undefined || q.status >= Status.Exiting) return undefined;
  const mode = q.aliases?.get(key);
  if (mode !== undefined) {
    if (mode === 'reply') dropKey(rt, q, key);
    return { q, unmonitor: false };
  }
  const e = q.monitors?.get(key);
  if (e === undefined || e.alias === null) {
    unfile(rt, key); // its monitor already fired
    return undefined;
  }
  const unmonitor = e.alias === 'reply_demonitor';
  if (unmonitor) endMonitorAlias(rt, e);
  return { q, unmonitor };
}
