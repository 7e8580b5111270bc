# More of String (case modes, replace_leading/trailing, printable?, next_codepoint/grapheme, normalize, jaro/bag distance), Integer, Float (floor/ceil to digits on the exact binary value, ratio, pow), Tuple, and the Stream functions not in 22. Captured from piped real iex 1.14, each typed line put back after its prompt.
iex(1)> String.upcase("straße", :ascii)
"STRAßE"
iex(2)> String.upcase("straße")
"STRASSE"
iex(3)> String.downcase("ÀB", :ascii)
"Àb"
iex(4)> String.capitalize("élan", :ascii)
"élan"
iex(5)> String.capitalize("hello WORLD")
"Hello world"
iex(6)> String.replace_leading("hello hello world", "hello ", "")
"world"
iex(7)> String.replace_leading("---x", "-", "=")
"===x"
iex(8)> String.replace_trailing("hello!!!", "!", "?")
"hello???"
iex(9)> String.replace_trailing("abc", "z", "y")
"abc"
iex(10)> String.printable?("abc")
true
iex(11)> String.printable?("abc" <> <<0>>)
false
iex(12)> String.printable?("abc\n")
true
iex(13)> String.printable?(<<0, 1>>, 0)
true
iex(14)> String.next_codepoint("épa")
{"é", "pa"}
iex(15)> String.next_codepoint("")
nil
iex(16)> String.next_grapheme("e\u0301x")
{"é", "x"}
iex(17)> String.next_grapheme("")
nil
iex(18)> String.next_grapheme_size("e\u0301x")
{3, "x"}
iex(19)> String.jaro_distance("martha", "marhta")
0.9444444444444445
iex(20)> String.jaro_distance("dwayne", "duane")
0.8222222222222223
iex(21)> String.jaro_distance("", "")
1.0
iex(22)> String.jaro_distance("abc", "")
0.0
iex(23)> String.bag_distance("abc", "acb")
1.0
iex(24)> String.bag_distance("foo", "bar")
0.0
iex(25)> String.bag_distance("", "")
0.0
iex(26)> String.normalize("é", :nfd) |> String.length()
1
iex(27)> String.normalize("e\u0301", :nfc) == "é"
true
iex(28)> String.equivalent?("é", "e\u0301")
true
iex(29)> String.equivalent?("a", "b")
false
iex(30)> Integer.extended_gcd(240, 46)
{2, -9, 47}
iex(31)> Integer.extended_gcd(0, 0)
{0, 0, 0}
iex(32)> Integer.extended_gcd(-12, 8)
{4, -1, -1}
iex(33)> Integer.to_charlist(255, 16)
'FF'
iex(34)> Integer.to_charlist(-10, 2)
'-1010'
iex(35)> Integer.gcd(12, 18)
6
iex(36)> Integer.pow(2, 100)
1267650600228229401496703205376
iex(37)> Integer.digits(1234, 10)
[1, 2, 3, 4]
iex(38)> Integer.undigits([1, 2, 3])
123
iex(39)> Integer.mod(-7, 3)
2
iex(40)> Integer.floor_div(-7, 2)
-4
iex(41)> Integer.parse("0x1F")
{0, "x1F"}
iex(42)> Integer.to_string(255, 2)
"11111111"
iex(43)> Stream.take_every(1..10, 3) |> Enum.to_list()
[1, 4, 7, 10]
iex(44)> Stream.drop_every(1..10, 3) |> Enum.to_list()
[2, 3, 5, 6, 8, 9]
iex(45)> Stream.duplicate(:x, 3) |> Enum.to_list()
[:x, :x, :x]
iex(46)> Stream.transform(1..5, fn -> 0 end, fn x, acc -> {[x + acc], acc + x} end, fn acc -> send(self(), {:sum, acc}) end) |> Enum.to_list()
[1, 3, 6, 10, 15]
iex(47)> receive do m -> m end
{:sum, 15}
iex(48)> Stream.into([1, 2], []) |> Enum.to_list()
[1, 2]
iex(49)> Tuple.duplicate(:a, 3)
{:a, :a, :a}
iex(50)> Tuple.insert_at({1, 2}, 1, :x)
{1, :x, 2}
iex(51)> Tuple.delete_at({1, 2, 3}, 0)
{2, 3}
iex(52)> Tuple.append({1}, 2)
{1, 2}
iex(53)> Tuple.sum({1, 2, 3})
6
iex(54)> Tuple.product({2, 3})
6
iex(55)> String.split("a b  c")
["a", "b", "c"]
iex(56)> String.split("a,b,,c", ",", trim: true)
["a", "b", "c"]
iex(57)> String.slice("hello", 1..3)
"ell"
iex(58)> String.slice("hello", 1, 2)
"el"
iex(59)> String.reverse("abc")
"cba"
iex(60)> String.duplicate("ab", 3)
"ababab"
iex(61)> String.pad_trailing("ab", 5, ".")
"ab..."
iex(62)> String.starts_with?("elixir", ["er", "el"])
true
iex(63)> String.contains?("elixir", "xir")
true
iex(64)> String.graphemes("héllo")
["h", "é", "l", "l", "o"]
iex(65)> String.codepoints("ab")
["a", "b"]
iex(66)> String.to_integer("42")
42
iex(67)> String.to_float("3.5")
3.5
iex(68)> String.to_atom("ok")
:ok
iex(69)> String.at("hello", -1)
"o"
iex(70)> String.first("hello")
"h"
iex(71)> String.last("hello")
"o"
iex(72)> String.trim("  hi  ")
"hi"
iex(73)> String.trim_leading("xxhixx", "x")
"hixx"
iex(74)> String.replace("a-b-c", "-", "+")
"a+b+c"
iex(75)> String.replace("a-b-c", "-", "+", global: false)
"a+b-c"
iex(76)> String.length("héllo")
5
iex(77)> byte_size("héllo")
6
iex(78)> String.split_at("hello", 2)
{"he", "llo"}
iex(79)> String.valid?("abc")
true
iex(80)> String.to_charlist("abc")
'abc'
iex(81)> String.replace_leading(String.duplicate("-", 1_000_000), "-", "=") |> byte_size
1000000
iex(82)> String.replace_trailing("aaa", "aa", "b")
"ab"
iex(83)> String.replace_leading("aaa", "aa", "b")
"ba"
iex(84)> String.replace_leading("x", "", "b")
** (ArgumentError) cannot use an empty string as the match to replace
    (elixir 1.14.0) lib/string.ex:994: String.replace_leading/3
