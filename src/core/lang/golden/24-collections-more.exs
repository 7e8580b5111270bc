# Map, List and Keyword beyond the basics, Kernel's get_in/put_in/update_in/pop_in with key lists, floor/ceil, tap/then, match?, :timer.tc and :timer.sleep, for with reduce: and uniq:. Captured from piped real iex 1.14, each typed line put back after its prompt.
iex(1)> Map.from_keys([:a, :b], 0)
%{a: 0, b: 0}
iex(2)> Map.get_and_update(%{a: 1}, :a, fn v -> {v, v + 1} end)
{1, %{a: 2}}
iex(3)> Map.get_and_update(%{a: 1}, :b, fn v -> {v, :new} end)
{nil, %{a: 1, b: :new}}
iex(4)> Map.get_and_update(%{a: 1, b: 2}, :a, fn _ -> :pop end)
{1, %{b: 2}}
iex(5)> Map.get_and_update!(%{a: 1}, :a, fn v -> {v * 10, v * 2} end)
{10, %{a: 2}}
iex(6)> Map.get_and_update!(%{a: 1}, :z, fn v -> {v, v} end)
** (KeyError) key :z not found in: %{a: 1}
    :erlang.map_get(:z, %{a: 1})
    (elixir 1.14.0) lib/map.ex:319: Map.get_and_update!/3
iex(6)> Map.merge(%{a: 1, b: 2}, %{b: 3, c: 4}, fn _k, v1, v2 -> v1 + v2 end)
%{a: 1, b: 5, c: 4}
iex(7)> Map.pop!(%{a: 1, b: 2}, :a)
{1, %{b: 2}}
iex(8)> Map.pop!(%{a: 1}, :b)
** (KeyError) key :b not found in: %{a: 1}
    (elixir 1.14.0) lib/map.ex:743: Map.pop!/2
iex(8)> Map.pop_lazy(%{a: 1}, :b, fn -> :computed end)
{:computed, %{a: 1}}
iex(9)> Map.replace_lazy(%{a: 1}, :a, &(&1 * 100))
%{a: 100}
iex(10)> Map.replace_lazy(%{a: 1}, :b, &(&1 * 100))
%{a: 1}
iex(11)> Map.update(%{a: 1}, :b, 0, &(&1 + 1))
%{a: 1, b: 0}
iex(12)> Map.filter(%{a: 1, b: 2, c: 3}, fn {_k, v} -> v > 1 end)
%{b: 2, c: 3}
iex(13)> Map.reject(%{a: 1, b: 2}, fn {k, _v} -> k == :a end)
%{b: 2}
iex(14)> Map.new([1, 2], &{&1, &1 * &1})
%{1 => 1, 2 => 4}
iex(15)> List.improper?([1 | 2])
true
iex(16)> List.improper?([1, 2])
false
iex(17)> List.keyfind!([a: 1, b: 2], :b, 0)
{:b, 2}
iex(18)> List.keyfind!([a: 1], :c, 0)
** (KeyError) key :c at position 0 not found in: [a: 1]
    (elixir 1.14.0) lib/list.ex:381: List.keyfind!/3
