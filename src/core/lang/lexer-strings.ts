/**
 * String-like literals: "strings", 'charlists', """heredocs""", sigils, `?c` chars and their
 * escapes and `#{}` interpolation. Interpolations are lexed into nested token lists by a callback
 * into the main lexer, so nested strings inside `#{}` need no special case.
 */
import type { StrPart, Token } from './tokens.ts';
import { missingTerminator, syntaxError } from './parser-errors.ts';

/** The lexer's read position; string scanning advances it in place. */
export interface Cursor {
  readonly src: string;
  i: number;
  line: number;
  col: number;
}

/** Lex an interpolation body starting at the cursor, stopping after its closing `}`. */
export type LexInterp = (c: Cursor) => readonly Token[];

export interface QuoteOpts {
  readonly term: string;
  readonly interp: boolean;
  readonly escapes: boolean;
  /** `~r`: escapes stay for the regex engine (even before the terminator), but for Regex.unescape_map's `\f \n \r \t \v \a`. */
  readonly regex?: boolean;
  /** How the missing-terminator error names it: `string`, `heredoc`, `sigil ~w(`. */
  readonly what: string;
  readonly openLine: number;
  /** Heredocs: indentation of the closing line, stripped from every content line. */
  readonly indent: number | null;
}

function advance(c: Cursor): string {
  const ch = c.src[c.i++] ?? '';
  if (ch === '\n') {
    c.line++;
    c.col = 1;
  } else c.col++;
  return ch;
}

/** Scan up to and past the terminator; the cursor starts just after the opening quote. */
export function scanQuoted(c: Cursor, o: QuoteOpts, lexInterp: LexInterp): StrPart[] {
  const parts: StrPart[] = [];
  let buf = '';
  let atLineStart = o.indent !== null;
  for (;;) {
    if (atLineStart && o.indent !== null) {
      atLineStart = false;
      for (let k = 0; k < o.indent && (c.src[c.i] === ' ' || c.src[c.i] === '\t'); k++) advance(c);
      let j = c.i;
      while (c.src[j] === ' ' || c.src[j] === '\t') j++;
      if (c.src.startsWith(o.term, j)) {
        while (c.i < j + o.term.length) advance(c);
        break;
      }
    }
    if (c.i >= c.src.length) throw missingTerminator(c.line, c.col, o.term, o.what, o.openLine);
    const ch = c.src[c.i] ?? '';
    if (o.indent === null && c.src.startsWith(o.term, c.i)) {
      for (let k = 0; k < o.term.length; k++) advance(c);
      break;
    }
    if (ch === '\\') {
      advance(c);
      if (c.i >= c.src.length) continue;
      buf += o.regex === true ? regexEscape(c) : o.escapes ? escape(c) : rawEscape(c, o.term);
      continue;
    }
    if (o.interp && ch === '#' && c.src[c.i + 1] === '{') {
      const line = c.line;
      const col = c.col;
      advance(c);
      advance(c);
      if (buf !== '') parts.push(buf);
      buf = '';
      const tokens = lexInterp(c);
      if (tokens === INTERP_EOF) throw missingTerminator(c.line, c.col, o.term, o.what, o.openLine);
      parts.push({ tokens, line, col });
      continue;
    }
    buf += advance(c);
    if (ch === '\n') atLineStart = true;
  }
  if (buf !== '' || parts.length === 0) parts.push(buf);
  return parts;
}

/** Returned by the interpolation callback when the input ends inside `#{`. */
export const INTERP_EOF: readonly Token[] = [];

/** Uppercase sigils keep backslashes, except before the terminator. */
function rawEscape(c: Cursor, term: string): string {
  if (c.src.startsWith(term, c.i)) {
    let s = '';
    for (let k = 0; k < term.length; k++) s += advance(c);
    return s;
  }
  return '\\' + advance(c);
}

