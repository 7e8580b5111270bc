# Exceptions as rescue makes them (Exception.normalize): the struct's exact fields, so inspect prints %ErlangError{original: …, reason: nil}, %FunctionClauseError{… kind: nil, args: nil, clauses: nil}, %BadArityError{…}; their messages computed from the fields.
iex(1)> defmodule M do
...(1)>   def f(1), do: :ok
...(1)> end
{:module, M,
 <<70, 79, 82, 49, 0, 0, 5, 0, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 164, 0,
   0, 0, 18, 8, 69, 108, 105, 120, 105, 114, 46, 77, 8, 95, 95, 105, 110, 102,
   111, 95, 95, 10, 97, 116, 116, 114, ...>>, {:f, 1}}
iex(2)> try do M.f(2) rescue e -> e end
%FunctionClauseError{
  module: M,
  function: :f,
  arity: 1,
  kind: nil,
  args: nil,
  clauses: nil
}
iex(3)> try do :erlang.error(:foo) rescue e -> e end
%ErlangError{original: :foo, reason: nil}
iex(4)> e = try do :erlang.error({:erpc, :noconnection}) rescue e -> e end
%ErlangError{original: {:erpc, :noconnection}, reason: nil}
iex(5)> e.reason
nil
iex(6)> Exception.message(e)
"Erlang error: {:erpc, :noconnection}"
iex(7)> try do Map.fetch!(%{}, :a) rescue e -> e end
%KeyError{key: :a, term: %{}, message: nil}
iex(8)> try do :erlang.error({:badkey, :a}) rescue e -> e end
%KeyError{key: :a, term: nil, message: nil}
iex(9)> try do :erlang.error(:function_clause) rescue e -> e end
%FunctionClauseError{
  module: :erl_eval,
  function: :do_apply,
  arity: 7,
  kind: nil,
  args: nil,
  clauses: nil
}
iex(10)> f = try do M.f(3) rescue e -> e end
%FunctionClauseError{
  module: M,
  function: :f,
  arity: 1,
  kind: nil,
  args: nil,
  clauses: nil
}
iex(11)> Exception.message(f)
"no function clause matching in M.f/1"
iex(12)> b = try do :erlang.error({:badarity, {fn -> 1 end, [1]}}) rescue e -> e end
%BadArityError{function: #Function<43.3316493/0 in :erl_eval.expr/6>, args: [1]}
iex(13)> Exception.message(b)
"#Function<43.3316493/0 in :erl_eval.expr/6> with arity 0 called with 1 argument (1)"
iex(14)> try do (fn x -> x end).(1, 2) rescue e -> e end
%BadArityError{
  function: #Function<42.3316493/1 in :erl_eval.expr/6>,
  args: [1, 2]
}
iex(15)> try do :erlang.error({:badmatch, 1}) rescue e -> e end
%MatchError{term: 1}
iex(16)> try do :erlang.error(:badarg) rescue e -> e end
%ArgumentError{message: "argument error"}
iex(17)> try do :erlang.error({:case_clause, 2}) rescue e -> e end
%CaseClauseError{term: 2}
iex(18)> %ErlangError{original: :x}
%ErlangError{original: :x, reason: nil}
iex(19)> Exception.message(%FunctionClauseError{module: String, function: :upcase, arity: 2})
"no function clause matching in String.upcase/2"
iex(20)> M.f(4)
** (FunctionClauseError) no function clause matching in M.f/1

    The following arguments were given to M.f/1:

        # 1
        4

    iex:2: M.f/1
iex(20)> (fn x -> x end).(1, 2)
** (BadArityError) #Function<42.3316493/1 in :erl_eval.expr/6> with arity 1 called with 2 arguments (1, 2)
