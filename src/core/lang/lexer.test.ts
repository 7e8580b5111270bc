/** Lexer tests: token classes Elixir's tokenizer distinguishes, and what the parser relies on. */
import { describe, expect, it } from 'vitest';
import { tokenize } from './lexer.ts';
import type { Token } from './tokens.ts';

const kinds = (src: string): string[] =>
  tokenize(src).map((t) => (t.kind === 'eof' ? 'eof' : `${t.kind}:${t.kind === 'int' || t.kind === 'float' ? String(t.value) : t.text}`));

describe('tokenize', () => {
  it('reads numbers in every base, with underscores, big and float', () => {
    expect(kinds('1_000 0x1F 0b101 0o17 1.5e-3 ?a')).toEqual(['int:1000', 'int:31', 'int:5', 'int:15', 'float:0.0015', 'int:97', 'eof']);
    const [big] = tokenize('123456789012345678901234567890');
    expect(big?.value).toBe(123456789012345678901234567890n);
    expect(kinds('1..10')).toEqual(['int:1', 'op:..', 'int:10', 'eof']);
  });

  it('tells atoms, keyword keys, aliases, identifiers and reserved words apart', () => {
    expect(kinds(':ok :"two@light-boy" :foo? :+ :one@vm true nil')).toEqual([
      'atom:ok', 'atom:two@light-boy', 'atom:foo?', 'atom:+', 'atom:one@vm', 'atom:true', 'atom:nil', 'eof',
    ]);
    expect(kinds('[a: 1, "my key": 2, do: 3]')).toEqual([
      'punct:[', 'kw:a', 'int:1', 'punct:,', 'kw:my key', 'int:2', 'punct:,', 'kw:do', 'int:3', 'punct:]', 'eof',
    ]);
    expect(kinds('String.Chars member? fn do end end when not in')).toEqual([
      'alias:String', 'op:.', 'alias:Chars', 'ident:member?', 'reserved:fn', 'reserved:do', 'reserved:end', 'reserved:end', 'op:when', 'op:not', 'op:in', 'eof',
    ]);
  });

  it('takes the longest operator and marks spacing for unary/binary decisions', () => {
    expect(kinds('a === b |> c \\\\ d <- e -> &1')).toEqual([
      'ident:a', 'op:===', 'ident:b', 'op:|>', 'ident:c', 'op:\\\\', 'ident:d', 'op:<-', 'ident:e', 'op:->', 'capture_arg:&1', 'eof',
    ]);
    const [, minus, one] = tokenize('f -1');
    expect([minus?.sp, one?.sp]).toEqual([true, false]);
  });

  it('keeps newlines as separators except before a binary-only operator', () => {
    expect(kinds('a\n\n# c\nb')).toEqual(['ident:a', 'nl:\n', 'ident:b', 'eof']);
    expect(kinds('a\n|> b')).toEqual(['ident:a', 'op:|>', 'ident:b', 'eof']);
    expect(kinds('a\n-b')).toEqual(['ident:a', 'nl:\n', 'op:-', 'ident:b', 'eof']);
  });

  it('decodes escapes and lexes interpolations into nested tokens', () => {
    const [s] = tokenize('"a\\n\\t\\"\\\\\\e\\x41\\u{e9}\\#{x} #{y + 1}"');
    expect(s?.kind).toBe('string');
    const parts = s?.parts ?? [];
    expect(parts[0]).toBe('a\n\t"\\\x1bAé#{x} ');
    const interp = parts[1];
    expect(typeof interp === 'object' && interp.tokens.map((t: Token) => t.text)).toEqual(['y', '+', '1']);
    expect(typeof interp === 'object' && [interp.line, interp.col]).toEqual([1, 29]);
  });

  it('reads heredocs, stripping the closing indentation, and sigils with modifiers', () => {
    const [h] = tokenize('"""\n  one\n    two\n  """');
    expect(h?.parts).toEqual(['one\n  two\n']);
    const [w] = tokenize('~w(a b)a');
    expect([w?.kind, w?.text, w?.parts, w?.modifiers]).toEqual(['sigil', 'w', ['a b'], 'a']);
    const [S] = tokenize('~S|a\\nb|');
    expect(S?.parts).toEqual(['a\\nb']);
  });

  it('tracks lines and columns', () => {
    const toks = tokenize('x =\n  "s" ++ y');
    expect(toks.map((t) => [t.line, t.col])).toEqual([[1, 1], [1, 3], [1, 4], [2, 3], [2, 7], [2, 10], [2, 11]]);
  });
});
