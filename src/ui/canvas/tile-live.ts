/**
 * The live part of the process tiles (mailbox badge, status or exit reason, selected), kept up
 * to date WITHOUT React: one store subscription for the whole canvas walks the drawn tiles and
 * touches the DOM of those whose process view changed.
 *
 * Why: under load (500 processes, 1,000 messages/s) the store changes every frame and dozens of
 * mailboxes with it. With a React subscription per tile, every store update ran ~1,000 selectors
 * and re-rendered each changed tile through React; here a change costs a pointer comparison per
 * tile and a text assignment for the changed ones. React renders a tile's structure once (and
 * again only when its placing or name changes) and never manages these parts, so the two never
 * fight over the same DOM.
 */
import type { PlaygroundState, PlaygroundStore } from '../store/playground-store.ts';
import type { ProcessView } from '../store/model.ts';

/** What a tile shows of a process's live state: pure, so it is tested in Node. */
export interface TileLive {
  /** The status (`waiting`, `running`…) or, once it exited, `exit <reason>`. */
  readonly status: string;
  readonly exited: boolean;
  /** The mailbox badge's text and title, or null when the mailbox is empty. */
  readonly badge: { readonly text: string; readonly title: string } | null;
}

export function tileLive(v: ProcessView): TileLive {
  const exited = v.exit !== null;
  return {
    status: exited ? `exit ${v.exit?.reason ?? ''}` : v.status,
    exited,
    badge: v.mailbox > 0 ? { text: String(v.mailbox), title: `${v.mailbox} message${v.mailbox === 1 ? '' : 's'} in the mailbox` } : null,
  };
}

/** The DOM a tile hands over: its button, the status line and the badge. */
export interface TileElements {
  readonly button: HTMLElement;
  readonly status: HTMLElement;
  readonly badge: HTMLElement;
}

interface Drawn {
  readonly el: TileElements;
  view: ProcessView | undefined;
  selected: boolean;
  /** What the DOM shows now: compared here, so an unchanged part is not even read from the DOM. */
  shown: TileLive | null;
}

export interface TileUpdater {
  /**
   * A tile mounted: paint it now and keep it current until the returned function is called.
   * The store is subscribed to only while some tile is attached, so nothing needs disposing.
   */
  attach(key: string, el: TileElements): () => void;
}

/**
 * How often tiles show new mailbox counts and statuses, at most (ms). The store changes every
 * frame under load; redrawing dozens of tiles' text 60 times a second costs the browser layout
 * and paint in every frame, while nobody reads a counter changing faster than this. Tokens still
 * move every frame; selection shows at once.
 */
export const TILE_REFRESH_MS = 100;

/** The clock the updater throttles by: performance.now and setTimeout in the page, a fake in tests. */
export interface TileClock {
  now(): number;
  later(run: () => void, ms: number): void;
}

const pageClock: TileClock = { now: () => performance.now(), later: (run, ms) => void setTimeout(run, ms) };

export function createTileUpdater(store: PlaygroundStore, clock: TileClock = pageClock, every = TILE_REFRESH_MS): TileUpdater {
  const drawn = new Map<string, Drawn>();
  let synced = -Infinity;
  let pending = false;

  const paint = (d: Drawn, s: PlaygroundState, key: string) => {
    const v = s.processes[key];
    if (v !== d.view) {
      d.view = v;
      if (v !== undefined) {
        const live = tileLive(v);
        apply(d.el, live, d.shown);
        d.shown = live;
      }
    }
    select(d, s.selected === key);
  };

  const select = (d: Drawn, selected: boolean) => {
    if (selected === d.selected) return;
    d.selected = selected;
    d.el.button.setAttribute('aria-pressed', String(selected));
  };

  const sync = () => {
    pending = false;
    synced = clock.now();
    const s = store.getState();
    for (const [key, d] of drawn) paint(d, s, key);
  };

  const onChange = (s: PlaygroundState, prev: PlaygroundState) => {
    if (s.selected !== prev.selected) {
      for (const [key, d] of drawn) select(d, s.selected === key);
    }
    if (s.processes === prev.processes || pending) return;
    const wait = synced + every - clock.now();
    if (wait <= 0) sync();
    else {
      pending = true;
      clock.later(sync, wait);
    }
  };
  let unsubscribe: (() => void) | null = null;

  return {
    attach(key, el) {
      const d: Drawn = { el, view: undefined, selected: false, shown: null };
      el.button.setAttribute('aria-pressed', 'false');
      drawn.set(key, d);
      unsubscribe ??= store.subscribe(onChange);
      paint(d, store.getState(), key);
      return () => {
        if (drawn.get(key) === d) drawn.delete(key);
        if (drawn.size === 0 && unsubscribe !== null) {
          unsubscribe();
          unsubscribe = null;
        }
      };
    },
  };
}

/** Touches only what differs from `was` (null: everything, a fresh tile). */
function apply(el: TileElements, live: TileLive, was: TileLive | null): void {
  if (was === null || was.status !== live.status) el.status.textContent = live.status;
  if (was === null || was.exited !== live.exited) {
    if (live.exited) el.button.dataset.exited = '';
    else delete el.button.dataset.exited;
  }
  const before = was === null ? undefined : was.badge;
  if (live.badge === null) {
    if (before !== null) {
      el.badge.hidden = true;
      el.badge.removeAttribute('title');
    }
    return;
  }
  if (before === null || before === undefined) el.badge.hidden = false;
  if (before?.text !== live.badge.text) {
    el.badge.textContent = live.badge.text;
    el.badge.title = live.badge.title;
  }
}
