/**
 * Primary expressions: literals, strings with interpolation, sigils, `( … )`, lists (with
 * `| tail` and keywords), tuples and maps (`%{k => v}`, `%{a: 1}`, `%{m | a: 2}`).
 */
import type { Expr, Pos } from './ast.ts';
import type { StrPart, Token } from './tokens.ts';
import { errorBefore, syntaxError } from './parser-errors.ts';
import {
  blockOf, expectPunct, fail, isOp, isPunct, nested, next, parseExprList, peek, posOf, prev, skipNl, toExpr,
  type Node, type ParserState,
} from './parser.ts';
import { PREC_CONTAINER, parseExpr } from './parser-exprs.ts';
import { kwList, kwPair, parseIdent, type KwPair } from './parser-calls.ts';
import { parseFn, parseStab } from './parser-blocks.ts';

export function parsePrimary(p: ParserState): Node {
  const t = next(p);
  const pos = posOf(t);
  switch (t.kind) {
    case 'int':
      return { kind: 'int', pos, value: t.value ?? 0 };
    case 'float':
      return { kind: 'float', pos, value: Number(t.value ?? 0) };
    case 'atom':
      return { kind: 'atom', pos, name: t.text };
    case 'alias':
      return { kind: 'alias', pos, name: t.text };
    case 'capture_arg':
      return { kind: 'capture_arg', pos, index: Number(t.value ?? 0) };
    case 'string':
      return { kind: 'string', pos, parts: strParts(t.parts ?? []) };
    case 'charlist':
      return { kind: 'charlist', pos, parts: strParts(t.parts ?? []) };
    case 'sigil':
      return sigil(t, pos);
    case 'ident':
      return parseIdent(p, t);
    case 'reserved':
      if (t.text === 'fn') return parseFn(p, t);
      throw errorBefore(t);
    case 'punct':
      switch (t.text) {
        case '(':
          return nested(p, () => {
            if (stabAhead(p)) {
              const body = parseStab(p, (x) => isPunct(x, ')') || x.kind === 'eof');
              expectPunct(p, ')');
              return body.kind === 'clauses' ? { kind: 'stab', pos, clauses: body.clauses } : blockOf(body.exprs, pos);
            }
            const exprs = parseExprList(p, (x) => isPunct(x, ')'));
            next(p);
            return blockOf(exprs, pos);
          });
        case '[':
          return nested(p, () => list(p, pos));
        case '{':
          return nested(p, () => parseTuple(p, pos));
        case '%{':
          return nested(p, () => map(p, pos));
        case '%':
          return nested(p, () => struct(p, pos));
      }
      throw errorBefore(t);
    default:
      throw errorBefore(t);
  }
}

/** Interpolations were lexed into token lists; each is parsed as its own little program. */
function strParts(parts: readonly StrPart[]): (string | Expr)[] {
  return parts.map((part) => {
    if (typeof part === 'string') return part;
    const last = part.tokens[part.tokens.length - 1] ?? { line: part.line, col: part.col };
    const eof: Token = { kind: 'eof', text: '', line: last.line, col: last.col, sp: false };
    const sub: ParserState = { toks: [...part.tokens, eof], i: 0, noDo: false };
    return blockOf(parseExprList(sub, (x) => x.kind === 'eof'), { line: part.line, column: part.col });
  });
}

/** `~w(a b)` → list of strings (`a`: atoms, `c`: charlists); `~s`/`~S` strings; `~c`/`~C` charlists. */
function sigil(t: Token, pos: Pos): Expr {
  const parts = strParts(t.parts ?? []);
  const mods = t.modifiers ?? '';
  switch (t.text) {
    case 's':
    case 'S':
      return { kind: 'string', pos, parts };
    case 'c':
    case 'C':
      return { kind: 'charlist', pos, parts };
    case 'w':
    case 'W': {
      if (parts.some((x) => typeof x !== 'string')) return fail(pos, 'interpolation in ~w is not supported');
      const words = parts.join('').split(/\s+/).filter((w) => w !== '');
      const mod = mods === '' ? 's' : mods;
      if (!/^[sac]$/.test(mod)) return fail(pos, `modifier must be one of: s, a, c`);
      const items: Expr[] = words.map((w) =>
        mod === 'a' ? { kind: 'atom', pos, name: w } : { kind: mod === 'c' ? 'charlist' : 'string', pos, parts: [w] },
      );
      return { kind: 'list', pos, items, tail: null };
    }
    case 'r':
    case 'R': {
      // Regex.compile!/2 at run time: the same %Regex{} and the same Regex.CompileError.
      const regex: Expr = { kind: 'alias', pos, name: 'Regex' };
      const source: Expr = { kind: 'string', pos, parts };
      return { kind: 'remote', pos, module: regex, name: 'compile!', args: [source, { kind: 'string', pos, parts: [mods] }] };
    }
    case 'D':
    case 'T':
    case 'N':
    case 'U': {
      // Calendar.ISO.__sigil__/2 builds the struct at run time (calendar.ts), raising Elixir's ArgumentError.
      if (parts.some((x) => typeof x !== 'string')) return fail(pos, `undefined function sigil_${t.text}/2`);
      const iso: Expr = { kind: 'alias', pos, name: 'Calendar.ISO' };
      const args: Expr[] = [{ kind: 'string', pos, parts: [t.text] }, { kind: 'string', pos, parts }];
      return { kind: 'remote', pos, module: iso, name: '__sigil__', args };
    }
    default:
      // Any other sigil is a call of the imported or local sigil_x(string, modifiers), as Elixir's.
      return { kind: 'call', pos, name: `sigil_${t.text}`, args: [{ kind: 'string', pos, parts }, { kind: 'charlist', pos, parts: [mods] }] };
  }
}

