# Binaries and bitstrings: construction, patterns, sizes and types, printing, errors, binary generators and into: <<>>, :binary. Captured from piped real iex 1.14 (no async output, so the screen is each prompt, the line typed, then the output).
iex(1)> <<1, 2, 3>>
<<1, 2, 3>>
iex(2)> <<1::3>>
<<1::size(3)>>
iex(3)> <<255, 1::1>>
<<255, 1::size(1)>>
iex(4)> <<1::size(3), 2::4>>
<<18::size(7)>>
iex(5)> <<"ab", 99>>
"abc"
iex(6)> <<"a"::integer>>
** (CompileError) iex:6: conflicting type specification for bit field: "integer" and "binary"
    (elixir 1.14.0) src/elixir_bitstring.erl:162: :elixir_bitstring.expand_specs/7
    (elixir 1.14.0) src/elixir_bitstring.erl:38: :elixir_bitstring.expand/8
    (elixir 1.14.0) src/elixir_bitstring.erl:26: :elixir_bitstring.expand/5
iex(6)> x = "a"
"a"
iex(7)> <<x>>
** (ArgumentError) construction of binary failed: segment 1 of type 'integer': expected an integer but got: "a"

iex(7)> <<1.5::float>>
<<63, 248, 0, 0, 0, 0, 0, 0>>
iex(8)> <<1.5::float-32>>
<<63, 192, 0, 0>>
iex(9)> <<:a::binary>>
** (CompileError) iex:9: invalid literal :a in <<>>
    (elixir 1.14.0) src/elixir_bitstring.erl:34: :elixir_bitstring.expand/8
    (elixir 1.14.0) src/elixir_bitstring.erl:26: :elixir_bitstring.expand/5
iex(9)> <<1::binary>>
** (CompileError) iex:9: conflicting type specification for bit field: "binary" and "integer"
    (elixir 1.14.0) src/elixir_bitstring.erl:162: :elixir_bitstring.expand_specs/7
    (elixir 1.14.0) src/elixir_bitstring.erl:38: :elixir_bitstring.expand/8
    (elixir 1.14.0) src/elixir_bitstring.erl:26: :elixir_bitstring.expand/5
iex(9)> <<a::8, rest::binary>> = <<1,2,3>>
<<1, 2, 3>>
iex(10)> <<a::4, b::binary>> = <<1,2,3>>
** (MatchError) no match of right hand side value: <<1, 2, 3>>

iex(10)> <<x::16-little>> = <<1, 2>>
<<1, 2>>
iex(11)> <<x::signed-8>> = <<255>>
<<255>>
iex(12)> <<x::utf8, r::binary>> = "héllo"
"héllo"
iex(13)> <<"ab"::utf16>>
<<0, 97, 0, 98>>
iex(14)> <<300::8>>
","
iex(15)> <<-1::16>>
<<255, 255>>
iex(16)> <<1::size(-1)>>
** (ArgumentError) construction of binary failed: segment 1 of type 'integer': expected a non-negative integer as size but got: -1

iex(16)> "ab" <> <<1>>
<<97, 98, 1>>
iex(17)> <<1, 2>> == <<1, 2>>
true
iex(18)> <<1::3>> < <<1>>
false
iex(19)> is_binary(<<1::3>>)
false
iex(20)> is_bitstring(<<1::3>>)
true
iex(21)> bit_size(<<1::3, 2>>)
11
iex(22)> byte_size(<<1::3, 2>>)
2
iex(23)> <<a, b>> = <<1, 2, 3>>
** (MatchError) no match of right hand side value: <<1, 2, 3>>

