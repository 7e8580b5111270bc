# Elixir 1.14 iex session: clauses in parentheses as the value of do:/after:/rescue:/catch: (receive(do: (n -> n)), case, cond, try, over several lines), and the CompileError for a parenthesised -> anywhere else. Captured from piped input, typed lines put back after their prompts; twice, the runs agreed after masking.
iex(1)> send(self(), 5)
5
iex(2)> receive(do: (n -> n))
5
iex(3)> send(self(), 6)
6
iex(4)> receive(do: (n -> n * 2))
12
iex(5)> receive(do: (n -> n), after: (0 -> :none))
:none
iex(6)> send(self(), {:a, 1})
{:a, 1}
iex(7)> receive(do: ({:a, x} -> x; other -> other))
1
iex(8)> receive(do: (
...(8)>   n -> n + 1
...(8)> ), after: (
...(8)>   10 -> :waited
...(8)> ))
:waited
iex(9)> x = (1 -> 2)
** (CompileError) iex:9: unhandled operator ->

iex(9)> (1 -> 2)
** (CompileError) iex:9: unhandled operator ->

iex(9)> IO.inspect((a -> b))
** (CompileError) iex:9: unhandled operator ->

iex(9)> case 2, do: (1 -> :one; 2 -> :two)
:two
iex(10)> case 2, do: (x when x > 1 -> :big)
:big
iex(11)> cond(do: (false -> 1; true -> 2))
2
iex(12)> try(do: raise("x"), rescue: (e -> e.message))
"x"
iex(13)> try(do: throw(:t), catch: (:throw, v -> {:caught, v}))
{:caught, :t}
iex(14)> (fn x -> x end).(1)
1
