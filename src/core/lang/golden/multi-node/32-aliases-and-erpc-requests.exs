# Process aliases and :erpc's requests between two real named nodes on one machine: two@vm started first (`iex --sname two --cookie aliasgold`, piped) and started the Slow server; then one@vm (`iex --sname one --cookie aliasgold`, piped) typed against it. Each typed line put back after its prompt; lines typed one at a time, each after the node's output had been quiet for 0.6 s. A send from two@vm to one@vm's alias arrives until unaliased; a GenServer reply after the call's timeout is dropped (flush prints nothing); :erpc.send_request/2,4,6, receive_response/1,2,3, wait_response/1,2,3, check_response/2,3, reqids_*, multicast/2,4 and their badarg errors.
iex(two@vm)1> defmodule Slow do
...(two@vm)1>   use GenServer
...(two@vm)1>   def init(n), do: {:ok, n}
...(two@vm)1>   def handle_call({:slow, ms}, _from, n), do: (Process.sleep(ms); {:reply, :late, n})
...(two@vm)1>   def handle_call(:get, _from, n), do: {:reply, n, n}
...(two@vm)1> end
{:module, Slow,
 <<70, 79, 82, 49, 0, 0, 17, 160, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 222,
   0, 0, 0, 53, 11, 69, 108, 105, 120, 105, 114, 46, 83, 108, 111, 119, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>, {:handle_call, 3}}