iex(23)> for <<c <- "abc">>, do: c
'abc'
iex(24)> for <<r::8, g::8, b::8 <- <<1,2,3,4,5,6>> >>, do: {r, g, b}
[{1, 2, 3}, {4, 5, 6}]
iex(25)> for c <- [97, 98], into: <<>>, do: <<c>>
"ab"
iex(26)> <<"héllo"::utf8>>
"héllo"
iex(27)> <<0, "a">>
<<0, 97>>
iex(28)> <<0::1, 1::7>>
<<1>>
iex(29)> <<x::float>> = <<0::64>>
<<0, 0, 0, 0, 0, 0, 0, 0>>
iex(30)> <<x::bits>> = <<1::3>>
<<1::size(3)>>
iex(31)> <<1::1, 0::7, 3>>
<<128, 3>>
iex(32)> :binary.first("abc")
97
iex(33)> :binary.split("a,b,c", ",")
["a", "b,c"]
iex(34)> :binary.split("a,b,c", ",", [:global])
["a", "b", "c"]
iex(35)> :binary.match("abc", "b")
{1, 1}
iex(36)> :binary.part("abc", 1, 2)
"bc"
iex(37)> :binary.bin_to_list("abc")
'abc'
iex(38)> :binary.list_to_bin([97, 98])
"ab"
iex(39)> :binary.copy("ab", 3)
"ababab"
iex(40)> :binary.at("abc", 5)
** (ArgumentError) argument error
    (stdlib 4.2) :binary.at("abc", 5)
iex(40)> byte_size(<<1::3>>)
1
iex(41)> <<x::binary-size(2), _::binary>> = "abcd"
"abcd"
iex(42)> <<"a"::utf32>>
<<0, 0, 0, 97>>
iex(43)> "ab" <> rest = "abcd"
"abcd"
iex(44)> rest
"cd"
iex(45)> <<:a::binary>>
** (CompileError) iex:45: invalid literal :a in <<>>
    (elixir 1.14.0) src/elixir_bitstring.erl:34: :elixir_bitstring.expand/8
    (elixir 1.14.0) src/elixir_bitstring.erl:26: :elixir_bitstring.expand/5
iex(45)> x = :a
:a
iex(46)> <<x::binary>>
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a bitstring

    :erlang.bit_size(:a)
iex(46)> <<x::float>>
** (ArgumentError) construction of binary failed: segment 1 of type 'float': expected a float or an integer but got: :a

iex(46)> <<x::utf8>>
** (ArgumentError) construction of binary failed: segment 1 of type 'utf8': expected a non-negative integer encodable as utf8 but got: :a

iex(46)> <<x::bits>>
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a bitstring

    :erlang.bit_size(:a)
iex(46)> y = <<1::3>>
<<1::size(3)>>
iex(47)> <<y::binary>>
** (ArgumentError) argument error

iex(47)> <<"abc"::binary-size(2)>>
** (CompileError) iex:47: literal string in bitstring supports only endianness and type specifiers, which must be one of: little, big, native, utf8, utf16, utf32, bits, bytes, binary or bitstring
    (elixir 1.14.0) src/elixir_bitstring.erl:164: :elixir_bitstring.expand_specs/7
    (elixir 1.14.0) src/elixir_bitstring.erl:38: :elixir_bitstring.expand/8
    (elixir 1.14.0) src/elixir_bitstring.erl:26: :elixir_bitstring.expand/5
iex(47)> <<"abc"::binary-size(5)>>
** (CompileError) iex:47: literal string in bitstring supports only endianness and type specifiers, which must be one of: little, big, native, utf8, utf16, utf32, bits, bytes, binary or bitstring
    (elixir 1.14.0) src/elixir_bitstring.erl:164: :elixir_bitstring.expand_specs/7
    (elixir 1.14.0) src/elixir_bitstring.erl:38: :elixir_bitstring.expand/8
    (elixir 1.14.0) src/elixir_bitstring.erl:26: :elixir_bitstring.expand/5
iex(47)> z = "abc"
"abc"
iex(48)> <<z::binary-size(5)>>
** (ArgumentError) construction of binary failed: segment 1 of type 'binary': the value "abc" is shorter than the size of the segment

iex(48)> <<z::binary-size(2)>>
"ab"
iex(49)> <<1::foo>>
** (CompileError) iex:49: unknown bitstring specifier: foo()
    (elixir 1.14.0) src/elixir_bitstring.erl:160: :elixir_bitstring.expand_specs/7
    (elixir 1.14.0) src/elixir_bitstring.erl:38: :elixir_bitstring.expand/8
    (elixir 1.14.0) src/elixir_bitstring.erl:26: :elixir_bitstring.expand/5
