# Protocols: defprotocol/defimpl (for: lists, Any, @fallback_to_any, @derive, defimpl inside a
# module), dispatch on built-in types and structs, String.Chars (to_string, interpolation), a
# custom Inspect used by printing, Enumerable and Collectable for structs (Enum, for, into:), Protocol.UndefinedError.
# Captured from piped input (iex < lines), each typed line put back after its prompt.
iex(1)> defprotocol Size do
...(1)>   @doc "The size"
...(1)>   def size(data)
...(1)> end
{:module, Size,
 <<70, 79, 82, 49, 0, 0, 20, 16, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 2, 194,
   0, 0, 0, 54, 11, 69, 108, 105, 120, 105, 114, 46, 83, 105, 122, 101, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>, {:__protocol__, 1}}
iex(2)> defimpl Size, for: BitString do
...(2)>   def size(s), do: byte_size(s)
...(2)> end
{:module, Size.BitString,
 <<70, 79, 82, 49, 0, 0, 7, 144, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 10,
   0, 0, 0, 25, 21, 69, 108, 105, 120, 105, 114, 46, 83, 105, 122, 101, 46, 66,
   105, 116, 83, 116, 114, 105, 110, 103, 8, ...>>, {:size, 1}}
iex(3)> defimpl Size, for: [List, Tuple] do
...(3)>   def size(l) when is_list(l), do: length(l)
...(3)>   def size(t), do: tuple_size(t)
...(3)> end
[
  {:module, Size.List,
   <<70, 79, 82, 49, 0, 0, 7, 216, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 8,
     0, 0, 0, 26, 16, 69, 108, 105, 120, 105, 114, 46, 83, 105, 122, 101, 46,
     76, 105, 115, 116, 8, 95, 95, 105, 110, ...>>, {:size, 1}},
  {:module, Size.Tuple,
   <<70, 79, 82, 49, 0, 0, 7, 220, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 10,
     0, 0, 0, 26, 17, 69, 108, 105, 120, 105, 114, 46, 83, 105, 122, 101, 46,
     84, 117, 112, 108, 101, 8, 95, 95, ...>>, {:size, 1}}
]
iex(4)> Size.size("abc")
3
iex(5)> Size.size([1, 2])
2
iex(6)> Size.size({1, 2, 3})
3
iex(7)> Size.size(1)
** (Protocol.UndefinedError) protocol Size not implemented for 1 of type Integer
    iex:1: Size.impl_for!/1
    iex:3: Size.size/1
iex(7)> Size.size(%{})
** (Protocol.UndefinedError) protocol Size not implemented for %{} of type Map
    iex:1: Size.impl_for!/1
    iex:3: Size.size/1
iex(7)> defmodule User do
...(7)>   defstruct name: "", age: 0
...(7)> end
{:module, User,
 <<70, 79, 82, 49, 0, 0, 7, 192, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 247,
   0, 0, 0, 22, 11, 69, 108, 105, 120, 105, 114, 46, 85, 115, 101, 114, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>, %User{name: "", age: 0}}
iex(8)> Size.size(%User{})
** (Protocol.UndefinedError) protocol Size not implemented for %User{name: "", age: 0} of type User (a struct)
    iex:1: Size.impl_for!/1
    iex:3: Size.size/1
iex(8)> defimpl Size, for: User do
...(8)>   def size(_), do: 2
...(8)> end
{:module, Size.User,
 <<70, 79, 82, 49, 0, 0, 7, 68, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 246,
   0, 0, 0, 24, 16, 69, 108, 105, 120, 105, 114, 46, 83, 105, 122, 101, 46, 85,
   115, 101, 114, 8, 95, 95, 105, 110, 102, ...>>, {:size, 1}}
iex(9)> Size.size(%User{})
2
iex(10)> Size.impl_for(1)
nil
iex(11)> Size.impl_for("x")
Size.BitString
iex(12)> Size.impl_for(%User{})
Size.User
iex(13)> defimpl String.Chars, for: User do
...(13)>   def to_string(u), do: "User(#{u.name})"
...(13)> end
{:module, String.Chars.User,
 <<70, 79, 82, 49, 0, 0, 8, 248, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 58,
   0, 0, 0, 32, 24, 69, 108, 105, 120, 105, 114, 46, 83, 116, 114, 105, 110,
   103, 46, 67, 104, 97, 114, 115, 46, 85, 115, ...>>, {:to_string, 1}}
iex(14)> to_string(%User{name: "Ana"})
"User(Ana)"
iex(15)> "hello #{%User{name: "Bo"}}"
"hello User(Bo)"
iex(16)> to_string(%{a: 1})
** (Protocol.UndefinedError) protocol String.Chars not implemented for %{a: 1} of type Map
    (elixir 1.14.0) lib/string/chars.ex:3: String.Chars.impl_for!/1
    (elixir 1.14.0) lib/string/chars.ex:22: String.Chars.to_string/1
