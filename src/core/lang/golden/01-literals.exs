# Literals: integers, floats, atoms, aliases, strings, charlists, lists, tuples, maps, keyword lists, ranges, sigils
iex(1)> 1_000
1000
iex(2)> 0x1F
31
iex(3)> 0b1010
10
iex(4)> 0o17
15
iex(5)> 123456789012345678901234567890
123456789012345678901234567890
iex(6)> -42
-42
iex(7)> 1.5
1.5
iex(8)> 1.0e10
10000000000.0
iex(9)> 3.14159
3.14159
iex(10)> 1.0e-5
1.0e-5
iex(11)> 0.1 + 0.2
0.30000000000000004
iex(12)> :ok
:ok
iex(13)> :"two@light-boy"
:"two@light-boy"
iex(14)> :"hello world"
:"hello world"
iex(15)> :two@vm
:two@vm
iex(16)> true
true
iex(17)> nil
nil
iex(18)> false
false
iex(19)> is_atom(nil)
true
iex(20)> Ticker
Ticker
iex(21)> Node
Node
iex(22)> is_atom(Node)
true
iex(23)> Elixir.Node == Node
true
iex(24)> "hello"
"hello"
iex(25)> "tab\there"
"tab\there"
iex(26)> "line\nbreak"
"line\nbreak"
iex(27)> "quote \" inside"
"quote \" inside"
iex(28)> "caf\u00e9"
"café"
iex(29)> name = "world"
"world"
iex(30)> "hello #{name}"
"hello world"
iex(31)> "sum: #{1 + 2}"
"sum: 3"
iex(32)> 'abc'
'abc'
iex(33)> 'hello' ++ ' world'
'hello world'
iex(34)> [104, 105]
'hi'
iex(35)> [1, 2, 3]
[1, 2, 3]
iex(36)> []
[]
iex(37)> [h | t] = [1, 2, 3]
[1, 2, 3]
iex(38)> h
1
iex(39)> t
[2, 3]
iex(40)> [0 | [1, 2]]
[0, 1, 2]
iex(41)> [1 | 2]
[1 | 2]
iex(42)> {:ok, 1}
{:ok, 1}
iex(43)> {}
{}
iex(44)> {:error, "reason", [1, 2]}
{:error, "reason", [1, 2]}
iex(45)> %{a: 1, b: 2}
%{a: 1, b: 2}
iex(46)> %{"k" => "v"}
%{"k" => "v"}
iex(47)> m = %{a: 1, b: 2}
%{a: 1, b: 2}
iex(48)> %{m | a: 3}
%{a: 3, b: 2}
iex(49)> m.a
1
iex(50)> m[:b]
2
iex(51)> m[:zzz]
nil
iex(52)> %{1 => :one, :two => 2}
%{1 => :one, :two => 2}
iex(53)> %{m | c: 3}
** (KeyError) key :c not found in: %{a: 1, b: 2}
    (stdlib 4.2) :maps.update(:c, 3, %{a: 1, b: 2})
    (stdlib 4.2) erl_eval.erl:309: anonymous fn/2 in :erl_eval.expr/6
    (stdlib 4.2) lists.erl:1350: :lists.foldl/3
iex(53)> [a: 1, b: 2]
[a: 1, b: 2]
iex(54)> [{:a, 1}, {:b, 2}]
[a: 1, b: 2]
iex(55)> 1..10
1..10
iex(56)> Enum.to_list(1..5)
[1, 2, 3, 4, 5]
iex(57)> 10..1
10..1//-1
iex(58)> ~w(foo bar baz)
["foo", "bar", "baz"]
iex(59)> ~w(foo bar)a
[:foo, :bar]
iex(60)> ?a
97
iex(61)> <<104, 101>>
"he"
iex(62)> <<1, 2, 3>>
<<1, 2, 3>>
