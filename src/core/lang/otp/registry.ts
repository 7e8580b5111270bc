/**
 * Registry, in Elixir: a GenServer holding `key => [{pid, value}]` (Elixir keeps it in ETS
 * partitions; the semantics are the same for one partition, so `partitions:` is checked as
 * Elixir checks it and one server serves them all). A registering process is
 * monitored and its entries go when it dies. `{:via, Registry, {registry, key}}` names a
 * GenServer through register_name/whereis_name/send/unregister_name.
 */
export const REGISTRY_PRELUDE = `
defmodule Registry do
  def child_spec(options) do
    %{id: Keyword.get(options, :name, Registry), start: {Registry, :start_link, [options]}, type: :supervisor}
  end

  def start_link(options) do
    keys = Keyword.get(options, :keys)
    name = Keyword.get(options, :name)
    unless keys in [:unique, :duplicate] do
      raise ArgumentError, "expected :keys to be given and be one of :unique or :duplicate, got: " <> inspect(keys)
    end
    unless is_atom(name) and name != nil do
      raise ArgumentError, "expected :name to be given and to be an atom, got: " <> inspect(name)
    end
    partitions = Keyword.get(options, :partitions, 1)
    unless is_integer(partitions) and partitions >= 1 do
      raise ArgumentError, "expected :partitions to be a positive integer, got: " <> inspect(partitions)
    end
    GenServer.start_link(Registry.Server, keys, name: name)
  end

  def register(registry, key, value), do: GenServer.call(registry, {:register, key, self(), value})
  def unregister(registry, key), do: GenServer.call(registry, {:unregister, key, self()})
  def lookup(registry, key), do: GenServer.call(registry, {:lookup, key})
  def keys(registry, pid), do: GenServer.call(registry, {:keys, pid})
  def count(registry), do: GenServer.call(registry, :count)

  def dispatch(registry, key, fun, _opts \\\\ []) do
    case lookup(registry, key) do
      [] -> :ok
      entries ->
        fun.(entries)
        :ok
    end
  end

  def update_value(registry, key, fun) do
    GenServer.call(registry, {:update_value, key, self(), fun})
  end

  # The via-tuple callbacks: {:via, Registry, {registry, key}}.
  def register_name({registry, key}, pid) when pid == self() do
    case register(registry, key, nil) do
      {:ok, _} -> :yes
      {:error, _} -> :no
    end
  end

  def register_name({registry, key}, pid) do
    case GenServer.call(registry, {:register, key, pid, nil}) do
      {:ok, _} -> :yes
      {:error, _} -> :no
    end
  end

  def whereis_name({registry, key}) do
    case lookup(registry, key) do
      [{pid, _}] -> pid
      _ -> :undefined
    end
  end

  def unregister_name({registry, key}), do: unregister(registry, key)

  def send({registry, key} = name, message) do
    case whereis_name(name) do
      :undefined -> :erlang.error(:badarg, [{registry, key}, message])
      pid -> Kernel.send(pid, message)
    end
  end
end

defmodule Registry.Server do
  def init(kind), do: {:ok, %{kind: kind, entries: %{}, monitors: %{}}}

  def handle_call({:register, key, pid, value}, _from, state) do
    existing = Map.get(state.entries, key, [])
    case {state.kind, existing} do
      {:unique, [{owner, _}]} -> {:reply, {:error, {:already_registered, owner}}, state}
      _ ->
        state = watch(state, pid)
        {:reply, {:ok, self()}, %{state | entries: Map.put(state.entries, key, existing ++ [{pid, value}])}}
    end
  end

  def handle_call({:unregister, key, pid}, _from, state) do
    {:reply, :ok, %{state | entries: drop(state.entries, key, pid)}}
  end

  def handle_call({:lookup, key}, _from, state), do: {:reply, Map.get(state.entries, key, []), state}

  def handle_call({:keys, pid}, _from, state) do
    keys = for {k, list} <- state.entries, {p, _} <- list, p == pid, do: k
    {:reply, keys, state}
  end

  def handle_call(:count, _from, state) do
    {:reply, Enum.reduce(state.entries, 0, fn {_, list}, n -> n + length(list) end), state}
  end

  def handle_call({:update_value, key, pid, fun}, _from, state) do
    case Map.get(state.entries, key, []) do
      [{^pid, old}] ->
        new = fun.(old)
        {:reply, {new, old}, %{state | entries: Map.put(state.entries, key, [{pid, new}])}}
      _ -> {:reply, :error, state}
    end
  end

  def handle_info({:DOWN, ref, :process, pid, _}, state) do
    entries =
      Enum.reduce(state.entries, %{}, fn {k, list}, acc ->
        case Enum.reject(list, fn {p, _} -> p == pid end) do
          [] -> acc
          rest -> Map.put(acc, k, rest)
        end
      end)
    {:noreply, %{state | entries: entries, monitors: Map.delete(state.monitors, pid)}}
  end

  defp watch(state, pid) do
    if Map.has_key?(state.monitors, pid) do
      state
    else
      %{state | monitors: Map.put(state.monitors, pid, Process.monitor(pid))}
    end
  end

  defp drop(entries, key, pid) do
    case Enum.reject(Map.get(entries, key, []), fn {p, _} -> p == pid end) do
      [] -> Map.delete(entries, key)
      rest -> Map.put(entries, key, rest)
    end
  end
end
`;
