import { describe, expect, test } from 'vitest';
import { langNode, run, runMessage, spawnEval, expectNeverHoldsScheduler } from '../vm-test-helpers.ts';

// Infinite and long streams are ordinary preemptible Elixir code: a process consuming one
// never holds its node's scheduler, and every other process keeps its slices.
describe('an infinite stream never freezes the node', () => {
  const walks: [string, string][] = [
    ['Stream.run of an infinite cycle', 'Stream.cycle([1, 2, 3]) |> Stream.run()'],
    ['Enum.to_list of an infinite iterate', 'Stream.iterate(0, &(&1 + 1)) |> Enum.to_list()'],
    ['a stage pipeline that never matches', 'Stream.repeatedly(fn -> 1 end) |> Stream.filter(&(&1 > 1)) |> Enum.take(1)'],
    ['a for over a stream', 'for x <- Stream.take(Stream.iterate(0, &(&1 + 1)), 50_000_000), reduce: 0 do acc -> acc + x end'],
    ['zip of two infinite streams', 'Stream.zip(Stream.cycle([:a]), Stream.iterate(0, &(&1 + 1))) |> Stream.run()'],
    ['flat_map of an infinite stream', 'Stream.flat_map(Stream.cycle([1]), &[&1, &1]) |> Enum.count()'],
  ];
  for (const [name, src] of walks) {
    test(name, () => {
      const t = langNode();
      expectNeverHoldsScheduler(t, spawnEval(t, src));
    }, 60_000);
  }
});

describe('streams: laziness and cleanup', () => {
  test('only the elements taken are computed', () => {
    expect(run('Stream.map(1..1_000_000_000, fn x -> send(self(), x); x end) |> Enum.take(3); Process.info(self(), :message_queue_len)')).toBe(
      '{:message_queue_len, 3}',
    );
  });

  test('resource runs its after-fun when a consumer stops early', () => {
    expect(
      run(
        'Stream.resource(fn -> 0 end, fn n -> {[n], n + 1} end, fn n -> send(self(), {:closed, n}) end) |> Stream.zip([:a, :b]) |> Enum.to_list(); receive do m -> m after 0 -> :none end',
      ),
    ).toBe('{:closed, 3}'); // as real iex: zip pulls the resource's third element before the list ends
  });

  test('a stream is enumerated again from its start', () => {
    expect(run('s = Stream.with_index(Stream.take(Stream.cycle([:x, :y]), 3)); {Enum.to_list(s), Enum.count(s)}')).toBe(
      '{[x: 0, y: 1, x: 2], 3}',
    );
  });

  test('a done-stage flushes after an upstream take halts', () => {
    expect(run('1..10 |> Stream.take(5) |> Stream.chunk_every(2) |> Enum.to_list()')).toBe('[[1, 2], [3, 4], [5]]');
  });

  test('a stage after a done-stage sees its trailing elements', () => {
    expect(run('1..5 |> Stream.chunk_every(2) |> Stream.map(&Enum.sum/1) |> Enum.to_list()')).toBe('[3, 7, 5]');
  });
});

describe('streams: errors in Elixir’s words', () => {
  test('a non-enumerable source raises Protocol.UndefinedError when enumerated', () => {
    expect(runMessage('Stream.map(42, & &1) |> Enum.to_list()')).toBe(
      '** (Protocol.UndefinedError) protocol Enumerable not implemented for 42 of type Integer',
    );
  });

  test('a struct that is not enumerable', () => {
    expect(runMessage('Enum.map(%{__struct__: Foo, a: 1}, & &1)')).toBe(
      '** (Protocol.UndefinedError) protocol Enumerable not implemented for %{__struct__: Foo, a: 1} of type Foo (a struct)',
    );
  });

  test('cycling an empty list', () => {
    expect(runMessage('Stream.cycle([]) |> Enum.take(1)')).toBe('** (ArgumentError) cannot cycle over an empty enumerable');
  });

  test('for reduce: with no matching clause raises CaseClauseError', () => {
    expect(runMessage('for x <- [1, 2], reduce: :a do\n :b -> x\nend')).toBe('** (CaseClauseError) no case clause matching: :a');
  });
});

