import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit.ts';

describe('FailureLimiter', () => {
  const o = { failures: 3, windowMs: 60_000, blockMs: 60_000 };

  it('blocks an identity on its third failure within the window, and no other identity', () => {
    const l = new FailureLimiter(o);
    expect([l.fail('evil@lab', 0), l.fail('evil@lab', 1), l.fail('evil@lab', 2)]).toEqual([false, false, true]);
    expect(l.isBlocked('evil@lab', 3)).toBe(true);
    expect(l.isBlocked('one@lab', 3)).toBe(false);
    expect(l.isBlocked('evil@lab', 60_002)).toBe(false);
  });

  it('failures older than the window do not add up', () => {
    const l = new FailureLimiter(o);
    l.fail('a@lab', 0);
    l.fail('a@lab', 1);
    expect(l.fail('a@lab', 60_001)).toBe(false);
  });

  it('forgets expired identities, so identities that come and go do not pile up', () => {
    const l = new FailureLimiter(o);
    // A new identity fails every 100 ms for 2,000 s: 600 of them are within the window at a time.
    let most = 0;
    for (let i = 0; i < 20_000; i++) {
      l.fail(`n${i}@lab`, i * 100);
      most = Math.max(most, l.tracked);
    }
    expect(most).toBeGreaterThan(1024);
    expect(most).toBeLessThanOrEqual(2048);
  });
});
