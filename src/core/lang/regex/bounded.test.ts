/**
 * The bounded matcher (bounded.ts) against V8's RegExp on the patterns both read alike, against
 * real iex where PCRE and JS differ, and at its limits: no run passes MATCH_LIMIT steps or holds
 * more than STACK_LIMIT backtrack entries, and a run yields every YIELD_EVERY steps.
 */
import { describe, expect, it } from 'vitest';
import { translate } from './translate.ts';
import { parsePattern, requiredTexts, ways } from './pattern.ts';
import { compileProgram, MATCH_LIMIT, runBounded, YIELD_EVERY } from './bounded.ts';

function program(p: string, mods = '') {
  const t = translate(p, mods);
  if (!t.ok) throw new Error(t.message);
  return { t: t.value, prog: compileProgram(parsePattern(t.value.source, mods.includes('u')), t.value.flags) };
}

/** The match's spans ([start, end] or null per group) and how many times the run yielded. */
function bounded(p: string, s: string, mods = ''): { spans: ([number, number] | null)[] | null; yields: number } {
  const { t, prog } = program(p, mods);
  const w = runBounded(prog, s, 0);
  let yields = 0;
  for (;;) {
    const r = w.next();
    if (r.done !== true) {
      yields++;
      continue;
    }
    const regs = r.value;
    const spans = regs === null ? null : Array.from({ length: t.groups + 1 }, (_, g): [number, number] | null => ((regs[2 * g] as number) < 0 ? null : [regs[2 * g] as number, regs[2 * g + 1] as number]));
    return { spans, yields };
  }
}

function v8(p: string, s: string, mods = ''): ([number, number] | null)[] | null {
  const t = translate(p, mods);
  if (!t.ok) throw new Error(t.message);
  const m = new RegExp(t.value.source, t.value.flags + 'd').exec(s);
  return m === null ? null : Array.from({ length: t.value.groups + 1 }, (_, g) => (m.indices?.[g] as [number, number] | undefined) ?? null);
}

describe('the bounded matcher', () => {
  it('finds what V8 finds, group by group, where PCRE and JS agree', () => {
    const patterns = [
      'a+b', '(a|ab)(c|bcd)(d*)', '\\d{2,4}', '(?<y>\\d+)-(?<m>\\d+)', 'x*?y', 'a{2}', '\\bfoo\\b', '\\Bo', '^a', 'a$', '(?:ab)+',
      '[a-c]+?c', '(?=a)\\w+', '(?<=a)b', '(?<!a)b', 'a.c', '\\s+', '(a)|b', 'é+', '(\\w+)\\s\\1', '^\\w+$', 'b\\z', 'a\\Z',
      '(?m)^b$', '[[:digit:]]+', 'a{1,3}?', '(?s)a.b', '\\Qa.b\\E', 'h(?!e)', '(a|b|c){2}', 'x-y',
    ];
    const subjects = ['aab', 'abcd', 'x12345', 'in 2024-12 y', 'xxy', 'aaab', 'foo bar', 'a\n', 'ababab', 'abcabc', 'cab', 'bb ab', 'a\rc', ' \t x', 'b', 'éé', 'hello hello', 'a\nb\n', 'a\nb', 'a.b', 'hoho', 'x-y', ''];
    for (const p of patterns) {
      for (const mods of ['', 'i', 'u']) {
        for (const s of subjects) expect(bounded(p, s, mods).spans, `${p} /${mods} on ${JSON.stringify(s)}`).toEqual(v8(p, s, mods));
      }
    }
  });

  it('keeps PCRE’s captures where JS differs (values from real iex, golden 42)', () => {
    // iex: Regex.run(~r/(a*)*b/, "aab", return: :index) == [{0, 3}, {2, 0}]; V8 says the group did not take part.
    expect(bounded('(a*)*b', 'aab').spans).toEqual([[0, 3], [2, 2]]);
    expect(v8('(a*)*b', 'aab')).toEqual([[0, 3], [0, 2]]);
    // iex: Regex.run(~r/(?:(a)|b)+/, "ab") == ["ab", "a"]: a group keeps its last value across iterations.
    expect(bounded('(?:(a)|b)+', 'ab').spans).toEqual([[0, 2], [0, 1]]);
    // iex: Regex.run(~r/(a)?b\1/, "b") == nil: a back-reference to an unset group fails in PCRE.
    expect(bounded('(a)?b\\1', 'b').spans).toBeNull();
    expect(v8('(a)?b\\1', 'b')).not.toBeNull();
  });

  it('gives up at the match limit with no match, yielding all along (a pattern V8 would run for hours)', () => {
    const r = bounded('(a+)+$', 'a'.repeat(40) + 'b');
    expect(r.spans).toBeNull();
    // A yield at least every YIELD_EVERY steps (a character loop counts its characters at once).
    expect(r.yields).toBeGreaterThanOrEqual(MATCH_LIMIT / YIELD_EVERY / 2);
    expect(r.yields).toBeLessThan(MATCH_LIMIT / YIELD_EVERY);
    // The same pattern on a subject it matches answers at once.
    expect(bounded('(a+)+$', 'a'.repeat(40))).toEqual({ spans: [[0, 40], [0, 40]], yields: 0 });
  });

  it('bounds its memory: a loop of alternatives over 2 MB stops at the stack limit, with no match', () => {
    // Each iteration of (?:a|b)* keeps a way back; real BEAM spent minutes here (it resets its
    // count at every start position), we stop at STACK_LIMIT entries.
    expect(bounded('(?:a|b)*[cd]', 'a'.repeat(2_000_000)).spans).toBeNull();
  });

  it('a greedy character loop keeps one way back, not one per character (a 1 MB subject)', () => {
    const s = 'x'.repeat(1_000_000) + 'y';
    expect(bounded('x*y', s).spans).toEqual([[0, 1_000_001]]);
    // Nested, without the y: exponential from the first start, so the limit ends the search.
    expect(bounded('(?:x*)*y', s.slice(0, -1)).spans).toBeNull();
  });
});

describe('what a pattern tells before it runs', () => {
  const tree = (p: string) => parsePattern((program(p).t).source, false).root;

  it('the texts every match must contain (PCRE’s required character, as whole runs)', () => {
    expect(requiredTexts(tree('a*a*a*a*a*a*b'))).toEqual(['b']);
    expect(requiredTexts(tree('(x+x+)+y'))).toEqual(['x', 'y']);
    expect(requiredTexts(tree('foo|bar'))).toEqual([]);
    expect(requiredTexts(tree('(?:foo|bfoo)\\d'))).toEqual(['foo']);
    expect(requiredTexts(tree('ab?c'))).toEqual(['a', 'c']);
    expect(requiredTexts(tree('(?=abc)x'))).toEqual(['x']);
  });

  it('the worst-case ways from one start: adjacent quantifiers multiply, fixed ones count once', () => {
    expect(ways(tree('\\d{4}-\\d{2}'), 1000)).toBe(1);
    expect(ways(tree('a*b'), 60)).toBe(61);
    expect(ways(tree('a*a*a*a*a*a*b'), 60)).toBe(61 ** 6);
    expect(ways(tree('(a|b)(c|d)'), 10)).toBe(4);
  });
});
