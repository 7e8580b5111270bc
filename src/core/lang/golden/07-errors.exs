# Error messages: every ** (Exception) iex prints, and the counter not moving after an error
iex(1)> 1 + :a
** (ArithmeticError) bad argument in arithmetic expression: 1 + :a
    :erlang.+(1, :a)
iex(1)> x = 1
1
iex(2)> 2 = x
** (MatchError) no match of right hand side value: 1

iex(2)> Foo.bar()
** (UndefinedFunctionError) function Foo.bar/0 is undefined (module Foo is not available)
    Foo.bar()
iex(2)> Foo.bar
** (UndefinedFunctionError) function Foo.bar/0 is undefined (module Foo is not available)
    Foo.bar()
iex(2)> Enum.nope(1)
** (UndefinedFunctionError) function Enum.nope/1 is undefined or private
    (elixir 1.14.0) Enum.nope(1)
iex(2)> String.upcase(1)
** (FunctionClauseError) no function clause matching in String.upcase/2

    The following arguments were given to String.upcase/2:

        # 1
        1

        # 2
        :default

    Attempted function clauses (showing 4 out of 4):

        def upcase(-""-, _mode)
        def upcase(string, :default) when -is_binary(string)-
        def upcase(string, -:ascii-) when -is_binary(string)-
        def upcase(string, mode) when -is_binary(string)- and -mode === :greek- or -mode === :turkic-

    (elixir 1.14.0) lib/string.ex:831: String.upcase/2
iex(2)> Map.fetch!(%{a: 1}, :b)
** (KeyError) key :b not found in: %{a: 1}
    (stdlib 4.2) :maps.get(:b, %{a: 1})
iex(2)> %{a: 1}.b
** (KeyError) key :b not found in: %{a: 1}

iex(2)> String.to_integer("abc")
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a textual representation of an integer

    :erlang.binary_to_integer("abc")
iex(2)> elem({1}, 5)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: out of range

    :erlang.element(6, {1})
iex(2)> (fn x -> x end).(1, 2)
** (BadArityError) #Function<42.3316493/1 in :erl_eval.expr/6> with arity 1 called with 2 arguments (1, 2)

iex(2)> case 1 do
...(2)>   2 -> :x
...(2)> end
** (CaseClauseError) no case clause matching: 1

iex(2)> 1 + )
** (SyntaxError) iex:2:5: unexpected token: )
    |
  2 | 1 + )
    |     ^

iex(2)> "unclosed
...(2)> #iex:break
** (TokenMissingError) iex:2: incomplete expression

iex(2)> undefined_var
warning: variable "undefined_var" does not exist and is being expanded to "undefined_var()", please use parentheses to remove the ambiguity or change the variable name
  iex:2

** (CompileError) iex:2: undefined function undefined_var/0 (there is no such import)

iex(2)> raise "boom"
** (RuntimeError) boom

iex(2)> raise ArgumentError, "bad"
** (ArgumentError) bad

iex(2)> raise ArgumentError
** (ArgumentError) argument error

iex(2)> throw :ball
** (throw) :ball

iex(2)> exit(:bye)
** (exit) :bye

iex(2)> exit({:shutdown, 1})
** (exit) shutdown: 1

iex(2)> hd([])
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a nonempty list

    :erlang.hd([])
iex(2)> apply(Foo, :bar, [])
** (UndefinedFunctionError) function Foo.bar/0 is undefined (module Foo is not available)
    Foo.bar()
iex(2)> :erlang.atom_to_binary("x")
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an atom

    :erlang.atom_to_binary("x")
iex(2)> List.to_tuple(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a list

    :erlang.list_to_tuple(1)
iex(2)> x
1
