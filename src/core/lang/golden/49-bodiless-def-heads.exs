# Elixir 1.14 iex session: a def head with defaults and no body, followed by the function's clauses (def and defp, one and two defaults, guards).
# Captured from piped input (iex < lines), each typed line put back after its prompt.
iex(1)> defmodule Dh do
...(1)>   def f(a, b \\ 1)
...(1)>   def f(a, b) when a > 0, do: a + b
...(1)>   def f(a, b), do: a - b
...(1)> end
{:module, Dh,
 <<70, 79, 82, 49, 0, 0, 6, 48, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 166,
   0, 0, 0, 19, 9, 69, 108, 105, 120, 105, 114, 46, 68, 104, 8, 95, 95, 105,
   110, 102, 111, 95, 95, 10, 97, 116, 116, ...>>, {:f, 2}}
iex(2)> Dh.f(2)
3
iex(3)> Dh.f(-2)
-3
iex(4)> Dh.f(2, 5)
7
iex(5)> defmodule Dh2 do
...(5)>   def g(x \\ :none)
...(5)>   def g(:none), do: :default
...(5)>   def g(x), do: {:given, x}
...(5)> end
{:module, Dh2,
 <<70, 79, 82, 49, 0, 0, 5, 224, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 182,
   0, 0, 0, 20, 10, 69, 108, 105, 120, 105, 114, 46, 68, 104, 50, 8, 95, 95,
   105, 110, 102, 111, 95, 95, 10, 97, 116, ...>>, {:g, 1}}
iex(6)> Dh2.g()
:default
iex(7)> Dh2.g(3)
{:given, 3}
iex(8)> defmodule Dh3 do
...(8)>   def h(a, b \\ 2, c \\ 3)
...(8)>   def h(a, b, c) when is_integer(a), do: a + b + c
...(8)>   def h(a, b, c), do: {a, b, c}
...(8)>   def p(x), do: q(x)
...(8)>   defp q(x, y \\ 10)
...(8)>   defp q(x, y), do: x * y
...(8)> end
{:module, Dh3,
 <<70, 79, 82, 49, 0, 0, 8, 12, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 171,
   0, 0, 0, 21, 10, 69, 108, 105, 120, 105, 114, 46, 68, 104, 51, 8, 95, 95,
   105, 110, 102, 111, 95, 95, 10, 97, 116, ...>>, {:q, 2}}
iex(9)> Dh3.h(1)
6
iex(10)> Dh3.h(1, 1)
5
iex(11)> Dh3.h(:a, 1, 1)
{:a, 1, 1}
iex(12)> Dh3.h(:a)
{:a, 2, 3}
iex(13)> Dh3.p(4)
40
