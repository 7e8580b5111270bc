# Elixir 1.14 iex session: a user's Inspect implementation and an exception's message/1 in crash reports: a GenServer whose state is a struct with a custom Inspect crashes in handle_cast (raise of a defexception with message/1), in handle_call (the same, and an exit whose reason holds the struct); a spawned process raising it. Captured from piped input, typed lines put back after their prompts; twice, the runs agreed after masking.
iex(1)> defmodule Secret do
...(1)>   defstruct [:token]
...(1)> end
{:module, Secret,
 <<70, 79, 82, 49, 0, 0, 7, 176, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 249,
   0, 0, 0, 22, 13, 69, 108, 105, 120, 105, 114, 46, 83, 101, 99, 114, 101, 116,
   8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, %Secret{token: nil}}
iex(2)> defimpl Inspect, for: Secret do
...(2)>   def inspect(_s, _opts), do: "#Secret<redacted>"
...(2)> end
{:module, Inspect.Secret,
 <<70, 79, 82, 49, 0, 0, 7, 172, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 3, 0,
   0, 0, 24, 21, 69, 108, 105, 120, 105, 114, 46, 73, 110, 115, 112, 101, 99,
   116, 46, 83, 101, 99, 114, 101, 116, 8, ...>>, {:inspect, 2}}
iex(3)> defmodule MyError do
...(3)>   defexception [:code]
...(3)>   def message(e), do: "failed with code #{e.code}"
...(3)> end
{:module, MyError,
 <<70, 79, 82, 49, 0, 0, 15, 48, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 198,
   0, 0, 0, 43, 14, 69, 108, 105, 120, 105, 114, 46, 77, 121, 69, 114, 114, 111,
   114, 8, 95, 95, 105, 110, 102, 111, 95, ...>>, {:message, 1}}
iex(4)> defmodule Srv do
...(4)>   use GenServer
...(4)>   def init(s), do: {:ok, s}
...(4)>   def handle_call(:raise, _from, _s), do: raise(MyError, code: 42)
...(4)>   def handle_call(:exit, _from, _s), do: exit({:bad, %Secret{token: "abc"}})
...(4)>   def handle_cast(:raise, _s), do: raise(MyError, code: 7)
...(4)> end
{:module, Srv,
 <<70, 79, 82, 49, 0, 0, 14, 200, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 135,
   0, 0, 0, 41, 10, 69, 108, 105, 120, 105, 114, 46, 83, 114, 118, 8, 95, 95,
   105, 110, 102, 111, 95, 95, 10, 97, 116, ...>>, {:handle_cast, 2}}
iex(5)> {:ok, pid} = GenServer.start(Srv, %Secret{token: "abc"})
{:ok, #PID<0.145.0>}
iex(6)> GenServer.cast(pid, :raise); Process.sleep(100)

19:54:26.912 [error] GenServer #PID<0.145.0> terminating
** (MyError) failed with code 7
    iex:9: Srv.handle_cast/2
    (stdlib 4.2) gen_server.erl:1123: :gen_server.try_dispatch/4
    (stdlib 4.2) gen_server.erl:1200: :gen_server.handle_msg/6
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Last message: {:"$gen_cast", :raise}
State: #Secret<redacted>
:ok
iex(7)> {:ok, pid} = GenServer.start(Srv, %Secret{token: "abc"})
{:ok, #PID<0.148.0>}
iex(8)> try do GenServer.call(pid, :raise) catch :exit, {{e, _stack}, _call} -> e end

19:54:27.013 [error] GenServer #PID<0.148.0> terminating
** (MyError) failed with code 42
    iex:7: Srv.handle_call/3
    (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4
    (stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Last message (from #PID<0.106.0>): :raise
State: #Secret<redacted>
Client #PID<0.106.0> is alive

    (stdlib 4.2) gen.erl:256: :gen.do_call/4
    (elixir 1.14.0) lib/gen_server.ex:1035: GenServer.call/3
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (stdlib 4.2) erl_eval.erl:987: :erl_eval.try_clauses/10
    (elixir 1.14.0) src/elixir.erl:283: :elixir.eval_forms/3
    (elixir 1.14.0) lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1
    (iex 1.14.0) lib/iex/evaluator.ex:329: IEx.Evaluator.eval_and_inspect/3
    (iex 1.14.0) lib/iex/evaluator.ex:303: IEx.Evaluator.eval_and_inspect_parsed/3
%MyError{code: 42}
iex(9)> {:ok, pid} = GenServer.start(Srv, %Secret{token: "abc"})
{:ok, #PID<0.151.0>}
iex(10)> try do GenServer.call(pid, :exit) catch :exit, {r, _call} -> r end

19:54:27.014 [error] GenServer #PID<0.151.0> terminating
** (stop) {:bad, #Secret<redacted>}
    iex:8: Srv.handle_call/3
    (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4
    (stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Last message (from #PID<0.106.0>): :exit
State: #Secret<redacted>
Client #PID<0.106.0> is alive

    (stdlib 4.2) gen.erl:256: :gen.do_call/4
    (elixir 1.14.0) lib/gen_server.ex:1035: GenServer.call/3
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (stdlib 4.2) erl_eval.erl:987: :erl_eval.try_clauses/10
    (elixir 1.14.0) src/elixir.erl:283: :elixir.eval_forms/3
    (elixir 1.14.0) lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1
    (iex 1.14.0) lib/iex/evaluator.ex:329: IEx.Evaluator.eval_and_inspect/3
    (iex 1.14.0) lib/iex/evaluator.ex:303: IEx.Evaluator.eval_and_inspect_parsed/3
{:bad, #Secret<redacted>}
iex(11)> spawn(fn -> raise MyError, code: 9 end); Process.sleep(100)

19:54:27.016 [error] Process #PID<0.154.0> raised an exception
** (MyError) failed with code 9
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
:ok
iex(12)> spawn(fn -> exit(%Secret{token: "x"}) end); Process.sleep(100)
:ok
iex(13)> raise MyError, code: 1
** (MyError) failed with code 1

iex(13)> inspect(%Secret{token: "abc"})
"#Secret<redacted>"
