/**
 * The `messages in flight` list: one `listitem` per token drawn (`from → to: term`), every one
 * of them, kept in a visually hidden `<ul aria-live="off">` beside the overlay's canvas, so tests
 * and screen readers can read what the canvas shows without a screen reader announcing a flood.
 *
 * Written without React, from the overlay's frame loop: items are added and removed by message
 * id (never rebuilt), and while a crowd flies (above `crowd` tokens) at most every `crowdMs`:
 * any change of the page's DOM costs a frame a style and layout pass, where a frame that changes
 * only the canvas costs none, so in a crowd the list is touched a few times a second, not each
 * frame. `crowdMs` is shorter than the fastest token's flight, so every token is listed while it
 * flies (unless the page's frames themselves come further apart).
 *
 * The list used to hold the first 200 tokens only: laying out ~1,000 new items took 20-28 ms a
 * sweep. The overlay now keeps the list off screen with `content-visibility: auto`
 * (MessageOverlay.tsx), so Chromium skips laying its items out at all (still in the accessibility
 * tree): at the 8-node load every token listed cost less layout than the 200 did (bench:ui, README).
 * While few tokens fly (PLACED_ITEMS at most), each item also says where its token is drawn
 * (`data-x`, `data-y`: px in the flow pane), for tools and tests that click one.
 */
import { flightLine } from './token-kind.ts';
import type { MessageInFlight } from '../store/model.ts';

/** Tokens that get their place written on their item each frame. */
export const PLACED_ITEMS = 20;

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
    private readonly crowdMs = 150,
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
    for (let i = 0; i < count; i++) {
      const m = messages[i] as MessageInFlight;
      let li = this.items.get(m.id);
      if (li === undefined) {
        li = this.ul.ownerDocument.createElement('li');
        li.textContent = flightLine(m.fromText, m.toText, m.text);
        li.dataset.kind = m.kind;
        this.items.set(m.id, li);
        this.ul.appendChild(li);
      }
      seen.add(m.id);
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
