// iex's pid/1,3 naming another node's process by the number this node gives that node (the N of
// #PID<N.103.0>), as BEAM's list_to_pid does; an unknown number is refused in list_to_pid's
// words (real iex 1.14: `pid("99.1.0")`).
import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from './classroom.ts';

function typeAll(room: Classroom, tab: Tab, lines: string[]): string {
  tab.take();
  for (const l of lines) room.type(tab, l);
  return tab.take();
}

describe('pid/1,3 with a connected node number', () => {
  it('names the remote process: equal to the real pid, and Process.exit(..., :kill) kills it there', () => {
    const room = new Classroom();
    const one = room.open('one');
    const two = room.open('two');
    typeAll(room, one, ['Node.connect :"two@vm"']);
    typeAll(room, two, ['p = spawn(fn -> receive do after 600000 -> :ok end end)', ':global.register_name(:sleeper, p)']);
    const printed = typeAll(room, one, ['p = :global.whereis_name(:sleeper)']);
    const m = /#PID<(\d+)\.(\d+)\.(\d+)>/.exec(printed);
    expect(m).not.toBeNull();
    const [n, id, serial] = (m as RegExpExecArray).slice(1);
    expect(n).toBe(String(one.node.nodeNumber(two.node.node.name)));
    expect(n).not.toBe('0');
    const text = `${n}.${id}.${serial}`;
    expect(typeAll(room, one, [`pid("${text}") == p`, `pid(${n}, ${id}, ${serial}) == p`, `node(pid("${text}"))`])).toContain('true\n');
    expect(one.output()).toMatch(/pid\(\d+, \d+, \d+\) == p\ntrue\n/);
    expect(one.output()).toContain(`node(pid("${text}"))\n:two@vm\n`);
    typeAll(room, one, [`Process.exit(pid("${text}"), :kill)`]);
    room.settle();
    expect(typeAll(room, two, ['Process.alive?(p)'])).toContain('Process.alive?(p)\nfalse\n');
  });

  it('an unknown node number raises as list_to_pid does', () => {
    const room = new Classroom();
    const one = room.open('one');
    expect(typeAll(room, one, ['pid("99.1.0")'])).toContain(
      '** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of a pid\n\n    :erlang.list_to_pid(\'<99.1.0>\')\n',
    );
    expect(typeAll(room, one, ['pid(99, 1, 0)'])).toContain(":erlang.list_to_pid('<99.1.0>')\n");
  });
});
