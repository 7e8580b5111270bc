# Elixir 1.14 iex session: Supervisor (static, one_for_all, rest_for_one, max_restarts, module-based) and DynamicSupervisor.
# Captured under a pseudo-terminal as the README says (one line typed at a time).
iex(1)> defmodule Worker do
...(1)>   use GenServer
...(1)>   def start_link(id), do: GenServer.start_link(__MODULE__, id, name: id)
...(1)>   def init(id), do: {:ok, id}
...(1)>   def handle_call(:ping, _from, id), do: {:reply, {:pong, id}, id}
...(1)> end
{:module, Worker,
 <<70, 79, 82, 49, 0, 0, 17, 216, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 231,
   0, 0, 0, 52, 13, 69, 108, 105, 120, 105, 114, 46, 87, 111, 114, 107, 101,
   114, 8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, {:handle_call, 3}}
iex(2)> Worker.child_spec(:w)
%{id: Worker, start: {Worker, :start_link, [:w]}}
iex(3)> Supervisor.child_spec({Worker, :w1}, id: :one)
%{id: :one, start: {Worker, :start_link, [:w1]}}
iex(4)> Supervisor.child_spec(Worker, restart: :temporary)
%{id: Worker, restart: :temporary, start: {Worker, :start_link, [[]]}}
iex(5)> children = [Supervisor.child_spec({Worker, :w1}, id: :w1), Supervisor.child_spec({Worker, :w2}, id: :w2), %{id: :w3, start: {Worker, :start_link, [:w3]}}]
[
  %{id: :w1, start: {Worker, :start_link, [:w1]}},
  %{id: :w2, start: {Worker, :start_link, [:w2]}},
  %{id: :w3, start: {Worker, :start_link, [:w3]}}
]
iex(6)> {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
{:ok, #PID<0.125.0>}
iex(7)> Supervisor.count_children(sup)
%{active: 3, specs: 3, supervisors: 0, workers: 3}
iex(8)> Supervisor.which_children(sup) |> Enum.map(fn {id, pid, type, mods} -> {id, is_pid(pid), type, mods} end)
[
  {:w3, true, :worker, [Worker]},
  {:w2, true, :worker, [Worker]},
  {:w1, true, :worker, [Worker]}
]
iex(9)> old = Process.whereis(:w2); Process.exit(old, :kill); Process.sleep(50)
:ok
iex(10)> new = Process.whereis(:w2); {is_pid(new), new != old}
{true, true}
iex(11)> GenServer.call(:w2, :ping)
{:pong, :w2}
iex(12)> Supervisor.terminate_child(sup, :w1)
:ok
iex(13)> Supervisor.which_children(sup) |> Enum.map(fn {id, pid, _, _} -> {id, pid} end) |> Enum.take(2) |> Enum.reverse() |> hd()
{:w2, #PID<0.132.0>}
iex(14)> Supervisor.restart_child(sup, :w1) |> elem(0)
:ok
iex(15)> Supervisor.restart_child(sup, :w1) |> elem(0)
:error
iex(16)> Supervisor.delete_child(sup, :w1)
{:error, :running}
iex(17)> Supervisor.terminate_child(sup, :w1)
:ok
iex(18)> Supervisor.delete_child(sup, :w1)
:ok
iex(19)> Supervisor.delete_child(sup, :w1)
{:error, :not_found}
iex(20)> Supervisor.restart_child(sup, :w1)
{:error, :not_found}
iex(21)> Supervisor.count_children(sup)
%{active: 2, specs: 2, supervisors: 0, workers: 2}
iex(22)> Supervisor.start_child(sup, Supervisor.child_spec({Worker, :w4}, id: :w4)) |> elem(0)
:ok
iex(23)> Supervisor.start_child(sup, Supervisor.child_spec({Worker, :w4}, id: :w4)) |> elem(0)
:error
iex(24)> Supervisor.count_children(sup)
%{active: 3, specs: 3, supervisors: 0, workers: 3}
iex(25)> Supervisor.stop(sup)
:ok
iex(26)> Process.whereis(:w2)
nil
iex(27)> {:ok, all} = Supervisor.start_link([Supervisor.child_spec({Worker, :a1}, id: :a1), Supervisor.child_spec({Worker, :a2}, id: :a2)], strategy: :one_for_all)
{:ok, #PID<0.153.0>}
iex(28)> a1 = Process.whereis(:a1); a2 = Process.whereis(:a2); Process.exit(a1, :kill); Process.sleep(50)
:ok
iex(29)> {Process.whereis(:a1) != a1, Process.whereis(:a2) != a2, Process.alive?(a2)}
{true, true, false}
iex(30)> Supervisor.stop(all)
:ok
iex(31)> {:ok, rest} = Supervisor.start_link([Supervisor.child_spec({Worker, :r1}, id: :r1), Supervisor.child_spec({Worker, :r2}, id: :r2), Supervisor.child_spec({Worker, :r3}, id: :r3)], strategy: :rest_for_one)
{:ok, #PID<0.162.0>}
iex(32)> r1 = Process.whereis(:r1); r2 = Process.whereis(:r2); r3 = Process.whereis(:r3); Process.exit(r2, :kill); Process.sleep(50)
:ok
iex(33)> {Process.whereis(:r1) == r1, Process.whereis(:r2) != r2, Process.whereis(:r3) != r3}
{true, true, true}
iex(34)> Supervisor.stop(rest)
:ok
iex(35)> Process.flag(:trap_exit, true)
false
iex(36)> {:ok, weak} = Supervisor.start_link([Supervisor.child_spec({Worker, :x1}, id: :x1)], strategy: :one_for_one, max_restarts: 1, max_seconds: 5)
{:ok, #PID<0.173.0>}
iex(37)> Process.exit(Process.whereis(:x1), :kill); Process.sleep(50); Process.alive?(weak)
true
iex(38)> Process.exit(Process.whereis(:x1), :kill); Process.sleep(50); Process.alive?(weak)
false
iex(39)> receive do {:EXIT, ^weak, reason} -> reason after 100 -> :none end
:shutdown
iex(40)> defmodule MySup do
...(40)>   use Supervisor
...(40)>   def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)
...(40)>   @impl true
...(40)>   def init(ids) do
...(40)>     children = Enum.map(ids, fn id -> Supervisor.child_spec({Worker, id}, id: id) end)
...(40)>     Supervisor.init(children, strategy: :one_for_one)
...(40)>   end
...(40)> end
{:module, MySup,
 <<70, 79, 82, 49, 0, 0, 9, 192, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 22,
   0, 0, 0, 28, 12, 69, 108, 105, 120, 105, 114, 46, 77, 121, 83, 117, 112, 8,
   95, 95, 105, 110, 102, 111, 95, 95, 10, ...>>, {:init, 1}}
iex(41)> MySup.child_spec([:m1])
%{id: MySup, start: {MySup, :start_link, [[:m1]]}, type: :supervisor}
iex(42)> {:ok, ms} = MySup.start_link([:m1, :m2])
{:ok, #PID<0.195.0>}
iex(43)> Supervisor.which_children(MySup) |> length()
2
iex(44)> GenServer.call(:m2, :ping)
{:pong, :m2}
iex(45)> Supervisor.stop(MySup)
:ok
iex(46)> {:ok, dyn} = DynamicSupervisor.start_link(strategy: :one_for_one, name: Dyn)
{:ok, #PID<0.202.0>}
iex(47)> DynamicSupervisor.count_children(Dyn)
%{active: 0, specs: 0, supervisors: 0, workers: 0}
iex(48)> {:ok, d1} = DynamicSupervisor.start_child(Dyn, {Worker, :d1})
{:ok, #PID<0.205.0>}
iex(49)> {:ok, d2} = DynamicSupervisor.start_child(Dyn, {Worker, :d2})
{:ok, #PID<0.207.0>}
iex(50)> DynamicSupervisor.start_child(Dyn, {Worker, :d2})
{:error, {:already_started, #PID<0.207.0>}}
iex(51)> DynamicSupervisor.which_children(Dyn) |> Enum.map(fn {id, pid, type, mods} -> {id, is_pid(pid), type, mods} end)
[{:undefined, true, :worker, [Worker]}, {:undefined, true, :worker, [Worker]}]
iex(52)> Process.exit(d1, :kill); Process.sleep(50); is_pid(Process.whereis(:d1))
true
iex(53)> DynamicSupervisor.terminate_child(Dyn, d2)
:ok
iex(54)> DynamicSupervisor.terminate_child(Dyn, d2)
{:error, :not_found}
iex(55)> DynamicSupervisor.count_children(Dyn)
%{active: 1, specs: 1, supervisors: 0, workers: 1}
