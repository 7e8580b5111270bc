import { describe, expect, it } from 'vitest';
import { labelSize, placeConnection, type Rect } from './edge-label.ts';
import type { Point, Size } from './layout.ts';

const covers = (p: Point, s: Size, c: Rect) => p.x - s.width / 2 < c.x + c.width && p.x + s.width / 2 > c.x && p.y - s.height / 2 < c.y + c.height && p.y + s.height / 2 > c.y;

describe('a connection between card borders, its label never under a card', () => {
  const tall: Rect = { x: 0, y: 0, width: 648, height: 600 };
  const below: Rect = { x: 0, y: 680, width: 648, height: 150 };
  const right: Rect = { x: 728, y: 0, width: 648, height: 150 };

  it('beside a tall card (where the midpoint of the centres is inside it) the label sits in the gap, on the line', () => {
    const s = labelSize('up');
    expect(covers({ x: 324, y: (300 + 755) / 2 }, s, tall)).toBe(true);
    const p = placeConnection(tall, below, [tall, below, right], s);
    expect(p.from).toEqual({ x: 324, y: 600 });
    expect(p.to).toEqual({ x: 324, y: 680 });
    expect([tall, below, right].some((c) => covers(p.labelAt, s, c))).toBe(false);
    expect(p.labelAt.x).toBeCloseTo(324);
  });

  it('the line runs from border to border, so it crosses no tile of either card', () => {
    const p = placeConnection(tall, right, [tall, right], labelSize('up'));
    // It leaves the tall card by its right side and enters the short one by its bottom.
    expect(p.from.x).toBeCloseTo(648);
    expect(p.to.y).toBeCloseTo(150);
    expect(p.to.x).toBeGreaterThan(728);
  });

  it('cards closer than the label is wide: the label stays in the middle of the line (drawn above the cards)', () => {
    const a: Rect = { x: 0, y: 0, width: 300, height: 200 };
    const b: Rect = { x: 340, y: 0, width: 300, height: 200 };
    expect(placeConnection(a, b, [a, b], labelSize('refused: connection_setup_failed')).labelAt).toEqual({ x: 320, y: 100 });
  });
});
