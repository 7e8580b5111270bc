/**
 * Supervisor, DynamicSupervisor and Task.Supervisor, in Elixir. As OTP's supervisor.erl, the
 * supervisor is a GenServer (Supervisor.Server) that traps exits, starts its children in order,
 * and on a child's `{:EXIT, pid, reason}` restarts by strategy (one_for_one, one_for_all,
 * rest_for_one) and restart type (permanent, transient, temporary), giving up with `:shutdown`
 * when more than max_restarts happen within max_seconds. Children stop as OTP stops them:
 * monitor, unlink, `exit(pid, :shutdown)`, then `:kill` after the shutdown time.
 *
 * A dynamic supervisor is the same server with `dynamic: true`: children have no ids (their
 * pid is the key) and are only added by start_child. Task.Supervisor is a dynamic supervisor of
 * temporary tasks; its `async` reaches another node's supervisor with `{name, node}`.
 */
export const SUPERVISOR_PRELUDE = `
defmodule Supervisor do
  # The id a child spec of a supervisor started with name: gets (DynamicSupervisor.child_spec/1).
  @doc false
  def __name_id__(options, default) do
    case Keyword.get(options, :name, default) do
      {:global, name} -> name
      {:via, _, name} -> name
      name -> name
    end
  end

  @spec_keys [:id, :start, :restart, :shutdown, :type, :modules, :significant]

  def child_spec(module_or_map, overrides) do
    Enum.reduce(overrides, to_spec(module_or_map), fn {key, value}, acc ->
      if key in @spec_keys do
        Map.put(acc, key, value)
      else
        raise ArgumentError, "unknown key " <> inspect(key) <> " in child specification override"
      end
    end)
  end

  @doc false
  def to_spec(%{} = map), do: map
  def to_spec({module, arg}) when is_atom(module), do: module.child_spec(arg)
  def to_spec(module) when is_atom(module), do: module.child_spec([])

  def init(children, options) when is_list(children) and is_list(options) do
    strategy =
      case Keyword.fetch(options, :strategy) do
        {:ok, s} -> s
        :error -> raise ArgumentError, "expected :strategy option to be given"
      end
    flags = %{
      strategy: strategy,
      intensity: Keyword.get(options, :max_restarts, 3),
      period: Keyword.get(options, :max_seconds, 5)
    }
    {:ok, {flags, Enum.map(children, &to_spec/1)}}
  end

  def start_link(children, options) when is_list(children) do
    keys = [:strategy, :max_seconds, :max_restarts, :max_children]
    start_link(Supervisor.Default, init(children, Keyword.take(options, keys)), Keyword.drop(options, keys))
  end

  def start_link(module, init_arg, options \\\\ []) when is_atom(module) and is_list(options) do
    GenServer.start_link(Supervisor.Server, {:static, module, init_arg, Keyword.get(options, :name)}, options)
  end

  def which_children(sup), do: GenServer.call(sup, :which_children, :infinity)
  def count_children(sup), do: GenServer.call(sup, :count_children, :infinity)
  def start_child(sup, spec), do: GenServer.call(sup, {:start_child, spec}, :infinity)
  def terminate_child(sup, id), do: GenServer.call(sup, {:terminate_child, id}, :infinity)
  def restart_child(sup, id), do: GenServer.call(sup, {:restart_child, id}, :infinity)
  def delete_child(sup, id), do: GenServer.call(sup, {:delete_child, id}, :infinity)
  def stop(sup, reason \\\\ :normal, timeout \\\\ :infinity), do: GenServer.stop(sup, reason, timeout)
end

defmodule Supervisor.Default do
  def init(spec), do: spec
end

defmodule DynamicSupervisor do
  def child_spec(options) when is_list(options) do
    %{id: Supervisor.__name_id__(options, DynamicSupervisor), start: {DynamicSupervisor, :start_link, [options]}, type: :supervisor}
  end

  def start_link(options) when is_list(options) do
    keys = [:strategy, :max_seconds, :max_restarts, :max_children, :extra_arguments]
    init = {:dynamic, DynamicSupervisor.Default, Keyword.take(options, keys), Keyword.get(options, :name)}
    GenServer.start_link(Supervisor.Server, init, Keyword.drop(options, keys))
  end

  def start_link(module, init_arg, options \\\\ []) do
    GenServer.start_link(Supervisor.Server, {:dynamic, module, init_arg, Keyword.get(options, :name)}, options)
  end

  def init(options) do
    {:ok, %{
      strategy: Keyword.get(options, :strategy, :one_for_one),
      intensity: Keyword.get(options, :max_restarts, 3),
      period: Keyword.get(options, :max_seconds, 5),
      max_children: Keyword.get(options, :max_children, :infinity),
      extra_arguments: Keyword.get(options, :extra_arguments, [])
    }}
  end

  def start_child(sup, spec), do: GenServer.call(sup, {:start_child, Supervisor.to_spec(spec)}, :infinity)
  def terminate_child(sup, pid) when is_pid(pid), do: GenServer.call(sup, {:terminate_child, pid}, :infinity)
  def which_children(sup), do: GenServer.call(sup, :which_children, :infinity)
  def count_children(sup), do: GenServer.call(sup, :count_children, :infinity)
  def stop(sup, reason \\\\ :normal, timeout \\\\ :infinity), do: GenServer.stop(sup, reason, timeout)
end

defmodule DynamicSupervisor.Default do
  def init(options), do: DynamicSupervisor.init(options)
end

defmodule Supervisor.Server do
  # state: %{name, dynamic, strategy, intensity, period, max, extra, children (start order), restarts}
  # child: %{id, pid, start, restart, shutdown, type, modules}
  def init({kind, module, arg, name}) do
    Process.flag(:trap_exit, true)
    case module.init(arg) do
      {:ok, {flags, specs}} when kind == :static ->
        label(flags)
        init_static(flags, specs, name || self())
      {:ok, flags} when kind == :dynamic ->
        label(flags)
        {:ok, new_state(flags, name || self(), true)}
      :ignore -> :ignore
      other -> {:stop, {:bad_return, {module, :init, other}}}
    end
  end

  # Says what it is before its children start, so the canvas groups them under it with the strategy.
  defp label(flags) when is_map(flags), do: :otp_native.set_label({:supervisor, Map.get(flags, :strategy, :one_for_one)})
  defp label(_), do: :ok

  defp new_state(flags, name, dynamic) do
    %{
      name: name,
      dynamic: dynamic,
      strategy: Map.get(flags, :strategy, :one_for_one),
      intensity: Map.get(flags, :intensity, 3),
      period: Map.get(flags, :period, 5),
      max: Map.get(flags, :max_children, :infinity),
      extra: Map.get(flags, :extra_arguments, []),
      children: [],
      restarts: []
    }
  end

  defp init_static(flags, specs, name) do
    state = new_state(flags, name, false)
    ids = Enum.map(specs, fn spec -> Map.get(spec, :id) end)
    cond do
      not (state.strategy in [:one_for_one, :one_for_all, :rest_for_one]) ->
        {:stop, {:supervisor_data, {:invalid_strategy, state.strategy}}}
      not (is_integer(state.intensity) and state.intensity >= 0) ->
        {:stop, {:supervisor_data, {:invalid_intensity, state.intensity}}}
      not (is_integer(state.period) and state.period > 0) ->
        {:stop, {:supervisor_data, {:invalid_period, state.period}}}
      length(Enum.uniq(ids)) != length(ids) ->
        {:stop, {:start_spec, {:duplicate_child_name, hd(ids -- Enum.uniq(ids))}}}
      true -> start_static(state, specs)
    end
  end

  defp start_static(state, specs) do
    case start_all(Enum.map(specs, &child/1), []) do
      {:ok, children} -> {:ok, %{state | children: children}}
      {:error, started, id, reason} ->
        stop_all(started)
        {:stop, {:shutdown, {:failed_to_start_child, id, reason}}}
    end
  end

  defp child(spec) do
    type = Map.get(spec, :type, :worker)
    %{
      id: Map.get(spec, :id),
      pid: :undefined,
      start: Map.fetch!(spec, :start),
      restart: Map.get(spec, :restart, :permanent),
      shutdown: Map.get(spec, :shutdown, if(type == :worker, do: 5000, else: :infinity)),
      type: type,
      modules: Map.get(spec, :modules, [elem(Map.fetch!(spec, :start), 0)])
    }
  end

  defp start_all([], started), do: {:ok, Enum.reverse(started)}
  defp start_all([c | rest], started) do
    case start_one(c, []) do
      {:ok, pid} -> start_all(rest, [%{c | pid: pid} | started])
      :ignore -> start_all(rest, [c | started])
      {:error, reason} -> {:error, started, c.id, reason}
    end
  end

  defp start_one(%{start: {m, f, a}}, extra) do
    try do
      case apply(m, f, extra ++ a) do
        {:ok, pid} when is_pid(pid) -> {:ok, pid}
        {:ok, pid, _info} when is_pid(pid) -> {:ok, pid}
        :ignore -> :ignore
        {:error, reason} -> {:error, reason}
        other -> {:error, other}
      end
    catch
      # As supervisor.erl's catch apply(M, F, A): an exit is {:EXIT, reason}, an error
      # {:EXIT, {reason, stack}} (our stack: the call itself), a throw the thrown value.
      :exit, reason -> {:error, {:EXIT, reason}}
      :error, reason -> {:error, {:EXIT, {reason, [{m, f, extra ++ a, []}]}}}
      :throw, value -> {:error, value}
    end
  end

  # Stops children last-started first, as OTP does.
  defp stop_all(children), do: Enum.each(Enum.reverse(children), &stop_child/1)

  defp stop_child(%{pid: pid} = c) when is_pid(pid) do
    ref = Process.monitor(pid)
    Process.unlink(pid)
    receive do
      {:EXIT, ^pid, _} -> :ok
    after
      0 -> :ok
    end
    if c.shutdown == :brutal_kill do
      Process.exit(pid, :kill)
      receive do
        {:DOWN, ^ref, _, _, _} -> :ok
      end
    else
      Process.exit(pid, :shutdown)
      receive do
        {:DOWN, ^ref, _, _, _} -> :ok
      after
        c.shutdown ->
          Process.exit(pid, :kill)
          receive do
            {:DOWN, ^ref, _, _, _} -> :ok
          end
      end
    end
  end

  defp stop_child(_), do: :ok

  defp find(children, key, state) do
    field = if state.dynamic, do: :pid, else: :id
    Enum.find(children, fn c -> Map.get(c, field) == key end)
  end

  def handle_call(:which_children, _from, state) do
    list = for c <- state.children do
      pid = if is_tuple(c.pid), do: :restarting, else: c.pid
      {if(state.dynamic, do: :undefined, else: c.id), pid, c.type, c.modules}
    end
    {:reply, if(state.dynamic, do: list, else: Enum.reverse(list)), state}
  end

  def handle_call(:count_children, _from, state) do
    cs = state.children
    counts = %{
      specs: length(cs),
      active: Enum.count(cs, fn c -> is_pid(c.pid) end),
      supervisors: Enum.count(cs, fn c -> c.type == :supervisor end),
      workers: Enum.count(cs, fn c -> c.type == :worker end)
    }
    {:reply, counts, state}
  end

  def handle_call({:start_child, spec}, _from, %{dynamic: true} = state) do
    c = child(spec)
    if state.max != :infinity and length(state.children) >= state.max do
      {:reply, {:error, :max_children}, state}
    else
      case start_one(c, state.extra) do
        {:ok, pid} -> {:reply, {:ok, pid}, %{state | children: state.children ++ [%{c | pid: pid, id: :undefined, start: add_extra(c.start, state.extra)}]}}
        other -> {:reply, other, state}
      end
    end
  end

  def handle_call({:start_child, spec}, _from, state) do
    c = child(Supervisor.to_spec(spec))
    case find(state.children, c.id, state) do
      %{pid: pid} when is_pid(pid) -> {:reply, {:error, {:already_started, pid}}, state}
      %{} -> {:reply, {:error, :already_present}, state}
      nil -> start_reply(c, state, fn new -> %{state | children: state.children ++ [new]} end)
    end
  end

  # Starts c and answers the call; put gives the state with the child (started or not) in it.
  defp start_reply(c, state, put) do
    case start_one(c, []) do
      {:ok, pid} -> {:reply, {:ok, pid}, put.(%{c | pid: pid})}
      :ignore -> {:reply, {:ok, :undefined}, put.(c)}
      {:error, reason} -> {:reply, {:error, reason}, state}
    end
  end

  def handle_call({:terminate_child, key}, _from, state) do
    case find(state.children, key, state) do
      nil -> {:reply, {:error, :not_found}, state}
      c ->
        stop_child(c)
        if state.dynamic or c.restart == :temporary do
          {:reply, :ok, %{state | children: List.delete(state.children, c)}}
        else
          {:reply, :ok, %{state | children: replace(state.children, c, %{c | pid: :undefined})}}
        end
    end
  end

  def handle_call({:restart_child, id}, _from, state) do
    case find(state.children, id, state) do
      nil -> {:reply, {:error, :not_found}, state}
      %{pid: pid} when is_pid(pid) -> {:reply, {:error, :running}, state}
      c -> start_reply(c, state, fn new -> %{state | children: replace(state.children, c, new)} end)
    end
  end

  def handle_call({:delete_child, id}, _from, state) do
    case find(state.children, id, state) do
      nil -> {:reply, {:error, :not_found}, state}
      %{pid: pid} when is_pid(pid) -> {:reply, {:error, :running}, state}
      c -> {:reply, :ok, %{state | children: List.delete(state.children, c)}}
    end
  end

  def handle_cast({:try_again_restart, old}, state) do
    case Enum.find(state.children, fn c -> c.pid == {:restarting, old} end) do
      nil -> {:noreply, state}
      c -> child_exited(c, :restart_failed, state)
    end
  end

  def handle_info({:EXIT, pid, reason}, state) do
    case Enum.find(state.children, fn c -> c.pid == pid end) do
      nil -> {:noreply, state}
      c -> child_exited(c, reason, state)
    end
  end

  def handle_info(_msg, state), do: {:noreply, state}

  def terminate(_reason, state), do: stop_all(state.children)

  defp add_extra({m, f, a}, extra), do: {m, f, extra ++ a}

  defp replace(children, old, new), do: Enum.map(children, fn c -> if c == old, do: new, else: c end)

  defp child_exited(c, reason, state) do
    restart? =
      case c.restart do
        :permanent -> true
        :temporary -> false
        :transient -> not normal_exit?(reason)
      end
    cond do
      not restart? and (state.dynamic or c.restart == :temporary) ->
        {:noreply, %{state | children: List.delete(state.children, c)}}
      not restart? ->
        {:noreply, %{state | children: replace(state.children, c, %{c | pid: :undefined})}}
      true ->
        now = :erlang.monotonic_time(:millisecond)
        restarts = [now | Enum.filter(state.restarts, fn t -> now - t < state.period * 1000 end)]
        if length(restarts) > state.intensity do
          {:stop, :shutdown, %{state | children: List.delete(state.children, c), restarts: restarts}}
        else
          restart(c, %{state | restarts: restarts})
        end
    end
  end

  defp normal_exit?(:normal), do: true
  defp normal_exit?(:shutdown), do: true
  defp normal_exit?({:shutdown, _}), do: true
  defp normal_exit?(_), do: false

  defp restart(c, %{strategy: :one_for_one} = state) do
    case start_one(c, state.extra) do
      {:ok, pid} -> {:noreply, %{state | children: replace(state.children, c, %{c | pid: pid})}}
      _ ->
        # OTP's try_again_restart: a failed restart is tried again later, counted as a restart.
        GenServer.cast(self(), {:try_again_restart, c.pid})
        {:noreply, %{state | children: replace(state.children, c, %{c | pid: {:restarting, c.pid}})}}
    end
  end

  defp restart(c, state) do
    {before, [_ | rest]} = Enum.split(state.children, Enum.find_index(state.children, fn x -> x == c end))
    {keep, again} = if state.strategy == :one_for_all, do: {[], before ++ [c | rest]}, else: {before, [c | rest]}
    stop_all(Enum.filter(again, fn x -> x != c end))
    {:ok, started} = start_all(Enum.map(again, fn x -> %{x | pid: :undefined} end), [])
    {:noreply, %{state | children: keep ++ started}}
  end
end

defmodule Task.Supervisor do
  def child_spec(options) when is_list(options) do
    %{id: Keyword.get(options, :name, Task.Supervisor), start: {Task.Supervisor, :start_link, [options]}, type: :supervisor}
  end

  def start_link(options \\\\ []) do
    DynamicSupervisor.start_link(Keyword.take(options, [:name, :max_restarts, :max_seconds, :max_children]))
  end

  def async(sup, fun) when is_function(fun, 0), do: async(sup, :erlang, :apply, [fun, []])

  def async(sup, module, fun, args) do
    owner = self()
    {:ok, pid} = start_task(sup, [owner, module, fun, args])
    Process.link(pid)
    ref = Process.monitor(pid)
    send(pid, {owner, ref})
    %Task{owner: owner, pid: pid, ref: ref, mfa: {module, fun, length(args)}}
  end

  def async_stream(sup, enumerable, fun, options \\\\ []) when is_function(fun, 1),
    do: build_stream(sup, :link, enumerable, &{:erlang, :apply, [fun, [&1]]}, options)

  def async_stream(sup, enumerable, module, fun, args, options \\\\ []) when is_atom(fun),
    do: build_stream(sup, :link, enumerable, &{module, fun, [&1 | args]}, options)

  def async_stream_nolink(sup, enumerable, fun, options \\\\ []) when is_function(fun, 1),
    do: build_stream(sup, :nolink, enumerable, &{:erlang, :apply, [fun, [&1]]}, options)

  def async_stream_nolink(sup, enumerable, module, fun, args, options \\\\ []) when is_atom(fun),
    do: build_stream(sup, :nolink, enumerable, &{module, fun, [&1 | args]}, options)

  # Task.async_stream's stream, its tasks started under sup.
  defp build_stream(sup, link, enumerable, mfa, options) do
    fn acc, acc_fun ->
      spawn = if link == :link, do: &async(sup, &1, &2, &3), else: &async_nolink(sup, &1, &2, &3)
      Task.__stream__(enumerable, mfa, options, spawn, acc, acc_fun)
    end
  end

  def async_nolink(sup, fun) when is_function(fun, 0), do: async_nolink(sup, :erlang, :apply, [fun, []])

  def async_nolink(sup, module, fun, args) do
    owner = self()
    {:ok, pid} = start_task(sup, [owner, module, fun, args])
    ref = Process.monitor(pid)
    send(pid, {owner, ref})
    %Task{owner: owner, pid: pid, ref: ref, mfa: {module, fun, length(args)}}
  end

  def start_child(sup, fun) when is_function(fun, 0) do
    DynamicSupervisor.start_child(sup, %{id: Task, start: {Task.Supervisor, :start_task_link, [self(), fun]}, restart: :temporary})
  end

  @doc false
  def start_task_link(owner, fun) do
    {:ok, spawn_link(fn -> Task.Supervised.invoke_mfa(owner, {:erlang, :apply, [fun, []]}) end)}
  end

  def children(sup) do
    for {_, pid, _, _} <- DynamicSupervisor.which_children(sup), is_pid(pid), do: pid
  end

  def terminate_child(sup, pid), do: DynamicSupervisor.terminate_child(sup, pid)

  defp start_task(sup, args) do
    spec = %{id: Task, start: {Task.Supervisor, :start_reply_link, args}, restart: :temporary}
    DynamicSupervisor.start_child(sup, spec)
  end

  @doc false
  def start_reply_link(owner, module, fun, args) do
    {:ok, spawn_link(fn -> Task.Supervised.reply(owner, module, fun, args) end)}
  end
end
`;
