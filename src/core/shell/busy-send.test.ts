// BEAM's busy_dist_port as Elixir code meets it: a process (or the shell) that sends on a busy
// connection stops right after that send (the VM ends its run at its next call) and is not
// scheduled until the connection drains. The router here stands in for the distribution layer.
import { describe, expect, it } from 'vitest';
import { SeededRandom, SimulatedClock } from '../ports.ts';
import { atom } from '../term/types.ts';
import type { Term } from '../term/types.ts';
import type { Busy, RemoteRouter } from '../runtime/remote.ts';
import { createElixirNode } from '../elixir-node.ts';
import { standardModules } from '../lang/standard-modules.ts';
import { iexHelpersModule } from './helpers.ts';
import { createElixirShell } from './elixir-shell.ts';

const TWO = atom('two@x');

function setup() {
  const clock = new SimulatedClock();
  let out = '';
  const write = (t: string) => void (out += t);
  const elixir = createElixirNode({ clock, random: new SeededRandom(1), stdout: write, name: 'one@x', creation: 1, modules: [...standardModules, iexHelpersModule] });
  const got: Term[] = [];
  /** The connection is busy from this many queued messages on (Infinity: never). */
  const state = { busyFrom: Infinity };
  const busy = (): Busy => (got.length >= state.busyFrom ? 'busy' : undefined);
  const router: RemoteRouter = {
    send: (_f, _to, m) => (got.push(m), busy()),
    sendNamed: (_f, _node, _name, m) => (got.push(m), busy()),
    link() {}, unlink() {}, exit() {}, monitor() {}, demonitor() {}, monitorDown() {},
  };
  elixir.node.setRemoteRouter(router);
  const shell = createElixirShell(elixir, { write, echo: true });
  const type = (line: string) => {
    shell.input(line);
    elixir.node.runUntilIdle();
  };
  elixir.node.runUntilIdle();
  return { node: elixir.node, got, state, type, output: () => out };
}

describe('a send on a busy connection suspends the sender', () => {
  it('a spawned process stops right after the busy send, waits through messages, and resumes on drained', () => {
    const s = setup();
    s.state.busyFrom = 10;
    s.type('pid = spawn(fn -> Enum.each(1..1000, fn i -> send({:sink, :"two@x"}, i) end) end)');
    expect(s.got.length).toBe(10);
    s.type('Process.info(pid, :status)');
    expect(s.output()).toContain('{:status, :suspended}');
    s.type('send(pid, :wake_up)');
    expect(s.got.length).toBe(10);
    // Drained below the limit: it runs until the next busy send, then again once drained for good.
    s.state.busyFrom = 20;
    s.node.remote.drained(TWO);
    s.node.runUntilIdle();
    expect(s.got.length).toBe(20);
    s.state.busyFrom = Infinity;
    s.node.remote.drained(TWO);
    s.node.runUntilIdle();
    expect(s.got).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it('the shell evaluating a flood is suspended too, and finishes once the connection drains', () => {
    const s = setup();
    s.state.busyFrom = 5;
    s.type('for i <- 1..300, do: send({:sink, :"two@x"}, i)');
    expect(s.got.length).toBe(5);
    expect(s.output()).not.toContain('[1, 2, 3');
    s.state.busyFrom = Infinity;
    s.node.remote.nodeDown(TWO); // a connection that goes away also lets its senders go
    s.node.runUntilIdle();
    expect(s.got.length).toBe(300);
    expect(s.output()).toContain('\n[1, 2, 3, 4, 5, 6,');
  });
});