const KW_LAST_CONTAINER =
  'unexpected expression after keyword list. Keyword lists must always come last in lists and maps. ' +
  'Therefore, this is not allowed:\n\n    [some: :value, :another]\n    %{some: :value, another => value}\n\n' +
  'Instead, reorder it to be the last entry:\n\n    [:another, some: :value]\n    %{another => value, some: :value}\n\n' +
  "Syntax error after: ','";

/** Comma-separated entries up to `close` (a trailing comma is allowed); `item` reads one. */
function entries(p: ParserState, close: string, item: (kwSeen: boolean) => 'kw' | 'item' | 'stop' | 'more'): void {
  let kwSeen = false;
  skipNl(p);
  while (!isPunct(peek(p), close)) {
    if (peek(p).kind !== 'kw' && kwSeen) {
      const comma = prev(p);
      throw syntaxError(comma.line, comma.col, KW_LAST_CONTAINER);
    }
    const r = item(kwSeen);
    if (r === 'kw') kwSeen = true;
    skipNl(p);
    if (r === 'more') continue;
    if (r === 'stop' || !isPunct(peek(p), ',')) break;
    next(p);
    skipNl(p);
  }
  expectPunct(p, close);
}

function list(p: ParserState, pos: Pos): Expr {
  const items: Expr[] = [];
  const kws: KwPair[] = [];
  let tail: Expr | null = null;
  entries(p, ']', () => {
    if (peek(p).kind === 'kw') {
      kws.push(kwPair(p, PREC_CONTAINER));
      return 'kw';
    }
    items.push(toExpr(parseExpr(p, PREC_CONTAINER)));
    if (!isOp(peek(p), '|')) return 'item';
    next(p);
    skipNl(p);
    tail = toExpr(parseExpr(p, PREC_CONTAINER));
    return 'stop';
  });
  const kwl = kwList(kws, pos);
  if (kwl.kind === 'list') items.push(...kwl.items);
  return { kind: 'list', pos, items, tail };
}

/** The items of `{...}` after its opening brace, up to and with the closing one. */
export function parseTuple(p: ParserState, pos: Pos): Expr {
  const items: Expr[] = [];
  const kws: KwPair[] = [];
  entries(p, '}', () => {
    if (peek(p).kind === 'kw') {
      kws.push(kwPair(p, PREC_CONTAINER));
      return 'kw';
    }
    items.push(toExpr(parseExpr(p, PREC_CONTAINER)));
    return 'item';
  });
  if (kws.length > 0) items.push(kwList(kws, kws[0]?.pos ?? pos));
  return { kind: 'tuple', pos, items };
}

function map(p: ParserState, pos: Pos): Expr {
  const pairs: (readonly [Expr, Expr])[] = [];
  let update: Expr | null = null;
  let first = true;
  entries(p, '}', () => {
    const t = peek(p);
    if (t.kind === 'kw') {
      const kv = kwPair(p, PREC_CONTAINER);
      pairs.push([{ kind: 'atom', pos: kv.pos, name: kv.key }, kv.value]);
      first = false;
      return 'kw';
    }
    const key = toExpr(parseExpr(p, PREC_CONTAINER));
    if (first && isOp(peek(p), '|')) {
      // `%{base | k => v}`: what follows the bar are the updated pairs.
      next(p);
      skipNl(p);
      update = key;
      first = false;
      return 'more';
    }
    first = false;
    const arrow = next(p);
    if (!isOp(arrow, '=>')) throw errorBefore(arrow);
    skipNl(p);
    pairs.push([key, toExpr(parseExpr(p, PREC_CONTAINER))]);
    return 'item';
  });
  return { kind: 'map', pos, pairs, update };
}

/** `%Name{...}` after the `%`: the name (an alias, `__MODULE__`, or in patterns `_`/a variable), then a map body. */
function struct(p: ParserState, pos: Pos): Expr {
  const t = next(p);
  const tpos = posOf(t);
  let module: Expr;
  if (t.kind === 'alias') module = { kind: 'alias', pos: tpos, name: t.text };
  else if (t.kind === 'ident' && t.text === '__MODULE__') module = { kind: 'module_ref', pos: tpos };
  else if (t.kind === 'ident') module = { kind: 'var', pos: tpos, name: t.text };
  else throw errorBefore(t);
  const open = next(p);
  if (!isPunct(open, '{')) throw errorBefore(open);
  const body = map(p, pos);
  if (body.kind !== 'map') return body;
  return { kind: 'struct', pos, module, pairs: body.pairs, update: body.update };
}

/**
 * After `(`: whether a `->` comes before the matching `)` outside any nested bracket or
 * `fn`/`do` … `end`, i.e. the parentheses hold clauses (`(n -> n)`), not expressions.
 */
function stabAhead(p: ParserState): boolean {
  let depth = 0;
  for (let k = 0; ; k++) {
    const t = peek(p, k);
    if (t.kind === 'eof') return false;
    if (t.kind === 'punct') {
      if (t.text === '(' || t.text === '[' || t.text === '{' || t.text === '%{' || t.text === '<<') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        if (depth === 0) return false;
        depth--;
      }
    } else if (isOp(t, '>>')) depth--;
    else if (t.kind === 'reserved') {
      if (t.text === 'fn' || t.text === 'do') depth++;
      else if (t.text === 'end') depth--;
    } else if (depth === 0 && isOp(t, '->')) return true;
  }
}
