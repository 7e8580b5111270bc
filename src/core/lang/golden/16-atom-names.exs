# Atom names that are also names of JS object members (constructor, __proto__, toString...): as
# time units, exit reasons, map keys, module and function names, registered and :global names, and
# String.to_existing_atom of such names; plus the atom limits (256 characters: system_limit).
iex(1)> :erlang.monotonic_time(:constructor)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: invalid time unit

    :erlang.monotonic_time(:constructor)
iex(1)> :erlang.system_time(:toString)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: invalid time unit

    :erlang.system_time(:toString)
iex(1)> :erlang.monotonic_time(:__proto__)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: invalid time unit

    :erlang.monotonic_time(:__proto__)
iex(1)> exit(:toString)
** (exit) :toString

iex(1)> :__proto__
:__proto__
iex(2)> :constructor
:constructor
iex(3)> Map.get(%{}, :hasOwnProperty)
nil
iex(4)> Map.get(%{constructor: 1}, :constructor)
1
iex(5)> %{__proto__: 1, toString: 2}
%{__proto__: 1, toString: 2}
iex(6)> [constructor: 1][:constructor]
1
iex(7)> Keyword.get([], :__proto__)
nil
iex(8)> apply(:constructor, :foo, [])
** (UndefinedFunctionError) function :constructor.foo/0 is undefined (module :constructor is not available)
    :constructor.foo()
iex(8)> :constructor.foo()
** (UndefinedFunctionError) function :constructor.foo/0 is undefined (module :constructor is not available)
    :constructor.foo()
iex(8)> :erlang.constructor()
** (UndefinedFunctionError) function :erlang.constructor/0 is undefined or private
    :erlang.constructor()
iex(8)> :erlang.toString()
** (UndefinedFunctionError) function :erlang.toString/0 is undefined or private
    :erlang.toString()
iex(8)> Enum.__proto__([])
** (UndefinedFunctionError) function Enum.__proto__/1 is undefined or private
    (elixir 1.14.0) Enum.__proto__([])
iex(8)> :lists.constructor([])
** (UndefinedFunctionError) function :lists.constructor/1 is undefined or private
    (stdlib 4.2) :lists.constructor([])
iex(8)> Process.register(self(), :constructor)
true
iex(9)> Process.whereis(:constructor) == self()
true
iex(10)> Process.whereis(:__proto__)
nil
iex(11)> Process.whereis(:toString)
nil
iex(12)> send(:constructor, :hi)
:hi
iex(13)> send(:__proto__, :hi)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: invalid destination

    :erlang.send(:__proto__, :hi)
iex(13)> Process.flag(:toString, true)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: invalid process flag

    :erlang.process_flag(:toString, true)
iex(13)> :erlang.process_info(self(), :toString)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: invalid item or item list

    :erlang.process_info(#PID<0.106.0>, :toString)
iex(13)> :global.whereis_name(:constructor)
:undefined
iex(14)> :global.register_name(:__proto__, self())
:yes
iex(15)> :global.whereis_name(:__proto__) == self()
true
iex(16)> try do exit(:__proto__) catch :exit, r -> r end
:__proto__
iex(17)> throw(:constructor)
** (throw) :constructor

iex(17)> String.to_existing_atom("valueOf")
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an already existing atom

    :erlang.binary_to_existing_atom("valueOf", :utf8)
iex(17)> String.to_existing_atom("definitely_not_an_atom_anywhere")
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an already existing atom

    :erlang.binary_to_existing_atom("definitely_not_an_atom_anywhere", :utf8)
iex(17)> :erlang.list_to_existing_atom(~c"isPrototypeOf")
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an already existing atom

    :erlang.list_to_existing_atom('isPrototypeOf')
iex(17)> String.to_atom(String.duplicate("a", 256))
** (SystemLimitError) a system limit has been reached
    :erlang.binary_to_atom("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", :utf8)
iex(17)> :erlang.error(:system_limit)
** (SystemLimitError) a system limit has been reached
