/**
 * Name clashes when two partitions meet (global.erl `exchange_names`, `resolve_it` and the three
 * resolve methods). The node with the smaller name of the two that connect resolves each clash;
 * the other leaves it to it. OTP runs the method with `rpc:call` on the node of the pid it holds;
 * here the resolving node runs it itself (the method's effects — the kill, the log line, the
 * `{:global_name_conflict, …}` messages — are the same, the log line is on the resolving node).
 * A method we cannot run (a closure from elsewhere) counts as global's default,
 * `random_exit_name`.
 */
import { Fun, Tuple, atom, tuple } from '../../core/term/types.ts';
import type { Atom, Pid, Term } from '../../core/term/types.ts';
import type { ProcessApi } from '../../core/runtime/process-api.ts';
import { compare } from '../../core/term/order.ts';
import type { NameInfo, Op } from './otp-messages.ts';

const GLOBAL_MOD = atom('global');
/** `fun global:random_exit_name/3`: the method our names carry (any BEAM node can call it). */
export const DEFAULT_METHOD: Term = new Fun(3, { type: 'export', module: GLOBAL_MOD, name: atom('random_exit_name') }, null, null);

export type MethodName = 'random_exit_name' | 'random_notify_name' | 'notify_all_name';

/**
 * The method a name keeps: global's own method named as an export fun, which every BEAM node can
 * call. BEAM sends register_name/2's default as a local fun of global (`#Fun<global.0.…>`), which
 * we could not send back intact (its module MD5 is not kept).
 */
export function canonicalMethod(m: Term | undefined): Term {
  const name = methodName(m);
  return name === 'random_exit_name' ? DEFAULT_METHOD : new Fun(3, { type: 'export', module: GLOBAL_MOD, name: atom(name) }, null, null);
}

/** A resolve method as register_name/3 takes it: a fun of arity 3 or a `{module, function}` pair (allow_tuple_fun). */
export function isResolveMethod(m: Term | undefined): boolean {
  if (m instanceof Fun) return m.arity === 3;
  return m instanceof Tuple && m.size === 2 && m.elements.every((e) => typeof e === 'object' && e.kind === 'atom');
}

export function methodName(m: Term | undefined): MethodName {
  // `fun global:f/3`, or the legacy tuple fun `{global, f}` register_name/3 still takes
  const named = m instanceof Fun && m.info.type === 'export' ? m.info : m instanceof Tuple && m.size === 2 ? { module: m.elements[0], name: m.elements[1] } : null;
  if (named !== null && named.module === GLOBAL_MOD && typeof named.name === 'object' && named.name.kind === 'atom') {
    const n = named.name.name;
    if (n === 'random_notify_name' || n === 'notify_all_name') return n;
  }
  return 'random_exit_name';
}

export interface ResolveEnv {
  readonly me: Atom;
  /** The node a pid lives on now (a pid taken as nonode@nohost: this node). */
  readonly nodeOf: (p: Pid) => Atom;
  readonly lookup: (name: Term) => { pid: Pid; method: Term } | undefined;
  readonly samePid: (a: Pid, b: Pid) => boolean;
  /** random_exit_name's side: log and kill `loser` (once). */
  readonly terminate: (name: Term, loser: Pid) => void;
}

const CONFLICT = atom('global_name_conflict');

/** global's `minmax`: the pid on the smaller node name first (ties: the second argument first). */
function minmax(env: ResolveEnv, a: Pid, b: Pid): [Pid, Pid] {
  return compare(env.nodeOf(a), env.nodeOf(b)) < 0 ? [a, b] : [b, a];
}

/** Runs a resolve method: the pid that keeps the name, or null for `none`. */
export function resolveIt(proc: ProcessApi, env: ResolveEnv, method: Term, name: Term, pid: Pid, pid2: Pid): Pid | null {
  const [min, max] = minmax(env, pid, pid2);
  switch (methodName(method)) {
    case 'random_exit_name':
      env.terminate(name, max);
      return min;
    case 'random_notify_name':
      proc.send(max, tuple(CONFLICT, name));
      return min;
    case 'notify_all_name':
      proc.send(pid, tuple(CONFLICT, name, pid2));
      proc.send(pid2, tuple(CONFLICT, name, pid));
      return null;
  }
}

/** `exchange_names`: his names against ours → [ops for both sides, ops resolved for him]. */
export function exchangeNames(proc: ProcessApi, env: ResolveEnv, his: readonly NameInfo[], hisNode: Atom): { ops: Op[]; resolved: Op[] } {
  const ops: Op[] = [];
  const resolved: Op[] = [];
  const iResolve = compare(env.me, hisNode) < 0;
  for (const n of his) {
    const mine = env.lookup(n.name);
    if (mine === undefined) {
      ops.push({ type: 'insert', ...n });
      continue;
    }
    if (env.samePid(mine.pid, n.pid) || !iResolve) continue;
    const keeper = resolveIt(proc, env, mine.method, n.name, n.pid, mine.pid);
    if (keeper === null) {
      ops.push({ type: 'delete', name: n.name });
      resolved.push({ type: 'delete', name: n.name });
    } else if (env.samePid(keeper, n.pid)) ops.push({ type: 'insert', ...n });
    else resolved.push({ type: 'insert', name: n.name, pid: mine.pid, method: mine.method });
  }
  return { ops, resolved };
}
