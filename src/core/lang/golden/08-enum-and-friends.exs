# Standard modules: Enum, List, Map, Tuple, Keyword, Integer, Atom, :erlang, :math, Kernel
iex(1)> Enum.map([1, 2, 3], fn x -> x * 2 end)
[2, 4, 6]
iex(2)> Enum.each([1, 2], fn x -> IO.puts(x) end)
1
2
:ok
iex(3)> Enum.reduce(1..4, 0, fn x, acc -> x + acc end)
10
iex(4)> Enum.filter(1..6, fn x -> rem(x, 2) == 0 end)
[2, 4, 6]
iex(5)> Enum.reject(1..6, &(&1 > 2))
[1, 2]
iex(6)> Enum.sum([1, 2, 3])
6
iex(7)> Enum.count([1, 2, 3])
3
iex(8)> Enum.at([:a, :b, :c], 1)
:b
iex(9)> Enum.at([:a], 5)
nil
iex(10)> Enum.member?([1, 2], 2)
true
iex(11)> Enum.reverse([1, 2, 3])
[3, 2, 1]
iex(12)> Enum.sort([3, 1, 2])
[1, 2, 3]
iex(13)> Enum.sort([3, 1, 2], :desc)
[3, 2, 1]
iex(14)> Enum.sort_by(["bb", "a", "ccc"], &String.length/1)
["a", "bb", "ccc"]
iex(15)> Enum.take([1, 2, 3, 4], 2)
[1, 2]
iex(16)> Enum.drop([1, 2, 3, 4], 2)
[3, 4]
iex(17)> Enum.zip([1, 2, 3], [:a, :b, :c])
[{1, :a}, {2, :b}, {3, :c}]
iex(18)> Enum.with_index([:a, :b])
[a: 0, b: 1]
iex(19)> Enum.join(["a", "b", "c"], ", ")
"a, b, c"
iex(20)> Enum.join([1, 2, 3])
"123"
iex(21)> Enum.into([a: 1, b: 2], %{})
%{a: 1, b: 2}
iex(22)> Enum.to_list(1..3)
[1, 2, 3]
iex(23)> Enum.find([1, 2, 3, 4], fn x -> x > 2 end)
3
iex(24)> Enum.find([1], &(&1 > 5))
nil
iex(25)> Enum.any?([1, 2], &(&1 > 1))
true
iex(26)> Enum.all?([1, 2], &(&1 > 1))
false
iex(27)> Enum.max([3, 9, 2])
9
iex(28)> Enum.min([3, 9, 2])
2
iex(29)> Enum.uniq([1, 2, 1, 3, 2])
[1, 2, 3]
iex(30)> Enum.flat_map([1, 2], fn x -> [x, x] end)
[1, 1, 2, 2]
iex(31)> Enum.map(%{a: 1}, fn {k, v} -> {k, v + 1} end)
[a: 2]
iex(32)> Enum.max([])
** (Enum.EmptyError) empty error
    (elixir 1.14.0) lib/enum.ex:1855: anonymous fn/0 in Enum.max/1
iex(32)> List.first([1, 2])
1
iex(33)> List.last([1, 2])
2
iex(34)> List.flatten([1, [2, [3]]])
[1, 2, 3]
iex(35)> List.wrap(:a)
[:a]
iex(36)> List.delete([1, 2, 1], 1)
[2, 1]
iex(37)> List.insert_at([1, 2], 1, :x)
[1, :x, 2]
iex(38)> Map.get(%{a: 1}, :a)
1
iex(39)> Map.get(%{a: 1}, :b, :default)
:default
iex(40)> Map.put(%{a: 1}, :b, 2)
%{a: 1, b: 2}
iex(41)> Map.keys(%{a: 1, b: 2})
[:a, :b]
iex(42)> Map.values(%{a: 1, b: 2})
[1, 2]
iex(43)> Map.has_key?(%{a: 1}, :a)
true
iex(44)> Map.delete(%{a: 1, b: 2}, :a)
%{b: 2}
iex(45)> Map.merge(%{a: 1}, %{b: 2})
%{a: 1, b: 2}
iex(46)> Map.update(%{a: 1}, :a, 0, &(&1 + 1))
%{a: 2}
iex(47)> Map.fetch(%{a: 1}, :a)
{:ok, 1}
iex(48)> Map.fetch(%{a: 1}, :b)
:error
iex(49)> Map.to_list(%{a: 1})
[a: 1]
iex(50)> Tuple.to_list({1, 2})
[1, 2]
iex(51)> Tuple.append({1}, 2)
{1, 2}
iex(52)> Keyword.get([a: 1, b: 2], :b)
2
iex(53)> Keyword.put([a: 1], :b, 2)
[b: 2, a: 1]
iex(54)> Keyword.keys([a: 1, b: 2])
[:a, :b]
iex(55)> Integer.to_string(42)
"42"
iex(56)> Integer.parse("12abc")
{12, "abc"}
iex(57)> Integer.parse("abc")
:error
iex(58)> Atom.to_string(:ok)
"ok"
iex(59)> :erlang.term_to_binary(:a)
<<131, 100, 0, 1, 97>>
iex(60)> :erlang.element(1, {:x, :y})
:x
iex(61)> :erlang.tuple_size({1, 2})
2
iex(62)> :erlang.atom_to_list(:abc)
'abc'
iex(63)> :math.pi
3.141592653589793
iex(64)> :math.sqrt(16)
4.0
iex(65)> :math.pow(2, 10)
1024.0
iex(66)> elem({:a, :b}, 1)
:b
iex(67)> put_elem({:a, :b}, 0, :z)
{:z, :b}
iex(68)> hd([1, 2])
1
iex(69)> tl([1, 2])
[2]
iex(70)> length([1, 2, 3])
3
iex(71)> is_integer(1)
true
iex(72)> is_float(1.0)
true
iex(73)> is_list([])
true
iex(74)> is_tuple({})
true
iex(75)> is_map(%{})
true
iex(76)> is_binary("a")
true
iex(77)> is_boolean(nil)
false
iex(78)> abs(-3)
3
iex(79)> max(1, 2)
2
iex(80)> min(:a, 1)
1
iex(81)> round(2.5)
3
iex(82)> trunc(2.7)
2
iex(83)> to_string(:atom)
"atom"
iex(84)> to_string(42)
"42"
iex(85)> inspect([1, 2])
"[1, 2]"
iex(86)> inspect("str")
"\"str\""
iex(87)> apply(Enum, :sum, [[1, 2]])
3
iex(88)> apply(fn a, b -> a * b end, [3, 4])
12
iex(89)> IO.inspect({:a, 1})
{:a, 1}
{:a, 1}
iex(90)> IO.inspect([1, 2], label: "list")
list: [1, 2]
[1, 2]
iex(91)> IO.write("no newline")
no newline:ok
