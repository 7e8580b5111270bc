# Bitwise: :erlang.band/bor/bxor/bnot/bsl/bsr (big integers, negative shifts, badarith), Bitwise's functions (inlined to those BIFs) and its operators &&&, |||, <<<, >>>, ~~~ after import Bitwise, with Elixir's precedence; without the import the operator is an undefined function.
# stacks: compared
iex(1)> 6 &&& 3
** (CompileError) iex:1: undefined function &&&/2 (there is no such import)

iex(1)> Bitwise.band(6, 3)
2
iex(2)> Bitwise.bor(0b1010, 0b0101)
15
iex(3)> Bitwise.bxor(5, 1)
4
iex(4)> Bitwise.bnot(5)
-6
iex(5)> Bitwise.bsl(1, 70)
1180591620717411303424
iex(6)> Bitwise.bsr(-16, 2)
-4
iex(7)> :erlang.band(6, 3)
2
iex(8)> :erlang.bsl(1, -2)
0
iex(9)> Bitwise.band(1.0, 1)
** (ArithmeticError) bad argument in arithmetic expression: Bitwise.band(1.0, 1)
    :erlang.band(1.0, 1)
iex(9)> import Bitwise
Bitwise
iex(10)> 6 &&& 3
2
iex(11)> 6 ||| 1
7
iex(12)> 1 <<< 4
16
iex(13)> 256 >>> 4
16
iex(14)> ~~~5
-6
iex(15)> 1 + 2 &&& 3
3
iex(16)> 1 <<< 2 |> Integer.to_string()
"4"
