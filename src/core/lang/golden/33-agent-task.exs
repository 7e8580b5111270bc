# Elixir 1.14 iex session: Agent, use Agent, Task (async/await/await_many/yield/yield_many/shutdown/async_stream/start; %Task{} printed, async_stream as the lazy 2-arity fun it is), use Task, Task.Supervisor and Registry (unique, duplicate, dispatch, via tuples).
# Captured under a pseudo-terminal as the README says (one line typed at a time).
iex(1)> {:ok, agent} = Agent.start_link(fn -> 0 end)
{:ok, #PID<0.110.0>}
iex(2)> Agent.update(agent, &(&1 + 5))
:ok
iex(3)> Agent.get(agent, & &1)
5
iex(4)> Agent.get_and_update(agent, fn s -> {s, s * 2} end)
5
iex(5)> Agent.get(agent, fn s -> s end)
10
iex(6)> Agent.cast(agent, &(&1 + 1))
:ok
iex(7)> Agent.get(agent, & &1)
11
iex(8)> Agent.start_link(fn -> [] end, name: Bucket)
{:ok, #PID<0.118.0>}
iex(9)> Agent.update(Bucket, fn l -> [:milk | l] end)
:ok
iex(10)> Agent.get(Bucket, &Enum.reverse/1)
[:milk]
iex(11)> Agent.get(Bucket, Enum, :count, [])
1
iex(12)> Agent.start_link(fn -> [] end, name: Bucket)
{:error, {:already_started, #PID<0.118.0>}}
iex(13)> Agent.stop(agent)
:ok
iex(14)> Process.alive?(agent)
false
iex(15)> Agent.get(agent, & &1)
** (exit) exited in: GenServer.call(#PID<0.110.0>, {:get, #Function<42.3316493/1 in :erl_eval.expr/6>}, 5000)
    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3
iex(15)> defmodule Stack do
...(15)>   use Agent
...(15)>   def start_link(init), do: Agent.start_link(fn -> init end, name: __MODULE__)
...(15)>   def push(x), do: Agent.update(__MODULE__, &[x | &1])
...(15)>   def pop(), do: Agent.get_and_update(__MODULE__, fn [h | t] -> {h, t} end)
...(15)> end
{:module, Stack,
 <<70, 79, 82, 49, 0, 0, 10, 84, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 47,
   0, 0, 0, 28, 12, 69, 108, 105, 120, 105, 114, 46, 83, 116, 97, 99, 107, 8,
   95, 95, 105, 110, 102, 111, 95, 95, 10, ...>>, {:pop, 0}}
iex(16)> Stack.child_spec([1])
%{id: Stack, start: {Stack, :start_link, [[1]]}}
iex(17)> Stack.start_link([1])
{:ok, #PID<0.139.0>}
iex(18)> Stack.push(2)
:ok
iex(19)> Stack.pop()
2
iex(20)> Stack.pop()
1
iex(21)> t = Task.async(fn -> 1 + 1 end); Task.await(t)
2
iex(22)> Task.await_many([Task.async(fn -> :a end), Task.async(fn -> :b end)])
[:a, :b]
iex(23)> t = Task.async(fn -> Process.sleep(500); :late end); Task.yield(t, 10)
nil
iex(24)> Task.yield(t, 1000)
{:ok, :late}
iex(25)> Task.yield(t, 10)
nil
iex(26)> t = Task.async(fn -> Process.sleep(500); :late end); try do Task.await(t, 20) catch :exit, {reason, {Task, :await, [task, timeout]}} -> {reason, task.pid == t.pid, timeout} end
{:timeout, true, 20}
iex(27)> Task.yield_many([Task.async(fn -> 1 end), Task.async(fn -> 2 end)]) |> Enum.map(fn {_, r} -> r end)
[ok: 1, ok: 2]
iex(28)> Task.async(fn -> :x end) |> Task.shutdown()
nil
iex(29)> Task.async_stream([1, 2, 3], fn x -> x * 10 end) |> Enum.to_list()
[ok: 10, ok: 20, ok: 30]
iex(30)> Task.async_stream([3, 1, 2], fn x -> Process.sleep(x * 100); x end, max_concurrency: 3, ordered: false) |> Enum.to_list()
[ok: 1, ok: 2, ok: 3]
iex(31)> Task.async_stream([3, 1, 2], fn x -> Process.sleep(x * 50); x end, max_concurrency: 3) |> Enum.to_list()
[ok: 3, ok: 1, ok: 2]
iex(32)> Task.async_stream([300, 1], fn x -> Process.sleep(x); x end, timeout: 100, on_timeout: :kill_task) |> Enum.to_list()
[exit: :timeout, ok: 1]
iex(33)> Task.async_stream([300, 1], fn x -> Process.sleep(x); x end, timeout: 100) |> Enum.to_list()
** (exit) exited in: Task.Supervised.stream(100)
    ** (EXIT) time out
    (elixir 1.14.0) lib/task/supervised.ex:298: Task.Supervised.stream_reduce/7
    (elixir 1.14.0) lib/enum.ex:4307: Enum.reverse/1
    (elixir 1.14.0) lib/enum.ex:3646: Enum.to_list/1
iex(33)> Task.async_stream([1, 2], Integer, :to_string, []) |> Enum.map(fn {:ok, s} -> s end)
["1", "2"]
iex(34)> {:ok, pid} = Task.start(fn -> :ok end); is_pid(pid)
true
iex(35)> {:ok, pid} = Task.start_link(fn -> Process.sleep(10) end); is_pid(pid)
true
iex(36)> Task.await(Task.async(Enum, :sum, [[1, 2, 3]]))
6
iex(37)> defmodule Job do
...(37)>   use Task
...(37)>   def start_link(arg), do: Task.start_link(__MODULE__, :run, [arg])
...(37)>   def run(arg), do: IO.puts("job #{arg}")
...(37)> end
{:module, Job,
 <<70, 79, 82, 49, 0, 0, 9, 108, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 48,
   0, 0, 0, 31, 10, 69, 108, 105, 120, 105, 114, 46, 74, 111, 98, 8, 95, 95,
   105, 110, 102, 111, 95, 95, 10, 97, 116, ...>>, {:run, 1}}
iex(38)> Job.child_spec(:x)
%{id: Job, restart: :temporary, start: {Job, :start_link, [:x]}}
iex(39)> {:ok, _} = Job.start_link(:one); Process.sleep(20)
job one
:ok
iex(40)> {:ok, ts} = Task.Supervisor.start_link(name: MyTasks)
{:ok, #PID<0.209.0>}
iex(41)> Task.Supervisor.async(MyTasks, fn -> :from_supervised end) |> Task.await()
:from_supervised
iex(42)> Task.Supervisor.async(MyTasks, Enum, :max, [[4, 9, 2]]) |> Task.await()
9
iex(43)> Task.Supervisor.async_nolink(MyTasks, fn -> :nolink end) |> Task.await()
:nolink
iex(44)> {:ok, tp} = Task.Supervisor.start_child(MyTasks, fn -> Process.sleep(200) end); Task.Supervisor.children(MyTasks) == [tp]
true
iex(45)> Registry.start_link(keys: :unique, name: Reg)
{:ok, #PID<0.219.0>}
iex(46)> Registry.register(Reg, "alice", :a) |> elem(0)
:ok
iex(47)> Registry.register(Reg, "alice", :b) |> elem(0)
:error
iex(48)> Registry.lookup(Reg, "alice") |> Enum.map(fn {pid, v} -> {pid == self(), v} end)
[true: :a]
iex(49)> Registry.lookup(Reg, "bob")
[]
iex(50)> Registry.keys(Reg, self())
["alice"]
iex(51)> Registry.unregister(Reg, "alice")
:ok
iex(52)> Registry.lookup(Reg, "alice")
[]
iex(53)> Registry.start_link(keys: :duplicate, name: Topics)
{:ok, #PID<0.229.0>}
iex(54)> Registry.register(Topics, :news, 1) |> elem(0)
:ok
iex(55)> Registry.register(Topics, :news, 2) |> elem(0)
:ok
iex(56)> Registry.lookup(Topics, :news) |> Enum.map(fn {_, v} -> v end)
[1, 2]
iex(57)> Registry.dispatch(Topics, :news, fn entries -> for {_pid, v} <- entries, do: IO.puts("got #{v}") end)
got 1
got 2
:ok
iex(58)> name = {:via, Registry, {Reg, "counter"}}
{:via, Registry, {Reg, "counter"}}
iex(59)> {:ok, a} = Agent.start_link(fn -> 41 end, name: name)
{:ok, #PID<0.237.0>}
iex(60)> Agent.update(name, &(&1 + 1))
:ok
iex(61)> Agent.get(name, & &1)
42
iex(62)> Registry.lookup(Reg, "counter") |> Enum.map(fn {pid, _} -> pid == a end)
[true]
iex(63)> Agent.stop(name); Process.sleep(20); Registry.lookup(Reg, "counter")
[]
iex(64)> Agent.get(name, & &1)
** (exit) exited in: GenServer.call({:via, Registry, {Reg, "counter"}}, {:get, #Function<42.3316493/1 in :erl_eval.expr/6>}, 5000)
    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
    (elixir 1.14.0) lib/gen_server.ex:1027: GenServer.call/3
iex(64)> Registry.start_link(keys: :other, name: Bad)
** (ArgumentError) expected :keys to be given and be one of :unique or :duplicate, got: :other
    (elixir 1.14.0) lib/registry.ex:325: Registry.start_link/1
iex(64)> t = Task.async(fn -> 1 end)
%Task{
  mfa: {:erlang, :apply, 2},
  owner: #PID<0.106.0>,
  pid: #PID<0.108.0>,
  ref: #Reference<0.1857218855.2537095169.223300>
}
iex(65)> Task.await(t)
1
iex(66)> t
%Task{
  mfa: {:erlang, :apply, 2},
  owner: #PID<0.106.0>,
  pid: #PID<0.108.0>,
  ref: #Reference<0.1857218855.2537095169.223300>
}
iex(67)> Map.keys(t)
[:__struct__, :mfa, :owner, :pid, :ref]
iex(68)> %Task{ref: r} = t; r == t.ref
true
iex(69)> inspect(%Task{t | pid: nil}, limit: 2)
"%Task{mfa: {:erlang, ...}, owner: #PID<0.106.0>, ...}"
iex(70)> s = Task.async_stream([1, 2, 3], fn x -> x * 2 end)
#Function<3.106504518/2 in Task.build_stream/3>
iex(71)> is_function(s, 2)
true
iex(72)> Enum.to_list(s)
[ok: 2, ok: 4, ok: 6]
iex(73)> me = self(); lazy = Task.async_stream([1], fn x -> send(me, {:ran, x}) end)
#Function<3.106504518/2 in Task.build_stream/3>
iex(74)> receive do {:ran, _} -> :ran after 50 -> :not_yet end
:not_yet
iex(75)> Enum.to_list(lazy)
[ok: {:ran, 1}]
iex(76)> receive do {:ran, x} -> {:ran, x} after 50 -> :not_yet end
{:ran, 1}
iex(77)> Task.async_stream(1..4, fn x -> x + 1 end, max_concurrency: 2) |> Enum.map(fn {:ok, v} -> v end)
[2, 3, 4, 5]
iex(78)> Stream.iterate(1, &(&1 + 1)) |> Task.async_stream(fn x -> x * x end) |> Enum.take(3)
[ok: 1, ok: 4, ok: 9]
iex(79)> Task.async_stream([5, 1, 3], fn x -> Process.sleep(x * 20); x end, ordered: false, max_concurrency: 2) |> Enum.to_list()
[ok: 1, ok: 3, ok: 5]
iex(80)> Task.async_stream([1, 200], fn x -> Process.sleep(x); x end, timeout: 100, on_timeout: :kill_task, zip_input_on_exit: true) |> Enum.to_list()
[ok: 1, exit: {200, :timeout}]
iex(81)> Task.async_stream(["a", "b"], String, :duplicate, [2]) |> Enum.to_list()
[ok: "aa", ok: "bb"]
iex(82)> Task.async_stream([1, 2], &(&1 * 10)) |> Stream.map(fn {:ok, v} -> v end) |> Enum.sum()
30
iex(83)> Task.async_stream([1, 2, 3], &(&1 * 10)) |> Enum.zip([:a, :b, :c])
[{{:ok, 10}, :a}, {{:ok, 20}, :b}, {{:ok, 30}, :c}]
iex(84)> Task.yield(Task.async(fn -> 7 end))
{:ok, 7}
iex(85)> {:ok, ts} = Task.Supervisor.start_link()
{:ok, #PID<0.108.0>}
iex(86)> Task.Supervisor.async_stream(ts, [1, 2], fn x -> x * 3 end)
#Function<0.77514672/2 in Task.Supervisor.build_stream/5>
iex(87)> Task.Supervisor.async_stream(ts, [1, 2], fn x -> x * 3 end, max_concurrency: 1) |> Enum.to_list()
[ok: 3, ok: 6]
iex(88)> Task.Supervisor.async_stream(ts, ["a"], String, :duplicate, [3]) |> Enum.to_list()
[ok: "aaa"]
iex(89)> Task.Supervisor.async_stream_nolink(ts, ["b"], String, :upcase, []) |> Enum.to_list()
[ok: "B"]
iex(90)> Task.async_stream([1], fn x -> x end, max_concurrency: 0) |> Enum.to_list()
** (ArgumentError) :max_concurrency must be an integer greater than zero
    (elixir 1.14.0) lib/task/supervised.ex:181: Task.Supervised.stream/7
    (elixir 1.14.0) lib/enum.ex:4307: Enum.reverse/1
    (elixir 1.14.0) lib/enum.ex:3646: Enum.to_list/1
iex(90)> Task.async_stream([1], fn x -> x end, max_concurrency: :a)
#Function<3.106504518/2 in Task.build_stream/3>
iex(91)> done = Task.completed(3)
%Task{
  mfa: {Task, :completed, 1},
  owner: #PID<0.106.0>,
  pid: nil,
  ref: #Reference<0.2187140329.1734082561.50556>
}
iex(92)> Task.await(done)
3
iex(93)> Task.ignore(Task.async(fn -> Process.sleep(100); 1 end))
nil
iex(94)> t2 = Task.async(fn -> 2 end); Process.sleep(50); Task.ignore(t2)
{:ok, 2}
iex(95)> Agent.child_spec(fn -> 1 end) |> Map.delete(:start)
%{id: Agent}
iex(96)> Task.child_spec(fn -> 1 end) |> Map.delete(:start)
%{id: Task, restart: :temporary}
iex(97)> Agent.child_spec(:x)
%{id: Agent, start: {Agent, :start_link, [:x]}}
iex(98)> Task.child_spec(:x)
%{id: Task, restart: :temporary, start: {Task, :start_link, [:x]}}
iex(99)> Task.Supervisor.child_spec(name: TS2)
%{
  id: TS2,
  start: {Task.Supervisor, :start_link, [[name: TS2]]},
  type: :supervisor
}
iex(100)> Registry.child_spec(keys: :unique, name: R2)
%{
  id: R2,
  start: {Registry, :start_link, [[keys: :unique, name: R2]]},
  type: :supervisor
}
iex(101)> DynamicSupervisor.child_spec(name: DS2)
%{
  id: DS2,
  start: {DynamicSupervisor, :start_link, [[name: DS2]]},
  type: :supervisor
}
iex(102)> {:ok, ds2} = DynamicSupervisor.start_link(strategy: :one_for_one)
{:ok, #PID<0.115.0>}
iex(103)> DynamicSupervisor.start_child(ds2, {Agent, fn -> 5 end}) |> elem(0)
:ok
iex(104)> DynamicSupervisor.start_child(ds2, {Task, fn -> Process.sleep(:infinity) end}) |> elem(0)
:ok
iex(105)> DynamicSupervisor.count_children(ds2)
%{active: 2, specs: 2, supervisors: 0, workers: 2}
iex(106)> {:ok, s1} = Supervisor.start_link([{Agent, fn -> 7 end}], strategy: :one_for_one)
{:ok, #PID<0.122.0>}
iex(107)> [{Agent, pid, :worker, [Agent]}] = Supervisor.which_children(s1); Agent.get(pid, & &1)
7
iex(108)> {:ok, s2} = Supervisor.start_link([{Task.Supervisor, name: TS3}, {Registry, keys: :unique, name: R3}], strategy: :one_for_one)
{:ok, #PID<0.126.0>}
iex(109)> Supervisor.count_children(s2)
%{active: 2, specs: 2, supervisors: 2, workers: 0}
iex(110)> Task.Supervisor.async(TS3, fn -> 9 end) |> Task.await()
9
iex(111)> Task.await(Task.async(fn -> Process.sleep(1000) end), 10)
** (exit) exited in: Task.await(%Task{mfa: {:erlang, :apply, 2}, owner: #PID<0.106.0>, pid: #PID<0.108.0>, ref: #Reference<0.860324174.3882680322.20296>}, 10)
    ** (EXIT) time out
    (elixir 1.14.0) lib/task.ex:830: Task.await/2
iex(111)> Task.yield_many([Task.async(fn -> 1 end)]) |> Enum.map(fn {t, r} -> {t.mfa, r} end)
[{{:erlang, :apply, 2}, {:ok, 1}}]
iex(112)> Task.async_stream([1], fn x -> x end) |> Stream.map(& &1) |> Enum.to_list()
[ok: 1]
iex(113)> Enum.map(Task.async_stream([1, 2], fn x -> x end), fn {:ok, v} -> v end)
[1, 2]
iex(114)> Task.async_stream([], fn x -> x end) |> Enum.to_list()
[]
iex(115)> Task.async_stream(%{a: 1}, fn {k, v} -> {v, k} end) |> Enum.into(%{}, fn {:ok, kv} -> kv end)
%{1 => :a}
