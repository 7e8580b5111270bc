import { describe, expect, test } from 'vitest';
import { runMessage } from '../vm-test-helpers.ts';
import cases from './modules-cases.json';

// List, Map, Tuple, Keyword, Atom, String, Integer, Float, Kernel extras, :lists, :maps,
// :erlang extras, Access and Range, run through the VM. Each expected text is what Elixir 1.14
// prints for the expression (`inspect(result, pretty: true)`, or `** (Module) message` without
// iex's blame and stack lines).
describe('standard modules on the VM', () => {
  for (const [src, expected] of cases as [string, string][]) {
    test(src, () => {
      expect(runMessage(src)).toBe(expected);
    });
  }
});