iex(two@vm)2> {:ok, _} = GenServer.start(Slow, 7, name: :slow)
{:ok, #PID<0.125.0>}
iex(one@vm)1> Node.connect(:two@vm)
true
iex(one@vm)2> a = :erlang.alias()
#Reference<0.910566686.3359965186.158333>
iex(one@vm)3> :erpc.call(:two@vm, :erlang, :send, [a, :via_alias])
:via_alias
iex(one@vm)4> flush()
:via_alias
:ok
iex(one@vm)5> :erlang.unalias(a)
true
iex(one@vm)6> :erpc.call(:two@vm, :erlang, :send, [a, :dropped])
:dropped
iex(one@vm)7> Process.sleep(100)
:ok
iex(one@vm)8> flush()
:ok
iex(one@vm)9> GenServer.call({:slow, :two@vm}, {:slow, 300}, 50)
** (exit) exited in: GenServer.call({:slow, :two@vm}, {:slow, 300}, 50)
    ** (EXIT) time out
    (elixir 1.14.0) lib/gen_server.ex:1038: GenServer.call/3
iex(one@vm)9> Process.sleep(500)
:ok
iex(one@vm)10> flush()
:ok
iex(one@vm)11> GenServer.call({:slow, :two@vm}, :get)
7
iex(one@vm)12> req = :erpc.send_request(:two@vm, Kernel, :node, []); is_reference(hd(req))
true
iex(one@vm)13> :erpc.receive_response(req)
:two@vm
iex(one@vm)14> req = :erpc.send_request(:two@vm, :timer, :sleep, [300]); :erpc.wait_response(req)
:no_response
iex(one@vm)15> :erpc.wait_response(req, 1000)
{:response, :ok}
iex(one@vm)16> req = :erpc.send_request(:two@vm, :erlang, :error, [:boom]); :sent
:sent
iex(one@vm)17> :erpc.receive_response(req, 1000)
** (ErlangError) Erlang error: {:exception, :boom, [{:erlang, :error, [:boom], []}]}
    (kernel 8.5.3) erpc.erl:702: :erpc.receive_response/2
iex(one@vm)17> req = :erpc.send_request(:two@vm, :timer, :sleep, [300]); :erpc.receive_response(req, 10)
** (ErlangError) Erlang error: {:erpc, :timeout}
    (kernel 8.5.3) erpc.erl:714: :erpc.receive_response/2
    (stdlib 4.2) erl_eval.erl:744: :erl_eval.do_apply/7
    (elixir 1.14.0) lib/enum.ex:2468: Enum."-reduce/3-lists^foldl/2-0-"/3
iex(one@vm)17> Process.sleep(400)
:ok
iex(one@vm)18> flush()
:ok
iex(one@vm)19> req = :erpc.send_request(:two@vm, fn -> {node(), 6 * 7} end); :sent
:sent
iex(one@vm)20> msg = receive do m -> m end; elem(msg, 0)
:DOWN
iex(one@vm)21> :erpc.check_response(msg, req)
{:response, {:two@vm, 42}}
iex(one@vm)22> :erpc.check_response(:other, req)
:no_response
iex(one@vm)23> reqs = :erpc.send_request(:two@vm, Kernel, :node, [], :a, :erpc.reqids_new()); map_size(reqs)
1
iex(one@vm)24> reqs = :erpc.send_request(:two@vm, fn -> 1 + 1 end, :b, reqs); :erpc.reqids_size(reqs)
2
iex(one@vm)25> :erpc.reqids_size(reqs)
2
iex(one@vm)26> {r1, l1, reqs} = :erpc.receive_response(reqs, 1000, true); :erpc.reqids_size(reqs)
1
iex(one@vm)27> {r2, l2, reqs} = :erpc.receive_response(reqs, 1000, true)
{2, :b, %{}}
iex(one@vm)28> Enum.sort([{l1, r1}, {l2, r2}])
[a: :two@vm, b: 2]
iex(one@vm)29> :erpc.receive_response(reqs, 1000, true)
:no_request
iex(one@vm)30> reqs = :erpc.send_request(:two@vm, :timer, :sleep, [100], :slept, :erpc.reqids_new()); :erpc.wait_response(reqs, 0, false)
:no_response
iex(one@vm)31> {{:response, r}, label, reqs2} = :erpc.wait_response(reqs, 1000, false); {r, label, :erpc.reqids_size(reqs2)}
{:ok, :slept, 1}
iex(one@vm)32> {{:response, r}, label, reqs2} = :erpc.check_response(:other, reqs, true)
** (MatchError) no match of right hand side value: :no_response
iex(one@vm)32> reqs = :erpc.send_request(:two@vm, :erlang, :error, [:bad], :err, reqs); :erpc.reqids_to_list(reqs) |> length()
2
iex(one@vm)33> :erpc.receive_response(reqs, 1000, true)
** (ErlangError) Erlang error: {{:exception, :bad, [{:erlang, :error, [:bad], []}]}, :err, %{#Reference<0.910566686.3359899650.158606> => [#Reference<0.910566686.3359899650.158605> | :slept]}}
    (kernel 8.5.3) erpc.erl:776: :erpc.receive_response/3
iex(one@vm)33> :erpc.wait_response(%{}, 0, true)
:no_request
iex(one@vm)34> Process.register(self(), :shell)
true
iex(one@vm)35> :erpc.multicast([:two@vm, node()], :erlang, :send, [{:shell, :one@vm}, :cast])
:ok
iex(one@vm)36> Process.sleep(200)
:ok
iex(one@vm)37> flush()
:cast
:cast
:ok
iex(one@vm)38> :erpc.multicast([:two@vm], fn -> send({:shell, :one@vm}, {:from, node()}) end)
:ok
iex(one@vm)39> Process.sleep(200)
:ok
iex(one@vm)40> flush()
{:from, :two@vm}
:ok
iex(one@vm)41> :erpc.send_request(:two@vm, 1, 2, 3)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:201: :erpc.send_request/4
iex(one@vm)41> :erpc.receive_response(:bad)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:236: :erpc.receive_response/1
iex(one@vm)41> :erpc.wait_response(:bad, 10)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:321: :erpc.wait_response/2
iex(one@vm)41> :erpc.multicast(:two@vm, 1, 2, [])
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:548: :erpc.multicast/4
