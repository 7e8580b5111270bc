# :ets and :persistent_term on one node: the four table types, named tables, access rights, match/select with match specs, update_counter, ordered traversal, a table dying with its owner. Captured from piped real iex 1.14 (each typed line put back after its prompt).
iex(1)> t = :ets.new(:users, [:set])
#Reference<0.4047103266.1180565505.203645>
iex(2)> :ets.insert(t, {:ana, 30, "Lisbon"})
true
iex(3)> :ets.insert(t, [{:bo, 25, "Oslo"}, {:cy, 41, "Lima"}])
true
iex(4)> :ets.lookup(t, :ana)
[{:ana, 30, "Lisbon"}]
iex(5)> :ets.lookup(t, :nobody)
[]
iex(6)> :ets.insert(t, {:ana, 31, "Porto"})
true
iex(7)> :ets.lookup(t, :ana)
[{:ana, 31, "Porto"}]
iex(8)> :ets.insert_new(t, {:ana, 99, "x"})
false
iex(9)> :ets.insert_new(t, {:dee, 19, "Rome"})
true
iex(10)> :ets.member(t, :dee)
true
iex(11)> :ets.member(t, :zed)
false
iex(12)> :ets.lookup_element(t, :bo, 2)
25
iex(13)> :ets.lookup_element(t, :bo, 3)
"Oslo"
iex(14)> :ets.lookup_element(t, :zed, 2)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a key that exists in the table

    (stdlib 4.2) :ets.lookup_element(#Reference<0.4047103266.1180565505.203645>, :zed, 2)
iex(14)> :ets.lookup_element(t, :bo, 9)
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: position is greater than the size of the object

    (stdlib 4.2) :ets.lookup_element(#Reference<0.4047103266.1180565505.203645>, :bo, 9)
iex(14)> :ets.info(t, :size)
4
iex(15)> :ets.info(t, :type)
:set
iex(16)> :ets.info(t, :protection)
:protected
iex(17)> :ets.info(t, :named_table)
false
iex(18)> :ets.info(t, :keypos)
1
iex(19)> :ets.tab2list(t) |> Enum.sort()
[{:ana, 31, "Porto"}, {:bo, 25, "Oslo"}, {:cy, 41, "Lima"}, {:dee, 19, "Rome"}]
iex(20)> :ets.delete(t, :dee)
true
iex(21)> :ets.delete(t, :dee)
true
iex(22)> :ets.info(t, :size)
3
iex(23)> :ets.match(t, {:"$1", :"$2", "Oslo"})
[[:bo, 25]]
iex(24)> :ets.match(t, {:"$1", :_, :_}) |> Enum.sort()
[[:ana], [:bo], [:cy]]
iex(25)> :ets.match_object(t, {:_, 41, :_})
[{:cy, 41, "Lima"}]
iex(26)> :ets.select(t, [{{:"$1", :"$2", :_}, [{:>, :"$2", 26}], [:"$1"]}]) |> Enum.sort()
[:ana, :cy]
iex(27)> :ets.select(t, [{{:"$1", :"$2", :_}, [{:<, :"$2", 30}], [:"$$"]}])
[[:bo, 25]]
iex(28)> :ets.select(t, [{{:cy, :_, :_}, [], [:"$_"]}])
[{:cy, 41, "Lima"}]
iex(29)> :ets.select(t, [{{:"$1", :"$2", :_}, [{:andalso, {:>, :"$2", 20}, {:<, :"$2", 35}}], [{{:"$1", :"$2"}}]}]) |> Enum.sort()
[ana: 31, bo: 25]
iex(30)> :ets.select_count(t, [{{:_, :"$1", :_}, [{:>=, :"$1", 30}], [true]}])
2
iex(31)> :ets.delete_object(t, {:bo, 25, "Oslo"})
true
iex(32)> :ets.lookup(t, :bo)
[]
iex(33)> :ets.select_delete(t, [{{:_, :"$1", :_}, [{:>, :"$1", 40}], [true]}])
1
iex(34)> :ets.tab2list(t)
[{:ana, 31, "Porto"}]
iex(35)> :ets.delete(t)
true
iex(36)> :ets.lookup(t, :ana)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier does not refer to an existing ETS table

    (stdlib 4.2) :ets.lookup(#Reference<0.4047103266.1180565505.203645>, :ana)
iex(36)> :ets.insert(t, {:a, 1})
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier does not refer to an existing ETS table

    (stdlib 4.2) :ets.insert(#Reference<0.4047103266.1180565505.203645>, {:a, 1})
iex(36)> :ets.info(t)
:undefined
iex(37)> :ets.info(t, :size)
:undefined
iex(38)> c = :ets.new(:counters, [:set, :public])
#Reference<0.4047103266.1180565505.203982>
iex(39)> :ets.update_counter(c, :hits, 1, {:hits, 0})
1
iex(40)> :ets.update_counter(c, :hits, 5)
6
iex(41)> :ets.update_counter(c, :hits, {2, 10})
16
iex(42)> :ets.update_counter(c, :misses, 1)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a key that exists in the table

    (stdlib 4.2) :ets.update_counter(#Reference<0.4047103266.1180565505.203982>, :misses, 1)
iex(42)> :ets.insert(c, {:pair, 1, 100})
true
iex(43)> :ets.update_counter(c, :pair, [{2, 1}, {3, -50}])
[2, 50]
iex(44)> :ets.update_counter(c, :pair, {3, 10, 100, 0})
60
iex(45)> :ets.update_element(c, :pair, {2, :changed})
true
iex(46)> :ets.lookup(c, :pair)
[{:pair, :changed, 60}]
iex(47)> :ets.update_element(c, :nope, {2, :x})
false
iex(48)> :ets.update_element(c, :pair, {1, :key})
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: the position is the same as the key position

    (stdlib 4.2) :ets.update_element(#Reference<0.4047103266.1180565505.203982>, :pair, {1, :key})
iex(48)> :ets.insert(c, {:name, "x"})
true
iex(49)> :ets.update_counter(c, :name, 1)
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: the value in the given position, in the object, is not an integer

    (stdlib 4.2) :ets.update_counter(#Reference<0.4047103266.1180565505.203982>, :name, 1)
iex(49)> :ets.new(:config, [:named_table, :public])
:config
iex(50)> :ets.insert(:config, {:debug, true})
true
iex(51)> :ets.lookup(:config, :debug)
[debug: true]
iex(52)> :ets.new(:config, [:named_table])
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: table name already exists

    (stdlib 4.2) :ets.new(:config, [:named_table])
iex(52)> :ets.whereis(:config) |> is_reference()
true
iex(53)> :ets.whereis(:nothing)
:undefined
iex(54)> :ets.info(:config, :named_table)
true
iex(55)> :ets.info(:config, :name)
:config
iex(56)> o = :ets.new(:ordered, [:ordered_set])
#Reference<0.4047103266.1180565505.204139>
iex(57)> :ets.insert(o, [{3, :c}, {1, :a}, {2, :b}, {10, :j}])
true
iex(58)> :ets.tab2list(o)
[{1, :a}, {2, :b}, {3, :c}, {10, :j}]
iex(59)> :ets.first(o)
1
iex(60)> :ets.next(o, 2)
3
iex(61)> :ets.next(o, 10)
:"$end_of_table"
iex(62)> :ets.last(o)
10
iex(63)> :ets.prev(o, 3)
2
iex(64)> :ets.prev(o, 1)
:"$end_of_table"
iex(65)> :ets.insert(o, {1.0, :float_one})
true
iex(66)> :ets.lookup(o, 1)
[{1.0, :float_one}]
iex(67)> :ets.foldl(fn {k, _}, acc -> k + acc end, 0, o)
16.0
iex(68)> :ets.foldr(fn {k, _}, acc -> [k | acc] end, [], o)
[1.0, 2, 3, 10]
iex(69)> :ets.select(o, [{{:"$1", :_}, [{:>, :"$1", 2}], [:"$1"]}])
[3, 10]
iex(70)> b = :ets.new(:bag, [:bag])
#Reference<0.4047103266.1180565505.204244>
iex(71)> :ets.insert(b, [{:k, 1}, {:k, 2}, {:k, 1}, {:j, 3}])
true
iex(72)> :ets.lookup(b, :k)
[k: 1, k: 2]
iex(73)> :ets.delete_object(b, {:k, 1})
true
iex(74)> :ets.lookup(b, :k)
[k: 2]
iex(75)> d = :ets.new(:dbag, [:duplicate_bag])
#Reference<0.4047103266.1180565505.204280>
iex(76)> :ets.insert(d, [{:k, 1}, {:k, 2}, {:k, 1}])
true
iex(77)> :ets.lookup(d, :k)
[k: 1, k: 2, k: 1]
iex(78)> :ets.info(d, :size)
3
iex(79)> :ets.delete_object(d, {:k, 1})
true
iex(80)> :ets.lookup(d, :k)
[k: 2]
iex(81)> :ets.new(:bad, [:nonsense])
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: invalid options

    (stdlib 4.2) :ets.new(:bad, [:nonsense])
iex(81)> :ets.new("name", [])
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an atom

    (stdlib 4.2) :ets.new("name", [])
iex(81)> :ets.insert(o, :not_a_tuple)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a tuple

    (stdlib 4.2) :ets.insert(#Reference<0.4047103266.1180565505.204139>, :not_a_tuple)
iex(81)> :ets.insert(o, {})
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: is an empty tuple

    (stdlib 4.2) :ets.insert(#Reference<0.4047103266.1180565505.204139>, {})
iex(81)> :ets.lookup(:no_such_table, 1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier does not refer to an existing ETS table

    (stdlib 4.2) :ets.lookup(:no_such_table, 1)
iex(81)> :ets.first(:ets.new(:empty, []))
:"$end_of_table"
iex(82)> k = :ets.new(:kp, [{:keypos, 2}])
#Reference<0.4047103266.1180565505.204366>
iex(83)> :ets.insert(k, {:user, :ana, 30})
true
iex(84)> :ets.lookup(k, :ana)
[{:user, :ana, 30}]
iex(85)> :ets.info(k, :keypos)
2
iex(86)> :ets.insert(k, {:short})
** (ArgumentError) argument error
    (stdlib 4.2) :ets.insert(#Reference<0.4047103266.1180565505.204366>, {:short})
iex(86)> parent = self()
#PID<0.106.0>
iex(87)> p = spawn(fn -> t = :ets.new(:owned, [:named_table, :protected]); :ets.insert(t, {:x, 1}); send(parent, :ready); receive do :stop -> :ok end end)
#PID<0.208.0>
iex(88)> receive do :ready -> :ok end
:ok
iex(89)> :ets.lookup(:owned, :x)
[x: 1]
iex(90)> :ets.insert(:owned, {:y, 2})
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier refers to an ETS table with insufficient access rights

    (stdlib 4.2) :ets.insert(:owned, {:y, 2})
iex(90)> :ets.info(:owned, :owner) == p
true
iex(91)> send(p, :stop); Process.sleep(50)
:ok
iex(92)> :ets.info(:owned)
:undefined
iex(93)> :ets.lookup(:owned, :x)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier does not refer to an existing ETS table

    (stdlib 4.2) :ets.lookup(:owned, :x)
iex(93)> spawn(fn -> :ets.new(:secret, [:named_table, :private]); send(parent, :made); Process.sleep(1000) end)
#PID<0.217.0>
iex(94)> receive do :made -> :ok end
:ok
iex(95)> :ets.lookup(:secret, 1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier refers to an ETS table with insufficient access rights

    (stdlib 4.2) :ets.lookup(:secret, 1)
iex(95)> :ets.info(:secret, :protection)
:private
iex(96)> :persistent_term.put(:my_key, %{a: 1})
:ok
iex(97)> :persistent_term.get(:my_key)
%{a: 1}
iex(98)> :persistent_term.get(:missing, :default)
:default
iex(99)> :persistent_term.get(:missing)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: no persistent term stored with this key

    :persistent_term.get(:missing)
iex(99)> :persistent_term.erase(:my_key)
true
iex(100)> :persistent_term.erase(:my_key)
false
iex(101)> :persistent_term.get({:app, :cfg}, nil)
nil
