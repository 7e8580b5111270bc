/**
 * Classroom controls: the message speed slider (instant → slow motion), pause/step of delivery
 * between nodes, folding system processes, and per-connection faults (cut, heal, delay, drop).
 * Every control has an accessible name a test can use: slider `message speed`, buttons
 * `pause delivery` (aria-pressed), `step delivery` (status `held messages` beside it and, when
 * the cluster view makes them act on every node, list `held per node` of `held on two@lab`), combobox
 * `slow network`, checkboxes `show system processes` and `show system traffic` (the tool's own
 * messages: tracer, classroom control, `:global`, I/O plumbing), and per node `cut two@lab`, `heal two@lab`,
 * `delay two@lab`, `drop rate two@lab`, `close two@lab`.
 */
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/shallow';
import { usePlayground, usePlaygroundStoreApi } from '../store/context.tsx';
import { SPEEDS, type Speed } from '../store/model.ts';
import type { ClassroomControls, DeliveryControls } from './types.ts';
import type { PauseView } from './pause-view.ts';

/** Pause while someone else's pause holds this tab: disabled, but as legible as the banner. */
const HELD_BY_OTHER = 'rounded-lg border border-amber-500 bg-amber-100 px-3 py-1.5 font-semibold text-amber-950 dark:bg-amber-900 dark:text-amber-50';

// Slider runs slow → fast, so "more" means faster.
const SLIDER: readonly Speed[] = [...SPEEDS].reverse();

const button =
  'rounded-lg border border-slate-300 px-3 py-1.5 font-semibold hover:bg-slate-100 disabled:opacity-40 dark:border-slate-600 dark:hover:bg-slate-800';

export function PlaygroundControls({ delivery = {}, classroom = {}, pause }: { delivery?: DeliveryControls; classroom?: ClassroomControls; pause?: PauseView }) {
  const store = usePlaygroundStoreApi();
  const { speed, paused: pressed, showSystem, showSystemTraffic, localNode } = usePlayground(
    useShallow((s) => ({ speed: s.speed, paused: s.paused, showSystem: s.showSystem, showSystemTraffic: s.showSystemTraffic, localNode: s.localNode })),
  );
  // The node's real state when known: a teacher's pause reaches this tab without its button.
  const paused = pause === undefined ? pressed : pause.holding;
  const pausedBy = pause?.holding === true && pause.by !== null && pause.by !== localNode ? pause.by : null;
  const togglePause = () => {
    store.getState().setPaused(!paused);
    delivery.onPauseChange?.(!paused);
  };
  return (
    <div role="toolbar" aria-label="classroom controls" className="flex flex-wrap items-center gap-x-6 gap-y-2 text-base">
      <label className="flex items-center gap-3">
        <span className="font-semibold">Message speed</span>
        <input
          type="range"
          aria-label="message speed"
          min={0}
          max={SLIDER.length - 1}
          step={1}
          value={SLIDER.indexOf(speed)}
          aria-valuetext={speed}
          onChange={(e) => store.getState().setSpeed(SLIDER[Number(e.target.value)] ?? 'normal')}
          className="w-40 accent-sky-600"
        />
        <output className="w-28 font-mono">{speed}</output>
      </label>
      <div className="flex items-center gap-2">
        <button
          type="button"
          aria-label="pause delivery"
          aria-pressed={paused}
          disabled={delivery.onPauseChange === undefined || pausedBy !== null}
          title={pausedBy === null ? undefined : `${pausedBy} paused delivery: it resumes or steps`}
          onClick={togglePause}
          className={pausedBy === null ? button : HELD_BY_OTHER}
        >
          {pausedBy !== null ? `❚❚ Paused by ${pausedBy}` : paused ? '▶ Resume' : '❚❚ Pause'}
        </button>
        <button type="button" aria-label="step delivery" disabled={!paused || pausedBy !== null || delivery.onStep === undefined} onClick={() => delivery.onStep?.()} className={button}>
          Step
        </button>
        {paused && pausedBy === null && delivery.held ? <HeldCount held={delivery.held} {...(delivery.heldByNode ? { byNode: delivery.heldByNode } : {})} /> : null}
      </div>
      <SlowNetwork delivery={delivery} />
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={showSystem} onChange={(e) => store.getState().setShowSystem(e.target.checked)} className="h-5 w-5" />
        show system processes
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" checked={showSystemTraffic} onChange={(e) => store.getState().setShowSystemTraffic(e.target.checked)} className="h-5 w-5" />
        show system traffic
      </label>
      <FaultControls classroom={classroom} />
    </div>
  );
}

type PerNode = readonly (readonly [string, number])[];

/**
 * While paused: how many messages wait (polled: the count changes with traffic, not with React
 * state) and, when the pause holds the whole cluster, where (`held on two@lab`: 2).
 */
