# elem/2 and put_elem/3 fail as :erlang.element/setelement with the index plus one (a non-integer index as :erlang.+); raise FunctionClauseError with no fields; reraise/3 builds the exception with Mod.exception/1 and keeps the given stacktrace. Captured from piped input.
# stacks: compared
iex(1)> elem({1}, :a)
** (ArithmeticError) bad argument in arithmetic expression: :a + 1
    :erlang.+(:a, 1)
iex(1)> elem(:x, 0)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a tuple

    :erlang.element(1, :x)
iex(1)> elem({1}, -1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: out of range

    :erlang.element(0, {1})
iex(1)> elem({1, 2}, 1)
2
iex(2)> put_elem({1}, 5, 0)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: out of range

    :erlang.setelement(6, {1}, 0)
iex(2)> put_elem(:x, 0, 1)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a tuple

    :erlang.setelement(1, :x, 1)
iex(2)> put_elem({1, 2}, 0, :a)
{:a, 2}
iex(3)> raise FunctionClauseError
** (FunctionClauseError) no function clause matches

iex(3)> try do raise FunctionClauseError rescue e -> Exception.message(e) end
"no function clause matches"
iex(4)> try do raise "x" rescue e -> reraise ArgumentError, [message: "y #{e.message}"], __STACKTRACE__ end
** (ArgumentError) y x

iex(4)> defmodule MyErr do
...(4)>   defexception [:a]
...(4)>   def message(e), do: "my #{e.a}"
...(4)> end
{:module, MyErr,
 <<70, 79, 82, 49, 0, 0, 15, 20, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 193,
   0, 0, 0, 43, 12, 69, 108, 105, 120, 105, 114, 46, 77, 121, 69, 114, 114, 8,
   95, 95, 105, 110, 102, 111, 95, 95, 10, ...>>, {:message, 1}}
iex(5)> try do raise "x" rescue _ -> reraise MyErr, [a: 1], __STACKTRACE__ end
** (MyErr) my 1

iex(5)> try do try do raise "x" rescue _ -> reraise MyErr, [a: 2], __STACKTRACE__ end rescue e -> {e, length(__STACKTRACE__) > 0} end
{%MyErr{a: 2}, true}
