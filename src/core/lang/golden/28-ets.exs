# :ets and :persistent_term on one node: the four table types, named tables, access rights, match/select with match specs, update_counter, ordered traversal, a table dying with its owner. Captured from piped real iex 1.14 (each typed line put back after its prompt).
iex(1)> t = :ets.new(:users, [:set])
#Reference<0.2992635446.1991114754.140766>
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

    (stdlib 4.2) :ets.lookup_element(#Reference<0.2992635446.1991114754.140766>, :zed, 2)
iex(14)> :ets.lookup_element(t, :bo, 9)
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: position is greater than the size of the object

    (stdlib 4.2) :ets.lookup_element(#Reference<0.2992635446.1991114754.140766>, :bo, 9)
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

    (stdlib 4.2) :ets.lookup(#Reference<0.2992635446.1991114754.140766>, :ana)
iex(36)> :ets.insert(t, {:a, 1})
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier does not refer to an existing ETS table

    (stdlib 4.2) :ets.insert(#Reference<0.2992635446.1991114754.140766>, {:a, 1})
iex(36)> :ets.info(t)
:undefined
iex(37)> :ets.info(t, :size)
:undefined
iex(38)> c = :ets.new(:counters, [:set, :public])
#Reference<0.2992635446.1991114754.141103>
iex(39)> :ets.update_counter(c, :hits, 1, {:hits, 0})
1
iex(40)> :ets.update_counter(c, :hits, 5)
6
iex(41)> :ets.update_counter(c, :hits, {2, 10})
16
iex(42)> :ets.update_counter(c, :misses, 1)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a key that exists in the table

    (stdlib 4.2) :ets.update_counter(#Reference<0.2992635446.1991114754.141103>, :misses, 1)
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

    (stdlib 4.2) :ets.update_element(#Reference<0.2992635446.1991114754.141103>, :pair, {1, :key})
iex(48)> :ets.insert(c, {:name, "x"})
true
iex(49)> :ets.update_counter(c, :name, 1)
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: the value in the given position, in the object, is not an integer

    (stdlib 4.2) :ets.update_counter(#Reference<0.2992635446.1991114754.141103>, :name, 1)
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
#Reference<0.2992635446.1991114754.141260>
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
#Reference<0.2992635446.1991114754.141365>
iex(71)> :ets.insert(b, [{:k, 1}, {:k, 2}, {:k, 1}, {:j, 3}])
true
iex(72)> :ets.lookup(b, :k)
[k: 1, k: 2]
iex(73)> :ets.delete_object(b, {:k, 1})
true
iex(74)> :ets.lookup(b, :k)
[k: 2]
iex(75)> d = :ets.new(:dbag, [:duplicate_bag])
#Reference<0.2992635446.1991114754.141401>
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

    (stdlib 4.2) :ets.insert(#Reference<0.2992635446.1991114754.141260>, :not_a_tuple)
iex(81)> :ets.insert(o, {})
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: is an empty tuple

    (stdlib 4.2) :ets.insert(#Reference<0.2992635446.1991114754.141260>, {})
iex(81)> :ets.lookup(:no_such_table, 1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier does not refer to an existing ETS table

    (stdlib 4.2) :ets.lookup(:no_such_table, 1)
iex(81)> :ets.first(:ets.new(:empty, []))
:"$end_of_table"
iex(82)> k = :ets.new(:kp, [{:keypos, 2}])
#Reference<0.2992635446.1991114754.141487>
iex(83)> :ets.insert(k, {:user, :ana, 30})
true
iex(84)> :ets.lookup(k, :ana)
[{:user, :ana, 30}]
iex(85)> :ets.info(k, :keypos)
2
iex(86)> :ets.insert(k, {:short})
** (ArgumentError) argument error
    (stdlib 4.2) :ets.insert(#Reference<0.2992635446.1991114754.141487>, {:short})
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
iex(102)> :ets.lookup(1, 2)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not an atom or a table identifier

    (stdlib 4.2) :ets.lookup(1, 2)
iex(102)> e = :ets.new(:errors, [])
#Reference<0.2992635446.1991114754.141687>
iex(103)> :ets.insert(e, [{:a, 1}, :x])
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a non-empty tuple or a list of non-empty tuples

    (stdlib 4.2) :ets.insert(#Reference<0.2992635446.1991114754.141687>, [{:a, 1}, :x])
iex(103)> :ets.select(e, [{:bad}])
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a valid match specification

    (stdlib 4.2) :ets.select(#Reference<0.2992635446.1991114754.141687>, [{:bad}])
iex(103)> :ets.select(e, :bad)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a valid match specification

    (stdlib 4.2) :ets.select(#Reference<0.2992635446.1991114754.141687>, :bad)
iex(103)> :ets.select(e, [{{:"$1", :_}, [{:foo, :"$1"}], [:"$1"]}])
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a valid match specification

    (stdlib 4.2) :ets.select(#Reference<0.2992635446.1991114754.141687>, [{{:"$1", :_}, [foo: :"$1"], [:"$1"]}])
iex(103)> :ets.match(e, :"$1")
[]
iex(104)> :ets.insert(e, {:a, 1, 2})
true
iex(105)> :ets.select(e, [{{:"$1", :"$2", :_}, [{:>, {:+, :"$2", :x}, 1}], [:"$1"]}])
[]
iex(106)> :ets.select(e, [{{:"$1", :"$2", :_}, [], [{:const, {:"$1"}}, :"$2"]}])
[1]
iex(107)> :ets.select(e, [{{:"$1", :"$2", :_}, [{:is_integer, :"$2"}], [{{:"$2", :"$1", [:"$1"]}}]}])
[{1, :a, [:a]}]
iex(108)> :ets.select(e, [{{:"$1", :"$2", :_}, [], [%{k: :"$1"}]}])
[%{k: :a}]
iex(109)> :ets.select(e, [{{:"$1", :"$2", :"$3"}, [{:orelse, {:==, :"$2", 5}, {:<, :"$3", 3}}], [:"$$"]}])
[[:a, 1, 2]]
iex(110)> :ets.update_counter(e, :a, :x)
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: not a valid update operation

    (stdlib 4.2) :ets.update_counter(#Reference<0.2992635446.1991114754.141687>, :a, :x)
iex(110)> :ets.update_counter(e, :a, {5, 1})
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: the position in the update operation is out of range

    (stdlib 4.2) :ets.update_counter(#Reference<0.2992635446.1991114754.141687>, :a, {5, 1})
iex(110)> :ets.update_counter(e, :a, {1, 1})
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: the position is the same as the key position

    (stdlib 4.2) :ets.update_counter(#Reference<0.2992635446.1991114754.141687>, :a, {1, 1})
iex(110)> :ets.update_element(e, :a, {9, 1})
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: out of range

    (stdlib 4.2) :ets.update_element(#Reference<0.2992635446.1991114754.141687>, :a, {9, 1})
iex(110)> :ets.update_element(e, :a, :x)
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: is not a valid element specification

    (stdlib 4.2) :ets.update_element(#Reference<0.2992635446.1991114754.141687>, :a, :x)
iex(110)> :ets.lookup_element(e, :a, 0)
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: out of range

    (stdlib 4.2) :ets.lookup_element(#Reference<0.2992635446.1991114754.141687>, :a, 0)
iex(110)> :ets.lookup_element(e, :a, :x)
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: not an integer

    (stdlib 4.2) :ets.lookup_element(#Reference<0.2992635446.1991114754.141687>, :a, :x)
iex(110)> :ets.update_counter(e, :b, {2, 1}, {:zzz, 10, 20})
11
iex(111)> :ets.lookup(e, :b)
[{:b, 11, 20}]
iex(112)> :ets.update_counter(e, :c, 1, :bad)
** (ArgumentError) errors were found at the given arguments:

  * 4th argument: not a tuple

    (stdlib 4.2) :ets.update_counter(#Reference<0.2992635446.1991114754.141687>, :c, 1, :bad)
iex(112)> :ets.insert_new(e, [{:x, 1}, {:a, 2}])
false
iex(113)> :ets.insert_new(e, [{:x, 1}, {:y, 2}])
true
iex(114)> :ets.match_delete(e, {:x, :_})
true
iex(115)> :ets.member(e, :x)
false
iex(116)> :ets.take(e, :y)
[y: 2]
iex(117)> :ets.take(e, :y)
[]
iex(118)> :ets.delete_all_objects(e)
true
iex(119)> :ets.info(e, :size)
0
iex(120)> :ets.next(e, :zz)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a key that exists in the table

    (stdlib 4.2) :ets.next(#Reference<0.2992635446.1991114754.141687>, :zz)
iex(120)> :ets.info(e, :bogus)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not a valid info item

    (stdlib 4.2) :ets.info(#Reference<0.2992635446.1991114754.141687>, :bogus)
iex(120)> :ets.new(:x, [{:keypos, 0}])
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: invalid options

    (stdlib 4.2) :ets.new(:x, [keypos: 0])
iex(120)> :ets.info(:ets.new(:x, [:set, :bag]), :type)
:bag
iex(121)> :ets.give_away(e, self(), :x)
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: the process is already the owner of the table

    (stdlib 4.2) :ets.give_away(#Reference<0.2992635446.1991114754.141687>, #PID<0.106.0>, :x)
iex(121)> :ets.give_away(e, spawn(fn -> :ok end), :x)
true
iex(122)> :ets.info(e)
:undefined
iex(123)> :ets.new(:n, [:named_table, {:heir, self(), :hi}])
:n
iex(124)> g = spawn(fn -> receive do x -> x end end)
#PID<0.269.0>
iex(125)> :ets.give_away(:n, g, :gift)
true
iex(126)> :ets.info(:n, :owner) == g
false
iex(127)> send(g, :done); Process.sleep(50)
:ok
iex(128)> receive do {:"ETS-TRANSFER", tab, from, data} -> {tab, from == g, data} after 100 -> :none end
{:n, true, :hi}
iex(129)> :ets.info(:n, :owner) == self()
true
iex(130)> :ets.delete(:nope)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier does not refer to an existing ETS table

    (stdlib 4.2) :ets.delete(:nope)
iex(130)> :ets.info(:nope)
:undefined
iex(131)> :ets.foldl(fn x, acc -> [x | acc] end, [], :nope)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier does not refer to an existing ETS table

    (stdlib 4.2) :ets.safe_fixtable(:nope, true)
    (stdlib 4.2) ets.erl:632: :ets.foldl/3
iex(131)> :ets.tab2list(:nope)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier does not refer to an existing ETS table

    (stdlib 4.2) :ets.match_object(:nope, :_)
    (stdlib 4.2) ets.erl:771: :ets.tab2list/1
iex(131)> :ets.match(:nope, :_)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier does not refer to an existing ETS table

    (stdlib 4.2) :ets.match(:nope, :_)
iex(131)> :ets.member(:nope, 1)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: the table identifier does not refer to an existing ETS table

    (stdlib 4.2) :ets.member(:nope, 1)
iex(131)> :persistent_term.put({:app, :cfg}, [1, 2]); :persistent_term.get({:app, :cfg})
[1, 2]
