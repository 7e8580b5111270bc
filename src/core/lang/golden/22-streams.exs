# Streams: lazy stages and sources, printing, Enum and for consuming streams (infinite ones too). Captured from piped real iex 1.14, each typed line put back after its prompt.
iex(1)> Stream.map(1..3, &(&1 * 2))
#Stream<[enum: 1..3, funs: [#Function<48.103858489/1 in Stream.map/2>]]>
iex(2)> Stream.map(1..3, &(&1 * 2)) |> Enum.to_list()
[2, 4, 6]
iex(3)> s = 1..10 |> Stream.filter(&(rem(&1, 2) == 0)) |> Stream.map(&(&1 * &1))
#Stream<[
  enum: 1..10,
  funs: [#Function<40.103858489/1 in Stream.filter/2>,
   #Function<48.103858489/1 in Stream.map/2>]
]>
iex(4)> Enum.to_list(s)
[4, 16, 36, 64, 100]
iex(5)> Enum.sum(s)
220
iex(6)> Stream.reject(1..6, &(&1 > 3)) |> Enum.to_list()
[1, 2, 3]
iex(7)> Stream.iterate(1, &(&1 * 2))
#Function<63.103858489/2 in Stream.unfold/2>
iex(8)> Stream.iterate(1, &(&1 * 2)) |> Enum.take(10)
[1, 2, 4, 8, 16, 32, 64, 128, 256, 512]
iex(9)> Stream.cycle([:a, :b, :c]) |> Enum.take(7)
[:a, :b, :c, :a, :b, :c, :a]
iex(10)> Stream.unfold(5, fn 0 -> nil; n -> {n, n - 1} end) |> Enum.to_list()
[5, 4, 3, 2, 1]
iex(11)> Stream.unfold({0, 1}, fn {a, b} -> {a, {b, a + b}} end) |> Enum.take(12)
[0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89]
iex(12)> Stream.repeatedly(fn -> :tick end) |> Enum.take(3)
[:tick, :tick, :tick]
iex(13)> Stream.take(1..100, 5)
#Stream<[
  enum: 1..100,
  funs: [#Function<56.103858489/1 in Stream.take_after_guards/2>]
]>
iex(14)> Stream.take(1..100, 5) |> Enum.to_list()
[1, 2, 3, 4, 5]
iex(15)> Stream.take(1..10, -3) |> Enum.to_list()
'\b\t\n'
iex(16)> Stream.take(1..10, 0) |> Enum.to_list()
[]
iex(17)> Stream.take_while(1..100, &(&1 < 5)) |> Enum.to_list()
[1, 2, 3, 4]
iex(18)> Stream.drop(1..10, 7) |> Enum.to_list()
'\b\t\n'
iex(19)> Stream.drop(1..10, -7) |> Enum.to_list()
[1, 2, 3]
iex(20)> Stream.drop_while(1..10, &(&1 < 8)) |> Enum.to_list()
'\b\t\n'
iex(21)> Stream.with_index([:a, :b, :c]) |> Enum.to_list()
[a: 0, b: 1, c: 2]
iex(22)> Stream.with_index([:a, :b, :c], 1) |> Enum.to_list()
[a: 1, b: 2, c: 3]
iex(23)> Stream.chunk_every(1..7, 3) |> Enum.to_list()
[[1, 2, 3], [4, 5, 6], '\a']
iex(24)> Stream.chunk_every(1..7, 3, 3, :discard) |> Enum.to_list()
[[1, 2, 3], [4, 5, 6]]
iex(25)> Stream.chunk_every(1..6, 2, 1) |> Enum.to_list()
[[1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6]]
iex(26)> Stream.chunk_every([1, 2, 3, 4, 5], 2, 2, [:pad]) |> Enum.to_list()
[[1, 2], [3, 4], [5, :pad]]
iex(27)> Stream.chunk_by([1, 1, 2, 3, 3, 1], &(&1)) |> Enum.to_list()
[[1, 1], [2], [3, 3], [1]]
iex(28)> Stream.zip([1, 2, 3], [:a, :b, :c]) |> Enum.to_list()
[{1, :a}, {2, :b}, {3, :c}]
iex(29)> Stream.zip(Stream.iterate(0, &(&1 + 1)), ["x", "y"]) |> Enum.to_list()
[{0, "x"}, {1, "y"}]
iex(30)> Stream.zip([[1, 2], [3, 4], [5, 6]]) |> Enum.to_list()
[{1, 3, 5}, {2, 4, 6}]
iex(31)> Stream.concat([1, 2], [3, 4]) |> Enum.to_list()
[1, 2, 3, 4]
iex(32)> Stream.concat([[1], 2..3, [4]]) |> Enum.to_list()
[1, 2, 3, 4]
iex(33)> Stream.concat([0], Stream.iterate(1, &(&1 + 1))) |> Enum.take(4)
[0, 1, 2, 3]
iex(34)> Stream.flat_map(1..3, fn x -> [x, -x] end) |> Enum.to_list()
[1, -1, 2, -2, 3, -3]
iex(35)> Stream.flat_map(Stream.cycle([1, 2]), fn x -> List.duplicate(x, x) end) |> Enum.take(7)
[1, 2, 2, 1, 2, 2, 1]
iex(36)> Stream.uniq([1, 2, 1, 3, 2, 4]) |> Enum.to_list()
[1, 2, 3, 4]
iex(37)> Stream.uniq_by([{1, :a}, {2, :b}, {1, :c}], fn {k, _} -> k end) |> Enum.to_list()
[{1, :a}, {2, :b}]
iex(38)> Stream.dedup([1, 1, 2, 2, 1, 3, 3]) |> Enum.to_list()
[1, 2, 1, 3]
iex(39)> Stream.scan(1..5, &(&1 + &2)) |> Enum.to_list()
[1, 3, 6, 10, 15]
iex(40)> Stream.scan(1..5, 10, &(&1 + &2)) |> Enum.to_list()
[11, 13, 16, 20, 25]
iex(41)> Stream.each([1, 2, 3], &IO.puts/1) |> Stream.run()
1
2
3
:ok
iex(42)> Stream.map([1, 2, 3], &IO.inspect/1) |> Stream.map(&(&1 * 10)) |> Enum.to_list()
1
2
3
[10, 20, 30]
iex(43)> Stream.iterate(0, &(&1 + 1)) |> Stream.map(&(&1 * &1)) |> Stream.filter(&(rem(&1, 3) == 0)) |> Enum.take(4)
[0, 9, 36, 81]
iex(44)> Stream.iterate(0, &(&1 + 1)) |> Enum.find(&(&1 * &1 > 50))
8
iex(45)> Stream.iterate(0, &(&1 + 1)) |> Enum.any?(&(&1 == 20))
true
iex(46)> Stream.iterate(0, &(&1 + 1)) |> Enum.at(9)
9
iex(47)> Stream.iterate(0, &(&1 + 1)) |> Enum.take_while(&(&1 < 4))
[0, 1, 2, 3]
iex(48)> Stream.iterate(1, &(&1 + 1)) |> Enum.reduce_while(0, fn x, acc -> if acc > 20, do: {:halt, acc}, else: {:cont, acc + x} end)
21
iex(49)> Enum.zip([:a, :b, :c], Stream.cycle([true, false]))
[a: true, b: false, c: true]
iex(50)> Stream.resource(fn -> 1 end, fn n when n > 3 -> {:halt, n}; n -> {[n, n * 10], n + 1} end, fn n -> IO.puts("closing at #{n}") end) |> Enum.to_list()
closing at 4
[1, 10, 2, 20, 3, 30]
iex(51)> Stream.resource(fn -> 0 end, fn n -> {[n], n + 1} end, fn n -> IO.puts("closed at #{n}") end) |> Enum.take(3)
closed at 3
[0, 1, 2]
iex(52)> Stream.interval(10) |> Enum.take(3)
[0, 1, 2]
iex(53)> Stream.timer(10) |> Enum.to_list()
[0]
iex(54)> Stream.transform(1..6, 0, fn x, acc -> if acc > 5, do: {:halt, acc}, else: {[x, acc], acc + x} end) |> Enum.to_list()
[1, 0, 2, 1, 3, 3]
iex(55)> Stream.intersperse([1, 2, 3], 0) |> Enum.to_list()
[1, 0, 2, 0, 3]
iex(56)> Stream.map_every(1..8, 3, &(&1 * 100)) |> Enum.to_list()
[100, 2, 3, 400, 5, 6, 700, 8]
iex(57)> Stream.run(Stream.map([1], &(&1)))
:ok
iex(58)> Enum.map(Stream.take(1..3, 2), &(&1 + 1))
[2, 3]
iex(59)> Enum.count(Stream.filter(1..100, &(rem(&1, 7) == 0)))
14
iex(60)> Enum.into(Stream.map([a: 1, b: 2], fn {k, v} -> {k, v * 2} end), %{})
%{a: 2, b: 4}
iex(61)> Map.new(Stream.with_index([:x, :y]))
%{x: 0, y: 1}
iex(62)> Enum.sort(Stream.map([3, 1, 2], &(&1 * 2)), :desc)
[6, 4, 2]
iex(63)> Enum.join(Stream.map(1..3, &Integer.to_string/1), "-")
"1-2-3"
iex(64)> for x <- Stream.map(1..3, &(&1 * 3)), do: x + 1
[4, 7, 10]
