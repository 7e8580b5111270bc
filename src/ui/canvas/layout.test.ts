import { describe, expect, it } from 'vitest';
import { DEFAULT_LAYOUT, FEW_CARDS, cardPositions, cardSize, rowLength } from './layout.ts';

describe('cards on the canvas', () => {
  it('a few cards go two a row, as in the chapters', () => {
    const sizes = Array.from({ length: FEW_CARDS }, () => cardSize(60, DEFAULT_LAYOUT));
    expect(rowLength(sizes, DEFAULT_LAYOUT)).toBe(2);
    const corners = cardPositions(sizes, DEFAULT_LAYOUT);
    expect(corners[2]?.x).toBe(0);
    expect(corners[2]?.y).toBeGreaterThan(0);
  });

  it('a whole class (30 cards of 100 processes) is laid out near a 16:9 screen, not a column', () => {
    const sizes = Array.from({ length: 30 }, () => cardSize(100, DEFAULT_LAYOUT));
    const n = rowLength(sizes, DEFAULT_LAYOUT);
    const corners = cardPositions(sizes, DEFAULT_LAYOUT);
    const card = sizes[0] as { width: number; height: number };
    const width = Math.max(...corners.map((c) => c.x)) + card.width;
    const height = Math.max(...corners.map((c) => c.y)) + card.height;
    expect(width / height).toBeGreaterThan(1.2);
    expect(width / height).toBeLessThan(2.6);
    expect(corners.filter((c) => c.y === 0)).toHaveLength(n);
    // Tall cards: most of the class on one or two rows.
    expect(n).toBeGreaterThanOrEqual(10);
  });

  it('thirty small cards make a grid, not one long row', () => {
    const sizes = Array.from({ length: 30 }, () => cardSize(3, DEFAULT_LAYOUT));
    const n = rowLength(sizes, DEFAULT_LAYOUT);
    expect(n).toBeGreaterThan(2);
    expect(n).toBeLessThan(15);
  });
});
