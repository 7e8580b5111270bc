import { describe, expect, it } from 'vitest';
import { startProblem } from './start-problem.ts';

describe('the start panel says what is wrong with a name', () => {
  it('nothing for a valid name or an empty field', () => {
    expect(startProblem('one', null)).toBeNull();
    expect(startProblem('node_2-b', null)).toBeNull();
    expect(startProblem('', null)).toBeNull();
  });
  it('a taken name, while the field still holds it', () => {
    expect(startProblem('one', 'one@lab')).toEqual({ kind: 'refused', text: expect.stringContaining('The name one@lab is already taken by another node') as string });
    expect(startProblem('two', 'one@lab')).toBeNull();
  });
  it('the characters --sname would refuse', () => {
    expect(startProblem('my node!', null)?.text).toBe('A short name can only have letters, digits, _ and -, so it cannot contain a space, “!”.');
    expect(startProblem('one@lab', null)?.text).toContain('Give the short name only');
  });
});
