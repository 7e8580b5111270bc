# defmodule: def/defp, clauses, guards, defaults, one-liners, attributes, __MODULE__, recursion, redefinition
iex(1)> defmodule Math do
...(1)>   def add(a, b), do: a + b
...(1)>   def sum([]), do: 0
...(1)>   def sum([h | t]), do: h + sum(t)
...(1)>   defp secret, do: 42
...(1)>   def reveal, do: secret()
...(1)> end
{:module, Math,
 <<70, 79, 82, 49, 0, 0, 7, 24, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 186,
   0, 0, 0, 21, 11, 69, 108, 105, 120, 105, 114, 46, 77, 97, 116, 104, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>, {:reveal, 0}}
iex(2)> Math.add(1, 2)
3
iex(3)> Math.add 1, 2
3
iex(4)> Math.sum([1, 2, 3])
6
iex(5)> Math.reveal
42
iex(6)> Math.reveal()
42
iex(7)> Math.secret()
** (UndefinedFunctionError) function Math.secret/0 is undefined or private
    Math.secret()
iex(7)> defmodule Greeter do
...(7)>   @greeting "Hello"
...(7)>   def hello(name \\ "world"), do: "#{@greeting}, #{name}!"
...(7)>   def who, do: __MODULE__
...(7)> end
{:module, Greeter,
 <<70, 79, 82, 49, 0, 0, 7, 84, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 223,
   0, 0, 0, 23, 14, 69, 108, 105, 120, 105, 114, 46, 71, 114, 101, 101, 116,
   101, 114, 8, 95, 95, 105, 110, 102, 111, 95, ...>>, {:who, 0}}
iex(8)> Greeter.hello
"Hello, world!"
iex(9)> Greeter.hello("Ann")
"Hello, Ann!"
iex(10)> Greeter.who
Greeter
iex(11)> defmodule Kind do
...(11)>   def of(x) when is_integer(x) and x > 0, do: :positive
...(11)>   def of(x) when is_integer(x), do: :non_positive
...(11)>   def of(x) when is_atom(x) or is_binary(x), do: :word
...(11)> end
{:module, Kind,
 <<70, 79, 82, 49, 0, 0, 5, 236, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 192,
   0, 0, 0, 20, 11, 69, 108, 105, 120, 105, 114, 46, 75, 105, 110, 100, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>, {:of, 1}}
iex(12)> Kind.of(3)
:positive
iex(13)> Kind.of(-1)
:non_positive
iex(14)> Kind.of(:a)
:word
iex(15)> Kind.of(1.5)
** (FunctionClauseError) no function clause matching in Kind.of/1

    The following arguments were given to Kind.of/1:

        # 1
        1.5

    iex:12: Kind.of/1
iex(15)> defmodule Math do
...(15)>   def add(a, b), do: a + b + 0
...(15)> end
warning: redefining module Math (current version defined in memory)
  iex:15

{:module, Math,
 <<70, 79, 82, 49, 0, 0, 5, 84, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 168,
   0, 0, 0, 18, 11, 69, 108, 105, 120, 105, 114, 46, 77, 97, 116, 104, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>, {:add, 2}}
iex(16)> Math.add(2, 2)
4
iex(17)> Math.sum([1])
** (UndefinedFunctionError) function Math.sum/1 is undefined or private
    Math.sum([1])
iex(17)> defmodule Counter do
...(17)>   def loop(n) do
...(17)>     receive do
...(17)>       {:inc} -> loop(n + 1)
...(17)>       {:get, from} ->
...(17)>         send(from, n)
...(17)>         loop(n)
...(17)>     end
...(17)>   end
...(17)> end
{:module, Counter,
 <<70, 79, 82, 49, 0, 0, 6, 104, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 185,
   0, 0, 0, 21, 14, 69, 108, 105, 120, 105, 114, 46, 67, 111, 117, 110, 116,
   101, 114, 8, 95, 95, 105, 110, 102, 111, 95, ...>>, {:loop, 1}}
iex(18)> c = spawn(Counter, :loop, [0])
#PID<0.180.0>
iex(19)> send c, {:inc}
{:inc}
iex(20)> send c, {:inc}
{:inc}
iex(21)> send c, {:get, self()}
{:get, #PID<0.108.0>}
iex(22)> receive do n -> n end
2
iex(23)> __MODULE__
nil
iex(24)> defmodule Empty do
...(24)> end
{:module, Empty,
 <<70, 79, 82, 49, 0, 0, 4, 56, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 163,
   0, 0, 0, 16, 12, 69, 108, 105, 120, 105, 114, 46, 69, 109, 112, 116, 121, 8,
   95, 95, 105, 110, 102, 111, 95, 95, 10, ...>>, nil}
iex(25)> defmodule Nested.Name do
...(25)>   def hi, do: :hi
...(25)> end
{:module, Nested.Name,
 <<70, 79, 82, 49, 0, 0, 5, 16, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 172,
   0, 0, 0, 17, 18, 69, 108, 105, 120, 105, 114, 46, 78, 101, 115, 116, 101,
   100, 46, 78, 97, 109, 101, 8, 95, 95, 105, ...>>, {:hi, 0}}
iex(26)> Nested.Name.hi
:hi
iex(27)> defmodule Self do
...(27)>   def name, do: __MODULE__
...(27)>   def spawner, do: spawn(__MODULE__, :work, [self()])
...(27)>   def work(parent), do: send(parent, {:done, __MODULE__})
...(27)> end
{:module, Self,
 <<70, 79, 82, 49, 0, 0, 6, 212, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 196,
   0, 0, 0, 22, 11, 69, 108, 105, 120, 105, 114, 46, 83, 101, 108, 102, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>, {:work, 1}}
iex(28)> Self.spawner |> is_pid
true
iex(29)> receive do m -> m end
{:done, Self}
