# Processes on one node: spawn/send/receive, flush, links, monitors, registration, crash reports, iex helpers
iex(1)> is_pid(self())
true
iex(2)> self() == self()
true
iex(3)> pid = spawn(fn -> receive do {:ping, from} -> send(from, :pong) end end)
#PID<0.112.0>
iex(4)> Process.alive?(pid)
true
iex(5)> send pid, {:ping, self()}
{:ping, #PID<0.108.0>}
iex(6)> receive do :pong -> :got_pong after 1000 -> :timeout end
:got_pong
iex(7)> Process.sleep(50)
:ok
iex(8)> Process.alive?(pid)
false
iex(9)> send self(), :a
:a
iex(10)> send self(), {:b, 2}
{:b, 2}
iex(11)> flush()
:a
{:b, 2}
:ok
iex(12)> flush()
:ok
iex(13)> spawn(fn -> IO.puts "from child" end); Process.sleep(100)
from child
:ok
iex(14)> spawn(fn -> raise "boom" end); Process.sleep(100)

13:44:10.021 [error] Process #PID<0.125.0> raised an exception
** (RuntimeError) boom
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
:ok
iex(15)> spawn(fn -> exit(:quiet) end); Process.sleep(100)
:ok
iex(16)> Process.flag(:trap_exit, true)
false
iex(17)> p = spawn_link(fn -> exit(:oops) end)
#PID<0.130.0>
iex(18)> receive do {:EXIT, ^p, reason} -> reason end
:oops
iex(19)> Process.flag(:trap_exit, false)
true
iex(20)> {p2, ref} = spawn_monitor(fn -> exit(:bye) end)
{#PID<0.134.0>, #Reference<0.2186555364.849084417.188237>}
iex(21)> receive do {:DOWN, ^ref, :process, ^p2, r} -> r end
:bye
iex(22)> ref2 = Process.monitor(spawn(fn -> :ok end))
#Reference<0.2186555364.849084417.188254>
iex(23)> receive do {:DOWN, ^ref2, :process, _, r} -> r end
:normal
iex(24)> Process.register(self(), :shell)
true
iex(25)> Process.whereis(:shell) == self()
true
iex(26)> send :shell, :hello_by_name
:hello_by_name
iex(27)> receive do m -> m end
:hello_by_name
iex(28)> Process.whereis(:nobody)
nil
iex(29)> send :nobody, :x
** (ArgumentError) errors were found at the given arguments:

  * 1st argument: invalid destination

    :erlang.send(:nobody, :x)
iex(29)> Node.self
:nonode@nohost
iex(30)> Node.alive?
false
iex(31)> Node.list
[]
iex(32)> node()
:nonode@nohost
iex(33)> node(self())
:nonode@nohost
iex(34)> :global.register_name(:me, self())
:yes
iex(35)> :global.whereis_name(:me) == self()
true
iex(36)> :global.register_name(:me, self())
:no
iex(37)> :global.whereis_name(:nobody)
:undefined
iex(38)> :global.unregister_name(:me)
:ok
iex(39)> :global.whereis_name(:me)
:undefined
iex(40)> pid("0.110.0")
#PID<0.110.0>
iex(41)> pid(0, 110, 0)
#PID<0.110.0>
iex(42)> is_reference(make_ref())
true
iex(43)> 1 + 1
2
iex(44)> v()
2
iex(45)> v(1)
** (RuntimeError) v(1) is out of bounds
    (iex 1.14.0) lib/iex/history.ex:54: IEx.History.nth/2
    (iex 1.14.0) lib/iex/helpers.ex:402: IEx.Helpers.v/1
iex(45)> v(-1)
2
iex(46)> v(43)
2
iex(47)> :timer.sleep(10)
:ok
iex(48)> spawn(fn -> Process.sleep(300); IO.puts "late output" end) |> is_pid
true
late output
iex(49)> :after_late_output
:after_late_output
