# Term order of pids across two real named nodes: pid(0, N, S) on each node, sent to the other; pids sort by serial, then number, and only then by node (a remote pid is no bigger than a local one), in <, Enum.sort, :lists.sort, max/min and map key order. pidord_a@vm and pidord_b@vm started as `iex --sname NODE --cookie pidorder` with piped input, fed one line at a time in this order by a throwaway script (each next line sent once the node printed its prompt), each typed line put back after its prompt. Captured twice; the runs agreed after masking.
iex(pidord_a@vm)1> Node.connect(:pidord_b@vm)
true
iex(pidord_a@vm)2> Process.register(self(), :shell_a)
true
iex(pidord_b@vm)1> Process.register(self(), :shell_b)
true
iex(pidord_b@vm)2> send({:shell_a, :pidord_a@vm}, {pid(0, 5, 0), pid(0, 500, 0)})
{#PID<0.5.0>, #PID<0.500.0>}
iex(pidord_a@vm)3> {lo_b, hi_b} = receive do m -> m end
{#PID<11778.5.0>, #PID<11778.500.0>}
iex(pidord_a@vm)4> [node(lo_b), node(hi_b)]
[:pidord_b@vm, :pidord_b@vm]
iex(pidord_a@vm)5> mine = pid(0, 50, 0)
#PID<0.50.0>
iex(pidord_a@vm)6> lo_b < mine
true
iex(pidord_a@vm)7> mine < hi_b
true
iex(pidord_a@vm)8> Enum.sort([pid(0, 50, 1), hi_b, mine, lo_b]) == [lo_b, mine, hi_b, pid(0, 50, 1)]
true
iex(pidord_a@vm)9> :lists.sort([hi_b, mine, lo_b]) == [lo_b, mine, hi_b]
true
iex(pidord_a@vm)10> %{hi_b => :b500, mine => :a50, lo_b => :b5}
%{#PID<11778.5.0> => :b5, #PID<0.50.0> => :a50, #PID<11778.500.0> => :b500}
iex(pidord_a@vm)11> Map.values(%{hi_b => :b500, mine => :a50, lo_b => :b5, pid(0, 50, 1) => :a50s1})
[:b5, :a50, :b500, :a50s1]
iex(pidord_a@vm)12> Enum.max([lo_b, mine]) == mine and Enum.min([hi_b, mine]) == mine
true
iex(pidord_a@vm)13> send({:shell_b, :pidord_b@vm}, pid(0, 500, 0))
#PID<0.500.0>
iex(pidord_b@vm)3> a500 = receive do m -> m end
#PID<11709.500.0>
iex(pidord_b@vm)4> node(a500)
:pidord_a@vm
iex(pidord_b@vm)5> a500 > pid(0, 50, 0)
true
iex(pidord_b@vm)6> Enum.sort([a500, pid(0, 50, 0), pid(0, 5, 1)]) == [pid(0, 50, 0), a500, pid(0, 5, 1)]
true
iex(pidord_b@vm)7> %{pid(0, 5, 1) => :b5s1, a500 => :a500, pid(0, 50, 0) => :b50}
%{#PID<0.50.0> => :b50, #PID<11709.500.0> => :a500, #PID<0.5.1> => :b5s1}
