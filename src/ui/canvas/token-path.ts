/**
 * Where a message token is at a given moment: eased along the straight line from the sender's
 * centre to the receiver's. Pure, so the overlay's arithmetic is tested in Node.
 */
import type { Point } from './layout.ts';

/** Ease in and out: a token leaves gently, travels, and settles into the mailbox. */
export function ease(t: number): number {
  return t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
}

/** Progress 0..1 of a token sent at `sentAt` travelling `duration` ms, or null when not in flight. */
export function progress(sentAt: number, duration: number, now: number): number | null {
  if (duration <= 0) return null;
  const t = (now - sentAt) / duration;
  return t < 0 || t >= 1 ? null : t;
}

export function tokenPoint(from: Point, to: Point, sentAt: number, duration: number, now: number): Point | null {
  const t = progress(sentAt, duration, now);
  if (t === null) return null;
  const e = ease(t);
  return { x: from.x + (to.x - from.x) * e, y: from.y + (to.y - from.y) * e };
}

/** A message to itself would not move: it loops out and back above its sender instead. */
export function selfLoopPoint(at: Point, radius: number, sentAt: number, duration: number, now: number): Point | null {
  const t = progress(sentAt, duration, now);
  if (t === null) return null;
  const a = ease(t) * 2 * Math.PI;
  return { x: at.x + radius * Math.sin(a), y: at.y - radius * (1 - Math.cos(a)) / 2 };
}

/** The token nearest `p` within `radius`, as an index into `points`, or -1. */
export function hitToken(points: readonly Point[], count: number, p: Point, radius: number): number {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; i < count; i++) {
    const q = points[i] as Point;
    const d = (q.x - p.x) ** 2 + (q.y - p.y) ** 2;
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The screen rectangle the token overlay needs: the cards' bounds (flow units) grown by `margin`
 * (a self-loop rises above its tile), through the viewport transform `[tx, ty, k]`, clipped to the
 * viewport and rounded out to whole pixels. Empty (zero size) when no card is on screen.
 * The overlay canvas covers only this: its cost (clearing, handing the bitmap over, compositing
 * it without a GPU) grows with its pixels, and a zoomed-out cluster fills a fraction of the view.
 */
export function overlayBounds(cards: readonly Rect[], transform: readonly [number, number, number], viewport: { width: number; height: number }, margin: number): Rect {
  if (cards.length === 0) return { x: 0, y: 0, width: 0, height: 0 };
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const c of cards) {
    x0 = Math.min(x0, c.x);
    y0 = Math.min(y0, c.y);
    x1 = Math.max(x1, c.x + c.width);
    y1 = Math.max(y1, c.y + c.height);
  }
  const [tx, ty, k] = transform;
  const left = Math.max(0, Math.floor((x0 - margin) * k + tx));
  const top = Math.max(0, Math.floor((y0 - margin) * k + ty));
  const right = Math.min(viewport.width, Math.ceil((x1 + margin) * k + tx));
  const bottom = Math.min(viewport.height, Math.ceil((y1 + margin) * k + ty));
  return { x: left, y: top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}
