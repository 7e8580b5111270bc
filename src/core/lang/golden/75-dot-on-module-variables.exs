# A dot on a variable without parentheses: a map's key, or on a module atom a call of its function of arity 0 (m = Enum; m.count is Enum.count/0, with iex's hints),
# at the prompt and in a module; KeyError on anything else; System.version/otp_release. Captured from piped input.
iex(1)> m = Enum
Enum
iex(2)> m.count [1, 2]
2
iex(3)> m.count
** (UndefinedFunctionError) function Enum.count/0 is undefined or private. Did you mean:

      * count/1
      * count/2

    (elixir 1.14.0) Enum.count()
iex(3)> m.reverse [1, 2]
[2, 1]
iex(4)> n = Node
Node
iex(5)> n.self
:nonode@nohost
iex(6)> s = System
System
iex(7)> s.otp_release
"25"
iex(8)> s.version
"1.14.0"
iex(9)> x = :foo
:foo
iex(10)> x.bar
** (UndefinedFunctionError) function :foo.bar/0 is undefined (module :foo is not available)
    :foo.bar()
iex(10)> map = %{key: 1, nested: %{deep: :yes}}
%{key: 1, nested: %{deep: :yes}}
iex(11)> map.key
1
iex(12)> map.nested.deep
:yes
iex(13)> map.nope
** (KeyError) key :nope not found in: %{key: 1, nested: %{deep: :yes}}

iex(13)> i = 1
1
iex(14)> i.bar
** (KeyError) key :bar not found in: 1. If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map

iex(14)> str = "str"
"str"
iex(15)> str.size
** (KeyError) key :size not found in: "str". If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map

iex(15)> l = nil
nil
iex(16)> l.bar
** (KeyError) key :bar not found in: nil. If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map

iex(16)> defmodule FieldCalls do
...(16)>   def zero(m), do: m.otp_release
...(16)>   def key(map), do: map.key
...(16)>   def both(a, b), do: {a.key, b.self}
...(16)> end
{:module, FieldCalls,
 <<70, 79, 82, 49, 0, 0, 8, 24, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 223,
   0, 0, 0, 25, 17, 69, 108, 105, 120, 105, 114, 46, 70, 105, 101, 108, 100, 67,
   97, 108, 108, 115, 8, 95, 95, 105, 110, ...>>, {:both, 2}}
iex(17)> FieldCalls.zero(System)
"25"
iex(18)> FieldCalls.key(%{key: :k})
:k
iex(19)> FieldCalls.both(%{key: 2}, Node)
{2, :nonode@nohost}
iex(20)> FieldCalls.key(Enum)
** (UndefinedFunctionError) function Enum.key/0 is undefined or private
    (elixir 1.14.0) Enum.key()
iex(20)> FieldCalls.key(%{})
** (KeyError) key :key not found in: %{}
    iex:18: FieldCalls.key/1
