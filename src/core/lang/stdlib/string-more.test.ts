import { describe, expect, test } from 'vitest';
import { langNode, run, spawnEval, expectNeverHoldsScheduler } from '../vm-test-helpers.ts';
import { graphemes } from './text.ts';

describe('graphemes of long strings', () => {
  // Segmented in chunks (V8's Intl.Segmenter is quadratic): graphemes that cross a chunk's
  // border come out whole, and the count is the one real iex gives.
  test('multi-code-point graphemes across chunk borders', () => {
    const unit = 'e\u0301🇫🇷x';
    const gs = graphemes(unit.repeat(5000));
    expect(gs.length).toBe(15_000);
    expect(new Set(gs)).toEqual(new Set(['e\u0301', '🇫🇷', 'x']));
  });

  test('String.length of a long string', () => {
    expect(run('String.length(String.duplicate("e\\u0301🇫🇷x", 5000))')).toBe('15000');
  });
});

describe('string distance on long strings', () => {
  test('String.jaro_distance of two long strings traps', () => {
    const t = langNode();
    const src = 'a = String.duplicate("ab", 20_000); b = String.duplicate("ba", 20_000); String.jaro_distance(a, b)';
    expectNeverHoldsScheduler(t, spawnEval(t, src));
  }, 60_000);
});
