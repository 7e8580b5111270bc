/**
 * A node's built-ins come from how it was assembled, never from another node of the same
 * process. Expected texts from real iex 1.14: on a node that is not alive, `Node.connect/1` is
 * `:ignored` and `Node.alive?/0` false; a module a node does not have is UndefinedFunctionError.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import { createElixirNode } from '../core/elixir-node.ts';
import { standardModules } from '../core/lang/standard-modules.ts';
import { createElixirShell } from '../core/shell/elixir-shell.ts';
import { iexHelpersModule } from '../core/shell/helpers.ts';
import { startTypingSession } from './transcript.ts';
import { Classroom } from './classroom.ts';

/** A shell on a node assembled without distribution's modules. */
function bareSession(lines: string[]): string {
  let out = '';
  const write = (t: string) => (out += t);
  const elixir = createElixirNode({ clock: new SimulatedClock(), random: new SeededRandom(1), stdout: write, modules: [...standardModules, iexHelpersModule] });
  const shell = createElixirShell(elixir, { write, echo: true });
  elixir.node.runUntilIdle();
  for (const l of lines) {
    shell.input(l);
    elixir.node.runUntilIdle();
  }
  return out;
}

describe('nodes assembled with different modules', () => {
  it('a playground node (distribution modules, not alive) answers as iex does; a node without them has no Node.connect', () => {
    const playground = startTypingSession();
    for (const l of ['Node.connect(:a@b)', 'Node.alive?()', ':global.whereis_name(:x)']) playground.type(l);
    expect(playground.output()).toBe(
      'iex(1)> Node.connect(:a@b)\n:ignored\niex(2)> Node.alive?()\nfalse\niex(3)> :global.whereis_name(:x)\n:undefined\n',
    );

    // Made in the same process after the playground node: nothing of it leaked here.
    const bare = bareSession(['Node.connect(:a@b)', ':global.whereis_name(:x)']);
    // Node itself is there (Node.self/0, as on any node), but not the functions distribution brings.
    expect(bare).toContain('** (UndefinedFunctionError) function Node.connect/1 is undefined or private\n');
    expect(bare).toContain('** (UndefinedFunctionError) function :global.whereis_name/1 is undefined (module :global is not available)\n');
  });

  it("a node's runtime numbers other nodes' pids as its language does (given when the node is made)", () => {
    const room = new Classroom();
    const one = room.open('one');
    const two = room.open('two');
    room.type(one, 'Node.connect(:"two@vm")');
    one.take();
    // A crash of a process spawned there is reported here, where its group leader is, with the
    // remote pid numbered by this node (as real iex: `Process #PID<13030.113.0> on node :two@vm`).
    room.type(one, 'Node.spawn(:"two@vm", fn -> raise "boom" end)');
    room.advance(100);
    expect(one.take()).toMatch(/\[error\] Process #PID<[1-9]\d*\.\d+\.\d+> on node :two@vm raised an exception/);
    // Where it ran, it is a local process.
    expect(two.take()).toMatch(/\[error\] Process #PID<0\.\d+\.\d+> on node :two@vm raised an exception/);
  });
});

