/**
 * Syntax errors: type, line, column and message exactly as Elixir 1.14 reports them. Every row
 * below was produced by running the same source through `Code.string_to_quoted!/1` in real
 * Elixir 1.14; `TokenMissingError` rows are the inputs the shell continues with `...(n)>`.
 */
import { describe, expect, it } from 'vitest';
import { parse } from './parser.ts';

type Row = readonly [string, 'SyntaxError' | 'TokenMissingError', number, number, string];

const ELIXIR_ERRORS: readonly Row[] = [
  ["1 +", 'TokenMissingError', 1, 3, "syntax error: expression is incomplete"],
  [")", 'SyntaxError', 1, 1, "unexpected token: )"],
  ["fn x ->", 'TokenMissingError', 1, 8, "missing terminator: end (for \"fn\" starting at line 1)"],
  ["\"abc", 'TokenMissingError', 1, 5, "missing terminator: \" (for string starting at line 1)"],
  ["1 + )", 'SyntaxError', 1, 5, "unexpected token: )"],
  ["foo(", 'TokenMissingError', 1, 5, "missing terminator: ) (for \"(\" starting at line 1)"],
  ["[1, 2", 'TokenMissingError', 1, 6, "missing terminator: ] (for \"[\" starting at line 1)"],
  ["{1", 'TokenMissingError', 1, 3, "missing terminator: } (for \"{\" starting at line 1)"],
  ["if x do", 'TokenMissingError', 1, 8, "missing terminator: end (for \"do\" starting at line 1)"],
  ["%{a: 1", 'TokenMissingError', 1, 7, "missing terminator: } (for \"{\" starting at line 1)"],
  ["x = ", 'TokenMissingError', 1, 3, "syntax error: expression is incomplete"],
  ["case x do", 'TokenMissingError', 1, 10, "missing terminator: end (for \"do\" starting at line 1)"],
  ["1 2", 'SyntaxError', 1, 3, "syntax error before: \"2\""],
  ["f(1,)", 'SyntaxError', 1, 5, "syntax error before: ')'"],
  ["\"a #{b\"", 'TokenMissingError', 1, 8, "missing terminator: \" (for string starting at line 1)"],
  ["'abc", 'TokenMissingError', 1, 5, "missing terminator: ' (for string starting at line 1)"],
  ["end", 'SyntaxError', 1, 1, "unexpected reserved word: end"],
  ["[a: 1, 2]", 'SyntaxError', 1, 6, "unexpected expression after keyword list. Keyword lists must always come last in lists and maps. Therefore, this is not allowed:\n\n    [some: :value, :another]\n    %{some: :value, another => value}\n\nInstead, reorder it to be the last entry:\n\n    [:another, some: :value]\n    %{another => value, some: :value}\n\nSyntax error after: ','"],
  ["1 + * 2", 'SyntaxError', 1, 5, "syntax error before: '*'"],
  ["defmodule A do\n  def f do", 'TokenMissingError', 2, 11, "missing terminator: end (for \"do\" starting at line 2)"],
  ["x = [1,\n2,", 'TokenMissingError', 2, 3, "missing terminator: ] (for \"[\" starting at line 1)"],
  ["\"\"\"\nabc", 'TokenMissingError', 2, 4, "missing terminator: \"\"\" (for heredoc starting at line 1)"],
  ["fn x -> x", 'TokenMissingError', 1, 10, "missing terminator: end (for \"fn\" starting at line 1)"],
  ["1 ++", 'TokenMissingError', 1, 3, "syntax error: expression is incomplete"],
  ["%{a: 1, 2}", 'SyntaxError', 1, 7, "unexpected expression after keyword list. Keyword lists must always come last in lists and maps. Therefore, this is not allowed:\n\n    [some: :value, :another]\n    %{some: :value, another => value}\n\nInstead, reorder it to be the last entry:\n\n    [:another, some: :value]\n    %{another => value, some: :value}\n\nSyntax error after: ','"],
  [":", 'SyntaxError', 1, 1, "unexpected token: \":\" (column 1, code point U+003A)"],
  ["@", 'TokenMissingError', 1, 1, "syntax error: expression is incomplete"],
  ["1..", 'TokenMissingError', 1, 2, "syntax error: expression is incomplete"],
  ["a |>", 'TokenMissingError', 1, 3, "syntax error: expression is incomplete"],
  ["}", 'SyntaxError', 1, 1, "unexpected token: }"],
  ["]", 'SyntaxError', 1, 1, "unexpected token: ]"],
  ["do", 'TokenMissingError', 1, 3, "missing terminator: end (for \"do\" starting at line 1)"],
  ["x = )", 'SyntaxError', 1, 5, "unexpected token: )"],
  ["[1, 2}", 'SyntaxError', 1, 6, "unexpected token: }. The \"[\" at line 1 is missing terminator \"]\""],
  ["(1", 'TokenMissingError', 1, 3, "missing terminator: ) (for \"(\" starting at line 1)"],
  ["receive do\n  x -> 1\nafter", 'TokenMissingError', 3, 6, "missing terminator: end (for \"do\" starting at line 1)"],
  ["~w(a b\n", 'TokenMissingError', 2, 1, "missing terminator: ) (for sigil ~w( starting at line 1)"],
  ["f(a: 1, 2)", 'SyntaxError', 1, 7, "unexpected expression after keyword list. Keyword lists must always come as the last argument. Therefore, this is not allowed:\n\n    function_call(1, some: :option, 2)\n\nInstead, wrap the keyword in brackets:\n\n    function_call(1, [some: :option], 2)\n\nSyntax error after: ','"],
  ["f a: 1, 2", 'SyntaxError', 1, 7, "unexpected expression after keyword list. Keyword lists must always come as the last argument. Therefore, this is not allowed:\n\n    function_call(1, some: :option, 2)\n\nInstead, wrap the keyword in brackets:\n\n    function_call(1, [some: :option], 2)\n\nSyntax error after: ','"],
  ["a: 1", 'SyntaxError', 1, 1, "syntax error before: a"],
  ["foo(end", 'SyntaxError', 1, 5, "unexpected reserved word: end. The \"(\" at line 1 is missing terminator \")\""],
  ["[1, 2)", 'SyntaxError', 1, 6, "unexpected token: ). The \"[\" at line 1 is missing terminator \"]\""],
  ["fn x -> x )", 'SyntaxError', 1, 11, "unexpected token: ). The \"fn\" at line 1 is missing terminator \"end\""],
  ["x = 1 |", 'TokenMissingError', 1, 7, "syntax error: expression is incomplete"],
  ["\"a\" \"b\"", 'SyntaxError', 1, 5, "syntax error before: \"b\""],
  ["x -> 1", 'SyntaxError', 1, 3, "syntax error before: '->'"],
  ["%{1 2}", 'SyntaxError', 1, 5, "syntax error before: \"2\""],
  ["{1 2}", 'SyntaxError', 1, 4, "syntax error before: \"2\""],
  ["1 :a", 'SyntaxError', 1, 3, "syntax error before: a"],
  ["1 \"s\"", 'SyntaxError', 1, 3, "syntax error before: \"s\""],
  ["1 Foo", 'SyntaxError', 1, 3, "syntax error before: 'Foo'"],
  ["1 ->", 'SyntaxError', 1, 3, "syntax error before: '->'"],
  ["f(1 2)", 'SyntaxError', 1, 5, "syntax error before: \"2\""],
  ["1 {2}", 'SyntaxError', 1, 3, "syntax error before: '{'"],
  ["1 'c'", 'SyntaxError', 1, 3, "syntax error before: \"c\""],
  ["1 fn -> 1 end", 'SyntaxError', 1, 3, "syntax error before: fn. \"fn\" is a reserved word in Elixir and therefore its usage is limited. For instance, it can't be used as a variable or be defined nor invoked as a regular function"],
  ["1 ,", 'SyntaxError', 1, 3, "syntax error before: ','"],
  ["1 %{}", 'SyntaxError', 1, 3, "syntax error before: '%{}'"],
  ["1 @a", 'SyntaxError', 1, 3, "syntax error before: '@'"],
  ["1 when", 'TokenMissingError', 1, 3, "syntax error: expression is incomplete"],
  ["1 else", 'SyntaxError', 1, 3, "syntax error before: else. \"else\" is a reserved word in Elixir and therefore its usage is limited. For instance, it can't be used as a variable or be defined nor invoked as a regular function"],
  [":ok :ok", 'SyntaxError', 1, 5, "syntax error before: ok"],
  ["%{a: 1 => 2}", 'SyntaxError', 1, 8, "syntax error before: '=>'"],
  ["1 = = 2", 'SyntaxError', 1, 5, "syntax error before: '='"],
  ["x = 1 end\n", 'SyntaxError', 1, 7, "unexpected reserved word: end"],
];

