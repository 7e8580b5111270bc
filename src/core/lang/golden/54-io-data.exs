# IO's chardata and iodata conversions (chardata_to_string/1, iodata_to_binary/1, iodata_length/1) and their errors: iodata_to_binary fails as the :erlang BIF Elixir inlines it to ("not an iodata term").
iex(1)> IO.chardata_to_string(["a", ?b, ["é"]])
"abé"
iex(2)> IO.iodata_to_binary(["a", 98, <<99>>])
"abc"
iex(3)> IO.iodata_length(["ab", ?c])
3
iex(4)> IO.chardata_to_string(1)
** (FunctionClauseError) no function clause matching in IO.chardata_to_string/1

    The following arguments were given to IO.chardata_to_string/1:

        # 1
        1

    Attempted function clauses (showing 2 out of 2):

        def chardata_to_string(string) when -is_binary(string)-
        def chardata_to_string(list) when -is_list(list)-

    (elixir 1.14.0) lib/io.ex:670: IO.chardata_to_string/1
iex(4)> IO.iodata_to_binary(:a)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an iodata term

    :erlang.iolist_to_binary(:a)
