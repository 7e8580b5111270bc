/**
 * Syntax errors as Elixir 1.14 words them. Parsing code throws `ParseFail` internally; `parse()`
 * is the only place that catches it, so the public API never throws.
 */
import type { SyntaxErrorInfo } from './ast.ts';
import type { Token } from './tokens.ts';

export class ParseFail extends Error {
  constructor(readonly info: SyntaxErrorInfo) {
    super(info.message);
  }
}

export function syntaxError(line: number, column: number, message: string): ParseFail {
  return new ParseFail({ type: 'SyntaxError', line, column, message, incomplete: false });
}

/** Input ended too early: the shell asks for another line. */
export function missingError(line: number, column: number, message: string): ParseFail {
  return new ParseFail({ type: 'TokenMissingError', line, column, message, incomplete: true });
}

export function missingTerminator(line: number, column: number, closer: string, what: string, openLine: number): ParseFail {
  return missingError(line, column, `missing terminator: ${closer} (for ${what} starting at line ${openLine})`);
}

export function incompleteError(tok: Token): ParseFail {
  return missingError(tok.line, tok.col, 'syntax error: expression is incomplete');
}

/**
 * `syntax error before: X` — Elixir quotes X differently per token class:
 * identifiers and atoms bare, literals in double quotes, aliases and operators in single quotes.
 */
export function errorBefore(tok: Token): ParseFail {
  if (tok.kind === 'eof') return incompleteError(tok);
  if (tok.kind === 'reserved') {
    if (tok.text === 'end') return syntaxError(tok.line, tok.col, 'unexpected reserved word: end');
    // `do` is a keyword Elixir's parser names plainly.
    if (tok.text === 'do') return syntaxError(tok.line, tok.col, 'syntax error before: do');
    return syntaxError(
      tok.line,
      tok.col,
      `syntax error before: ${tok.text}. "${tok.text}" is a reserved word in Elixir and therefore its usage is limited. ` +
        `For instance, it can't be used as a variable or be defined nor invoked as a regular function`,
    );
  }
  return syntaxError(tok.line, tok.col, `syntax error before: ${describe(tok)}`);
}

function describe(tok: Token): string {
  switch (tok.kind) {
    case 'ident':
    case 'atom':
      return tok.text;
    case 'int':
    case 'float':
      return `"${tok.raw ?? String(tok.value)}"`;
    case 'string':
    case 'charlist':
      return `"${tok.raw ?? ''}"`;
    case 'kw':
      return tok.text;
    case 'punct':
      return tok.text === '%{' ? `'%{}'` : `'${tok.text}'`;
    case 'sigil':
      return `sigil_${tok.text}`;
    default:
      return `'${tok.text}'`;
  }
}

/**
 * The lines iex prints under a syntax error: the source line and a caret under the column,
 * the number padded to two and the bars lined up after it (`  1 | …`, ` 20 | …`, ` 100 | …`).
 * None for the errors on a reserved word, which Elixir 1.14 prints without.
 */
export function syntaxSnippet(message: string, lineNo: number, column: number, text: string): string {
  if (message.includes('reserved word')) return '';
  const num = ' ' + String(lineNo).padStart(2);
  const gutter = ' '.repeat(num.length + 1);
  return `${gutter}|\n${num} | ${text}\n${gutter}| ${' '.repeat(Math.max(0, column - 1))}^\n`;
}
