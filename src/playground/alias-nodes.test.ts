// Process aliases across classroom tabs: GenServer.call's reply goes to the caller's alias
// (OTP 25's gen), so a reply that comes after the call timed out is dropped on arrival, as
// real iex shows (golden 36: `flush()` prints nothing); and a plain `send` to another tab's
// alias arrives until it is unaliased.
import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from './classroom.ts';

function typeAll(room: Classroom, tab: Tab, lines: readonly string[]): string {
  tab.take();
  for (const l of lines) room.type(tab, l);
  return tab.take();
}

function last(out: string): string {
  const lines = out.trimEnd().split('\n');
  return lines[lines.length - 1] as string;
}

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
