// Bitwise beyond what golden/55-bitwise.exs shows: a shift too wide to build is refused at once.
import { describe, expect, it } from 'vitest';
import { transcriptOf } from './transcript.ts';

describe('Bitwise', () => {
  it('a shift by 2^30 bits is a system limit, not a frozen tab; the shell goes on', () => {
    const out = transcriptOf(['Bitwise.bsl(1, 1_073_741_824)', 'Bitwise.bsr(1, 1_073_741_824)', ':ok']);
    expect(out).toContain('** (SystemLimitError) a system limit has been reached');
    expect(out).toMatch(/iex\(\d\)> Bitwise.bsr\(1, 1_073_741_824\)\n0\n/);
    expect(out).toMatch(/:ok\n/);
  });
});
