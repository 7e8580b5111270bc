/**
 * Agent and Task, in Elixir as Elixir 1.14 writes them: an Agent is a GenServer whose state is
 * changed by the funs it is sent (`{:get, fun}`, `{:update, fun}`, `{:get_and_update, fun}`,
 * `{:cast, fun}`); a Task is a linked process that sends `{ref, result}` to its owner, who
 * waits for it or for the `:DOWN` of the monitor `ref` is.
 *
 * `%Task{}` is the map Elixir's struct is (`__struct__: Task`) until the language has structs:
 * only `task_struct/3` makes one, so it becomes a real struct in one place.
 * `Task.async_stream` returns the results as a list (Elixir returns a lazy stream; Enum
 * functions take either).
 */
export const AGENT_TASK_PRELUDE = `
defmodule Agent do
  def start_link(fun, options \\\\ []) when is_function(fun, 0) do
    GenServer.start_link(Agent.Server, fun, options)
  end

  def start_link(module, fun, args, options \\\\ []) do
    GenServer.start_link(Agent.Server, {module, fun, args}, options)
  end

  def start(fun, options \\\\ []) when is_function(fun, 0) do
    GenServer.start(Agent.Server, fun, options)
  end

  def start(module, fun, args, options \\\\ []) do
    GenServer.start(Agent.Server, {module, fun, args}, options)
  end

  def get(agent, fun, timeout \\\\ 5000) when is_function(fun, 1), do: GenServer.call(agent, {:get, fun}, timeout)
  def get(agent, module, fun, args), do: GenServer.call(agent, {:get, {module, fun, args}})
  def get_and_update(agent, fun, timeout \\\\ 5000) when is_function(fun, 1), do: GenServer.call(agent, {:get_and_update, fun}, timeout)
  def update(agent, fun, timeout \\\\ 5000) when is_function(fun, 1), do: GenServer.call(agent, {:update, fun}, timeout)
  def cast(agent, fun) when is_function(fun, 1), do: GenServer.cast(agent, {:cast, fun})
  def stop(agent, reason \\\\ :normal, timeout \\\\ :infinity), do: GenServer.stop(agent, reason, timeout)
end

defmodule Agent.Server do
  def init(fun), do: {:ok, run(fun, [])}

  def handle_call({:get, fun}, _from, state), do: {:reply, run(fun, [state]), state}

  def handle_call({:get_and_update, fun}, _from, state) do
    case run(fun, [state]) do
      {reply, state} -> {:reply, reply, state}
      other -> {:stop, {:bad_return_value, other}, state}
    end
  end

  def handle_call({:update, fun}, _from, state), do: {:reply, :ok, run(fun, [state])}

  def handle_cast({:cast, fun}, state), do: {:noreply, run(fun, [state])}

  defp run({m, f, a}, extra), do: apply(m, f, extra ++ a)
  defp run(fun, extra), do: apply(fun, extra)
end

defmodule Task do
  @doc false
  def __struct__(owner, pid, ref, mfa) do
    %{__struct__: Task, owner: owner, pid: pid, ref: ref, mfa: mfa}
  end

  def async(fun) when is_function(fun, 0), do: async(:erlang, :apply, [fun, []])

  def async(module, fun, args) do
    owner = self()
    pid = spawn_link(fn -> reply_to(owner, module, fun, args) end)
    ref = Process.monitor(pid)
    send(pid, {owner, ref})
    __struct__(owner, pid, ref, mfa(module, fun, args))
  end

  defp mfa(:erlang, :apply, [_fun, []]), do: {:erlang, :apply, 2}

  defp mfa(module, fun, args), do: {module, fun, length(args)}

  @doc false
  def reply_to(owner, module, fun, args) do
    receive do
      {^owner, ref} -> send(owner, {ref, __invoke__(owner, module, fun, args)})
    end
  end

  # Task.Supervised.invoke_mfa: a task that fails is reported as Elixir's Logger words it
  # ("Task #PID<...> started from #PID<...> terminating", the function and its arguments),
  # then exits with OTP's reason ({exception, stacktrace} for a raise).
  @doc false
  def __invoke__(owner, module, fun, args) do
    try do
      apply(module, fun, args)
    catch
      :exit, reason when reason == :normal or reason == :shutdown -> exit(reason)
      :exit, {:shutdown, _} = reason -> exit(reason)
      class, reason ->
        reason =
          case class do
            :error -> {reason, __STACKTRACE__}
            :throw -> {{:nocatch, reason}, __STACKTRACE__}
            :exit -> reason
          end
        :otp_native.log(:error,
          "Task " <> inspect(self()) <> " started from " <> inspect(owner) <> " terminating" <>
            :otp_native.format_stop(reason) <> function_text(module, fun, args))
        exit(reason)
    end
  end

  defp function_text(:erlang, :apply, [fun, args]), do: "\nFunction: " <> inspect(fun) <> "\n    Args: " <> inspect(args)
  defp function_text(m, f, args), do: "\nFunction: &" <> inspect(m) <> "." <> Atom.to_string(f) <> "/" <> Integer.to_string(length(args)) <> "\n    Args: " <> inspect(args)

  def start(fun) when is_function(fun, 0), do: start(:erlang, :apply, [fun, []])

  def start(module, fun, args) do
    owner = self()
    {:ok, spawn(fn -> __invoke__(owner, module, fun, args) end)}
  end

  def start_link(fun) when is_function(fun, 0), do: start_link(:erlang, :apply, [fun, []])

  def start_link(module, fun, args) do
    owner = self()
    {:ok, spawn_link(fn -> __invoke__(owner, module, fun, args) end)}
  end

  def await(task, timeout \\\\ 5000), do: do_await(task, timeout)

  defp do_await(%{__struct__: Task, owner: owner} = task, _timeout) when owner != self() do
    raise ArgumentError, "task " <> inspect_task(task) <> " must be queried from the owner but was queried from " <> inspect(self())
  end

  defp do_await(%{__struct__: Task, ref: ref} = task, timeout) do
    case wait(ref, timeout) do
      {:ok, reply} -> reply
      {:down, reason} -> exit({reason, {Task, :await, [task, timeout]}})
      :timeout ->
        Process.demonitor(ref, [:flush])
        exit({:timeout, {Task, :await, [task, timeout]}})
    end
  end

  # The owner waits for a task: {:ok, reply}, {:down, reason} or :timeout.
  defp wait(ref, timeout) do
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}
      {:DOWN, ^ref, _, proc, reason} -> {:down, down_reason(reason, proc)}
    after
      timeout -> :timeout
    end
  end

  defp down_reason(:noconnection, proc), do: {:nodedown, node(proc)}
  defp down_reason(reason, _proc), do: reason

  defp inspect_task(%{pid: pid, ref: ref, owner: owner, mfa: mfa}) do
    "%Task{mfa: " <> inspect(mfa) <> ", owner: " <> inspect(owner) <> ", pid: " <> inspect(pid) <> ", ref: " <> inspect(ref) <> "}"
  end

  def await_many(tasks, timeout \\\\ 5000) do
    deadline = if timeout == :infinity, do: :infinity, else: :erlang.monotonic_time(:millisecond) + timeout
    Enum.map(tasks, fn %{ref: ref} ->
      left = if deadline == :infinity, do: :infinity, else: max(deadline - :erlang.monotonic_time(:millisecond), 0)
      case wait(ref, left) do
        {:ok, reply} -> reply
        {:down, reason} -> exit({reason, {Task, :await_many, [tasks, timeout]}})
        :timeout ->
          Enum.each(tasks, fn t -> Process.demonitor(t.ref, [:flush]) end)
          exit({:timeout, {Task, :await_many, [tasks, timeout]}})
      end
    end)
  end

  def yield(%{__struct__: Task, ref: ref}, timeout \\\\ 5000) do
    case wait(ref, timeout) do
      {:ok, reply} -> {:ok, reply}
      {:down, reason} -> {:exit, reason}
      :timeout -> nil
    end
  end

  def yield_many(tasks, timeout \\\\ 5000) do
    deadline = :erlang.monotonic_time(:millisecond) + timeout
    Enum.map(tasks, fn task ->
      {task, yield(task, max(deadline - :erlang.monotonic_time(:millisecond), 0))}
    end)
  end

  def shutdown(%{__struct__: Task, pid: pid, ref: ref}, shutdown \\\\ 5000) do
    Process.unlink(pid)
    Process.exit(pid, if(shutdown == :brutal_kill, do: :kill, else: :shutdown))
    receive do
      {^ref, reply} ->
        Process.demonitor(ref, [:flush])
        {:ok, reply}
      {:DOWN, ^ref, _, _, :shutdown} -> nil
      {:DOWN, ^ref, _, _, :killed} -> nil
      {:DOWN, ^ref, _, proc, reason} -> {:exit, down_reason(reason, proc)}
    after
      (if shutdown == :brutal_kill, do: :infinity, else: shutdown) ->
        Process.exit(pid, :kill)
        receive do
          {:DOWN, ^ref, _, _, _} -> nil
        end
    end
  end

  def async_stream(enumerable, fun, options \\\\ []) when is_function(fun, 1) do
    max = Keyword.get(options, :max_concurrency, System.schedulers_online())
    ordered = Keyword.get(options, :ordered, true)
    timeout = Keyword.get(options, :timeout, 5000)
    on_timeout = Keyword.get(options, :on_timeout, :exit)
    items = Enum.with_index(Enum.to_list(enumerable))
    stream_run(items, [], [], fun, max, ordered, timeout, on_timeout)
  end

  def async_stream(enumerable, module, fun, args, options \\\\ []) do
    async_stream(enumerable, fn x -> apply(module, fun, [x | args]) end, options)
  end

  # Keeps up to max tasks running; collects {index, result} as they finish.
  defp stream_run([], [], done, _fun, _max, ordered, _timeout, _on_timeout) do
    done = if ordered, do: Enum.sort_by(done, fn {i, _} -> i end), else: Enum.reverse(done)
    Enum.map(done, fn {_, r} -> r end)
  end

  defp stream_run([{x, i} | rest], running, done, fun, max, ordered, timeout, on_timeout) when length(running) < max do
    task = Task.async(fn -> fun.(x) end)
    stream_run(rest, running ++ [{i, task}], done, fun, max, ordered, timeout, on_timeout)
  end

  # Unordered: whichever running task finishes first.
  defp stream_run(items, running, done, fun, max, false, timeout, on_timeout) when running != [] do
    refs = Enum.map(running, fn {_, t} -> t.ref end)
    receive do
      {ref, value} when ref in refs ->
        Process.demonitor(ref, [:flush])
        {i, _} = Enum.find(running, fn {_, t} -> t.ref == ref end)
        stream_run(items, Enum.reject(running, fn {_, t} -> t.ref == ref end), [{i, {:ok, value}} | done], fun, max, false, timeout, on_timeout)
      {:DOWN, ref, _, _, reason} when ref in refs ->
        {i, _} = Enum.find(running, fn {_, t} -> t.ref == ref end)
        stream_run(items, Enum.reject(running, fn {_, t} -> t.ref == ref end), [{i, {:exit, reason}} | done], fun, max, false, timeout, on_timeout)
    after
      timeout -> stream_timeout(items, running, done, fun, max, false, timeout, on_timeout)
    end
  end

  defp stream_run(items, [{i, task} | running], done, fun, max, ordered, timeout, on_timeout) do
    case Task.yield(task, timeout) do
      {:ok, value} -> stream_run(items, running, [{i, {:ok, value}} | done], fun, max, ordered, timeout, on_timeout)
      {:exit, reason} -> stream_run(items, running, [{i, {:exit, reason}} | done], fun, max, ordered, timeout, on_timeout)
      nil -> stream_timeout(items, [{i, task} | running], done, fun, max, ordered, timeout, on_timeout)
    end
  end

  # The oldest running task took longer than :timeout: killed, then exit or {:exit, :timeout}.
  defp stream_timeout(items, [{i, task} | running], done, fun, max, ordered, timeout, on_timeout) do
    Task.shutdown(task, :brutal_kill)
    if on_timeout == :kill_task do
      stream_run(items, running, [{i, {:exit, :timeout}} | done], fun, max, ordered, timeout, on_timeout)
    else
      exit({:timeout, {Task.Supervised, :stream, [timeout]}})
    end
  end
end
`;