describe('parse: errors as Elixir 1.14 reports them', () => {
  it.each(ELIXIR_ERRORS)('%j', (src, type, line, column, message) => {
    const r = parse(src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ type, line, column, message, incomplete: type === 'TokenMissingError' });
  });
});

describe('parse: never throws', () => {
  const nasty = ['\\', '"#{', '"#{"', '~', '~w', '~q(', '?', '&', '@1', '%', '<<', '0x', '1..', ':"', 'fn', 'end end',
    '%{a b}', '[1 | ]', 'def', 'defmodule', 'if', 'case', 'x.', '.x', '"\\x"', '\u0000', '😀', 'a ->', '-> a', 'do end'];
  it.each(nasty)('%j', (src) => {
    expect(() => parse(src)).not.toThrow();
    const r = parse(src);
    if (!r.ok) {
      expect(typeof r.error.message).toBe('string');
      expect(r.error.line).toBeGreaterThanOrEqual(1);
      expect(r.error.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('survives every prefix of ticker-like code and flags unfinished ones as incomplete', () => {
    const src = 'defmodule T do\n  def f(x, y \\\\ 1) when x > 0 do\n    case {x, y} do\n      {1, _} -> "a#{x}b"\n' +
      '      _ -> [x | [y]] |> Enum.map(&(&1 * 2))\n    end\n  end\nend\n';
    for (let n = 0; n <= src.length; n++) {
      const r = parse(src.slice(0, n));
      if (!r.ok && r.error.type === 'TokenMissingError') expect(r.error.incomplete).toBe(true);
    }
    expect(parse(src).ok).toBe(true);
    expect(parse(src.slice(0, src.indexOf('end'))).ok).toBe(false);
  });
});

describe('parse: what the shell needs for continuation prompts', () => {
  const incomplete = ['defmodule M do', 'fn x ->', 'receive do', 'x = [1,', '%{a: 1,', 'IO.puts "abc', 'f(', '1 +', 'x |>',
    'if x do\n  1\nelse', '"""\nheredoc', '~w(a b', 'case x do\n  1 -> 2'];
  it.each(incomplete)('%j asks for more input', (src) => {
    const r = parse(src + '\n');
    expect(r.ok ? null : r.error).toMatchObject({ type: 'TokenMissingError', incomplete: true });
  });

  const broken = [') + 1', '1 2', 'end', '[1, 2}', 'x -> y', 'f(1,)', '%{a: 1 => 2}'];
  it.each(broken)('%j is a syntax error, not incomplete', (src) => {
    const r = parse(src + '\n');
    expect(r.ok ? null : r.error).toMatchObject({ type: 'SyntaxError', incomplete: false });
  });
});

describe('the range step operator', () => {
  it('must follow a range, in iex’s words', () => {
    const r = parse('a // b');
    expect(r.ok ? null : [r.error.line, r.error.column, r.error.message]).toEqual([
      1, 3,
      "the range step operator (//) must immediately follow the range definition operator (..), for example: 1..9//2. If you wanted to define a default argument, use (\\\\) instead. Syntax error before: '//'",
    ]);
  });
  it('an unfinished binary waits for more input', () => {
    const r = parse('<<1,');
    expect(r.ok ? null : r.error.incomplete).toBe(true);
  });
});
