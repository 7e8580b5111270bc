/**
 * The cluster view's side of the store: remote nodes' trace batches (src/distribution/trace) and this
 * tab's connection states go into the same store the local bridge feeds.
 *
 * - `connectClusterView(tracing, store, frames)` starts this node's viewer with a sink that only
 *   buffers (it runs inside the viewer process) and applies, once per animation frame, one merged
 *   batch per node: a cluster of 8 nodes flushing 10 times a second costs one store update per
 *   frame, not 80. A node whose tracer went away keeps its card but loses its processes.
 * - `connectDistribution(dist, store)` (distribution-bridge.ts, re-exported here) mirrors the
 *   distribution's connection events on the cards.
 */
import type { RuntimeEvent } from '../../core/runtime/events.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import type { TracingService } from '../../distribution/trace/service.ts';
import type { ClusterView } from '../../distribution/trace/viewer.ts';
import type { FrameScheduler } from './bridge.ts';
import type { PlaygroundStore } from './playground-store.ts';
import type { NodeBatch } from './reduce.ts';

interface Pending {
  events: RuntimeEvent[];
  processes: readonly ProcessSummary[] | null;
  dropped: number;
  down: string | null;
}

export interface ClusterViewConnection {
  readonly view: ClusterView;
  /** Events remote tracers dropped because this tab was slow, per node (for a hint on the card). */
  readonly dropped: ReadonlyMap<string, number>;
  /** Remote events received and not yet applied (the backlog a slow viewer works off). */
  waiting(): number;
  dispose(): void;
}

/**
 * Remote events applied per frame, at most (a few ms of reducer work). The cluster's steady
 * traffic is far below it; the tracers' flushes landing in the same frame are spread over the
 * next frames instead of making one long task. Never dropped, never reordered.
 */
export const MAX_EVENTS_PER_FRAME = 500;

/**
 * A backlog is worked off within about this many frames: when the viewer is slower than the
 * cluster (a projector at 30 fps under 5,000 msgs/s), each frame takes at least this share of what
 * waits, so the queue stays a few frames of traffic long instead of growing without bound.
 */
export const CATCH_UP_FRAMES = 8;

export function connectClusterView(tracing: TracingService, store: PlaygroundStore, frames: FrameScheduler): ClusterViewConnection {
  const pending = new Map<string, Pending>();
  const dropped = new Map<string, number>();
  let frame: number | null = null;
  let disposed = false;

  const entry = (node: string): Pending => {
    let p = pending.get(node);
    if (p === undefined) pending.set(node, (p = { events: [], processes: null, dropped: 0, down: null }));
    return p;
  };
  const waiting = () => {
    let n = 0;
    for (const p of pending.values()) n += p.events.length;
    return n;
  };
  const flush = () => {
    frame = null;
    if (disposed) return;
    const now = frames.now();
    // All nodes' batches go in as ONE store update: each update runs every subscriber (the
    // graph builder's pass over all processes, the tiles, the overlay), 8 times a frame before.
    const batches: NodeBatch[] = [];
    let budget = Math.max(MAX_EVENTS_PER_FRAME, Math.ceil(waiting() / CATCH_UP_FRAMES));
    for (const [node, p] of pending) {
      if (budget <= 0) break;
      const s = store.getState();
      if (s.nodes[node] === undefined && p.down === null) s.setConnection(node, { kind: 'up' });
      if (p.events.length > budget) {
        // Too much for one frame (8 tracers' flushes landing together): the first events now,
        // the rest (and the snapshot, which is the state after them all) in the next frames.
        batches.push({ node, events: p.events.slice(0, budget) });
        p.events = p.events.slice(budget);
        budget = 0;
        break;
      }
      budget -= p.events.length;
      pending.delete(node);
      if (p.events.length > 0 || p.processes !== null) {
        batches.push({ node, events: p.events, ...(p.processes !== null ? { processes: p.processes } : {}) });
      }
      if (p.down !== null) batches.push({ node, events: [], processes: [] });
      if (p.dropped > 0) dropped.set(node, (dropped.get(node) ?? 0) + p.dropped);
    }
    if (batches.length > 0) store.getState().applyBatches(batches, now);
    if (pending.size > 0) schedule();
  };
  const schedule = () => {
    if (frame === null && !disposed) frame = frames.requestFrame(flush);
  };

  const view = tracing.view({
    batch(b) {
      const p = entry(b.node.name);
      if (p.down !== null) {
        // Down then up again within one frame: start over from this batch.
        p.down = null;
        p.events = [];
      }
      for (const e of b.events) p.events.push(e);
      if (b.processes !== null) p.processes = b.processes;
      p.dropped += b.dropped;
      schedule();
    },
    down(node, reason) {
      const p = entry(node);
      p.down = reason;
      p.events = [];
      p.processes = null;
      schedule();
    },
  });

  return {
    view,
    dropped,
    waiting,
    dispose() {
      disposed = true;
      if (frame !== null) frames.cancelFrame(frame);
      frame = null;
    },
  };
}

// The connection states live apart (distribution-bridge.ts): a page loads this file only with its
// first cluster view.
export { connectDistribution, downReason } from './distribution-bridge.ts';