iex(18)> List.keysort([{:b, 2}, {:a, 3}, {:c, 1}], 1)
[c: 1, b: 2, a: 3]
iex(19)> List.keysort([{:b, 2}, {:a, 3}, {:c, 1}], 0, :desc)
[c: 1, b: 2, a: 3]
iex(20)> List.keytake([a: 1, b: 2], :b, 0)
{{:b, 2}, [a: 1]}
iex(21)> List.keytake([a: 1], :z, 0)
nil
iex(22)> List.pop_at([1, 2, 3], 0)
{1, [2, 3]}
iex(23)> List.pop_at([1, 2, 3], 5)
{nil, [1, 2, 3]}
iex(24)> List.pop_at([1, 2, 3], -1, :none)
{3, [1, 2]}
iex(25)> List.starts_with?([1, 2, 3], [1, 2])
true
iex(26)> List.starts_with?([1, 2], [1, 2, 3])
false
iex(27)> List.starts_with?([1, 2], [])
true
iex(28)> List.foldl([1, 2, 3], 0, &(&1 + &2))
6
iex(29)> List.foldr([1, 2, 3], [], &[&1 | &2])
[1, 2, 3]
iex(30)> List.update_at([1, 2, 3], 1, &(&1 * 10))
[1, 20, 3]
iex(31)> Keyword.filter([a: 1, b: 2, c: 3], fn {_k, v} -> rem(v, 2) == 1 end)
[a: 1, c: 3]
iex(32)> Keyword.reject([a: 1, b: 2], fn {k, _} -> k == :a end)
[b: 2]
iex(33)> Keyword.map([a: 1, b: 2], fn {_k, v} -> v * 2 end)
[a: 2, b: 4]
iex(34)> Keyword.get_values([a: 1, b: 2, a: 3], :a)
[1, 3]
iex(35)> Keyword.pop([a: 1, b: 2, a: 3], :a)
{1, [b: 2]}
iex(36)> Keyword.pop([a: 1], :z, :default)
{:default, [a: 1]}
iex(37)> Keyword.pop!([a: 1], :a)
{1, []}
iex(38)> Keyword.pop!([a: 1], :b)
** (KeyError) key :b not found in: [a: 1]
    (elixir 1.14.0) lib/keyword.ex:1279: Keyword.pop!/2
iex(38)> Keyword.pop_first([a: 1, b: 2, a: 3], :a)
{1, [b: 2, a: 3]}
iex(39)> Keyword.pop_lazy([a: 1], :b, fn -> 42 end)
{42, [a: 1]}
iex(40)> Keyword.pop_values([a: 1, b: 2, a: 3], :a)
{[1, 3], [b: 2]}
iex(41)> Keyword.put_new_lazy([a: 1], :b, fn -> 2 end)
[b: 2, a: 1]
iex(42)> Keyword.replace([a: 1, b: 2], :a, 10)
[a: 10, b: 2]
iex(43)> Keyword.replace([a: 1], :z, 10)
[a: 1]
iex(44)> Keyword.replace!([a: 1], :z, 10)
** (KeyError) key :z not found in: [a: 1]
    (elixir 1.14.0) lib/keyword.ex:889: Keyword.replace!/4
    (elixir 1.14.0) lib/keyword.ex:885: Keyword.replace!/4
iex(44)> Keyword.replace_lazy([a: 1], :a, &(&1 + 1))
[a: 2]
iex(45)> Keyword.split([a: 1, b: 2, c: 3], [:a, :c])
{[a: 1, c: 3], [b: 2]}
iex(46)> Keyword.from_keys([:a, :b], nil)
[a: nil, b: nil]
iex(47)> Keyword.merge([a: 1, b: 2], [b: 3, c: 4], fn _k, v1, v2 -> v1 * v2 end)
[a: 1, b: 6, c: 4]
iex(48)> Keyword.new([:a, :b], &{&1, :x})
[a: :x, b: :x]
iex(49)> Keyword.equal?([a: 1, b: 2], [b: 2, a: 1])
true
iex(50)> Keyword.update([a: 1], :a, 0, &(&1 + 1))
[a: 2]
iex(51)> Keyword.get_and_update([a: 1], :a, fn v -> {v, v + 1} end)
{1, [a: 2]}
iex(52)> users = %{"ana" => %{age: 30, langs: [:elixir]}}
%{"ana" => %{age: 30, langs: [:elixir]}}
iex(53)> get_in(users, ["ana", :age])
30
iex(54)> get_in(users, ["bob", :age])
nil
iex(55)> put_in(users, ["ana", :age], 31)
%{"ana" => %{age: 31, langs: [:elixir]}}
iex(56)> update_in(users, ["ana", :langs], &[:erlang | &1])
%{"ana" => %{age: 30, langs: [:erlang, :elixir]}}
iex(57)> pop_in(users, ["ana", :age])
{30, %{"ana" => %{langs: [:elixir]}}}
iex(58)> get_and_update_in(users, ["ana", :age], &{&1, &1 + 1})
{30, %{"ana" => %{age: 31, langs: [:elixir]}}}
iex(59)> put_in([a: [b: 1]], [:a, :b], 2)
[a: [b: 2]]
iex(60)> put_in(%{}, [:a, :b], 1)
** (ArgumentError) could not put/update key :b on a nil value
    (elixir 1.14.0) lib/access.ex:368: Access.get_and_update/3
    (elixir 1.14.0) lib/map.ex:924: Map.get_and_update/3
    (elixir 1.14.0) lib/kernel.ex:2701: Kernel.put_in/3
