/**
 * Regexes beyond the golden transcript (21-regex.exs): what protects a tab from catastrophic
 * backtracking, the PCRE constructs refused rather than read differently, and the %Regex{} term
 * as plain data (the ETF crossing is in playground/bits-and-regex-across.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { langNode, resultText, run, spawnEval } from '../vm-test-helpers.ts';
import { advanceAndRun } from '../../runtime/testing.ts';
import { translate } from './translate.ts';
import { compileRegex, compiledRegex, exec, Subject } from './regex.ts';
import { Binary, MapTerm } from '../../term/types.ts';
import { inspect } from '../../term/inspect.ts';

function risky(src: string): boolean {
  const t = translate(src, '');
  if (!t.ok) throw new Error(t.message);
  return t.value.risky;
}

describe('regexes', () => {
  it('flags the patterns that can backtrack exponentially, and only those', () => {
    for (const p of ['(a+)+$', '(a|aa)+$', '(.*a){3}x*(b|c)*', '(\\w+\\s?)*$', '(a)\\1']) expect(risky(p)).toBe(true);
    for (const p of ['a+b', '(ab)+', '\\d{4}-\\d{2}', '(\\w+)@(\\w+)', '^[a-z]+$']) expect(risky(p)).toBe(false);
  });

  it('a catastrophic pattern answers as PCRE at its match limit, trapping so other processes run', () => {
    // V8 would take hours on this one ((a+)+$ on 40 a's and a b); PCRE gives up, Regex.run says nil.
    const t = langNode();
    const ev = spawnEval(t, 'Regex.run(~r/(a+)+$/, String.duplicate("a", 40) <> "b")');
    t.node.runSlice();
    expect(ev.result).toBeNull(); // still matching after a whole slice: it traps, it does not hold the node
    advanceAndRun(t.clock, 60_000, t.node);
    expect(resultText(ev)).toBe('nil');
  });

  it('every one-match function traps on a bounded run and takes the inline path otherwise', () => {
    for (const call of [
      'Regex.match?(~r/(a+)+$/, s)', 'String.match?(s, ~r/(a+)+$/)', 's =~ ~r/(a+)+$/', 'Regex.named_captures(~r/(?<x>a+)+$/, s)',
      'Regex.scan(~r/(a+)+$/, s)', 'Regex.replace(~r/(a+)+$/, s, "x")', 'Regex.replace(~r/(a+)+$/, s, fn m -> m end)', 'Regex.split(~r/(a+)+$/, s)',
    ]) {
      const t = langNode();
      const ev = spawnEval(t, `s = String.duplicate("a", 30) <> "b"; ${call}`);
      t.node.runSlice();
      expect(ev.result, call).toBeNull();
      advanceAndRun(t.clock, 60_000, t.node);
      expect(resultText(ev), call).toMatch(/^(false|nil|\[\]|"a{30}b"|\["a{30}b"\])$/);
    }
    // A pattern whose required text is missing, or that V8 runs in few steps, answers in the call itself.
    expect(run('Regex.match?(~r/a*a*a*a*a*a*b/, String.duplicate("a", 100_000))')).toBe('false');
    expect(run('"abc" =~ "b"')).toBe('true');
    expect(run('"abc" =~ ~r/B/i')).toBe('true');
  });

  it('runs over a large subject (a 4 MB binary, each byte a character)', () => {
    expect(run('s = :binary.copy(<<0, 255>>, 2_000_000) <> "needle"; Regex.run(~r/ne+dle/, s, return: :index)')).toBe('[{4000000, 6}]');
  });

  it('a scan over many matches traps like other walking built-ins, so other processes run', () => {
    const t = langNode();
    const ev = spawnEval(t, 'length(Regex.scan(~r/a/, :binary.copy("a", 200_000)))');
    t.node.runSlice();
    expect(ev.result).toBeNull(); // 200 steps of 1,000 matches: far more than one slice's budget
    advanceAndRun(t.clock, 60_000, t.node);
    expect(resultText(ev)).toBe('200000');
    expect(run('length(String.split(:binary.copy("a,", 5_000), ~r/,/))')).toBe('5001');
    expect(run('byte_size(Regex.replace(~r/a/, :binary.copy("ab", 5_000), "xx"))')).toBe('15000');
    expect(run('String.replace("a1b22", ~r/\\d+/, fn d -> "<" <> d <> ">" end)')).toBe('"a<1>b<22>"');
  });

  it('refuses what JavaScript would read differently, with Regex.CompileError', () => {
    expect(run('Regex.compile("(?>a)")')).toMatch(/^\{:error, \{'\(\?> is not supported in the playground/);
    expect(run('Regex.compile("a++")')).toBe("{:error, {'possessive quantifiers are not supported in the playground', 2}}");
    expect(run('~r/a(?i)b/')).toMatch(/^\*\* \(Regex\.CompileError\) \(\?i is not supported in the playground/);
    expect(run('Regex.compile("a", "f")')).toMatch(/firstline/);
  });

  it('translates PCRE forms JS lacks: $ before a final newline, . and \\r, \\A \\z, POSIX classes, (?P<n>)', () => {
    const t = (src: string, subject: string, mods = '') => {
      const r = compileRegex(Binary.fromString(src), Binary.fromString(mods));
      if (!r.ok) throw new Error('compile');
      const c = compiledRegex(r.regex);
      const m = exec(c, new Subject(Binary.fromString(subject), c.unicode), 0);
      return m === null ? null : subject.slice(m[0]?.[0], m[0]?.[1]);
    };
    expect(t('a$', 'a\n')).toBe('a'); // iex: Regex.run(~r/a$/, "a\n") == ["a"]
    expect(t('a\\z', 'a\n')).toBeNull();
    expect(t('\\Aa', 'ba')).toBeNull();
    expect(t('a.b', 'a\rb')).toBe('a\rb');
    expect(t('[[:digit:]]+', 'x42')).toBe('42');
    expect(t('(?P<y>\\d+)', 'in 2024')).toBe('2024');
    expect(t('a # comment\n b', 'ab', 'x')).toBe('ab');
  });

  it('a %Regex{} is plain data: a copy of its map (as a peer decodes it) prints and matches again', () => {
    const r = compileRegex(Binary.fromString('l+'), Binary.fromString('i'));
    if (!r.ok) throw new Error('compile');
    const copy = new MapTerm(new Map(r.regex.entries));
    expect(inspect(copy)).toBe('~r/l+/i');
    const c = compiledRegex(copy);
    expect(exec(c, new Subject(Binary.fromString('heLLo'), false), 0)?.[0]).toEqual([2, 4]);
  });
});