iex(49)> <<x::size(8)-unit(3)>>
** (ArgumentError) construction of binary failed: segment 1 of type 'integer': expected an integer but got: :a

iex(49)> <<1::float-size(20)>>
** (CompileError) iex:49: float requires size*unit to be 16, 32, or 64 (default), got: 20
    (elixir 1.14.0) src/elixir_bitstring.erl:167: :elixir_bitstring.expand_specs/7
    (elixir 1.14.0) src/elixir_bitstring.erl:38: :elixir_bitstring.expand/8
    (elixir 1.14.0) src/elixir_bitstring.erl:26: :elixir_bitstring.expand/5
iex(49)> <<-1::utf8>>
** (ArgumentError) construction of binary failed: segment 1 of type 'utf8': expected a non-negative integer encodable as utf8 but got: -1

iex(49)> <<0x110000::utf8>>
** (ArgumentError) construction of binary failed: segment 1 of type 'utf8': expected a non-negative integer encodable as utf8 but got: 1114112

iex(49)> <<x::integer>> = 1
** (MatchError) no match of right hand side value: 1

iex(49)> <<x, y::binary>> = "ab"
"ab"
iex(50)> <<x::binary, y>> = "ab"
** (CompileError) iex:50: a binary field without size is only allowed at the end of a binary pattern, at the right side of binary concatenation and and never allowed in binary generators. The following examples are invalid:

    rest <> "foo"
    <<rest::binary, "foo">>

They are invalid because there is a bits/bitstring component not at the end. However, the "reverse" would work:

    "foo" <> rest
    <<"foo", rest::binary>>


    (elixir 1.14.0) src/elixir_bitstring.erl:163: :elixir_bitstring.expand_specs/7
    (elixir 1.14.0) src/elixir_bitstring.erl:38: :elixir_bitstring.expand/8
    (elixir 1.14.0) src/elixir_bitstring.erl:14: :elixir_bitstring.expand/5
iex(50)> <<x::binary-size(2), y::bits>> = "abc"
"abc"
iex(51)> len = 2
2
iex(52)> <<a::binary-size(len), rest::binary>> = "abcd"
"abcd"
iex(53)> <<n::8, s::binary-size(n), _::binary>> = <<2, "hey">>
<<2, 104, 101, 121>>
iex(54)> s
"he"
iex(55)> <<n::8, s::binary-size(n)>> = <<5, "hey">>
** (MatchError) no match of right hand side value: <<5, 104, 101, 121>>

iex(55)> <<"ab"::utf16-little>>
<<97, 0, 98, 0>>
iex(56)> <<x::utf16>> = <<0, 97>>
<<0, 97>>
iex(57)> <<1::size(2)-unit(8)>>
<<0, 1>>
iex(58)> <<1::8*2>>
<<0, 1>>
iex(59)> <<1.5::float-little>>
<<0, 0, 0, 0, 0, 0, 248, 63>>
iex(60)> <<x::float-32>> = <<1.5::float-32>>
<<63, 192, 0, 0>>
iex(61)> <<2.5::16-float>>
<<65, 0>>
iex(62)> <<x::little-signed-16>> = <<254, 255>>
<<254, 255>>
iex(63)> <<x::size(1024)>> = <<1::1024>>
<<0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...>>
iex(64)> <<1::little-size(12)>>
<<1, 0::size(4)>>
iex(65)> <<1::little-size(16)>>
<<1, 0>>
iex(66)> <<1, 2>> <> <<3>>
<<1, 2, 3>>
iex(67)> "a" <> x = <<97, 1::3>>
** (MatchError) no match of right hand side value: <<97, 1::size(3)>>

