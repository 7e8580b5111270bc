/**
 * Stream, in Elixir: lazy enumerables, consumed by Enum (stdlib/lazy.ts sends Enum's TS BIFs
 * here when they are given a stream) and by `for`.
 *
 * Everything goes through one reduce protocol, Elixir's Enumerable.reduce/3:
 * `Stream.__reduce__(enum, {:cont | :halt | :suspend, acc}, fun)` returns `{:done, acc}`,
 * `{:halted, acc}` or `{:suspended, acc, continuation}`, and `fun.(x, acc)` answers with a
 * command. Suspension is what lets zip/concat/flat_map pull one element at a time from several
 * enumerables (an infinite one included) and resource close its resource when a consumer stops.
 *
 * Two shapes, as in Elixir (so they print as iex prints them):
 *  - `%Stream{enum, funs, accs, done}`: stages over an enumerable (map, filter, take...). A stage
 *    is `fn downstream -> fn x, acc -> ... end end`; stages that keep state (take's count,
 *    with_index's index) keep it in the accumulator list `[acc, oldest_state, ..., newest]`,
 *    each taking its own state off before calling downstream and putting it back after. `done`
 *    (chunk_every's last chunk) turns the newest stage's state into trailing elements.
 *  - a 2-arity fun `fn acc, fun -> ... end` (unfold, resource, zip, transform...).
 *
 * Every loop is a tail call, so an infinite stream runs preemptibly like any other code.
 * resource's after-fun runs on halt, at the end, and when next_fun or the consumer raises,
 * throws or exits (then the error goes on with :erlang.raise/3), as Elixir's does.
 */