iex(84)> String.replace_trailing("x", "", "b")
** (ArgumentError) cannot use an empty string as the match to replace
    (elixir 1.14.0) lib/string.ex:1053: String.replace_trailing/3
iex(84)> Float.floor(12.52, 2)
12.51
iex(85)> Float.ceil(12.52, 2)
12.52
iex(86)> Float.floor(-3.456, 1)
-3.5
iex(87)> Float.ceil(-3.456, 1)
-3.4
iex(88)> Float.floor(3.456, 0)
3.0
iex(89)> Float.ceil(0.1 + 0.2, 1)
0.4
iex(90)> Float.floor(5.0e-324, 15)
0.0
iex(91)> Float.ceil(1.0e20, 3)
1.0e20
iex(92)> Float.floor(2.5)
2.0
iex(93)> Float.pow(2.0, 10)
1024.0
iex(94)> Float.ratio(0.75)
{3, 4}
iex(95)> Float.ratio(0.1)
{3602879701896397, 36028797018963968}
iex(96)> Float.floor(3, 1)
** (FunctionClauseError) no function clause matching in Float.floor/2

    The following arguments were given to Float.floor/2:

        # 1
        3

        # 2
        1

    Attempted function clauses (showing 3 out of 3):

        def floor(number, -0-) when -is_float(number)-
        def floor(number, precision) when -is_float(number)- and is_integer(precision) and precision >= 0 and precision <= 15
        def floor(number, precision) when -is_float(number)-

    (elixir 1.14.0) lib/float.ex:231: Float.floor/2
iex(96)> Float.ceil(1.1, 16)
** (ArgumentError) precision 16 is out of valid range of 0..15
    (elixir 1.14.0) lib/float.ex:287: Float.ceil/2
iex(96)> Float.ceil(-0.01, 1)
0.0
iex(97)> Float.floor(0.01, 1)
0.0
