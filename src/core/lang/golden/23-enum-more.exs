# More of Enum: chunk_while, count_until, drop_every, map_every, intersperse, flat_map_reduce, max/min with sorters and fallbacks, min_max_by, reverse_slice, split_while, unzip, zip_reduce, zip_with, random/shuffle (checked by property), and the fun-taking functions a textbook uses. Captured from piped real iex 1.14, each typed line put back after its prompt.
iex(1)> Enum.chunk_while(1..10, [], fn x, acc -> if rem(x, 2) == 0, do: {:cont, Enum.reverse([x | acc]), []}, else: {:cont, [x | acc]} end, fn [] -> {:cont, []}; acc -> {:cont, Enum.reverse(acc), []} end)
[[1, 2], [3, 4], [5, 6], '\a\b', '\t\n']
iex(2)> Enum.count_until(1..20, 5)
5
iex(3)> Enum.count_until(1..20, &(rem(&1, 2) == 0), 7)
7
iex(4)> Enum.count_until([1, 2], 5)
2
iex(5)> Enum.drop_every(1..10, 2)
[2, 4, 6, 8, 10]
iex(6)> Enum.drop_every(1..10, 0)
[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
iex(7)> Enum.drop_every([1, 2, 3], 1)
[]
iex(8)> Enum.take_every(1..10, 3)
[1, 4, 7, 10]
iex(9)> Enum.map_every(1..10, 2, &(&1 * 1000))
[1000, 2, 3000, 4, 5000, 6, 7000, 8, 9000, 10]
iex(10)> Enum.map_every(1..5, 0, &(&1 * 1000))
[1, 2, 3, 4, 5]
iex(11)> Enum.intersperse([1, 2, 3], 0)
[1, 0, 2, 0, 3]
iex(12)> Enum.intersperse([], 0)
[]
iex(13)> Enum.map_intersperse([1, 2, 3], :a, &(&1 * 2))
[2, :a, 4, :a, 6]
iex(14)> Enum.flat_map_reduce(1..100, 0, fn x, acc -> if acc < 3, do: {[x, x], acc + 1}, else: {:halt, acc} end)
{[1, 1, 2, 2, 3, 3], 3}
iex(15)> Enum.flat_map_reduce([1, 2], 0, fn x, acc -> {[x * 10], acc + x} end)
{[10, 20], 3}
iex(16)> Enum.max([], fn -> :none end)
:none
iex(17)> Enum.max(["a", "bb", "c"], &>=/2)
"c"
iex(18)> Enum.max([1, 3, 2], &<=/2)
1
iex(19)> Enum.min([], fn -> :empty end)
:empty
iex(20)> Enum.min([3, 1, 2], &>=/2, fn -> 0 end)
3
iex(21)> Enum.max_by(["aaa", "b", "cc"], &String.length/1, fn -> nil end)
"aaa"
iex(22)> Enum.max_by([], &String.length/1, fn -> nil end)
nil
iex(23)> Enum.min_by(["aaa", "b", "cc", "d"], &String.length/1, &>/2)
"aaa"
iex(24)> Enum.min_by([{:a, 3}, {:b, 1}], &elem(&1, 1), fn -> :none end)
{:b, 1}
iex(25)> Enum.min_max([], fn -> {nil, nil} end)
{nil, nil}
iex(26)> Enum.min_max_by(["aaa", "b", "cc"], &String.length/1)
{"b", "aaa"}
iex(27)> Enum.min_max_by(["aa", "b", "cc", "d"], &String.length/1)
{"b", "aa"}
iex(28)> Enum.min_max_by([], &String.length/1, fn -> :empty end)
:empty
iex(29)> Enum.min_max_by([1, 2, 3], &(&1), &>/2)
{3, 1}
iex(30)> Enum.reverse_slice([1, 2, 3, 4, 5, 6], 2, 3)
[1, 2, 5, 4, 3, 6]
iex(31)> Enum.reverse_slice(1..6, 0, 100)
[6, 5, 4, 3, 2, 1]
iex(32)> Enum.split_while([1, 2, 3, 4], &(&1 < 3))
{[1, 2], [3, 4]}
iex(33)> Enum.split_while([1, 2, 3], &(&1 > 5))
{[], [1, 2, 3]}
iex(34)> Enum.unzip([{:a, 1}, {:b, 2}, {:c, 3}])
{[:a, :b, :c], [1, 2, 3]}
iex(35)> Enum.unzip(%{a: 1, b: 2})
{[:a, :b], [1, 2]}
iex(36)> Enum.zip_reduce([1, 2], [3, 4], 0, fn x, y, acc -> x * y + acc end)
11
iex(37)> Enum.zip_reduce([[1, 2], [3, 4], [5, 6]], [], fn xs, acc -> [Enum.sum(xs) | acc] end)
'\f\t'
iex(38)> Enum.zip_with([[1, 2], [3, 4], [5, 6]], &Enum.sum/1)
'\t\f'
iex(39)> Enum.zip_with([1, 2], [3, 4], &(&1 * &2))
[3, 8]
iex(40)> length(Enum.shuffle(1..10)) == 10 and Enum.sort(Enum.shuffle(1..10)) == Enum.to_list(1..10)
true
iex(41)> Enum.random([:only])
:only
iex(42)> Enum.member?(1..10, Enum.random(1..10))
true
iex(43)> Enum.take_random(1..10, 0)
[]
iex(44)> length(Enum.take_random(1..10, 3))
3
iex(45)> Enum.random([])
** (Enum.EmptyError) empty error
    (elixir 1.14.0) lib/enum.ex:2349: Enum.random/1
iex(45)> Enum.split_with([1, 2, 3, 4], &(rem(&1, 2) == 0))
{[2, 4], [1, 3]}
iex(46)> Enum.chunk_every([1, 2, 3, 4, 5], 2)
[[1, 2], [3, 4], [5]]
iex(47)> Enum.chunk_by(["a", "b", "cc", "dd", "e"], &String.length/1)
[["a", "b"], ["cc", "dd"], ["e"]]
iex(48)> Enum.dedup_by([5, 1, 2, 3, 2, 1], fn x -> x > 2 end)
[5, 1, 3, 2]
iex(49)> Enum.frequencies_by(~w(aa b cc d), &String.length/1)
%{1 => 2, 2 => 2}
iex(50)> Enum.group_by(~w(ant bee cat ape), &String.first/1)
%{"a" => ["ant", "ape"], "b" => ["bee"], "c" => ["cat"]}
iex(51)> Enum.group_by(~w(ant bee cat ape), &String.first/1, &String.upcase/1)
%{"a" => ["ANT", "APE"], "b" => ["BEE"], "c" => ["CAT"]}
iex(52)> Enum.map_reduce([1, 2, 3], 0, fn x, acc -> {x * 2, acc + x} end)
{[2, 4, 6], 6}
iex(53)> Enum.reduce(1..4, fn x, acc -> x * acc end)
24
iex(54)> Enum.scan([1, 2, 3, 4], &(&1 * &2))
[1, 2, 6, 24]
iex(55)> Enum.slice(1..10, 2..4)
[3, 4, 5]
iex(56)> Enum.slice([1, 2, 3, 4, 5], 1, 2)
[2, 3]
iex(57)> Enum.sort_by(["cc", "a", "bbb"], &String.length/1, :desc)
["bbb", "cc", "a"]
iex(58)> Enum.uniq_by([{1, :x}, {2, :y}, {1, :z}], &elem(&1, 0))
[{1, :x}, {2, :y}]
iex(59)> Enum.with_index(~w(a b c), fn x, i -> "#{i}:#{x}" end)
["0:a", "1:b", "2:c"]
iex(60)> Enum.zip([1, 2, 3], [:a, :b])
[{1, :a}, {2, :b}]
iex(61)> Enum.into([a: 1, b: 2], %{}, fn {k, v} -> {v, k} end)
%{1 => :a, 2 => :b}
iex(62)> Enum.min_max([4, 2, 9, 1])
{1, 9}
iex(63)> Enum.sum(1..100)
5050
iex(64)> Enum.product(1..10)
3628800
iex(65)> Enum.join(["a", "b", "c"], ", ")
"a, b, c"
iex(66)> Enum.map_join(1..3, "+", &(&1 * &1))
"1+4+9"
iex(67)> Enum.reject(1..10, &(rem(&1, 3) != 0))
[3, 6, 9]
iex(68)> Enum.empty?(%{})
true
iex(69)> Enum.find_index(["a", "b"], &(&1 == "b"))
1
iex(70)> Enum.find_value([1, 2, 3], fn x -> if x > 1, do: x * 10 end)
20
iex(71)> Enum.count(%{a: 1, b: 2})
2
iex(72)> Enum.at([1, 2, 3], -1)
3
iex(73)> Enum.fetch!([1, 2], 5)
** (Enum.OutOfBoundsError) out of bounds error
    (elixir 1.14.0) lib/enum.ex:1072: Enum.fetch!/2
iex(73)> Enum.reduce([], fn x, acc -> x + acc end)
** (Enum.EmptyError) empty error
    (elixir 1.14.0) lib/enum.ex:2414: Enum.reduce/2
