# :timer's seconds/minutes/hours/hms (and their ArithmeticError, blamed as timer.erl's folded products), sleep's :timeout_value,
# tc/1,2,3 and their errors, and which compiled arithmetic keeps :erlang's frame when it fails (*, div, rem, unary -) and which does not (+ 1, /, floats). Captured from piped input.
iex(1)> :timer.seconds(2)
2000
iex(2)> :timer.minutes(2)
120000
iex(3)> :timer.hours(1)
3600000
iex(4)> :timer.hms(1, 2, 3)
3723000
iex(5)> :timer.seconds(1.5)
1500.0
iex(6)> :timer.seconds(-1)
-1000
iex(7)> :timer.seconds(:a)
** (ArithmeticError) bad argument in arithmetic expression: :a * 1000
    :erlang.*(:a, 1000)
    (stdlib 4.2) timer.erl:289: :timer.seconds/1
iex(7)> :timer.minutes(:a)
** (ArithmeticError) bad argument in arithmetic expression: :a * 60000
    :erlang.*(:a, 60000)
    (stdlib 4.2) timer.erl:295: :timer.minutes/1
iex(7)> :timer.hours(:a)
** (ArithmeticError) bad argument in arithmetic expression: :a * 3600000
    :erlang.*(:a, 3600000)
    (stdlib 4.2) timer.erl:301: :timer.hours/1
iex(7)> :timer.hms(1, :a, 2)
** (ArithmeticError) bad argument in arithmetic expression: :a * 60000
    :erlang.*(:a, 60000)
    (stdlib 4.2) timer.erl:295: :timer.minutes/1
    (stdlib 4.2) timer.erl:309: :timer.hms/3
iex(7)> :timer.sleep(10)
:ok
iex(8)> :timer.sleep(:a)
** (ErlangError) Erlang error: :timeout_value
    (stdlib 4.2) timer.erl:219: :timer.sleep/1
iex(8)> :timer.sleep(-1)
** (ErlangError) Erlang error: :timeout_value
    (stdlib 4.2) timer.erl:219: :timer.sleep/1
iex(8)> :timer.sleep(1.0)
** (ErlangError) Erlang error: :timeout_value
    (stdlib 4.2) timer.erl:219: :timer.sleep/1
iex(8)> {t, v} = :timer.tc(fn -> :done end); {is_integer(t) and t >= 0, v}
{true, :done}
iex(9)> {_, v} = :timer.tc(fn x -> x * 2 end, [5]); v
10
iex(10)> {_, v} = :timer.tc(Enum, :count, [[1, 2]]); v
2
iex(11)> :timer.tc(:a)
** (BadFunctionError) expected a function, got: :a
    (stdlib 4.2) timer.erl:235: :timer.tc/1
    (stdlib 4.2) timer.erl:235: :timer.tc/1
iex(11)> :timer.tc(Enum, :nope, [])
** (UndefinedFunctionError) function Enum.nope/0 is undefined or private
    (elixir 1.14.0) Enum.nope()
    (stdlib 4.2) timer.erl:266: :timer.tc/3
iex(11)> defmodule T do
...(11)>   def b(x), do: x * 2
...(11)>   def c(x), do: x * 2.5
...(11)>   def d(x), do: div(x, 2)
...(11)>   def e(x), do: rem(x, 2)
...(11)>   def f(x), do: -x
...(11)>   def g(x), do: x / 2
...(11)>   def h(x), do: x + 1
...(11)> end
{:module, T,
 <<70, 79, 82, 49, 0, 0, 8, 168, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 187,
   0, 0, 0, 28, 8, 69, 108, 105, 120, 105, 114, 46, 84, 8, 95, 95, 105, 110,
   102, 111, 95, 95, 10, 97, 116, 116, 114, ...>>, {:h, 1}}
iex(12)> T.b(:a)
** (ArithmeticError) bad argument in arithmetic expression: :a * 2
    :erlang.*(:a, 2)
    iex:12: T.b/1
iex(12)> T.c(:a)
** (ArithmeticError) bad argument in arithmetic expression
    iex:13: T.c/1
iex(12)> T.d(:a)
** (ArithmeticError) bad argument in arithmetic expression: div(:a, 2)
    :erlang.div(:a, 2)
    iex:14: T.d/1
iex(12)> T.e(:a)
** (ArithmeticError) bad argument in arithmetic expression: rem(:a, 2)
    :erlang.rem(:a, 2)
    iex:15: T.e/1
iex(12)> T.f(:a)
** (ArithmeticError) bad argument in arithmetic expression: -(:a)
    :erlang.-(:a)
    iex:16: T.f/1
iex(12)> T.g(:a)
** (ArithmeticError) bad argument in arithmetic expression
    iex:17: T.g/1
iex(12)> T.h(:a)
** (ArithmeticError) bad argument in arithmetic expression
    iex:18: T.h/1
