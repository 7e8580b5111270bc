/**
 * A process tile inside its node's card: a button named `#PID<0.110.0> :ticker` showing the PID as
 * this tab prints it, its name, its status and a mailbox badge; dimmed when it is a system
 * process, fading with its exit reason when it exits. Enter, Space or a click selects it (the
 * inspector opens).
 *
 * React renders what places and names it (TileData, from flow-graph.ts); the live part (status
 * or exit reason, mailbox badge, aria-pressed, data-exited) is kept current by the canvas's tile
 * updater (tile-live.ts) without React, so a message arriving costs a text change in one tile.
 * Cheap to update under load: a fixed-size box with layout containment (its changes lay out
 * nothing outside it), no shadows, no transition except the exit fade. No clip unless a line
 * may not fit (then one, the button's overflow), never one per line nor from paint
 * containment: every clip splits the page's paint into more chunks, and each tile refresh makes
 * the browser re-layerize all of them (in a trace under load: ~14 ms a refresh with 3 clips a
 * tile, ~8 with one). (Not `content-visibility: auto` per tile: the browser's visibility check
 * of 500 tiles every frame cost more than it saved; the card has it.)
 */
import { createContext, memo, useCallback, useContext, useRef, type MouseEvent } from 'react';
import type { TileData } from './flow-graph.ts';
import type { Point } from './layout.ts';
import type { TileUpdater } from './tile-live.ts';
import { fitChars, longestLine, nameOf } from './tile-width.ts';
import { usePlaygroundStoreApi } from '../store/context.tsx';

export const TileUpdaterContext = createContext<TileUpdater | null>(null);

const TONE_USER = 'border-sky-500 bg-white text-slate-900 dark:border-sky-400 dark:bg-slate-900 dark:text-slate-50';
const TONE_SYSTEM = 'border-slate-300 bg-slate-100 text-slate-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-400';

/** `origin`: the corner of the box the tile is drawn in, when not the card's (a supervisor's group frame). */
function Tile({ tile, width, height, origin }: { tile: TileData; width: number; height: number; origin?: Point }) {
  const store = usePlaygroundStoreApi();
  const updater = useContext(TileUpdaterContext);
  const status = useRef<HTMLSpanElement>(null);
  const badge = useRef<HTMLSpanElement>(null);
  // Attached once the button and its parts exist; React 19 calls the returned cleanup on unmount.
  const attach = useCallback((button: HTMLButtonElement | null) => {
    if (button === null || updater === null || status.current === null || badge.current === null) return undefined;
    return updater.attach(tile.key, { button, status: status.current, badge: badge.current });
  }, [updater, tile.key]);
  // The click must not reach the card (React Flow would take it for a click on the card node).
  // (The card itself takes no pointer events unless React Flow is given a node click handler:
  // hence pointer-events-auto on the tile.)
  const onClick = useCallback((e: MouseEvent) => {
    e.stopPropagation();
    store.getState().select(tile.key);
  }, [store, tile.key]);
  const { name, global } = nameOf(tile);
  // Clipped only when a line may not fit (or once it shows an exit reason): see the header.
  const clip = fitChars(width) < longestLine(tile);
  return (
    <button
      ref={attach}
      type="button"
      aria-label={tile.label}
      // A name cut by the tile's width shows whole on hover.
      title={clip ? tile.label : undefined}
      data-key={tile.key}
      onClick={onClick}
      style={{ left: tile.position.x - (origin?.x ?? 0), top: tile.position.y - (origin?.y ?? 0), width, height, contain: 'size layout style' }}
      className={`group nodrag nopan pointer-events-auto absolute flex flex-col ${clip ? 'overflow-hidden' : ''} justify-center rounded-xl border-2 px-2 text-left focus-visible:outline-4 focus-visible:outline-amber-500 aria-pressed:outline-4 aria-pressed:outline-amber-400 data-exited:overflow-hidden data-exited:border-rose-500 data-exited:opacity-25 data-exited:transition-opacity data-exited:duration-[2500ms] dark:data-exited:border-rose-400 ${
        tile.system ? TONE_SYSTEM : TONE_USER
      }`}
    >
      <span className="font-mono text-[22px] font-semibold leading-[1.1]">{tile.pidText}</span>
      {name !== '' && (
        <span className="whitespace-nowrap font-mono text-[22px] leading-[1.1] text-sky-700 dark:text-sky-300">
          {global && <span className="mr-1 text-[17px] text-slate-500 dark:text-slate-400">global</span>}
          {name}
        </span>
      )}
      {/* Filled by the tile updater only (React renders them empty). */}
      <span ref={status} className="whitespace-nowrap text-[17px] leading-tight text-slate-500 group-data-exited:font-medium group-data-exited:text-rose-600 dark:text-slate-400 dark:group-data-exited:text-rose-300" />
      <span ref={badge} className="absolute right-1 top-1 min-w-8 rounded-full bg-amber-500 px-2 py-0.5 text-center text-[17px] font-bold leading-tight text-white" />
    </button>
  );
}

export const ProcessTile = memo(Tile);
