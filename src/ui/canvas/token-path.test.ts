import { describe, expect, it } from 'vitest';
import { ease, hitToken, overlayBounds, progress, selfLoopPoint, tokenPoint } from './token-path.ts';

describe('token path', () => {
  it('starts at the sender, ends at the receiver, halfway at half time', () => {
    const a = { x: 0, y: 0 };
    const b = { x: 100, y: 50 };
    expect(tokenPoint(a, b, 1000, 400, 1000)).toEqual({ x: 0, y: 0 });
    expect(tokenPoint(a, b, 1000, 400, 1200)).toEqual({ x: 50, y: 25 });
    expect(tokenPoint(a, b, 1000, 400, 1399)?.x).toBeGreaterThan(99);
  });

  it('is not drawn before it is sent, after it arrives, or at instant speed', () => {
    expect(progress(1000, 400, 999)).toBeNull();
    expect(progress(1000, 400, 1400)).toBeNull();
    expect(progress(1000, 0, 1000)).toBeNull();
  });

  it('eases symmetrically', () => {
    expect(ease(0)).toBe(0);
    expect(ease(1)).toBe(1);
    expect(ease(0.25) + ease(0.75)).toBeCloseTo(1);
  });

  it('loops a message to itself back to where it started', () => {
    const at = { x: 10, y: 10 };
    expect(selfLoopPoint(at, 30, 0, 100, 0)).toEqual({ x: 10, y: 10 });
    expect(selfLoopPoint(at, 30, 0, 100, 50)?.y).toBeCloseTo(-20);
  });

  it('finds the nearest token under the pointer', () => {
    const pts = [{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 100, y: 100 }];
    expect(hitToken(pts, 3, { x: 8, y: 1 }, 6)).toBe(1);
    expect(hitToken(pts, 3, { x: 50, y: 50 }, 6)).toBe(-1);
    expect(hitToken(pts, 2, { x: 100, y: 100 }, 6)).toBe(-1); // only the first `count` are live
  });
});

describe('overlayBounds', () => {
  const cards = [{ x: 0, y: 0, width: 100, height: 200 }, { x: 240, y: 0, width: 100, height: 50 }];

  it('covers the cards and a margin around them, through the viewport transform', () => {
    expect(overlayBounds(cards, [10, 20, 0.5], { width: 1000, height: 1000 }, 60)).toEqual({ x: 0, y: 0, width: 210, height: 150 });
    expect(overlayBounds(cards, [100, 100, 0.5], { width: 1000, height: 1000 }, 20)).toEqual({ x: 90, y: 90, width: 190, height: 120 });
  });

  it('is clipped to the viewport, and empty without cards', () => {
    expect(overlayBounds(cards, [-50, -50, 1], { width: 200, height: 100 }, 0)).toEqual({ x: 0, y: 0, width: 200, height: 100 });
    expect(overlayBounds([], [0, 0, 1], { width: 200, height: 100 }, 0)).toEqual({ x: 0, y: 0, width: 0, height: 0 });
  });
});
