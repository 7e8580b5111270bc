# :rpc, :erpc, spawn_request and rex between two real named nodes on one machine: two@vm started first (`iex --sname two --cookie rpcgold`, piped) and loaded Remote; then one@vm (`iex --sname one --cookie rpcgold`, piped) typed against it. Each typed line put back after its prompt.
iex(two@vm)1> defmodule Remote do
...(two@vm)1>   def hello(name), do: "hello #{name} from #{node()}"
...(two@vm)1> end
{:module, Remote,
 <<70, 79, 82, 49, 0, 0, 6, 88, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 223,
   0, 0, 0, 23, 13, 69, 108, 105, 120, 105, 114, 46, 82, 101, 109, 111, 116,
   101, 8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, {:hello, 1}}
iex(one@vm)1> Node.connect(:two@vm)
true
iex(one@vm)2> :rpc.call(:two@vm, Kernel, :node, [])
:two@vm
iex(one@vm)3> :rpc.call(:two@vm, Remote, :hello, ["ana"])
"hello ana from two@vm"
iex(one@vm)4> :erpc.call(:two@vm, Remote, :hello, ["bo"])
"hello bo from two@vm"
iex(one@vm)5> :erpc.call(:two@vm, fn -> {node(), 1 + 1} end)
{:two@vm, 2}
iex(one@vm)6> :rpc.call(:two@vm, :erlang, :throw, [:thrown])
:thrown
iex(one@vm)7> :rpc.call(:two@vm, Kernel, :exit, [:bye])
{:badrpc, {:EXIT, :bye}}
iex(one@vm)8> :rpc.call(:two@vm, :erlang, :error, [:boom])
{:badrpc, {:EXIT, {:boom, [{:erlang, :error, [:boom], []}]}}}
iex(one@vm)9> :rpc.call(:two@vm, Nope, :f, [])
{:badrpc, {:EXIT, {:undef, [{Nope, :f, [], []}]}}}
iex(one@vm)10> :rpc.call(:two@vm, Remote, :nope, [])
{:badrpc, {:EXIT, {:undef, [{Remote, :nope, [], []}]}}}
iex(one@vm)11> :erpc.call(:two@vm, :erlang, :error, [:boom])
** (ErlangError) Erlang error: {:exception, :boom, [{:erlang, :error, [:boom], []}]}
    (kernel 8.5.3) erpc.erl:702: :erpc.call/5
iex(one@vm)11> :erpc.call(:two@vm, :erlang, :throw, [:t])
** (throw) :t
    (kernel 8.5.3) erpc.erl:698: :erpc.call/5
iex(one@vm)11> :erpc.call(:two@vm, Kernel, :exit, [:bye])
** (exit) {:exception, :bye}
    (kernel 8.5.3) erpc.erl:700: :erpc.call/5
iex(one@vm)11> try do :erpc.call(:two@vm, Kernel, :exit, [:bye]) catch :exit, r -> r end
{:exception, :bye}
iex(one@vm)12> try do :erpc.call(:two@vm, Nope, :f, []) catch :error, {:exception, reason, _} -> reason end
:undef
iex(one@vm)13> :erpc.call(:two@vm, Process, :sleep, [1000], 100)
** (ErlangError) Erlang error: {:erpc, :timeout}
    (kernel 8.5.3) erpc.erl:714: :erpc.call/5
