# Two real named iex 1.14 nodes on one machine (iex --sname a / --sname b, same cookie), typed in turn:
# GenServer across nodes (a {:global, n} name, {name, node}, a remote pid, :sys, timeouts, noproc,
# a node that is not there) and Task.Supervisor.async to the other node. Each prompt names the
# node the line was typed on; the other node printed nothing meanwhile. Captured under two
# pseudo-terminals, one line at a time, as golden/README.md describes for one node.
iex(b@vm)1> defmodule Counter do
...(b@vm)1>   use GenServer
...(b@vm)1>   def init(n), do: {:ok, n}
...(b@vm)1>   def handle_call(:get, _from, n), do: {:reply, n, n}
...(b@vm)1>   def handle_call({:add, k}, _from, n), do: {:reply, n + k, n + k}
...(b@vm)1>   def handle_call(:where, _from, n), do: {:reply, node(), n}
...(b@vm)1>   def handle_call(:slow, _from, n) do
...(b@vm)1>     Process.sleep(300)
...(b@vm)1>     {:reply, n, n}
...(b@vm)1>   end
...(b@vm)1>   def handle_cast({:add, k}, n), do: {:noreply, n + k}
...(b@vm)1> end
{:module, Counter,
 <<70, 79, 82, 49, 0, 0, 15, 108, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 141,
   0, 0, 0, 45, 14, 69, 108, 105, 120, 105, 114, 46, 67, 111, 117, 110, 116,
   101, 114, 8, 95, 95, 105, 110, 102, 111, 95, ...>>, {:handle_cast, 2}}
iex(b@vm)2> {:ok, counter} = GenServer.start(Counter, 0, name: {:global, :counter})
{:ok, #PID<0.133.0>}
iex(b@vm)3> {:ok, kv} = GenServer.start(Counter, 100, name: :kv)
{:ok, #PID<0.135.0>}
iex(b@vm)4> {:ok, sup} = Task.Supervisor.start_link(name: MySup)
{:ok, #PID<0.137.0>}
iex(a@vm)1> Node.connect(:"b@vm")
true
iex(a@vm)2> GenServer.call({:global, :counter}, :get)
0
iex(a@vm)3> GenServer.cast({:global, :counter}, {:add, 5})
:ok
iex(a@vm)4> GenServer.call({:global, :counter}, {:add, 1})
6
iex(a@vm)5> pid = GenServer.whereis({:global, :counter}); node(pid)
:b@vm
iex(a@vm)6> GenServer.call(pid, :where)
:b@vm
iex(a@vm)7> GenServer.call({:kv, :"b@vm"}, :get)
100
iex(a@vm)8> GenServer.cast({:kv, :"b@vm"}, {:add, 1})
:ok
iex(a@vm)9> :sys.get_state({:kv, :"b@vm"})
101
iex(a@vm)10> GenServer.call({:kv, :"b@vm"}, :slow, 50)
** (exit) exited in: GenServer.call({:kv, :b@vm}, :slow, 50)
    ** (EXIT) time out
    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3
iex(a@vm)10> Process.sleep(400)
:ok
iex(a@vm)11> GenServer.call({:nobody, :"b@vm"}, :get, 500)
** (exit) exited in: GenServer.call({:nobody, :b@vm}, :get, 500)
    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3
iex(a@vm)11> GenServer.call({:kv, :"c@vm"}, :get, 500)
** (exit) exited in: GenServer.call({:kv, :c@vm}, :get, 500)
    ** (EXIT) no connection to c@vm
    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3
iex(a@vm)11> Task.Supervisor.async({MySup, :"b@vm"}, fn -> node() end) |> Task.await()
:b@vm
iex(a@vm)12> Task.Supervisor.async({MySup, :"b@vm"}, fn -> Enum.sum([1, 2, 3]) end) |> Task.await()
6
iex(a@vm)13> Task.Supervisor.async({MySup, :"b@vm"}, Kernel, :node, []) |> Task.await()
:b@vm
iex(a@vm)14> t = Task.Supervisor.async_nolink({MySup, :"b@vm"}, fn -> Process.sleep(50); :done end); Task.yield(t, 1000)
{:ok, :done}
iex(a@vm)15> Task.Supervisor.children({MySup, :"b@vm"})
[]
iex(b@vm)5> GenServer.call(:kv, :get)
101
iex(b@vm)6> :sys.get_state(counter)
6
iex(a@vm)16> GenServer.stop({:global, :counter})
:ok
iex(b@vm)7> Process.alive?(counter)
false
iex(a@vm)17> GenServer.call({:global, :counter}, :get)
** (exit) exited in: GenServer.call({:global, :counter}, :get, 5000)
    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
    (elixir 1.14.0) lib/gen_server.ex:1027: GenServer.call/3
