# A remote :erpc.call's failures (error, throw, exit, a raise in a fun, no connection, timeout) between two real named nodes on one machine: their __STACKTRACE__ has erpc.erl's call/5 on top (lines 702, 698, 700, 710, 714), not the prelude's Kernel.Erpc frames. two@vm started first (`iex --sname two --cookie erpcframes`, piped), then one@vm (`iex --sname one --cookie erpcframes`, piped) typed against it. Each typed line put back after its prompt.
iex(two@vm)1> node()
:two@vm
iex(one@vm)1> Node.connect(:two@vm)
true
iex(one@vm)2> try do :erpc.call(:two@vm, :erlang, :error, [:boom]) rescue _ -> __STACKTRACE__ end
[
  {:erpc, :call, 5, [file: 'erpc.erl', line: 702]},
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
iex(one@vm)3> try do :erpc.call(:two@vm, :erlang, :throw, [:t]) catch :throw, _ -> __STACKTRACE__ end
[
  {:erpc, :call, 5, [file: 'erpc.erl', line: 698]},
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
iex(one@vm)4> try do :erpc.call(:two@vm, Kernel, :exit, [:bye]) catch :exit, _ -> __STACKTRACE__ end
[
  {:erpc, :call, 5, [file: 'erpc.erl', line: 700]},
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
iex(one@vm)5> try do :erpc.call(:nobody@vm, Kernel, :node, []) rescue _ -> __STACKTRACE__ end
[
  {:erpc, :call, 5, [file: 'erpc.erl', line: 710]},
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
iex(one@vm)6> try do :erpc.call(:two@vm, Process, :sleep, [1000], 100) rescue _ -> __STACKTRACE__ end
[
  {:erpc, :call, 5, [file: 'erpc.erl', line: 714]},
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
iex(one@vm)7> try do :erpc.call(:two@vm, fn -> raise "remote" end) rescue _ -> __STACKTRACE__ end
[
  {:erpc, :call, 5, [file: 'erpc.erl', line: 702]},
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
