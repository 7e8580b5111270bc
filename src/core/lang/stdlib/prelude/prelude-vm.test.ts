import { describe, expect, test } from 'vitest';
import { run } from '../../vm-test-helpers.ts';
import cases from './prelude-cases.json';

// Each case: an expression and what Elixir 1.14 prints for it (generated with `elixir`:
// `IO.puts(inspect(result, pretty: true))`, or `** (Module) message` when it raises).
// The last cases run 1,000,000-element lists through the prelude's tail-recursive loops.
describe('prelude functions on the VM', () => {
  for (const [src, expected] of cases as [string, string][]) {
    test(src, () => {
      expect(run(src)).toBe(expected);
    }, 30_000);
  }
});
