# Elixir 1.14 iex session: :ets.select/3,1, match/3,1 and match_object/3,1 continuations (a set counted by chunk lengths, its order being BEAM's hash order; an ordered_set by values), :"$end_of_table", the argument errors (a forged continuation, one of a deleted table: invalid continuation), select_count and select_delete. Captured from piped input, typed lines put back after their prompts; twice, the runs agreed after masking.
iex(1)> t = :ets.new(:t, [:set])
#Reference<0.233140832.3367632897.150932>
iex(2)> for i <- 1..10, do: :ets.insert(t, {i, i * i})
[true, true, true, true, true, true, true, true, true, true]
iex(3)> {a, c} = :ets.select(t, [{{:"$1", :"$2"}, [{:>, :"$2", 10}], [:"$1"]}], 3); length(a)
3
iex(4)> {b, c2} = :ets.select(c); length(b)
3
iex(5)> {b2, c3} = :ets.select(c2); length(b2)
1
iex(6)> :ets.select(c3)
:"$end_of_table"
iex(7)> o = :ets.new(:o, [:ordered_set])
#Reference<0.233140832.3367632897.151006>
iex(8)> for i <- 1..10, do: :ets.insert(o, {i, i * i})
[true, true, true, true, true, true, true, true, true, true]
iex(9)> {keys, oc} = :ets.select(o, [{{:"$1", :_}, [], [:"$1"]}], 4); keys
[1, 2, 3, 4]
iex(10)> {keys, oc} = :ets.select(oc); keys
[5, 6, 7, 8]
iex(11)> {keys, oc} = :ets.select(oc); keys
'\t\n'
iex(12)> :ets.select(oc)
:"$end_of_table"
iex(13)> {m, mc} = :ets.match(o, {:"$1", :"$2"}, 3); m
[[1, 1], [2, 4], [3, 9]]
iex(14)> {m, mc} = :ets.match(mc); m
[[4, 16], [5, 25], [6, 36]]
iex(15)> {objs, occ} = :ets.match_object(o, {:_, :_}, 2); objs
[{1, 1}, {2, 4}]
iex(16)> {objs, occ} = :ets.match_object(occ); objs
[{3, 9}, {4, 16}]
iex(17)> :ets.select(o, [{{:"$1", :_}, [{:>, :"$1", 100}], [:"$1"]}], 4)
:"$end_of_table"
iex(18)> :ets.match(o, {:nope, :"$1"}, 4)
:"$end_of_table"
iex(19)> :ets.select(:"$end_of_table")
:"$end_of_table"
iex(20)> :ets.match(:"$end_of_table")
:"$end_of_table"
iex(21)> :ets.match_object(:"$end_of_table")
:"$end_of_table"
iex(22)> :ets.select(o, [{{:"$1", :_}, [], [:"$1"]}], 0)
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: out of range

    (stdlib 4.2) :ets.select(#Reference<0.233140832.3367632897.151006>, [{{:"$1", :_}, [], [:"$1"]}], 0)
iex(22)> :ets.select(o, [{{:"$1", :_}, [], [:"$1"]}], :x)
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: not an integer

    (stdlib 4.2) :ets.select(#Reference<0.233140832.3367632897.151006>, [{{:"$1", :_}, [], [:"$1"]}], :x)
iex(22)> :ets.select(:foo)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: invalid continuation

    (stdlib 4.2) :ets.select(:foo)
iex(22)> :ets.match({:bad, :cont})
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: invalid continuation

    (stdlib 4.2) :ets.match({:bad, :cont})
iex(22)> {_, oc} = :ets.select(o, [{{:"$1", :_}, [], [:"$1"]}], 4); :ets.delete(o); :ets.select(oc)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: invalid continuation

    (stdlib 4.2) :ets.select({#Reference<0.233140832.3367632897.151006>, 4, [], 4, #Reference<0.233140832.3367632897.151159>, [], 0, 0})
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (elixir 1.14.0) lib/enum.ex:2468: Enum."-reduce/3-lists^foldl/2-0-"/3
iex(22)> :ets.select_count(t, [{{:_, :"$1"}, [{:>, :"$1", 50}], [true]}])
3
iex(23)> :ets.select_delete(t, [{{:_, :"$1"}, [{:>, :"$1", 50}], [true]}])
3
iex(24)> :ets.info(t, :size)
7
