/**
 * `:erpc`, `:rpc` and the `rex` server, in Elixir, following OTP 25's erpc.erl and rpc.erl
 * (kernel 8.5.3) clause by clause, so a real BEAM node sees the same wire traffic:
 * `:erpc.call` is a `spawn_request` of `:erpc.execute_call/4` with `[{:reply, :error_only},
 * :monitor]`, whose exit reason carries the result; `:rpc.call`/`cast`/`multicall` go through
 * erpc and turn its exceptions into `{:badrpc, ...}` (rpcify_exception). Every node runs `rex`
 * (rex_loop below), which answers rpc's gen_server requests from older callers.
 *
 * The Erlang modules' functions are BIFs that continue here (rpc-bifs.ts), since a module
 * written in Elixir has an Elixir name. Departures: no stack traces (our VM has no
 * `__STACKTRACE__`), so an error's stack is `[{m, f, args, []}]`, what erpc's trim_stack gives when the called function itself raised.
 */
export const RPC_PRELUDE = `
defmodule Kernel.Erpc do
  def call(n, fun), do: call(n, fun, :infinity)

  def call(n, fun, t) when is_function(fun, 0), do: call(n, :erlang, :apply, [fun, []], t)
  def call(_n, _fun, _t), do: :erlang.error({:erpc, :badarg})

  def call(n, m, f, a), do: call(n, m, f, a, :infinity)

  def call(n, m, f, a, t) when is_atom(n) and is_atom(m) and is_atom(f) and is_list(a) do
    timeout = timeout_value(t)
    if n == node() and timeout == :infinity do
      local_call(m, f, a)
    else
      res = make_ref()
      req = :erlang.spawn_request(n, :erpc, :execute_call, [res, m, f, a], [{:reply, :error_only}, :monitor])
      receive do
        {:spawn_reply, ^req, :error, reason} -> call_result(:spawn_reply, req, res, reason)
        {:DOWN, ^req, :process, _pid, reason} -> call_result(:down, req, res, reason)
      after
        timeout -> call_result(:timeout, req, res, nil)
      end
    end
  end

  # A remote call's failure raised as erpc.erl's call/5 raises it: result/4 is inlined there,
  # so the frame is call/5 at the line of result/4's clause (what iex shows in __STACKTRACE__).
  defp call_result(type, req, res, reason) do
    try do
      result(type, req, res, reason)
    catch
      kind, error ->
        here = try do :erlang.error(:frames) catch _, _ -> __STACKTRACE__ end
        :erlang.raise(kind, error, Kernel.Erpc.frames([{:call, 5, result_line(type, res, reason)}], here))
    end
  end

  defp result_line(:spawn_reply, _res, _reason), do: 710
  defp result_line(:timeout, _res, _reason), do: 714
  defp result_line(:down, res, {res, :throw, _}), do: 698
  defp result_line(:down, res, {res, :exit, _}), do: 700
  defp result_line(:down, res, {res, :error, _, _}), do: 702
  defp result_line(:down, res, {res, :error, _}), do: 704
  defp result_line(:down, _res, :noconnection), do: 706
  defp result_line(:down, _res, _reason), do: 708

  def call(_n, _m, _f, _a, _t), do: :erlang.error({:erpc, :badarg})

  # Raised with erpc.erl's frames where ours stood (what iex prints under the error:
  # (kernel 8.5.3) erpc.erl:137: :erpc.call/5), each at its line in the erpc.erl of OTP 25.
  defp local_call(m, f, a) do
    try do
      apply(m, f, a)
    catch
      kind, reason ->
        error = if kind == :error, do: {:exception, Kernel.Erpc.erlang_reason(reason), Kernel.Erpc.trim_stack(__STACKTRACE__, m, f, a)}
        # The stack of this frame (raised here, so its callers as an exception's trace has them).
        here = try do :erlang.error(:frames) catch _, _ -> __STACKTRACE__ end
        case kind do
          :throw -> :erlang.raise(:throw, reason, Kernel.Erpc.frames([{:execute_call, 3, 607}, {:call, 5, 126}], here))
          :exit -> :erlang.raise(:exit, {:exception, reason}, Kernel.Erpc.frames([{:call, 5, 130}], here))
          :error -> :erlang.raise(:error, error, Kernel.Erpc.frames([{:call, 5, 137}], here))
        end
    end
  end

  @doc false
  def frames(own, here) do
    caller = Enum.drop_while(here, fn {mod, _, _, _} -> mod == Kernel.Erpc end)
    # At most 8 entries, erts' backtrace_depth.
    Enum.take(Enum.map(own, fn {f, a, line} -> {:erpc, f, a, [file: 'erpc.erl', line: line]} end) ++ caller, 8)
  end

  def cast(n, fun) when is_function(fun, 0), do: cast(n, :erlang, :apply, [fun, []])
  def cast(_n, _fun), do: :erlang.error({:erpc, :badarg})

  def cast(n, m, f, a) when is_atom(n) and is_atom(m) and is_atom(f) and is_list(a) do
    _ = :erlang.spawn_request(n, :erpc, :execute_cast, [m, f, a], [{:reply, :no}])
    :ok
  end

  def cast(_n, _m, _f, _a), do: :erlang.error({:erpc, :badarg})

  def execute_call(ref, m, f, a) do
    reply =
      try do
        {ref, :return, apply(m, f, a)}
      catch
        :throw, reason -> {ref, :throw, reason}
        :exit, reason -> {ref, :exit, reason}
        :error, reason -> {ref, :error, Kernel.Erpc.erlang_reason(reason), Kernel.Erpc.trim_stack(__STACKTRACE__, m, f, a)}
      end
    exit(reply)
  end

  def execute_cast(m, f, a) do
    try do
      apply(m, f, a)
    catch
      :error, reason -> :erlang.error({:exception, {Kernel.Erpc.erlang_reason(reason), Kernel.Erpc.trim_stack(__STACKTRACE__, m, f, a)}})
    end
  end

  defp result(:down, _req, res, reason) do
    case reason do
      {^res, :return, value} -> value
      {^res, :throw, value} -> throw(value)
      {^res, :exit, value} -> exit({:exception, value})
      {^res, :error, error, stack} -> :erlang.error({:exception, error, stack})
      {^res, :error, {:erpc, _} = error} -> :erlang.error(error)
      :noconnection -> :erlang.error({:erpc, :noconnection})
      other -> exit({:signal, other})
    end
  end

  defp result(:spawn_reply, _req, _res, reason), do: :erlang.error({:erpc, reason})

  # For send_request's receive_response/wait_response/check_response (rpc-requests-prelude.ts).
  @doc false
  def __result__(type, req, res, reason), do: result(type, req, res, reason)

  defp result(:timeout, req, res, _) do
    abandon(req)
    receive do
      {:spawn_reply, ^req, :error, reason} -> result(:spawn_reply, req, res, reason)
      {:DOWN, ^req, :process, _pid, reason} -> result(:down, req, res, reason)
    after
      0 -> :erlang.error({:erpc, :timeout})
    end
  end

  # call_abandon: a pending request is dropped, a running one demonitored.
  defp abandon(req) do
    if not :erlang.spawn_request_abandon(req), do: Process.demonitor(req, [:flush])
  end

  defp timeout_value(:infinity), do: :infinity
  defp timeout_value(t) when is_integer(t) and t >= 0 and t <= 4294967295, do: t
  defp timeout_value(_), do: :erlang.error({:erpc, :badarg})

  def multicall(ns, fun), do: multicall(ns, fun, :infinity)
  def multicall(ns, fun, t) when is_function(fun, 0), do: multicall(ns, :erlang, :apply, [fun, []], t)
  def multicall(_ns, _fun, _t), do: :erlang.error({:erpc, :badarg})
  def multicall(ns, m, f, a), do: multicall(ns, m, f, a, :infinity)

  def multicall(ns, m, f, a, t) do
    if not (is_atom(m) and is_atom(f) and is_list(a) and is_list(ns) and Enum.all?(ns, &is_atom/1)) do
      :erlang.error({:erpc, :badarg})
    end
    timeout = timeout_value(t)
    deadline = if timeout == :infinity, do: :infinity, else: :erlang.monotonic_time(:millisecond) + timeout
    local = timeout == :infinity and Enum.member?(ns, node())
    reqs =
      Enum.map(ns, fn n ->
        if local and n == node() do
          :local_call
        else
          res = make_ref()
          {res, :erlang.spawn_request(n, :erpc, :execute_call, [res, m, f, a], [{:reply, :error_only}, :monitor])}
        end
      end)
    local_result = if local, do: mcall_local(m, f, a), else: nil
    Enum.map(reqs, fn
      :local_call -> local_result
      {res, req} -> mcall_receive(res, req, deadline)
    end)
  end

  defp mcall_local(m, f, a) do
    try do
      {:ok, apply(m, f, a)}
    catch
      :throw, thrown -> {:throw, thrown}
      :exit, reason -> {:exit, {:exception, reason}}
      :error, reason -> {:error, {:exception, Kernel.Erpc.erlang_reason(reason), Kernel.Erpc.trim_stack(__STACKTRACE__, m, f, a)}}
    end
  end

  defp mcall_receive(res, req, deadline) do
    receive do
      {:spawn_reply, ^req, :error, reason} -> mcall_result(:spawn_reply, req, res, reason)
      {:DOWN, ^req, :process, _pid, reason} -> mcall_result(:down, req, res, reason)
    after
      time_left(deadline) ->
        abandon(req)
        {:error, {:erpc, :timeout}}
    end
  end

  defp mcall_result(type, req, res, reason) do
    try do
      {:ok, result(type, req, res, reason)}
    catch
      :error, r -> {:error, Kernel.Erpc.erlang_reason(r)}
      class, r -> {class, r}
    end
  end

  defp time_left(:infinity), do: :infinity
  defp time_left(deadline), do: max(deadline - :erlang.monotonic_time(:millisecond), 0)
end

defmodule Kernel.Rpc do
  def call(n, m, f, a), do: call(n, m, f, a, :infinity)

  def call(n, m, f, a, t) do
    try do
      case :erpc.call(n, m, f, a, t) do
        {:EXIT, _} = bad -> {:badrpc, bad}
        result -> result
      end
    catch
      :error, reason -> rpcify(:error, Kernel.Erpc.erlang_reason(reason))
      class, reason -> rpcify(class, reason)
    end
  end

  defp rpcify(:throw, {:EXIT, _} = bad), do: {:badrpc, bad}
  defp rpcify(:throw, value), do: value
  defp rpcify(:exit, {:exception, reason}), do: {:badrpc, {:EXIT, reason}}
  defp rpcify(:exit, {:signal, reason}), do: {:badrpc, {:EXIT, reason}}
  defp rpcify(:exit, reason), do: exit(reason)
  defp rpcify(:error, {:exception, error, stack}), do: {:badrpc, {:EXIT, {error, stack}}}
  defp rpcify(:error, {:erpc, :badarg}), do: :erlang.error(:badarg)
  defp rpcify(:error, {:erpc, :noconnection}), do: {:badrpc, :nodedown}
  defp rpcify(:error, {:erpc, :timeout}), do: {:badrpc, :timeout}
  defp rpcify(:error, {:erpc, :notsup}), do: {:badrpc, :notsup}
  defp rpcify(:error, {:erpc, error}), do: {:badrpc, {:EXIT, error}}
  defp rpcify(:error, reason), do: :erlang.error(reason)

  def cast(n, m, f, a) do
    try do
      :ok = :erpc.cast(n, m, f, a)
    catch
      :error, {:erpc, :badarg} -> :erlang.error(:badarg)
    end
    true
  end

  def multicall(m, f, a), do: multicall([node() | Node.list()], m, f, a, :infinity)
  def multicall(ns, m, f, a) when is_list(ns), do: multicall(ns, m, f, a, :infinity)
  def multicall(m, f, a, t), do: multicall([node() | Node.list()], m, f, a, t)

  def multicall(ns, m, f, a, t) do
    results =
      try do
        :erpc.multicall(ns, m, f, a, t)
      catch
        :error, {:erpc, :badarg} -> :erlang.error(:badarg)
      end
    multicallify(ns, results, [], [])
  end

  defp multicallify([], [], ok, bad), do: {Enum.reverse(ok), Enum.reverse(bad)}
  defp multicallify([_ | ns], [{:ok, {:EXIT, _} = e} | rs], ok, bad), do: multicallify(ns, rs, [{:badrpc, e} | ok], bad)
  defp multicallify([_ | ns], [{:ok, value} | rs], ok, bad), do: multicallify(ns, rs, [value | ok], bad)
  defp multicallify([n | ns], [{:error, {:erpc, reason}} | rs], ok, bad) when reason == :timeout or reason == :noconnection,
    do: multicallify(ns, rs, ok, [n | bad])
  defp multicallify([_ | ns], [{class, reason} | rs], ok, bad), do: multicallify(ns, rs, [rpcify(class, reason) | ok], bad)

  # :net_adm.names/0,1 and localhost/0: the name server (the signalling server) is our EPMD.
  def names(), do: names(localhost())

  def names(host) do
    case Kernel.Rpc.names_request(host) do
      {:"$pending", ref} -> receive do {:"$dist_reply", ^ref, result} -> result end
      result -> result
    end
  end

  def localhost(), do: node() |> Atom.to_string() |> String.split("@") |> List.last() |> String.to_charlist()

  # rpc's execute_call/3, as rex runs it for gen_server callers.
  defp execute_call(m, f, a) do
    try do
      apply(m, f, a)
    catch
      :throw, result -> result
      :exit, reason -> {:badrpc, {:EXIT, reason}}
      :error, reason -> {:badrpc, {:EXIT, {Kernel.Erpc.erlang_reason(reason), Kernel.Erpc.trim_stack(__STACKTRACE__, m, f, a)}}}
    end
  end

  defp set_group_leader(gl) when is_pid(gl), do: Process.group_leader(self(), gl)
  defp set_group_leader(_), do: :ok

  # The rex server: rpc's gen_server requests (a call spawns a process so rex never blocks),
  # the old {From, Request} forms, features_request. Anything else is ignored, as OTP's
  # handle_call/handle_info clauses for unknown requests do.
  def rex_loop do
    receive do
      {:"$gen_call", {from, tag}, {call, m, f, a, gl}} when is_pid(from) and (call == :call or call == :block_call) ->
        spawn(fn ->
          set_group_leader(gl)
          send(from, {tag, execute_call(m, f, a)})
        end)
      {:"$gen_cast", {:cast, m, f, a, gl}} ->
        spawn(fn ->
          set_group_leader(gl)
          :erpc.execute_cast(m, f, a)
        end)
      {from, {:call, m, f, a, gl}} when is_pid(from) ->
        spawn(fn ->
          set_group_leader(gl)
          send(from, {:rex, execute_call(m, f, a)})
        end)
      {from, :features_request} when is_pid(from) ->
        send(from, {:features_reply, node(), [:erpc]})
      {from, {:send, name, msg}} when is_pid(from) and is_atom(name) ->
        if Process.whereis(name), do: send(name, {from, msg}), else: send(from, {:rex, node(), {:nonexisting_name, name}})
      _ ->
        :ok
    end
    rex_loop()
  end
end
`;
