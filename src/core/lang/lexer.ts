/**
 * The tokenizer. Like Elixir's, it matches brackets and `do`/`fn`…`end` itself, so an input cut
 * short is reported as `TokenMissingError` (the shell's cue to ask for more lines) before parsing.
 */
import { ATOM_OPS, BINARY_ONLY_OPS, RESERVED, SYMBOL_OPS, WORD_OPS, type StrPart, type Token, type TokKind } from './tokens.ts';
import { INTERP_EOF, heredocStart, scanChar, scanQuoted, scanSigil, type Cursor } from './lexer-strings.ts';
import { missingTerminator, syntaxError } from './parser-errors.ts';

const CLOSER: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '%{': '}', '<<': '>>', do: 'end', fn: 'end' };
const IDENT_START = /[a-z_]/;
const ALIAS_START = /[A-Z]/;

/** Char-code tests: the lexer's inner loops run per character, so no regexes there. */
function isIdentChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

function isIdentStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

/** Operators grouped by first character, longest first. */
const OPS_BY_CHAR: ReadonlyMap<string, readonly string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const op of SYMBOL_OPS) m.set(op[0] ?? '', [...(m.get(op[0] ?? '') ?? []), op]);
  return m;
})();

interface Opener {
  readonly text: string;
  readonly line: number;
}

/** Tokenize a whole source. Throws ParseFail (caught by `parse`). */
export function tokenize(src: string): Token[] {
  const c: Cursor = { src, i: 0, line: 1, col: 1 };
  return lexTokens(c, false) as Token[];
}

