/** Section 1 constructs of the shell issue, evaluated end to end (parse → compile → VM). */
import { describe, expect, it } from 'vitest';
import { run, langNode, evalText } from './vm-test-helpers.ts';
import { advanceAndRun } from '../runtime/testing.ts';
import { inspectPretty } from '../term/inspect.ts';
import { spawnEval } from './vm-test-helpers.ts';

describe('constructs', () => {
  it.each([
    ['f = fn 0 -> :zero; n when n > 0 -> :pos; _ -> :neg end; {f.(0), f.(3), f.(-1)}', '{:zero, :pos, :neg}'],
    ['add = &(&1 + &2); add.(2, 3)', '5'],
    ['inc = &(&1 + 1); Enum.map([1, 2, 3], inc)', '[2, 3, 4]'],
    ['f = &Kernel.elem/2; f.({:a, :b}, 1)', ':b'],
    ['&Enum.map/2', '&Enum.map/2'],
    ['&is_atom/1', '&:erlang.is_atom/1'],
    ['fn x -> x end', '#Function<42.3316493/1 in :erl_eval.expr/6>'],
    ['fn -> 1 end', '#Function<43.3316493/0 in :erl_eval.expr/6>'],
    ['[1, 2, 3] |> Enum.map(fn x -> x * 2 end) |> Enum.sum()', '12'],
    ['"abc" |> String.upcase()', '"ABC"'],
    ['x = 5; "x is #{x} and #{:ok} #{1.5} #{"s"}"', '"x is 5 and ok 1.5 s"'],
    ['"a" <> "b" <> "c"', '"abc"'],
    ['"hello " <> rest = "hello world"; rest', '"world"'],
    ['[1, 2] ++ [3] -- [1]', '[1, 2, 3]'],
    ['([1, 2] ++ [3]) -- [1]', '[2, 3]'],
    ['r = 1..5; {r.first, r.last, r.step}', '{1, 5, 1}'],
    ['3 in 1..5', 'true'],
    [':a in [:b, :c]', 'false'],
    ['x = 1; ^x = 1', '1'],
    ['{a, [b | c], %{k: d}} = {1, [2, 3], %{k: 4, j: 5}}; {a, b, c, d}', '{1, 2, [3], 4}'],
    ['m = %{a: 1, b: 2}; {m.a, %{m | a: 10}}', '{1, %{a: 10, b: 2}}'],
    ['%{"k" => 1}', '%{"k" => 1}'],
    ['t = {1, 2, 3}; {elem(t, 0), put_elem(t, 1, :x), tuple_size(t)}', '{1, {1, :x, 3}, 3}'],
    ['cond do 1 > 2 -> :a; true -> :b end', ':b'],
    ['unless false, do: :ran', ':ran'],
    ['if nil, do: 1', 'nil'],
    ['with {:ok, a} <- {:ok, 1}, {:ok, b} <- {:ok, 2} do a + b end', '3'],
    ['with {:ok, a} <- {:error, :x} do a end', '{:error, :x}'],
    ['for x <- [1, 2, 3], y <- [:a, :b], x != 2, do: {x, y}', '[{1, :a}, {1, :b}, {3, :a}, {3, :b}]'],
    ['for {k, v} <- %{a: 1, b: 2}, into: %{}, do: {k, v * 10}', '%{a: 10, b: 20}'],
    ['for x <- 1..3, into: "", do: "#{x}"', '"123"'],
    ['for {:ok, x} <- [{:ok, 1}, :err, {:ok, 2}], do: x', '[1, 2]'],
    ['try do raise "x" rescue e in RuntimeError -> {:rescued, e.message} end', '{:rescued, "x"}'],
    ['try do 1 = 2 rescue e in MatchError -> e.term end', '2'],
    ['try do throw :t catch :throw, v -> {:caught, v} end', '{:caught, :t}'],
    ['try do throw :t catch v -> v end', ':t'],
    ['try do exit(:e) catch :exit, r -> r end', ':e'],
    ['try do :ok else :ok -> :else_ran end', ':else_ran'],
    ['try do raise ArgumentError rescue _ -> :any end', ':any'],
    ['try do hd([]) rescue e in ArgumentError -> :badarg end', ':badarg'],
    ['try do 1 / 0 rescue e -> {e.__struct__, e.message} end', '{ArithmeticError, "bad argument in arithmetic expression"}'],
    ['x = try do :body after send(self(), :after_ran) end; receive do m -> {x, m} end', '{:body, :after_ran}'],
    ['try do try do raise "in" after send(self(), :a) end rescue _ -> receive do m -> m end end', ':a'],
    ['9_007_199_254_740_993 * 3', '27021597764222979'],
    ['div(-7, 2)', '-3'],
    ['rem(-7, 2)', '-1'],
    ['abs(-3)', '3'],
    ['{max(1, 2), min(:a, 1), round(2.5), trunc(-2.7)}', '{2, 1, 3, -2}'],
    ['is_function(fn x, y -> x end, 2)', 'true'],
    ['apply(fn a, b -> a - b end, [5, 3])', '2'],
    ['apply(Enum, :reverse, [[1, 2]])', '[2, 1]'],
    ['apply(Kernel, :+, [1, 2])', '3'],
    ['"#{[104, 105]}"', '"hi"'],
    ['to_string(:ok)', '"ok"'],
    ['inspect({1, "a"})', '"{1, \\"a\\"}"'],
    ['self() == self()', 'true'],
    ['node()', ':nonode@nohost'],
    ['length([1, 2, 3]) + map_size(%{a: 1})', '4'],
    ['x = 1\nx = x + 1\nx', '2'],
    ['~w(a b c)', '["a", "b", "c"]'],
  ])('%s', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe('modules', () => {
  it('defmodule answers like iex and defines callable functions', () => {
    const t = langNode();
    const out = evalText(t, 'defmodule A do def f, do: 1 end');
    expect(out.startsWith('{:module, A, <<70, 79, 82, 49, ')).toBe(true);
    expect(out.endsWith(', ...>>, {:f, 0}}')).toBe(true);
    expect(evalText(t, 'A.f()')).toBe('1');
    expect(evalText(t, 'A.f')).toBe('1');
  });

  it('an empty module answers nil, one ending in an attribute :ok (as iex)', () => {
    const t = langNode();
    expect(evalText(t, 'defmodule Empty do\nend').endsWith(', ...>>, nil}')).toBe(true);
    expect(evalText(t, 'defmodule Attr do\n@x 1\nend').endsWith(', ...>>, :ok}')).toBe(true);
  });

  it('prints the module binary as iex does, 80 columns', () => {
    const t = langNode();
    const ev = spawnEval(t, 'defmodule A do def f, do: 1 end');
    advanceAndRun(t.clock, 10, t.node);
    const text = inspectPretty((ev.result as unknown as { value: never }).value, 80);
    expect(text.split('\n')[0]).toBe('{:module, A,');
    expect(text.split('\n')[1]?.startsWith(' <<70, 79, 82, 49, ')).toBe(true);
  });

  it('attributes, defaults, guards, private helpers, __MODULE__, multi-clause, recursion', () => {
    const t = langNode();
    const src = `
      defmodule M do
        @base 10
        @name :m
        def add(x, y \\\\ @base), do: x + y
        def name, do: @name
        def mod, do: __MODULE__
        def classify(x) when is_integer(x) and x > 0, do: :pos
        def classify(x) when is_integer(x), do: :nonpos
        def classify(_), do: :other
        def fact(0), do: 1
        def fact(n), do: n * fact(n - 1)
        def twice(x), do: helper(helper(x))
        defp helper(x), do: x * 2
        @base 100
        def base, do: @base
      end`;
    expect(evalText(t, src)).toMatch(/{:base, 0}}$/);
    expect(evalText(t, '{M.add(1), M.add(1, 2), M.name(), M.mod()}')).toBe('{11, 3, :m, M}');
    expect(evalText(t, '{M.classify(5), M.classify(-1), M.classify(:a)}')).toBe('{:pos, :nonpos, :other}');
    expect(evalText(t, 'M.fact(25)')).toBe('15511210043330985984000000');
    expect(evalText(t, '{M.twice(3), M.base()}')).toBe('{12, 100}');
    expect(evalText(t, 'spawn(M, :fact, [3]) |> is_pid()')).toBe('true');
  });

  it('module tables are per node', () => {
    const a = langNode();
    const b = langNode();
    evalText(a, 'defmodule OnlyA do def hi, do: :a end');
    expect(evalText(a, 'OnlyA.hi()')).toBe(':a');
    expect(evalText(b, 'OnlyA.hi()')).toBe('** (UndefinedFunctionError) function OnlyA.hi/0 is undefined (module OnlyA is not available)');
  });

  it('redefining a module replaces it for remote calls', () => {
    const t = langNode();
    evalText(t, 'defmodule R do def v, do: 1 end');
    expect(evalText(t, 'R.v')).toBe('1');
    evalText(t, 'defmodule R do def v, do: 2 end');
    expect(evalText(t, 'R.v')).toBe('2');
  });

  it('the Ticker scenario: spawn(__MODULE__, ...), receive with after, IO.puts', () => {
    const t = langNode();
    const src = `
      defmodule Ticker do
        @interval 2000
        def start do
          pid = spawn(__MODULE__, :generator, [[]])
          Process.register(pid, :ticker)
          pid
        end
        def register(client_pid), do: send(:ticker, {:register, client_pid})
        def generator(clients) do
          receive do
            {:register, pid} ->
              IO.puts "registering #{inspect pid}"
              generator([pid | clients])
          after
            @interval ->
              IO.puts "tick"
              Enum.each clients, fn client -> send client, {:tick} end
              generator(clients)
          end
        end
      end
      defmodule Client do
        def start do
          pid = spawn(__MODULE__, :receiver, [])
          Ticker.register(pid)
        end
        def receiver do
          receive do
            {:tick} ->
              IO.puts "tock in client"
              receiver()
          end
        end
      end`;
    expect(evalText(t, src, 0)).toMatch(/^{:module, Client,/);
    expect(evalText(t, 'Ticker.start', 0)).toMatch(/^#PID<0\.\d+\.0>$/);
    expect(evalText(t, 'Client.start', 0)).toMatch(/^{:register, #PID<0\.\d+\.0>}$/);
    advanceAndRun(t.clock, 4100, t.node);
    const lines = t.out.join('').split('\n').filter((l) => l !== '');
    expect(lines[0]).toMatch(/^registering #PID<0\.\d+\.0>$/);
    expect(lines.slice(1)).toEqual(['tick', 'tock in client', 'tick', 'tock in client']);
  });

  it('IO.puts to the group leader waits for the reply and returns :ok; IO.inspect returns its argument', () => {
    const t = langNode();
    expect(evalText(t, 'IO.puts("hello")')).toBe(':ok');
    expect(evalText(t, 'IO.inspect({1, 2}, label: "t")')).toBe('{1, 2}');
    expect(evalText(t, 'IO.puts(:erlang.group_leader(), "direct")')).toBe(':ok');
    expect(t.out.join('')).toBe('hello\nt: {1, 2}\ndirect\n');
  });
});

describe('binaries, operator captures, range steps and =~ (outputs of real iex 1.14)', () => {
  it.each([
    ['<<104, 101>>', '"he"'],
    ['<<1, 2, 3>>', '<<1, 2, 3>>'],
    ['<<>>', '""'],
    ['<<1, "ab">>', '<<1, 97, 98>>'],
    ['&+/2', '&:erlang.+/2'],
    ['sum = &Kernel.+/2; sum.(3, 4)', '7'],
    ['&Kernel.+/2', '&:erlang.+/2'],
    ['Enum.reduce([1, 2, 3], 0, &+/2)', '6'],
    ['Enum.map([[1], [2]], &(&1 ++ [0]))', '[[1, 0], [2, 0]]'],
    [':erlang.++([1], [2])', '[1, 2]'],
    ['Kernel.-(5, 3)', '2'],
    ['1..10//2', '1..10//2'],
    ['Enum.to_list(1..10//3)', '[1, 4, 7, 10]'],
    ['5 in 1..10//2', 'true'],
    ['"abc" =~ "b"', 'true'],
    ['"abc" =~ "x"', 'false'],
    ['"abc" =~ ""', 'true'],
  ])('%s', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});
