import { describe, expect, it } from 'vitest';
import { Pid, atom } from '../../core/term/types.ts';
import { inspect } from '../../core/term/inspect.ts';
import { NameTable, type NameChange } from './name-table.ts';

const a = new Pid(atom('one@lab'), 110, 0, 1);
const b = new Pid(atom('two@lab'), 120, 0, 1);
const show = (c: NameChange) => `${c.kind} ${inspect(c.name)} ${c.pid.id}`;

describe('NameTable.watch: the replica tells each change as it makes it (what the recording notes)', () => {
  it('tells a register, a replacement (the old holder first), a removal and a dead pid losing every name; a repeat tells nothing', () => {
    const t = new NameTable();
    const seen: string[] = [];
    const off = t.watch((c) => seen.push(show(c)));
    t.insert(atom('ticker'), a);
    t.insert(atom('ticker'), a); // the same holder again: no change
    t.insert(atom('ticker'), b);
    t.insert(atom('other'), b);
    t.remove(atom('ticker'));
    t.remove(atom('nobody')); // not there: no change
    t.insert(atom('x'), a);
    t.insert(atom('y'), a);
    t.removePid(a);
    expect(seen).toEqual([
      'register :ticker 110',
      'unregister :ticker 110',
      'register :ticker 120',
      'register :other 120',
      'unregister :ticker 120',
      'register :x 110',
      'register :y 110',
      'unregister :x 110',
      'unregister :y 110',
    ]);
    off();
    t.insert(atom('z'), b);
    expect(seen).toHaveLength(9);
  });
});