iex(16)> "#{%{a: 1}}"
** (Protocol.UndefinedError) protocol String.Chars not implemented for %{a: 1} of type Map
    (elixir 1.14.0) lib/string/chars.ex:3: String.Chars.impl_for!/1
    (elixir 1.14.0) lib/string/chars.ex:22: String.Chars.to_string/1
iex(16)> defprotocol Describe do
...(16)>   @fallback_to_any true
...(16)>   def describe(x)
...(16)> end
{:module, Describe,
 <<70, 79, 82, 49, 0, 0, 19, 208, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 2, 219,
   0, 0, 0, 52, 15, 69, 108, 105, 120, 105, 114, 46, 68, 101, 115, 99, 114, 105,
   98, 101, 8, 95, 95, 105, 110, 102, 111, ...>>, {:__protocol__, 1}}
iex(17)> defimpl Describe, for: Any do
...(17)>   def describe(_), do: "something"
...(17)> end
{:module, Describe.Any,
 <<70, 79, 82, 49, 0, 0, 7, 124, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 0, 0,
   0, 0, 24, 19, 69, 108, 105, 120, 105, 114, 46, 68, 101, 115, 99, 114, 105,
   98, 101, 46, 65, 110, 121, 8, 95, 95, ...>>, {:describe, 1}}
iex(18)> defimpl Describe, for: Integer do
...(18)>   def describe(n), do: "the number #{n}"
...(18)> end
{:module, Describe.Integer,
 <<70, 79, 82, 49, 0, 0, 8, 124, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 56,
   0, 0, 0, 29, 23, 69, 108, 105, 120, 105, 114, 46, 68, 101, 115, 99, 114, 105,
   98, 101, 46, 73, 110, 116, 101, 103, 101, ...>>, {:describe, 1}}
iex(19)> Describe.describe(1)
"the number 1"
iex(20)> Describe.describe(:a)
"something"
iex(21)> Describe.describe(%User{})
"something"
iex(22)> defprotocol Shape do
...(22)>   def area(s)
...(22)> end
{:module, Shape,
 <<70, 79, 82, 49, 0, 0, 20, 20, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 2, 206,
   0, 0, 0, 54, 12, 69, 108, 105, 120, 105, 114, 46, 83, 104, 97, 112, 101, 8,
   95, 95, 105, 110, 102, 111, 95, 95, 10, ...>>, {:__protocol__, 1}}
iex(23)> defimpl Shape, for: Any do
...(23)>   def area(_), do: 0
...(23)> end
{:module, Shape.Any,
 <<70, 79, 82, 49, 0, 0, 7, 72, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 246,
   0, 0, 0, 24, 16, 69, 108, 105, 120, 105, 114, 46, 83, 104, 97, 112, 101, 46,
   65, 110, 121, 8, 95, 95, 105, 110, 102, ...>>, {:area, 1}}
iex(24)> defmodule Sq do
...(24)>   @derive [Shape]
...(24)>   defstruct side: 1
...(24)> end
{:module, Sq,
 <<70, 79, 82, 49, 0, 0, 7, 168, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 245,
   0, 0, 0, 22, 9, 69, 108, 105, 120, 105, 114, 46, 83, 113, 8, 95, 95, 105,
   110, 102, 111, 95, 95, 10, 97, 116, 116, ...>>, %Sq{side: 1}}
iex(25)> Shape.area(%Sq{})
0
iex(26)> Shape.area(3)
** (Protocol.UndefinedError) protocol Shape not implemented for 3 of type Integer
    iex:22: Shape.impl_for!/1
    iex:23: Shape.area/1
iex(26)> defmodule Celsius do
...(26)>   defstruct deg: 0
...(26)>   defimpl String.Chars do
...(26)>     def to_string(c), do: "#{c.deg}°C"
...(26)>   end
...(26)> end
{:module, Celsius,
 <<70, 79, 82, 49, 0, 0, 7, 180, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 250,
   0, 0, 0, 22, 14, 69, 108, 105, 120, 105, 114, 46, 67, 101, 108, 115, 105,
   117, 115, 8, 95, 95, 105, 110, 102, 111, 95, ...>>,
 {:module, String.Chars.Celsius,
  <<70, 79, 82, 49, 0, 0, 8, 244, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 63,
    0, 0, 0, 32, 27, 69, 108, 105, 120, 105, 114, 46, 83, 116, 114, 105, 110,
    103, 46, 67, 104, 97, 114, ...>>, {:to_string, 1}}}
iex(27)> "It is #{%Celsius{deg: 21}}"
"It is 21°C"
iex(28)> defimpl Inspect, for: Celsius do
...(28)>   def inspect(c, _opts), do: "#Celsius<#{c.deg}>"
...(28)> end
{:module, Inspect.Celsius,
 <<70, 79, 82, 49, 0, 0, 9, 36, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 81, 0,
   0, 0, 34, 22, 69, 108, 105, 120, 105, 114, 46, 73, 110, 115, 112, 101, 99,
   116, 46, 67, 101, 108, 115, 105, 117, 115, ...>>, {:inspect, 2}}
