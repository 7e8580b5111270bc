# Elixir 1.14 iex session: :erpc.send_request/receive_response/wait_response/check_response on one unnamed node (its own node, and an unreachable one), the collection functions, multicast, and erpc's {:erpc, :badarg} for junk ids, collections, timeouts and node lists; check_response of a forged DOWN exits with {:signal, reason}, as erpc does. Captured from piped input, typed lines put back after their prompts; twice, the runs agreed after masking.
iex(1)> req = :erpc.send_request(node(), fn -> 1 + 2 end); :sent
:sent
iex(2)> :erpc.receive_response(req)
3
iex(3)> req = :erpc.send_request(:nope@nohost, Kernel, :node, []); :sent
:sent
iex(4)> :erpc.receive_response(req, 1000)
** (ErlangError) Erlang error: {:erpc, :noconnection}
    (kernel 8.5.3) erpc.erl:710: :erpc.receive_response/2
iex(4)> req = :erpc.send_request(node(), :erlang, :exit, [:bye]); :sent
:sent
iex(5)> :erpc.receive_response(req)
** (exit) {:exception, :bye}
    (kernel 8.5.3) erpc.erl:700: :erpc.receive_response/2
iex(5)> req = :erpc.send_request(node(), :erlang, :throw, [:ball]); :sent
:sent
iex(6)> :erpc.receive_response(req)
** (throw) :ball
    (kernel 8.5.3) erpc.erl:698: :erpc.receive_response/2
iex(6)> req = :erpc.send_request(node(), Nope, :f, []); :sent
:sent
iex(7)> :erpc.receive_response(req)
** (ErlangError) Erlang error: {:exception, :undef, [{Nope, :f, [], []}]}
    (kernel 8.5.3) erpc.erl:702: :erpc.receive_response/2
iex(7)> :erpc.receive_response(%{make_ref() => :junk}, 0, true)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:758: :erpc.receive_response/3
iex(7)> :erpc.reqids_to_list(%{make_ref() => :junk})
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:456: :erpc.reqids_to_list/1
iex(7)> :erpc.reqids_to_list(:junk)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:459: :erpc.reqids_to_list/1
iex(7)> :erpc.reqids_size(:junk)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:419: :erpc.reqids_size/1
iex(7)> :erpc.reqids_add(:junk, :l, %{})
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:437: :erpc.reqids_add/3
iex(7)> :erpc.receive_response(%{}, :bad, true)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:797: :erpc.receive_response/3
iex(7)> :erpc.receive_response(%{}, 10, :maybe)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:288: :erpc.receive_response/3
iex(7)> :erpc.wait_response([make_ref() | make_ref()], -1)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:797: :erpc.wait_response/2
iex(7)> :erpc.check_response(:msg, :junk)
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:374: :erpc.check_response/2
iex(7)> :erpc.multicast([:nope@nohost, 42], Kernel, :node, [])
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:548: :erpc.multicast/4
iex(7)> :erpc.multicast(:nope@nohost, Kernel, :node, [])
** (ErlangError) Erlang error: {:erpc, :badarg}
    (kernel 8.5.3) erpc.erl:548: :erpc.multicast/4
iex(7)> :erpc.multicast([], Kernel, :node, [])
:ok
iex(8)> req = :erpc.send_request(node(), :timer, :sleep, [50]); :erpc.check_response({:DOWN, make_ref(), :process, self(), :x}, req)
:no_response
iex(9)> :erpc.check_response({:DOWN, tl(req), :process, self(), :forged}, req)
** (exit) {:signal, :forged}
    (kernel 8.5.3) erpc.erl:708: :erpc.check_response/2
iex(9)> Process.sleep(100)
:ok
iex(10)> receive do {:DOWN, _, :process, _, {_, :return, r}} -> {:late, r} after 0 -> :none end
{:late, :ok}
