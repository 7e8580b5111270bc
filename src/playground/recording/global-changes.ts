/**
 * `:global` register/unregister as recorder notes. The node's replica of the global name table
 * changes only when its global name server handles a message, which the node's event stream
 * reports (the same signal src/ui/store/global-names.ts uses for labels); so on each node event
 * the replica's names are compared with the last ones seen and the differences reported.
 * The cost is one pass over the cluster's global names per event, fine for a classroom's handful.
 */
import { Tuple, atom, type Pid, type Term } from '../../core/term/types.ts';
import { inspect } from '../../core/term/inspect.ts';

/** What is read of a GlobalServer (src/distribution/global/server.ts). */
export interface GlobalNameSource {
  registeredNames(): Term[];
  whereis(name: Term): Pid | undefined;
}

export type GlobalChange = { readonly kind: 'register' | 'unregister'; readonly name: Term; readonly pid: Pid };

/** Returns `check`: call it when the replica may have changed; it reports what did since the last call. */
export function globalChanges(global: GlobalNameSource, report: (c: GlobalChange) => void): () => void {
  let seen = snapshot(global);
  return () => {
    const now = snapshot(global);
    for (const [k, v] of seen) if (now.get(k)?.key !== v.key) report({ kind: 'unregister', name: v.name, pid: v.pid });
    for (const [k, v] of now) if (seen.get(k)?.key !== v.key) report({ kind: 'register', name: v.name, pid: v.pid });
    seen = now;
  };
}

/** The note's text: `{:register, name, pid}`. */
export function globalNote(c: GlobalChange): Term {
  return new Tuple([atom(c.kind), c.name, c.pid]);
}

function snapshot(global: GlobalNameSource): Map<string, { name: Term; pid: Pid; key: string }> {
  const out = new Map<string, { name: Term; pid: Pid; key: string }>();
  for (const name of global.registeredNames()) {
    const pid = global.whereis(name);
    if (pid !== undefined) out.set(inspect(name), { name, pid, key: inspect(pid) });
  }
  return out;
}
