// Task.async_stream is a lazy 2-arity fun, as Elixir's: what the golden (33-agent-task.exs)
// cannot show is what is left behind. A walk that stops early must kill the tasks still running
// and never pull more input than :max_concurrency ahead. `defstruct @enforce_keys`, the form
// Elixir's own Task uses, is checked here for a user module too.
import { describe, expect, test } from 'vitest';
import { run } from '../vm-test-helpers.ts';

describe('Task.async_stream', () => {
  test('Enum.take over an infinite input stops: the running tasks are killed, none is left', () => {
    const src = `
      me = self()
      stream = Stream.iterate(1, &(&1 + 1)) |> Task.async_stream(fn x -> send(me, {:started, self()}); Process.sleep(x * 1000); x end, max_concurrency: 3, timeout: :infinity)
      first = Stream.iterate(1, &(&1 + 1)) |> Task.async_stream(fn x -> x end, max_concurrency: 3) |> Enum.take(2)
      spawn(fn -> Enum.take(stream, 1) |> then(&send(me, {:took, &1})) end)
      took = receive do {:took, t} -> t after 5000 -> :none end
      pids = for _ <- 1..3, do: (receive do {:started, p} -> p after 0 -> nil end)
      extra = receive do {:started, _} -> :more after 0 -> :none end
      {first, took, Enum.map(pids, fn p -> p != nil and Process.alive?(p) end), extra}`;
    expect(run(src)).toBe('{[ok: 1, ok: 2], [ok: 1], [false, false, false], :none}');
  });

  test('nothing runs before the stream is walked; each walk runs the tasks again', () => {
    const src = `
      me = self()
      s = Task.async_stream([1, 2], fn x -> send(me, x); x end)
      before = receive do _ -> :ran after 20 -> :lazy end
      {before, Enum.to_list(s), Enum.to_list(s)}`;
    expect(run(src)).toBe('{:lazy, [ok: 1, ok: 2], [ok: 1, ok: 2]}');
  });
});

test('defstruct @enforce_keys takes the fields from the attribute and enforces them', () => {
  const src = `
    defmodule Job do
      @enforce_keys [:id, :owner]
      defstruct @enforce_keys
    end
    try do
      struct!(Job, id: 1)
    rescue
      e in ArgumentError -> {%Job{id: 1, owner: self()}.id, e.message}
    end`;
  expect(run(src)).toBe('{1, "the following keys must also be given when building struct Job: [:owner]"}');
});