iex(60)> floor(3.7)
3
iex(61)> ceil(3.2)
4
iex(62)> floor(-3.5)
-4
iex(63)> ceil(10)
10
iex(64)> &floor/1
&:erlang.floor/1
iex(65)> tap(%{a: 1}, &IO.inspect/1) |> Map.put(:b, 2)
%{a: 1}
%{a: 1, b: 2}
iex(66)> 1 |> then(&(&1 + 1)) |> tap(&IO.puts/1) |> then(&(&1 * 10))
2
20
iex(67)> :timer.tc(fn -> Enum.sum(1..1000) end) |> elem(1)
500500
iex(68)> {time, _} = :timer.tc(fn -> :ok end); is_integer(time) and time >= 0
true
iex(69)> elem(:timer.tc(&Enum.max/1, [[1, 5, 3]]), 1)
5
iex(70)> elem(:timer.tc(Enum, :min, [[4, 2, 8]]), 1)
2
iex(71)> :timer.sleep(5)
:ok
iex(72)> for x <- [1, 2, 3], reduce: 0 do
...(72)>   acc -> acc + x * x
...(72)> end
14
iex(73)> for x <- 1..10, rem(x, 2) == 0, reduce: [] do
...(73)>   acc -> [x | acc]
...(73)> end
[10, 8, 6, 4, 2]
iex(74)> for {k, v} <- %{a: 1, b: 2}, reduce: %{} do
...(74)>   acc -> Map.put(acc, v, k)
...(74)> end
%{1 => :a, 2 => :b}
iex(75)> for x <- [1, 2, 3], y <- [10, 20], reduce: {0, 0} do
...(75)>   {xs, ys} -> {xs + x, ys + y}
...(75)> end
{12, 90}
iex(76)> for x <- [1, 2, 3, 4], reduce: 0 do
...(76)>   acc when acc > 3 -> acc
...(76)>   acc -> acc + x
...(76)> end
6
iex(77)> for x <- [1, 2, 1, 3, 2], uniq: true, do: x * 10
[10, 20, 30]
iex(78)> for x <- [1, 2], y <- [2, 1], uniq: true, do: x + y
[3, 2, 4]
iex(79)> for x <- ~w(a b a), uniq: true, into: "", do: x
"ab"
iex(80)> for x <- [1, 2, 1], uniq: false, do: x
[1, 2, 1]
iex(81)> for x <- [1, 2], uniq: 1, do: x
** (CompileError) iex:81: :uniq option for comprehensions only accepts a boolean, got: 1

iex(81)> for x <- [1, 2], reduce: 0, into: %{} do
...(81)>   acc -> acc
...(81)> end
** (CompileError) iex:81: cannot use :reduce alongside :into/:uniq in comprehension

iex(81)> for x <- [1, 2], reduce: 0, do: x
** (CompileError) iex:81: when using :reduce with comprehensions, the do block must be written using acc -> expr clauses, where each clause expects the accumulator as a single argument

iex(81)> for w <- ~w(apple banana avocado), into: %{}, do: {w, String.length(w)}
%{"apple" => 5, "avocado" => 7, "banana" => 6}
iex(82)> for c <- ["a", "b"], into: "", do: String.upcase(c)
"AB"
iex(83)> function_exported?(Enum, :map, 2)
true
iex(84)> function_exported?(Enum, :nope, 1)
false
iex(85)> match?({:ok, _}, {:ok, 1})
true
iex(86)> match?([_ | _], [])
false
iex(87)> Enum.filter([{:ok, 1}, :error, {:ok, 5}], &match?({:ok, n} when n > 2, &1))
[ok: 5]
iex(88)> limit = 3
3
iex(89)> Enum.count([1, 5, 2, 7], &match?(n when n > limit, &1))
2
