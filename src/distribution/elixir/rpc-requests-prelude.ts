/**
 * `:erpc`'s asynchronous requests (OTP 25's erpc.erl, kernel 8.5.3): send_request/2,4,6,
 * receive_response/1,2,3, wait_response/1,2,3, check_response/2,3, the reqids_* collection
 * functions and multicast/2,4. A request id is `[res | req]`: `req` is the spawn_request's id
 * (the monitor of the process running `execute_call`, whose exit reason carries the result
 * tagged with `res`); a collection maps `req` to `[res | label]`. Results are read by the same
 * `result/4` that `:erpc.call` uses (Kernel.Erpc.__result__ in rpc-prelude.ts).
 */
export const RPC_REQUESTS_PRELUDE = `
defmodule Kernel.ErpcRequests do
  def send_request(n, fun) when is_atom(n) and is_function(fun, 0), do: send_request(n, :erlang, :apply, [fun, []])
  def send_request(_n, _fun), do: :erlang.error({:erpc, :badarg})

  def send_request(n, m, f, a) when is_atom(n) and is_atom(m) and is_atom(f) and is_list(a) do
    res = make_ref()
    [res | spawn_call(n, res, m, f, a)]
  end
  def send_request(n, fun, l, c) when is_atom(n) and is_function(fun, 0) and is_map(c), do: send_request(n, :erlang, :apply, [fun, []], l, c)
  def send_request(_, _, _, _), do: :erlang.error({:erpc, :badarg})

  def send_request(n, m, f, a, l, c) when is_atom(n) and is_atom(m) and is_atom(f) and is_list(a) and is_map(c) do
    res = make_ref()
    Map.put(c, spawn_call(n, res, m, f, a), [res | l])
  end
  def send_request(_n, _m, _f, _a, _l, _c), do: :erlang.error({:erpc, :badarg})

  defp spawn_call(n, res, m, f, a) do
    :erlang.spawn_request(n, :erpc, :execute_call, [res, m, f, a], [{:reply, :error_only}, :monitor])
  end

  def receive_response([res | req] = rid) when is_reference(res) and is_reference(req), do: receive_response(rid, :infinity)
  def receive_response(_), do: :erlang.error({:erpc, :badarg})

  def receive_response([res | req], tmo) when is_reference(res) and is_reference(req) do
    timeout = timeout_value(tmo)
    receive do
      {:spawn_reply, ^req, :error, reason} -> Kernel.Erpc.__result__(:spawn_reply, req, res, reason)
      {:DOWN, ^req, :process, _pid, reason} -> Kernel.Erpc.__result__(:down, req, res, reason)
    after
      timeout -> Kernel.Erpc.__result__(:timeout, req, res, nil)
    end
  end
  def receive_response(_, _), do: :erlang.error({:erpc, :badarg})

  def receive_response(col, tmo, del) when is_map(col) and is_boolean(del), do: collection_receive(col, tmo, del, false)
  def receive_response(_, _, _), do: :erlang.error({:erpc, :badarg})

  def wait_response([res | req] = rid) when is_reference(res) and is_reference(req), do: wait_response(rid, 0)
  def wait_response(_), do: :erlang.error({:erpc, :badarg})

  def wait_response([res | req], wt) when is_reference(res) and is_reference(req) do
    timeout = timeout_value(wt)
    receive do
      {:spawn_reply, ^req, :error, reason} -> Kernel.Erpc.__result__(:spawn_reply, req, res, reason)
      {:DOWN, ^req, :process, _pid, reason} -> {:response, Kernel.Erpc.__result__(:down, req, res, reason)}
    after
      timeout -> :no_response
    end
  end
  def wait_response(_, _), do: :erlang.error({:erpc, :badarg})

  def wait_response(col, wt, del) when is_map(col) and is_boolean(del), do: collection_receive(col, wt, del, true)
  def wait_response(_, _, _), do: :erlang.error({:erpc, :badarg})

  # receive_response/3 (wait: false; a timeout abandons all) and wait_response/3 (wait: true;
  # a timeout is :no_response, the answer comes {:response, result}).
  defp collection_receive(col, tmo, _del, _wait) when map_size(col) == 0 do
    _ = timeout_value(tmo)
    :no_request
  end
  defp collection_receive(col, tmo, del, wait) do
    timeout = timeout_value(tmo)
    case receive_in(col, timeout) do
      :timeout -> if wait, do: :no_response, else: abandon_all(col)
      {type, req, reason} -> collection_result(type, req, reason, col, wait, del)
    end
  end

  # The first answer to any request of the collection (a selective receive on its keys).
  defp receive_in(col, timeout) do
    receive do
      {:spawn_reply, req, :error, reason} when is_reference(req) and is_map_key(col, req) -> {:spawn_reply, req, reason}
      {:DOWN, req, :process, _pid, reason} when is_reference(req) and is_map_key(col, req) -> {:down, req, reason}
    after
      timeout -> :timeout
    end
  end

  def check_response({:spawn_reply, req, :error, reason}, [res | req]) when is_reference(res) and is_reference(req) do
    Kernel.Erpc.__result__(:spawn_reply, req, res, reason)
  end
  def check_response({:DOWN, req, :process, _pid, reason}, [res | req]) when is_reference(res) and is_reference(req) do
    {:response, Kernel.Erpc.__result__(:down, req, res, reason)}
  end
  def check_response(_msg, [res | req]) when is_reference(res) and is_reference(req), do: :no_response
  def check_response(_, _), do: :erlang.error({:erpc, :badarg})

  def check_response(_msg, col, del) when is_map(col) and map_size(col) == 0 and is_boolean(del), do: :no_request
  def check_response({:spawn_reply, req, :error, reason}, col, del) when is_reference(req) and is_map_key(col, req) and is_boolean(del) do
    collection_result(:spawn_reply, req, reason, col, true, del)
  end
  def check_response({:DOWN, req, :process, _pid, reason}, col, del) when is_reference(req) and is_map_key(col, req) and is_boolean(del) do
    collection_result(:down, req, reason, col, true, del)
  end
  def check_response(_msg, col, del) when is_map(col) and is_boolean(del), do: :no_response
  def check_response(_, _, _), do: :erlang.error({:erpc, :badarg})

  # erpc's collection_result/6: the result with its label and the collection (the request taken
  # out when del); a raise carries the label and collection too, as {reason, label, collection}.
  defp collection_result(type, req, reason, col, wrap, del) do
    {info, new_col} = if del, do: {Map.get(col, req), Map.delete(col, req)}, else: {Map.get(col, req), col}
    case info do
      [res | label] when is_reference(res) ->
        try do
          result = Kernel.Erpc.__result__(type, req, res, reason)
          {if(wrap, do: {:response, result}, else: result), label, new_col}
        catch
          :throw, r -> throw({r, label, new_col})
          :exit, r -> exit({r, label, new_col})
          :error, r -> :erlang.error({Kernel.Erpc.erlang_reason(r), label, new_col})
        end
      _ -> :erlang.error({:erpc, :badarg})
    end
  end

  # A timeout abandons every request of the collection, then raises {:erpc, :timeout}.
  defp abandon_all(col) do
    Enum.each(col, fn
      {req, [res | _]} when is_reference(req) and is_reference(res) ->
        # erpc's call_abandon: a pending spawn is abandoned, a running call demonitored
        if not (:erlang.spawn_request_abandon(req) or Process.demonitor(req, [:info])) do
          receive do
            {:spawn_reply, ^req, :error, _} -> :ok
            {:DOWN, ^req, :process, _, _} -> :ok
          after
            0 -> :ok
          end
        end
      _ -> :erlang.error({:erpc, :badarg})
    end)
    :erlang.error({:erpc, :timeout})
  end

  def reqids_new(), do: %{}

  def reqids_size(col) when is_map(col), do: map_size(col)
  def reqids_size(_), do: :erlang.error({:erpc, :badarg})

  def reqids_add([_ | req], _, col) when is_reference(req) and is_map(col) and is_map_key(col, req), do: :erlang.error({:erpc, :badarg})
  def reqids_add([res | req], label, col) when is_reference(res) and is_reference(req) and is_map(col), do: Map.put(col, req, [res | label])
  def reqids_add(_, _, _), do: :erlang.error({:erpc, :badarg})

  def reqids_to_list(col) when is_map(col) do
    Enum.reduce(col, [], fn
      {req, [res | label]}, acc when is_reference(req) and is_reference(res) -> [{[res | req], label} | acc]
      _, _ -> :erlang.error({:erpc, :badarg})
    end)
  end
  def reqids_to_list(_), do: :erlang.error({:erpc, :badarg})

  def multicast(ns, fun), do: multicast(ns, :erlang, :apply, [fun, []])

  def multicast(ns, m, f, a) do
    if not (is_atom(m) and is_atom(f) and is_list(a) and is_list(ns)), do: :erlang.error({:erpc, :badarg})
    Enum.each(ns, fn n ->
      if not is_atom(n), do: :erlang.error({:erpc, :badarg})
      _ = :erlang.spawn_request(n, :erpc, :execute_cast, [m, f, a], [{:reply, :no}])
    end)
  end

  defp timeout_value(:infinity), do: :infinity
  defp timeout_value(t) when is_integer(t) and t >= 0 and t <= 4294967295, do: t
  defp timeout_value(_), do: :erlang.error({:erpc, :badarg})
end
`;
