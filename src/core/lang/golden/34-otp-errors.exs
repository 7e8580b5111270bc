# Elixir 1.14 iex session: OTP's error paths (init exits, raises and throws, calling itself, timeouts, casts to
# nobody, reply/2, task crash reports, Task.Supervisor children that fail, supervisor start errors, Agent's bad return).
# Captured under a pseudo-terminal as the README says (one line typed at a time).
iex(1)> defmodule Crashy do
...(1)>   use GenServer
...(1)>   def init(:raise), do: raise("init failed")
...(1)>   def init(:exit), do: exit(:init_exit)
...(1)>   def init(:throw), do: throw({:ok, :thrown})
...(1)>   def handle_call(:state, _from, s), do: {:reply, s, s}
...(1)> end
{:module, Crashy,
 <<70, 79, 82, 49, 0, 0, 17, 204, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 237,
   0, 0, 0, 54, 13, 69, 108, 105, 120, 105, 114, 46, 67, 114, 97, 115, 104, 121,
   8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, {:handle_call, 3}}
iex(2)> GenServer.start(Crashy, :exit)
{:error, :init_exit}
iex(3)> case GenServer.start(Crashy, :raise) do {:error, {e, _stack}} -> e end
%RuntimeError{message: "init failed"}
iex(4)> {:ok, p} = GenServer.start(Crashy, :throw); GenServer.call(p, :state)
:thrown
iex(5)> GenServer.call(self(), :x)
** (exit) exited in: GenServer.call(#PID<0.108.0>, :x, 5000)
    ** (EXIT) process attempted to call itself
    (elixir 1.14.0) lib/gen_server.ex:1031: GenServer.call/3
iex(5)> GenServer.call(spawn(fn -> Process.sleep(1000) end), :x, 50)
** (exit) exited in: GenServer.call(#PID<0.129.0>, :x, 50)
    ** (EXIT) time out
    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3
iex(5)> GenServer.cast(:nobody, :x)
:ok
iex(6)> GenServer.cast({:global, :nobody}, :x)
:ok
iex(7)> GenServer.reply({self(), :tag}, :hi)
:ok
iex(8)> flush()
{:tag, :hi}
:ok
iex(9)> {:ok, t} = Task.start(fn -> raise "task boom" end); Process.sleep(50)

16:44:00.999 [error] Task #PID<0.135.0> started from #PID<0.108.0> terminating
** (RuntimeError) task boom
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
    (elixir 1.14.0) lib/task/supervised.ex:89: Task.Supervised.invoke_mfa/2
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Function: #Function<43.3316493/0 in :erl_eval.expr/6>
    Args: []
:ok
iex(10)> {:ok, t} = Task.start(Kernel, :exit, [:bye]); Process.sleep(50)

16:44:01.364 [error] Task #PID<0.137.0> started from #PID<0.108.0> terminating
** (stop) :bye
    (elixir 1.14.0) lib/kernel.ex:511: Kernel.exit/1
    (elixir 1.14.0) lib/task/supervised.ex:89: Task.Supervised.invoke_mfa/2
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Function: &Kernel.exit/1
    Args: [:bye]
:ok
iex(11)> {:ok, t} = Task.start(fn -> throw(:up) end); Process.sleep(50)

16:44:01.728 [error] Task #PID<0.139.0> started from #PID<0.108.0> terminating
** (stop) {:nocatch, :up}
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
    (elixir 1.14.0) lib/task/supervised.ex:89: Task.Supervised.invoke_mfa/2
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Function: #Function<43.3316493/0 in :erl_eval.expr/6>
    Args: []
:ok
iex(12)> {:ok, t} = Task.start(fn -> exit(:normal) end); Process.sleep(50)
:ok
iex(13)> {:ok, ts} = Task.Supervisor.start_link()
{:ok, #PID<0.143.0>}
iex(14)> t = Task.Supervisor.async_nolink(ts, fn -> exit(:task_exit) end); Task.yield(t, 500)

16:44:02.757 [error] Task #PID<0.145.0> started from #PID<0.108.0> terminating
** (stop) :task_exit
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
    (elixir 1.14.0) lib/task/supervised.ex:89: Task.Supervised.invoke_mfa/2
    (elixir 1.14.0) lib/task/supervised.ex:34: Task.Supervised.reply/4
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Function: #Function<43.3316493/0 in :erl_eval.expr/6>
    Args: []
{:exit, :task_exit}
iex(15)> t = Task.Supervisor.async_nolink(ts, fn -> raise ArgumentError, "bad" end); case Task.yield(t, 500) do {:exit, {e, _}} -> e end

16:44:03.062 [error] Task #PID<0.147.0> started from #PID<0.108.0> terminating
** (ArgumentError) bad
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
    (elixir 1.14.0) lib/task/supervised.ex:89: Task.Supervised.invoke_mfa/2
    (elixir 1.14.0) lib/task/supervised.ex:34: Task.Supervised.reply/4
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Function: #Function<43.3316493/0 in :erl_eval.expr/6>
    Args: []
%ArgumentError{message: "bad"}
iex(16)> {:ok, _} = Task.Supervisor.start_child(ts, fn -> raise "child boom" end); Process.sleep(50)

16:44:03.367 [error] Task #PID<0.149.0> started from #PID<0.108.0> terminating
** (RuntimeError) child boom
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
    (elixir 1.14.0) lib/task/supervised.ex:89: Task.Supervised.invoke_mfa/2
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Function: #Function<43.3316493/0 in :erl_eval.expr/6>
    Args: []
:ok
iex(17)> Process.flag(:trap_exit, true)
false
iex(18)> Supervisor.start_link([%{id: :a, start: {Agent, :start_link, [fn -> 1 end]}}, %{id: :a, start: {Agent, :start_link, [fn -> 2 end]}}], strategy: :one_for_one)
{:error, {:start_spec, {:duplicate_child_name, :a}}}
iex(19)> Supervisor.start_link([%{id: :a, start: {GenServer, :start_link, [Crashy, :exit]}}], strategy: :one_for_one)
{:error, {:shutdown, {:failed_to_start_child, :a, :init_exit}}}
iex(20)> Supervisor.start_link([], [])
** (ArgumentError) expected :strategy option to be given
    (elixir 1.14.0) lib/supervisor.ex:671: Supervisor.init/2
    (elixir 1.14.0) lib/supervisor.ex:617: Supervisor.start_link/2
iex(20)> Supervisor.start_link([], strategy: :bogus)
{:error, {:supervisor_data, {:invalid_strategy, :bogus}}}
iex(21)> Supervisor.start_link([], strategy: :one_for_one, max_restarts: -1)
{:error, {:supervisor_data, {:invalid_intensity, -1}}}
iex(22)> Agent.get(:nobody, & &1)
** (exit) exited in: GenServer.call(:nobody, {:get, #Function<42.3316493/1 in :erl_eval.expr/6>}, 5000)
    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
    (elixir 1.14.0) lib/gen_server.ex:1027: GenServer.call/3
iex(22)> case Agent.start_link(fn -> raise "agent init" end) do {:error, {e, _stack}} -> e end
%RuntimeError{message: "agent init"}
iex(23)> r = try do Agent.get_and_update(Agent.start_link(fn -> 1 end) |> elem(1), fn s -> s end) catch :exit, {reason, _call} -> reason end; Process.sleep(50); r

16:44:06.244 [error] GenServer #PID<0.165.0> terminating
** (stop) bad return value: 1
Last message (from #PID<0.108.0>): {:get_and_update, #Function<42.3316493/1 in :erl_eval.expr/6>}
State: 1
Client #PID<0.108.0> is alive

    (stdlib 4.2) gen.erl:256: :gen.do_call/4
    (elixir 1.14.0) lib/gen_server.ex:1035: GenServer.call/3
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (stdlib 4.2) erl_eval.erl:987: :erl_eval.try_clauses/10
    (stdlib 4.2) erl_eval.erl:492: :erl_eval.expr/6
    (elixir 1.14.0) src/elixir.erl:283: :elixir.eval_forms/3
    (elixir 1.14.0) lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1
    (elixir 1.14.0) lib/enum.ex:2468: Enum."-reduce/3-lists^foldl/2-0-"/3
{:bad_return_value, 1}