function HeldCount({ held, byNode }: { held: () => number; byNode?: () => PerNode }) {
  const [n, setN] = useState(held);
  const [per, setPer] = useState<PerNode>(() => byNode?.() ?? []);
  useEffect(() => {
    const id = setInterval(() => {
      setN(held());
      setPer(byNode?.() ?? []);
    }, 200);
    return () => clearInterval(id);
  }, [held, byNode]);
  return (
    <>
      <output role="status" aria-label="held messages" className="font-mono">
        {n} held{per.length > 0 ? ' in the cluster' : ''}
      </output>
      {per.length > 0 && (
        <ul aria-label="held per node" className="flex gap-2 font-mono text-sm">
          {per.map(([node, k]) => (
            <li key={node} aria-label={`held on ${node}`}>
              {node}: {k}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

const SLOW = [0, 500, 2000, 5000];

/** "Slow network": a real delay on every link, so students see ordering effects. */
function SlowNetwork({ delivery }: { delivery: DeliveryControls }) {
  const [ms, setMs] = useState(0);
  return (
    <label className="flex items-center gap-2">
      <span className="font-semibold">Network</span>
      <select
        aria-label="slow network"
        disabled={delivery.onSlowNetwork === undefined}
        value={ms}
        onChange={(e) => {
          const v = Number(e.target.value);
          setMs(v);
          delivery.onSlowNetwork?.(v);
        }}
        className="rounded-lg border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-600"
      >
        {SLOW.map((v) => (
          <option key={v} value={v}>{v === 0 ? 'normal network' : `slow: +${v} ms per link`}</option>
        ))}
      </select>
    </label>
  );
}

const DELAYS = [0, 200, 1000, 3000];
/** Up to this many nodes, their fault rows show at once; a bigger class opens them on demand. */
const FAULT_ROWS_OPEN = 4;
const DROPS = [0, 0.1, 0.5];

/** One row per remote node: cut/heal, delay and drop rate of our connection to it. */
function FaultControls({ classroom }: { classroom: ClassroomControls }) {
  const store = usePlaygroundStoreApi();
  const remotes = usePlayground(useShallow((s) => s.nodeOrder.filter((n) => n !== s.localNode)));
  // The edge says `cut` at once (the distribution only notices at the tick timeout).
  const cut = (n: string, on: boolean) => {
    if (on) classroom.onCut?.(n);
    else classroom.onHeal?.(n);
    store.getState().setCut(n, on);
  };
  const [delay, setDelay] = useState<Record<string, number>>({});
  const [drop, setDrop] = useState<Record<string, number>>({});
  // Every row whole (a scroll box cut the third in half): the rows wrap, and a big class folds them.
  const [open, setOpen] = useState<boolean | null>(null);
  if (remotes.length === 0) return null;
  const shown = open ?? remotes.length <= FAULT_ROWS_OPEN;
  return (
    // Items of the toolbar's own wrapping row: they take a line of their own only when needed.
    <div className="contents">
      <button type="button" aria-expanded={shown} aria-label="network faults" onClick={() => setOpen(!shown)} className={button}>
        {shown ? '▾' : '▸'} Faults ({remotes.length} node{remotes.length === 1 ? '' : 's'})
      </button>
      {shown && remotes.map((n) => (
        <div key={n} className="flex items-center gap-2" role="group" aria-label={`faults ${n}`}>
          <span className="font-mono">{n}</span>
          <button type="button" aria-label={`cut ${n}`} disabled={classroom.onCut === undefined} onClick={() => cut(n, true)} className={button}>
            Cut
          </button>
          <button type="button" aria-label={`heal ${n}`} disabled={classroom.onHeal === undefined} onClick={() => cut(n, false)} className={button}>
            Heal
          </button>
          <select
            aria-label={`delay ${n}`}
            disabled={classroom.onDelay === undefined}
            value={delay[n] ?? 0}
            onChange={(e) => {
              const ms = Number(e.target.value);
              setDelay((d) => ({ ...d, [n]: ms }));
              classroom.onDelay?.(n, ms);
            }}
            className="rounded-lg border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-600"
          >
            {DELAYS.map((ms) => (
              <option key={ms} value={ms}>{ms === 0 ? 'no delay' : `${ms} ms delay`}</option>
            ))}
          </select>
          <select
            aria-label={`drop rate ${n}`}
            disabled={classroom.onDropRate === undefined}
            value={drop[n] ?? 0}
            onChange={(e) => {
              const p = Number(e.target.value);
              setDrop((d) => ({ ...d, [n]: p }));
              classroom.onDropRate?.(n, p);
            }}
            className="rounded-lg border border-slate-300 bg-transparent px-2 py-1 dark:border-slate-600"
          >
            {DROPS.map((p) => (
              <option key={p} value={p}>{p === 0 ? 'no drops' : `drop ${p * 100}%`}</option>
            ))}
          </select>
          <button type="button" aria-label={`close ${n}`} disabled={classroom.onCloseNode === undefined} onClick={() => classroom.onCloseNode?.(n)} className={button}>
            Close
          </button>
        </div>
      ))}
    </div>
  );
}
