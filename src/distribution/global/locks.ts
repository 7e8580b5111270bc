/**
 * global.erl's lock table (ets `global_locks`): a resource is locked by one requester id, held by
 * one or more pids (the same requester may lock from several pids: the two lockers of a sync
 * session share `{:global, [locker_a, locker_b]}`). Each holder is monitored, so a lock goes
 * when its holder dies or its node goes down. `global` itself is the resource the registrars and
 * lockers take: while it is set nobody else registers.
 */
import type { Pid, Ref, Term } from '../../core/term/types.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import { mapKey } from '../../core/term/hash.ts';
import { MAX_ITEMS } from './otp-messages.ts';

interface Lock {
  readonly requester: unknown;
  /** Holders by pid key, each with its monitor. */
  readonly holders: Map<unknown, { readonly pid: Pid; readonly ref: Ref }>;
}

export class LockTable {
  private readonly locks = new Map<unknown, Lock>();
  /** Monitor ref key → the resource it guards. */
  private readonly byRef = new Map<unknown, unknown>();

  /** `handle_set_lock`: true when `pid` now holds `{resource, requester}`. */
  set(proc: ProcessApi, resource: Term, requester: Term, pid: Pid): boolean {
    const rk = mapKey(resource);
    const reqKey = mapKey(requester);
    let lock = this.locks.get(rk);
    if (lock !== undefined && lock.requester !== reqKey) return false;
    if (lock === undefined) {
      // A hostile peer cannot grow the table without bound: one entry per resource it names.
      if (this.locks.size >= MAX_ITEMS) return false;
      lock = { requester: reqKey, holders: new Map() };
      this.locks.set(rk, lock);
    }
    const pk = mapKey(pid);
    if (!lock.holders.has(pk)) {
      const ref = proc.monitor(pid);
      lock.holders.set(pk, { pid, ref });
      this.byRef.set(mapKey(ref), rk);
    }
    return true;
  }

  /** `handle_del_lock`: `pid` lets go of `{resource, requester}` (nothing when it does not hold it). */
  del(proc: ProcessApi, resource: Term, requester: Term, pid: Pid): void {
    const rk = mapKey(resource);
    const lock = this.locks.get(rk);
    if (lock === undefined || lock.requester !== mapKey(requester)) return;
    const h = lock.holders.get(mapKey(pid));
    if (h === undefined) return;
    proc.demonitor(h.ref, true);
    this.drop(rk, lock, mapKey(pid), h.ref);
  }

  /** A DOWN: true when it was one of ours (the holder's locks go). */
  down(ref: Ref, pid: Pid): boolean {
    const rk = this.byRef.get(mapKey(ref));
    if (rk === undefined) return false;
    const lock = this.locks.get(rk);
    if (lock !== undefined) this.drop(rk, lock, mapKey(pid), ref);
    else this.byRef.delete(mapKey(ref));
    return true;
  }

  /** Whether `{resource, requester}` could be set now (global's can_set_lock). */
  canSet(resource: Term, requester: Term): boolean {
    const lock = this.locks.get(mapKey(resource));
    return lock === undefined || lock.requester === mapKey(requester);
  }

  isSet(resource: Term): boolean {
    return this.locks.has(mapKey(resource));
  }

  private drop(rk: unknown, lock: Lock, pk: unknown, ref: Ref): void {
    lock.holders.delete(pk);
    this.byRef.delete(mapKey(ref));
    if (lock.holders.size === 0) this.locks.delete(rk);
  }
}
