/**
 * The processes of a real BEAM node that talk to this tab, on its card (issue 15 §2): a real node
 * runs no tracing service, so its card learns its processes from this tab's own traffic. Each pid
 * of a node marked BEAM that sends to or is sent to by this tab's processes gets a tile (the
 * message tokens then fly between tiles); a real process that only sends here is told by the
 * distribution (`message:in`, the sender named on the wire). At most MAX_PER_NODE per node, the
 * oldest going first.
 * Their state is not traced: the tile shows them as waiting.
 */
import type { Node } from '../../core/runtime/node.ts';
import type { Distribution } from '../../distribution/dist-types.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import { Pid, type Term } from '../../core/term/types.ts';
import { pidKey } from './model.ts';
import type { FrameScheduler } from './bridge.ts';
import type { PlaygroundStore } from './playground-store.ts';

export const MAX_PER_NODE = 64;

export function connectBeamProcesses(node: Node, store: PlaygroundStore, frames: FrameScheduler, dist: Distribution | null = null): () => void {
  /** BEAM node name → pid key → pid, in the order first seen. */
  const seen = new Map<string, Map<string, Pid>>();
  const changed = new Set<string>();
  let frame: number | null = null;

  const note = (end: Pid | Term | null) => {
    if (!(end instanceof Pid)) return;
    const name = end.node.name;
    if (store.getState().nodes[name]?.beam !== true) return;
    let pids = seen.get(name);
    if (pids === undefined) seen.set(name, (pids = new Map()));
    const key = pidKey(end);
    if (pids.has(key)) return;
    pids.set(key, end);
    if (pids.size > MAX_PER_NODE) pids.delete(pids.keys().next().value as string);
    changed.add(name);
    frame ??= frames.requestFrame(flush);
  };

  const flush = () => {
    frame = null;
    for (const name of changed) {
      const pids = seen.get(name);
      if (pids === undefined || store.getState().nodes[name] === undefined) continue;
      store.getState().applyBatch({ node: name, events: [], processes: [...pids.values()].map(untraced) }, frames.now());
    }
    changed.clear();
  };

  const unsubscribe = node.subscribe((e) => {
    if (e.type !== 'message:sent') return;
    note(e.from);
    note(e.to);
  });
  const unsubscribeDist = dist?.subscribe((e) => {
    if (e.type === 'message:in') note(e.from);
  });
  return () => {
    unsubscribe();
    unsubscribeDist?.();
    if (frame !== null) frames.cancelFrame(frame);
  };
}

function untraced(pid: Pid): ProcessSummary {
  return { pid, status: 'waiting', registeredName: undefined, messageQueueLen: 0, links: [], reductions: 0, groupLeader: pid };
}