/** Lex until end of input, or (inInterp) until the `}` closing an interpolation. */
function lexTokens(c: Cursor, inInterp: boolean): readonly Token[] {
  const out: Token[] = [];
  const stack: Opener[] = [];
  let sp = false;
  const push = (kind: TokKind, text: string, line: number, col: number, extra?: Partial<Token>): void => {
    out.push(extra === undefined ? { kind, text, line, col, sp } : { kind, text, line, col, sp, ...extra });
    sp = false;
  };
  const interp = (cc: Cursor): readonly Token[] => lexTokens(cc, true);
  const { src } = c;
  for (;;) {
    const ch = src[c.i];
    if (ch === undefined) {
      const open = stack[stack.length - 1];
      if (inInterp) return INTERP_EOF;
      if (open !== undefined) {
        const what = `"${open.text === '%{' ? '{' : open.text}"`;
        throw missingTerminator(c.line, c.col, CLOSER[open.text] ?? '', what, open.line);
      }
      dropNewlineBeforeBinaryOp(out);
      push('eof', '', c.line, c.col);
      return out;
    }
    const line = c.line;
    const col = c.col;
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      let j = c.i + 1;
      while (src[j] === ' ' || src[j] === '\t' || src[j] === '\r') j++;
      c.col += j - c.i;
      c.i = j;
      sp = true;
    } else if (ch === '#') {
      while (c.i < src.length && src[c.i] !== '\n') c.i++;
      sp = true;
    } else if (ch === '\\' && src[c.i + 1] === '\n') {
      c.i += 2;
      c.line++;
      c.col = 1;
      sp = true;
    } else if (ch === '\n') {
      c.i++;
      c.line++;
      c.col = 1;
      const last = out[out.length - 1];
      if (last !== undefined && last.kind !== 'nl') push('nl', '\n', line, col);
      sp = false;
    } else if (ch >= '0' && ch <= '9') {
      const t = lexNumber(c);
      push(t.float ? 'float' : 'int', t.raw, line, col, { value: t.value, raw: t.raw });
    } else if (isIdentStart(src.charCodeAt(c.i))) {
      let j = c.i + 1;
      while (j < src.length && isIdentChar(src.charCodeAt(j))) j++;
      if (src[j] === '?' || src[j] === '!') j++;
      const name = src.slice(c.i, j);
      c.col += j - c.i;
      c.i = j;
      if (src[j] === ':' && src[j + 1] !== ':' && isSpace(src[j + 1])) {
        c.i++;
        c.col++;
        push('kw', name, line, col);
      } else if (ch >= 'A' && ch <= 'Z') push('alias', name, line, col);
      else if (name === 'true' || name === 'false' || name === 'nil') push('atom', name, line, col, { raw: name });
      else if (WORD_OPS.has(name)) push('op', name, line, col);
      else if (RESERVED.has(name)) {
        if (name === 'end') closeBracket(stack, name, line, col);
        else if (name === 'do' || name === 'fn') stack.push({ text: name, line });
        push('reserved', name, line, col);
      } else push('ident', name, line, col);
    } else if (ch === '"' || ch === "'") {
      const heredoc = src.startsWith(ch.repeat(3), c.i);
      c.i += heredoc ? 3 : 1;
      c.col += heredoc ? 3 : 1;
      const term = heredoc ? ch.repeat(3) : ch;
      const indent = heredoc ? heredocStart(c, term, line) : null;
      const what = heredoc ? 'heredoc' : 'string';
      const start = c.i;
      const parts = scanQuoted(c, { term, interp: true, escapes: true, what, openLine: line, indent }, interp);
      const raw = src.slice(start, c.i - term.length);
      if (!heredoc && src[c.i] === ':' && isSpace(src[c.i + 1])) {
        c.i++;
        c.col++;
        push('kw', plainText(parts, line, col), line, col);
      } else push(ch === '"' ? 'string' : 'charlist', '', line, col, { parts, raw });
    } else if (ch === '~' && /[a-zA-Z]/.test(src[c.i + 1] ?? '')) {
      const s = scanSigil(c, interp);
      push('sigil', s.letter, line, col, { parts: s.parts, modifiers: s.modifiers });
    } else if (ch === '?' && c.i + 1 < src.length) {
      const value = scanChar(c);
      push('int', '?', line, col, { value, raw: src.slice(c.i - (c.col - col), c.i) });
    } else if (ch === ':' && src[c.i + 1] !== ':') {
      push('atom', lexAtom(c), line, col);
    } else if (ch === '&' && /[0-9]/.test(src[c.i + 1] ?? '')) {
      let j = c.i + 1;
      while (/[0-9]/.test(src[j] ?? '')) j++;
      const value = Number(src.slice(c.i + 1, j));
      c.col += j - c.i;
      c.i = j;
      push('capture_arg', '&' + String(value), line, col, { value });
    } else if ('()[]{},;'.includes(ch) || (ch === '%' && /[{A-Za-z_]/.test(src[c.i + 1] ?? ''))) {
      // `%{` opens a map; `%` before a name starts a struct (`%User{`, `%_{`, `%__MODULE__{`).
      const text = ch === '%' ? (src[c.i + 1] === '{' ? '%{' : '%') : ch;
      c.i += text.length;
      c.col += text.length;
      if (text === '}' && inInterp && stack.length === 0) return out;
      if (text === '(' || text === '[' || text === '{' || text === '%{') stack.push({ text, line });
      else if (text === ')' || text === ']' || text === '}') closeBracket(stack, text, line, col);
      push('punct', text, line, col);
    } else {
      const op = OPS_BY_CHAR.get(ch)?.find((o) => src.startsWith(o, c.i));
      if (op === undefined) {
        const cp = src.codePointAt(c.i) ?? 0;
        const hex = cp.toString(16).toUpperCase().padStart(4, '0');
        throw syntaxError(line, col, `unexpected token: "${String.fromCodePoint(cp)}" (column ${col}, code point U+${hex})`);
      }
      c.i += op.length;
      c.col += op.length;
      if (op === '<<') stack.push({ text: op, line });
      else if (op === '>>' && stack[stack.length - 1]?.text === '<<') stack.pop();
      if (BINARY_ONLY_OPS.has(op)) dropNewlineBeforeBinaryOp(out);
      push('op', op, line, col);
    }
  }
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** `x\n|> f()` continues the expression, as in Elixir: the newline is not a separator. */
function dropNewlineBeforeBinaryOp(out: Token[]): void {
  if (out[out.length - 1]?.kind === 'nl') out.pop();
}

function closeBracket(stack: Opener[], text: string, line: number, col: number): void {
  const open = stack.pop();
  const what = text === 'end' ? 'unexpected reserved word: end' : `unexpected token: ${text}`;
  if (open === undefined) throw syntaxError(line, col, what);
  const expected = CLOSER[open.text] ?? '';
  if (expected !== text) {
    const o = open.text === '%{' ? '{' : open.text;
    throw syntaxError(line, col, `${what}. The "${o}" at line ${open.line} is missing terminator "${expected}"`);
  }
}

/** Quoted-key text must be literal: `"#{x}": 1` is not in the subset. */
function plainText(parts: readonly StrPart[], line: number, col: number): string {
  let s = '';
  for (const p of parts) {
    if (typeof p !== 'string') throw syntaxError(line, col, 'interpolation in keyword keys is not supported');
    s += p;
  }
  return s;
}

/** The cursor is on `:`; returns the atom's name. */
function lexAtom(c: Cursor): string {
  const { src } = c;
  const line = c.line;
  const col = c.col;
  const next = src[c.i + 1] ?? '';
  if (next === '"' || next === "'") {
    c.i += 2;
    c.col += 2;
    const parts = scanQuoted(c, { term: next, interp: true, escapes: true, what: 'atom', openLine: line, indent: null }, (cc) =>
      lexTokens(cc, true),
    );
    return plainText(parts, line, col);
  }
  if (IDENT_START.test(next) || ALIAS_START.test(next)) {
    let j = c.i + 2;
    while (j < src.length && /[a-zA-Z0-9_@]/.test(src[j] ?? '')) j++;
    if (src[j] === '?' || src[j] === '!') j++;
    const name = src.slice(c.i + 1, j);
    c.col += j - c.i;
    c.i = j;
    return name;
  }
  const op = ATOM_OPS.find((o) => src.startsWith(o, c.i + 1));
  if (op !== undefined) {
    c.i += 1 + op.length;
    c.col += 1 + op.length;
    return op;
  }
  throw syntaxError(line, col, `unexpected token: ":" (column ${col}, code point U+003A)`);
}

interface NumberTok {
  readonly value: number | bigint;
  readonly float: boolean;
  readonly raw: string;
}

/** Integers (`1_000`, `0x1F`, `0b101`, `0o17`, big) and floats (`1.0`, `1.0e-3`). */
function lexNumber(c: Cursor): NumberTok {
  const { src } = c;
  const start = c.i;
  const radix = src[c.i] === '0' ? ({ x: 16, b: 2, o: 8 } as Record<string, number>)[src[c.i + 1] ?? ''] : undefined;
  let j: number;
  let float = false;
  if (radix !== undefined) {
    j = c.i + 2;
    const digit = radix === 16 ? /[0-9a-fA-F_]/ : radix === 8 ? /[0-7_]/ : /[01_]/;
    while (digit.test(src[j] ?? '')) j++;
  } else {
    j = c.i;
    while (/[0-9_]/.test(src[j] ?? '')) j++;
    if (src[j] === '.' && /[0-9]/.test(src[j + 1] ?? '')) {
      float = true;
      j += 1;
      while (/[0-9_]/.test(src[j] ?? '')) j++;
      if ((src[j] === 'e' || src[j] === 'E') && /[0-9]/.test(src[j + (/[+-]/.test(src[j + 1] ?? '') ? 2 : 1)] ?? '')) {
        j += /[+-]/.test(src[j + 1] ?? '') ? 2 : 1;
        while (/[0-9]/.test(src[j] ?? '')) j++;
      }
    }
  }
  const raw = src.slice(start, j);
  c.col += j - c.i;
  c.i = j;
  const digits = (radix !== undefined ? raw.slice(2) : raw).replace(/_/g, '');
  if (float) return { value: Number(digits), float, raw };
  const big = radix === undefined ? BigInt(digits) : BigInt(['0x', '0b', '0o'][[16, 2, 8].indexOf(radix)] + digits);
  const value = big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  return { value, float, raw };
}
