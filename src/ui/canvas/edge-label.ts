/**
 * Where a connection is drawn: a line from this tab's card to the other card, between the two
 * cards' borders (on the line through their centres), drawn above the cards, with its label at
 * the point nearest the line's middle where the label covers no card. React Flow draws plain
 * edges under the cards: a label at the midpoint of the centres was hidden whenever one card was
 * taller than the other (the midpoint then falls inside the taller one). When no point of the
 * line is free (two cards side by side closer than the label is wide), the label stays at the
 * line's middle, over the cards' edges: drawn above them, it is never hidden.
 */
import type { Point, Size } from './layout.ts';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ConnectionPlace {
  /** Where the line leaves the first card and enters the second. */
  readonly from: Point;
  readonly to: Point;
  readonly labelAt: Point;
}

/** Points tried along the line. */
const ALONG = 48;
/** Room kept between a label and a card. */
const MARGIN = 6;

/** A label's box in flow units: 18 px semibold text (≈ 10.5 units a character) with its padding. */
export function labelSize(text: string): Size {
  return { width: Math.ceil(text.length * 10.5) + 16 + 2 * MARGIN, height: 30 + 2 * MARGIN };
}

export function placeConnection(from: Rect, to: Rect, cards: readonly Rect[], label: Size): ConnectionPlace {
  const a = border(from, centre(to));
  const b = border(to, centre(from));
  const at = (t: number): Point => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
  const free = (p: Point) => cards.every((c) => !overlaps(p, label, c));
  // Nearest the middle first: t = 0.5, then alternately either side of it.
  for (let i = 0; i <= ALONG / 2; i++) {
    for (const t of i === 0 ? [0.5] : [0.5 - i / ALONG, 0.5 + i / ALONG]) if (free(at(t))) return { from: a, to: b, labelAt: at(t) };
  }
  return { from: a, to: b, labelAt: at(0.5) };
}

function centre(r: Rect): Point {
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
}

/** Where the line from `r`'s centre towards `p` leaves `r` (its centre when `p` is inside). */
function border(r: Rect, p: Point): Point {
  const c = centre(r);
  const dx = p.x - c.x;
  const dy = p.y - c.y;
  const t = Math.min(dx === 0 ? Infinity : r.width / 2 / Math.abs(dx), dy === 0 ? Infinity : r.height / 2 / Math.abs(dy));
  return t >= 1 ? c : { x: c.x + dx * t, y: c.y + dy * t };
}

function overlaps(p: Point, s: Size, c: Rect): boolean {
  return p.x - s.width / 2 < c.x + c.width && p.x + s.width / 2 > c.x && p.y - s.height / 2 < c.y + c.height && p.y + s.height / 2 > c.y;
}
