import { describe, expect, it } from 'vitest';
import { ringOnce } from './ring.ts';
import { spawnOnce } from './spawn.ts';
import { runOurs as etsOnce } from './ets.ts';

describe('benchmarks run at small scale', () => {
  it('ring: the token makes every hop and the rate is a positive number', () => {
    expect(ringOnce(10, 10_000)).toBeGreaterThan(0);
  });
  it('spawn: every process is spawned and measured', () => {
    const r = spawnOnce(1000);
    expect(r.usPerSpawn).toBeGreaterThan(0);
  });
  it('ets: every object is inserted and found again (runOurs checks the sum)', () => {
    expect(etsOnce(2000)).toBeGreaterThan(0);
  });
});
