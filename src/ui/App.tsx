/**
 * The page: a top bar (identity, signalling state), the cluster canvas as the main area (with
 * its classroom controls and inspector), and the iex shell beside it (below it on narrow
 * screens). An unnamed tab shows the start panel where the canvas would be; a named tab lists
 * the signalling server's nodes above its shell, each with a Connect button.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { Pid } from '../core/term/types.ts';
import { Playground } from './canvas/Playground.tsx';
import type { AskProcessList } from './canvas/process-list-context.tsx';
import type { Distribution } from '../distribution/dist-types.ts';
import type { Identity } from './identity.ts';
import { NodeList } from './layout/NodeList.tsx';
import { ProjectorToggle } from './layout/ProjectorToggle.tsx';
import { TopBar } from './layout/TopBar.tsx';
import { useSignalling } from './layout/use-signalling.ts';
import type { ShellSession } from './session.ts';
import { ShellPanel } from './ShellPanel.tsx';
import type { ShellHistory } from './shell-history.ts';
import type { PageOptions } from './layout/url-options.ts';
import { createPlaygroundStore, type PlaygroundStore } from './store/playground-store.ts';
import { browserFrameScheduler } from './store/bridge.ts';
import { connectGlobalNames } from './store/global-names.ts';
import { createShellDraft } from './lesson/shell-draft.ts';
import { RecordingArea } from './sequence/RecordingArea.tsx';

// A lesson's panel loads only on a page with ?lesson, the start panel only in an unnamed tab
// (first load budget).
const LessonPanel = lazy(() => import('./lesson/LessonPanel.tsx').then((m) => ({ default: m.LessonPanel })));
const StartPanel = lazy(() => import('./start/StartPanel.tsx').then((m) => ({ default: m.StartPanel })));

export interface AppProps {
  readonly identity: Identity;
  readonly session: ShellSession;
  /** The page's URL options (the start panel's refused name and pending Connect). */
  readonly page: PageOptions;
  /** The shell's line history, kept in the browser by the composition root. */
  readonly history: ShellHistory;
  /** Navigation (the start panel's submit); default location.assign. */
  readonly navigate?: (url: string) => void;
}

export function App({ identity, session, page, history, navigate = (url) => location.assign(url) }: AppProps) {
  const signalling = useSignalling(session);
  const [store] = useState(() => createPlaygroundStore({ localNode: session.node.node.name.name, nodeNumber: session.node.nodeNumber, speed: 'instant' }));
  // Distribution exists once the tab registered its name: the canvas then follows the cluster.
  const [dist, setDist] = useState<Distribution | null>(session.node.dist);
  useEffect(() => session.onDistribution(setDist), [session]);
  // `:global` names label the processes (this tab's replica knows the whole cluster's).
  useEffect(() => connectGlobalNames(session.node.global, session.node.node, store, browserFrameScheduler()), [session, store]);
  // A joined string, so the list re-renders only when the set of connected nodes changes.
  const upKey = useStore(store, (s) => s.nodeOrder.filter((n) => s.nodes[n]?.connection?.kind === 'up').join('\n'));
  const connected = useMemo(() => new Set(upKey.split('\n')), [upKey]);

  // The canvas's actions are typed into the shell, so the transcript shows what they did.
  const onSend = useCallback((pid: Pid, source: string) => session.input(`send pid("${session.pidArgument(pid)}"), ${source.trim()}`), [session]);
  const onKill = useCallback((pid: Pid) => session.input(`Process.exit(pid("${session.pidArgument(pid)}"), :kill)`), [session]);
  // A BEAM card's `list processes` runs :rpc in a process of its own, not in the shell (its code
  // loads on the first click: only a --beam page has BEAM cards).
  const askProcessList = useCallback<AskProcessList>((node, answer) => {
    import('../playground/beam-process-list.ts').then(
      (m) => {
        m.askProcessList(session.node, node, answer);
        session.wake();
      },
      (e: unknown) => answer({ type: 'error', text: `the process list's code did not load: ${String(e)}` }),
    );
  }, [session]);
  // The cluster view (every connected node's processes and traffic, through the tracing service)
  // costs each node tracing its runtime for the others: on demand, `?cluster` or the toggle.
  const [clusterView, setClusterView] = useState(() => new URLSearchParams(location.search).has('cluster'));
  const connect = useCallback((node: string) => session.input(`Node.connect :"${node}"`), [session]);
  // Projector mode: the canvas takes the screen; the shell is hidden (still running), the controls fold.
  const [projector, setProjector] = useState(false);
  // `?lesson=<id|url|paste>`: a guided lesson beside the canvas; its code clicked lands in the shell input.
  const [lesson] = useState(() => new URLSearchParams(location.search).get('lesson'));
  const [draft] = useState(createShellDraft);
  // The timeline away from live: the canvas draws the cluster as it was (src/ui/timeline/past-canvas.ts).
  const [pastCanvas, setPastCanvas] = useState<PlaygroundStore | null>(null);

  return (
    <div className="flex h-screen flex-col bg-slate-50 text-slate-900 dark:bg-slate-900 dark:text-slate-100">
      <TopBar identity={identity} signalling={signalling}>
        {identity.alive && (
          <button
            type="button"
            aria-label="cluster view"
            aria-pressed={clusterView}
            onClick={() => setClusterView((v) => !v)}
            className={`rounded-lg border px-3 py-1 text-base font-semibold ${
              clusterView ? 'border-sky-600 bg-sky-600 text-white dark:border-sky-400 dark:bg-sky-400 dark:text-slate-950' : 'border-slate-300 hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800'
            }`}
          >
            Cluster view {clusterView ? 'on' : 'off'}
          </button>
        )}
        {identity.alive && <ProjectorToggle on={projector} onChange={setProjector} />}
      </TopBar>
      <div className="flex min-h-0 flex-1 flex-col lg:flex-row">
        <main aria-label={identity.alive ? 'cluster' : 'start'} className={`flex min-h-0 min-w-0 flex-col ${projector ? 'flex-1' : 'h-[60vh] flex-none lg:h-auto lg:flex-1'}`}>
          {identity.alive ? (
            <Playground
              node={session.node.node}
              store={store}
              dist={dist}
              {...(clusterView ? { tracing: session.tracing } : {})}
              conditioner={session.conditioner}
              onSend={onSend}
              onKill={onKill}
              askProcessList={askProcessList}
              projector={projector}
              past={pastCanvas}
            />
          ) : (
            <Suspense fallback={null}>
              <StartPanel navigate={navigate} cookie={identity.cookie} refused={page.refused} connect={page.connect} />
            </Suspense>
          )}
          {identity.alive && <RecordingArea session={session} dist={dist} live={store} onCanvas={setPastCanvas} />}
        </main>
        {lesson !== null && (
          <Suspense fallback={null}>
            <LessonPanel param={lesson} identity={identity} session={session} draft={draft} />
          </Suspense>
        )}
        <div className={`min-h-[40vh] flex-1 flex-col border-slate-200 lg:w-[36%] lg:max-w-[48rem] lg:flex-none lg:border-l dark:border-slate-700 ${projector ? 'hidden' : 'flex'}`}>
          {identity.alive && (
            <NodeList
              self={identity.node}
              onConnect={connect}
              connected={connected}
              className="max-h-48 overflow-y-auto border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-700 dark:bg-slate-950"
            />
          )}
          <div className="min-h-0 flex-1">
            <ShellPanel session={session} history={history} draft={draft} />
          </div>
        </div>
      </div>
    </div>
  );
}