const REGEX_UNESCAPED: Readonly<Record<string, string>> = { f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', a: '\x07' };

function regexEscape(c: Cursor): string {
  const ch = advance(c);
  return REGEX_UNESCAPED[ch] ?? '\\' + ch;
}

const SIMPLE: Readonly<Record<string, string>> = {
  n: '\n', t: '\t', r: '\r', s: ' ', e: '\x1b', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', d: '\x7f',
};

/** One escape after a backslash: `\n`, `\x41`, `\x{41}`, `\u00e9`, `\u{1F600}`, or the char itself. */
export function escape(c: Cursor): string {
  const ch = advance(c);
  const simple = SIMPLE[ch];
  if (simple !== undefined) return simple;
  if (ch === '\n') return '';
  if (ch === 'x' || ch === 'u') {
    const braced = c.src[c.i] === '{';
    if (braced) advance(c);
    const max = braced ? 6 : ch === 'x' ? 2 : 4;
    let hex = '';
    while (hex.length < max && /[0-9a-fA-F]/.test(c.src[c.i] ?? '')) hex += advance(c);
    if (braced && c.src[c.i] === '}') advance(c);
    if (hex === '') throw syntaxError(c.line, c.col, `invalid hex escape character in string`);
    return String.fromCodePoint(parseInt(hex, 16));
  }
  return ch;
}

const SIGIL_CLOSE: Readonly<Record<string, string>> = {
  '(': ')', '[': ']', '{': '}', '<': '>', '/': '/', '|': '|', '"': '"', "'": "'",
};

/** `~w(a b)a`: the cursor is on `~`. Returns the sigil token fields. */
export function scanSigil(c: Cursor, lexInterp: LexInterp): { letter: string; parts: StrPart[]; modifiers: string } {
  const line = c.line;
  advance(c);
  const letter = advance(c);
  const open = c.src[c.i] ?? '';
  let term = SIGIL_CLOSE[open];
  if (term === undefined) throw syntaxError(c.line, c.col, `invalid sigil delimiter: "${open}"`);
  advance(c);
  let indent: number | null = null;
  if ((open === '"' || open === "'") && c.src.startsWith(open + open, c.i)) {
    term = open.repeat(3);
    advance(c);
    advance(c);
    indent = heredocStart(c, term, line);
  }
  const lower = letter >= 'a' && letter <= 'z';
  const what = indent === null ? `sigil ~${letter}${open}` : 'heredoc';
  const regex = letter === 'r' || letter === 'R';
  const parts = scanQuoted(c, { term, interp: lower, escapes: lower, regex, what, openLine: line, indent }, lexInterp);
  let modifiers = '';
  while (/[a-zA-Z]/.test(c.src[c.i] ?? '')) modifiers += advance(c);
  return { letter, parts, modifiers };
}

/**
 * After an opening `"""`: skip to the next line and find the closing line's indentation,
 * which Elixir strips from every line of the content.
 */
export function heredocStart(c: Cursor, term: string, openLine: number): number {
  while (c.src[c.i] === ' ' || c.src[c.i] === '\t') advance(c);
  if (c.src[c.i] === '\r') advance(c);
  if (c.src[c.i] !== '\n') {
    if (c.i >= c.src.length) throw missingTerminator(c.line, c.col, term, 'heredoc', openLine);
    throw syntaxError(c.line, c.col, `heredoc allows only zero or more whitespace characters followed by a new line after ${term}`);
  }
  advance(c);
  let j = c.i;
  while (j < c.src.length) {
    let k = j;
    while (c.src[k] === ' ' || c.src[k] === '\t') k++;
    if (c.src.startsWith(term, k)) return k - j;
    const nl = c.src.indexOf('\n', j);
    if (nl < 0) break;
    j = nl + 1;
  }
  const end = { ...c };
  while (end.i < end.src.length) advance(end);
  throw missingTerminator(end.line, end.col, term, 'heredoc', openLine);
}

/** `?a`, `?\n`: the cursor is on `?`. */
export function scanChar(c: Cursor): number {
  advance(c);
  if (c.src[c.i] === '\\') {
    advance(c);
    return escape(c).codePointAt(0) ?? 0;
  }
  const cp = c.src.codePointAt(c.i) ?? 0;
  advance(c);
  if (cp > 0xffff) c.i++;
  return cp;
}
