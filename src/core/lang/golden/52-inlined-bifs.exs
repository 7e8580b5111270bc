# Elixir functions that are :erlang BIFs under another name (String.to_atom/1 is :erlang.binary_to_atom(s, :utf8)) fail as the BIF, whose call tops the stack; clauses iex lists for List.to_string/1, Integer.parse/2, String.to_charlist/1, Float.to_string/1; Node.connect(1) as :net_kernel.connect_node/1; the BIFs' own checks (a base outside 2..36, whereis of a non-atom).
# stacks: compared
iex(1)> String.to_atom(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a binary

    :erlang.binary_to_atom(1, :utf8)
iex(1)> String.to_existing_atom(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a binary

    :erlang.binary_to_existing_atom(1, :utf8)
iex(1)> String.to_integer(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a binary

    :erlang.binary_to_integer(1)
iex(1)> String.to_integer("12", 37)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not an integer in the range 2 through 36

    :erlang.binary_to_integer("12", 37)
iex(1)> String.to_float(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a binary

    :erlang.binary_to_float(1)
iex(1)> Integer.to_string(:a)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an integer

    :erlang.integer_to_binary(:a)
iex(1)> Integer.to_string(10, 1)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not an integer in the range 2 through 36

    :erlang.integer_to_binary(10, 1)
iex(1)> Atom.to_string(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an atom

    :erlang.atom_to_binary(1)
iex(1)> List.to_tuple(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a list

    :erlang.list_to_tuple(1)
iex(1)> Tuple.to_list(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a tuple

    :erlang.tuple_to_list(1)
iex(1)> List.to_string(:a)
** (FunctionClauseError) no function clause matching in List.to_string/1

    The following arguments were given to List.to_string/1:

        # 1
        :a

    Attempted function clauses (showing 1 out of 1):

        def to_string(list) when -is_list(list)-

    (elixir 1.14.0) lib/list.ex:1079: List.to_string/1
iex(1)> Integer.parse(1)
** (FunctionClauseError) no function clause matching in Integer.parse/2

    The following arguments were given to Integer.parse/2:

        # 1
        1

        # 2
        10

    Attempted function clauses (showing 2 out of 2):

        def parse(_binary, base) when -not (is_integer(base) and (base >= 2 and base <= 36))-
        def parse(binary, base) when -is_binary(binary)-

    (elixir 1.14.0) lib/integer.ex:275: Integer.parse/2
iex(1)> String.to_charlist(1)
** (FunctionClauseError) no function clause matching in String.to_charlist/1

    The following arguments were given to String.to_charlist/1:

        # 1
        1

    Attempted function clauses (showing 1 out of 1):

        def to_charlist(string) when -is_binary(string)-

    (elixir 1.14.0) lib/string.ex:2529: String.to_charlist/1
iex(1)> Atom.to_charlist("a")
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an atom

    :erlang.atom_to_list("a")
iex(1)> Float.to_string(1)
** (FunctionClauseError) no function clause matching in Float.to_string/1

    The following arguments were given to Float.to_string/1:

        # 1
        1

    Attempted function clauses (showing 1 out of 1):

        def to_string(float) when -is_float(float)-

    (elixir 1.14.0) lib/float.ex:600: Float.to_string/1
iex(1)> Process.alive?(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a pid

    :erlang.is_process_alive(1)
iex(1)> Process.whereis("a")
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an atom

    :erlang.whereis("a")
    (elixir 1.14.0) lib/process.ex:653: Process.whereis/1
iex(1)> Node.connect(1)
** (FunctionClauseError) no function clause matching in :net_kernel.connect_node/1

    The following arguments were given to :net_kernel.connect_node/1:

        # 1
        1

    (kernel 8.5.3) net_kernel.erl:358: :net_kernel.connect_node/1
iex(1)> :erlang.binary_to_atom(1, :utf8)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a binary

    :erlang.binary_to_atom(1, :utf8)
iex(1)> :erlang.binary_to_existing_atom(1, :utf8)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a binary

    :erlang.binary_to_existing_atom(1, :utf8)
iex(1)> :erlang.binary_to_integer(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a binary

    :erlang.binary_to_integer(1)
iex(1)> :erlang.binary_to_integer("12", 37)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not an integer in the range 2 through 36

    :erlang.binary_to_integer("12", 37)
iex(1)> :erlang.binary_to_float(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a binary

    :erlang.binary_to_float(1)
iex(1)> :erlang.integer_to_binary(:a)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an integer

    :erlang.integer_to_binary(:a)
iex(1)> :erlang.integer_to_binary(10, 1)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not an integer in the range 2 through 36

    :erlang.integer_to_binary(10, 1)
iex(1)> :erlang.atom_to_binary(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an atom

    :erlang.atom_to_binary(1)
iex(1)> :erlang.list_to_tuple(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a list

    :erlang.list_to_tuple(1)
iex(1)> :erlang.tuple_to_list(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a tuple

    :erlang.tuple_to_list(1)
iex(1)> :erlang.atom_to_list("a")
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an atom

    :erlang.atom_to_list("a")
iex(1)> :erlang.is_process_alive(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a pid

    :erlang.is_process_alive(1)
iex(1)> :erlang.whereis("a")
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an atom

    :erlang.whereis("a")
iex(1)> :erlang.list_to_integer(:a)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a list

    :erlang.list_to_integer(:a)
iex(1)> :erlang.list_to_atom(1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a list

    :erlang.list_to_atom(1)
iex(1)> :erlang.integer_to_list(:a)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an integer

    :erlang.integer_to_list(:a)
