# Elixir 1.14 iex session: %Task{} missing keys (the expanding-struct error), Stream.resource's after-fun when the consumer halts, raises or throws, GenServer :hibernate returns (the process keeps its state and wakes on a message), Registry's partitions: option. Captured from piped input, typed lines put back after their prompts; twice, the runs agreed after masking.
iex(1)> %Task{}
** (ArgumentError) the following keys must also be given when building struct Task: [:mfa, :owner, :pid, :ref]
    (elixir 1.14.0) expanding struct: Task.__struct__/1
    iex:1: (file)
iex(1)> %Task{pid: nil}
** (ArgumentError) the following keys must also be given when building struct Task: [:mfa, :owner, :ref]
    (elixir 1.14.0) expanding struct: Task.__struct__/1
    iex:1: (file)
iex(1)> s = Stream.resource(fn -> IO.puts("open"); 0 end, fn n -> {[n], n + 1} end, fn _ -> IO.puts("closed") end)
#Function<52.103858489/2 in Stream.resource/3>
iex(2)> Enum.take(s, 3)
open
closed
[0, 1, 2]
iex(3)> try do Enum.each(s, fn x -> if x == 2, do: raise("stop") end) rescue e -> e.message end
open
closed
"stop"
iex(4)> try do Enum.each(s, fn x -> if x == 2, do: throw(:out) end) catch :throw, v -> v end
open
closed
:out
iex(5)> Stream.map(s, fn x -> if x == 1, do: raise("inner"), else: x end) |> Enum.to_list()
open
closed
** (RuntimeError) inner
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
    (elixir 1.14.0) lib/stream.ex:612: anonymous fn/4 in Stream.map/2
    (elixir 1.14.0) lib/stream.ex:1651: Stream.do_element_resource/6
    (elixir 1.14.0) lib/stream.ex:1811: Enumerable.Stream.do_each/4
    (elixir 1.14.0) lib/enum.ex:4307: Enum.reverse/1
    (elixir 1.14.0) lib/enum.ex:3644: Enum.to_list/1
iex(5)> defmodule Sleepy do
...(5)>   use GenServer
...(5)>   def init(n), do: {:ok, n, :hibernate}
...(5)>   def handle_call(:get, _from, n), do: {:reply, n, n + 1, :hibernate}
...(5)>   def handle_cast(:bump, n), do: {:noreply, n + 10, :hibernate}
...(5)> end
{:module, Sleepy,
 <<70, 79, 82, 49, 0, 0, 14, 84, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 129,
   0, 0, 0, 42, 13, 69, 108, 105, 120, 105, 114, 46, 83, 108, 101, 101, 112,
   121, 8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, {:handle_cast, 2}}
iex(6)> {:ok, pid} = GenServer.start(Sleepy, 1)
{:ok, #PID<0.126.0>}
iex(7)> GenServer.call(pid, :get)
1
iex(8)> GenServer.cast(pid, :bump); GenServer.call(pid, :get)
12
iex(9)> {:ok, _} = Registry.start_link(keys: :unique, name: Reg, partitions: 4)
{:ok, #PID<0.130.0>}
iex(10)> Registry.register(Reg, :a, 1)
{:ok, #PID<0.133.0>}
iex(11)> Registry.lookup(Reg, :a)
[{#PID<0.106.0>, 1}]
iex(12)> Registry.count(Reg)
1
iex(13)> {:ok, _} = Registry.start_link(keys: :duplicate, name: Dup, partitions: 2)
{:ok, #PID<0.139.0>}
iex(14)> Registry.register(Dup, :k, 1); Registry.register(Dup, :k, 2); Registry.lookup(Dup, :k) |> length()
2
iex(15)> Registry.start_link(keys: :unique, name: Bad, partitions: 0)
** (ArgumentError) expected :partitions to be a positive integer, got: 0
    (elixir 1.14.0) lib/registry.ex:350: Registry.start_link/1
