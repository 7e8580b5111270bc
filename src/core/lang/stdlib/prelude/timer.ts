/**
 * `:timer.tc/1,2,3` in Elixir (they call user code and then read the clock, so they cannot be
 * TS BIFs): the time in microseconds on the node's monotonic clock, and the function's value.
 * `:timer.sleep/1` stays a BIF (bifs-process.ts). tc has no guards, as timer.erl has none: a bad
 * argument fails inside the call (BadFunctionError, badarg). seconds/minutes/hours are timer.erl's
 * products with the constants its compiler folds (a bad argument fails as `:a * 60000`).
 * `:stdlib_kernel` continues Kernel: tap/2 (a macro in Elixir) and the Access path functions
 * (kernel.ts), the *_in/2,3 with a list of keys (maps and keyword lists, through Access).
 * (Comments stay out of the Elixir text: it ships in the page's first load.)
 */
export const TIMER_PRELUDE = `
defmodule :timer do
  def tc(f), do: timed(fn -> f.() end)
  def tc(f, args), do: timed(fn -> apply(f, args) end)
  def tc(m, f, args), do: timed(fn -> apply(m, f, args) end)

  def seconds(s), do: s * 1000
  def minutes(m), do: m * 60000
  def hours(h), do: h * 3_600_000
  def hms(h, m, s), do: hours(h) + minutes(m) + seconds(s)

  defp timed(run) do
    t0 = :erlang.monotonic_time(:microsecond)
    value = run.()
    {:erlang.monotonic_time(:microsecond) - t0, value}
  end
end

defmodule :stdlib_kernel do
  def tap(value, f) do
    f.(value)
    value
  end

  def get_in(data, [key]), do: Access.get(data, key)
  def get_in(data, [key | rest]), do: get_in(Access.get(data, key), rest)

  def put_in(data, keys, value), do: update_in(data, keys, fn _ -> value end)

  def update_in(data, [key], f), do: access_put(data, key, f.(Access.get(data, key)))
  def update_in(data, [key | rest], f), do: access_put(data, key, update_in(Access.get(data, key), rest, f))

  def get_and_update_in(data, [key], f) when is_map(data), do: Map.get_and_update(data, key, f)
  def get_and_update_in(data, [key], f) when is_list(data), do: Keyword.get_and_update(data, key, f)

  def get_and_update_in(data, [key | rest], f) do
    {get, new} = get_and_update_in(Access.get(data, key), rest, f)
    {get, access_put(data, key, new)}
  end

  def pop_in(nil, [key | _]), do: pop_nil(key)
  def pop_in(data, [key]), do: {Access.get(data, key), access_delete(data, key)}

  def pop_in(data, [key | rest]) do
    case Access.get(data, key) do
      nil ->
        {nil, data}

      inner ->
        {v, inner} = pop_in(inner, rest)
        {v, access_put(data, key, inner)}
    end
  end

  defp pop_nil(_key), do: {nil, nil}

  defp access_put(nil, key, _value), do: raise(ArgumentError, "could not put/update key #{inspect(key)} on a nil value")
  defp access_put(map, key, value) when is_map(map), do: Map.put(map, key, value)
  defp access_put(list, key, value) when is_list(list), do: Keyword.put(list, key, value)

  defp access_delete(map, key) when is_map(map), do: Map.delete(map, key)
  defp access_delete(list, key) when is_list(list), do: Keyword.delete(list, key)
end
`;
