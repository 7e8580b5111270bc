/**
 * The playground: controls on top, the cluster canvas as the main area, the inspector of the
 * selected process on the right. The composition root mounts it beside the shell panel.
 *
 * It connects the runtime bridge for `node` while mounted. Pass `store` when something else
 * must reach the same store (the distribution layer calls `store.getState().setConnection`);
 * without it the playground makes its own.
 */
import { useCallback, useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import type { Node } from '../../core/runtime/node.ts';
import { atom, type Atom, type Pid } from '../../core/term/types.ts';
import { browserFrameScheduler, connectRuntime, type FrameScheduler } from '../store/bridge.ts';
import { PlaygroundStoreProvider } from '../store/context.tsx';
import { createPlaygroundStore, type PlaygroundStore } from '../store/playground-store.ts';
import { Inspector } from '../inspector/Inspector.tsx';
import { PlaygroundControls } from '../controls/Controls.tsx';
import type { ClassroomControls, DeliveryControls } from '../controls/types.ts';
import { ClusterCanvas } from './ClusterCanvas.tsx';

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
}

export function Playground({ node, store: given, nodeNumber, onSend, onKill, delivery, classroom, frames }: PlaygroundProps) {
  const [own] = useState(() =>
    given ?? createPlaygroundStore({ localNode: node.name.name, ...(nodeNumber !== undefined ? { nodeNumber } : {}) }),
  );
  const store = given ?? own;
  useEffect(() => connectRuntime(node, store, frames ?? browserFrameScheduler()), [node, store, frames]);
  const info = useCallback((pid: Pid) => node.info(pid), [node]);
  const kill = useCallback((pid: Pid) => (onKill ?? ((p: Pid) => node.exit(p, atom('kill'))))(pid), [onKill, node]);
  const numberOf = useCallback((n: Atom) => store.getState().nodeNumber(n), [store]);

  return (
    <PlaygroundStoreProvider store={store}>
      <section aria-label="playground" className="flex h-full min-h-0 flex-col bg-slate-50 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
        <div className="border-b border-slate-200 px-4 py-2 dark:border-slate-700">
          <PlaygroundControls {...(delivery ? { delivery } : {})} {...(classroom ? { classroom } : {})} />
        </div>
        <div className="flex min-h-0 flex-1">
          <div className="relative min-w-0 flex-1">
            <ReactFlowProvider>
              <ClusterCanvas />
            </ReactFlowProvider>
          </div>
          <Inspector info={info} nodeNumber={numberOf} onSend={onSend} onKill={kill} />
        </div>
      </section>
    </PlaygroundStoreProvider>
  );
}
