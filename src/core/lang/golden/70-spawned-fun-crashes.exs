# Crash reports of processes spawned with funs typed at the prompt: the frames iex prints under the exception;
# a .field on something not a map (KeyError with its dot-syntax hint, in a report, at the prompt, rescued).
# stacks: compared
iex(1)> spawn(fn -> raise "boom" end); Process.sleep(100)

11:46:05.311 [error] Process #PID<0.110.0> raised an exception
** (RuntimeError) boom
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
:ok
iex(2)> spawn(fn -> 1 + :a end); Process.sleep(100)

11:46:05.764 [error] Process #PID<0.112.0> raised an exception
** (ArithmeticError) bad argument in arithmetic expression
    :erlang.+(1, :a)
:ok
iex(3)> f = fn x -> x.foo end
#Function<42.3316493/1 in :erl_eval.expr/6>
iex(4)> spawn(fn -> f.(1) end); Process.sleep(100)

11:46:06.525 [error] Process #PID<0.115.0> raised an exception
** (KeyError) key :foo not found in: 1. If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
:ok
iex(5)> f.(1)
** (KeyError) key :foo not found in: 1. If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map

iex(5)> spawn(fn -> exit(:bye) end); Process.sleep(100)
:ok
iex(6)> spawn(fn -> throw(:ball) end); Process.sleep(100)

11:46:07.676 [error] Process #PID<0.120.0> raised an exception
** (ErlangError) Erlang error: {:nocatch, :ball}
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
:ok
iex(7)> spawn(fn -> Enum.map([1], fn x -> x / 0 end) end); Process.sleep(100)

11:46:08.126 [error] Process #PID<0.122.0> raised an exception
** (ArithmeticError) bad argument in arithmetic expression
    :erlang./(1, 0)
    (elixir 1.14.0) lib/enum.ex:1658: Enum."-map/2-lists^map/1-0-"/2
:ok
iex(8)> g = fn -> :erlang.binary_to_atom(1) end
#Function<43.3316493/0 in :erl_eval.expr/6>
iex(9)> spawn(g); Process.sleep(100)

11:46:08.911 [error] Process #PID<0.125.0> raised an exception
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a binary

    :erlang.binary_to_atom(1)
:ok
iex(10)> spawn(fn -> String.upcase(1) end); Process.sleep(100)

11:46:09.326 [error] Process #PID<0.127.0> raised an exception
** (FunctionClauseError) no function clause matching in String.upcase/2
    (elixir 1.14.0) lib/string.ex:831: String.upcase(1, :default)
:ok
iex(11)> spawn(fn -> [a] = [1, 2]; a end); Process.sleep(100)

11:46:09.744 [error] Process #PID<0.129.0> raised an exception
** (MatchError) no match of right hand side value: [1, 2]
    (stdlib 4.2) erl_eval.erl:496: :erl_eval.expr/6
    (stdlib 4.2) erl_eval.erl:136: :erl_eval.exprs/6
:ok
iex(12)> spawn(fn -> case 3 do 1 -> :one end end); Process.sleep(100)

11:46:10.158 [error] Process #PID<0.131.0> raised an exception
** (CaseClauseError) no case clause matching: 3
    (stdlib 4.2) erl_eval.erl:1041: :erl_eval.case_clauses/8
:ok
iex(13)> try do
...(13)>   n = nil
...(13)>   n.foo
...(13)> rescue
...(13)>   e -> e
...(13)> end
%KeyError{
  key: :foo,
  term: nil,
  message: "key :foo not found in: nil. If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map"
}
iex(14)> m = %{a: 1}
%{a: 1}
iex(15)> m.foo
** (KeyError) key :foo not found in: %{a: 1}

iex(15)> :erlang.error({:badkey, :a, 5})
** (KeyError) key :a not found in: 5. If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map

