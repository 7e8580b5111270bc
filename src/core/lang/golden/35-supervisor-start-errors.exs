# Supervisor.start_link when a child fails to start: iex's 'shutdown: failed to start child' words (real iex 1.14, piped input)
iex(1)> defmodule C1 do
...(1)>   use GenServer
...(1)>   def init(n), do: {:ok, n}
...(1)> end
{:module, C1,
 <<70, 79, 82, 49, 0, 0, 18, 132, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 203,
   0, 0, 0, 49, 9, 69, 108, 105, 120, 105, 114, 46, 67, 49, 8, 95, 95, 105, 110,
   102, 111, 95, 95, 10, 97, 116, 116, ...>>, {:init, 1}}
iex(2)> Supervisor.start_link([{C1, 0}], strategy: :one_for_one)
** (EXIT from #PID<0.106.0>) shell process exited with reason: shutdown: failed to start child: C1
    ** (EXIT) an exception was raised:
        ** (UndefinedFunctionError) function C1.start_link/1 is undefined or private
            C1.start_link(0)
            (stdlib 4.2) supervisor.erl:414: :supervisor.do_start_child_i/3
            (stdlib 4.2) supervisor.erl:400: :supervisor.do_start_child/2
            (stdlib 4.2) supervisor.erl:384: anonymous fn/3 in :supervisor.start_children/2
            (stdlib 4.2) supervisor.erl:1250: :supervisor.children_map/4
            (stdlib 4.2) supervisor.erl:350: :supervisor.init_children/2
            (stdlib 4.2) gen_server.erl:851: :gen_server.init_it/2
            (stdlib 4.2) gen_server.erl:814: :gen_server.init_it/6

Interactive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)
iex(1)> defmodule C2 do
...(1)>   use GenServer
...(1)>   def start_link(n), do: GenServer.start_link(__MODULE__, n)
...(1)>   def init(_), do: {:stop, :bad}
...(1)> end
{:module, C2,
 <<70, 79, 82, 49, 0, 0, 19, 68, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 220,
   0, 0, 0, 50, 9, 69, 108, 105, 120, 105, 114, 46, 67, 50, 8, 95, 95, 105, 110,
   102, 111, 95, 95, 10, 97, 116, 116, ...>>, {:init, 1}}
iex(2)> Supervisor.start_link([{C2, 0}], strategy: :one_for_one)
** (EXIT from #PID<0.118.0>) shell process exited with reason: shutdown: failed to start child: C2
    ** (EXIT) :bad

Interactive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)
iex(1)> defmodule C3 do
...(1)>   def start_link(_), do: exit(:nope)
...(1)> end
{:module, C3,
 <<70, 79, 82, 49, 0, 0, 5, 84, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 181,
   0, 0, 0, 19, 9, 69, 108, 105, 120, 105, 114, 46, 67, 51, 8, 95, 95, 105, 110,
   102, 111, 95, 95, 10, 97, 116, 116, ...>>, {:start_link, 1}}
iex(2)> Supervisor.start_link([%{id: :c3, start: {C3, :start_link, [0]}}], strategy: :one_for_one)
** (EXIT from #PID<0.132.0>) shell process exited with reason: shutdown: failed to start child: :c3
    ** (EXIT) :nope

Interactive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)
iex(1)> defmodule C4 do
...(1)>   def start_link(_), do: raise "boom"
...(1)> end
{:module, C4,
 <<70, 79, 82, 49, 0, 0, 6, 4, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 212, 0,
   0, 0, 21, 9, 69, 108, 105, 120, 105, 114, 46, 67, 52, 8, 95, 95, 105, 110,
   102, 111, 95, 95, 10, 97, 116, 116, ...>>, {:start_link, 1}}
iex(2)> Supervisor.start_link([%{id: :c4, start: {C4, :start_link, [0]}}], strategy: :one_for_one)
** (EXIT from #PID<0.143.0>) shell process exited with reason: shutdown: failed to start child: :c4
    ** (EXIT) an exception was raised:
        ** (RuntimeError) boom
            iex:2: C4.start_link/1
            (stdlib 4.2) supervisor.erl:414: :supervisor.do_start_child_i/3
            (stdlib 4.2) supervisor.erl:400: :supervisor.do_start_child/2
            (stdlib 4.2) supervisor.erl:384: anonymous fn/3 in :supervisor.start_children/2
            (stdlib 4.2) supervisor.erl:1250: :supervisor.children_map/4
            (stdlib 4.2) supervisor.erl:350: :supervisor.init_children/2
            (stdlib 4.2) gen_server.erl:851: :gen_server.init_it/2
            (stdlib 4.2) gen_server.erl:814: :gen_server.init_it/6

Interactive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)
