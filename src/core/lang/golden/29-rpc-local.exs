# :rpc, :erpc, :erlang.spawn_request and the rex server on a node without a name (the calls to this node run, the others answer as a lone node: nodedown, noconnection). Captured from piped real iex 1.14 (each typed line put back after its prompt).
iex(1)> :rpc.call(node(), Kernel, :node, [])
:nonode@nohost
iex(2)> :rpc.call(node(), Enum, :sum, [[1, 2, 3]])
6
iex(3)> :rpc.call(node(), :erlang, :throw, [:thrown])
:thrown
iex(4)> :rpc.call(node(), Kernel, :exit, [:bye])
{:badrpc, {:EXIT, :bye}}
iex(5)> :rpc.call(node(), :erlang, :error, [:boom])
{:badrpc, {:EXIT, {:boom, [{:erlang, :error, [:boom], []}]}}}
iex(6)> :rpc.call(node(), Nope, :f, [])
{:badrpc, {:EXIT, {:undef, [{Nope, :f, [], []}]}}}
iex(7)> :rpc.call(:other@nowhere, Kernel, :node, [])
{:badrpc, :nodedown}
iex(8)> :rpc.call(:other@nowhere, Kernel, :node, [], 100)
{:badrpc, :nodedown}
iex(9)> :rpc.call(node(), Process, :sleep, [500], 50)
{:badrpc, :timeout}
iex(10)> :rpc.call(node(), :timer, :sleep, [10], :bad)
** (ArgumentError) argument error
    (kernel 8.5.3) rpc.erl:446: :rpc.rpcify_exception/2
iex(10)> :rpc.call("x", Kernel, :node, [])
** (ArgumentError) argument error
    (kernel 8.5.3) rpc.erl:446: :rpc.rpcify_exception/2
iex(10)> :rpc.cast(node(), IO, :puts, ["cast ran"]); Process.sleep(50)
cast ran
:ok
iex(11)> :rpc.cast(:other@nowhere, IO, :puts, ["x"])
true
iex(12)> :rpc.multicall(Kernel, :node, [])
{[:nonode@nohost], []}
iex(13)> :rpc.multicall([node(), :other@nowhere], Kernel, :node, [])
{[:nonode@nohost], [:other@nowhere]}
iex(14)> :rpc.multicall([node()], :erlang, :exit, [:x])
{[badrpc: {:EXIT, :x}], []}
iex(15)> :rpc.multicall([node(), node()], Enum, :count, [[1, 2]], 1000)
{[2, 2], []}
iex(16)> :rpc.multicall([node()], :erlang, :throw, [:t])
{[:t], []}
iex(17)> :rpc.multicall([node()], Process, :sleep, [300], 50)
{[], [:nonode@nohost]}
iex(18)> :erpc.call(node(), Kernel, :node, [])
:nonode@nohost
iex(19)> :erpc.call(node(), fn -> 1 + 1 end)
2
iex(20)> :erpc.call(node(), Enum, :sum, [[1, 2]], 1000)
3
iex(21)> :erpc.call(node(), Enum, :sum, [[1, 2]], 0)
** (ErlangError) Erlang error: {:erpc, :timeout}
    (kernel 8.5.3) erpc.erl:714: :erpc.call/5
iex(21)> :erpc.call(:other@nowhere, Kernel, :node, [])
** (ErlangError) Erlang error: {:erpc, :noconnection}
    (kernel 8.5.3) erpc.erl:710: :erpc.call/5
iex(21)> :erpc.call(:other@nowhere, fn -> :x end)
** (ErlangError) Erlang error: {:erpc, :noconnection}
    (kernel 8.5.3) erpc.erl:710: :erpc.call/5
iex(21)> :erpc.call(node(), :erlang, :throw, [:t])
** (throw) :t
    (kernel 8.5.3) erpc.erl:607: :erpc.execute_call/3
    (kernel 8.5.3) erpc.erl:126: :erpc.call/5
iex(21)> try do :erpc.call(node(), :erlang, :throw, [:t]) catch :throw, x -> {:caught, x} end
{:caught, :t}
iex(22)> :erpc.call(node(), Kernel, :exit, [:bye])
** (exit) {:exception, :bye}
    (kernel 8.5.3) erpc.erl:130: :erpc.call/5
iex(22)> :erpc.call(node(), :erlang, :error, [:boom])
** (ErlangError) Erlang error: {:exception, :boom, [{:erlang, :error, [:boom], []}]}
    (kernel 8.5.3) erpc.erl:137: :erpc.call/5
iex(22)> try do :erpc.call(node(), Kernel, :exit, [:bye]) catch :exit, r -> r end
{:exception, :bye}
iex(23)> try do :erpc.call(:other@nowhere, Kernel, :node, []) catch :error, e -> e end
{:erpc, :noconnection}
iex(24)> :erpc.call(node(), Process, :sleep, [500], 50)
** (ErlangError) Erlang error: {:erpc, :timeout}
    (kernel 8.5.3) erpc.erl:714: :erpc.call/5
