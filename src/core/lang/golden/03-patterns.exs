# Pattern matching with =, pins, lists, tuples, maps, binaries, and match failures
iex(1)> {a, b} = {1, 2}
{1, 2}
iex(2)> a
1
iex(3)> b
2
iex(4)> [x, y | rest] = [1, 2, 3, 4]
[1, 2, 3, 4]
iex(5)> rest
[3, 4]
iex(6)> %{name: n} = %{name: "Ann", age: 3}
%{age: 3, name: "Ann"}
iex(7)> n
"Ann"
iex(8)> {:ok, v} = {:error, :nope}
** (MatchError) no match of right hand side value: {:error, :nope}

iex(8)> [_, second | _] = [:a, :b, :c]
[:a, :b, :c]
iex(9)> second
:b
iex(10)> "hello " <> who = "hello joe"
"hello joe"
iex(11)> who
"joe"
iex(12)> x = 1
1
iex(13)> ^x = 1
1
iex(14)> {^x, y} = {1, 2}
{1, 2}
iex(15)> y
2
iex(16)> {^x, y} = {2, 2}
** (MatchError) no match of right hand side value: {2, 2}

iex(16)> [c, c] = [1, 1]
[1, 1]
iex(17)> [c, c] = [1, 2]
** (MatchError) no match of right hand side value: [1, 2]

iex(17)> {a, b} = {1, 2, 3}
** (MatchError) no match of right hand side value: {1, 2, 3}

iex(17)> %{} = %{a: 1}
%{a: 1}
iex(18)> [h | t] = []
** (MatchError) no match of right hand side value: []

iex(18)> _ = 42
42
iex(19)> {_, {inner, _}} = {0, {:deep, 1}}
{0, {:deep, 1}}
iex(20)> inner
:deep
iex(21)> %{a: 1} = %{a: 2}
** (MatchError) no match of right hand side value: %{a: 2}

