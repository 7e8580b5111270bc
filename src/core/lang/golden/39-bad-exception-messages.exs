# Elixir 1.14 iex session: an exception whose message/1 raises, or returns nil, in a spawned process's crash report and a GenServer's (Exception.message/1's own words; its Stacktrace: lines are BEAM's and masked). Captured from piped input, typed lines put back after their prompts; twice, the runs agreed after masking.
iex(1)> defmodule BadMsg do
...(1)>   defexception [:code]
...(1)>   def message(_e), do: raise("oops")
...(1)> end
{:module, BadMsg,
 <<70, 79, 82, 49, 0, 0, 14, 152, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 165,
   0, 0, 0, 38, 13, 69, 108, 105, 120, 105, 114, 46, 66, 97, 100, 77, 115, 103,
   8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, {:message, 1}}
iex(2)> defmodule NilMsg do
...(2)>   defexception [:code]
...(2)>   def message(_e), do: nil
...(2)> end
{:module, NilMsg,
 <<70, 79, 82, 49, 0, 0, 13, 240, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 144,
   0, 0, 0, 37, 13, 69, 108, 105, 120, 105, 114, 46, 78, 105, 108, 77, 115, 103,
   8, 95, 95, 105, 110, 102, 111, 95, 95, ...>>, {:message, 1}}
iex(3)> spawn(fn -> raise BadMsg, code: 1 end); Process.sleep(500)

20:00:34.040 [error] Process #PID<0.126.0> raised an exception
** (BadMsg) got RuntimeError with message "oops" while retrieving Exception.message/1 for %BadMsg{code: 1}. Stacktrace:
    iex:3: BadMsg.message/1
    (elixir 1.14.0) lib/exception.ex:66: Exception.message/1
    (elixir 1.14.0) lib/exception.ex:117: Exception.format_banner/3
    (logger 1.14.0) lib/logger/translator.ex:571: Logger.Translator.format/3
    (logger 1.14.0) lib/logger/translator.ex:141: Logger.Translator.translate/4
    (logger 1.14.0) lib/logger/handler.ex:227: Logger.Handler.do_translate/6
    (logger 1.14.0) lib/logger/handler.ex:132: Logger.Handler.do_log/4
    (logger 1.14.0) lib/logger/handler.ex:84: Logger.Handler.log/2

    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
:ok
iex(4)> spawn(fn -> raise NilMsg, code: 2 end); Process.sleep(500)

20:00:34.540 [error] Process #PID<0.128.0> raised an exception
** (NilMsg) got nil while retrieving Exception.message/1 for %NilMsg{code: 2} (expected a string)
    (stdlib 4.2) erl_eval.erl:742: :erl_eval.do_apply/7
:ok
iex(5)> defmodule Srv2 do
...(5)>   use GenServer
...(5)>   def init(s), do: {:ok, s}
...(5)>   def handle_cast(:bad, _s), do: raise(BadMsg, code: 3)
...(5)> end
{:module, Srv2,
 <<70, 79, 82, 49, 0, 0, 17, 48, 66, 69, 65, 77, 65, 116, 85, 56, 0, 0, 1, 214,
   0, 0, 0, 50, 11, 69, 108, 105, 120, 105, 114, 46, 83, 114, 118, 50, 8, 95,
   95, 105, 110, 102, 111, 95, 95, 10, 97, ...>>, {:handle_cast, 2}}
iex(6)> {:ok, pid} = GenServer.start(Srv2, :st)
{:ok, #PID<0.140.0>}
iex(7)> GenServer.cast(pid, :bad); Process.sleep(500)

20:00:35.218 [error] GenServer #PID<0.140.0> terminating
** (BadMsg) got RuntimeError with message "oops" while retrieving Exception.message/1 for %BadMsg{code: 3}. Stacktrace:
    iex:3: BadMsg.message/1
    (elixir 1.14.0) lib/exception.ex:66: Exception.message/1
    (elixir 1.14.0) lib/exception.ex:117: Exception.format_banner/3
    (logger 1.14.0) lib/logger/translator.ex:558: Logger.Translator.maybe_normalize/2
    (logger 1.14.0) lib/logger/translator.ex:523: Logger.Translator.format_reason/1
    (logger 1.14.0) lib/logger/translator.ex:193: Logger.Translator.report_gen_server_terminate/2
    (logger 1.14.0) lib/logger/handler.ex:227: Logger.Handler.do_translate/6
    (logger 1.14.0) lib/logger/handler.ex:129: Logger.Handler.do_log/4

    iex:8: Srv2.handle_cast/2
    (stdlib 4.2) gen_server.erl:1123: :gen_server.try_dispatch/4
    (stdlib 4.2) gen_server.erl:1200: :gen_server.handle_msg/6
    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
Last message: {:"$gen_cast", :bad}
State: :st
:ok
