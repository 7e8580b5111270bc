/**
 * Parser entry point and the state shared by the parser modules (parser-exprs: operators and
 * calls; parser-data: literals and containers; parser-blocks: clauses and do-blocks;
 * parser-forms: if/case/def/... built from calls). Recursive descent with a precedence climber:
 * one token of lookahead (two for `not in`), no backtracking, so parsing is linear.
 */
import type { Expr, ParseResult, Pos } from './ast.ts';
import type { Token } from './tokens.ts';
import { tokenize } from './lexer.ts';
import { ParseFail, errorBefore, incompleteError, syntaxError } from './parser-errors.ts';
import { parseExpr } from './parser-exprs.ts';

/**
 * Operators that only make sense inside a construct (`when` in clause heads, `<-` in for/with,
 * `\\` in def heads). The parser carries them as these nodes until the construct takes them apart;
 * anywhere else `toExpr` rejects them, so they never reach the compiler.
 */
export type Internal =
  | { kind: 'when'; pos: Pos; left: Node; right: Node }
  | { kind: '<-'; pos: Pos; left: Node; right: Node }
  | { kind: '\\\\'; pos: Pos; left: Node; right: Node }
  /** `f(x, y \\ 1)`: a call whose arguments hold defaults, valid only as a def head. */
  | { kind: 'head'; pos: Pos; name: string; args: readonly Node[] };

export type Node = Expr | Internal;

export interface ParserState {
  readonly toks: readonly Token[];
  i: number;
  /** Inside the arguments of a call without parentheses: a `do` belongs to that outer call. */
  noDo: boolean;
}

/** Parse a whole input: one expression, or a `block` of several separated by newlines or `;`. */
export function parse(source: string): ParseResult {
  try {
    const toks = tokenize(source);
    const p: ParserState = { toks, i: 0, noDo: false };
    const exprs = parseExprList(p, (t) => t.kind === 'eof');
    const first = exprs[0];
    const expr: Expr =
      exprs.length === 1 && first !== undefined ? first : { kind: 'block', pos: first?.pos ?? { line: 1, column: 1 }, exprs };
    return { ok: true, expr };
  } catch (e) {
    if (e instanceof ParseFail) return { ok: false, error: e.info };
    // A bug in the parser must still not escape `parse`: report it as a syntax error.
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { type: 'SyntaxError', line: 1, column: 1, message, incomplete: false } };
  }
}

/** Expressions separated by newlines or `;`, until `stop` says the closing token is next. */
export function parseExprList(p: ParserState, stop: (t: Token) => boolean): Expr[] {
  const exprs: Expr[] = [];
  for (;;) {
    skipSeps(p);
    if (stop(peek(p))) return exprs;
    exprs.push(toExpr(parseExpr(p, 0)));
    const t = peek(p);
    if (t.kind === 'op' && t.text !== '->' && peek(p, 1).kind === 'eof') throw incompleteError(t);
    if (!stop(t) && !isSep(t)) throw errorBefore(t);
  }
}

/** Several expressions become a block; none is nil (as `do end` evaluates to nil). */
export function blockOf(exprs: readonly Expr[], pos: Pos): Expr {
  const first = exprs[0];
  if (exprs.length === 1 && first !== undefined) return first;
  if (exprs.length === 0) return { kind: 'atom', pos, name: 'nil' };
  return { kind: 'block', pos: first?.pos ?? pos, exprs };
}

/** Reject construct-only operators where a plain expression is needed. */
export function toExpr(n: Node): Expr {
  switch (n.kind) {
    case 'when':
      return fail(n.pos, 'unexpected operator when outside of a clause head');
    case '<-':
      return fail(n.pos, 'unexpected operator <- outside of for/with');
    case 'head':
      return fail(n.pos, 'default arguments (\\\\) are only allowed in def heads');
    case '\\\\':
      return fail(n.pos, 'unexpected operator \\\\ outside of a def head');
    default:
      return n;
  }
}

export function fail(pos: Pos, message: string): never {
  throw syntaxError(pos.line, pos.column, message);
}

export function posOf(t: Token): Pos {
  return { line: t.line, column: t.col };
}

export function peek(p: ParserState, k = 0): Token {
  return p.toks[p.i + k] ?? p.toks[p.toks.length - 1] ?? { kind: 'eof', text: '', line: 1, col: 1, sp: false };
}

export function next(p: ParserState): Token {
  const t = peek(p);
  if (p.i < p.toks.length - 1) p.i++;
  return t;
}

/** The token just consumed (for "expression is incomplete" positions). */
export function prev(p: ParserState): Token {
  return p.toks[p.i - 1] ?? peek(p);
}

export function isPunct(t: Token, text: string): boolean {
  return t.kind === 'punct' && t.text === text;
}

export function isOp(t: Token, text: string): boolean {
  return t.kind === 'op' && t.text === text;
}

export function isReserved(t: Token, text: string): boolean {
  return t.kind === 'reserved' && t.text === text;
}

export function isSep(t: Token): boolean {
  return t.kind === 'nl' || isPunct(t, ';');
}

export function expectPunct(p: ParserState, text: string): Token {
  const t = peek(p);
  if (!isPunct(t, text)) throw errorBefore(t);
  return next(p);
}

export function skipNl(p: ParserState): void {
  while (peek(p).kind === 'nl') next(p);
}

export function skipSeps(p: ParserState): void {
  while (isSep(peek(p))) next(p);
}

/** Run `f` with the do-block rule reset, as every bracket and block body does. */
export function nested<T>(p: ParserState, f: () => T): T {
  const saved = p.noDo;
  p.noDo = false;
  try {
    return f();
  } finally {
    p.noDo = saved;
  }
}
