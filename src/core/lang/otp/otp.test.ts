// OTP in the prelude: what the golden transcripts (golden/25-28, golden/multi-node) cannot
// show: the wire format a real BEAM node speaks, `use` of an unknown module, and hostile servers
// (a flood of casts, a server that never answers, a bad name) that must not lose a message or
// leave a process behind. Expected texts are real iex 1.14's.
import { describe, expect, test } from 'vitest';
import { evalText, langNode, run } from '../vm-test-helpers.ts';

const COUNTER = `
defmodule Counter do
  use GenServer
  def init(n), do: {:ok, n}
  def handle_call(:get, _from, n), do: {:reply, n, n}
  def handle_call(:silent, _from, n), do: {:noreply, n}
  def handle_cast({:add, k}, n), do: {:noreply, n + k}
end
`;

describe('the wire format is OTP 25 gen\'s', () => {
  test('a raw $gen_call with the alias tag gets {tag, reply} through the alias, as a BEAM caller expects', () => {
    const src = `${COUNTER}
      {:ok, pid} = GenServer.start(Counter, 41)
      ref = :erlang.alias()
      send(pid, {:"$gen_cast", {:add, 1}})
      send(pid, {:"$gen_call", {self(), [:alias | ref]}, :get})
      receive do
        {[:alias | ^ref], reply} -> {:reply, reply}
      after 1000 -> :no_reply
      end`;
    expect(run(src)).toBe('{:reply, 42}');
  });

  test('GenServer.call works against a hand-written server speaking the protocol (as a BEAM gen_server would)', () => {
    const src = `
      server = spawn(fn ->
        receive do
          {:"$gen_call", {from, [:alias | ref] = tag}, req} when is_pid(from) and is_reference(ref) -> send(from, {tag, {:echo, req}})
        end
      end)
      GenServer.call(server, :hello)`;
    expect(run(src)).toBe('{:echo, :hello}');
  });

  test(':sys.get_state is a {:system, from, :get_state} call', () => {
    const src = `
      server = spawn(fn ->
        receive do
          {:system, {from, tag}, :get_state} -> send(from, {tag, :raw_state})
        end
      end)
      :sys.get_state(server)`;
    expect(run(src)).toBe(':raw_state');
  });
});

describe('use', () => {
  test('an unknown module is a CompileError in Elixir\'s words, at the line of the use', () => {
    let error: unknown = null;
    try {
      run('defmodule Nope do\n  use Foo\nend');
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ message: 'module Foo is not loaded and could not be found', pos: { line: 2 } });
  });

  test('use GenServer without handle_call: the default raises as Elixir 1.14 does', () => {
    const src = `
      defmodule Bare do
        use GenServer
      end
      {:ok, _} = GenServer.start(Bare, :s, name: Bare)
      try do
        GenServer.call(Bare, :x)
      catch
        :exit, {{%{__struct__: RuntimeError, message: m}, _stack}, _call} -> m
      end`;
    expect(run(src)).toBe('"attempted to call GenServer Bare but no handle_call/3 clause was provided"');
  });

  test('a module overriding a default keeps its own clauses', () => {
    const src = `
      defmodule Own do
        use GenServer
        def init(_), do: {:ok, :own}
        def terminate(_, _), do: :mine
      end
      {Own.init(1), Own.terminate(:r, :s), Own.code_change(1, :st, 2), Own.child_spec(:a)}`;
    expect(run(src)).toBe('{{:ok, :own}, :mine, {:ok, :st}, %{id: Own, start: {Own, :start_link, [:a]}}}');
  });

  test('typespecs (@spec, @type, @callback, over several lines) are read and dropped', () => {
    const src = `
      defmodule Typed do
        use GenServer
        @moduledoc """
        A typed server.
        """
        @type state :: %{count: non_neg_integer()} | nil
        @callback changed(term) :: :ok
        @impl true
        @spec init(term) ::
                {:ok, term}
        def init(s), do: {:ok, s}
      end
      Typed.init(3)`;
    expect(run(src)).toBe('{:ok, 3}');
  });

  test('use options override the child spec', () => {
    const src = `
      defmodule Opt do
        use Agent, restart: :transient, id: :x, shutdown: 10
      end
      Opt.child_spec(1)`;
    expect(run(src)).toBe('%{id: :x, restart: :transient, shutdown: 10, start: {Opt, :start_link, [1]}}');
  });
});

