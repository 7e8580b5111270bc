/**
 * The playground: controls on top, the cluster canvas as the main area, the inspector of the
 * selected process on the right. The composition root mounts it beside the shell panel.
 *
 * It connects the runtime bridge for `node` while mounted. Pass `store` when something else
 * must reach the same store (the distribution layer calls `store.getState().setConnection`);
 * without it the playground makes its own. With `tracing` it shows the whole cluster (every
 * node `dist` connects to streams its processes and traffic here); with `dist` the cards follow
 * the connection states; with `conditioner` the classroom controls act on this tab's links.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { Node } from '../../core/runtime/node.ts';
import { atom, type Atom, type Pid } from '../../core/term/types.ts';
import { browserFrameScheduler, connectRuntime, type FrameScheduler } from '../store/bridge.ts';
import { PlaygroundStoreProvider, usePlayground } from '../store/context.tsx';
import { createPlaygroundStore, type PlaygroundStore } from '../store/playground-store.ts';
import type { InspectorProps } from '../inspector/Inspector.tsx';
import { PlaygroundControls } from '../controls/Controls.tsx';
import type { ClassroomControls, DeliveryControls } from '../controls/types.ts';
import { controlsFor } from '../controls/wiring.ts';
import { usePauseView } from '../controls/use-pause-view.ts';
import { connectDistribution } from '../store/distribution-bridge.ts';
import { connectBeamProcesses } from '../store/beam-processes.ts';
import { ProcessListContext, type AskProcessList } from './process-list-context.tsx';
import { forgetDownNodes, type Timers } from '../store/forget-down.ts';

const BROWSER_TIMERS: Timers = { setTimeout: (run, ms) => window.setTimeout(run, ms), clearTimeout: (id) => window.clearTimeout(id as number) };
import type { Distribution } from '../../distribution/dist-types.ts';
import type { TracingService } from '../../distribution/trace/service.ts';
import type { NetworkConditioner } from '../../distribution/middleware/network-controls.ts';
import { ClusterCanvas } from './ClusterCanvas.tsx';
import { Legend } from './Legend.tsx';

export interface PlaygroundProps {
  /** This tab's node runtime. */
  readonly node: Node;
  /** A store made with createPlaygroundStore, shared with the distribution layer; default: a new one. */
  readonly store?: PlaygroundStore;
  /** This tab's node numbering (the distribution layer's NodeTable.nodeNumber) for a new store. */
  readonly nodeNumber?: (node: Atom) => number;
  /** "Send message" in the inspector: send the Elixir term `source` to `pid` (e.g. through the shell). */
  readonly onSend?: (pid: Pid, source: string) => void;
  /** "Kill" in the inspector; default `Process.exit(pid, :kill)` from outside any process. */
  readonly onKill?: (pid: Pid) => void;
  readonly delivery?: DeliveryControls;
  readonly classroom?: ClassroomControls;
  /** Frame scheduler for the bridge; default requestAnimationFrame. */
  readonly frames?: FrameScheduler;
  /** This node's tracing service: the canvas then shows every connected node (the cluster view). */
  readonly tracing?: TracingService;
  /** A BEAM card's `list processes`: ask a real node for its processes (playground/beam-process-list.ts); no button without it. */
  readonly askProcessList?: AskProcessList;
  /** This node's distribution once alive (null before): cards follow its connection states. */
  readonly dist?: Distribution | null;
  /** The classroom conditioner on this tab's transport: default `delivery`/`classroom` controls act on it. */
  readonly conditioner?: NetworkConditioner;
  /** Projector mode: the controls fold away (button `show controls` brings them back). */
  readonly projector?: boolean;
  /** The cluster at a past step of the recording (src/ui/timeline): the canvas draws it instead of the live store. */
  readonly past?: PlaygroundStore | null;
}

