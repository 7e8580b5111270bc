%% The reference of `npm run bench:class` (class-beam.ts): the same classroom on real BEAM nodes
%% on this machine. Compiled with erlc and loaded with -pa on every node, so the figures are
%% compiled code. ctl/6 runs on a hidden controller node: it builds the mesh one node at a time
%% (each connects to the first; :global meshes the rest), then every node sends `{seq, Node, I}`
%% to `{class_rx, Peer}` for every peer at the same rate as the tabs, and the receivers check the
%% numbers per sender.
-module(class_bench).
-export([ctl/6, rx/0, start_rx/0, join/2, wait_nodes/1, start_sender/3, sender/4, report/0]).

start_rx() ->
    Pid = spawn(fun() -> register(class_rx, self()), rx(#{}) end),
    is_pid(Pid).

rx() -> rx(#{}).
rx(Seen) ->
    receive
        {seq, From, I} ->
            {Next, Got, Reord} = maps:get(From, Seen, {0, 0, 0}),
            Pair = if I >= Next -> {I + 1, Got + 1, Reord}; true -> {Next, Got + 1, Reord + 1} end,
            rx(Seen#{From => Pair});
        {report, To} -> To ! {report, Seen}, rx(Seen)
    end.

report() ->
    class_rx ! {report, self()},
    receive {report, Seen} -> Seen after 5000 -> timeout end.

%% ms until this node, after connecting to First, sees Count nodes.
join(First, Count) ->
    T0 = erlang:monotonic_time(microsecond),
    true = net_kernel:connect_node(First),
    wait_nodes(Count),
    (erlang:monotonic_time(microsecond) - T0) / 1000.

wait_nodes(Count) ->
    case length(nodes()) >= Count of
        true -> ok;
        false -> receive after 1 -> wait_nodes(Count) end
    end.

start_sender(PerTick, Every, Parent) ->
    Peers = nodes(),
    spawn(fun() -> register(class_tx, self()), erlang:send_after(Every, self(), tick), sender(Peers, PerTick, Every, #{}) end),
    Parent ! {started, node()},
    ok.

sender(Peers, PerTick, Every, Sent) ->
    receive
        tick ->
            Sent1 = lists:foldl(fun(P, Acc) -> send_n(P, PerTick, Acc) end, Sent, Peers),
            erlang:send_after(Every, self(), tick),
            sender(Peers, PerTick, Every, Sent1);
        {stop, To} -> To ! {sent, node(), Sent}
    end.

send_n(_P, 0, Acc) -> Acc;
send_n(P, K, Acc) ->
    I = maps:get(P, Acc, 0),
    {class_rx, P} ! {seq, node(), I},
    send_n(P, K - 1, Acc#{P => I + 1}).

wait_up(Node, 0) -> error({not_up, Node});
wait_up(Node, Tries) ->
    case net_adm:ping(Node) of pong -> ok; pang -> timer:sleep(100), wait_up(Node, Tries - 1) end.

now_ms() -> erlang:monotonic_time(microsecond) / 1000.

ctl(Prefix, N, Seconds, PerTick, Every, Host) ->
    Nodes = [list_to_atom(Prefix ++ integer_to_list(I) ++ "@" ++ Host) || I <- lists:seq(1, N)],
    [wait_up(Nd, 200) || Nd <- Nodes],
    [true = rpc:call(Nd, class_bench, start_rx, []) || Nd <- Nodes],
    [First | Rest] = Nodes,
    T0 = now_ms(),
    Joins = [begin
                 Ms = rpc:call(Nd, class_bench, join, [First, K]),
                 %% Every node before it sees it too before the next one comes.
                 [ok = rpc:call(Other, class_bench, wait_nodes, [K]) || Other <- lists:sublist(Nodes, K)],
                 Ms
             end || {K, Nd} <- lists:zip(lists:seq(1, N - 1), Rest)],
    Total = now_ms() - T0,
    Mem = [rpc:call(Nd, erlang, memory, [total]) || Nd <- Nodes],
    Cpu0 = [element(1, rpc:call(Nd, erlang, statistics, [runtime])) || Nd <- Nodes],
    W0 = now_ms(),
    [ok = rpc:call(Nd, class_bench, start_sender, [PerTick, Every, self()]) || Nd <- Nodes],
    timer:sleep(Seconds * 1000),
    [{class_tx, Nd} ! {stop, self()} || Nd <- Nodes],
    Sent = [receive {sent, Nd, S} -> S after 10000 -> #{} end || Nd <- Nodes],
    timer:sleep(1000),
    Cpu1 = [element(1, rpc:call(Nd, erlang, statistics, [runtime])) || Nd <- Nodes],
    Wall = now_ms() - W0,
    Reports = [rpc:call(Nd, class_bench, report, []) || Nd <- Nodes],
    SentTotal = lists:sum([lists:sum(maps:values(S)) || S <- Sent]),
    Received = lists:sum([Got || R <- Reports, {_, Got, _} <- maps:values(R)]),
    Reordered = lists:sum([Re || R <- Reports, {_, _, Re} <- maps:values(R)]),
    CpuPct = lists:sum([B - A || {A, B} <- lists:zip(Cpu0, Cpu1)]) / N / Wall * 100,
    io:format("join_last=~.2f join_total=~.2f mem_mean=~p cpu_pct_mean=~.3f sent=~p lost=~p reordered=~p~n",
              [lists:last(Joins), Total, lists:sum(Mem) div N, CpuPct, SentTotal, SentTotal - Received, Reordered]),
    [rpc:cast(Nd, init, stop, []) || Nd <- Nodes],
    ok.