iex(29)> %Celsius{deg: 5}
#Celsius<5>
iex(30)> [%Celsius{deg: 1}, %Celsius{deg: 2}]
[#Celsius<1>, #Celsius<2>]
iex(31)> inspect(%Celsius{deg: 3})
"#Celsius<3>"
iex(32)> defmodule Bag do
...(32)>   defstruct items: []
...(32)>   defimpl Enumerable do
...(32)>     def count(b), do: {:ok, length(b.items)}
...(32)>     def member?(b, x), do: {:ok, x in b.items}
...(32)>     def slice(_), do: {:error, __MODULE__}
...(32)>     def reduce(b, acc, fun), do: Enumerable.List.reduce(b.items, acc, fun)
...(32)>   end
...(32)> end
{:module, Bag,
 <<70, 79, 82, 49, 0, 0, 7, 168, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 246,
   0, 0, 0, 22, 10, 69, 108, 105, 120, 105, 114, 46, 66, 97, 103, 8, 95, 95,
   105, 110, 102, 111, 95, 95, 10, 97, 116, ...>>,
 {:module, Enumerable.Bag,
  <<70, 79, 82, 49, 0, 0, 11, 144, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 97,
    0, 0, 0, 36, 21, 69, 108, 105, 120, 105, 114, 46, 69, 110, 117, 109, 101,
    114, 97, 98, 108, 101, 46, ...>>, {:reduce, 3}}}
iex(33)> bag = %Bag{items: [1, 2, 3]}
%Bag{items: [1, 2, 3]}
iex(34)> Enum.map(bag, &(&1 * 2))
[2, 4, 6]
iex(35)> Enum.count(bag)
3
iex(36)> Enum.member?(bag, 2)
true
iex(37)> Enum.to_list(bag)
[1, 2, 3]
iex(38)> Enum.sum(bag)
6
iex(39)> for x <- bag, do: x + 1
[2, 3, 4]
iex(40)> Enum.map(%User{}, & &1)
** (Protocol.UndefinedError) protocol Enumerable not implemented for %User{name: "", age: 0} of type User (a struct)
    (elixir 1.14.0) lib/enum.ex:1: Enumerable.impl_for!/1
    (elixir 1.14.0) lib/enum.ex:166: Enumerable.reduce/3
    (elixir 1.14.0) lib/enum.ex:4307: Enum.map/2
iex(40)> defmodule Box do
...(40)>   defstruct items: []
...(40)>   defimpl Collectable do
...(40)>     def into(bag) do
...(40)>       {bag.items, fn
...(40)>         acc, {:cont, x} -> [x | acc]
...(40)>         acc, :done -> %Box{items: Enum.reverse(acc)}
...(40)>         _, :halt -> :ok
...(40)>       end}
...(40)>     end
...(40)>   end
...(40)> end
{:module, Box,
 <<70, 79, 82, 49, 0, 0, 7, 168, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 246,
   0, 0, 0, 22, 10, 69, 108, 105, 120, 105, 114, 46, 66, 111, 120, 8, 95, 95,
   105, 110, 102, 111, 95, 95, 10, 97, 116, ...>>,
 {:module, Collectable.Box,
  <<70, 79, 82, 49, 0, 0, 9, 192, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 85,
    0, 0, 0, 36, 22, 69, 108, 105, 120, 105, 114, 46, 67, 111, 108, 108, 101,
    99, 116, 97, 98, 108, 101, ...>>, {:into, 1}}}
iex(41)> for x <- [1, 2, 3], into: %Box{}, do: x * 10
%Box{items: [10, 20, 30]}
iex(42)> Enum.into([4, 5], %Box{items: [0]})
%Box{items: [0, 4, 5]}
iex(43)> for x <- 1..3, into: %{}, do: {x, x}
%{1 => 1, 2 => 2, 3 => 3}
iex(44)> for x <- [1, 2], into: "", do: "#{x}"
"12"
iex(45)> defmodule Plain do
...(45)>   defstruct []
...(45)> end
{:module, Plain,
 <<70, 79, 82, 49, 0, 0, 7, 92, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 248,
   0, 0, 0, 22, 12, 69, 108, 105, 120, 105, 114, 46, 80, 108, 97, 105, 110, 8,
   95, 95, 105, 110, 102, 111, 95, 95, 10, ...>>, %Plain{}}
iex(46)> for x <- [1], into: %Plain{}, do: x
** (Protocol.UndefinedError) protocol Collectable not implemented for %Plain{} of type Plain (a struct)
    (elixir 1.14.0) lib/collectable.ex:1: Collectable.impl_for!/1
    (elixir 1.14.0) lib/collectable.ex:92: Collectable.into/1
iex(46)> Enum.into([1], %Plain{})
** (Protocol.UndefinedError) protocol Collectable not implemented for %Plain{} of type Plain (a struct)
    (elixir 1.14.0) lib/collectable.ex:1: Collectable.impl_for!/1
    (elixir 1.14.0) lib/collectable.ex:92: Collectable.into/1
    (elixir 1.14.0) lib/enum.ex:1499: Enum.into_protocol/2
iex(46)> Size.__protocol__(:functions)
[size: 1]
