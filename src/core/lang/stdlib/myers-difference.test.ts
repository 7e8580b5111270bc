import { describe, expect, test } from 'vitest';
import { Binary, type Term } from '../../term/types.ts';
import { myersDifference } from './myers-difference.ts';
import { bin, graphemes } from './text.ts';
import cases from './myers-cases.json';

// String.myers_difference/2 against what real Elixir 1.14 returned for the same pairs
// (myers-cases.json: random strings over a small alphabet, so ties and repeats are common).
describe('String.myers_difference gives Elixir’s edit script', () => {
  const text = (items: Term[]) => items.map((t) => (t as Binary).text).join('');
  test.each(cases as [string, string, [string, string][]][])('%j → %j', (a, b, expected) => {
    const ours = myersDifference(graphemes(a).map(bin), graphemes(b).map(bin)).map(([kind, items]) => [kind, text(items)]);
    expect(ours).toEqual(expected);
  });
});
