# Strings: the String module and friends
iex(1)> String.upcase("hello")
"HELLO"
iex(2)> String.downcase("HeLLo")
"hello"
iex(3)> String.length("héllo")
5
iex(4)> byte_size("héllo")
6
iex(5)> String.split("a b  c")
["a", "b", "c"]
iex(6)> String.split("a,b,c", ",")
["a", "b", "c"]
iex(7)> String.trim("  hi  ")
"hi"
iex(8)> String.replace("a-b-c", "-", "+")
"a+b+c"
iex(9)> String.contains?("hello", "ell")
true
iex(10)> String.starts_with?("hello", "he")
true
iex(11)> String.ends_with?("hello", "lo")
true
iex(12)> String.slice("hello", 1, 3)
"ell"
iex(13)> String.slice("hello", 1..3)
"ell"
iex(14)> String.reverse("abc")
"cba"
iex(15)> String.to_integer("42")
42
iex(16)> String.to_atom("dyn")
:dyn
iex(17)> String.duplicate("ab", 3)
"ababab"
iex(18)> String.pad_leading("7", 3, "0")
"007"
iex(19)> String.pad_trailing("ab", 4)
"ab  "
iex(20)> String.first("hello")
"h"
iex(21)> String.at("hello", 1)
"e"
iex(22)> String.capitalize("elixir")
"Elixir"
iex(23)> String.graphemes("abc")
["a", "b", "c"]
iex(24)> String.to_charlist("abc")
'abc'
iex(25)> List.to_string('abc')
"abc"
iex(26)> to_charlist("hi")
'hi'
iex(27)> "a" <> "b" <> "c"
"abc"
iex(28)> "multi
...(28)> line"
"multi\nline"
iex(29)> "interp #{inspect [1, 2]} done"
"interp [1, 2] done"
iex(30)> "#{:atom} #{1.5}"
"atom 1.5"
iex(31)> IO.puts "hello"
hello
:ok
iex(32)> IO.puts ["io", "list"]
iolist
:ok
iex(33)> String.split("a=1&b=2", "&") |> Enum.map(&String.split(&1, "="))
[["a", "1"], ["b", "2"]]
iex(34)> "abc" =~ "b"
true
iex(35)> String.to_integer("12", 16)
18
iex(36)> inspect("quote\"d")
"\"quote\\\"d\""
