/**
 * The `messages in flight` list: one `listitem` per token drawn (`from → to: term`), kept in a
 * visually hidden `<ul aria-live="off">` beside the overlay's canvas, so tests and screen
 * readers can read what the canvas shows without a screen reader announcing a flood.
 *
 * Written without React, from the overlay's frame loop: items are added and removed by message
 * id (never rebuilt), at most `addsPerFrame` new items at a time, at most `max` items in all
 * (the first tokens drawn, which are the oldest), and while a crowd flies (above `crowd` tokens)
 * at most every `crowdMs`. Why, from the benchmark's traces:
 * - any change of the page's DOM costs a frame a layout, a paint and a re-layering of the whole
 *   page (8 ms for 3,000 tiles on the projector), where a frame that changes only the canvas
 *   costs none of them: so in a crowd the list is touched a few times a second, not each frame;
 * - one sweep of ~1,000 new items took a 20-28 ms layout: so a sweep adds a bounded number, and
 *   the list holds the first few hundred tokens (nobody reads a list of 2,000).
 * In a flood the list lags the canvas, and a token that lands before its turn is never listed. While few tokens fly (PLACED_ITEMS at most), each item also
 * says where its token is drawn (`data-x`, `data-y`: px in the flow pane), for tools and tests
 * that click one.
 */
import { flightLine } from './token-kind.ts';
import type { MessageInFlight } from '../store/model.ts';

/** Tokens that get their place written on their item each frame. */
export const PLACED_ITEMS = 20;
/** Items in the list at most (tokens drawn beyond it are not listed while it is full). */
export const LIST_MAX = 200;

/** The parts of the list and its items it touches (a test gives fakes). */
export interface ListItem {
  textContent: string | null;
  readonly dataset: Record<string, string | undefined>;
  remove(): void;
}
export interface ListElement<L extends ListItem> {
  appendChild(item: L): unknown;
  readonly ownerDocument: { createElement(tag: 'li'): L };
}

export class FlightList<L extends ListItem> {
  private readonly items = new Map<number, L>();
  private readonly seen = new Set<number>();
  private lastAt = -Infinity;

  constructor(
    private readonly ul: ListElement<L>,
    private readonly crowd: number,
    private readonly crowdMs = 250,
    private readonly addsPerFrame = 64,
    private readonly max = LIST_MAX,
  ) {}

  /**
   * The tokens drawn this frame (`messages[0..count)`, at `points`), `now` in ms. Returns whether
   * the list was brought up to date (in a crowd, only every `crowdMs`).
   */
  update(messages: readonly MessageInFlight[], points: readonly { x: number; y: number }[], count: number, now: number): boolean {
    if (count > this.crowd && now - this.lastAt < this.crowdMs) return false;
    this.lastAt = now;
    const seen = this.seen;
    seen.clear();
    let adds = this.addsPerFrame;
    // Items kept this frame, and items that will be once the landed ones are gone (room left).
    let room = this.max;
    for (let i = 0; i < count; i++) {
      const m = messages[i] as MessageInFlight;
      let li = this.items.get(m.id);
      if (li === undefined) {
        if (adds === 0 || room === 0) continue; // its turn comes on a later frame
        adds--;
        li = this.ul.ownerDocument.createElement('li');
        li.textContent = flightLine(m.fromText, m.toText, m.text);
        li.dataset.kind = m.kind;
        this.items.set(m.id, li);
        this.ul.appendChild(li);
      }
      seen.add(m.id);
      room--;
      if (count <= PLACED_ITEMS) {
        const p = points[i] as { x: number; y: number };
        li.dataset.x = String(Math.round(p.x));
        li.dataset.y = String(Math.round(p.y));
      }
    }
    if (this.items.size === seen.size) return true;
    for (const [id, li] of this.items) {
      if (seen.has(id)) continue;
      li.remove();
      this.items.delete(id);
    }
    return true;
  }

  clear(): void {
    for (const li of this.items.values()) li.remove();
    this.items.clear();
  }
}
