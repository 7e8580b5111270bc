// The classroom scenarios of the nodes chapter, over the memory transport: what each tab
// prints must be what real iex printed (the expected transcripts below were taken from real iex),
// with PID numbers and timestamps masked (golden.ts).
import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from './classroom.ts';
import { normalize } from './golden.ts';
import { TICKER } from './ticker-source.ts';

function typeAll(room: Classroom, tab: Tab, lines: string[]): string {
  tab.take();
  for (const l of lines) room.type(tab, l);
  return tab.take();
}

const same = (actual: string, expected: string) => expect(normalize(actual)).toBe(normalize(expected));

describe('scenario 01: naming and connecting', () => {
  it('connects two tabs and both list each other', () => {
    const room = new Classroom();
    const one = room.open('one');
    const two = room.open('two');
    same(
      typeAll(room, one, ['Node.self', 'Node.list', 'Node.connect :"two@vm"', 'Node.list']),
      'iex(one@vm)1> Node.self\n:one@vm\niex(one@vm)2> Node.list\n[]\niex(one@vm)3> Node.connect :"two@vm"\ntrue\niex(one@vm)4> Node.list\n[:two@vm]\n',
    );
    same(typeAll(room, two, ['Node.list']), 'iex(two@vm)1> Node.list\n[:one@vm]\n');
    same(
      typeAll(room, one, ['Node.ping :"nobody@vm"', 'Node.connect :"nobody@vm"']),
      'iex(one@vm)5> Node.ping :"nobody@vm"\n:pang\niex(one@vm)6> Node.connect :"nobody@vm"\nfalse\n',
    );
  });
});

describe('scenario 02: remote spawn', () => {
  it('runs the fun on two and prints on one', () => {
    const room = new Classroom();
    const one = room.open('one');
    const two = room.open('two');
    typeAll(room, one, ['Node.connect :"two@vm"']);
    two.take();
    same(
      typeAll(room, one, ['func = fn -> IO.inspect Node.self end', 'Node.spawn :"two@vm", func']),
      'iex(one@vm)2> func = fn -> IO.inspect Node.self end\n#Function<43.3316493/0 in :erl_eval.expr/6>\n' +
        'iex(one@vm)3> Node.spawn :"two@vm", func\n#PID<12540.120.0>\n:two@vm\n',
    );
    expect(two.take()).toBe('');
  });

  it('exchanges messages with a process on the other node', () => {
    const room = new Classroom();
    const one = room.open('one');
    room.open('two');
    typeAll(room, one, ['Node.connect :"two@vm"']);
    const out = typeAll(room, one, [
      'pid = Node.spawn(:"two@vm", fn -> receive do {:ping, from} -> send(from, {:pong, self()}) end end)',
      'send pid, {:ping, self()}',
      'receive do {:pong, p} -> {:got, p, node(p)} after 1000 -> :timeout end',
    ]);
    expect(out).toMatch(/\{:got, #PID<1\.\d+\.\d+>, :two@vm\}\n$/);
    same(
      out,
      'iex(one@vm)2> pid = Node.spawn(:"two@vm", fn -> receive do {:ping, from} -> send(from, {:pong, self()}) end end)\n#PID<12540.121.0>\n' +
        'iex(one@vm)3> send pid, {:ping, self()}\n{:ping, #PID<0.114.0>}\n' +
        'iex(one@vm)4> receive do {:pong, p} -> {:got, p, node(p)} after 1000 -> :timeout end\n{:got, #PID<12540.121.0>, :two@vm}\n',
    );
  });
});

describe('scenario 03: cookies', () => {
  it('refuses a tab with another cookie, logging on the called tab only, until set_cookie', () => {
    const room = new Classroom();
    const one = room.open('one');
    const three = room.open('three', { cookie: 'oatmeal' });
    same(typeAll(room, three, ['Node.connect :"one@vm"', 'Node.list']), 'iex(three@vm)1> Node.connect :"one@vm"\nfalse\niex(three@vm)2> Node.list\n[]\n');
    same(one.take(), '\n12:37:40.760 [error] ** Connection attempt from node :three@vm rejected. Invalid challenge reply. **\n');
    same(typeAll(room, one, ['Node.get_cookie']), 'iex(one@vm)1> Node.get_cookie\n:"chocolate-chip-1"\n');
    same(
      typeAll(room, three, ['Node.set_cookie(:"one@vm", :"chocolate-chip-1")', 'Node.connect :"one@vm"']),
      'iex(three@vm)3> Node.set_cookie(:"one@vm", :"chocolate-chip-1")\ntrue\niex(three@vm)4> Node.connect :"one@vm"\ntrue\n',
    );
  });
});

describe('scenario 04: global names and I/O', () => {
  it("prints on the group leader's node", () => {
    const room = new Classroom();
    const one = room.open('one');
    const two = room.open('two');
    same(typeAll(room, two, [':global.register_name(:two, :erlang.group_leader)']), 'iex(two@vm)1> :global.register_name(:two, :erlang.group_leader)\n:yes\n');
    typeAll(room, one, ['Node.connect :"two@vm"']);
    same(
      typeAll(room, one, ['two = :global.whereis_name :two', 'IO.puts two, "hello"']),
      'iex(one@vm)2> two = :global.whereis_name :two\n#PID<12540.73.0>\niex(one@vm)3> IO.puts two, "hello"\n:ok\n',
    );
    same(two.take(), 'hello\n');
  });
});



describe('scenario 05: a ticker on one node, its clients on another', () => {
  it('ticks on one, tocks on two, every 2 seconds', () => {
    const room = new Classroom();
    const one = room.open('one');
    const two = room.open('two');
    for (const tab of [one, two]) for (const line of TICKER.split('\n')) room.type(tab, line);
    typeAll(room, two, ['Node.connect :"one@vm"']);
    one.take();
    two.take();

    const started = typeAll(room, one, ['Ticker.start']);
    expect(started).toMatch(/^iex\(one@vm\)\d+> Ticker.start\n:yes\n/);
    const client = typeAll(room, two, ['Client.start']);
    expect(client).toMatch(/^iex\(two@vm\)\d+> Client.start\n\{:register, #PID<0\.\d+\.\d+>\}\n/);
    expect(one.take()).toMatch(/registering #PID<[1-9]\d*\.\d+\.\d+>\n/);

    room.advance(4100);
    const ticks = one.take();
    const tocks = two.take();
    expect(ticks.match(/^tick$/gm)?.length).toBe(2);
    expect(ticks).not.toContain('tock');
    expect(tocks.match(/^tock in client$/gm)?.length).toBe(2);
    expect(tocks).not.toContain('tick\n');
  });
});
