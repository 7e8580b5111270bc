# Elixir 1.14 iex session: stack traces in OTP's reports and exits (a GenServer crashing in handle_cast and handle_call, the caller's exit, a Task crash, :erpc.call to a raising function).
# stacks: compared (see README: only lines naming Erlang/Elixir internals are left out)
# Captured from piped input (iex < lines), each typed line put back after its prompt.
iex(1)> defmodule Sb do
...(1)>   def bar, do: raise("boom")
...(1)>   def baz(x), do: bar() + x
...(1)> end
{:module, Sb,
 <<70, 79, 82, 49, 0, 0, 6, 164, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 211,
   0, 0, 0, 23, 9, 69, 108, 105, 120, 105, 114, 46, 83, 98, 8, 95, 95, 105, 110,
   102, 111, 95, 95, 10, 97, 116, 116, ...>>, {:baz, 1}}
iex(2)> defmodule Crashy do
...(2)>   use GenServer
...(2)>   def init(n), do: {:ok, n}
...(2)>   def handle_call(:boom, _from, n), do: {:reply, Sb.bar(), n}
...(2)>   def handle_cast(:boom, n) do
...(2)>     Sb.baz(n)
...(2)>     {:noreply, n}
...(2)>   end
...(2)> end
{:module, Crashy,
 <<70, 79, 82, 49, 0, 0, 14, 100, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 131,
   0, 0, 0, 42, 13, 69, 108, 105, 120, 105, 114, 46, 67, 114, 97, 115, 104, 121,
   8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, {:handle_cast, 2}}
iex(3)> {:ok, p1} = GenServer.start(Crashy, 1)
{:ok, #PID<0.131.0>}
iex(4)> GenServer.cast(p1, :boom); Process.sleep(100)

02:58:27.656 [error] GenServer #PID<0.131.0> terminating
** (RuntimeError) boom
    iex:2: Sb.bar/0
    iex:3: Sb.baz/1
    iex:7: Crashy.handle_cast/2
    (stdlib 4.2) gen_server.erl:1123: :gen_server.try_dispatch/4
    (stdlib 4.2) gen_server.erl:1200: :gen_server.handle_msg/6
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Last message: {:"$gen_cast", :boom}
State: 1
:ok
iex(5)> {:ok, p2} = GenServer.start(Crashy, 2)
{:ok, #PID<0.134.0>}
iex(6)> r = try do GenServer.call(p2, :boom) catch :exit, reason -> reason end; Process.sleep(100)

02:58:27.759 [error] GenServer #PID<0.134.0> terminating
** (RuntimeError) boom
    iex:2: Sb.bar/0
    iex:5: Crashy.handle_call/3
    (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4
    (stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Last message (from #PID<0.106.0>): :boom
State: 2
Client #PID<0.106.0> is alive

    (stdlib 4.2) gen.erl:256: :gen.do_call/4
    (elixir 1.14.0) lib/gen_server.ex:1035: GenServer.call/3
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (stdlib 4.2) erl_eval.erl:987: :erl_eval.try_clauses/10
    (stdlib 4.2) erl_eval.erl:492: :erl_eval.expr/6
    (elixir 1.14.0) src/elixir.erl:283: :elixir.eval_forms/3
    (elixir 1.14.0) lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1
    (elixir 1.14.0) lib/enum.ex:2468: Enum."-reduce/3-lists^foldl/2-0-"/3
:ok
iex(7)> exit(r)
** (exit) exited in: GenServer.call(#PID<0.134.0>, :boom, 5000)
    ** (EXIT) an exception was raised:
        ** (RuntimeError) boom
            iex:2: Sb.bar/0
            iex:5: Crashy.handle_call/3
            (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4
            (stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6
            (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3

iex(7)> {{e, stack}, _call} = r; :ok
:ok
iex(8)> {e, hd(stack)}
{%RuntimeError{message: "boom"},
 {Sb, :bar, 0, [file: 'iex', line: 2, error_info: %{module: Exception}]}}
iex(9)> Task.start(fn -> Sb.baz(1) end); Process.sleep(100)

02:58:27.869 [error] Task #PID<0.140.0> started from #PID<0.106.0> terminating
** (RuntimeError) boom
    iex:2: Sb.bar/0
    iex:3: Sb.baz/1
    (elixir 1.14.0) lib/task/supervised.ex:89: Task.Supervised.invoke_mfa/2
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Function: #Function<43.3316493/0 in :erl_eval.expr/6>
    Args: []
:ok
iex(10)> t = try do :erpc.call(node(), Sb, :bar, []) rescue e -> e.original end
{:exception, %RuntimeError{message: "boom"},
 [{Sb, :bar, 0, [file: 'iex', line: 2, error_info: %{module: Exception}]}]}
iex(11)> :erpc.call(node(), Sb, :baz, [1])
** (ErlangError) Erlang error: {:exception, %RuntimeError{message: "boom"}, [{Sb, :bar, 0, [file: 'iex', line: 2, error_info: %{module: Exception}]}, {Sb, :baz, 1, [file: 'iex', line: 3]}]}
    (kernel 8.5.3) erpc.erl:137: :erpc.call/5
