# Elixir 1.14 iex session: stack traces (iex's frames under an error at the prompt, __STACKTRACE__, Exception.format/3 and format_stacktrace_entry/1, reraise, :erlang.raise/3, exit({e, stack}), Process.info current_stacktrace, crash reports of spawned processes).
# stacks: compared (see README: only lines naming Erlang/Elixir internals are left out)
# Captured from piped input (iex < lines), each typed line put back after its prompt.
iex(1)> defmodule St do
...(1)>   def bar do
...(1)>     raise "boom"
...(1)>   end
...(1)>   def baz(x), do: bar() + x
...(1)>   def down(0), do: raise(ArgumentError, "deep")
...(1)>   def down(n) do
...(1)>     x = down(n - 1)
...(1)>     x + 1
...(1)>   end
...(1)>   def s1(n), do: s2(n) + 1
...(1)>   def s2(n), do: s3(n) + 1
...(1)>   def s3(n), do: s4(n) + 1
...(1)>   def s4(n), do: s5(n) + 1
...(1)>   def s5(n), do: s6(n) + 1
...(1)>   def s6(n), do: s7(n) + 1
...(1)>   def s7(n), do: s8(n) + 1
...(1)>   def s8(n), do: s9(n) + 1
...(1)>   def s9(n), do: raise("nine #{n}")
...(1)>   def map_raise(l), do: Enum.map(l, fn x -> if x > 1, do: raise("big #{x}"), else: x end)
...(1)>   def clause(:ok), do: :ok
...(1)>   def clause(:fine), do: :fine
...(1)>   def thrower, do: throw(:ball)
...(1)>   def err, do: :erlang.error(:oops)
...(1)>   def add(a), do: a + 1
...(1)>   def wait do
...(1)>     receive do
...(1)>       :stop -> :ok
...(1)>     end
...(1)>   end
...(1)> end
{:module, St,
 <<70, 79, 82, 49, 0, 0, 19, 84, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 161,
   0, 0, 0, 55, 9, 69, 108, 105, 120, 105, 114, 46, 83, 116, 8, 95, 95, 105,
   110, 102, 111, 95, 95, 10, 97, 116, 116, ...>>, {:wait, 0}}
iex(2)> St.bar
** (RuntimeError) boom
    iex:3: St.bar/0
iex(2)> St.baz(1)
** (RuntimeError) boom
    iex:3: St.bar/0
    iex:5: St.baz/1
iex(2)> St.down(3)
** (ArgumentError) deep
    iex:6: St.down/1
iex(2)> St.down(40)
** (ArgumentError) deep
    iex:6: St.down/1
iex(2)> St.s1(1)
** (RuntimeError) nine 1
    iex:19: St.s9/1
    iex:18: St.s8/1
    iex:17: St.s7/1
    iex:16: St.s6/1
    iex:15: St.s5/1
    iex:14: St.s4/1
    iex:13: St.s3/1
    iex:12: St.s2/1
iex(2)> St.s7(1)
** (RuntimeError) nine 1
    iex:19: St.s9/1
    iex:18: St.s8/1
    iex:17: St.s7/1
iex(2)> St.map_raise([1, 2])
** (RuntimeError) big 2
    iex:20: anonymous fn/1 in St.map_raise/1
    (elixir 1.14.0) lib/enum.ex:1658: Enum."-map/2-lists^map/1-0-"/2
    (elixir 1.14.0) lib/enum.ex:1658: Enum."-map/2-lists^map/1-0-"/2
iex(2)> St.clause(:nope)
** (FunctionClauseError) no function clause matching in St.clause/1

    The following arguments were given to St.clause/1:

        # 1
        :nope

    iex:21: St.clause/1
iex(2)> St.thrower
** (throw) :ball
    iex:23: St.thrower/0
iex(2)> St.err
** (ErlangError) Erlang error: :oops
    iex:24: St.err/0
iex(2)> St.add(:a)
** (ArithmeticError) bad argument in arithmetic expression
    iex:25: St.add/1
iex(2)> f = fn -> raise "anon" end
#Function<43.3316493/0 in :erl_eval.expr/6>
iex(3)> f.()
** (RuntimeError) anon

