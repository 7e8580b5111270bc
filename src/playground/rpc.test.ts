/**
 * :rpc/:erpc/spawn_request across classroom tabs beyond the golden sessions: :net_adm.names
 * lists the name server's nodes, and hostile requests from a peer (garbage for erpc's
 * execute_call, a spawn of a missing module, malformed rex requests) get OTP's answers while
 * the serving node keeps answering.
 */
import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from './classroom.ts';

function typeAll(room: Classroom, tab: Tab, lines: string[]): string {
  tab.take();
  for (const l of lines) room.type(tab, l);
  return tab.take();
}

/** The value printed for one typed line. */
function value(room: Classroom, tab: Tab, line: string): string {
  const out = typeAll(room, tab, [line]);
  return out.slice(out.indexOf('\n') + 1).replace(/\niex\([^)]*\)\d+> $/, '').trim();
}

/** Is `reason` an undef crash (BEAM's `{:undef, stack}`, or our VM's struct form)? */
const UNDEF = 'case reason do {:undef, _} -> true; {%{__struct__: UndefinedFunctionError}, _} -> true; _ -> reason end';

describe(':net_adm', () => {
  it('names/0 lists the nodes the name server knows on this host, as EPMD does', () => {
    const room = new Classroom();
    const one = room.open('one');
    room.open('two');
    room.open('three', { host: 'elsewhere' });
    expect(value(room, one, ':net_adm.names()')).toBe("{:ok, [{'one', 0}, {'two', 0}]}");
    expect(value(room, one, ':net_adm.names(:elsewhere)')).toBe("{:ok, [{'three', 0}]}");
    expect(value(room, one, ':net_adm.names(\'nowhere\')')).toBe('{:ok, []}');
    expect(value(room, one, ':net_adm.localhost()')).toBe("'vm'");
    expect(value(room, one, ':net_adm.ping(:two@vm)')).toBe(':pong');
  });
});

describe('hostile requests from a peer', () => {
  it("erpc's execute_call with garbage answers in its exit reason; the node keeps serving", () => {
    const room = new Classroom();
    const one = room.open('one');
    const two = room.open('two');
    typeAll(room, one, ['req = :erlang.spawn_request(:two@vm, :erpc, :execute_call, [:not_a_ref, "m", 1, :x], [:monitor])']);
    expect(value(room, one, 'receive do {:DOWN, ^req, :process, _, {:not_a_ref, :error, reason, _}} -> reason after 1000 -> :none end')).toBe(':badarg');
    typeAll(room, one, ['req = :erlang.spawn_request(:two@vm, :erpc, :execute_call, [1, 2], [:monitor])']);
    // (BEAM's reason is {:undef, stack}; our VM's crash reason carries the exception struct.)
    expect(value(room, one, `receive do {:DOWN, ^req, :process, _, reason} -> ${UNDEF} after 1000 -> :none end`)).toBe('true');
    expect(value(room, one, ':rpc.call(:two@vm, Kernel, :node, [])')).toBe(':two@vm');
    expect(two.node.node.registered().map((n) => n.name)).toContain('rex');
  });

  it('malformed rex requests get rpc\'s answers or are ignored, and rex stays up', () => {
    const room = new Classroom();
    const one = room.open('one');
    room.open('two');
    typeAll(room, one, ['Node.connect(:two@vm)']);
    expect(value(room, one, 'send({:rex, :two@vm}, {:"$gen_call", {self(), :t}, {:call, 1, 2, 3, 4}}); receive do {:t, {:badrpc, {:EXIT, {r, _}}}} -> r after 1000 -> :none end')).toBe(':badarg');
    typeAll(room, one, [
      'send({:rex, :two@vm}, :garbage)',
      'send({:rex, :two@vm}, {:"$gen_call", self(), :no_tag})',
      'send({:rex, :two@vm}, {:"$gen_cast", {:cast, :erlang, :halt, :not_a_list, nil}})',
      'send({:rex, :two@vm}, {self(), {:send, "not an atom", :x}})',
    ]);
    expect(value(room, one, ':rpc.call(:two@vm, Process, :whereis, [:rex]) |> is_pid()')).toBe('true');
    expect(value(room, one, ':erpc.call(:two@vm, fn -> node() end)')).toBe(':two@vm');
  });

  it('a spawn_request of a function that does not exist dies there with undef; the caller gets the DOWN and the node serves on', () => {
    const room = new Classroom();
    const one = room.open('one');
    room.open('two');
    typeAll(room, one, ['req = :erlang.spawn_request(:two@vm, Nope, :f, [], [:monitor, {:reply, :error_only}])']);
    expect(value(room, one, `receive do {:DOWN, ^req, :process, _, reason} -> ${UNDEF} after 1000 -> :none end`)).toBe('true');
    expect(value(room, one, ':rpc.call(:two@vm, Kernel, :node, [])')).toBe(':two@vm');
  });
});

