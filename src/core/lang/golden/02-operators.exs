# Operators: arithmetic, comparison, boolean, concatenation, membership, pipe, match, pin
iex(1)> 1 + 2 * 3
7
iex(2)> (1 + 2) * 3
9
iex(3)> 10 - 2 - 3
5
iex(4)> 10 / 2
5.0
iex(5)> 7 / 2
3.5
iex(6)> div(7, 2)
3
iex(7)> rem(7, 2)
1
iex(8)> div(-7, 2)
-3
iex(9)> rem(-7, 2)
-1
iex(10)> -5 + 3
-2
iex(11)> -(2 + 3)
-5
iex(12)> 2 * -3
-6
iex(13)> 1 == 1.0
true
iex(14)> 1 === 1.0
false
iex(15)> 1 != 1.0
false
iex(16)> 1 !== 1.0
true
iex(17)> 1 < :a
true
iex(18)> :a < "a"
true
iex(19)> {1, 2} < [1]
true
iex(20)> %{} > {1}
true
iex(21)> 2 > 1 and 1 > 2
false
iex(22)> true or raise "never"
true
iex(23)> false and raise "never"
false
iex(24)> not true
false
iex(25)> not nil
** (ArgumentError) argument error
    :erlang.not(nil)
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (elixir 1.14.0) lib/enum.ex:2468: Enum."-reduce/3-lists^foldl/2-0-"/3
iex(25)> nil || :default
:default
iex(26)> false && :x
false
iex(27)> 1 && 2
2
iex(28)> !nil
true
iex(29)> !1
false
iex(30)> "foo" <> "bar"
"foobar"
iex(31)> [1, 2] ++ [3]
[1, 2, 3]
iex(32)> [1, 2, 3, 2] -- [2]
[1, 3, 2]
iex(33)> 2 in [1, 2, 3]
true
iex(34)> 5 in 1..10
true
iex(35)> :x not in [:y]
true
iex(36)> "hello" |> String.upcase()
"HELLO"
iex(37)> [1, 2, 3] |> Enum.map(fn x -> x * 2 end) |> Enum.sum()
12
iex(38)> 1 + 2 == 3
true
iex(39)> x = 5
5
iex(40)> x = 6
6
iex(41)> ^x = 6
6
iex(42)> ^x = 7
** (MatchError) no match of right hand side value: 7

iex(42)> 1 and true
** (BadBooleanError) expected a boolean on left-side of "and", got: 1

iex(42)> true and 1
1
iex(43)> 5 > 3 == true
true
iex(44)> 1 / 0
** (ArithmeticError) bad argument in arithmetic expression: 1 / 0
    :erlang./(1, 0)