iex(3)> g = fn x -> St.baz(x) end
#Function<42.3316493/1 in :erl_eval.expr/6>
iex(4)> g.(2)
** (RuntimeError) boom
    iex:3: St.bar/0
    iex:5: St.baz/1
iex(4)> try do St.bar rescue _ -> hd(__STACKTRACE__) end
{St, :bar, 0, [file: 'iex', line: 3, error_info: %{module: Exception}]}
iex(5)> try do St.baz(2) rescue _ -> Enum.take(__STACKTRACE__, 3) end
[
  {St, :bar, 0, [file: 'iex', line: 3, error_info: %{module: Exception}]},
  {St, :baz, 1, [file: 'iex', line: 5]},
  {:erl_eval, :do_apply, 7, [file: 'erl_eval.erl', line: 744]}
]
iex(6)> try do St.down(2) rescue _ -> length(__STACKTRACE__) end
8
iex(7)> try do St.s1(1) rescue _ -> length(__STACKTRACE__) end
8
iex(8)> try do St.down(2) rescue _ -> __STACKTRACE__ end
[
  {St, :down, 1, [file: 'iex', line: 6]},
  {:erl_eval, :do_apply, 7, [file: 'erl_eval.erl', line: 744]},
  {:erl_eval, :try_clauses, 10, [file: 'erl_eval.erl', line: 987]},
  {:elixir, :eval_forms, 3, [file: 'src/elixir.erl', line: 283]},
  {Module.ParallelChecker, :verify, 1,
   [file: 'lib/module/parallel_checker.ex', line: 100]},
  {IEx.Evaluator, :eval_and_inspect, 3,
   [file: 'lib/iex/evaluator.ex', line: 329]},
  {IEx.Evaluator, :eval_and_inspect_parsed, 3,
   [file: 'lib/iex/evaluator.ex', line: 303]},
  {IEx.Evaluator, :parse_eval_inspect, 3,
   [file: 'lib/iex/evaluator.ex', line: 292]}
]
iex(9)> try do St.clause(:nope) rescue _ -> hd(__STACKTRACE__) end
{St, :clause, [:nope], [file: 'iex', line: 21]}
iex(10)> try do St.thrower catch :throw, v -> {v, hd(__STACKTRACE__)} end
{:ball, {St, :thrower, 0, [file: 'iex', line: 23]}}
iex(11)> try do St.err catch kind, reason -> {kind, reason, hd(__STACKTRACE__)} end
{:error, :oops, {St, :err, 0, [file: 'iex', line: 24]}}
iex(12)> try do St.add(:a) rescue _ -> Enum.take(__STACKTRACE__, 2) end
[
  {St, :add, 1, [file: 'iex', line: 25]},
  {:erl_eval, :do_apply, 7, [file: 'erl_eval.erl', line: 744]}
]
iex(13)> try do St.s1(1) rescue _ -> Enum.filter(__STACKTRACE__, fn {_, _, _, loc} -> loc[:file] == 'iex' end) end
[
  {St, :s9, 1, [file: 'iex', line: 19, error_info: %{module: Exception}]},
  {St, :s8, 1, [file: 'iex', line: 18]},
  {St, :s7, 1, [file: 'iex', line: 17]},
  {St, :s6, 1, [file: 'iex', line: 16]},
  {St, :s5, 1, [file: 'iex', line: 15]},
  {St, :s4, 1, [file: 'iex', line: 14]},
  {St, :s3, 1, [file: 'iex', line: 13]},
  {St, :s2, 1, [file: 'iex', line: 12]}
]
iex(14)> try do St.s7(1) rescue e -> IO.puts(Exception.format(:error, e, __STACKTRACE__)) end
** (RuntimeError) nine 1
    iex:19: St.s9/1
    iex:18: St.s8/1
    iex:17: St.s7/1
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (stdlib 4.2) erl_eval.erl:987: :erl_eval.try_clauses/10
    (elixir 1.14.0) src/elixir.erl:283: :elixir.eval_forms/3
    (elixir 1.14.0) lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1
    (iex 1.14.0) lib/iex/evaluator.ex:329: IEx.Evaluator.eval_and_inspect/3

