/**
 * `:global` names as process labels. Every node holds a replica of the whole cluster's global
 * name table (src/distribution/global), so each tab can label any process it shows, its own or another
 * node's (cluster view), `{:global, :ticker}`, from its own replica without asking anyone.
 *
 * The replica changes only when the node's global name server handles a message, which the
 * node's event stream reports; so on node events (at most once per animation frame) the names
 * are read again and, when they changed, handed to the store. A process that appears in the
 * store after its name was registered (a remote node's process arriving with the cluster view)
 * is labelled when it appears: the store re-applies the names it holds.
 */
import type { Node } from '../../core/runtime/node.ts';
import type { Pid, Term } from '../../core/term/types.ts';
import type { FrameScheduler } from './bridge.ts';
import { pidKey } from './model.ts';
import type { PlaygroundStore } from './playground-store.ts';

/** What the labels need of a GlobalServer (src/distribution/global/server.ts). */
export interface GlobalNameSource {
  registeredNames(): Term[];
  whereis(name: Term): Pid | undefined;
}

/**
 * Process key → its global name, for atom names (the ones a label can show as `:name`). A pid
 * with several names shows the first registered.
 */
export function globalNamesOf(global: GlobalNameSource): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of global.registeredNames()) {
    if (typeof name !== 'object' || name.kind !== 'atom') continue;
    const pid = global.whereis(name);
    if (pid === undefined) continue;
    const key = pidKey(pid);
    out[key] ??= name.name;
  }
  return out;
}

/** Keeps the store's global names in step with `global`'s replica until the returned function is called. */
export function connectGlobalNames(global: GlobalNameSource, node: Node, store: PlaygroundStore, frames: FrameScheduler): () => void {
  let frame: number | null = null;
  const check = () => {
    frame = null;
    store.getState().setGlobalNames(globalNamesOf(global));
  };
  check();
  const unsubscribe = node.subscribe(() => {
    if (frame === null) frame = frames.requestFrame(check);
  });
  // New processes in the store get the names already known.
  const unwatch = store.subscribe((s, prev) => {
    if (s.processes !== prev.processes) s.setGlobalNames(s.globalNames);
  });
  return () => {
    unsubscribe();
    unwatch();
    if (frame !== null) frames.cancelFrame(frame);
    frame = null;
  };
}
