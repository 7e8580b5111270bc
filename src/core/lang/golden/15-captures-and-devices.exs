# Named captures and missing devices: `&(&1 + &2)` names :erlang.+/2; IO to an unregistered name. Captured from piped real iex 1.14 (no async output, so the screen is each prompt, the line typed, then the output).
iex(1)> IO.puts :nope, "x"
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the device does not exist

    (stdlib 4.2) io.erl:94: :io.put_chars(:nope, ["x", 10])
iex(1)> IO.write :nope, "x"
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the device does not exist

    (stdlib 4.2) io.erl:94: :io.put_chars(:nope, "x")
iex(1)> IO.puts :stdio, "still here"
still here
:ok
iex(2)> add = &(&1 + &2)
&:erlang.+/2
iex(3)> add.(1, 2)
3
iex(4)> add == &:erlang.+/2
true
iex(5)> &(&1 - &2)
&:erlang.-/2
iex(6)> &(&1 != &2)
&:erlang."/="/2
iex(7)> &(&1 === &2)
&:erlang."=:="/2
iex(8)> &(&1 <= &2)
&:erlang."=<"/2
iex(9)> &(&1 ++ &2)
&:erlang.++/2
iex(10)> &(&1 * 2)
#Function<42.3316493/1 in :erl_eval.expr/6>
iex(11)> &(&2 + &1)
#Function<41.3316493/2 in :erl_eval.expr/6>
iex(12)> &(&1 <> &2)
#Function<41.3316493/2 in :erl_eval.expr/6>
iex(13)> &div(&1, &2)
&:erlang.div/2
iex(14)> &length(&1)
&:erlang.length/1
iex(15)> &IO.puts(&1)
&IO.puts/1
iex(16)> (&Enum.map(&1, &2)).([1, 2], &(&1 * 3))
[3, 6]
