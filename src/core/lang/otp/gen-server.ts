/**
 * GenServer, written in Elixir the way OTP writes gen_server, gen and proc_lib in Erlang
 * (stdlib 4.2: gen_server.erl, gen.erl, proc_lib.erl), with Elixir 1.14's GenServer API on top.
 *
 * Wire format, as OTP 25's gen sends it, so a real BEAM node can call a tab's server and back:
 *   call:  {:"$gen_call", {caller_pid, [:alias | monitor_ref]}, request}
 *   reply: {[:alias | monitor_ref], reply}
 *   cast:  {:"$gen_cast", request}
 *   sys:   {:system, from, :get_state | {:replace_state, fun} | {:terminate, reason}}
 * The monitor is also an alias (OTP 24's `monitor(..., [alias: :demonitor])`, runtime/aliases.ts)
 * and the reply goes to that alias: once the call timed out (demonitor) or the server went down,
 * the alias is gone and a late reply is dropped, never left in the caller's mailbox.
 *
 * Start is proc_lib's: the child registers its name, runs init/1 and acks `{:ack, pid, result}`;
 * the starter waits for the ack (or the child's death: a monitor for start/3, the link for
 * start_link/3). Crash reports are Elixir's Logger translation of gen_server's error report.
 */
export const GEN_SERVER_PRELUDE = `
defmodule GenServer do
  def start_link(module, init_arg, options \\\\ []) when is_atom(module) and is_list(options) do
    do_start(:link, module, init_arg, options)
  end

  def start(module, init_arg, options \\\\ []) when is_atom(module) and is_list(options) do
    do_start(:nolink, module, init_arg, options)
  end

  defp do_start(link, module, init_arg, opts) do
    name = Keyword.get(opts, :name)
    opts = Keyword.delete(opts, :name)
    case name do
      nil -> __start__(link, nil, module, init_arg, opts)
      atom when is_atom(atom) -> __start__(link, {:local, atom}, module, init_arg, opts)
      {:global, _} -> __start__(link, name, module, init_arg, opts)
      {:via, via, _} when is_atom(via) -> __start__(link, name, module, init_arg, opts)
      other ->
        raise ArgumentError,
              "expected :name option to be one of the following:\\n\\n  * nil\\n  * atom\\n  * {:global, term}\\n  * {:via, module, term}\\n\\nGot: " <>
                inspect(other) <> "\\n"
    end
  end

  # As gen:start, the name is taken by the new process itself (register/1 below), so a
  # :global name a dead server still held is free by the time the name server answers.
  @doc false
  def __start__(link, name, module, init_arg, opts), do: spawn_server(link, name, module, init_arg, opts)

  defp spawn_server(link, name, module, init_arg, opts) do
    starter = self()
    timeout = Keyword.get(opts, :timeout, :infinity)
    init = fn -> __init_it__(starter, link, name, module, init_arg) end
    case link do
      :link ->
        pid = spawn_link(init)
        sync_start(pid, nil, timeout)
      :nolink ->
        {pid, ref} = spawn_monitor(init)
        sync_start(pid, ref, timeout)
    end
  end

  # proc_lib:sync_start/2 and sync_start_link/2.
  defp sync_start(pid, ref, timeout) do
    receive do
      {:ack, ^pid, return} ->
        if ref != nil, do: Process.demonitor(ref, [:flush])
        return
      {:DOWN, ^ref, :process, ^pid, reason} -> {:error, reason}
      {:EXIT, ^pid, reason} -> {:error, reason}
    after
      timeout ->
        if ref != nil, do: Process.demonitor(ref, [:flush])
        Process.unlink(pid)
        Process.exit(pid, :kill)
        {:error, :timeout}
    end
  end

  defp where({:local, name}), do: Process.whereis(name)
  defp where(name), do: whereis(name)

  defp register(nil), do: true
  defp register({:local, name}) do
    try do
      Process.register(self(), name)
    rescue
      _ -> {false, Process.whereis(name)}
    end
  end
  defp register({:global, name} = n), do: registered(:global.register_name(name, self()), n)
  defp register({:via, mod, name} = n), do: registered(mod.register_name(name, self()), n)

  defp registered(:yes, _), do: true
  defp registered(:no, name), do: {false, where(name)}

  defp unregister(nil), do: :ok
  defp unregister({:local, name}), do: Process.unregister(name)
  defp unregister({:global, name}), do: :global.unregister_name(name)
  defp unregister({:via, mod, name}), do: mod.unregister_name(name)

  # gen_server:init_it/6.
  @doc false
  def __init_it__(starter, link, name, mod, arg) do
    parent = if link == :link, do: starter, else: self()
    case register(name) do
      true -> init_it(starter, parent, name, mod, arg)
      {false, pid} ->
        send(starter, {:ack, self(), {:error, {:already_started, pid}}})
        exit(:normal)
    end
  end

  defp init_it(starter, parent, name, mod, arg) do
    result =
      try do
        {:ok, mod.init(arg)}
      catch
        :throw, r -> {:ok, r}
        class, r -> {:EXIT, class, r, __STACKTRACE__}
      end
    case result do
      {:ok, {:ok, state}} ->
        send(starter, {:ack, self(), {:ok, self()}})
        loop(parent, name, state, mod, :infinity)
      {:ok, {:ok, state, t}} when is_integer(t) or t == :infinity or t == :hibernate ->
        send(starter, {:ack, self(), {:ok, self()}})
        loop(parent, name, state, mod, t)
      {:ok, {:ok, state, {:continue, _} = c}} ->
        send(starter, {:ack, self(), {:ok, self()}})
        loop(parent, name, state, mod, c)
      {:ok, {:stop, reason}} ->
        unregister(name)
        send(starter, {:ack, self(), {:error, reason}})
        exit(reason)
      {:ok, :ignore} ->
        unregister(name)
        send(starter, {:ack, self(), :ignore})
        exit(:normal)
      {:ok, other} ->
        error = {:bad_return_value, other}
        send(starter, {:ack, self(), {:error, error}})
        exit(error)
      {:EXIT, class, reason, stack} ->
        # OTP re-raises and proc_lib exits with the reason; its crash report is a SASL
        # report, which Elixir's Logger does not print: iex shows only the {:error, _} return.
        unregister(name)
        reason = terminate_reason(class, reason, stack)
        send(starter, {:ack, self(), {:error, reason}})
        exit(reason)
    end
  end

  defp terminate_reason(:error, reason, stack), do: {reason, stack}
  defp terminate_reason(:exit, reason, _stack), do: reason
  defp terminate_reason(:throw, value, stack), do: {{:nocatch, value}, stack}

  # The server loop: {:continue, c} runs handle_continue first; a timeout gives :timeout.
  defp loop(parent, name, state, mod, {:continue, c} = msg) do
    reply = try_dispatch(mod, :handle_continue, c, state)
    handle_common_reply(reply, parent, name, nil, msg, mod, state)
  end

  # gen_server's hibernate: the stack is dropped, the process waits in :erlang.hibernate/3
  # (what Process.info shows) and wakes into the loop when a message comes.
  defp loop(parent, name, state, mod, :hibernate), do: :erlang.hibernate(GenServer, :__wake_hib__, [parent, name, state, mod])

  defp loop(parent, name, state, mod, timeout) do
    receive do
      # (a call first: neither a system message nor the parent's EXIT, so this order is
      # decode_msg's, one dispatch less on the hot path)
      {:"$gen_call", from, req} -> handle_call_msg(from, req, parent, name, state, mod)
      msg -> decode_msg(msg, parent, name, state, mod)
    after
      timeout -> handle_msg(:timeout, parent, name, state, mod)
    end
  end

  @doc false
  def __wake_hib__(parent, name, state, mod), do: loop(parent, name, state, mod, :infinity)

  defp decode_msg({:system, from, req}, parent, name, state, mod), do: system_msg(req, from, parent, name, state, mod)
  defp decode_msg({:EXIT, parent, reason} = msg, parent, name, state, mod) do
    terminate(reason, name, nil, msg, mod, state)
  end
  defp decode_msg(msg, parent, name, state, mod), do: handle_msg(msg, parent, name, state, mod)

  # sys: get_state, replace_state, terminate (what :sys and GenServer.stop/3 send).
  defp system_msg(:get_state, from, parent, name, state, mod) do
    reply(from, state)
    loop(parent, name, state, mod, :infinity)
  end
  defp system_msg({:replace_state, fun}, from, parent, name, state, mod) do
    new_state =
      try do
        {:ok, fun.(state)}
      catch
        _, _ -> :error
      end
    case new_state do
      {:ok, s} ->
        reply(from, s)
        loop(parent, name, s, mod, :infinity)
      :error ->
        reply(from, {:error, {:callback_failed, {:gen_server, :system_replace_state}, :error}})
        loop(parent, name, state, mod, :infinity)
    end
  end
  defp system_msg({:terminate, reason}, from, _parent, name, state, mod) do
    try do
      terminate(reason, name, nil, {:system, from, {:terminate, reason}}, mod, state)
    after
      reply(from, :ok)
    end
  end
  defp system_msg(other, from, parent, name, state, mod) do
    reply(from, {:error, {:unknown_system_msg, other}})
    loop(parent, name, state, mod, :infinity)
  end

  defp handle_msg({:"$gen_call", from, req}, parent, name, state, mod) do
    handle_call_msg(from, req, parent, name, state, mod)
  end

  defp handle_msg({:"$gen_cast", req} = msg, parent, name, state, mod) do
    handle_common_reply(try_dispatch(mod, :handle_cast, req, state), parent, name, nil, msg, mod, state)
  end

  defp handle_msg(msg, parent, name, state, mod) do
    handle_common_reply(try_dispatch(mod, :handle_info, msg, state), parent, name, nil, msg, mod, state)
  end

  # handle_call/3 dispatched in place (try_dispatch's try, without its argument tuple and the
  # callback/4 step: the hot path of every call).
  defp handle_call_msg(from, req, parent, name, state, mod) do
    result =
      try do
        {:ok, mod.handle_call(req, from, state)}
      catch
        :throw, r -> {:ok, r}
        class, r -> {:EXIT, class, r, __STACKTRACE__}
      end
    case result do
      {:ok, {:reply, reply, new_state}} ->
        reply(from, reply)
        loop(parent, name, new_state, mod, :infinity)
      {:ok, {:reply, reply, new_state, t}} ->
        reply(from, reply)
        loop(parent, name, new_state, mod, t)
      {:ok, {:stop, reason, reply, new_state}} ->
        try do
          terminate(reason, name, from, req, mod, new_state)
        after
          reply(from, reply)
        end
      other -> handle_common_reply(other, parent, name, from, req, mod, state)
    end
  end

  defp try_dispatch(mod, callback, arg, state) do
    try do
      {:ok, callback(mod, callback, arg, state)}
    catch
      :throw, r -> {:ok, r}
      class, r -> {:EXIT, class, r, __STACKTRACE__}
    end
  end

  # Direct calls, not apply/3: the call sites cache the module's function (the hot path).
  defp callback(mod, :handle_cast, req, state), do: mod.handle_cast(req, state)
  defp callback(mod, :handle_info, msg, state), do: mod.handle_info(msg, state)
  defp callback(mod, :handle_continue, c, state), do: mod.handle_continue(c, state)

  defp handle_common_reply(reply, parent, name, from, msg, mod, state) do
    case reply do
      {:ok, {:noreply, new_state}} -> loop(parent, name, new_state, mod, :infinity)
      {:ok, {:noreply, new_state, t}} -> loop(parent, name, new_state, mod, t)
      {:ok, {:stop, reason, new_state}} -> terminate(reason, name, from, msg, mod, new_state)
      {:EXIT, class, reason, stack} -> terminate(terminate_reason(class, reason, stack), name, from, msg, mod, state)
      {:ok, bad} -> terminate({:bad_return_value, bad}, name, from, msg, mod, state)
    end
  end

  # gen_server:terminate/10: the module's terminate/2, the report, then exit.
  defp terminate(reason, name, from, msg, mod, state) do
    reason =
      if function_exported?(mod, :terminate, 2) do
        try do
          mod.terminate(reason, state)
          reason
        catch
          :throw, _ -> reason
          class, r -> terminate_reason(class, r, __STACKTRACE__)
        end
      else
        reason
      end
    case reason do
      :normal -> exit(:normal)
      :shutdown -> exit(:shutdown)
      {:shutdown, _} -> exit(reason)
      _ ->
        report(reason, name, from, msg, state)
        exit(reason)
    end
  end

  defp report(reason, name, from, msg, state) do
    shown = case name do
      nil -> self()
      {:local, n} -> n
      {:global, n} -> n
      {:via, _, n} -> n
    end
    text =
      "GenServer " <> inspect(shown) <> " terminating" <> stop_text(reason) <>
        "\\nLast message" <> from_text(from) <> ": " <> inspect(msg) <>
        "\\nState: " <> inspect(state) <> client_text(from)
    :otp_native.log(:error, text)
  end

  # Logger's format_stop, with what Elixir code decides: a user exception's message/1 and the
  # custom Inspect of structs in the reason (user-exception.ts).
  defp stop_text({e, stack} = reason) do
    if :otp_native.user_exception(e) do
      stop_text_of({Kernel.CrashText.with_message(e), stack})
    else
      stop_text_of(reason)
    end
  end
  defp stop_text(reason), do: stop_text_of(reason)

  defp stop_text_of(reason), do: :otp_native.format_stop(reason, Kernel.CrashText.docs(reason))

  defp from_text(nil), do: ""
  defp from_text({pid, _}) do
    if node(pid) == node(), do: " (from " <> inspect(pid) <> ")", else: " (from " <> inspect(pid) <> " on " <> inspect(node(pid)) <> ")"
  end

  defp client_text(nil), do: ""
  defp client_text({pid, _}) do
    cond do
      node(pid) != node() -> ""
      Process.alive?(pid) -> "\\nClient " <> inspect(pid) <> " is alive\\n"
      true -> "\\nClient " <> inspect(pid) <> " is dead"
    end
  end

  # --- the client API ---

  # A local or remote pid (the common case) goes straight to the call; names are looked up.
  def call(pid, request) when is_pid(pid) and pid != self(), do: do_call(pid, pid, request, 5000)
  def call(server, request), do: call(server, request, 5000)

  def call(pid, request, timeout) when is_pid(pid) and pid != self(), do: do_call(pid, pid, request, timeout)

  def call(server, request, timeout) do
    case whereis(server) do
      nil -> exit({:noproc, {GenServer, :call, [server, request, timeout]}})
      pid when pid == self() -> exit({:calling_self, {GenServer, :call, [server, request, timeout]}})
      pid -> do_call(server, pid, request, timeout)
    end
  end

  defp do_call(server, pid, request, timeout) do
    try do
      __gen_call__(pid, :"$gen_call", request, timeout)
    catch
      :exit, reason -> exit({reason, {GenServer, :call, [server, request, timeout]}})
    end
  end

  # gen:do_call/4: monitor (its ref an alias while the monitor lasts), send with the alias tag
  # (both in one BIF, gen-request.ts), wait for the reply or the DOWN.
  @doc false
  def __gen_call__(process, label, request, timeout) do
    mref = :otp_native.gen_request(process, label, request)
    receive do
      {[:alias | ^mref], reply} ->
        Process.demonitor(mref, [:flush])
        reply
      {:DOWN, ^mref, _, _, :noconnection} -> exit({:nodedown, node_of(process)})
      {:DOWN, ^mref, _, _, reason} -> exit(reason)
    after
      timeout ->
        Process.demonitor(mref, [:flush])
        receive do
          {[:alias | ^mref], reply} -> reply
        after
          0 -> exit(:timeout)
        end
    end
  end

  defp node_of({_name, node}), do: node
  defp node_of(pid), do: node(pid)

  def cast({:global, name}, request) do
    try do
      :global.send(name, {:"$gen_cast", request})
      :ok
    catch
      _, _ -> :ok
    end
  end

  def cast({:via, mod, name}, request) do
    try do
      mod.send(name, {:"$gen_cast", request})
      :ok
    catch
      _, _ -> :ok
    end
  end

  def cast({name, node} = dest, request) when is_atom(name) and is_atom(node) do
    send(dest, {:"$gen_cast", request})
    :ok
  end

  def cast(dest, request) when is_atom(dest) or is_pid(dest) do
    try do
      send(dest, {:"$gen_cast", request})
    rescue
      _ -> :ok
    end
    :ok
  end

  # gen:reply/2: a caller that sent an alias tag gets the reply through its alias.
  def reply({to, [:alias | alias] = tag}, reply) when is_pid(to) and is_reference(alias) do
    :otp_native.reply_alias(to, alias, {tag, reply})
    :ok
  end

  def reply({to, tag}, reply) when is_pid(to) do
    send(to, {tag, reply})
    :ok
  end

  def reply({to, tag}, reply) do
    try do
      send(to, {tag, reply})
    rescue
      _ -> :ok
    end
    :ok
  end

  # proc_lib:stop/3: monitor, ask the server to terminate, wait for its DOWN.
  def stop(server, reason \\\\ :normal, timeout \\\\ :infinity) do
    case whereis(server) do
      nil -> exit({:noproc, {GenServer, :stop, [server, reason, timeout]}})
      pid when pid == self() -> exit({:calling_self, {GenServer, :stop, [server, reason, timeout]}})
      pid ->
        mref = Process.monitor(pid)
        send(pid, {:system, {self(), [:alias | mref]}, {:terminate, reason}})
        receive do
          {:DOWN, ^mref, _, _, ^reason} -> flush_reply(mref)
          {:DOWN, ^mref, _, _, other} ->
            flush_reply(mref)
            exit({other, {GenServer, :stop, [server, reason, timeout]}})
        after
          timeout ->
            Process.demonitor(mref, [:flush])
            Process.exit(pid, :kill)
            exit({:timeout, {GenServer, :stop, [server, reason, timeout]}})
        end
    end
  end

  # The server acks the terminate request before it exits (sys's protocol); OTP gets it in a
  # helper process, here the caller drops it.
  defp flush_reply(mref) do
    receive do
      {[:alias | ^mref], _} -> :ok
    after
      0 -> :ok
    end
  end

  def whereis(server) when is_pid(server), do: server
  def whereis(server) when is_atom(server), do: Process.whereis(server)
  def whereis({:global, name}) do
    case :global.whereis_name(name) do
      pid when is_pid(pid) -> pid
      :undefined -> nil
    end
  end
  def whereis({:via, mod, name}) do
    case apply(mod, :whereis_name, [name]) do
      pid when is_pid(pid) -> pid
      :undefined -> nil
    end
  end
  def whereis({name, local}) when is_atom(name) and local == node(), do: Process.whereis(name)
  def whereis({name, node} = server) when is_atom(name) and is_atom(node), do: server

  # The callbacks \`use GenServer\` defines (compiler-use.ts), with Elixir 1.14's words (its
  # handle_info report is an Erlang format ending in ~n, hence the newline).
  @doc false
  def __default_call__(_mod, _msg, _from, _state) do
    raise "attempted to call GenServer " <> inspect(proc_name()) <> " but no handle_call/3 clause was provided"
  end

  @doc false
  def __default_cast__(_mod, _msg, _state) do
    raise "attempted to cast GenServer " <> inspect(proc_name()) <> " but no handle_cast/2 clause was provided"
  end

  @doc false
  def __default_info__(mod, msg, state) do
    :otp_native.log(:error, inspect(mod) <> " " <> inspect(proc_name()) <> " received unexpected message in handle_info/2: " <> inspect(msg) <> "\\n")
    {:noreply, state}
  end

  defp proc_name() do
    case Process.info(self(), :registered_name) do
      {_, name} -> name
      _ -> self()
    end
  end
end

# :sys's functions are BIFs (native.ts) that tail-call these: the parser has no atom module names.
defmodule GenServer.Sys do
  def get_state(server), do: system_call(server, :get_state, 5000)
  def get_state(server, timeout), do: system_call(server, :get_state, timeout)
  def replace_state(server, fun), do: system_call(server, {:replace_state, fun}, 5000)
  def replace_state(server, fun, timeout), do: system_call(server, {:replace_state, fun}, timeout)
  def terminate(server, reason), do: GenServer.stop(server, reason, :infinity)
  def terminate(server, reason, timeout), do: GenServer.stop(server, reason, timeout)

  defp system_call(server, req, timeout) do
    pid = GenServer.whereis(server)
    reply =
      try do
        if pid == nil, do: exit(:noproc)
        GenServer.__gen_call__(pid, :system, req, timeout)
      catch
        :exit, reason -> exit({reason, {:sys, sys_fun(req), sys_args(server, req, timeout)}})
      end
    case reply do
      {:error, reason} -> :erlang.error(reason)
      state -> state
    end
  end

  defp sys_fun(:get_state), do: :get_state
  defp sys_fun({:replace_state, _}), do: :replace_state
  defp sys_args(server, :get_state, 5000), do: [server]
  defp sys_args(server, :get_state, t), do: [server, t]
  defp sys_args(server, {:replace_state, f}, 5000), do: [server, f]
  defp sys_args(server, {:replace_state, f}, t), do: [server, f, t]
end
`;
