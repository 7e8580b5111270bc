import { describe, expect, it } from 'vitest';
import { atom } from '../core/term/types.ts';
import { NodeTable } from './node-table.ts';

describe('node table', () => {
  it('gives itself 0 and others 1, 2, 3 in meeting order, stable afterwards', () => {
    const t = new NodeTable(atom('me@x'));
    expect(t.nodeNumber(atom('me@x'))).toBe(0);
    expect(t.meet(atom('b@x'))).toBe(1);
    expect(t.nodeNumber(atom('a@x'))).toBe(2);
    expect(t.meet(atom('b@x'))).toBe(1);
    expect(t.lookup(atom('c@x'))).toBe(undefined);
    expect(t.known()).toEqual([atom('b@x'), atom('a@x')]);
  });
});
