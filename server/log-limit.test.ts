import { describe, expect, it } from 'vitest';
import { rateLimitedLog } from './log-limit.ts';

describe('the rate-limited log', () => {
  it('writes at most `lines` per window, then says how many it left out', () => {
    const out: string[] = [];
    let now = 0;
    const log = rateLimitedLog((l) => out.push(l), { lines: 2, windowMs: 1000, now: () => now });
    for (let i = 0; i < 1000; i++) log(`bad ${i}`);
    expect(out).toEqual(['bad 0', 'bad 1']);
    now = 1000;
    log('later');
    expect(out).toEqual(['bad 0', 'bad 1', '(998 more lines like these left out)', 'later']);
  });
});
