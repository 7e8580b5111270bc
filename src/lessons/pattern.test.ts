import { describe, expect, it } from 'vitest';
import { compilePattern, findPattern, mayEndIn, squash } from './pattern.ts';

const found = (pattern: string, text: string) => findPattern(compilePattern(pattern, 'lab'), squash(text)) >= 0;

describe('lesson output patterns', () => {
  it('match the text anywhere, whitespace runs and line breaks as one space', () => {
    expect(found('[:two@{host}]', 'iex> x\n[:two@lab]\n')).toBe(true);
    expect(found('[:two@{host}]', '[:two@vm]')).toBe(false);
    // inspect wrapped at 80 columns in real iex, not here: the same term.
    expect(found('{:DOWN, {ref}, :process, {pid}, :noconnection}', '{:DOWN, #Reference<0.1.2.3>, :process, #PID<1.2.3>,\n :noconnection}')).toBe(true);
  });

  it('{pid}, {ref}, {fun} and {*} stand for what they name', () => {
    expect(found('{:got, {pid}, :two@{host}}', '{:got, #PID<12540.73.0>, :two@lab}')).toBe(true);
    expect(found('{:got, {pid}, :two@{host}}', '{:got, :timeout}')).toBe(false);
    expect(found('#Function<{*}/0 in :erl_eval.expr/6>', '#Function<43.3316493/0 in :erl_eval.expr/6>')).toBe(true);
    expect(found('{fun}', '#Function<1.2/0>')).toBe(true);
    expect(found('{*} [info] global: {*}', '12:00:00.000 [info] global: Name conflict')).toBe(true);
    expect(found('a{*}b{*}c', 'xx a yy c b')).toBe(false);
  });

  it('tells cheaply whether a match could end in what was just added', () => {
    const p = compilePattern('{:got, {pid}}', 'lab');
    expect(mayEndIn(p, '{:got, #PID<1.2.3', 0)).toBe(false);
    // The last piece (`>}`) may straddle the old text and the new.
    expect(mayEndIn(p, '{:got, #PID<1.2.3>}', 18)).toBe(true);
    expect(mayEndIn(p, '{:got, #PID<1.2.3> :ok', 17)).toBe(false);
    expect(mayEndIn(p, '{:got, #PID<1.2.3>}', 17)).toBe(true);
    expect(mayEndIn(compilePattern('x{*}', 'lab'), 'abc', 3)).toBe(true);
  });

  it('holds no regular expression from the file: a hostile pattern is literal text', () => {
    expect(found('(a+)+$', `${'a'.repeat(10_000)}!`)).toBe(false);
    expect(found('(a+)+$', 'x (a+)+$ y')).toBe(true);
  });
});