describe('hostile servers', () => {
  test('20,000 casts then a call: every cast is applied before the reply, none lost', () => {
    const src = `${COUNTER}
      {:ok, pid} = GenServer.start(Counter, 0)
      Enum.each(1..20_000, fn _ -> GenServer.cast(pid, {:add, 1}) end)
      GenServer.call(pid, :get, :infinity)`;
    expect(run(src)).toBe('20000');
  });

  test('a server that never answers: the caller times out and the server still serves the next call', () => {
    const t = langNode();
    const src = `${COUNTER}
      {:ok, pid} = GenServer.start(Counter, 7)
      r = try do
        GenServer.call(pid, :silent, 100)
      catch
        :exit, {:timeout, {GenServer, :call, [_, :silent, 100]}} -> :timed_out
      end
      {r, GenServer.call(pid, :get)}`;
    expect(evalText(t, src)).toBe('{:timed_out, 7}');
  });

  test('a call to a process that died is noproc at once, with any timeout', () => {
    const src = `
      pid = spawn(fn -> :ok end)
      Process.sleep(10)
      try do
        GenServer.call(pid, :x, :infinity)
      catch
        :exit, {reason, _} -> reason
      end`;
    expect(run(src)).toBe(':noproc');
  });

  test('a bad :name is an ArgumentError before any process starts', () => {
    const src = `
      before = length(Process.list())
      r = try do
        GenServer.start(Counter, 0, name: "x")
      rescue
        e in ArgumentError -> :raised
      end
      {r, length(Process.list()) == before}`;
    expect(run(`${COUNTER}\n${src}`)).toBe('{:raised, true}');
  });

  test('a transient child that exits normally is not restarted; a permanent one is', () => {
    const src = `
      children = [
        %{id: :t, start: {Agent, :start_link, [fn -> 0 end, [name: :t]]}, restart: :transient},
        %{id: :p, start: {Agent, :start_link, [fn -> 0 end, [name: :p]]}}
      ]
      {:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)
      Agent.stop(:t)
      Agent.stop(:p)
      Process.sleep(10)
      {Process.whereis(:t), is_pid(Process.whereis(:p)), Supervisor.count_children(sup).active}`;
    expect(run(src)).toBe('{nil, true, 1}');
  });
});

describe("hostile message/1 and Inspect in crash reports (golden 38/39 show the ordinary cases)", () => {
  test('a message/1 that never returns: the process still dies on time, its report prints the struct as it is', () => {
    const t = langNode();
    const out = evalText(t, `
      defmodule Forever do
        defexception [:code]
        def message(e), do: message(e)
      end
      Process.flag(:trap_exit, true)
      pid = spawn_link(fn -> raise Forever, code: 5 end)
      receive do
        {:EXIT, ^pid, {%{__struct__: Forever}, _}} -> :died
      after 1000 -> :still_alive
      end`);
    expect(out).toBe(':died');
    expect(t.out.join('')).toContain('** (Forever) %Forever{code: 5}');
  });

  test('a message/1 that waits for a message is given up: the process dies, the report prints the struct', () => {
    const t = langNode();
    const out = evalText(t, `
      defmodule Waits do
        defexception [:code]
        def message(_e) do
          receive do
            m -> m
          end
        end
      end
      {pid, ref} = spawn_monitor(fn -> raise Waits, code: 6 end)
      receive do
        {:DOWN, ^ref, :process, ^pid, {%{__struct__: Waits}, _}} -> :died
      after 1000 -> :still_alive
      end`);
    expect(out).toBe(':died');
    expect(t.out.join('')).toContain('** (Waits) %Waits{code: 6}');
  });

  // (Elixir prints such a struct as a multi-line #Inspect.Error<...>, as we do: golden 46. The
  // point here is that the report is written and the server stops.)
  test('an Inspect implementation that raises does not stop the report from being written', () => {
    const t = langNode(undefined, { logReports: true });
    const out = evalText(t, `
      defmodule Odd do
        defstruct [:v]
      end
      defimpl Inspect, for: Odd do
        def inspect(_s, _opts), do: raise("no")
      end
      defmodule Stops do
        use GenServer
        def init(s), do: {:ok, s}
        def handle_cast(:stop, s), do: {:stop, {:odd, %Odd{v: 1}}, s}
      end
      {:ok, pid} = GenServer.start(Stops, :st)
      ref = Process.monitor(pid)
      GenServer.cast(pid, :stop)
      receive do
        {:DOWN, ^ref, :process, ^pid, {:odd, _}} -> :stopped
      after 1000 -> :running
      end`);
    expect(out).toBe(':stopped');
    const report = t.out.join('');
    expect(report).toMatch(/GenServer #PID<[\d.]+> terminating\n\*\* \(stop\) \{:odd,/);
    expect(report).toContain('#Inspect.Error<\n  got RuntimeError with message:');
    expect(report).toContain('%{__struct__: Odd, v: 1}');
    expect(report).toMatch(/Last message: \{:"\$gen_cast", :stop\}\nState: :st/);
  });
});
