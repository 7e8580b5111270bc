/**
 * The tracing service of one node: its tracer (always running, idle until someone subscribes)
 * and, on demand, its cluster view (a viewer fed to a sink). Both share one TraceSelf, so the
 * node never traces the service's own traffic: without that, two nodes watching each other
 * would report each other's reports forever.
 *
 *   const tracing = startTracing(node);                  // every node, at creation
 *   const view = tracing.view(sink);                      // a tab that shows the cluster
 *   view.follow(dist);                                    // once the node is alive
 *   tracing.classroom().pause(true);                      // pause the whole cluster
 */
import type { Node } from '../../core/runtime/node.ts';
import type { Pid } from '../../core/term/types.ts';
import type { ProcessInfo } from '../../core/runtime/process-api.ts';
import { TraceSelf, startTracer, type TracerOptions } from './tracer.ts';
import { startViewer, type ClusterView, type TraceSink } from './viewer.ts';
import { startClassroomController, type ClassroomController } from './classroom-controller.ts';
import { atom } from '../../core/term/types.ts';

export interface TracingService {
  readonly tracer: Pid;
  /**
   * This node's viewer, started on first use; its batches go to `sink` from now on (a later
   * call, e.g. a remounted canvas, takes over the same viewer and subscriptions).
   */
  view(sink: TraceSink): ClusterView;
  /**
   * Process.info of a process on another node, through that node's tracer (the inspector of a
   * remote process). Starts the viewer if no view did yet.
   */
  processInfo(pid: Pid, done: (info: ProcessInfo | undefined) => void): void;
  /** The cluster view is on (its viewer follows the node's connections). */
  following(): boolean;
  /**
   * The cluster-wide classroom controls (classroom-controller.ts), acting on this node and every
   * node the viewer watches; started on first use.
   */
  classroom(): ClassroomController;
  /**
   * Also hands every batch and node-down to `sink` (the recorder, record.ts) until the returned
   * function is called; batches flow only while the viewer watches (the cluster view).
   */
  tap(sink: TraceSink): () => void;
}

export interface TracingOptions extends TracerOptions {
  /**
   * Called after the service gave the node work from outside a process (an info request): the
   * host loop's `wake`, which otherwise would not run the node until its next timer or input.
   */
  readonly wake?: () => void;
}

export function startTracing(node: Node, options: TracingOptions = {}): TracingService {
  const self = new TraceSelf();
  const tracer = startTracer(node, self, options);
  let view: ClusterView | null = null;
  let classroom: ClassroomController | null = null;
  let sink: TraceSink = { batch: () => {}, down: () => {} };
  let taps: readonly TraceSink[] = [];
  const relay: TraceSink = {
    batch: (b) => {
      sink.batch(b);
      for (const t of taps) t.batch(b);
    },
    down: (n, r) => {
      sink.down(n, r);
      for (const t of taps) t.down(n, r);
    },
  };
  return {
    tracer,
    view(s) {
      sink = s;
      return (view ??= startViewer(node, self, relay));
    },
    processInfo(pid, done) {
      (view ??= startViewer(node, self, relay)).info(pid, done);
      options.wake?.();
    },
    following: () => view?.following() ?? false,
    tap(t) {
      taps = [...taps, t];
      return () => {
        taps = taps.filter((x) => x !== t);
      };
    },
    classroom() {
      // This node last: a slow network set here must not delay the requests to the others.
      const targets = () => [...(view?.watching() ?? []).map((n) => atom(n)), node.name];
      return (classroom ??= startClassroomController(node, self, targets, options.wake));
    },
  };
}
