/**
 * Agent and Task, in Elixir as Elixir 1.14 writes them: an Agent is a GenServer whose state is
 * changed by the funs it is sent (`{:get, fun}`, `{:update, fun}`, `{:get_and_update, fun}`,
 * `{:cast, fun}`); a Task is a linked process that sends `{ref, result}` to its owner, who
 * waits for it or for the `:DOWN` of the monitor `ref` is.
 *
 * `%Task{}` is Elixir 1.14's struct (all four keys enforced). `Task.async_stream` returns, as
 * Elixir's does, a 2-arity fun (Enumerable's reduce): nothing runs until it is walked.
 */
export const AGENT_TASK_PRELUDE = `
defmodule Agent do
  # {Agent, fun} as a child, as Elixir 1.14's Agent.child_spec/1.
  def child_spec(arg), do: %{id: Agent, start: {Agent, :start_link, [arg]}}

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
  @enforce_keys [:mfa, :owner, :pid, :ref]
  defstruct @enforce_keys

  def async(fun) when is_function(fun, 0), do: async(:erlang, :apply, [fun, []])

  def async(module, fun, args) do
    owner = self()
    pid = spawn_link(fn -> Task.Supervised.reply(owner, module, fun, args) end)
    ref = Process.monitor(pid)
    send(pid, {owner, ref})
    %Task{owner: owner, pid: pid, ref: ref, mfa: mfa(module, fun, args)}
  end

  defp mfa(:erlang, :apply, [_fun, []]), do: {:erlang, :apply, 2}

  defp mfa(module, fun, args), do: {module, fun, length(args)}

  def start(fun) when is_function(fun, 0), do: start(:erlang, :apply, [fun, []])

  def start(module, fun, args) do
    owner = self()
    {:ok, spawn(fn -> Task.Supervised.invoke_mfa(owner, {module, fun, args}) end)}
  end

  def child_spec(arg), do: %{id: Task, start: {Task, :start_link, [arg]}, restart: :temporary}

  def start_link(fun) when is_function(fun, 0), do: start_link(:erlang, :apply, [fun, []])

  def start_link(module, fun, args) do
    owner = self()
    {:ok, spawn_link(fn -> Task.Supervised.invoke_mfa(owner, {module, fun, args}) end)}
  end

  def await(task, timeout \\\\ 5000), do: do_await(task, timeout)

  defp do_await(%Task{owner: owner} = task, _timeout) when owner != self() do
    raise ArgumentError, "task " <> inspect(task) <> " must be queried from the owner but was queried from " <> inspect(self())
  end

  defp do_await(%Task{ref: ref} = task, timeout) do
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

  def completed(result) do
    ref = make_ref()
    send(self(), {ref, result})
    %Task{mfa: {Task, :completed, 1}, owner: self(), pid: nil, ref: ref}
  end

  def ignore(%Task{owner: owner} = task) when owner != self() do
    raise ArgumentError, "task " <> inspect(task) <> " must be queried from the owner but was queried from " <> inspect(self())
  end

  # The reply if it is already here; otherwise the task runs on, unwatched.
  def ignore(%Task{ref: ref, pid: pid}) do
    case wait(ref, 0) do
      {:ok, reply} -> {:ok, reply}
      {:down, reason} -> {:exit, reason}
      :timeout ->
        if is_pid(pid), do: Process.unlink(pid)
        Process.demonitor(ref, [:flush])
        nil
    end
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

  def yield(%Task{ref: ref}, timeout \\\\ 5000) do
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

  def shutdown(%Task{pid: pid, ref: ref}, shutdown \\\\ 5000) do
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

  def async_stream(enumerable, fun, options \\\\ []) when is_function(fun, 1) and is_list(options),
    do: build_stream(enumerable, &{:erlang, :apply, [fun, [&1]]}, options)

  def async_stream(enumerable, module, fun, args, options \\\\ []) when is_atom(module) and is_atom(fun) and is_list(args) and is_list(options),
    do: build_stream(enumerable, &{module, fun, [&1 | args]}, options)

  # The stream is a 2-arity fun (Enumerable's reduce), as Elixir's: nothing runs until it is
  # walked; the input is pulled one element at a time, at most :max_concurrency tasks run, and a
  # walk that stops early (Enum.take) kills the tasks still running. mfa.(x) is what a task
  # runs for x, so a crash report names the function and its arguments as Elixir's does.
  defp build_stream(enumerable, mfa, options) do
    fn acc, acc_fun -> __stream__(enumerable, mfa, options, &Task.async/3, acc, acc_fun) end
  end

  # Walks the stream: spawn.(m, f, a) starts one task (Task.async, or under a Task.Supervisor).
  @doc false
  def __stream__(enumerable, mfa, options, spawn, acc, acc_fun) do
    max = Keyword.get(options, :max_concurrency, System.schedulers_online())
    unless is_integer(max) and max > 0 do
      raise ArgumentError, ":max_concurrency must be an integer greater than zero"
    end
    config = %{
      max: max,
      ordered: Keyword.get(options, :ordered, true),
      timeout: Keyword.get(options, :timeout, 5000),
      on_timeout: Keyword.get(options, :on_timeout, :exit),
      zip: Keyword.get(options, :zip_input_on_exit, false),
      spawn: spawn
    }
    step = &Stream.__reduce__(enumerable, &1, fn x, _ -> {:suspend, x} end)
    stream = Stream.resource(fn -> {step, []} end, &stream_next(&1, mfa, config), &stream_close/1)
    Stream.__reduce__(stream, acc, acc_fun)
  end

  # {input step | :done, [{input, task}] oldest first} → {[result], state} or {:halt, state}.
  defp stream_next({step, running}, mfa, config) do
    if step != :done and length(running) < config.max do
      case step.({:cont, nil}) do
        {:suspended, x, step} ->
          {m, f, a} = mfa.(x)
          stream_next({step, running ++ [{x, config.spawn.(m, f, a)}]}, mfa, config)
        _ -> stream_next({:done, running}, mfa, config)
      end
    else
      stream_wait({step, running}, config)
    end
  end

  defp stream_wait({:done, []} = state, _config), do: {:halt, state}

  defp stream_wait({step, [{x, task} | rest] = running}, %{ordered: true} = config) do
    case Task.yield(task, config.timeout) do
      {:ok, value} -> {[{:ok, value}], {step, rest}}
      {:exit, reason} -> {[{:exit, exit_value(x, reason, config)}], {step, rest}}
      nil -> stream_timeout({step, running}, config)
    end
  end

  # Unordered: whichever running task finishes first.
  defp stream_wait({step, running}, config) do
    refs = Enum.map(running, fn {_, t} -> t.ref end)
    receive do
      {ref, value} when ref in refs ->
        Process.demonitor(ref, [:flush])
        {[{:ok, value}], {step, Enum.reject(running, fn {_, t} -> t.ref == ref end)}}
      {:DOWN, ref, _, _, reason} when ref in refs ->
        {x, _} = Enum.find(running, fn {_, t} -> t.ref == ref end)
        {[{:exit, exit_value(x, reason, config)}], {step, Enum.reject(running, fn {_, t} -> t.ref == ref end)}}
    after
      config.timeout -> stream_timeout({step, running}, config)
    end
  end

  defp exit_value(x, reason, %{zip: true}), do: {x, reason}
  defp exit_value(_x, reason, _config), do: reason

  # The oldest running task took longer than :timeout: killed, then {:exit, :timeout} or exit.
  defp stream_timeout({step, [{x, task} | rest]} = state, config) do
    if config.on_timeout == :kill_task do
      Task.shutdown(task, :brutal_kill)
      {[{:exit, exit_value(x, :timeout, config)}], {step, rest}}
    else
      stream_close(state)
      exit({:timeout, {Task.Supervised, :stream, [config.timeout]}})
    end
  end

  defp stream_close({step, running}) do
    Enum.each(running, fn {_, task} -> Task.shutdown(task, :brutal_kill) end)
    if step != :done, do: step.({:halt, nil})
  end
end

# Where a task runs, named as Elixir 1.14 names it (its frames show in crash reports as
# Task.Supervised.invoke_mfa/2 and reply/4).
defmodule Task.Supervised do
  @doc false
  def reply(owner, module, fun, args) do
    receive do
      {^owner, ref} -> send(owner, {ref, invoke_mfa(owner, {module, fun, args})})
    end
  end

  # Task.Supervised.invoke_mfa: a task that fails is reported as Elixir's Logger words it
  # ("Task #PID<...> started from #PID<...> terminating", the function and its arguments),
  # then exits with OTP's reason ({exception, stacktrace} for a raise).
  @doc false
  def invoke_mfa(owner, {module, fun, args}) do
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

  defp function_text(:erlang, :apply, [fun, []]) when is_function(fun, 0), do: "\nFunction: " <> inspect(fun) <> "\n    Args: []"
  defp function_text(m, f, args), do: "\nFunction: &" <> inspect(m) <> "." <> Atom.to_string(f) <> "/" <> Integer.to_string(length(args)) <> "\n    Args: " <> inspect(args)
end
`;
