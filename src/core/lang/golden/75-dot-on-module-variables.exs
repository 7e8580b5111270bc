# A dot on a variable without parentheses at the prompt: a map's key, or on a module atom a call of its function of arity 0 (m = Enum; m.count is Enum.count/0, with iex's hints),
# in a fn typed at the prompt and in Code.eval_string too; KeyError on anything else; a module's map.key. Captured from piped input.
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
iex(6)> x = :foo
:foo
iex(7)> x.bar
** (UndefinedFunctionError) function :foo.bar/0 is undefined (module :foo is not available)
    :foo.bar()
iex(7)> map = %{key: 1, nested: %{deep: :yes}}
%{key: 1, nested: %{deep: :yes}}
iex(8)> map.key
1
iex(9)> map.nested.deep
:yes
iex(10)> map.nope
** (KeyError) key :nope not found in: %{key: 1, nested: %{deep: :yes}}

iex(10)> i = 1
1
iex(11)> i.bar
** (KeyError) key :bar not found in: 1. If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map

iex(11)> str = "str"
"str"
iex(12)> str.size
** (KeyError) key :size not found in: "str". If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map

iex(12)> l = nil
nil
iex(13)> l.bar
** (KeyError) key :bar not found in: nil. If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map

iex(13)> g = fn m -> m.self end
#Function<42.3316493/1 in :erl_eval.expr/6>
iex(14)> g.(Node)
:nonode@nohost
iex(15)> Code.eval_string("m.self", m: Node)
{:nonode@nohost, [m: Node]}
iex(16)> defmodule FieldCalls do
...(16)>   def key(map), do: map.key
...(16)> end
{:module, FieldCalls,
 <<70, 79, 82, 49, 0, 0, 5, 180, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 196,
   0, 0, 0, 21, 17, 69, 108, 105, 120, 105, 114, 46, 70, 105, 101, 108, 100, 67,
   97, 108, 108, 115, 8, 95, 95, 105, 110, ...>>, {:key, 1}}
iex(17)> FieldCalls.key(%{key: :k})
:k
iex(18)> FieldCalls.key(%{})
** (KeyError) key :key not found in: %{}
    iex:17: FieldCalls.key/1
