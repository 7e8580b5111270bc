# Elixir 1.14 iex session: GenServer (use GenServer, @impl/@doc/@moduledoc, child_spec, call/cast/info, names: atom and {:global, n}, :sys, timeouts, dead servers, init returns, continue, stop, reply/2, terminate, crash reports).
# Captured under a pseudo-terminal as the README says (one line typed at a time).
iex(1)> defmodule Counter do
...(1)>   use GenServer
...(1)>   @moduledoc "A counter."
...(1)>   @doc "Starts it."
...(1)>   def start_link(n), do: GenServer.start_link(__MODULE__, n, name: __MODULE__)
...(1)>   @impl true
...(1)>   def init(n), do: {:ok, n}
...(1)>   @impl true
...(1)>   def handle_call(:get, _from, n), do: {:reply, n, n}
...(1)>   def handle_call({:add, k}, _from, n), do: {:reply, n + k, n + k}
...(1)>   def handle_call(:slow, _from, n) do
...(1)>     Process.sleep(300)
...(1)>     {:reply, n, n}
...(1)>   end
...(1)>   def handle_call(:stop, _from, n), do: {:stop, :normal, :bye, n}
...(1)>   def handle_call(:boom, _from, _n), do: raise("boom")
...(1)>   @impl true
...(1)>   def handle_cast({:set, v}, _n), do: {:noreply, v}
...(1)>   def handle_cast(:crash, n), do: {:stop, :crashed, n}
...(1)>   @impl true
...(1)>   def handle_info(:tick, n), do: {:noreply, n + 100}
...(1)> end
{:module, Counter,
 <<70, 79, 82, 49, 0, 0, 15, 20, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 173,
   0, 0, 0, 48, 14, 69, 108, 105, 120, 105, 114, 46, 67, 111, 117, 110, 116,
   101, 114, 8, 95, 95, 105, 110, 102, 111, 95, ...>>, {:handle_info, 2}}
