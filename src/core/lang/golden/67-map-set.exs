# MapSet: new (from a list, a range, with a transform), put/delete/member?/size/to_list, the set operations, filter/reject,
# Enumerable and Collectable (Enum.into, for into:), Inspect (nested, wrapping), == and a non-enumerable argument.
iex(1)> s = MapSet.new([3, 1, 2, 1])
MapSet.new([1, 2, 3])
iex(2)> MapSet.put(s, 4)
MapSet.new([1, 2, 3, 4])
iex(3)> MapSet.delete(s, 1)
MapSet.new([2, 3])
iex(4)> MapSet.member?(s, 2)
true
iex(5)> MapSet.size(s)
3
iex(6)> MapSet.to_list(s)
[1, 2, 3]
iex(7)> MapSet.union(s, MapSet.new([5]))
MapSet.new([1, 2, 3, 5])
iex(8)> MapSet.intersection(s, MapSet.new([2, 3, 9]))
MapSet.new([2, 3])
iex(9)> MapSet.difference(s, MapSet.new([2]))
MapSet.new([1, 3])
iex(10)> MapSet.symmetric_difference(s, MapSet.new([3, 4]))
MapSet.new([1, 2, 4])
iex(11)> MapSet.subset?(MapSet.new([1]), s)
true
iex(12)> MapSet.disjoint?(s, MapSet.new([7]))
true
iex(13)> MapSet.equal?(s, MapSet.new([1, 2, 3]))
true
iex(14)> MapSet.new([1, 2], fn x -> x * 10 end)
MapSet.new([10, 20])
iex(15)> MapSet.new()
MapSet.new([])
iex(16)> MapSet.filter(s, &(&1 > 1))
MapSet.new([2, 3])
iex(17)> MapSet.reject(s, &(&1 > 1))
MapSet.new([1])
iex(18)> Enum.map(s, &(&1 * 2))
[2, 4, 6]
iex(19)> Enum.count(s)
3
iex(20)> Enum.into([:b, :a], MapSet.new())
MapSet.new([:a, :b])
iex(21)> for x <- [1, 2, 2], into: MapSet.new(), do: x
MapSet.new([1, 2])
iex(22)> MapSet.new(1..30)
MapSet.new([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30])
iex(23)> MapSet.new([:a, "b", {1}, 2.0])
MapSet.new([2.0, :a, {1}, "b"])
iex(24)> s == MapSet.new([1, 2, 3])
true
iex(25)> %{set: s}
%{set: MapSet.new([1, 2, 3])}
iex(26)> MapSet.new(5)
** (Protocol.UndefinedError) protocol Enumerable not implemented for 5 of type Integer
    (elixir 1.14.0) lib/enum.ex:1: Enumerable.impl_for!/1
    (elixir 1.14.0) lib/enum.ex:166: Enumerable.reduce/3
    (elixir 1.14.0) lib/enum.ex:4307: Enum.reverse/1
    (elixir 1.14.0) lib/enum.ex:3646: Enum.to_list/1
    (elixir 1.14.0) lib/map_set.ex:94: MapSet.new/1
iex(26)> i = MapSet.new(["one", "two"]) |> MapSet.put("three")
MapSet.new(["one", "three", "two"])
iex(27)> Enum.sort(i)
["one", "three", "two"]
