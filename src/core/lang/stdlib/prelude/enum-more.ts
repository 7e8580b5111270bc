/**
 * More of Elixir 1.14's Enum, in Elixir (appended to the Enum module of prelude/enum.ts): the
 * functions a textbook reaches for after map/filter/reduce. Each was checked against real iex
 * (golden/23-enum-more.exs).
 */
export const ENUM_MORE = `
  def chunk_while(e, acc, chunk_fun, after_fun), do: Stream.__to_list__(Stream.chunk_while(e, acc, chunk_fun, after_fun))

  def count_until(e, limit) when is_integer(limit) and limit > 0, do: count_until(e, fn _ -> true end, limit)

  def count_until(e, f, limit) when is_function(f, 1) and is_integer(limit) and limit > 0 do
    Enum.reduce_while(e, 0, fn x, n ->
      n = if f.(x), do: n + 1, else: n
      if n >= limit, do: {:halt, n}, else: {:cont, n}
    end)
  end

  def drop_every(_e, 1), do: []
  def drop_every(e, 0), do: Enum.to_list(e)

  def drop_every(e, nth) when is_integer(nth) and nth > 1 do
    {out, _} = Enum.reduce(e, {[], 0}, fn x, {out, i} -> {if(rem(i, nth) == 0, do: out, else: [x | out]), i + 1} end)
    :lists.reverse(out)
  end

  def map_every(e, 0, _f), do: Enum.to_list(e)
  def map_every(e, 1, f), do: Enum.map(e, f)

  def map_every(e, nth, f) when is_integer(nth) and nth > 1 do
    {out, _} = Enum.reduce(e, {[], 0}, fn x, {out, i} -> {[if(rem(i, nth) == 0, do: f.(x), else: x) | out], i + 1} end)
    :lists.reverse(out)
  end

  def intersperse(e, sep), do: Stream.__to_list__(Stream.intersperse(e, sep))

  def map_intersperse(e, sep, f), do: Enum.intersperse(Enum.map(e, f), sep)

  def flat_map_reduce(e, acc, f) do
    {out, acc} =
      Enum.reduce_while(e, {[], acc}, fn x, {out, acc} ->
        case f.(x, acc) do
          {:halt, acc} -> {:halt, {out, acc}}
          {list, acc} -> {:cont, {:lists.reverse(Enum.to_list(list), out), acc}}
        end
      end)

    {:lists.reverse(out), acc}
  end

  # max/min with a sorter (a 2-arity fun or a module with compare/2) and an empty fallback.
  def max(e, fallback) when is_function(fallback, 0), do: max(e, &>=/2, fallback)
  def max(e, sorter), do: max(e, sorter, fn -> :stdlib_native.empty_error() end)
  def max(e, sorter, fallback), do: best(Enum.to_list(e), sorter(sorter, :gt), fallback)

  def min(e, fallback) when is_function(fallback, 0), do: min(e, &<=/2, fallback)
  def min(e, sorter), do: min(e, sorter, fn -> :stdlib_native.empty_error() end)
  def min(e, sorter, fallback), do: best(Enum.to_list(e), sorter(sorter, :lt), fallback)

  def max_by(e, f, fallback) when is_function(fallback, 0), do: max_by(e, f, &>=/2, fallback)
  def max_by(e, f, sorter), do: max_by(e, f, sorter, fn -> :stdlib_native.empty_error() end)
  def max_by(e, f, sorter, fallback), do: best_by(Enum.to_list(e), f, sorter(sorter, :gt), fallback)

  def min_by(e, f, fallback) when is_function(fallback, 0), do: min_by(e, f, &<=/2, fallback)
  def min_by(e, f, sorter), do: min_by(e, f, sorter, fn -> :stdlib_native.empty_error() end)
  def min_by(e, f, sorter, fallback), do: best_by(Enum.to_list(e), f, sorter(sorter, :lt), fallback)

  def min_max(e, fallback) when is_function(fallback, 0) do
    case Enum.to_list(e) do
      [] -> fallback.()
      list -> {Enum.min(list), Enum.max(list)}
    end
  end

  def min_max_by(e, f), do: min_max_by(e, f, &</2, fn -> :stdlib_native.empty_error() end)
  def min_max_by(e, f, fallback) when is_function(fallback, 0), do: min_max_by(e, f, &</2, fallback)
  def min_max_by(e, f, sorter), do: min_max_by(e, f, sorter, fn -> :stdlib_native.empty_error() end)

  def min_max_by(e, f, sorter, fallback) do
    case Enum.to_list(e) do
      [] ->
        fallback.()

      list ->
        less = if is_function(sorter, 2), do: sorter, else: fn a, b -> sorter.compare(a, b) == :lt end
        {best_by(list, f, fn a, b -> not less.(b, a) end, fallback), best_by(list, f, fn a, b -> not less.(a, b) end, fallback)}
    end
  end

  defp sorter(f, _) when is_function(f, 2), do: f
  defp sorter(:asc, :lt), do: &<=/2
  defp sorter(:desc, :gt), do: &>=/2
  defp sorter(mod, :gt) when is_atom(mod), do: fn a, b -> mod.compare(a, b) != :lt end
  defp sorter(mod, :lt) when is_atom(mod), do: fn a, b -> mod.compare(a, b) != :gt end

  defp best([], _keep, fallback), do: fallback.()
  defp best([h | t], keep, _fallback), do: best_loop(t, h, keep)

  defp best_loop([h | t], acc, keep), do: best_loop(t, if(keep.(acc, h), do: acc, else: h), keep)
  defp best_loop([], acc, _keep), do: acc

  defp best_by([], _f, _keep, fallback), do: fallback.()
  defp best_by([h | t], f, keep, _fallback), do: best_by_loop(t, f, h, f.(h), keep)

  defp best_by_loop([h | t], f, x, k, keep) do
    kh = f.(h)
    if keep.(k, kh), do: best_by_loop(t, f, x, k, keep), else: best_by_loop(t, f, h, kh, keep)
  end

  defp best_by_loop([], _f, x, _k, _keep), do: x

  def random(e) do
    case Enum.to_list(e) do
      [] -> :stdlib_native.empty_error()
      list -> :lists.nth(:rand.uniform(length(list)), list)
    end
  end

  def shuffle(e) do
    keyed = Enum.map(e, fn x -> {:rand.uniform(), x} end)
    Enum.map(Enum.sort_by(keyed, fn {k, _} -> k end), fn {_, x} -> x end)
  end

  def take_random(_e, 0), do: []
  def take_random(e, n) when is_integer(n) and n > 0, do: Enum.take(Enum.shuffle(e), n)

  def reverse_slice(e, start, count) when is_integer(start) and start >= 0 and is_integer(count) and count >= 0 do
    list = Enum.to_list(e)
    {head, rest} = Enum.split(list, start)
    {middle, tail} = Enum.split(rest, count)
    head ++ Enum.reverse(middle, tail)
  end

  # Enum.slide/3 as Elixir 1.14 words its cases: negative indices counted from the end once
  # more per pass (an index still negative after one pass is counted again), an insertion index
  # inside the moved range raising, empty or off-the-end ranges leaving the list as it was.
  def slide(e, index, insertion_index) when is_integer(index), do: slide(e, index..index, insertion_index)

  def slide(_e, %Range{step: step} = range, _insertion_index) when step != 1 do
    raise ArgumentError, "Enum.slide/3 does not accept ranges with custom steps, got: #{inspect(range)}"
  end

  def slide(e, %Range{first: first, last: last}, at) when first < 0 or last < 0 or at < 0 do
    n = Enum.count(e)
    from = if first < 0, do: Kernel.max(first + n, 0), else: first
    to = if last < 0, do: last + n, else: last
    at = if at < 0, do: at + n, else: at
    if from < n and from != at, do: slide(e, Range.new(from, to, 1), at), else: Enum.to_list(e)
  end

  def slide(e, %Range{first: at}, at), do: Enum.to_list(e)

  def slide(_e, %Range{first: first, last: last}, at) when at > first and at <= last do
    raise ArgumentError, "insertion index for slide must be outside the range being moved (tried to insert #{first}..#{last} at #{at})"
  end

  def slide(e, %Range{first: first, last: last}, _at) when first > last, do: Enum.to_list(e)
  def slide(e, %Range{first: first, last: last}, at) when at < first, do: swap_blocks(Enum.to_list(e), at, first, last)
  def slide(e, %Range{first: first, last: last}, at), do: swap_blocks(Enum.to_list(e), first, last + 1, at)

  # [start, middle) and [middle, last] trade places; indices past the end cut short.
  defp swap_blocks(list, start, middle, last) do
    {head, rest} = Enum.split(list, start)
    {back, rest} = Enum.split(rest, middle - start)
    {front, tail} = Enum.split(rest, last - middle + 1)
    head ++ front ++ back ++ tail
  end

  def split_while(e, f) do
    list = Enum.to_list(e)
    split_while_list(list, f, [])
  end

  defp split_while_list([h | t] = list, f, acc) do
    if f.(h), do: split_while_list(t, f, [h | acc]), else: {:lists.reverse(acc), list}
  end

  defp split_while_list([], _f, acc), do: {:lists.reverse(acc), []}

  def unzip(e) do
    {as, bs} = Enum.reduce(e, {[], []}, fn {a, b}, {as, bs} -> {[a | as], [b | bs]} end)
    {:lists.reverse(as), :lists.reverse(bs)}
  end

  def zip_reduce(left, right, acc, f) when is_function(f, 3),
    do: Enum.reduce(Enum.zip(left, right), acc, fn {x, y}, acc -> f.(x, y, acc) end)

  def zip_reduce(enums, acc, f) when is_function(f, 2),
    do: Enum.reduce(Enum.zip(enums), acc, fn t, acc -> f.(Tuple.to_list(t), acc) end)

  def zip_with(enums, f) when is_function(f, 1), do: Enum.map(Enum.zip(enums), fn t -> f.(Tuple.to_list(t)) end)
`;
