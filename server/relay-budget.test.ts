import { describe, expect, it } from 'vitest';
import { RelayBudget } from './relay-budget.ts';

describe('the relay budget', () => {
  it('allows a burst, then `perSecond`, per address', () => {
    let now = 0;
    const budget = new RelayBudget(() => now);
    const sent = (key: string, n: number) => Array.from({ length: n }, () => budget.take(key, 2, 10)).filter(Boolean).length;
    expect(sent('10.0.0.1', 50)).toBe(10);
    expect(sent('10.0.0.2', 3)).toBe(3);
    now = 1500;
    expect(sent('10.0.0.1', 50)).toBe(3);
  });

  it('forgets addresses whose budget is full again', () => {
    let now = 0;
    const budget = new RelayBudget(() => now);
    for (let i = 0; i < 1000; i++) budget.take(`10.0.${i >> 8}.${i & 255}`, 2, 10);
    budget.take('busy', 2, 10);
    budget.take('busy', 2, 10);
    now = 400;
    budget.prune();
    expect(budget.size).toBe(1001);
    now = 1000;
    budget.prune();
    expect(budget.size).toBe(0);
  });
});
