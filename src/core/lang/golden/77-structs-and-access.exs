# Structs are no maps to Access (john[:name], get_in, MapSet and ranges: iex's UndefinedFunctionError for Mod.fetch/2, from the getting-started guide's Structs page),
# struct!/2 on a struct: an unknown key is a KeyError on that struct, __struct__ skipped. Captured from piped input.
iex(1)> defmodule User do
...(1)>   defstruct name: "John", age: 27
...(1)> end
{:module, User,
 <<70, 79, 82, 49, 0, 0, 7, 196, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 247,
   0, 0, 0, 22, 11, 69, 108, 105, 120, 105, 114, 46, 85, 115, 101, 114, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>, %User{name: "John", age: 27}}
iex(2)> john = %User{}
%User{name: "John", age: 27}
iex(3)> john[:name]
** (UndefinedFunctionError) function User.fetch/2 is undefined (User does not implement the Access behaviour. If you are using get_in/put_in/update_in, you can specify the field to be accessed using Access.key!/1)
    User.fetch(%User{name: "John", age: 27}, :name)
    (elixir 1.14.0) lib/access.ex:288: Access.get/3
iex(3)> john[:nope]
** (UndefinedFunctionError) function User.fetch/2 is undefined (User does not implement the Access behaviour. If you are using get_in/put_in/update_in, you can specify the field to be accessed using Access.key!/1)
    User.fetch(%User{name: "John", age: 27}, :nope)
    (elixir 1.14.0) lib/access.ex:288: Access.get/3
iex(3)> get_in(john, [:name])
** (UndefinedFunctionError) function User.fetch/2 is undefined (User does not implement the Access behaviour. If you are using get_in/put_in/update_in, you can specify the field to be accessed using Access.key!/1)
    User.fetch(%User{name: "John", age: 27}, :name)
    (elixir 1.14.0) lib/access.ex:288: Access.get/3
iex(3)> struct!(john, name: "Jane", age: 30)
%User{name: "Jane", age: 30}
iex(4)> struct!(john, invalid: "field")
** (KeyError) key :invalid not found in: %User{name: "John", age: 27}
    (stdlib 4.2) :maps.update(:invalid, "field", %User{name: "John", age: 27})
    (elixir 1.14.0) lib/kernel.ex:2345: anonymous fn/2 in Kernel.struct!/2
    (elixir 1.14.0) lib/enum.ex:2468: Enum."-reduce/3-lists^foldl/2-0-"/3
iex(4)> struct!(john, __struct__: Other)
%User{name: "John", age: 27}
iex(5)> struct(john, invalid: "field")
%User{name: "John", age: 27}
iex(6)> MapSet.new([1])[:map]
** (UndefinedFunctionError) function MapSet.fetch/2 is undefined (MapSet does not implement the Access behaviour. If you are using get_in/put_in/update_in, you can specify the field to be accessed using Access.key!/1)
    (elixir 1.14.0) MapSet.fetch(MapSet.new([1]), :map)
    (elixir 1.14.0) lib/access.ex:288: Access.get/3
iex(6)> (1..3)[:first]
** (UndefinedFunctionError) function Range.fetch/2 is undefined (Range does not implement the Access behaviour. If you are using get_in/put_in/update_in, you can specify the field to be accessed using Access.key!/1)
    (elixir 1.14.0) Range.fetch(1..3, :first)
    (elixir 1.14.0) lib/access.ex:288: Access.get/3
iex(6)> %{a: 1}[:a]
1
iex(7)> [a: 1][:a]
1
iex(8)> nil[:a]
nil
iex(9)> john.__struct__
User
