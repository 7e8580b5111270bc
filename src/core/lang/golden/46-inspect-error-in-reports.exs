# Elixir 1.14 iex session: a struct whose own Inspect implementation raises, in a crash report: the Agent's State prints as #Inspect.Error<...> (the exception's module and message, the struct as a plain map; its stacktrace lines are real iex's, which the runner masks). Captured from piped input, typed lines put back after their prompts; twice, the runs agreed after masking.
iex(1)> defmodule Bad do
...(1)>   defstruct [:x]
...(1)> end
{:module, Bad,
 <<70, 79, 82, 49, 0, 0, 7, 156, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 0, 246,
   0, 0, 0, 22, 10, 69, 108, 105, 120, 105, 114, 46, 66, 97, 100, 8, 95, 95,
   105, 110, 102, 111, 95, 95, 10, 97, 116, ...>>, %Bad{x: nil}}
iex(2)> defimpl Inspect, for: Bad do
...(2)>   def inspect(_b, _opts), do: raise("nope")
...(2)> end
{:module, Inspect.Bad,
 <<70, 79, 82, 49, 0, 0, 8, 92, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 38, 0,
   0, 0, 28, 18, 69, 108, 105, 120, 105, 114, 46, 73, 110, 115, 112, 101, 99,
   116, 46, 66, 97, 100, 8, 95, 95, 105, ...>>, {:inspect, 2}}
iex(3)> {:ok, agent} = Agent.start(fn -> %Bad{x: 3} end)
{:ok, #PID<0.124.0>}
iex(4)> Agent.cast(agent, fn _ -> raise "agent down" end); Process.sleep(50)

23:26:40.053 [error] GenServer #PID<0.124.0> terminating
** (RuntimeError) agent down
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
    (elixir 1.14.0) lib/agent/server.ex:27: Agent.Server.handle_cast/2
    (stdlib 4.2) gen_server.erl:1123: :gen_server.try_dispatch/4
    (stdlib 4.2) gen_server.erl:1200: :gen_server.handle_msg/6
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Last message: {:"$gen_cast", {:cast, #Function<42.3316493/1 in :erl_eval.expr/6>}}
State: #Inspect.Error<
  got RuntimeError with message:

      """
      nope
      """

  while inspecting:

      %{__struct__: Bad, x: 3}

  Stacktrace:

    iex:3: Inspect.Bad.inspect/2
    (elixir 1.14.0) lib/inspect/algebra.ex:341: Inspect.Algebra.to_doc/2
    (elixir 1.14.0) lib/kernel.ex:2254: Kernel.inspect/2
    (logger 1.14.0) lib/logger/translator.ex:201: Logger.Translator.report_gen_server_terminate/2
    (logger 1.14.0) lib/logger/handler.ex:227: Logger.Handler.do_translate/6
    (logger 1.14.0) lib/logger/handler.ex:129: Logger.Handler.do_log/4
    (logger 1.14.0) lib/logger/handler.ex:84: Logger.Handler.log/2
    (kernel 8.5.3) logger_backend.erl:51: :logger_backend.call_handlers/3

>
:ok
