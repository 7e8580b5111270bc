import { describe, expect, it } from 'vitest';
import { RouteCache } from './token-routes.ts';

describe('RouteCache', () => {
  it('makes a value once per key while the key is asked for each frame', () => {
    const c = new RouteCache<object, number>();
    const k = {};
    let made = 0;
    const make = () => ++made;
    for (let f = 0; f < 5; f++) {
      expect(c.get(k, make)).toBe(1);
      expect(c.get(k, make)).toBe(1);
      c.endFrame();
    }
    expect(made).toBe(1);
  });

  it('forgets keys no frame asks for, so a stream of tokens keeps it bounded', () => {
    const c = new RouteCache<object, number>();
    const live: object[] = [];
    let biggest = 0;
    for (let f = 0; f < 10_000; f++) {
      // 100 tokens in flight; each frame one lands and a new one takes off.
      live.push({});
      if (live.length > 100) live.shift();
      for (const k of live) c.get(k, () => f);
      c.endFrame();
      biggest = Math.max(biggest, c.size);
    }
    expect(biggest).toBeLessThanOrEqual(2 * 100 + 64 + 1);
    // The tokens still flying keep what was made for them when they took off.
    expect(c.get(live[0] as object, () => -1)).toBe(10_000 - 100);
  });

  it('keeps a key skipped for a frame until a sweep finds it unused', () => {
    const c = new RouteCache<string, string>();
    c.get('a', () => 'first');
    c.endFrame();
    // Not asked for in one frame, but too few entries to sweep: still there.
    c.endFrame();
    expect(c.get('a', () => 'second')).toBe('first');
    c.endFrame();
    // 300 keys in one frame, then a frame asking for none: the sweep drops them all, 'a' too.
    for (let i = 0; i < 300; i++) c.get(`k${i}`, () => 'x');
    c.endFrame();
    c.endFrame();
    expect(c.size).toBe(0);
    expect(c.get('a', () => 'again')).toBe('again');
  });
});
