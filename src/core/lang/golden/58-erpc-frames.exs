# :erpc.call to its own node raises with erpc.erl's frames on top (the error at line 137, an exit at 130, a throw through execute_call/3 at 607 then call/5 at 126), not the prelude's Kernel.Erpc ones; compared as values in __STACKTRACE__. Captured from piped input.
# stacks: compared
iex(1)> :erpc.call(node(), :erlang, :error, [:x])
** (ErlangError) Erlang error: {:exception, :x, [{:erlang, :error, [:x], []}]}
    (kernel 8.5.3) erpc.erl:137: :erpc.call/5
iex(1)> :erpc.call(node(), :erlang, :throw, [:x])
** (throw) :x
    (kernel 8.5.3) erpc.erl:607: :erpc.execute_call/3
    (kernel 8.5.3) erpc.erl:126: :erpc.call/5
iex(1)> :erpc.call(node(), :erlang, :exit, [:x])
** (exit) {:exception, :x}
    (kernel 8.5.3) erpc.erl:130: :erpc.call/5
iex(1)> :erpc.call(node(), Foo, :bar, [])
** (ErlangError) Erlang error: {:exception, :undef, [{Foo, :bar, [], []}]}
    (kernel 8.5.3) erpc.erl:137: :erpc.call/5
iex(1)> try do :erpc.call(node(), :erlang, :error, [:x]) rescue _ -> __STACKTRACE__ end
[
  {:erpc, :call, 5, [file: 'erpc.erl', line: 137]},
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
iex(2)> try do :erpc.call(node(), :erlang, :throw, [:y]) catch :throw, v -> {v, __STACKTRACE__} end
{:y,
 [
   {:erpc, :execute_call, 3, [file: 'erpc.erl', line: 607]},
   {:erpc, :call, 5, [file: 'erpc.erl', line: 126]},
   {:erl_eval, :do_apply, 7, [file: 'erl_eval.erl', line: 744]},
   {:erl_eval, :try_clauses, 10, [file: 'erl_eval.erl', line: 987]},
   {:elixir, :eval_forms, 3, [file: 'src/elixir.erl', line: 283]},
   {Module.ParallelChecker, :verify, 1,
    [file: 'lib/module/parallel_checker.ex', line: 100]},
   {IEx.Evaluator, :eval_and_inspect, 3,
    [file: 'lib/iex/evaluator.ex', line: 329]},
   {IEx.Evaluator, :eval_and_inspect_parsed, 3,
    [file: 'lib/iex/evaluator.ex', line: 303]}
 ]}
iex(3)> try do :erpc.call(node(), :erlang, :exit, [:z]) catch :exit, v -> {v, hd(__STACKTRACE__)} end
{{:exception, :z}, {:erpc, :call, 5, [file: 'erpc.erl', line: 130]}}
