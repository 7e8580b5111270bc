// Bitstrings and regexes cross nodes as terms (issue 12 §1): a bitstring travels as ETF's
// BIT_BINARY_EXT and arrives equal, a %Regex{} arrives as the struct and matches on the other
// tab (recompiled from its source there). Typed into two classroom tabs over the distribution.
import { describe, expect, it } from 'vitest';
import { Classroom, type Tab } from './classroom.ts';

function typeAll(room: Classroom, tab: Tab, lines: string[]): string {
  tab.take();
  for (const l of lines) room.type(tab, l);
  return tab.take();
}

describe('bitstrings and regexes across tabs', () => {
  it('a bitstring and a regex sent to another tab arrive whole and work there', () => {
    const room = new Classroom();
    const a = room.open('a');
    const b = room.open('b');
    typeAll(room, a, ['Node.connect :"b@vm"']);
    typeAll(room, b, ['Process.register(self(), :shell)']);
    typeAll(room, a, ['send({:shell, :"b@vm"}, {<<255, 1::1>>, ~r/l+/i})']);
    const got = typeAll(room, b, ['{bits, re} = receive do m -> m end', 'bit_size(bits)', 'bits == <<255, 1::1>>', 'Regex.run(re, "heLLo")']);
    expect(got).toContain('{<<255, 1::size(1)>>, ~r/l+/i}');
    expect(got).toContain('\n9\n');
    expect(got).toContain('\ntrue\n');
    expect(got).toContain('["LL"]');
  });
});