iex(67)> <<x::binary-unit(4)>> = <<1::4>>
<<1::size(4)>>
iex(68)> <<a::binary-size(3), ?-, b::binary>> = "abc-def"
"abc-def"
iex(69)> {a, b}
{"abc", "def"}
iex(70)> for <<c::8 <- <<1, 2, 3::4>> >>, do: c
[1, 2]
iex(71)> for <<c <- "hello">>, c > ?h, into: "", do: <<c - 32>>
"LLO"
iex(72)> for <<x::1 <- <<5::4>> >>, do: x
[0, 1, 0, 1]
iex(73)> <<x::16-signed-little>> = <<0, 128>>
<<0, 128>>
iex(74)> <<big::64>> = <<1, 2, 3, 4, 5, 6, 7, 8>>
<<1, 2, 3, 4, 5, 6, 7, 8>>
iex(75)> <<1::128>>
<<0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1>>
iex(76)> <<-1::72>>
<<255, 255, 255, 255, 255, 255, 255, 255, 255>>
iex(77)> <<1.5::float-16>>
<<62, 0>>
iex(78)> <<x::float-16>> = <<62, 0>>
<<62, 0>>
iex(79)> :binary.last("abc")
99
iex(80)> :binary.part("hello", {1, 3})
"ell"
iex(81)> :binary.matches("banana", "an")
[{1, 2}, {3, 2}]
iex(82)> :binary.replace("a-b-c", "-", "+", [:global])
"a+b+c"
iex(83)> :binary.split("a  b", " ", [:global, :trim_all])
["a", "b"]
iex(84)> :binary.decode_unsigned(<<1, 0>>)
256
iex(85)> :binary.encode_unsigned(256)
<<1, 0>>
iex(86)> <<0::size(18446744073709551616)>>
** (SystemLimitError) construction of binary failed: segment 1 of type 'integer': the size 18446744073709551616 is too large

iex(86)> byte_size(<<1, 2, 3>>)
3
iex(87)> binary_part("hello", 1, 3)
"ell"
iex(88)> <<?a, ?b>> == "ab"
true
iex(89)> [<<1::1>>, <<1>>, <<0::3>>] |> Enum.sort()
[<<0::size(3)>>, <<1>>, <<1::size(1)>>]
iex(90)> %{<<1::3>> => :bits}
%{<<1::size(3)>> => :bits}
iex(91)> for x <- [1, 2], into: <<>>, do: <<x::3>>
<<10::size(6)>>
iex(92)> for <<x::3 <- <<255, 255>> >>, into: <<>>, do: <<x::3>>
<<255, 127::size(7)>>
iex(93)> f = fn <<a::4, _::bits>> when bit_size(a) == 0 -> :no; <<a::4, _::bits>> -> a end
#Function<42.3316493/1 in :erl_eval.expr/6>
iex(94)> f.(<<0xF0>>)
15
iex(95)> case <<1, 2, 3>> do <<1, rest::binary>> -> rest end
<<2, 3>>
iex(96)> defmodule P do def parse(<<len::16, body::binary-size(len), rest::binary>>), do: {body, rest} end
{:module, P,
 <<70, 79, 82, 49, 0, 0, 5, 236, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 187,
   0, 0, 0, 19, 8, 69, 108, 105, 120, 105, 114, 46, 80, 8, 95, 95, 105, 110,
   102, 111, 95, 95, 10, 97, 116, 116, 114, ...>>, {:parse, 1}}
iex(97)> P.parse(<<0, 2, "hi", "rest">>)
{"hi", "rest"}
iex(98)> IO.inspect(<<1::3>>)
<<1::size(3)>>
<<1::size(3)>>
iex(99)> x = <<1::3>>
<<1::size(3)>>
iex(100)> is_bitstring(x) and not is_binary(x)
true
iex(101)> <<a::binary-size(1), _::binary>> = "é"
"é"
iex(102)> a
<<195>>
iex(103)> :erlang.bitstring_to_list(<<1, 2::3>>)
[1, <<2::size(3)>>]
iex(104)> :erlang.list_to_bitstring([1, <<2::3>>])
<<1, 2::size(3)>>
iex(105)> String.valid?(<<255>>)
false
iex(106)> <<"a", 0>> <> "b"
<<97, 0, 98>>
iex(107)> << 1 , 2 >>
<<1, 2>>
iex(108)> <<
...(108)> 1,
...(108)> 2
...(108)> >>
<<1, 2>>
iex(109)> send(self(), <<1::5>>)
<<1::size(5)>>
iex(110)> receive do <<n::5>> -> n end
1
