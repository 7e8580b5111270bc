/**
 * The Enum functions that take funs, in Elixir: user funs then run on the VM like any other
 * code (preemptible, no JS recursion). Every loop is tail-recursive with an accumulator that is
 * reversed at the end, so a 1,000,000-element list never grows the VM stack. Ranges are folded
 * over first..last//step, never built (range_reduce); other input goes through `Enum.to_list/1`
 * (a TS BIF: lists as they are, maps as `{k, v}` tuples; it raises Protocol.UndefinedError for
 * anything else). Raising and keyed sorting go through the
 * TS helpers of `:stdlib_native` (native.ts), so exceptions come out exactly as Elixir's.
 */
import { ENUM_MORE } from './enum-more.ts';

export const ENUM_PRELUDE = `
defmodule Enum do
  # Ranges are walked, never built: Enum.each(1..100_000_000, f) needs no memory. Each function
  # that takes a fun has a first clause for ranges, a fold over first..last//step.
  defp range_reduce(i, last, step, acc, f) when (step > 0 and i <= last) or (step < 0 and i >= last),
    do: range_reduce(i + step, last, step, f.(i, acc), f)

  defp range_reduce(_i, _last, _step, acc, _f), do: acc

  defp range_reduce_while(i, last, step, acc, f) when (step > 0 and i <= last) or (step < 0 and i >= last) do
    case f.(i, acc) do
      {:cont, acc} -> range_reduce_while(i + step, last, step, acc, f)
      {:halt, acc} -> acc
    end
  end

  defp range_reduce_while(_i, _last, _step, acc, _f), do: acc

  defp range_each(i, last, step, f) when (step > 0 and i <= last) or (step < 0 and i >= last) do
    f.(i)
    range_each(i + step, last, step, f)
  end

  defp range_each(_i, _last, _step, _f), do: :ok

  def map(%{__struct__: Range, first: a, last: b, step: s}, f),
    do: :lists.reverse(range_reduce(a, b, s, [], fn x, acc -> [f.(x) | acc] end))

  def map(e, f), do: map_list(Enum.to_list(e), f, [])

  defp map_list([h | t], f, acc), do: map_list(t, f, [f.(h) | acc])
  defp map_list([], _f, acc), do: :lists.reverse(acc)

  def each(%{__struct__: Range, first: a, last: b, step: s}, f), do: range_each(a, b, s, f)
  def each(e, f) when is_list(e), do: each_list(e, f)
  def each(%{__struct__: _} = e, f), do: each_lazy(e, f)
  def each(e, f) when is_map(e), do: each_list(Enum.to_list(e), f)
  def each(e, f), do: each_lazy(e, f)

  # Streams (and other structs: Enumerable) one element at a time: they may be infinite.
  defp each_lazy(e, f) do
    Stream.__reduce__(e, {:cont, nil}, fn x, _ ->
      f.(x)
      {:cont, nil}
    end)

    :ok
  end

  defp each_list([h | t], f) do
    f.(h)
    each_list(t, f)
  end

  defp each_list([], _f), do: :ok

  def reduce(%{__struct__: Range, first: a, last: b, step: s} = r, f) do
    if Enum.empty?(r), do: :stdlib_native.empty_error(), else: range_reduce(a + s, b, s, a, f)
  end

  def reduce(e, f) do
    case Enum.to_list(e) do
      [h | t] -> reduce_list(t, h, f)
      [] -> :stdlib_native.empty_error()
    end
  end

  def reduce(%{__struct__: Range, first: a, last: b, step: s}, acc, f), do: range_reduce(a, b, s, acc, f)
  def reduce(e, acc, f) when is_list(e), do: reduce_list(e, acc, f)
  def reduce(%{__struct__: _} = e, acc, f), do: reduce_lazy(e, acc, f)
  def reduce(e, acc, f) when is_map(e), do: reduce_list(Enum.to_list(e), acc, f)
  def reduce(e, acc, f), do: reduce_lazy(e, acc, f)

  defp reduce_lazy(e, acc, f), do: elem(Stream.__reduce__(e, {:cont, acc}, fn x, acc -> {:cont, f.(x, acc)} end), 1)

  defp reduce_list([h | t], acc, f), do: reduce_list(t, f.(h, acc), f)
  defp reduce_list([], acc, _f), do: acc

  def reduce_while(%{__struct__: Range, first: a, last: b, step: s}, acc, f), do: range_reduce_while(a, b, s, acc, f)
  def reduce_while(e, acc, f) when is_list(e), do: reduce_while_list(e, acc, f)
  def reduce_while(%{__struct__: _} = e, acc, f), do: elem(Stream.__reduce__(e, {:cont, acc}, f), 1)
  def reduce_while(e, acc, f) when is_map(e), do: reduce_while_list(Enum.to_list(e), acc, f)
  def reduce_while(e, acc, f), do: elem(Stream.__reduce__(e, {:cont, acc}, f), 1)

  defp reduce_while_list([h | t], acc, f) do
    case f.(h, acc) do
      {:cont, acc} -> reduce_while_list(t, acc, f)
      {:halt, acc} -> acc
    end
  end

  defp reduce_while_list([], acc, _f), do: acc

  def map_reduce(%{__struct__: Range} = r, acc, f) do
    {out, acc} = Enum.reduce(r, {[], acc}, fn x, {out, acc} -> {v, acc} = f.(x, acc); {[v | out], acc} end)
    {:lists.reverse(out), acc}
  end

  def map_reduce(e, acc, f), do: map_reduce_list(Enum.to_list(e), acc, f, [])

  defp map_reduce_list([h | t], acc, f, out) do
    {v, acc} = f.(h, acc)
    map_reduce_list(t, acc, f, [v | out])
  end

  defp map_reduce_list([], acc, _f, out), do: {:lists.reverse(out), acc}

  def scan(e, f) do
    case Enum.take(e, 1) do
      [] -> []
      [h] -> [h | Enum.scan(Enum.drop(e, 1), h, f)]
    end
  end

  def scan(%{__struct__: Range} = r, acc, f) do
    {out, _} = Enum.reduce(r, {[], acc}, fn x, {out, acc} -> acc = f.(x, acc); {[acc | out], acc} end)
    :lists.reverse(out)
  end

  def scan(e, acc, f), do: scan_list(Enum.to_list(e), acc, f, [])

  defp scan_list([h | t], acc, f, out) do
    acc = f.(h, acc)
    scan_list(t, acc, f, [acc | out])
  end

  defp scan_list([], _acc, _f, out), do: :lists.reverse(out)

  def filter(%{__struct__: Range} = r, f), do: :lists.reverse(Enum.reduce(r, [], fn x, acc -> if f.(x), do: [x | acc], else: acc end))
  def filter(e, f), do: filter_list(Enum.to_list(e), f, [])

  defp filter_list([h | t], f, acc) do
    if f.(h) do
      filter_list(t, f, [h | acc])
    else
      filter_list(t, f, acc)
    end
  end

  defp filter_list([], _f, acc), do: :lists.reverse(acc)

  def reject(%{__struct__: Range} = r, f), do: :lists.reverse(Enum.reduce(r, [], fn x, acc -> if f.(x), do: acc, else: [x | acc] end))
  def reject(e, f), do: reject_list(Enum.to_list(e), f, [])

  defp reject_list([h | t], f, acc) do
    if f.(h) do
      reject_list(t, f, acc)
    else
      reject_list(t, f, [h | acc])
    end
  end

  defp reject_list([], _f, acc), do: :lists.reverse(acc)

  def split_with(e, f), do: split_with_list(Enum.to_list(e), f, [], [])

  defp split_with_list([h | t], f, yes, no) do
    if f.(h) do
      split_with_list(t, f, [h | yes], no)
    else
      split_with_list(t, f, yes, [h | no])
    end
  end

  defp split_with_list([], _f, yes, no), do: {:lists.reverse(yes), :lists.reverse(no)}

  def find(e, f), do: find(e, nil, f)

  def find(e, default, f) when is_list(e), do: find_list(e, default, f)

  def find(e, default, f),
    do: Enum.reduce_while(e, default, fn x, acc -> if f.(x), do: {:halt, x}, else: {:cont, acc} end)

  defp find_list([h | t], default, f) do
    if f.(h) do
      h
    else
      find_list(t, default, f)
    end
  end

  defp find_list([], default, _f), do: default

  def find_value(e, f), do: find_value(e, nil, f)

  def find_value(e, default, f) when is_list(e), do: find_value_list(e, default, f)

  def find_value(e, default, f) do
    Enum.reduce_while(e, default, fn x, acc ->
      v = f.(x)
      if v, do: {:halt, v}, else: {:cont, acc}
    end)
  end


  defp find_value_list([h | t], default, f) do
    v = f.(h)
    if v do
      v
    else
      find_value_list(t, default, f)
    end
  end

  defp find_value_list([], default, _f), do: default

  def find_index(e, f) when is_list(e), do: find_index_list(e, 0, f)

  def find_index(e, f) do
    case Enum.reduce_while(e, 0, fn x, i -> if f.(x), do: {:halt, {:found, i}}, else: {:cont, i + 1} end) do
      {:found, i} -> i
      _ -> nil
    end
  end


  defp find_index_list([h | t], i, f) do
    if f.(h) do
      i
    else
      find_index_list(t, i + 1, f)
    end
  end

  defp find_index_list([], _i, _f), do: nil

  def any?(e, f) when is_list(e), do: any_list(e, f)
  def any?(e, f), do: Enum.reduce_while(e, false, fn x, _ -> if f.(x), do: {:halt, true}, else: {:cont, false} end)

  defp any_list([h | t], f) do
    if f.(h) do
      true
    else
      any_list(t, f)
    end
  end

  defp any_list([], _f), do: false

  def all?(e, f) when is_list(e), do: all_list(e, f)
  def all?(e, f), do: Enum.reduce_while(e, true, fn x, _ -> if f.(x), do: {:cont, true}, else: {:halt, false} end)

  defp all_list([h | t], f) do
    if f.(h) do
      all_list(t, f)
    else
      false
    end
  end

  defp all_list([], _f), do: true

  def count(%{__struct__: Range} = r, f), do: Enum.reduce(r, 0, fn x, n -> if f.(x), do: n + 1, else: n end)
  def count(e, f), do: count_list(Enum.to_list(e), f, 0)

  defp count_list([h | t], f, n) do
    if f.(h) do
      count_list(t, f, n + 1)
    else
      count_list(t, f, n)
    end
  end

  defp count_list([], _f, n), do: n

  def take_while(e, f) when is_list(e), do: take_while_list(e, f, [])

  def take_while(e, f),
    do: :lists.reverse(Enum.reduce_while(e, [], fn x, acc -> if f.(x), do: {:cont, [x | acc]}, else: {:halt, acc} end))

  defp take_while_list([h | t], f, acc) do
    if f.(h) do
      take_while_list(t, f, [h | acc])
    else
      :lists.reverse(acc)
    end
  end

  defp take_while_list([], _f, acc), do: :lists.reverse(acc)

  def drop_while(e, f), do: drop_while_list(Enum.to_list(e), f)

  defp drop_while_list([h | t] = list, f) do
    if f.(h) do
      drop_while_list(t, f)
    else
      list
    end
  end

  defp drop_while_list([], _f), do: []

  def flat_map(%{__struct__: Range} = r, f), do: :lists.reverse(Enum.reduce(r, [], fn x, acc -> :lists.reverse(Enum.to_list(f.(x)), acc) end))
  def flat_map(e, f), do: flat_map_list(Enum.to_list(e), f, [])

  defp flat_map_list([h | t], f, acc), do: flat_map_list(t, f, :lists.reverse(Enum.to_list(f.(h)), acc))
  defp flat_map_list([], _f, acc), do: :lists.reverse(acc)

  def map_join(e, f), do: Enum.join(Enum.map(e, f), "")
  def map_join(e, joiner, f), do: Enum.join(Enum.map(e, f), joiner)

  def with_index(e), do: with_index(e, 0)

  def with_index(%{__struct__: Range} = r, offset) when is_integer(offset) do
    {out, _} = Enum.reduce(r, {[], offset}, fn x, {out, i} -> {[{x, i} | out], i + 1} end)
    :lists.reverse(out)
  end

  def with_index(e, offset) when is_integer(offset), do: index_list(Enum.to_list(e), offset, [])
  def with_index(e, f) when is_function(f, 2), do: index_fun_list(Enum.to_list(e), 0, f, [])

  defp index_list([h | t], i, acc), do: index_list(t, i + 1, [{h, i} | acc])
  defp index_list([], _i, acc), do: :lists.reverse(acc)

  defp index_fun_list([h | t], i, f, acc), do: index_fun_list(t, i + 1, f, [f.(h, i) | acc])
  defp index_fun_list([], _i, _f, acc), do: :lists.reverse(acc)

  def zip_with(a, b, f), do: Enum.map(Enum.zip(a, b), fn {x, y} -> f.(x, y) end)

  def chunk_by(e, f), do: chunk_by_list(Enum.to_list(e), f)

  defp chunk_by_list([], _f), do: []
  defp chunk_by_list([h | t], f), do: chunk_by_list(t, f, f.(h), [h], [])

  defp chunk_by_list([h | t], f, key, chunk, acc) do
    k = f.(h)
    if k === key do
      chunk_by_list(t, f, key, [h | chunk], acc)
    else
      chunk_by_list(t, f, k, [h], [:lists.reverse(chunk) | acc])
    end
  end

  defp chunk_by_list([], _f, _key, chunk, acc), do: :lists.reverse([:lists.reverse(chunk) | acc])

  def into(e, target, f), do: Enum.into(Enum.map(e, f), target)

  def frequencies_by(e, f), do: Enum.frequencies(Enum.map(e, f))

  def group_by(e, kf), do: :stdlib_native.group_pairs(keyed(Enum.to_list(e), kf, []))

  def group_by(e, kf, vf), do: :stdlib_native.group_pairs(keyed_values(Enum.to_list(e), kf, vf, []))

  def uniq_by(e, f), do: :stdlib_native.uniq_keyed(keyed(Enum.to_list(e), f, []))

  def dedup_by(e, f), do: :stdlib_native.dedup_keyed(keyed(Enum.to_list(e), f, []))

  def max_by(e, f), do: :stdlib_native.extreme_keyed(keyed(Enum.to_list(e), f, []), :max)

  def min_by(e, f), do: :stdlib_native.extreme_keyed(keyed(Enum.to_list(e), f, []), :min)

  def sort(e, :asc), do: Enum.sort(e)
  def sort(e, :desc), do: :stdlib_native.sort(Enum.to_list(e), :desc)
  def sort(e, f) when is_function(f, 2), do: merge_sort(Enum.to_list(e), f)
  # A module with compare/2 (Date, Time, DateTime...), alone or as {:asc | :desc, module}.
  def sort(e, {:asc, m}) when is_atom(m), do: merge_sort(Enum.to_list(e), fn a, b -> m.compare(a, b) != :gt end)
  def sort(e, {:desc, m}) when is_atom(m), do: merge_sort(Enum.to_list(e), fn a, b -> m.compare(a, b) != :lt end)
  def sort(e, m) when is_atom(m), do: sort(e, {:asc, m})

  def sort_by(e, f), do: sort_by(e, f, :asc)

  def sort_by(e, f, order) when order == :asc or order == :desc do
    :stdlib_native.sort_keyed(keyed(Enum.to_list(e), f, []), order)
  end

  def sort_by(e, f, sorter) when is_function(sorter, 2) do
    pairs = merge_sort(keyed(Enum.to_list(e), f, []), fn {a, _}, {b, _} -> sorter.(a, b) end)
    Enum.map(pairs, fn {_, v} -> v end)
  end

  # [{f.(x), x}] in order: what the keyed helpers of :stdlib_native take.
  defp keyed([h | t], f, acc), do: keyed(t, f, [{f.(h), h} | acc])
  defp keyed([], _f, acc), do: :lists.reverse(acc)

  defp keyed_values([h | t], kf, vf, acc), do: keyed_values(t, kf, vf, [{kf.(h), vf.(h)} | acc])
  defp keyed_values([], _kf, _vf, acc), do: :lists.reverse(acc)

  # Bottom-up merge sort: stable (a run's element goes first when f.(a, b) is truthy), and every
  # pass is a tail-recursive loop.
  defp merge_sort([], _f), do: []
  defp merge_sort(list, f), do: merge_all(singletons(list, []), f)

  defp singletons([h | t], acc), do: singletons(t, [[h] | acc])
  defp singletons([], acc), do: :lists.reverse(acc)

  defp merge_all([run], _f), do: run
  defp merge_all(runs, f), do: merge_all(merge_pairs(runs, f, []), f)

  defp merge_pairs([a, b | rest], f, acc), do: merge_pairs(rest, f, [merge(a, b, f, []) | acc])
  defp merge_pairs([a], _f, acc), do: :lists.reverse([a | acc])
  defp merge_pairs([], _f, acc), do: :lists.reverse(acc)

  defp merge([x | xs], [y | ys], f, acc) do
    if f.(x, y) do
      merge(xs, [y | ys], f, [x | acc])
    else
      merge([x | xs], ys, f, [y | acc])
    end
  end

  defp merge([], b, _f, acc), do: :lists.reverse(acc, b)
  defp merge(a, [], _f, acc), do: :lists.reverse(acc, a)
${ENUM_MORE}
end
`;
