// OTP across classroom tabs, beyond what the real-node golden shows: a supervisor restarting a
// {:global, n}-named child that a call from another tab crashed (the new child must get the name
// the dead one held: the name is taken by the child itself, after :global saw the death), and
// a call to a tab that closes mid-call exits with {:nodedown, node}.
import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from './classroom.ts';

const COUNTER = [
  'defmodule Counter do',
  '  use GenServer',
  '  def init(n), do: {:ok, n}',
  '  def handle_call({:add, k}, _from, n), do: {:reply, n + k, n + k}',
  '  def handle_call(:crash, _from, _n), do: exit(:crashed)',
  '  def handle_call(:hang, _from, n), do: {:noreply, n}',
  'end',
];

function typeAll(room: Classroom, tab: Tab, lines: readonly string[]): string {
  tab.take();
  for (const l of lines) room.type(tab, l);
  return tab.take();
}

/** The value line(s) after the last prompt line of a transcript piece. */
function last(out: string): string {
  const lines = out.trimEnd().split('\n');
  return lines[lines.length - 1] as string;
}

describe('OTP across tabs', () => {
  it('a supervisor restarts a {:global, :counter} child crashed by another tab, under the same name', () => {
    const room = new Classroom();
    const one = room.open('one', { host: 'lab' });
    const two = room.open('two', { host: 'lab' });
    typeAll(room, one, [...COUNTER, '{:ok, sup} = Supervisor.start_link([%{id: :c, start: {GenServer, :start_link, [Counter, 0, [name: {:global, :counter}]]}}], strategy: :one_for_one)']);
    typeAll(room, two, ['Node.connect :"one@lab"']);
    expect(last(typeAll(room, two, ['GenServer.call({:global, :counter}, {:add, 5})']))).toBe('5');
    expect(typeAll(room, two, ['GenServer.call({:global, :counter}, :crash)'])).toContain('** (EXIT) :crashed');
    expect(one.take()).toContain('[error] GenServer :counter terminating');
    expect(last(typeAll(room, two, ['GenServer.call({:global, :counter}, {:add, 1})']))).toBe('1');
    expect(last(typeAll(room, one, ['Supervisor.count_children(sup)']))).toBe('%{active: 1, specs: 1, supervisors: 0, workers: 1}');
  });

  it('a call to a tab that closes while it waits exits with {:nodedown, node}', () => {
    const room = new Classroom();
    const one = room.open('one', { host: 'lab' });
    const two = room.open('two', { host: 'lab' });
    typeAll(room, one, [...COUNTER, '{:ok, _} = GenServer.start(Counter, 0, name: :c)']);
    typeAll(room, two, ['Node.connect :"one@lab"']);
    two.shell.input('try do GenServer.call({:c, :"one@lab"}, :hang, 10_000) catch :exit, reason -> reason end');
    room.advance(100);
    room.close(one);
    room.advance(100);
    expect(last(two.take())).toBe('{{:nodedown, :one@lab}, {GenServer, :call, [{:c, :one@lab}, :hang, 10000]}}');
  });
});

// Process aliases across tabs: GenServer.call's reply goes to the caller's alias (OTP 25's gen),
// so a reply after the call timed out is dropped on arrival, as real iex shows (golden 36); a
// plain send to another tab's alias arrives until it is unaliased.
const SLOW = [
  'defmodule Slow do',
  '  use GenServer',
  '  def init(n), do: {:ok, n}',
  '  def handle_call({:slow, ms}, _from, n), do: (Process.sleep(ms); {:reply, :late, n})',
  '  def handle_call(:get, _from, n), do: {:reply, n, n}',
  'end',
];

describe('aliases across tabs', () => {
  it("a reply after a call's timeout is dropped, not left in the caller's mailbox", () => {
    const room = new Classroom();
    const one = room.open('one', { host: 'lab' });
    const two = room.open('two', { host: 'lab' });
    typeAll(room, one, [...SLOW, '{:ok, _} = GenServer.start(Slow, 7, name: :slow)']);
    typeAll(room, two, ['Node.connect :"one@lab"']);
    const timedOut = typeAll(room, two, ['GenServer.call({:slow, :"one@lab"}, {:slow, 300}, 50)']);
    expect(timedOut).toContain('** (EXIT) time out');
    room.advance(500);
    expect(last(typeAll(room, two, ['Process.info(self(), :message_queue_len)']))).toBe('{:message_queue_len, 0}');
    expect(last(typeAll(room, two, ['GenServer.call({:slow, :"one@lab"}, :get)']))).toBe('7');
  });

  it("a send to another tab's alias arrives while it is active", () => {
    const room = new Classroom();
    const one = room.open('one', { host: 'lab' });
    const two = room.open('two', { host: 'lab' });
    typeAll(room, one, ['a = :erlang.alias()']);
    typeAll(room, two, ['Node.connect :"one@lab"']);
    typeAll(room, one, [':rpc.call(:"two@lab", :erlang, :send, [a, :hello])', 'Process.sleep(10)']);
    expect(typeAll(room, one, ['flush()'])).toContain(':hello');
    typeAll(room, one, [':erlang.unalias(a)', ':rpc.call(:"two@lab", :erlang, :send, [a, :again])', 'Process.sleep(10)']);
    expect(typeAll(room, one, ['flush()'])).not.toContain(':again');
  });
});
