# Single-node lines of the classroom scenarios (src/playground/scenarios.test.ts) on a node started without a name
iex(1)> Node.self
:nonode@nohost
iex(2)> Node.list
[]
iex(3)> Node.alive?
false
iex(4)> Node.get_cookie
:nocookie
iex(5)> Node.ping :"nobody@vm"
:pang
iex(6)> Node.connect :"two@vm"
:ignored
iex(7)> Node.set_cookie(:"one@vm", :"chocolate-chip-1")
** (ErlangError) Erlang error: :distribution_not_started
    (kernel 8.5.3) auth.erl:143: :auth.set_cookie/2
iex(7)> func = fn -> IO.inspect Node.self end
#Function<43.3316493/0 in :erl_eval.expr/6>
iex(8)> func.()
:nonode@nohost
:nonode@nohost
iex(9)> spawn(func); Process.sleep(100)
:nonode@nohost
:ok
iex(10)> pid = spawn(fn -> receive do {:ping, from} -> send(from, {:pong, self()}) end end)
#PID<0.121.0>
iex(11)> send pid, {:ping, self()}
{:ping, #PID<0.108.0>}
iex(12)> receive do {:pong, p} -> {:got, p, node(p)} after 1000 -> :timeout end
{:got, #PID<0.121.0>, :nonode@nohost}
iex(13)> :global.register_name(:two, :erlang.group_leader)
:yes
iex(14)> two = :global.whereis_name :two
#PID<0.67.0>
iex(15)> IO.puts two, "hello"
hello
:ok
iex(16)> defmodule Ticker do
...(16)>   @interval 2000   # 2 seconds
...(16)>   @name     :ticker
...(16)>
...(16)>   def start do
...(16)>     pid = spawn(__MODULE__, :generator, [[]])
...(16)>     :global.register_name(@name, pid)
...(16)>   end
...(16)>
...(16)>   def register(client_pid) do
...(16)>     send :global.whereis_name(@name), { :register, client_pid }
...(16)>   end
...(16)>
...(16)>   def generator(clients) do
...(16)>     receive do
...(16)>       { :register, pid } ->
...(16)>         IO.puts "registering #{inspect pid}"
...(16)>         generator([pid|clients])
...(16)>     after
...(16)>       @interval ->
...(16)>         IO.puts "tick"
...(16)>         Enum.each clients, fn client ->
...(16)>           send client, { :tick }
...(16)>         end
...(16)>         generator(clients)
...(16)>     end
...(16)>   end
...(16)> end
{:module, Ticker,
 <<70, 79, 82, 49, 0, 0, 10, 68, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 77,
   0, 0, 0, 35, 13, 69, 108, 105, 120, 105, 114, 46, 84, 105, 99, 107, 101, 114,
   8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, {:generator, 1}}
iex(17)>
nil
iex(18)> defmodule Client do
...(18)>   def start do
...(18)>     pid = spawn(__MODULE__, :receiver, [])
...(18)>     Ticker.register(pid)
...(18)>   end
...(18)>
...(18)>   def receiver do
...(18)>     receive do
...(18)>       { :tick } ->
...(18)>         IO.puts "tock in client"
...(18)>         receiver()
...(18)>     end
...(18)>   end
...(18)> end
{:module, Client,
 <<70, 79, 82, 49, 0, 0, 7, 20, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 223,
   0, 0, 0, 23, 13, 69, 108, 105, 120, 105, 114, 46, 67, 108, 105, 101, 110,
   116, 8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, {:receiver, 0}}
iex(19)> Ticker.start
:yes
iex(20)> :timer.sleep(4500)
tick
tick
:ok
iex(21)> r = Client.start; Process.sleep(100); r
registering #PID<0.184.0>
{:register, #PID<0.184.0>}
iex(22)> Process.sleep(3900)
tick
tock in client
tick
tock in client
:ok
iex(23)> Process.exit(:global.whereis_name(:ticker), :kill)
true
iex(24)> :global.whereis_name(:ticker)
:undefined