iex(2)> Counter.child_spec(5)
%{id: Counter, start: {Counter, :start_link, [5]}}
iex(3)> {:ok, pid} = Counter.start_link(1)
{:ok, #PID<0.138.0>}
iex(4)> GenServer.call(Counter, :get)
1
iex(5)> GenServer.call(pid, {:add, 4})
5
iex(6)> GenServer.cast(Counter, {:set, 10})
:ok
iex(7)> GenServer.call(Counter, :get)
10
iex(8)> send(Counter, :tick)
:tick
iex(9)> GenServer.call(Counter, :get)
110
iex(10)> :sys.get_state(Counter)
110
iex(11)> :sys.replace_state(Counter, fn n -> n * 2 end)
220
iex(12)> GenServer.call(Counter, :get)
220
iex(13)> GenServer.whereis(Counter) == pid
true
iex(14)> Counter.start_link(0)
{:error, {:already_started, #PID<0.138.0>}}
iex(15)> GenServer.call(Counter, :slow, 50)
** (exit) exited in: GenServer.call(Counter, :slow, 50)
    ** (EXIT) time out
    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3
iex(15)> Process.sleep(400)
:ok
iex(16)> GenServer.call(Counter, :get)
220
iex(17)> GenServer.call(Counter, :stop)
:bye
iex(18)> Process.alive?(pid)
false
iex(19)> GenServer.call(Counter, :get)
** (exit) exited in: GenServer.call(Counter, :get, 5000)
    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
    (elixir 1.14.0) lib/gen_server.ex:1027: GenServer.call/3
iex(19)> GenServer.call(:nobody, :get, 100)
** (exit) exited in: GenServer.call(:nobody, :get, 100)
    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
    (elixir 1.14.0) lib/gen_server.ex:1027: GenServer.call/3
iex(19)> GenServer.start(Counter, 7, name: {:global, :counter})
{:ok, #PID<0.158.0>}
iex(20)> GenServer.call({:global, :counter}, :get)
7
iex(21)> GenServer.cast({:global, :counter}, {:set, 8})
:ok
iex(22)> GenServer.call({:global, :counter}, {:add, 1})
9
iex(23)> GenServer.whereis({:global, :nobody})
nil
iex(24)> GenServer.stop({:global, :counter})
:ok
iex(25)> GenServer.call({:global, :counter}, :get)
** (exit) exited in: GenServer.call({:global, :counter}, :get, 5000)
    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
    (elixir 1.14.0) lib/gen_server.ex:1027: GenServer.call/3
iex(25)> {:ok, p2} = GenServer.start(Counter, 3)
{:ok, #PID<0.166.0>}
iex(26)> GenServer.cast(p2, :crash); Process.sleep(100)

16:33:14.186 [error] GenServer #PID<0.166.0> terminating
** (stop) :crashed
Last message: {:"$gen_cast", :crash}
State: 3
:ok
iex(27)> Process.alive?(p2)
false
iex(28)> {:ok, p3} = GenServer.start(Counter, 4)
{:ok, #PID<0.170.0>}
iex(29)> r = try do GenServer.call(p3, :nope) catch :exit, {{reason, _stack}, call} -> {reason, call} end; Process.sleep(50); r

16:33:15.205 [error] GenServer #PID<0.170.0> terminating
** (FunctionClauseError) no function clause matching in Counter.handle_call/3
    iex:9: Counter.handle_call(:nope, {#PID<0.108.0>, [:alias | #Reference<0.252226902.4135649282.233540>]}, 4)
    (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4
    (stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Last message (from #PID<0.108.0>): :nope
State: 4
Client #PID<0.108.0> is alive

    (stdlib 4.2) gen.erl:256: :gen.do_call/4
    (elixir 1.14.0) lib/gen_server.ex:1035: GenServer.call/3
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (stdlib 4.2) erl_eval.erl:987: :erl_eval.try_clauses/10
    (stdlib 4.2) erl_eval.erl:492: :erl_eval.expr/6
    (elixir 1.14.0) src/elixir.erl:283: :elixir.eval_forms/3
    (elixir 1.14.0) lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1
    (elixir 1.14.0) lib/enum.ex:2468: Enum."-reduce/3-lists^foldl/2-0-"/3
{:function_clause, {GenServer, :call, [#PID<0.170.0>, :nope, 5000]}}
iex(30)> Process.alive?(p3)
false
iex(31)> {:ok, p4} = GenServer.start(Counter, 5)
{:ok, #PID<0.174.0>}
iex(32)> r = try do GenServer.call(p4, :boom) catch :exit, {{e, _stack}, call} -> {e, call} end; Process.sleep(50); r

16:33:16.193 [error] GenServer #PID<0.174.0> terminating
** (RuntimeError) boom
    iex:16: Counter.handle_call/3
    (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4
    (stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Last message (from #PID<0.108.0>): :boom
State: 5
Client #PID<0.108.0> is alive

    (stdlib 4.2) gen.erl:256: :gen.do_call/4
    (elixir 1.14.0) lib/gen_server.ex:1035: GenServer.call/3
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (stdlib 4.2) erl_eval.erl:987: :erl_eval.try_clauses/10
    (stdlib 4.2) erl_eval.erl:492: :erl_eval.expr/6
    (elixir 1.14.0) src/elixir.erl:283: :elixir.eval_forms/3
    (elixir 1.14.0) lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1
    (elixir 1.14.0) lib/enum.ex:2468: Enum."-reduce/3-lists^foldl/2-0-"/3
{%RuntimeError{message: "boom"},
 {GenServer, :call, [#PID<0.174.0>, :boom, 5000]}}
iex(33)> GenServer.start(Counter, 1, name: "counter")
** (ArgumentError) expected :name option to be one of the following:

  * nil
  * atom
  * {:global, term}
  * {:via, module, term}

Got: "counter"

    (elixir 1.14.0) lib/gen_server.ex:957: GenServer.do_start/4
iex(33)> defmodule Init do
...(33)>   use GenServer
...(33)>   def init(:ok), do: {:ok, :ready}
...(33)>   def init(:ignore), do: :ignore
...(33)>   def init(:stop), do: {:stop, :no_way}
...(33)>   def init(:bad), do: :what
...(33)>   def init(:continue), do: {:ok, [], {:continue, :more}}
...(33)>   def init(:timeout), do: {:ok, :waiting, 50}
...(33)>   def handle_continue(:more, s), do: {:noreply, [:continued | s]}
...(33)>   def handle_info(:timeout, _s), do: {:noreply, :timed_out}
...(33)>   def handle_call(:state, _from, s), do: {:reply, s, s}
...(33)> end
{:module, Init,
 <<70, 79, 82, 49, 0, 0, 17, 4, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 245,
   0, 0, 0, 54, 11, 69, 108, 105, 120, 105, 114, 46, 73, 110, 105, 116, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>, {:handle_call, 3}}
iex(34)> GenServer.start(Init, :ok)
{:ok, #PID<0.195.0>}
iex(35)> GenServer.start(Init, :ignore)
:ignore
iex(36)> GenServer.start(Init, :stop)
{:error, :no_way}
iex(37)> GenServer.start(Init, :bad)
{:error, {:bad_return_value, :what}}
iex(38)> {:ok, c} = GenServer.start(Init, :continue); GenServer.call(c, :state)
[:continued]
iex(39)> {:ok, t} = GenServer.start(Init, :timeout); Process.sleep(100); GenServer.call(t, :state)
:timed_out
iex(40)> {:ok, d} = GenServer.start(Init, :ok)
{:ok, #PID<0.207.0>}
iex(41)> GenServer.cast(d, :hello); Process.sleep(50)

16:33:22.897 [error] GenServer #PID<0.207.0> terminating
** (RuntimeError) attempted to cast GenServer #PID<0.207.0> but no handle_cast/2 clause was provided
    lib/gen_server.ex:832: Init.handle_cast/2
    (stdlib 4.2) gen_server.erl:1123: :gen_server.try_dispatch/4
    (stdlib 4.2) gen_server.erl:1200: :gen_server.handle_msg/6
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Last message: {:"$gen_cast", :hello}
State: :ready
:ok
iex(42)> {:ok, d2} = GenServer.start(Init, :ok); send(d2, :unexpected); Process.sleep(50)

16:33:23.267 [error] GenServer #PID<0.210.0> terminating
** (FunctionClauseError) no function clause matching in Init.handle_info/2
    iex:42: Init.handle_info(:unexpected, :ready)
    (stdlib 4.2) gen_server.erl:1123: :gen_server.try_dispatch/4
    (stdlib 4.2) gen_server.erl:1200: :gen_server.handle_msg/6
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Last message: :unexpected
State: :ready
:ok
iex(43)> GenServer.stop(d2)
** (exit) exited in: GenServer.stop(#PID<0.210.0>, :normal, :infinity)
    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
    (elixir 1.14.0) lib/gen_server.ex:995: GenServer.stop/3
iex(43)> GenServer.stop(d)
** (exit) exited in: GenServer.stop(#PID<0.207.0>, :normal, :infinity)
    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
    (elixir 1.14.0) lib/gen_server.ex:995: GenServer.stop/3
iex(43)> GenServer.stop(d)
** (exit) exited in: GenServer.stop(#PID<0.207.0>, :normal, :infinity)
    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
    (elixir 1.14.0) lib/gen_server.ex:995: GenServer.stop/3
iex(43)> defmodule Echo do
...(43)>   use GenServer
...(43)>   def init(s), do: {:ok, s}
...(43)>   def handle_call(:later, from, s) do
...(43)>     spawn(fn -> Process.sleep(20); GenServer.reply(from, :replied_later) end)
...(43)>     {:noreply, s}
...(43)>   end
...(43)>   def terminate(reason, _s) when is_atom(reason), do: IO.puts("terminating: #{inspect(reason)}")
...(43)>   def terminate(_reason, _s), do: IO.puts("terminating after a crash")
...(43)> end
{:module, Echo,
 <<70, 79, 82, 49, 0, 0, 18, 224, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 2, 32,
   0, 0, 0, 57, 11, 69, 108, 105, 120, 105, 114, 46, 69, 99, 104, 111, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>, {:terminate, 2}}
iex(44)> {:ok, e} = GenServer.start(Echo, nil)
{:ok, #PID<0.230.0>}
iex(45)> send(e, :unexpected); Process.sleep(50)

16:33:28.165 [error] Echo #PID<0.230.0> received unexpected message in handle_info/2: :unexpected

:ok
iex(46)> GenServer.call(e, :later)
:replied_later
iex(47)> GenServer.stop(e, :shutdown)
terminating: :shutdown
:ok
iex(48)> {:ok, e2} = GenServer.start(Echo, nil, name: Echo)
{:ok, #PID<0.236.0>}
iex(49)> Process.flag(:trap_exit, true)
false
iex(50)> r = try do GenServer.call(Echo, :other) catch :exit, {{reason, _}, _} -> reason end; Process.sleep(50); r
terminating after a crash

16:33:29.945 [error] GenServer Echo terminating
** (FunctionClauseError) no function clause matching in Echo.handle_call/3
    iex:46: Echo.handle_call(:other, {#PID<0.108.0>, [:alias | #Reference<0.252226902.4135649281.233168>]}, nil)
    (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4
    (stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Last message (from #PID<0.108.0>): :other
State: nil
Client #PID<0.108.0> is alive

    (stdlib 4.2) gen.erl:256: :gen.do_call/4
    (elixir 1.14.0) lib/gen_server.ex:1035: GenServer.call/3
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (stdlib 4.2) erl_eval.erl:987: :erl_eval.try_clauses/10
    (stdlib 4.2) erl_eval.erl:492: :erl_eval.expr/6
    (elixir 1.14.0) src/elixir.erl:283: :elixir.eval_forms/3
    (elixir 1.14.0) lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1
    (elixir 1.14.0) lib/enum.ex:2468: Enum."-reduce/3-lists^foldl/2-0-"/3
:function_clause
iex(51)> GenServer.call(Echo, :other)
** (exit) exited in: GenServer.call(Echo, :other, 5000)
    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
    (elixir 1.14.0) lib/gen_server.ex:1027: GenServer.call/3
iex(51)> receive do {:EXIT, _, _} -> :exit after 0 -> :no_exit end
:no_exit
