# Protocol.UndefinedError from every path (Enum on lists and maps, Keyword/Map.new, for with into:, to_string, interpolation): a struct prints with its fields in definition order, the exception struct holds protocol, value and description; Enumerable.List (which user impls may call) used directly. Captured from piped real iex 1.14 (no async output).
iex(1)> defmodule U do defstruct b: 2, a: 1 end
{:module, U,
 <<70, 79, 82, 49, 0, 0, 7, 148, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 244,
   0, 0, 0, 22, 8, 69, 108, 105, 120, 105, 114, 46, 85, 8, 95, 95, 105, 110,
   102, 111, 95, 95, 10, 97, 116, 116, 114, ...>>, %U{b: 2, a: 1}}
iex(2)> Keyword.new(%U{})
** (Protocol.UndefinedError) protocol Enumerable not implemented for %U{b: 2, a: 1} of type U (a struct)
    (elixir 1.14.0) lib/enum.ex:1: Enumerable.impl_for!/1
    (elixir 1.14.0) lib/enum.ex:166: Enumerable.reduce/3
    (elixir 1.14.0) lib/enum.ex:4307: Enum.reverse/1
    (elixir 1.14.0) lib/keyword.ex:202: Keyword.new/2
iex(2)> Enum.map(%U{}, & &1)
** (Protocol.UndefinedError) protocol Enumerable not implemented for %U{b: 2, a: 1} of type U (a struct)
    (elixir 1.14.0) lib/enum.ex:1: Enumerable.impl_for!/1
    (elixir 1.14.0) lib/enum.ex:166: Enumerable.reduce/3
    (elixir 1.14.0) lib/enum.ex:4307: Enum.map/2
iex(2)> Enum.into([a: 1], %U{})
** (Protocol.UndefinedError) protocol Collectable not implemented for %U{b: 2, a: 1} of type U (a struct)
    (elixir 1.14.0) lib/collectable.ex:1: Collectable.impl_for!/1
    (elixir 1.14.0) lib/collectable.ex:92: Collectable.into/1
    (elixir 1.14.0) lib/enum.ex:1499: Enum.into_protocol/2
iex(2)> Enum.concat([[1], %U{}])
** (Protocol.UndefinedError) protocol Enumerable not implemented for %U{b: 2, a: 1} of type U (a struct)
    (elixir 1.14.0) lib/enum.ex:1: Enumerable.impl_for!/1
    (elixir 1.14.0) lib/enum.ex:166: Enumerable.reduce/3
    (elixir 1.14.0) lib/enum.ex:4307: anonymous fn/3 in Enum.concat_enum/1
    (elixir 1.14.0) lib/enum.ex:2468: Enum."-concat_enum/1-lists^foldl/2-1-"/3
    (elixir 1.14.0) lib/enum.ex:2468: Enum.concat_enum/1
    (elixir 1.14.0) lib/enum.ex:4149: Enum.concat_list/1
iex(2)> Map.new(%U{})
** (Protocol.UndefinedError) protocol Enumerable not implemented for %U{b: 2, a: 1} of type U (a struct)
    (elixir 1.14.0) lib/enum.ex:1: Enumerable.impl_for!/1
    (elixir 1.14.0) lib/enum.ex:166: Enumerable.reduce/3
    (elixir 1.14.0) lib/enum.ex:4307: Enum.reverse/1
    (elixir 1.14.0) lib/enum.ex:3644: Enum.to_list/1
    (elixir 1.14.0) lib/map.ex:228: Map.new_from_enum/1
iex(2)> for x <- [1], into: %U{}, do: x
** (Protocol.UndefinedError) protocol Collectable not implemented for %U{b: 2, a: 1} of type U (a struct)
    (elixir 1.14.0) lib/collectable.ex:1: Collectable.impl_for!/1
    (elixir 1.14.0) lib/collectable.ex:92: Collectable.into/1
iex(2)> for x <- [1], into: 5, do: x
** (Protocol.UndefinedError) protocol Collectable not implemented for 5 of type Integer
    (elixir 1.14.0) lib/collectable.ex:1: Collectable.impl_for!/1
    (elixir 1.14.0) lib/collectable.ex:92: Collectable.into/1
iex(2)> for x <- %U{}, do: x
** (Protocol.UndefinedError) protocol Enumerable not implemented for %U{b: 2, a: 1} of type U (a struct)
    (elixir 1.14.0) lib/enum.ex:1: Enumerable.impl_for!/1
    (elixir 1.14.0) lib/enum.ex:166: Enumerable.reduce/3
    (elixir 1.14.0) lib/enum.ex:4307: Enum.reduce/3
iex(2)> to_string(%U{})
** (Protocol.UndefinedError) protocol String.Chars not implemented for %U{b: 2, a: 1} of type U (a struct)
    (elixir 1.14.0) lib/string/chars.ex:3: String.Chars.impl_for!/1
    (elixir 1.14.0) lib/string/chars.ex:22: String.Chars.to_string/1
iex(2)> to_string(<<1::3>>)
** (Protocol.UndefinedError) protocol String.Chars not implemented for <<1::size(3)>> of type BitString, cannot convert a bitstring to a string
    (elixir 1.14.0) lib/string/chars.ex:41: String.Chars.BitString.to_string/1
iex(2)> "#{{1}}"
** (Protocol.UndefinedError) protocol String.Chars not implemented for {1} of type Tuple
    (elixir 1.14.0) lib/string/chars.ex:3: String.Chars.impl_for!/1
    (elixir 1.14.0) lib/string/chars.ex:22: String.Chars.to_string/1
iex(2)> Enum.reduce(5, 0, &+/2)
** (Protocol.UndefinedError) protocol Enumerable not implemented for 5 of type Integer
    (elixir 1.14.0) lib/enum.ex:1: Enumerable.impl_for!/1
    (elixir 1.14.0) lib/enum.ex:166: Enumerable.reduce/3
    (elixir 1.14.0) lib/enum.ex:4307: Enum.reduce/3
iex(2)> Enumerable.List.reduce([1, 2, 3], {:cont, 0}, fn x, acc -> {:cont, x + acc} end)
{:done, 6}
iex(3)> e = try do Enum.map(%U{}, & &1) rescue e -> e end
%Protocol.UndefinedError{
  protocol: Enumerable,
  value: %U{b: 2, a: 1},
  description: ""
}
iex(4)> e.value
%U{b: 2, a: 1}
iex(5)> e.description
""
iex(6)> Exception.message(e)
"protocol Enumerable not implemented for %U{b: 2, a: 1} of type U (a struct)"
