# Control flow: case, cond, if/unless, receive...after, with/else, for comprehensions, try/rescue/catch/after
iex(1)> case {1, 2} do
...(1)>   {1, x} -> "got #{x}"
...(1)>   _ -> :other
...(1)> end
"got 2"
iex(2)> case 5 do
...(2)>   n when n > 3 -> :big
...(2)>   _ -> :small
...(2)> end
:big
iex(3)> case :nope do
...(3)>   :yes -> 1
...(3)> end
** (CaseClauseError) no case clause matching: :nope

iex(3)> cond do
...(3)>   1 + 1 == 3 -> :wrong
...(3)>   true -> :right
...(3)> end
:right
iex(4)> cond do
...(4)>   false -> 1
...(4)> end
** (CondClauseError) no cond clause evaluated to a truthy value

iex(4)> if true, do: :yes, else: :no
:yes
iex(5)> if nil do
...(5)>   :a
...(5)> else
...(5)>   :b
...(5)> end
:b
iex(6)> if false, do: :x
nil
iex(7)> unless false, do: :ran
:ran
iex(8)> send self(), :hi
:hi
iex(9)> receive do
...(9)>   :hi -> :got_hi
...(9)> end
:got_hi
iex(10)> receive do
...(10)>   :nothing -> :never
...(10)> after
...(10)>   100 -> :timeout
...(10)> end
:timeout
iex(11)> send self(), {:msg, 42}
{:msg, 42}
iex(12)> receive do {:msg, n} -> n * 2 end
84
iex(13)> with {:ok, a} <- {:ok, 1}, {:ok, b} <- {:ok, 2}, do: a + b
3
iex(14)> with {:ok, a} <- {:error, :bad} do
...(14)>   a
...(14)> else
...(14)>   {:error, reason} -> {:failed, reason}
...(14)> end
{:failed, :bad}
iex(15)> with {:ok, a} <- :other, do: a
:other
iex(16)> for x <- [1, 2, 3], do: x * x
[1, 4, 9]
iex(17)> for x <- 1..10, rem(x, 2) == 0, do: x
[2, 4, 6, 8, 10]
iex(18)> for x <- [1, 2], y <- [:a, :b], do: {x, y}
[{1, :a}, {1, :b}, {2, :a}, {2, :b}]
iex(19)> for {k, v} <- %{a: 1, b: 2}, into: %{}, do: {k, v * 10}
%{a: 10, b: 20}
iex(20)> for c <- ~w(a b c), into: "", do: String.upcase(c)
"ABC"
iex(21)> for {:ok, v} <- [{:ok, 1}, :skip, {:ok, 3}], do: v
[1, 3]
iex(22)> try do
...(22)>   raise "oops"
...(22)> rescue
...(22)>   e in RuntimeError -> {:rescued, e.message}
...(22)> end
{:rescued, "oops"}
iex(23)> try do
...(23)>   throw(:ball)
...(23)> catch
...(23)>   :ball -> :caught
...(23)> end
:caught
iex(24)> try do
...(24)>   exit(:bye)
...(24)> catch
...(24)>   :exit, reason -> {:exit, reason}
...(24)> end
{:exit, :bye}
iex(25)> try do
...(25)>   :ok
...(25)> after
...(25)>   IO.puts "after runs"
...(25)> end
after runs
:ok
iex(26)> try do
...(26)>   1 / 0
...(26)> rescue
...(26)>   ArithmeticError -> :div_by_zero
...(26)> end
:div_by_zero
iex(27)> try do
...(27)>   String.to_integer("x")
...(27)> rescue
...(27)>   e -> e
...(27)> end
%ArgumentError{
  message: "errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of an integer\n"
}
iex(28)> try do
...(28)>   raise ArgumentError, "bad"
...(28)> rescue
...(28)>   e in ArgumentError -> Exception.message(e)
...(28)> after
...(28)>   IO.puts "cleanup"
...(28)> end
cleanup
"bad"
