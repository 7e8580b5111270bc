/**
 * Calls with and without parentheses, trailing keyword arguments and attached do-blocks.
 * Whether `name x` is a call is decided from spacing, as Elixir's tokenizer does:
 * `f x`, `f -1` (no space after `-`) and `f (1)` are calls; `x - 1`, `x -> `, `x, y` are not.
 */
import type { Expr, Pos } from './ast.ts';
import type { Token } from './tokens.ts';
import { syntaxError } from './parser-errors.ts';
import {
  isPunct, isReserved, next, nested, peek, posOf, skipNl, toExpr, expectPunct,
  type Node, type ParserState,
} from './parser.ts';
import { parseExpr } from './parser-exprs.ts';
import { parseDoBlock, type Section } from './parser-blocks.ts';
import { buildLocalCall } from './parser-forms.ts';

export interface KwPair {
  readonly key: string;
  readonly pos: Pos;
  readonly value: Expr;
}

export interface Call {
  readonly args: Node[];
  readonly kw: KwPair[];
  sections: Section[];
}

const ARG_OPS: ReadonlySet<string> = new Set(['!', '^', '&', '@', 'not', '<<']);

/**
 * Can the next token start the first argument of a call without parentheses?
 * `local` is true for a bare identifier: then `x -1` is read as a subtraction, because in the
 * shell a bare identifier is usually a variable (Elixir defers that choice to the compiler).
 */
export function canStartArg(p: ParserState, local: boolean): boolean {
  const t = peek(p);
  if (!t.sp) return false;
  switch (t.kind) {
    case 'int':
    case 'float':
    case 'atom':
    case 'string':
    case 'charlist':
    case 'sigil':
    case 'ident':
    case 'alias':
    case 'kw':
    case 'capture_arg':
      return true;
    case 'punct':
      return t.text === '[' || t.text === '{' || t.text === '%{' || t.text === '%' || t.text === '(';
    case 'reserved':
      return t.text === 'fn';
    case 'op':
      if (t.text === '-' || t.text === '+') {
        const after = peek(p, 1);
        return !local && !after.sp && after.kind !== 'nl' && after.kind !== 'eof';
      }
      return ARG_OPS.has(t.text) && !(t.text === 'not' && peek(p, 1).kind === 'op' && peek(p, 1).text === 'in');
    default:
      return false;
  }
}

/** Arguments after a name: `(a, b: 1)` when `paren`, else `a, b: 1`; then a `do` block if allowed. */
export function callArgs(p: ParserState, paren: boolean): Call {
  const call: Call = { args: [], kw: [], sections: [] };
  if (paren) {
    next(p);
    nested(p, () => {
      skipNl(p);
      if (!isPunct(peek(p), ')')) {
        argItems(p, call);
        skipNl(p);
      }
      expectPunct(p, ')');
    });
  } else {
    const saved = p.noDo;
    p.noDo = true;
    try {
      argItems(p, call);
    } finally {
      p.noDo = saved;
    }
  }
  if (!p.noDo && isReserved(peek(p), 'do')) call.sections = parseDoBlock(p);
  return call;
}

const KW_LAST_CALL =
  'unexpected expression after keyword list. Keyword lists must always come as the last argument. ' +
  'Therefore, this is not allowed:\n\n    function_call(1, some: :option, 2)\n\n' +
  'Instead, wrap the keyword in brackets:\n\n    function_call(1, [some: :option], 2)\n\nSyntax error after: \',\'';

function argItems(p: ParserState, call: Call): void {
  for (;;) {
    const t = peek(p);
    if (t.kind === 'kw') call.kw.push(kwPair(p, 0));
    else {
      const comma = p.toks[p.i - 1];
      if (call.kw.length > 0 && comma !== undefined) throw syntaxError(comma.line, comma.col, KW_LAST_CALL);
      call.args.push(parseExpr(p, 0));
    }
    if (!isPunct(peek(p), ',')) return;
    next(p);
    skipNl(p);
  }
}

/** `key: value`; the value binds at least as tightly as `minPrec`. */
export function kwPair(p: ParserState, minPrec: number): KwPair {
  const k = next(p);
  skipNl(p);
  return { key: k.text, pos: posOf(k), value: toExpr(parseExpr(p, minPrec)) };
}

/** `[a: 1, b: 2]` as Elixir sees it: a list of `{atom, value}` tuples. */
export function kwList(pairs: readonly KwPair[], pos: Pos): Expr {
  const items: Expr[] = pairs.map((kv) => ({
    kind: 'tuple',
    pos: kv.pos,
    items: [{ kind: 'atom', pos: kv.pos, name: kv.key }, kv.value],
  }));
  return { kind: 'list', pos, items, tail: null };
}

/** Arguments of an ordinary call: positional ones, then keywords and do-block sections as one list. */
export function plainArgs(call: Call, pos: Pos): Expr[] {
  const args = call.args.map(toExpr);
  const pairs: KwPair[] = [...call.kw];
  for (const s of call.sections) {
    if (s.body.kind === 'clauses') throw syntaxError(s.pos.line, s.pos.column, `unexpected -> clauses in ${s.name} block`);
    const [first] = s.body.exprs;
    const value: Expr =
      s.body.exprs.length === 1 && first !== undefined ? first : { kind: 'block', pos: s.pos, exprs: s.body.exprs };
    pairs.push({ key: s.name, pos: s.pos, value });
  }
  if (pairs.length > 0) args.push(kwList(pairs, pairs[0]?.pos ?? pos));
  return args;
}

/** A lowercase identifier in expression position: a variable, a local call, or a special form. */
export function parseIdent(p: ParserState, t: Token): Node {
  const pos = posOf(t);
  if (t.text === '__MODULE__') return { kind: 'module_ref', pos };
  const nextTok = peek(p);
  if (isPunct(nextTok, '(') && !nextTok.sp) return buildLocalCall(t.text, pos, callArgs(p, true));
  if (canStartArg(p, true)) return buildLocalCall(t.text, pos, callArgs(p, false));
  if (!p.noDo && isReserved(nextTok, 'do')) {
    return buildLocalCall(t.text, pos, { args: [], kw: [], sections: parseDoBlock(p) });
  }
  return { kind: 'var', pos, name: t.text };
}