export function Playground(props: PlaygroundProps) {
  const { node, store: given, nodeNumber, onSend, onKill, frames, tracing, dist = null, conditioner } = props;
  const [own] = useState(() =>
    given ?? createPlaygroundStore({ localNode: node.name.name, ...(nodeNumber !== undefined ? { nodeNumber } : {}) }),
  );
  const store = given ?? own;
  useEffect(() => connectRuntime(node, store, frames ?? browserFrameScheduler()), [node, store, frames]);
  useEffect(() => (dist === null ? undefined : connectDistribution(dist, store)), [dist, store]);
  // A real BEAM node runs no tracer: its card shows the processes that talk to this tab.
  useEffect(() => connectBeamProcesses(node, store, frames ?? browserFrameScheduler(), dist), [node, store, frames, dist]);
  useEffect(() => forgetDownNodes(store, BROWSER_TIMERS), [store]);
  // True once the cluster view follows the cluster (its bridge loaded and subscribed): only then
  // do the controls act on every node, so the speed is handed on again at that moment.
  const [following, setFollowing] = useState(false);
  useEffect(() => {
    if (tracing === undefined) return undefined;
    // The cluster view's bridge loads with the first cluster view (first load budget).
    let stop: (() => void) | null = null;
    let gone = false;
    void import('../store/cluster-bridge.ts').then(({ connectClusterView }) => {
      if (gone) return;
      const c = connectClusterView(tracing, store, frames ?? browserFrameScheduler());
      const unfollow = dist === null ? null : c.view.follow(dist);
      setFollowing(unfollow !== null);
      stop = () => {
        unfollow?.();
        c.dispose();
      };
    });
    return () => {
      gone = true;
      stop?.();
      setFollowing(false);
    };
  }, [tracing, dist, store, frames]);
  const wired = useMemo(() => (conditioner === undefined ? null : controlsFor({ node, conditioner, dist: () => dist })), [node, conditioner, dist]);
  const delivery = props.delivery ?? wired?.delivery;
  const classroom = props.classroom ?? wired?.classroom;
  const pause = usePauseView(delivery?.pause);
  const [controlsOpen, setControlsOpen] = useState(false);
  const showControls = props.projector !== true || controlsOpen;
  const info = useCallback((pid: Pid) => node.info(pid), [node]);
  const kill = useCallback((pid: Pid) => (onKill ?? ((p: Pid) => node.exit(p, atom('kill'))))(pid), [onKill, node]);
  const numberOf = useCallback((n: Atom) => store.getState().nodeNumber(n), [store]);
  const remoteInfo = useMemo(() => (tracing === undefined ? undefined : tracing.processInfo.bind(tracing)), [tracing]);

  return (
    <PlaygroundStoreProvider store={store}>
      <section aria-label="playground" className="flex h-full min-h-0 flex-col bg-slate-50 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
        {props.projector === true && (
          <button
            type="button"
            aria-label="show controls"
            aria-expanded={controlsOpen}
            onClick={() => setControlsOpen((o) => !o)}
            className="border-b border-slate-200 px-4 py-1 text-left text-base font-semibold hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            {controlsOpen ? '▾ Hide controls' : '▸ Controls'}
          </button>
        )}
        {showControls && (
          <div className="border-b border-slate-200 px-4 py-2 dark:border-slate-700">
            <PlaygroundControls {...(delivery ? { delivery } : {})} {...(classroom ? { classroom } : {})} {...(delivery?.pause ? { pause } : {})} clusterView={following} />
          </div>
        )}
        {pause.holding && (
          <Suspense fallback={null}>
            <PausePanel view={pause} />
          </Suspense>
        )}
        <div className="relative flex min-h-0 flex-1">
          <div className="flex min-w-0 flex-1 flex-col">
            <PlaygroundStoreProvider store={props.past ?? store}>
              {/* Keyed: the past and the live canvas are each mounted fresh (the token overlay's canvas is handed off once). */}
              <div className={`relative min-h-0 flex-1 ${props.past ? 'outline outline-4 -outline-offset-4 outline-amber-400' : ''}`} data-past={props.past ? 'true' : undefined}>
                {/* The past canvas asks no live node. */}
                <ProcessListContext.Provider value={props.past ? null : (props.askProcessList ?? null)}>
                  <ReactFlowProvider key={props.past ? 'past' : 'live'}>
                    <ClusterCanvas />
                  </ReactFlowProvider>
                </ProcessListContext.Provider>
              </div>
              <Legend />
              {/* Away from live, a tile opens the inspector of the past (src/ui/timeline/PastInspector.tsx). */}
              {props.past && <PastInspectorWhenSelected />}
            </PlaygroundStoreProvider>
          </div>
          {!props.past && <InspectorWhenSelected info={info} nodeNumber={numberOf} onSend={onSend} onKill={kill} remoteInfo={remoteInfo} />}
        </div>
      </section>
    </PlaygroundStoreProvider>
  );
}

// The inspector's code loads when something is first selected, not with the page (first-load budget).
const Inspector = lazy(() => import('../inspector/Inspector.tsx').then((m) => ({ default: m.Inspector })));
// Shown only while a pause holds messages: it loads with the first pause.
const PausePanel = lazy(() => import('../controls/PausePanel.tsx').then((m) => ({ default: m.PausePanel })));

const PastInspector = lazy(() => import('../timeline/PastInspector.tsx').then((m) => ({ default: m.PastInspector })));

/** The inspector of the past, mounted while a tile of the past canvas is selected. */
function PastInspectorWhenSelected() {
  const open = usePlayground((s) => s.selected !== null);
  return open ? (
    <Suspense fallback={null}>
      <PastInspector />
    </Suspense>
  ) : null;
}

/** The inspector, mounted while a process or a connection is selected. */
function InspectorWhenSelected(props: InspectorProps) {
  const open = usePlayground((s) => s.selected !== null || s.selectedConnection !== null);
  return open ? (
    <Suspense fallback={null}>
      <Inspector {...props} />
    </Suspense>
  ) : null;
}
