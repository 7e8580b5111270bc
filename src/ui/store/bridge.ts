/**
 * The bridge from a node's runtime to the playground store: it subscribes to the node's event
 * stream, buffers events, and applies them once per animation frame together with the node's
 * snapshot (read only when its version moved). A process sending 1,000 messages a second thus
 * costs one store update per frame, not one per message.
 *
 * The frame scheduler is injected so tests drive frames by hand in Node.
 */
import type { Node } from '../../core/runtime/node.ts';
import type { RuntimeEvent } from '../../core/runtime/events.ts';
import { MAX_IN_FLIGHT, pidKey, type MonitorView, type PlaygroundData } from './model.ts';
import { trueMonitors } from './monitor-truth.ts';
import type { PlaygroundStore } from './playground-store.ts';

export interface FrameScheduler {
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  /** The UI clock, ms (performance.now in the page). */
  now(): number;
}

/** requestAnimationFrame and performance.now: for the page only. */
export function browserFrameScheduler(): FrameScheduler {
  return {
    requestFrame: (cb) => requestAnimationFrame(cb),
    cancelFrame: (h) => cancelAnimationFrame(h),
    now: () => performance.now(),
  };
}

/** Feeds `store` from `node` until the returned function is called. */
export function connectRuntime(node: Node, store: PlaygroundStore, frames: FrameScheduler): () => void {
  let buffer: RuntimeEvent[] = [];
  let messagesBuffered = 0;
  let frame: number | null = null;
  let version = -1;

  const flush = () => {
    frame = null;
    const now = frames.now();
    const events = buffer;
    buffer = [];
    messagesBuffered = 0;
    const snap = node.getSnapshot();
    const s = store.getState();
    if (snap.node.name !== s.localNode) s.renameLocal(snap.node.name);
    const changed = snap.version !== version;
    version = snap.version;
    if (events.length > 0 || changed) {
      store.getState().applyBatch({ node: snap.node.name, events, ...(changed ? { processes: snap.processes } : {}) }, now);
    }
    store.getState().expire(now);
    // Monitors drawn must be those Process.info reports (monitor-truth.ts).
    if (store.getState().monitors !== checkedMonitors || changed) {
      const monitors = trueMonitors(store.getState(), (pid) => node.info(pid));
      if (monitors !== null) store.setState({ monitors });
      checkedMonitors = store.getState().monitors;
    }
    // Keep ticking while something is still fading or flying, so it gets removed on time.
    const after = store.getState();
    if (after.messages.length > 0 || after.exits.length > 0 || hasFading(after.processes)) schedule();
  };
  const schedule = () => {
    if (frame === null) frame = frames.requestFrame(flush);
  };
  let checkedMonitors: PlaygroundData['monitors'] | null = null;
  // Another node's batch can bring a monitor on one of ours: checked on the next frame.
  const unwatch = store.subscribe((st, prev) => {
    if (st.monitors !== prev.monitors && st.monitors !== checkedMonitors) schedule();
  });

  // First sync: the processes and monitors already there.
  const snap = node.getSnapshot();
  version = snap.version;
  store.getState().applyBatch({ node: snap.node.name, events: [], processes: snap.processes, monitors: existingMonitors(node) }, frames.now());

  const unsubscribe = node.subscribe((e) => {
    // A hidden tab gets no frames: past a bound, drop message tokens (never structural events).
    if (e.type === 'message:sent') {
      if (messagesBuffered >= MAX_IN_FLIGHT) return;
      messagesBuffered++;
    }
    buffer.push(e);
    schedule();
  });

  return () => {
    unsubscribe();
    unwatch();
    if (frame !== null) frames.cancelFrame(frame);
    frame = null;
  };
}

function hasFading(processes: Readonly<Record<string, { readonly exit: unknown }>>): boolean {
  for (const k in processes) if (processes[k]?.exit !== null) return true;
  return false;
}

/**
 * Monitors in place before we subscribed. Process.info gives each target's watchers but not the
 * refs, so these get synthetic keys; monitors made later carry their ref and can be removed by it.
 */
function existingMonitors(node: Node): MonitorView[] {
  const out: MonitorView[] = [];
  for (const pid of node.processes()) {
    const info = node.info(pid);
    if (info === undefined) continue;
    for (const w of info.monitoredBy) out.push({ key: `existing:${pidKey(w)}>${pidKey(pid)}`, watcher: pidKey(w), target: pidKey(pid) });
  }
  return out;
}
