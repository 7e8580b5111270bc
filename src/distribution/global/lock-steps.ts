/**
 * Setting and deleting a global lock on a list of nodes without blocking: global.erl's
 * `set_lock_on_nodes` (a multi_call of `{:set_lock, id}`; any `false` deletes it again on the
 * nodes that said true) done over several steps, as `set_lock_known` and `lock_nodes_safely`
 * do (the boss — the greatest node name — first, then the rest). A node that goes down while
 * asked counts as granted, as the missing reply does in `check_replies`.
 */
import { atom, tuple } from '../../core/term/types.ts';
import type { Atom, Term, Tuple } from '../../core/term/types.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import { compare } from '../../core/term/order.ts';
import type { MultiCalls } from './multi-call.ts';

const SET_LOCK = atom('set_lock');
const DEL_LOCK = atom('del_lock');
const FALSE = atom('false');

/** global's `the_boss`: the greatest node name. */
export function theBoss(nodes: readonly Atom[]): Atom {
  return nodes.reduce((a, b) => (compare(a, b) >= 0 ? a : b));
}

export function without(nodes: readonly Atom[], drop: readonly Atom[]): Atom[] {
  return nodes.filter((n) => !drop.includes(n));
}

/** Sets `id` on each step's nodes in turn; `done(true)` when all granted, else false after undoing. */
export function setLockSteps(proc: ProcessApi, calls: MultiCalls, id: Tuple, steps: readonly (readonly Atom[])[], done: (ok: boolean) => void): void {
  const locked: Atom[] = [];
  const next = (i: number): void => {
    const nodes = [...new Set(steps[i] ?? [])];
    if (i >= steps.length) return done(true);
    calls.call(proc, nodes, tuple(SET_LOCK, id), (replies) => {
      for (const [n, r] of replies) if (r !== FALSE) locked.push(n);
      if ([...replies.values()].some((r) => r === FALSE)) {
        delLock(proc, calls, id, locked);
        return done(false);
      }
      next(i + 1);
    });
  };
  next(0);
}

/** `del_lock(id, nodes)`; `done` when all answered (or went down). */
export function delLock(proc: ProcessApi, calls: MultiCalls, id: Term, nodes: readonly Atom[], done: () => void = () => {}): void {
  calls.call(proc, [...new Set(nodes)], tuple(DEL_LOCK, id), () => done());
}

/** `delete_global_lock`: everywhere but the boss, then the boss. */
export function deleteGlobalLock(proc: ProcessApi, calls: MultiCalls, id: Term, nodes: readonly Atom[], done: () => void = () => {}): void {
  if (nodes.length === 0) return done();
  const boss = theBoss(nodes);
  delLock(proc, calls, id, without(nodes, [boss]), () => delLock(proc, calls, id, [boss], done));
}
