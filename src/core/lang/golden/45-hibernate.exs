# Elixir 1.14 iex session: :erlang.hibernate/3 and GenServer's :hibernate: Process.info's current_function while hibernating ({:erlang, :hibernate, 3}) and in the server loop ({:gen_server, :loop, 7}); a hibernated process wakes on a message into the given function with its stack (and try) dropped; hibernate's argument errors. Captured from piped input, typed lines put back after their prompts; twice, the runs agreed after masking.
iex(1)> defmodule Sleepy do
...(1)>   use GenServer
...(1)>   def init(n), do: {:ok, n, :hibernate}
...(1)>   def handle_call(:get, _from, n), do: {:reply, n, n, :hibernate}
...(1)>   def handle_call(:plain, _from, n), do: {:reply, n, n}
...(1)> end
{:module, Sleepy,
 <<70, 79, 82, 49, 0, 0, 17, 104, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 224,
   0, 0, 0, 52, 13, 69, 108, 105, 120, 105, 114, 46, 83, 108, 101, 101, 112,
   121, 8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, {:handle_call, 3}}
iex(2)> {:ok, pid} = GenServer.start(Sleepy, 1)
{:ok, #PID<0.119.0>}
iex(3)> Process.info(pid, :current_function)
{:current_function, {:erlang, :hibernate, 3}}
iex(4)> GenServer.call(pid, :get)
1
iex(5)> Process.info(pid, :current_function)
{:current_function, {:erlang, :hibernate, 3}}
iex(6)> GenServer.call(pid, :plain)
1
iex(7)> Process.info(pid, :current_function)
{:current_function, {:gen_server, :loop, 7}}
iex(8)> pid2 = spawn(fn -> :erlang.hibernate(IO, :puts, ["woke"]) end)
#PID<0.126.0>
iex(9)> Process.sleep(10); Process.info(pid2, :current_function)
{:current_function, {:erlang, :hibernate, 3}}
iex(10)> send(pid2, :wake); Process.sleep(10)
woke
:ok
iex(11)> Process.alive?(pid2)
false
iex(12)> {p3, r3} = spawn_monitor(fn -> try do :erlang.hibernate(Kernel, :exit, [:boom]) catch :exit, _ -> exit(:caught) end end)
{#PID<0.131.0>, #Reference<0.2198093394.3391881217.204552>}
iex(13)> send(p3, :go)
:go
iex(14)> receive(do: ({:DOWN, ^r3, _, _, why} -> why))
:boom
iex(15)> :erlang.hibernate(:a, 1, [])
** (ArgumentError) errors were found at the given arguments:

  * 2nd argument: not an atom

    :erlang.hibernate(:a, 1, [])
