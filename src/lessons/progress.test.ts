import { describe, expect, it } from 'vitest';
import { parseLesson, type Lesson } from './format.ts';
import { TabProgress } from './progress.ts';

const LESSON = `# L
## Connect
\`\`\`iex one
Node.connect :"two@{host}"
\`\`\`
\`\`\`output
true
\`\`\`
\`\`\`hint
Is two open?
\`\`\`
## Two logs something
\`\`\`output two
[error] refused
\`\`\`
## List
\`\`\`iex one
Node.list
\`\`\`
\`\`\`output
[:two@{host}]
\`\`\`
## Ticks on one
\`\`\`output one
tick
\`\`\`
`;
const lesson = (): Lesson => {
  const r = parseLesson(LESSON);
  if ('error' in r) throw new Error(r.error);
  return r.ok;
};
const state = (p: TabProgress) => Object.fromEntries([...p.statuses()].map(([i, s]) => [i, s.checked ? '✓' : s.wrong ? 'hint' : '-']));

describe('a tab checks its own steps from its shell output', () => {
  it('in order, each from output after an input typed here; a wrong answer shows the hint until it is right', () => {
    const one = new TabProgress(lesson(), 'one', 'lab');
    expect(state(one)).toEqual({ 0: '-', 2: '-', 3: '-' });
    // Output on the screen before any input does not count for a step typed here.
    one.write('true\n');
    expect(state(one)).toEqual({ 0: '-', 2: '-', 3: '-' });
    one.write('iex(one@lab)1> Node.connect :"two@lab"\nfal');
    expect(one.idle()).toBe(true);
    one.write('se\n');
    expect(state(one)).toEqual({ 0: 'hint', 2: '-', 3: '-' });
    expect(one.write('iex(one@lab)2> Node.connect :"two@lab"\ntrue\n')).toBe(true);
    expect(one.idle()).toBe(false);
    expect(state(one)).toEqual({ 0: '✓', 2: '-', 3: '-' });
    // The next step typed here waits for its own input; a tick before it does not count for step 3 yet.
    one.write('tick\niex(one@lab)3> Node.list\n[:two@lab]\ntick\n');
    expect(state(one)).toEqual({ 0: '✓', 2: '✓', 3: '✓' });
  });

  it('a step of another tab is checked there, from output that needs no input', () => {
    const two = new TabProgress(lesson(), 'two', 'lab');
    expect(state(two)).toEqual({ 1: '-' });
    two.write('12:00:00.000 [error] ');
    two.write('refused\n');
    expect(state(two)).toEqual({ 1: '✓' });
    expect(two.idle()).toBe(false);
  });

  it('keeps a bounded tail of output, whatever a process prints', () => {
    const one = new TabProgress(lesson(), 'one', 'lab');
    one.write('iex(one@lab)1> Node.connect :"two@lab"\n');
    for (let i = 0; i < 100; i++) one.write(`${'x'.repeat(10_000)}\n`);
    one.write('y'.repeat(100_000));
    one.write('\ntrue\n');
    expect(state(one)[0]).toBe('✓');
  });
});