iex(one@vm)13> :rpc.call(:two@vm, Process, :sleep, [1000], 100)
{:badrpc, :timeout}
iex(one@vm)14> :rpc.multicall([node(), :two@vm], Kernel, :node, [])
{[:one@vm, :two@vm], []}
iex(one@vm)15> :rpc.multicall([node(), :two@vm, :nobody@vm], Kernel, :node, [])
{[:one@vm, :two@vm], [:nobody@vm]}
iex(one@vm)16> :rpc.multicall(Kernel, :node, [])
{[:one@vm, :two@vm], []}
iex(one@vm)17> :rpc.multicall([:two@vm], Process, :sleep, [1000], 100)
{[], [:two@vm]}
iex(one@vm)18> :erpc.multicall([node(), :two@vm], Kernel, :node, [])
[ok: :one@vm, ok: :two@vm]
iex(one@vm)19> :erpc.multicall([:two@vm, :nobody@vm], fn -> node() end)
[ok: :two@vm, error: {:erpc, :noconnection}]
iex(one@vm)20> :erpc.multicall([:two@vm], :erlang, :throw, [:t])
[throw: :t]
iex(one@vm)21> :rpc.cast(:two@vm, IO, :puts, ["cast from one"]); Process.sleep(200)
cast from one
:ok
iex(one@vm)22> :erpc.cast(:two@vm, fn -> IO.puts("erpc cast ran on #{node()}") end); Process.sleep(200)
erpc cast ran on two@vm
:ok
iex(one@vm)23> :rpc.call(:nobody@vm, Kernel, :node, [])
{:badrpc, :nodedown}
iex(one@vm)24> :erpc.call(:nobody@vm, Kernel, :node, [])
** (ErlangError) Erlang error: {:erpc, :noconnection}
    (kernel 8.5.3) erpc.erl:710: :erpc.call/5
iex(one@vm)24> :erpc.call(:nobody@vm, fn -> :x end)
** (ErlangError) Erlang error: {:erpc, :noconnection}
    (kernel 8.5.3) erpc.erl:710: :erpc.call/5
iex(one@vm)24> :net_adm.ping(:two@vm)
:pong
iex(one@vm)25> :net_adm.ping(:nobody@vm)
:pang
iex(one@vm)26> pid = Node.spawn_link(:two@vm, Kernel, :node, []); Process.sleep(100); node(pid)
:two@vm
iex(one@vm)27> req = :erlang.spawn_request(:two@vm, Kernel, :node, [], [:monitor])
#Reference<0.492189974.646971394.173493>
iex(one@vm)28> receive do {:spawn_reply, ^req, :ok, pid} -> node(pid) after 1000 -> :none end
:two@vm
iex(one@vm)29> receive do {:DOWN, ^req, :process, _, reason} -> reason after 1000 -> :none end
:normal
iex(one@vm)30> req = :erlang.spawn_request(:two@vm, fn -> exit(:done) end, [:monitor, {:reply, :error_only}])
#Reference<0.492189974.646971394.173517>
iex(one@vm)31> receive do {:DOWN, ^req, :process, _, reason} -> reason after 1000 -> :none end
:done
iex(one@vm)32> req = :erlang.spawn_request(:nobody@vm, Kernel, :node, [], [])
#Reference<0.492189974.646971394.173532>
iex(one@vm)33> receive do {:spawn_reply, ^req, status, reason} -> {status, reason} after 1000 -> :none end
{:error, :noconnection}
iex(one@vm)34> :rpc.call(:two@vm, :rpc, :call, [:one@vm, Kernel, :node, []])
:one@vm
iex(one@vm)35> :erpc.call(:two@vm, :erpc, :call, [node(), fn -> node() end])
:one@vm
iex(one@vm)36> :rpc.call(:two@vm, :persistent_term, :put, [:k, 1])
:ok
iex(one@vm)37> :rpc.call(:two@vm, :persistent_term, :get, [:k])
1
iex(one@vm)38> :persistent_term.get(:k, :not_here)
:not_here
iex(one@vm)39> :rpc.call(:two@vm, :ets, :new, [:short_lived, [:named_table]])
:short_lived
iex(one@vm)40> :rpc.call(:two@vm, :ets, :info, [:short_lived])
:undefined
iex(one@vm)41> ref = make_ref(); send({:rex, :two@vm}, {:"$gen_call", {self(), ref}, {:call, Kernel, :node, [], self()}}); receive do {^ref, r} -> r after 1000 -> :none end
:two@vm
iex(one@vm)42> send({:rex, :two@vm}, {self(), :features_request}); receive do {:features_reply, n, f} -> {n, f} after 1000 -> :none end
{:two@vm, [:erpc]}
iex(one@vm)43> send({:rex, :two@vm}, {:"$gen_call", :malformed}); :rpc.call(:two@vm, Kernel, :node, [])
:two@vm
iex(one@vm)44> Node.list()
[:two@vm]