describe('a hostile regex from a peer', () => {
  it('a catastrophic pattern run by a peer answers nil (PCRE at its match limit) and the serving node keeps running its other processes', () => {
    const room = new Classroom();
    const one = room.open('one');
    room.open('two');
    typeAll(room, one, ['me = self()', 'Node.connect(:two@vm)']);
    // A peer's process on two spawns the match there, then a small job; the job still answers
    // first, because the match traps between its steps instead of holding two's scheduler.
    typeAll(room, one, [
      'Node.spawn(:two@vm, fn -> spawn(fn -> send(me, {:regex, Regex.run(~r/(a+)+$/, String.duplicate("a", 40) <> "b")}) end); spawn(fn -> send(me, {:job, Enum.sum(Enum.to_list(1..3000))}) end) end); :sent',
    ]);
    expect(value(room, one, 'receive do m -> m after 60_000 -> :none end')).toBe('{:job, 4501500}');
    expect(value(room, one, 'receive do m -> m after 60_000 -> :none end')).toBe('{:regex, nil}');
    // Through :rpc, the same answer, and rex serves on.
    expect(value(room, one, ':rpc.call(:two@vm, Regex, :run, [~r/c|(a+)+$/, String.duplicate("a", 40) <> "bc"])')).toBe('nil');
    expect(value(room, one, ':rpc.call(:two@vm, Regex, :run, [~r/(a+)+$/, "aaa"])')).toBe('["aaa", "aaa"]');
  });
});

describe(':erpc requests at scale and against a peer that goes away', () => {
  it('a collection of 2,000 requests to a tab that closes answers noconnection for each, and leaves the mailbox empty', () => {
    const room = new Classroom();
    const one = room.open('one');
    const two = room.open('two');
    typeAll(room, one, ['Node.connect(:two@vm)']);
    typeAll(room, one, ['reqs = Enum.reduce(1..2000, :erpc.reqids_new(), fn i, c -> :erpc.send_request(:two@vm, :timer, :sleep, [60_000], i, c) end); :erpc.reqids_size(reqs)']);
    room.close(two);
    room.advance(100);
    const drained = [
      'count = fn f, c, n -> try do',
      '  case :erpc.receive_response(c, 0, true) do',
      '    :no_request -> {:done, n}',
      '    {_, _, c2} -> f.(f, c2, n + 1)',
      '  end',
      'catch :error, {{:erpc, :noconnection}, _label, c2} -> f.(f, c2, n + 1) end end',
      'count.(count, reqs, 0)',
    ];
    expect(value(room, one, drained.join('\n')).split('\n').at(-1)).toBe('{:done, 2000}');
    expect(value(room, one, 'Process.info(self(), :message_queue_len)')).toBe('{:message_queue_len, 0}');
  });

  it('a timeout on a collection abandons every request: no answer arrives later', () => {
    const room = new Classroom();
    const one = room.open('one');
    room.open('two');
    typeAll(room, one, ['Node.connect(:two@vm)']);
    typeAll(room, one, ['reqs = Enum.reduce(1..50, :erpc.reqids_new(), fn i, c -> :erpc.send_request(:two@vm, :timer, :sleep, [30_000], i, c) end); :ok']);
    expect(value(room, one, 'try do :erpc.receive_response(reqs, 10, true) catch :error, e -> e end')).toBe('{:erpc, :timeout}');
    room.advance(40_000);
    expect(value(room, one, 'Process.info(self(), :message_queue_len)')).toBe('{:message_queue_len, 0}');
  });
});
