# Elixir 1.14 iex session: process aliases (OTP 24+): :erlang.alias/0,1 (explicit_unalias, reply), unalias/1, sends to active, inactive and plain references (dropped), monitor/3 with {:alias, mode} (demonitor, explicit_unalias, reply_demonitor), the argument errors, and GenServer's alias tag: a reply to a plain ref is lost, a reply after a call's timeout is dropped (flush prints nothing).
# Captured from piped input (iex < lines), each typed line put back after its prompt; twice, the runs agreed after masking.
iex(1)> a = :erlang.alias()
#Reference<0.2688010639.3626303489.91784>
iex(2)> send(a, :hello)
:hello
iex(3)> flush()
:hello
:ok
iex(4)> :erlang.unalias(a)
true
iex(5)> send(a, :again)
:again
iex(6)> flush()
:ok
iex(7)> :erlang.unalias(a)
false
iex(8)> b = :erlang.alias([:reply])
#Reference<0.2688010639.3626303489.91852>
iex(9)> send(b, 1)
1
iex(10)> send(b, 2)
2
iex(11)> flush()
1
:ok
iex(12)> c = :erlang.alias([:explicit_unalias])
#Reference<0.2688010639.3626303489.91886>
iex(13)> send(c, :x)
:x
iex(14)> send(c, :y)
:y
iex(15)> flush()
:x
:y
:ok
iex(16)> is_reference(c)
true
iex(17)> pid = spawn(fn -> receive do x -> x end end)
#PID<0.124.0>
iex(18)> ref = :erlang.monitor(:process, pid, [{:alias, :reply_demonitor}])
#Reference<0.2688010639.3626303489.91938>
iex(19)> send(ref, :reply1)
:reply1
iex(20)> send(ref, :reply2)
:reply2
iex(21)> flush()
:reply1
:ok
iex(22)> send(pid, :go)
:go
iex(23)> Process.sleep(50)
:ok
iex(24)> receive do {:DOWN, _, :process, _, r} -> {:down, r} after 0 -> :none end
:none
iex(25)> :erlang.alias(:bad)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a list

    :erlang.alias(:bad)
iex(25)> :erlang.alias([:bad])
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: invalid option in list

    :erlang.alias([:bad])
iex(25)> :erlang.unalias(:bad)
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: not a reference

    :erlang.unalias(:bad)
iex(25)> :erlang.unalias(make_ref())
false
iex(26)> send(make_ref(), :lost)
:lost
iex(27)> flush()
:ok
iex(28)> pid = spawn(fn -> receive do x -> x end end)
#PID<0.139.0>
iex(29)> ref = :erlang.monitor(:process, pid, [{:alias, :demonitor}])
#Reference<0.2688010639.3626303489.92055>
iex(30)> send(ref, 1)
1
iex(31)> send(ref, 2)
2
iex(32)> send(pid, :go)
:go
iex(33)> Process.sleep(20)
:ok
iex(34)> send(ref, 3)
3
iex(35)> receive do {:DOWN, ^ref, :process, _, r} -> {:down, r} after 0 -> :none end
{:down, :normal}
iex(36)> flush()
1
2
:ok
iex(37)> pid2 = spawn(fn -> receive do x -> x end end)
#PID<0.149.0>
iex(38)> r2 = :erlang.monitor(:process, pid2, [{:alias, :explicit_unalias}])
#Reference<0.2688010639.3626303489.92126>
iex(39)> Process.demonitor(r2)
true
iex(40)> send(r2, :still)
:still
iex(41)> flush()
:still
:ok
iex(42)> :erlang.unalias(r2)
true
iex(43)> pid3 = spawn(fn -> receive do x -> x end end)
#PID<0.156.0>
iex(44)> r3 = :erlang.monitor(:process, pid3, [{:alias, :demonitor}])
#Reference<0.2688010639.3626303489.92172>
iex(45)> Process.demonitor(r3)
true
iex(46)> send(r3, :gone)
:gone
iex(47)> flush()
:ok
iex(48)> :erlang.monitor(:process, pid3, [{:alias, :bad}])
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: invalid option in list

    :erlang.monitor(:process, #PID<0.156.0>, [alias: :bad])
iex(48)> :erlang.monitor(:process, pid3, [:bad])
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: invalid option in list

    :erlang.monitor(:process, #PID<0.156.0>, [:bad])
iex(48)> :erlang.monitor(:process, pid3, :bad)
** (ArgumentError) errors were found at the given arguments:

  * 3rd argument: not a list

    :erlang.monitor(:process, #PID<0.156.0>, :bad)
iex(48)> :erlang.monitor(:process, pid3, [])
#Reference<0.2688010639.3626237953.92223>
iex(49)> r5 = :erlang.monitor(:process, pid, [{:alias, :reply_demonitor}])
#Reference<0.2688010639.3626303489.92231>
iex(50)> send(r5, :x)
:x
iex(51)> receive do {:DOWN, ^r5, :process, _, r} -> {:down, r} after 0 -> :none end
{:down, :noproc}
iex(52)> flush()
:ok
iex(53)> defmodule Counter do
...(53)>   use GenServer
...(53)>   def init(n), do: {:ok, n}
...(53)>   def handle_call(:get, _from, n), do: {:reply, n, n}
...(53)>   def handle_call({:slow, ms}, _from, n), do: (Process.sleep(ms); {:reply, :late, n})
...(53)> end
{:module, Counter,
 <<70, 79, 82, 49, 0, 0, 17, 168, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 225,
   0, 0, 0, 53, 14, 69, 108, 105, 120, 105, 114, 46, 67, 111, 117, 110, 116,
   101, 114, 8, 95, 95, 105, 110, 102, 111, 95, ...>>, {:handle_call, 3}}
iex(54)> {:ok, pid} = GenServer.start(Counter, 41)
{:ok, #PID<0.181.0>}
iex(55)> ref = make_ref()
#Reference<0.2688010639.3626237954.92007>
iex(56)> send(pid, {:"$gen_call", {self(), [:alias | ref]}, :get}) && :sent
:sent
iex(57)> Process.sleep(50)
:ok
iex(58)> flush()
:ok
iex(59)> a = :erlang.alias()
#Reference<0.2688010639.3626303490.92039>
iex(60)> send(pid, {:"$gen_call", {self(), [:alias | a]}, :get}) && :sent
:sent
iex(61)> Process.sleep(50)
:ok
iex(62)> flush()
{[:alias | #Reference<0.2688010639.3626303490.92039>], 41}
:ok
iex(63)> GenServer.call(pid, {:slow, 200}, 50)
** (exit) exited in: GenServer.call(#PID<0.181.0>, {:slow, 200}, 50)
    ** (EXIT) time out
    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3
iex(63)> Process.sleep(300)
:ok
iex(64)> flush()
:ok
iex(65)> Process.info(self(), :message_queue_len)
{:message_queue_len, 0}
iex(66)> GenServer.call(pid, :get)
41