:ok
iex(15)> try do St.baz(1) rescue e -> Exception.format(:error, e, Enum.take(__STACKTRACE__, 2)) end
"** (RuntimeError) boom\n    iex:3: St.bar/0\n    iex:5: St.baz/1\n"
iex(16)> try do St.bar rescue _ -> Exception.format_stacktrace_entry(hd(__STACKTRACE__)) end
"iex:3: St.bar/0"
iex(17)> Exception.format_stacktrace_entry({St, :"-map_raise/1-fun-0-", 1, [file: 'iex', line: 20]})
"iex:20: anonymous fn/1 in St.map_raise/1"
iex(18)> Exception.format_stacktrace_entry({:erlang, :+, [1, :a], []})
":erlang.+(1, :a)"
iex(19)> Exception.format_stacktrace_entry({St, :bar, 0, [file: 'iex', line: 3]})
"iex:3: St.bar/0"
iex(20)> IO.puts(Exception.format_stacktrace([{St, :bar, 0, [file: 'iex', line: 3]}, {St, :baz, 1, [file: 'iex', line: 5]}]))
    iex:3: St.bar/0
    iex:5: St.baz/1

:ok
iex(21)> try do St.bar rescue e -> reraise e, __STACKTRACE__ end
** (RuntimeError) boom
    iex:3: St.bar/0
iex(21)> try do St.baz(1) rescue e -> :erlang.raise(:error, e, __STACKTRACE__) end
** (RuntimeError) boom
    iex:3: St.bar/0
    iex:5: St.baz/1
iex(21)> try do St.down(1) rescue e -> exit({e, __STACKTRACE__}) end
** (exit) an exception was raised:
    ** (ArgumentError) deep
        iex:6: St.down/1
        (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
        (stdlib 4.2) erl_eval.erl:987: :erl_eval.try_clauses/10
        (elixir 1.14.0) src/elixir.erl:283: :elixir.eval_forms/3
        (elixir 1.14.0) lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1
        (iex 1.14.0) lib/iex/evaluator.ex:329: IEx.Evaluator.eval_and_inspect/3
        (iex 1.14.0) lib/iex/evaluator.ex:303: IEx.Evaluator.eval_and_inspect_parsed/3
        (iex 1.14.0) lib/iex/evaluator.ex:292: IEx.Evaluator.parse_eval_inspect/3

iex(21)> exit({%RuntimeError{message: "x"}, [{St, :down, 1, [file: 'iex', line: 6]}]})
** (exit) an exception was raised:
    ** (RuntimeError) x
        iex:6: St.down/1

iex(21)> pid = spawn(fn -> St.wait() end)
#PID<0.180.0>
iex(22)> Process.info(pid, :current_stacktrace)
{:current_stacktrace, [{St, :wait, 0, [file: 'iex', line: 26]}]}
iex(23)> send(pid, :stop)
:stop
iex(24)> spawn(fn -> St.down(2) end); Process.sleep(100)

02:11:19.464 [error] Process #PID<0.184.0> raised an exception
** (ArgumentError) deep
    iex:6: St.down/1
:ok
iex(25)> spawn(fn -> St.baz(1) end); Process.sleep(100)

02:11:19.565 [error] Process #PID<0.186.0> raised an exception
** (RuntimeError) boom
    iex:3: St.bar/0
    iex:5: St.baz/1
:ok
iex(26)> spawn(fn -> St.s1(1) end); Process.sleep(100)

02:11:19.688 [error] Process #PID<0.188.0> raised an exception
** (RuntimeError) nine 1
    iex:19: St.s9/1
    iex:18: St.s8/1
    iex:17: St.s7/1
    iex:16: St.s6/1
    iex:15: St.s5/1
    iex:14: St.s4/1
    iex:13: St.s3/1
    iex:12: St.s2/1
:ok
iex(27)> spawn(fn -> raise "in spawn" end); Process.sleep(100)

02:11:19.808 [error] Process #PID<0.190.0> raised an exception
** (RuntimeError) in spawn
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
:ok