iex(24)> :erpc.call(node(), Kernel, :node, [], :bad)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:797: :erpc.call/5
iex(24)> :erpc.call(node(), Kernel, :node, [], -1)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:797: :erpc.call/5
iex(24)> :erpc.call("x", Kernel, :node, [])
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:157: :erpc.call/5
iex(24)> :erpc.call(node(), :not_a_fun)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:99: :erpc.call/3
iex(24)> :erpc.cast(node(), IO, :puts, ["erpc cast"]); Process.sleep(50)
erpc cast
:ok
iex(25)> :erpc.cast(:other@nowhere, IO, :puts, ["x"])
:ok
iex(26)> :erpc.cast(node(), fn -> IO.puts("fun cast") end); Process.sleep(50)
fun cast
:ok
iex(27)> :erpc.cast(node(), "IO", :puts, ["x"])
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:579: :erpc.cast/4
iex(27)> :erpc.multicall([node()], Kernel, :node, [])
[ok: :nonode@nohost]
iex(28)> :erpc.multicall([node(), :other@nowhere], Kernel, :node, [])
[ok: :nonode@nohost, error: {:erpc, :noconnection}]
iex(29)> :erpc.multicall([node()], :erlang, :throw, [:t])
[throw: :t]
iex(30)> :erpc.multicall([node()], Kernel, :exit, [:e])
[exit: {:exception, :e}]
iex(31)> :erpc.multicall([node()], fn -> :fun_result end)
[ok: :fun_result]
iex(32)> :erpc.multicall([node()], Process, :sleep, [300], 50)
[error: {:erpc, :timeout}]
iex(33)> :erpc.multicall([node(), node()], Enum, :count, [[1]], 1000)
[ok: 1, ok: 1]
iex(34)> :erpc.multicall([], Kernel, :node, [])
[]
iex(35)> :erpc.multicall(:x, Kernel, :node, [])
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:524: :erpc.multicall/5
iex(35)> :net_adm.ping(:other@nowhere)
:pang
iex(36)> :net_adm.ping(node())
:pang
iex(37)> Node.spawn_link(node(), Kernel, :node, []) |> is_pid()
true
iex(38)> Process.whereis(:rex) |> is_pid()
true
iex(39)> req = :erlang.spawn_request(node(), Kernel, :node, [], [:monitor])
#Reference<0.3092661828.1720188930.77067>
iex(40)> receive do {:spawn_reply, ^req, :ok, pid} -> is_pid(pid) after 100 -> :none end
true
iex(41)> receive do {:DOWN, ^req, :process, _, reason} -> reason after 100 -> :none end
:normal
iex(42)> req = :erlang.spawn_request(node(), Kernel, :node, [], [{:reply, :error_only}])
#Reference<0.3092661828.1720188930.77091>
iex(43)> receive do msg -> msg after 100 -> :nothing end
:nothing
iex(44)> req = :erlang.spawn_request(:other@nowhere, Kernel, :node, [], [])
#Reference<0.3092661828.1720188930.77106>
iex(45)> receive do {:spawn_reply, ^req, status, reason} -> {status, reason} after 100 -> :none end
{:error, :noconnection}
iex(46)> req = :erlang.spawn_request(:other@nowhere, Kernel, :node, [], [{:reply, :no}])
#Reference<0.3092661828.1720188930.77121>
iex(47)> receive do msg -> msg after 100 -> :nothing end
:nothing
iex(48)> :erlang.spawn_request(node(), fn -> :ok end, [{:reply_tag, :my_tag}]) |> is_reference()
true
iex(49)> receive do {:my_tag, _, :ok, pid} -> is_pid(pid) after 100 -> :none end
true
iex(50)> req = :erlang.spawn_request(node(), fn -> exit(:done) end, [:monitor, {:reply, :no}])
#Reference<0.3092661828.1720188930.77151>
iex(51)> receive do {:DOWN, ^req, :process, _, reason} -> reason after 100 -> :none end
:done
iex(52)> send(:rex, {self(), :features_request}); receive do m -> m after 100 -> :none end
{:features_reply, :nonode@nohost, [:erpc]}
iex(53)> send(:rex, :garbage); send(:rex, {:"$gen_call", :bad}); Process.sleep(10); Process.alive?(Process.whereis(:rex))
true
iex(54)> send(:rex, {:"$gen_call", {self(), :t1}, {:call, Kernel, :node, [], self()}}); receive do {:t1, r} -> r after 100 -> :none end
:nonode@nohost
iex(55)> send(:rex, {:"$gen_call", {self(), :t2}, {:call, "bad", :f, :not_a_list, self()}}); receive do {:t2, {:badrpc, {:EXIT, {reason, _}}}} -> reason after 100 -> :none end
:badarg
iex(56)> pid = Node.spawn_link(:other@nowhere, Kernel, :node, []); Process.sleep(50)

16:34:56.814 [warning] ** Can not start Kernel::node,[] ([:link]) on :other@nowhere **

** (EXIT from #PID<0.106.0>) shell process exited with reason: no connection

Interactive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)