export const STREAM_PRELUDE = `
defmodule Stream do
  ## The reduce protocol

  def __reduce__(list, acc, fun) when is_list(list), do: reduce_list(list, acc, fun)
  def __reduce__(%{__struct__: Range, first: a, last: b, step: s}, acc, fun), do: reduce_range(a, b, s, acc, fun)
  def __reduce__(%{__struct__: Stream} = s, acc, fun), do: reduce_stream(s, acc, fun)
  def __reduce__(f, acc, fun) when is_function(f, 2), do: f.(acc, fun)

  def __reduce__(%{__struct__: _} = e, acc, fun) do
    case Enumerable.Custom.impl(e) do
      nil -> :stdlib_native.not_enumerable(e)
      impl -> impl.reduce(e, acc, fun)
    end
  end

  # Plain maps as their {k, v} pairs; anything else raises Protocol.UndefinedError there.
  def __reduce__(e, acc, fun), do: reduce_list(Enum.to_list(e), acc, fun)

  defp reduce_list(_list, {:halt, acc}, _fun), do: {:halted, acc}
  defp reduce_list(list, {:suspend, acc}, fun), do: {:suspended, acc, &reduce_list(list, &1, fun)}
  defp reduce_list([h | t], {:cont, acc}, fun), do: reduce_list(t, fun.(h, acc), fun)
  defp reduce_list(_, {:cont, acc}, _fun), do: {:done, acc}

  defp reduce_range(_i, _last, _s, {:halt, acc}, _fun), do: {:halted, acc}
  defp reduce_range(i, last, s, {:suspend, acc}, fun), do: {:suspended, acc, &reduce_range(i, last, s, &1, fun)}

  defp reduce_range(i, last, s, {:cont, acc}, fun) when (s > 0 and i <= last) or (s < 0 and i >= last),
    do: reduce_range(i + s, last, s, fun.(i, acc), fun)

  defp reduce_range(_i, _last, _s, {:cont, acc}, _fun), do: {:done, acc}

  # The consumer's fun, at the end of the stages. When it halts, its acc is tagged so that
  # the stream knows not to emit a done-stage's trailing elements to it.
  defp reduce_stream(%{enum: enum, funs: funs, accs: accs, done: done}, acc, fun) do
    last = fn x, [acc | t] ->
      case fun.(x, acc) do
        {:halt, acc} -> {:halt, [{:"$consumer_halted", acc} | t]}
        {command, acc} -> {command, [acc | t]}
      end
    end

    composed = :lists.foldl(fn stage, f -> stage.(f) end, last, funs)
    each_stream(&Stream.__reduce__(enum, &1, composed), done, fun, :lists.reverse(accs), acc)
  end

  defp each_stream(reduce, _done, _fun, accs, {:halt, acc}) do
    reduce.({:halt, [acc | accs]})
    {:halted, acc}
  end

  defp each_stream(reduce, done, fun, accs, {command, acc}) do
    case reduce.({command, [acc | accs]}) do
      {:suspended, [acc | accs], next} -> {:suspended, acc, &each_stream(next, done, fun, accs, &1)}
      {_, [{:"$consumer_halted", acc} | _]} -> {:halted, acc}
      {reason, [acc | _]} when done == nil -> {reason, acc}
      {reason, [acc | states]} -> emit_done(done.(:lists.last(states)), reason, acc, fun)
    end
  end

  defp emit_done([x | rest], reason, acc, fun) do
    case fun.(x, acc) do
      {:halt, acc} -> {:halted, acc}
      {_, acc} -> emit_done(rest, reason, acc, fun)
    end
  end

  defp emit_done([], reason, acc, _fun), do: {reason, acc}

  def __to_list__(e) do
    {_, list} = Stream.__reduce__(e, {:cont, []}, fn x, acc -> {:cont, [x | acc]} end)
    :lists.reverse(list)
  end

  def run(e) do
    Stream.__reduce__(e, {:cont, nil}, fn _, _ -> {:cont, nil} end)
    :ok
  end

  ## Building %Stream{}: a stage is appended to a stream without a done-stage, else nests it.

  defp lazy(%{__struct__: Stream, done: nil, funs: funs} = s, fun), do: %{s | funs: [fun | funs]}
  defp lazy(e, fun), do: %{__struct__: Stream, enum: e, funs: [fun], accs: [], done: nil}

  defp lazy(%{__struct__: Stream, done: nil, funs: funs, accs: accs} = s, acc, fun),
    do: %{s | funs: [fun | funs], accs: [acc | accs]}

  defp lazy(e, acc, fun), do: %{__struct__: Stream, enum: e, funs: [fun], accs: [acc], done: nil}

  defp lazy(%{__struct__: Stream, done: nil, funs: funs, accs: accs} = s, acc, fun, done),
    do: %{s | funs: [fun | funs], accs: [acc | accs], done: done}

  defp lazy(e, acc, fun, done), do: %{__struct__: Stream, enum: e, funs: [fun], accs: [acc], done: done}

  # Calls the downstream fun with this stage's state taken off the accumulator list.
  defp next(f, x, acc, state, t) do
    {command, [acc | t]} = f.(x, [acc | t])
    {command, [acc, state | t]}
  end

  ## Stages without state

  def map(e, f) when is_function(f, 1), do: lazy(e, fn f1 -> fn x, acc -> f1.(f.(x), acc) end end)

  def filter(e, f) when is_function(f, 1) do
    lazy(e, fn f1 -> fn x, acc -> if f.(x), do: f1.(x, acc), else: {:cont, acc} end end)
  end

  def reject(e, f) when is_function(f, 1) do
    lazy(e, fn f1 -> fn x, acc -> if f.(x), do: {:cont, acc}, else: f1.(x, acc) end end)
  end

  def each(e, f) when is_function(f, 1) do
    lazy(e, fn f1 ->
      fn x, acc ->
        f.(x)
        f1.(x, acc)
      end
    end)
  end

  def take_while(e, f) when is_function(f, 1) do
    lazy(e, fn f1 -> fn x, acc -> if f.(x), do: f1.(x, acc), else: {:halt, acc} end end)
  end

  def map_every(e, 1, f), do: map(e, f)
  def map_every(e, 0, _f), do: e

  def map_every(e, nth, f) when is_integer(nth) and nth > 0 do
    lazy(e, nth, fn f1 ->
      fn
        x, [acc, ^nth | t] -> next(f1, f.(x), acc, 1, t)
        x, [acc, i | t] -> next(f1, x, acc, i + 1, t)
      end
    end)
  end

  ## Stages with state

  def take(_e, 0), do: %{__struct__: Stream, enum: [], funs: [], accs: [], done: nil}
  def take(e, n) when is_integer(n), do: take_after_guards(e, n)

  defp take_after_guards(e, n) when n > 0 do
    lazy(e, n, fn f1 ->
      fn x, [acc, left | t] ->
        case next(f1, x, acc, left - 1, t) do
          {:cont, acc} when left == 1 -> {:halt, acc}
          other -> other
        end
      end
    end)
  end

  defp take_after_guards(e, n), do: fn acc, fun -> Stream.__reduce__(Enum.take(e, n), acc, fun) end

  def drop(e, n) when is_integer(n) and n >= 0 do
    lazy(e, n, fn f1 ->
      fn
        x, [acc, 0 | t] -> next(f1, x, acc, 0, t)
        _x, [acc, left | t] -> {:cont, [acc, left - 1 | t]}
      end
    end)
  end

  # Dropping the last n: an element is emitted once n newer ones have come (buffered in
  # two lists: the n most recent, reversed, and the n before them, in order).
  def drop(e, n) when is_integer(n) do
    n = -n

    lazy(e, {0, [], []}, fn f1 ->
      fn
        x, [acc, {count, recent, []} | t] ->
          drop_buffer(:cont, n, x, acc, count, recent, [], t)

        x, [acc, {count, recent, [old | older]} | t] ->
          {command, [acc | t]} = f1.(old, [acc | t])
          drop_buffer(command, n, x, acc, count, recent, older, t)
      end
    end)
  end

  defp drop_buffer(command, n, x, acc, count, recent, older, t) do
    if count + 1 == n do
      {command, [acc, {0, [], :lists.reverse([x | recent])} | t]}
    else
      {command, [acc, {count + 1, [x | recent], older} | t]}
    end
  end

  def drop_while(e, f) when is_function(f, 1) do
    lazy(e, true, fn f1 ->
      fn x, [acc, dropping | t] = all ->
        if dropping and f.(x), do: {:cont, all}, else: next(f1, x, acc, false, t)
      end
    end)
  end

  def with_index(e, offset \\\\ 0) when is_integer(offset) do
    lazy(e, offset, fn f1 -> fn x, [acc, i | t] -> next(f1, {x, i}, acc, i + 1, t) end end)
  end

  def scan(e, f) when is_function(f, 2) do
    lazy(e, :first, fn f1 ->
      fn
        x, [acc, :first | t] -> next(f1, x, acc, {:ok, x}, t)
        x, [acc, {:ok, last} | t] -> scan_next(f1, f.(x, last), acc, t)
      end
    end)
  end

  def scan(e, acc0, f) when is_function(f, 2) do
    lazy(e, acc0, fn f1 -> fn x, [acc, last | t] -> next(f1, f.(x, last), acc, f.(x, last), t) end end)
  end

  defp scan_next(f1, v, acc, t), do: next(f1, v, acc, {:ok, v}, t)

  def uniq(e), do: uniq_by(e, fn x -> x end)

  def uniq_by(e, f) when is_function(f, 1) do
    lazy(e, %{}, fn f1 ->
      fn x, [acc, seen | t] = all ->
        key = f.(x)
        if Map.has_key?(seen, key), do: {:cont, all}, else: next(f1, x, acc, Map.put(seen, key, true), t)
      end
    end)
  end

  def dedup(e), do: dedup_by(e, fn x -> x end)

  # The state is [] before the first element, then [key of the last one emitted].
  def dedup_by(e, f) when is_function(f, 1) do
    lazy(e, [], fn f1 ->
      fn x, [acc, last | t] = all ->
        key = f.(x)
        if last == [key], do: {:cont, all}, else: next(f1, x, acc, [key], t)
      end
    end)
  end

  def chunk_every(e, count), do: chunk_every(e, count, count, [])
  def chunk_every(e, count, step), do: chunk_every(e, count, step, [])

  def chunk_every(e, count, step, leftover) when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    limit = max(count, step)

    chunk = fn x, {buffer, n} ->
      buffer = [x | buffer]
      n = n + 1
      state = if n >= limit, do: {Enum.take(buffer, n - step), n - step}, else: {buffer, n}
      if n == count, do: {:cont, :lists.reverse(buffer), state}, else: {:cont, state}
    end

    after_fun = fn {buffer, n} ->
      if leftover == :discard or n == 0 or n >= count do
        {:cont, []}
      else
        {:cont, :lists.reverse(buffer, Enum.take(leftover, count - n)), []}
      end
    end

    chunk_while(e, {[], 0}, chunk, after_fun)
  end

  def chunk_by(e, f) when is_function(f, 1) do
    chunk = fn
      x, nil -> {:cont, {[x], f.(x)}}
      x, {buffer, key} ->
        k = f.(x)
        if k === key, do: {:cont, {[x | buffer], key}}, else: {:cont, :lists.reverse(buffer), {[x], k}}
    end

    after_fun = fn
      nil -> {:cont, nil}
      {buffer, _} -> {:cont, :lists.reverse(buffer), nil}
    end

    chunk_while(e, nil, chunk, after_fun)
  end

  def chunk_while(e, acc0, chunk, after_fun) when is_function(chunk, 2) and is_function(after_fun, 1) do
    done = fn state ->
      case after_fun.(state) do
        {:cont, c, _} -> [c]
        {:cont, _} -> []
      end
    end

    lazy(e, acc0, fn f1 ->
      fn x, [acc, state | t] ->
        case chunk.(x, state) do
          {:cont, c, state} -> next(f1, c, acc, state, t)
          {:cont, state} -> {:cont, [acc, state | t]}
          {:halt, state} -> {:halt, [acc, state | t]}
        end
      end
    end, done)
  end

  def intersperse(e, sep) do
    lazy(e, false, fn f1 ->
      fn
        x, [acc, false | t] ->
          next(f1, x, acc, true, t)

        x, [acc, true | t] ->
          case f1.(sep, [acc | t]) do
            {:cont, [acc | t]} -> next(f1, x, acc, true, t)
            {command, [acc | t]} -> {command, [acc, true | t]}
          end
      end
    end)
  end

  ## Sources: 2-arity funs

  def unfold(s, f) when is_function(f, 1), do: &do_unfold(s, f, &1, &2)

  defp do_unfold(_s, _f, {:halt, acc}, _fun), do: {:halted, acc}
  defp do_unfold(s, f, {:suspend, acc}, fun), do: {:suspended, acc, &do_unfold(s, f, &1, fun)}

  defp do_unfold(s, f, {:cont, acc}, fun) do
    case f.(s) do
      nil -> {:done, acc}
      {x, s} -> do_unfold(s, f, fun.(x, acc), fun)
    end
  end

  def iterate(start, f) when is_function(f, 1) do
    unfold({:first, start}, fn
      {:first, x} -> {x, {:next, x}}
      {:next, x} ->
        y = f.(x)
        {y, {:next, y}}
    end)
  end

  def repeatedly(f) when is_function(f, 0), do: unfold(nil, fn nil -> {f.(), nil} end)

  def cycle(list) when is_list(list) do
    if list == [], do: raise(ArgumentError, "cannot cycle over an empty enumerable")

    unfold(list, fn
      [x | rest] -> {x, rest}
      [] -> {hd(list), tl(list)}
    end)
  end

  def cycle(e), do: fn acc, fun -> Stream.__reduce__(cycle(Stream.__to_list__(e)), acc, fun) end

  def interval(ms) when is_integer(ms) and ms >= 0 do
    unfold(0, fn count ->
      Process.sleep(ms)
      {count, count + 1}
    end)
  end

  def timer(ms) when is_integer(ms) and ms >= 0, do: take(interval(ms), 1)

  def resource(start_fun, next_fun, after_fun) do
    &do_resource(start_fun.(), next_fun, &1, &2, after_fun)
  end

  defp do_resource(s, _next_fun, {:halt, acc}, _fun, after_fun) do
    after_fun.(s)
    {:halted, acc}
  end

  defp do_resource(s, next_fun, {:suspend, acc}, fun, after_fun),
    do: {:suspended, acc, &do_resource(s, next_fun, &1, fun, after_fun)}

  defp do_resource(s, next_fun, {:cont, acc}, fun, after_fun) do
    case guarded(fn -> next_fun.(s) end, s, after_fun) do
      {:halt, s} ->
        after_fun.(s)
        {:done, acc}

      {items, s} ->
        resource_items(guarded(fn -> Stream.__reduce__(items, {:cont, acc}, fun) end, s, after_fun), s, next_fun, fun, after_fun)
    end
  end

  # Runs f; if it raises, throws or exits, the resource is closed first (Elixir's do_list_resource).
  defp guarded(f, s, after_fun) do
    try do
      f.()
    catch
      kind, reason ->
        after_fun.(s)
        :erlang.raise(kind, reason, __STACKTRACE__)
    end
  end

  defp resource_items({:done, acc}, s, next_fun, fun, after_fun), do: do_resource(s, next_fun, {:cont, acc}, fun, after_fun)

  defp resource_items({:halted, acc}, s, _next_fun, _fun, after_fun) do
    after_fun.(s)
    {:halted, acc}
  end

  defp resource_items({:suspended, acc, k}, s, next_fun, fun, after_fun),
    do: {:suspended, acc, fn a -> resource_items(guarded(fn -> k.(a) end, s, after_fun), s, next_fun, fun, after_fun) end}

  # One element at a time from an enumerable: {:suspended, x, step} or {:done | :halted, _}.
  defp stepper(e), do: &Stream.__reduce__(e, &1, fn x, _ -> {:suspend, x} end)

  # transform/3,4,5: x is {reducer, last_fun | nil, after_fun | nil}.
  def transform(e, acc0, reducer) when is_function(reducer, 2),
    do: &do_transform(stepper(e), acc0, {reducer, nil, nil}, &1, &2)

  def transform(e, start_fun, reducer, after_fun), do: transform(e, start_fun, reducer, nil, after_fun)

  def transform(e, start_fun, reducer, last_fun, after_fun) when is_function(start_fun, 0) and is_function(reducer, 2),
    do: fn acc, fun -> do_transform(stepper(e), start_fun.(), {reducer, last_fun, after_fun}, acc, fun) end

  defp do_transform(step, t, x, {:halt, acc}, _fun) do
    step.({:halt, nil})
    transform_after(x, t)
    {:halted, acc}
  end

  defp do_transform(step, t, x, {:suspend, acc}, fun), do: {:suspended, acc, &do_transform(step, t, x, &1, fun)}

  defp do_transform(step, t, {r, _, _} = x, {:cont, acc}, fun) do
    case step.({:cont, nil}) do
      {:suspended, v, step} ->
        case r.(v, t) do
          {:halt, t} ->
            step.({:halt, nil})
            transform_after(x, t)
            {:halted, acc}

          {items, t} ->
            transform_items(Stream.__reduce__(items, {:cont, acc}, fun), step, t, x, fun)
        end

      _ ->
        transform_last(x, t, acc, fun)
    end
  end

  defp transform_items({:done, acc}, step, t, x, fun), do: do_transform(step, t, x, {:cont, acc}, fun)

  defp transform_items({:halted, acc}, step, t, x, _fun) do
    step.({:halt, nil})
    transform_after(x, t)
    {:halted, acc}
  end

  defp transform_items({:suspended, acc, k}, step, t, x, fun),
    do: {:suspended, acc, &transform_items(k.(&1), step, t, x, fun)}

  defp transform_last({_, nil, _} = x, t, acc, _fun) do
    transform_after(x, t)
    {:done, acc}
  end

  defp transform_last({_, last_fun, _} = x, t, acc, fun) do
    {items, t} = last_fun.(t)
    last_items(Stream.__reduce__(items, {:cont, acc}, fun), x, t)
  end

  defp last_items({:suspended, acc, k}, x, t), do: {:suspended, acc, &last_items(k.(&1), x, t)}

  defp last_items({reason, acc}, x, t) do
    transform_after(x, t)
    {reason, acc}
  end

  defp transform_after({_, _, nil}, _t), do: :ok
  defp transform_after({_, _, after_fun}, t), do: after_fun.(t)

  def take_every(_e, 0), do: %{__struct__: Stream, enum: [], funs: [], accs: [], done: nil}

  def take_every(e, nth) when is_integer(nth) and nth > 0 do
    lazy(e, nth, fn f1 ->
      fn
        x, [acc, n | t] when n >= nth -> next(f1, x, acc, 1, t)
        _x, [acc, n | t] -> {:cont, [acc, n + 1 | t]}
      end
    end)
  end

  def drop_every(e, 0), do: lazy(e, fn f1 -> f1 end)

  def drop_every(e, nth) when is_integer(nth) and nth > 0 do
    lazy(e, nth, fn f1 ->
      fn
        _x, [acc, n | t] when n >= nth -> {:cont, [acc, 1 | t]}
        x, [acc, n | t] -> next(f1, x, acc, n + 1, t)
      end
    end)
  end

  def duplicate(x, n) when is_integer(n) and n >= 0, do: unfold(n, fn 0 -> nil; left -> {x, left - 1} end)

  # The collectable is immutable here: into/2,3 pass the elements through.
  def into(e, _collectable, _f \\\\ nil), do: fn acc, fun -> Stream.__reduce__(e, acc, fun) end

  def flat_map(e, f) when is_function(f, 1), do: transform(e, nil, fn x, nil -> {f.(x), nil} end)

  def concat(enums), do: flat_map(enums, fn e -> e end)
  def concat(a, b), do: flat_map([a, b], fn e -> e end)

  def zip(a, b), do: zip_with([a, b], &List.to_tuple/1, :zip)
  def zip(enums), do: zip_with(enums, &List.to_tuple/1, :zip)

  def zip_with(a, b, f) when is_function(f, 2), do: zip_with([a, b], fn [x, y] -> f.(x, y) end, :zip)
  def zip_with(enums, f) when is_function(f, 1), do: zip_with(enums, f, :zip)

  defp zip_with(enums, f, :zip), do: &do_zip(Enum.map(enums, fn e -> stepper(e) end), f, &1, &2)

  defp do_zip(steps, _f, {:halt, acc}, _fun) do
    close_all(steps)
    {:halted, acc}
  end

  defp do_zip(steps, f, {:suspend, acc}, fun), do: {:suspended, acc, &do_zip(steps, f, &1, fun)}
  defp do_zip([], _f, {:cont, acc}, _fun), do: {:done, acc}

  defp do_zip(steps, f, {:cont, acc}, fun) do
    case zip_pull(steps, [], []) do
      {:ok, xs, steps} -> do_zip(steps, f, fun.(f.(xs), acc), fun)
      :done -> {:done, acc}
    end
  end

  defp zip_pull([step | rest], xs, pulled) do
    case step.({:cont, nil}) do
      {:suspended, x, step} ->
        zip_pull(rest, [x | xs], [step | pulled])

      _ ->
        close_all(pulled)
        close_all(rest)
        :done
    end
  end

  defp zip_pull([], xs, pulled), do: {:ok, :lists.reverse(xs), :lists.reverse(pulled)}

  defp close_all(steps), do: Enum.each(steps, fn step -> step.({:halt, nil}) end)

  ## Enum on streams (stdlib/lazy.ts calls these): the functions that may stop early stop
  ## early (so they work on infinite streams); the others take the whole stream as a list.

  # A struct's own Enumerable.count/1 first, as Elixir's Enum.count (a Date.Range of 7 million days counts at once).
  def __enum__(Enum, :count, [%{__struct__: _} = e]) do
    impl = Enumerable.Custom.impl(e)

    case impl != nil and impl.count(e) do
      {:ok, n} when is_integer(n) -> n
      _ -> Enum.reduce(e, 0, fn _, n -> n + 1 end)
    end
  end

  def __enum__(Enum, :take, [_e, 0]), do: []

  def __enum__(Enum, :take, [e, n]) when is_integer(n) and n > 0 do
    taken = fn
      x, {list, 1} -> {:halt, {[x | list], 0}}
      x, {list, left} -> {:cont, {[x | list], left - 1}}
    end

    {_, {list, _}} = Stream.__reduce__(e, {:cont, {[], n}}, taken)
    :lists.reverse(list)
  end

  def __enum__(Enum, :at, [e, i]), do: __enum__(Enum, :at, [e, i, nil])

  def __enum__(Enum, :at, [e, i, default]) when is_integer(i) and i >= 0 do
    case __enum__(Enum, :fetch, [e, i]) do
      {:ok, x} -> x
      :error -> default
    end
  end

  def __enum__(Enum, :fetch, [e, i]) when is_integer(i) and i >= 0 do
    case Enum.to_list(take(drop(e, i), 1)) do
      [x] -> {:ok, x}
      [] -> :error
    end
  end

  def __enum__(Enum, :fetch!, [e, i]) when is_integer(i) and i >= 0 do
    case __enum__(Enum, :fetch, [e, i]) do
      {:ok, x} -> x
      :error -> :stdlib_native.out_of_bounds()
    end
  end

  # A struct's own Enumerable.member?/2 first ({:error, _} falls back to a walk), as Elixir's Enum.member?.
  def __enum__(Enum, :member?, [%{__struct__: _} = e, y]) do
    impl = Enumerable.Custom.impl(e)

    case impl != nil and impl.member?(e, y) do
      {:ok, found} when is_boolean(found) -> found
      _ -> Enum.any?(e, fn x -> x === y end)
    end
  end

  def __enum__(Enum, :member?, [e, y]), do: Enum.any?(e, fn x -> x === y end)
  def __enum__(Enum, :empty?, [e]), do: Enum.to_list(take(e, 1)) == []
  def __enum__(Enum, :any?, [e]), do: Enum.any?(e, fn x -> x end)
  def __enum__(Enum, :all?, [e]), do: Enum.all?(e, fn x -> x end)
  def __enum__(Enum, :zip, [a, b]), do: Stream.__to_list__(zip(a, b))
  def __enum__(Enum, :zip, [enums]), do: Stream.__to_list__(zip(enums))
  def __enum__(Enum, :concat, [a, b]), do: Stream.__to_list__(concat(a, b))
  def __enum__(Enum, :concat, [enums]), do: Stream.__to_list__(concat(enums))
  def __enum__(Enum, :to_list, [e]), do: Stream.__to_list__(e)
  def __enum__(mod, name, [e | rest]), do: apply(mod, name, [Stream.__to_list__(e) | rest])
end
`;
