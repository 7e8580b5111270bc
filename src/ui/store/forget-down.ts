/**
 * Cards of nodes that are gone do not stay forever: a node down (or refused) for
 * FORGET_DOWN_MS (60 s) loses its card, unless it came back meanwhile. The card can also be
 * dismissed at once (its `dismiss two@lab` button calls `removeNode`).
 */
import { FORGET_DOWN_MS, type ConnectionState } from './model.ts';
import type { PlaygroundStore } from './playground-store.ts';

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}

const gone = (c: ConnectionState | null | undefined) => c?.kind === 'down' || c?.kind === 'refused';

/** Forgets `store`'s nodes that stay down for `afterMs`; returns `dispose`. */
export function forgetDownNodes(store: PlaygroundStore, timers: Timers, afterMs = FORGET_DOWN_MS): () => void {
  // One timer per node that is down, for the connection state it was down with.
  const pending = new Map<string, { state: ConnectionState; id: unknown }>();
  const check = () => {
    const { nodes } = store.getState();
    for (const [node, p] of pending) {
      const c = nodes[node]?.connection;
      if (!gone(c)) {
        timers.clearTimeout(p.id);
        pending.delete(node);
      }
    }
    for (const node in nodes) {
      const c = nodes[node]?.connection;
      if (c === null || c === undefined || !gone(c) || pending.has(node)) continue;
      const id = timers.setTimeout(() => {
        pending.delete(node);
        if (gone(store.getState().nodes[node]?.connection)) store.getState().removeNode(node);
      }, afterMs);
      pending.set(node, { state: c, id });
    }
  };
  check();
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.nodes !== prev.nodes) check();
  });
  return () => {
    unsubscribe();
    for (const p of pending.values()) timers.clearTimeout(p.id);
    pending.clear();
  };
}
