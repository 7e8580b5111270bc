import { describe, expect, it } from 'vitest';
import { atom, type Pid } from '../core/term/types.ts';
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import { MemoryNetwork } from '../distribution/transports/memory.ts';
import { Classroom, type Tab } from './classroom.ts';
import { conditionedTransport } from '../distribution/middleware/network-controls.ts';
import { driveConditioner } from '../host/drive-conditioner.ts';

/** Types `line` and returns what the tab printed for it (echo and prompt removed). */
function run(room: Classroom, tab: Tab, line: string): string {
  tab.take();
  room.type(tab, line);
  return tab.take().replace(/^iex\([^)]*\)\d+> [^\n]*\n/u, '');
}

function connected(...names: string[]): { room: Classroom; tabs: Tab[] } {
  const room = new Classroom();
  const tabs = names.map((n) => room.open(n));
  for (const t of tabs.slice(1)) expect(run(room, tabs[0] as Tab, `Node.connect :${t.name}`)).toBe('true\n');
  return { room, tabs };
}

describe('classroom controls on real delivery', () => {
  it('cut: the tick timeout is logged on both sides, then nodedown and :noconnection on both', () => {
    const { room, tabs: [one, two] } = connected('one', 'two') as { room: Classroom; tabs: [Tab, Tab] };
    for (const [tab, peer] of [[one, two], [two, one]] as const) {
      run(room, tab, 'Process.flag(:trap_exit, true)');
      run(room, tab, `Node.monitor(:${peer.name}, true)`);
      run(room, tab, `Node.spawn_link(:${peer.name}, fn -> receive do _ -> :ok end end)`);
    }
    one.conditioner.cut('two@vm');
    room.advance(60_000);
    expect(one.take()).toBe(''); // nothing yet: the tick timeout has not passed
    room.advance(100_000);
    expect(one.take()).toContain('[error] ** Node :two@vm not responding **\n** Removing (timedout) connection **\n');
    expect(two.take()).toContain('[error] ** Node :one@vm not responding **\n** Removing (timedout) connection **\n');
    // (The order of the two messages is the distribution's business: both must be there.)
    for (const [tab, peer] of [[one, two], [two, one]] as const) {
      const flushed = run(room, tab, 'flush()').split('\n');
      expect(flushed).toContain(`{:nodedown, :${peer.name}}`);
      expect(flushed.some((l) => /^\{:EXIT, #PID<[1-9]\d*\.\d+\.0>, :noconnection\}$/u.test(l))).toBe(true);
    }
    expect(run(room, one, 'Node.list')).toBe('[]\n');

    // While cut, a connect fails (the handshake cannot pass); healed, it works again.
    expect(run(room, one, 'Node.connect :two@vm')).toBe('false\n');
    one.conditioner.heal('two@vm');
    expect(run(room, one, 'Node.connect :two@vm')).toBe('true\n');
    expect(run(room, one, 'Node.list')).toBe('[:two@vm]\n');
  });

  it('disconnect: the link closes now, nodedown on both sides at once', () => {
    const { room, tabs: [one, two] } = connected('one', 'two') as { room: Classroom; tabs: [Tab, Tab] };
    run(room, one, 'Node.monitor(:two@vm, true)');
    run(room, two, 'Node.monitor(:one@vm, true)');
    one.conditioner.disconnect('two@vm');
    room.settle();
    expect(run(room, one, 'flush()')).toBe('{:nodedown, :two@vm}\n:ok\n');
    expect(run(room, two, 'flush()')).toBe('{:nodedown, :one@vm}\n:ok\n');
  });

  it('delay: a message sent direct to a slow link is overtaken by one relayed through a third node', () => {
    const { room, tabs: [one, two, three] } = connected('one', 'two', 'three') as { room: Classroom; tabs: [Tab, Tab, Tab] };
    run(room, three, 'Process.register(self(), :sink)');
    run(room, two, 'relay = spawn(fn -> receive do m -> send({:sink, :three@vm}, m) end end)');
    run(room, two, 'Process.register(relay, :relay)');
    one.conditioner.delay('three@vm', 1000);
    expect(one.conditioner.get('three@vm').delayMs).toBe(1000);
    run(room, one, 'send({:sink, :three@vm}, :direct); send({:relay, :two@vm}, :via_two)');
    room.advance(2000);
    expect(run(room, three, 'flush()')).toBe(':via_two\n:direct\n:ok\n');
  });

  it('message speed: the class\'s messages wait, local and remote, on links made afterwards too; ticks and the tool do not', () => {
    const room = new Classroom();
    const one = room.open('one');
    const two = room.open('two');
    one.conditioner.slowNetwork(1500);
    expect(run(room, one, 'Node.connect :two@vm')).toBe('true\n');
    expect(one.conditioner.slowNetworkMs).toBe(1500);
    // The fault delay of the link is another control: it stays as it was.
    expect(one.conditioner.get('two@vm').delayMs).toBe(0);
    run(room, two, 'Process.register(self(), :sink)');
    one.shell.input('send({:sink, :two@vm}, :slow)');
    room.advance(1400);
    expect(run(room, two, 'flush()')).toBe(':ok\n');
    room.advance(600);
    expect(run(room, two, 'flush()')).toBe(':slow\n:ok\n');
    // A local message waits as long: `got` is printed only after it landed.
    one.take();
    one.shell.input('pid = spawn(fn -> receive do m -> IO.puts("got #{inspect m}") end end); send(pid, :hello)');
    room.advance(1400);
    expect(one.take()).not.toContain('got :hello');
    room.advance(5000);
    expect(one.take()).toContain('got :hello');
    // Ticks pass at once: a long quiet spell at the slowest speed keeps the link up.
    room.advance(200_000);
    expect(run(room, one, 'Node.list')).toBe('[:two@vm]\n');
    // Back to the real network: no wait at all.
    one.conditioner.slowNetwork(0);
    one.shell.input('send({:sink, :two@vm}, :fast)');
    room.settle();
    expect(run(room, two, 'flush()')).toBe(':fast\n:ok\n');
  });

  it('pause/step: held messages are released one at a time, in order; resume releases the rest', () => {
    const { room, tabs: [one, two] } = connected('one', 'two') as { room: Classroom; tabs: [Tab, Tab] };
    run(room, two, 'Process.register(self(), :sink)');
    one.conditioner.hold(true);
    run(room, one, 'for i <- 1..4, do: send({:sink, :two@vm}, i)');
    room.advance(1000);
    expect(one.conditioner.held()).toBe(4);
    expect(run(room, two, 'flush()')).toBe(':ok\n');
    expect(one.conditioner.releaseOne()).toBe(true);
    room.settle();
    expect(run(room, two, 'flush()')).toBe('1\n:ok\n');
    one.conditioner.releaseOne();
    room.settle();
    expect(run(room, two, 'flush()')).toBe('2\n:ok\n');
    // Ticks still pass while holding: a long pause does not end in a tick timeout.
    room.advance(200_000);
    expect(run(room, one, 'Node.list')).toBe('[:two@vm]\n');
    one.conditioner.hold(false);
    room.settle();
    expect(run(room, two, 'flush()')).toBe('3\n4\n:ok\n');
  });

  it('a flood on a paused link is held back at the sender: the pause holds about 1 MiB, not the flood, and resume delivers it all in order', () => {
    const { room, tabs: [one, two] } = connected('one', 'two') as { room: Classroom; tabs: [Tab, Tab] };
    run(room, two, 'Process.register(self(), :sink)');
    one.conditioner.hold(true);
    const n = 20_000;
    run(room, one, `spawn(fn -> for i <- 1..${n}, do: send({:sink, :two@vm}, {i, String.duplicate("x", 100)}) end)`);
    room.advance(1000);
    // The flood is about 3 MB: 20,000 packets of about 150 bytes, batched into transport
    // messages of whole packets, which the pause holds one packet at a time. Past 1 MiB held
    // (about 7,000 packets) the link is not writable and the rest waits in the sender's connection.
    const held = one.conditioner.held();
    expect(held).toBeGreaterThan(6000);
    expect(held).toBeLessThan(8000);
    expect(run(room, two, 'Process.info(self(), :message_queue_len)')).toBe('{:message_queue_len, 0}\n');
    one.conditioner.hold(false);
    room.advance(1000);
    expect(run(room, two, 'Process.info(self(), :message_queue_len)')).toBe(`{:message_queue_len, ${n}}\n`);
    const inOrder = `Enum.all?(1..${n}, fn i -> receive do {^i, _} -> true after 0 -> false end end)`;
    expect(run(room, two, inOrder)).toBe('true\n');
  });

  it('a flood held by a pause longer than the tick timeout keeps the link up (ticks pass the held data), and resume delivers it all in order', () => {
    const { room, tabs: [one, two] } = connected('one', 'two') as { room: Classroom; tabs: [Tab, Tab] };
    run(room, two, 'Process.register(self(), :sink)');
    run(room, one, 'Node.monitor(:two@vm, true)');
    run(room, two, 'Node.monitor(:one@vm, true)');
    one.conditioner.hold(true);
    const n = 20_000;
    run(room, one, `spawn(fn -> for i <- 1..${n}, do: send({:sink, :two@vm}, {i, String.duplicate("x", 100)}) end)`);
    // Past 1 MiB held the link is not writable: the flood waits at the sender for 5 minutes.
    for (let s = 0; s < 300; s++) room.advance(1000);
    expect(run(room, two, 'Process.info(self(), :message_queue_len)')).toBe('{:message_queue_len, 0}\n');
    expect([run(room, one, 'Node.list'), run(room, two, 'Node.list')]).toEqual(['[:two@vm]\n', '[:one@vm]\n']);
    one.conditioner.hold(false);
    room.advance(1000);
    expect(run(room, two, 'Process.info(self(), :message_queue_len)')).toBe(`{:message_queue_len, ${n}}\n`);
    const inOrder = `Enum.all?(1..${n}, fn i -> receive do {^i, _} -> true after 0 -> false end end)`;
    expect(run(room, two, inOrder)).toBe('true\n');
    expect(run(room, two, 'flush()')).toBe(':ok\n');
    expect(run(room, one, 'flush()')).toBe(':ok\n');
  });

  it('drop rate 1: nothing passes (the stream breaks and the connection closes, as on a corrupted link)', () => {
    const { room, tabs: [one, two] } = connected('one', 'two') as { room: Classroom; tabs: [Tab, Tab] };
    run(room, two, 'Process.register(self(), :sink)');
    one.conditioner.dropRate('two@vm', 1);
    run(room, one, 'send({:sink, :two@vm}, :lost)');
    room.advance(1000);
    expect(run(room, two, 'flush()')).toBe(':ok\n');
    expect(one.conditioner.stats.dropped).toBeGreaterThan(0);
  });

  it('kill from the canvas: a process killed on another node takes its linked shell with it, as iex prints', () => {
    const { room, tabs: [one, two] } = connected('one', 'two') as { room: Classroom; tabs: [Tab, Tab] };
    run(room, two, 'pid = spawn_link(fn -> receive do _ -> :ok end end)');
    run(room, two, 'Process.register(pid, :victim)');
    const victim = two.node.node.whereis(atom('victim'));
    expect(victim).toBeDefined();
    // The inspector's Kill on tab one: Process.exit(pid, :kill) from outside any process.
    one.node.node.exit(victim as Pid, atom('kill'));
    room.settle();
    expect(two.take()).toMatch(/^\*\* \(EXIT from #PID<0\.\d+\.0>\) shell process exited with reason: killed\n/u);
  });

  it('close a node (asked through its tracer): the others see nodedown', () => {
    const { room, tabs: [one] } = connected('one', 'two') as { room: Classroom; tabs: [Tab, Tab] };
    run(room, one, 'Node.monitor(:two@vm, true)');
    run(room, one, 'send({:playground_tracer, :two@vm}, {:close_node, self()})');
    room.settle();
    expect(room.tabs.map((t) => t.name)).toEqual(['one@vm']);
    expect(run(room, one, 'flush()')).toBe('{:nodedown, :two@vm}\n:ok\n');
  });
});

describe('driveConditioner', () => {
  it('arms one host timer for the earliest delayed message and delivers on time', () => {
    const clock = new SimulatedClock();
    const net = new MemoryNetwork();
    const a = conditionedTransport(net.transport(), clock, new SeededRandom(1));
    const timers: { run: () => void; at: number }[] = [];
    const stop = driveConditioner(a.conditioner, clock, {
      postTask: (run) => run(),
      setTimer: (run, ms) => timers.push({ run, at: clock.now() + ms }),
      clearTimer: () => {},
    });
    const got: string[] = [];
    net.transport().listen('b', (link) => link.onMessage((m) => got.push(new TextDecoder().decode(m))));
    a.transport.listen('a', () => {});
    a.conditioner.delay('b', 500);
    a.transport.connect('b', (r) => r.ok && r.link.send(new TextEncoder().encode('late')));
    net.flush();
    net.flush();
    expect(timers.map((t) => t.at)).toEqual([500]);
    clock.set(500);
    timers[0]?.run();
    net.flush();
    expect(got).toEqual(['late']);
    stop();
  });
});
