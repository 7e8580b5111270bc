/**
 * `:timer.tc/1,2,3` in Elixir (they call user code and then read the clock, so they cannot be
 * TS BIFs): the time in microseconds on the node's monotonic clock, and the function's value.
 * `:timer.sleep/1` stays a BIF (bifs-process.ts).
 */
export const TIMER_PRELUDE = `
defmodule :timer do
  def tc(f) when is_function(f, 0), do: timed(fn -> f.() end)
  def tc(f, args) when is_function(f) and is_list(args), do: timed(fn -> apply(f, args) end)
  def tc(m, f, args) when is_atom(m) and is_atom(f) and is_list(args), do: timed(fn -> apply(m, f, args) end)

  defp timed(run) do
    t0 = :erlang.monotonic_time(:microsecond)
    value = run.()
    {:erlang.monotonic_time(:microsecond) - t0, value}
  end
end

defmodule :stdlib_kernel do
  # Kernel.tap/2 (a macro in Elixir) continues here: it must run the fun and then return the value.
  def tap(value, f) do
    f.(value)
    value
  end
end
`;
