import { describe, expect, it } from 'vitest';
import { LESSON_LIMITS, parseLesson, type Lesson } from './format.ts';

const ok = (text: string): Lesson => {
  const r = parseLesson(text);
  if ('error' in r) throw new Error(r.error);
  return r.ok;
};
const error = (text: string): string => {
  const r = parseLesson(text);
  return 'error' in r ? r.error : 'parsed';
};

const SAMPLE = `# Say hello

Intro line.

\`\`\`tabs
one
three cookie=oatmeal
\`\`\`

## First step
Some prose.
\`\`\`iex one
IO.puts "hi"
\`\`\`
\`\`\`output
hi
:ok
\`\`\`
\`\`\`hint
Type it in tab one.
\`\`\`

## Watch two
\`\`\`output two
hello
\`\`\`

## Just read
Nothing to type.
`;

describe('parseLesson', () => {
  it('reads the title, intro, tabs with cookies, and steps with code, output (tab defaults to the code tab) and hint', () => {
    expect(ok(SAMPLE)).toEqual({
      title: 'Say hello',
      intro: 'Intro line.',
      tabs: [
        { name: 'one', cookie: null },
        { name: 'three', cookie: 'oatmeal' },
        { name: 'two', cookie: null },
      ],
      steps: [
        { title: 'First step', text: 'Some prose.', code: { tab: 'one', source: 'IO.puts "hi"' }, expect: { tab: 'one', pattern: 'hi\n:ok' }, hint: 'Type it in tab one.' },
        { title: 'Watch two', text: '', code: null, expect: { tab: 'two', pattern: 'hello' }, hint: null },
        { title: 'Just read', text: 'Nothing to type.', code: null, expect: null, hint: null },
      ],
    });
  });

  it('takes Windows line ends', () => {
    expect(ok(SAMPLE.replace(/\n/g, '\r\n')).steps[0]?.code?.source).toBe('IO.puts "hi"');
  });

  it('refuses malformed lessons with the line of the problem', () => {
    expect(error('hello')).toBe('Line 1: a lesson starts with its title, as `# Title`.');
    expect(error('# T\n')).toMatch(/no steps/);
    expect(error('# T\n## s\n```iex one\nx\n')).toBe('Line 3: this fenced block is never closed (a line with ``` ends it).');
    expect(error('# T\n## s\n```iex\nx\n```')).toMatch(/^Line 3: say which tab/);
    expect(error('# T\n## s\n```output\nx\n```')).toMatch(/say which tab shows this output/);
    expect(error('# T\n## s\n```script\nalert(1)\n```')).toMatch(/^Line 3: unknown block `script`/);
    expect(error('# T\n```iex one\nx\n```')).toMatch(/^Line 2: a `iex` block belongs to a step/);
    expect(error('# T\n## s\n```iex <img>\nx\n```')).toMatch(/not a tab name/);
    expect(error('# T\n```tabs\none cookie=a"b\n```\n## s')).toMatch(/^Line 3: .* is not a cookie/);
    expect(error('# T\n## s\n# again')).toMatch(/^Line 3: a lesson has one title/);
  });

  it('bounds size, steps, tabs and line length', () => {
    expect(error(`# T\n## s\n${'x'.repeat(LESSON_LIMITS.bytes)}`)).toMatch(/too large/);
    expect(error(`# T\n${'## s\n'.repeat(LESSON_LIMITS.steps + 1)}`)).toMatch(/at most 100 steps/);
    expect(error(`# T\n## s\n${'x'.repeat(LESSON_LIMITS.lineChars + 1)}`)).toMatch(/at most 4000 characters/);
    const nine = Array.from({ length: 9 }, (_, i) => `## s${i}\n\`\`\`iex t${i}\nx\n\`\`\``).join('\n');
    expect(error(`# T\n${nine}`)).toMatch(/at most 8 tabs/);
    expect(error(`# T\n## s\n\`\`\`output one\n${'{*}'.repeat(33)}\n\`\`\``)).toBe('Line 3: an `output` block may have at most 32 placeholders.');
  });

  it('keeps markup as text: it is never rendered as HTML', () => {
    const l = ok('# <img src=x onerror=alert(1)>\n## <script>alert(1)</script>\n<b>bold</b>');
    expect(l.title).toBe('<img src=x onerror=alert(1)>');
    expect(l.steps[0]).toMatchObject({ title: '<script>alert(1)</script>', text: '<b>bold</b>' });
  });
});
