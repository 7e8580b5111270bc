import { describe, expect, it } from 'vitest';
import { run } from '../vm-test-helpers.ts';

const BAD = `
defmodule Bad do
  defstruct [:x]
end
defimpl Inspect, for: Bad do
  def inspect(_b, _opts), do: raise(ArgumentError, "no\\nway")
end
`;

describe('a struct whose own inspect/2 raises', () => {
  it('inspects as #Inspect.Error (module, message, the struct as a plain map), never raising', () => {
    const text = run(`${BAD}\ninspect({1, %Bad{x: 2}})`);
    expect(text).toContain('#Inspect.Error<\\n  got ArgumentError with message:\\n\\n      \\"\\"\\"\\n      no\\n      way\\n      \\"\\"\\"');
    expect(text).toContain('while inspecting:\\n\\n      %{__struct__: Bad, x: 2}');
    expect(text.startsWith('"{1, #Inspect.Error<')).toBe(true);
  });
  it('leaves other structs and working implementations alone', () => {
    expect(run(`${BAD}\ninspect([%Bad{x: 1}, 1..2])`)).toContain('>, 1..2]');
  });
});
