# :ets on one node (set, bag, ordered_set; match, select, update_counter with a default, foldl, info after delete) and :persistent_term; the stack line of a failing C BIF names no file (:ets, :math under stdlib, :persistent_term under none).
# stacks: compared
iex(1)> t = :ets.new(:users, [:set, :public, :named_table])
:users
iex(2)> :ets.insert(:users, [{1, "a"}, {2, "b"}])
true
iex(3)> :ets.match(:users, {:"$1", "a"})
[[1]]
iex(4)> :ets.select(:users, [{{:"$1", :"$2"}, [{:>, :"$1", 1}], [:"$2"]}])
["b"]
iex(5)> :ets.update_counter(:users, 3, {2, 1}, {3, 0})
1
iex(6)> :ets.info(:users, :size)
3
iex(7)> :ets.delete(:users, 1)
true
iex(8)> :ets.tab2list(:users) |> Enum.sort()
[{2, "b"}, {3, 1}]
iex(9)> :ets.lookup_element(:users, 2, 2)
"b"
iex(10)> :ets.member(:users, 9)
false
iex(11)> :ets.first(:users) |> is_integer()
true
iex(12)> :ets.insert_new(:users, {2, "z"})
false
iex(13)> :ets.match_object(:users, {:_, "b"})
[{2, "b"}]
iex(14)> :ets.select_count(:users, [{{:_, :_}, [], [true]}])
2
iex(15)> :ets.foldl(fn {k, _}, acc -> acc + k end, 0, :users)
5
iex(16)> :persistent_term.put(:k, 1)
:ok
iex(17)> :persistent_term.get(:k)
1
iex(18)> :persistent_term.get(:nope, :default)
:default
iex(19)> :persistent_term.get(:nope)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: no persistent term stored with this key

    :persistent_term.get(:nope)
iex(19)> :ets.lookup(:nope, 1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier does not refer to an existing ETS table

    (stdlib 4.2) :ets.lookup(:nope, 1)
iex(19)> :ets.new(:users, [:named_table])
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: table name already exists

    (stdlib 4.2) :ets.new(:users, [:named_table])
iex(19)> b = :ets.new(:b, [:bag])
#Reference<0.3616358043.802291714.113048>
iex(20)> :ets.insert(b, [{:a, 1}, {:a, 2}, {:a, 1}])
true
iex(21)> :ets.lookup(b, :a)
[a: 1, a: 2]
iex(22)> o = :ets.new(:o, [:ordered_set])
#Reference<0.3616358043.802291714.113072>
iex(23)> :ets.insert(o, [{3}, {1}, {2}])
true
iex(24)> :ets.tab2list(o)
[{1}, {2}, {3}]
iex(25)> :ets.next(o, 1)
2
iex(26)> :ets.last(o)
3
iex(27)> :ets.delete(o)
true
iex(28)> :ets.info(o)
:undefined
iex(29)> :math.sqrt(-1)
** (ArithmeticError) bad argument in arithmetic expression
    (stdlib 4.2) :math.sqrt(-1)
iex(29)> :math.log(:a)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a number

    (stdlib 4.2) :math.log(:a)
