# `x in enumerable` is Enum.member?/2: a user's struct with an Enumerable (member? answering, or {:error, _} falling back to reduce),
# MapSet, a stepped Range, maps by {key, value}, a struct without Enumerable, `in` a stepped range in a guard.
iex(1)> defmodule Bag do
...(1)>   defstruct items: []
...(1)>   defimpl Enumerable do
...(1)>     def count(%Bag{items: i}), do: {:ok, length(i)}
...(1)>     def member?(%Bag{items: i}, x), do: {:ok, x in i}
...(1)>     def reduce(%Bag{items: i}, acc, f), do: Enumerable.List.reduce(i, acc, f)
...(1)>     def slice(_), do: {:error, __MODULE__}
...(1)>   end
...(1)> end
{:module, Bag,
 <<70, 79, 82, 49, 0, 0, 7, 156, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 246,
   0, 0, 0, 22, 10, 69, 108, 105, 120, 105, 114, 46, 66, 97, 103, 8, 95, 95,
   105, 110, 102, 111, 95, 95, 10, 97, 116, ...>>,
 {:module, Enumerable.Bag,
  <<70, 79, 82, 49, 0, 0, 10, 196, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 84,
    0, 0, 0, 33, 21, 69, 108, 105, 120, 105, 114, 46, 69, 110, 117, 109, 101,
    114, 97, 98, 108, 101, 46, ...>>, {:slice, 1}}}
iex(2)> bag = %Bag{items: [1, 2, 3]}
%Bag{items: [1, 2, 3]}
iex(3)> 2 in bag
true
iex(4)> 5 in bag
false
iex(5)> 5 not in bag
true
iex(6)> ms = MapSet.new([1, 2, 3])
MapSet.new([1, 2, 3])
iex(7)> 2 in ms
true
iex(8)> {2, true} in ms
false
iex(9)> 4 in ms
false
iex(10)> r = 1..10//3
1..10//3
iex(11)> 4 in r
true
iex(12)> 5 in r
false
iex(13)> 10 in r
true
iex(14)> 1.0 in 1..3
false
iex(15)> m = %{a: 1}
%{a: 1}
iex(16)> {:a, 1} in m
true
iex(17)> {:a, 1.0} in m
false
iex(18)> defmodule Plain do
...(18)>   defstruct a: 1
...(18)> end
{:module, Plain,
 <<70, 79, 82, 49, 0, 0, 7, 160, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 248,
   0, 0, 0, 22, 12, 69, 108, 105, 120, 105, 114, 46, 80, 108, 97, 105, 110, 8,
   95, 95, 105, 110, 102, 111, 95, 95, 10, ...>>, %Plain{a: 1}}
iex(19)> 1 in %Plain{}
** (Protocol.UndefinedError) protocol Enumerable not implemented for %Plain{a: 1} of type Plain (a struct)
    (elixir 1.14.0) lib/enum.ex:1: Enumerable.impl_for!/1
    (elixir 1.14.0) lib/enum.ex:194: Enumerable.member?/2
    (elixir 1.14.0) lib/enum.ex:1960: Enum.member?/2
iex(19)> {:a, 1} in %Plain{}
** (Protocol.UndefinedError) protocol Enumerable not implemented for %Plain{a: 1} of type Plain (a struct)
    (elixir 1.14.0) lib/enum.ex:1: Enumerable.impl_for!/1
    (elixir 1.14.0) lib/enum.ex:194: Enumerable.member?/2
    (elixir 1.14.0) lib/enum.ex:1960: Enum.member?/2
iex(19)> defmodule G do
...(19)>   def small(x) when x in 1..5//2, do: :odd_small
...(19)>   def small(_), do: :other
...(19)> end
{:module, G,
 <<70, 79, 82, 49, 0, 0, 6, 60, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 187,
   0, 0, 0, 21, 8, 69, 108, 105, 120, 105, 114, 46, 71, 8, 95, 95, 105, 110,
   102, 111, 95, 95, 10, 97, 116, 116, 114, ...>>, {:small, 1}}
iex(20)> G.small(3)
:odd_small
iex(21)> G.small(2)
:other
iex(22)> defmodule Lazy do
...(22)>   defstruct []
...(22)>   defimpl Enumerable do
...(22)>     def count(_), do: {:error, __MODULE__}
...(22)>     def member?(_, _), do: {:error, __MODULE__}
...(22)>     def reduce(_, acc, f), do: Enumerable.List.reduce([:a, :b], acc, f)
...(22)>     def slice(_), do: {:error, __MODULE__}
...(22)>   end
...(22)> end
{:module, Lazy,
 <<70, 79, 82, 49, 0, 0, 7, 76, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 247,
   0, 0, 0, 22, 11, 69, 108, 105, 120, 105, 114, 46, 76, 97, 122, 121, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>,
 {:module, Enumerable.Lazy,
  <<70, 79, 82, 49, 0, 0, 9, 184, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 47,
    0, 0, 0, 28, 22, 69, 108, 105, 120, 105, 114, 46, 69, 110, 117, 109, 101,
    114, 97, 98, 108, 101, 46, ...>>, {:slice, 1}}}
iex(23)> :b in %Lazy{}
true
iex(24)> :c in %Lazy{}
false
iex(25)> 1 in 5
** (Protocol.UndefinedError) protocol Enumerable not implemented for 5 of type Integer
    (elixir 1.14.0) lib/enum.ex:1: Enumerable.impl_for!/1
    (elixir 1.14.0) lib/enum.ex:194: Enumerable.member?/2
    (elixir 1.14.0) lib/enum.ex:1960: Enum.member?/2
