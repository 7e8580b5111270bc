/**
 * Operators (Elixir's precedence table, climbed), unary operators, and the postfix chain
 * `.name`, `.(args)`, `[key]` after a primary expression.
 */
import type { BinaryOp, Expr, Pos } from './ast.ts';
import type { Token } from './tokens.ts';
import { errorBefore, incompleteError } from './parser-errors.ts';
import {
  fail, isOp, isPunct, isSep, nested, next, peek, posOf, prev, skipNl, toExpr,
  type Node, type ParserState,
} from './parser.ts';
import { parsePrimary, parseTuple } from './parser-data.ts';
import { callArgs, canStartArg, plainArgs } from './parser-calls.ts';
import { parseBitstring } from './parser-bitstring.ts';
import { buildLocalCall } from './parser-forms.ts';

interface OpInfo {
  readonly prec: number;
  readonly right: boolean;
}

/** Binary operators by precedence, lowest first (Elixir's "Operators" table). */
const BINARY: ReadonlyMap<string, OpInfo> = new Map([
  ['<-', { prec: 1, right: false }],
  ['\\\\', { prec: 1, right: false }],
  ['when', { prec: 2, right: true }],
  ['=', { prec: 7, right: true }],
  ['||', { prec: 8, right: false }],
  ['|||', { prec: 8, right: false }],
  ['or', { prec: 8, right: false }],
  ['&&', { prec: 9, right: false }],
  ['&&&', { prec: 9, right: false }],
  ['and', { prec: 9, right: false }],
  ['==', { prec: 10, right: false }],
  ['!=', { prec: 10, right: false }],
  ['=~', { prec: 10, right: false }],
  ['===', { prec: 10, right: false }],
  ['!==', { prec: 10, right: false }],
  ['<', { prec: 11, right: false }],
  ['>', { prec: 11, right: false }],
  ['<=', { prec: 11, right: false }],
  ['>=', { prec: 11, right: false }],
  ['|>', { prec: 12, right: false }],
  ['<<<', { prec: 12, right: false }],
  ['>>>', { prec: 12, right: false }],
  ['in', { prec: 13, right: false }],
  ['not in', { prec: 13, right: false }],
  // `first..last//step`: `//` binds looser than `..` (Elixir's ternary_op).
  ['//', { prec: 14, right: true }],
  ['++', { prec: 15, right: true }],
  ['--', { prec: 15, right: true }],
  ['..', { prec: 15, right: true }],
  ['<>', { prec: 15, right: true }],
  ['+', { prec: 16, right: false }],
  ['-', { prec: 16, right: false }],
  ['*', { prec: 17, right: false }],
  ['/', { prec: 17, right: false }],
]);

/** Bitwise's binary operators (Elixir's precedence: `|||` as `||`, `&&&` as `&&`, `<<<`/`>>>` as `|>`). */
const BITWISE_OPS: ReadonlySet<string> = new Set(['&&&', '|||', '<<<', '>>>']);

/** Operands of `|` and `=>` inside lists and maps bind tighter than those two. */
export const PREC_CONTAINER = 5;
/** `&` captures everything from `=` up. */
const PREC_CAPTURE_OPERAND = 7;
/** Unary `- + ! ^ not` bind tighter than every binary operator. */
const PREC_UNARY = 19;

/** Climb binary operators whose precedence is at least `minPrec`. */
export function parseExpr(p: ParserState, minPrec: number): Node {
  let left = parseUnary(p);
  for (;;) {
    const t = peek(p);
    if (t.kind !== 'op') return left;
    const name = t.text === 'not' && isOp(peek(p, 1), 'in') ? 'not in' : t.text;
    const info = BINARY.get(name);
    if (info === undefined || info.prec < minPrec) return left;
    next(p);
    if (name === 'not in') next(p);
    skipNl(p);
    if (peek(p).kind === 'eof') throw incompleteError(prev(p));
    const right = parseExpr(p, info.right ? info.prec : info.prec + 1);
    left = binary(name, posOf(t), left, right);
  }
}

function binary(op: string, pos: Pos, left: Node, right: Node): Node {
  if (op === 'when' || op === '<-' || op === '\\\\') return { kind: op, pos, left, right };
  if (op === '//') {
    // `a..b//c` is Range.new(a, b, c), as Kernel's `..///3` macro expands it.
    const range = toExpr(left);
    if (range.kind !== 'binop' || range.op !== '..') return fail(pos, 'the range step operator (//) must immediately follow the range definition operator (..), for example: 1..9//2. If you wanted to define a default argument, use (\\\\) instead. Syntax error before: \'//\'');
    return { kind: 'remote', pos, module: { kind: 'alias', pos, name: 'Range' }, name: 'new', args: [range.left, range.right, toExpr(right)] };
  }
  // `a =~ b` is the Kernel function `=~/2`; Bitwise's operators are functions `import Bitwise` brings.
  if (op === '=~' || BITWISE_OPS.has(op)) return { kind: 'call', pos, name: op, args: [toExpr(left), toExpr(right)] };
  if (op === '=') return { kind: 'match', pos, pattern: toExpr(left), value: toExpr(right) };
  return { kind: 'binop', pos, op: op as BinaryOp, left: toExpr(left), right: toExpr(right) };
}

/** Prefix operators, then a primary with its postfix chain. */
function parseUnary(p: ParserState): Node {
  const t = peek(p);
  if (t.kind === 'eof') throw incompleteError(prev(p));
  if (t.kind !== 'op') return parsePostfix(p, parsePrimary(p));
  const pos = posOf(t);
  switch (t.text) {
    case '-':
    case '+':
    case '!':
    case 'not': {
      next(p);
      const arg = operand(p, PREC_UNARY);
      if ((t.text === '-' || t.text === '+') && (arg.kind === 'int' || arg.kind === 'float')) {
        // Folded as Elixir's compiler does, so `-1` is a literal (and a valid pattern).
        const value = t.text === '+' ? arg.value : typeof arg.value === 'bigint' ? -arg.value : -arg.value;
        return { ...arg, pos, value } as Expr;
      }
      return { kind: 'unop', pos, op: t.text, arg };
    }
    case '~~~': {
      // Bitwise's `~~~x` is the function `~~~/1` (after `import Bitwise`).
      next(p);
      return { kind: 'call', pos, name: '~~~', args: [toExpr(operand(p, PREC_UNARY))] };
    }
    case '^': {
      next(p);
      const arg = operand(p, PREC_UNARY);
      if (arg.kind !== 'var') return fail(pos, `invalid argument for unary operator ^, expected an existing variable`);
      return { kind: 'pin', pos, name: arg.name };
    }
    case '&': {
      next(p);
      // `&+/2`: an operator named by itself (`&Kernel.+/2` goes through the dot below).
      const op = peek(p), slash = peek(p, 1), n = peek(p, 2);
      if (op.kind === 'op' && isOp(slash, '/') && n.kind === 'int' && typeof n.value === 'number' && OPERATOR_NAMES.has(op.text)) {
        p.i += 3;
        return { kind: 'capture_fun', pos, module: null, name: op.text, arity: n.value };
      }
      return capture(pos, operand(p, PREC_CAPTURE_OPERAND));
    }
    case '<<':
      next(p);
      return parsePostfix(p, parseBitstring(p, pos));
    case '@':
      next(p);
      return parsePostfix(p, attribute(p, pos));
    default:
      throw errorBefore(t);
  }
}

/** Operators that are functions (of Kernel / :erlang): `&+/2`, `Kernel.+/2`, `:erlang.++(a, b)`. */
const OPERATOR_NAMES: ReadonlySet<string> = new Set([
  '+', '-', '*', '/', '++', '--', '<>', '==', '!=', '===', '!==', '<', '>', '<=', '>=', '=<', '=:=', '=/=', '/=', '..', '=~', '!', '**', '&&&', '|||', '<<<', '>>>', '~~~',
]);

function operand(p: ParserState, prec: number): Expr {
  skipNl(p);
  if (peek(p).kind === 'eof') throw incompleteError(prev(p));
  return toExpr(parseExpr(p, prec));
}

/** Typespec attributes: read and dropped (the playground does not check types). */
const TYPESPECS: ReadonlySet<string> = new Set(['spec', 'type', 'typep', 'opaque', 'callback', 'macrocallback']);

/**
 * Skips a typespec (`@spec f(integer) :: integer`): to the end of the line at bracket depth 0,
 * continuing over a line that ends with an operator or a comma (`| nil` on the next line).
 */
function skipTypespec(p: ParserState): void {
  let depth = 0;
  for (;;) {
    const t = peek(p);
    if (t.kind === 'eof') {
      if (depth > 0 || prev(p).kind === 'op') throw incompleteError(prev(p));
      return;
    }
    if (depth === 0 && isSep(t)) {
      const before = prev(p);
      if (!(before.kind === 'op' || isPunct(before, ','))) return;
    }
    if (t.kind === 'punct' && ['(', '[', '{', '%{', '<<'].includes(t.text)) depth++;
    if (t.kind === 'punct' && [')', ']', '}'].includes(t.text)) depth--;
    next(p);
  }
}

/** `@name value` sets a module attribute, `@name` reads it. */
function attribute(p: ParserState, pos: Pos): Expr {
  const t = next(p);
  if (t.kind === 'eof') throw incompleteError(prev(p));
  if (t.kind !== 'ident') throw errorBefore(t);
  if (TYPESPECS.has(t.text) && canStartArg(p, false)) {
    skipTypespec(p);
    return { kind: 'attr_set', pos, name: t.text, value: { kind: 'atom', pos, name: 'nil' } };
  }
  if (canStartArg(p, false)) {
    const { args } = callArgs(p, false);
    const value = args[0] === undefined ? undefined : toExpr(args[0]);
    if (args.length !== 1 || value === undefined) return fail(pos, `invalid write in module attribute @${t.text}`);
    return { kind: 'attr_set', pos, name: t.text, value };
  }
  return { kind: 'attr_get', pos, name: t.text };
}

/** `&Mod.fun/2`, `&fun/1` name functions; anything else is an anonymous function of `&1`… */
function capture(pos: Pos, body: Expr): Expr {
  if (body.kind === 'binop' && body.op === '/' && body.right.kind === 'int' && typeof body.right.value === 'number') {
    const f = body.left;
    if (f.kind === 'var') return { kind: 'capture_fun', pos, module: null, name: f.name, arity: body.right.value };
    if (f.kind === 'remote' && f.args.length === 0) {
      return { kind: 'capture_fun', pos, module: f.module, name: f.name, arity: body.right.value };
    }
  }
  return { kind: 'capture_expr', pos, body, arity: maxCaptureArg(body) };
}

/** The highest `&N` in a capture body (nested fns may not use `&N`, so no scoping is needed). */
function maxCaptureArg(e: unknown): number {
  if (Array.isArray(e)) return e.reduce((m: number, x) => Math.max(m, maxCaptureArg(x)), 0);
  if (e === null || typeof e !== 'object') return 0;
  const node = e as { kind?: string; index?: number };
  if (node.kind === 'capture_arg') return node.index ?? 0;
  if (node.kind === 'capture_expr') return 0;
  let m = 0;
  for (const [k, v] of Object.entries(e)) if (k !== 'pos') m = Math.max(m, maxCaptureArg(v));
  return m;
}

/** `.name`, `.name(args)`, `.Alias`, `.(args)`, `[key]` after an expression. */
export function parsePostfix(p: ParserState, start: Node): Node {
  let e = start;
  for (;;) {
    const t = peek(p);
    if (isOp(t, '.')) {
      e = dot(p, toExpr(e));
    } else if (isPunct(t, '[') && !t.sp && e.kind !== 'int' && e.kind !== 'float') {
      // `map[key]` is Access.get(map, key), exactly as Elixir expands it.
      next(p);
      skipNl(p);
      const key = toExpr(parseExpr(p, 0));
      skipNl(p);
      const close = next(p);
      if (!isPunct(close, ']')) throw errorBefore(close);
      const pos = (e as Expr).pos;
      const access: Expr = { kind: 'alias', pos, name: 'Access' };
      e = { kind: 'remote', pos, module: access, name: 'get', args: [toExpr(e), key] };
    } else return e;
  }
}

function dot(p: ParserState, subject: Expr): Expr {
  next(p);
  skipNl(p);
  const t = next(p);
  const pos = subject.pos;
  if (isPunct(t, '(')) {
    p.i--;
    return { kind: 'apply', pos, fun: subject, args: plainArgs(callArgs(p, true), pos) };
  }
  // `Foo.{Bar, Baz}` (alias, import and require take it): Elixir's own AST for it is the call `Foo.{}(Bar, Baz)`.
  if (isPunct(t, '{') && subject.kind === 'alias') {
    const items = nested(p, () => parseTuple(p, pos));
    return { kind: 'remote', pos, module: subject, name: '{}', args: items.kind === 'tuple' ? items.items : [] };
  }
  if (t.kind === 'alias') {
    if (subject.kind !== 'alias') return fail(posOf(t), `invalid alias: "${t.text}"`);
    return { kind: 'alias', pos, name: `${subject.name}.${t.text}` };
  }
  const name = nameOf(t) ?? (t.kind === 'op' && OPERATOR_NAMES.has(t.text) ? t.text : null);
  if (name === null) throw t.kind === 'eof' ? incompleteError(prev(p)) : errorBefore(t);
  const paren = isPunct(peek(p), '(') && !peek(p).sp;
  if (paren || canStartArg(p, false)) {
    const call = callArgs(p, paren);
    // Kernel's macros `if` and `unless` called by their full name: the same forms.
    if (subject.kind === 'alias' && subject.name === 'Kernel' && (name === 'if' || name === 'unless')) return toExpr(buildLocalCall(name, pos, call));
    return { kind: 'remote', pos, module: subject, name, args: plainArgs(call, pos) };
  }
  const moduleLike = subject.kind === 'alias' || subject.kind === 'atom' || subject.kind === 'module_ref';
  if (moduleLike) return { kind: 'remote', pos, module: subject, name, args: [] };
  return { kind: 'field', pos, subject, name };
}

/** After a dot any identifier-like word names a function, even reserved ones (`Kernel.in`). */
function nameOf(t: Token): string | null {
  if (t.kind === 'ident' || t.kind === 'reserved') return t.text;
  if (t.kind === 'op' && /^[a-z]+$/.test(t.text)) return t.text;
  if (t.kind === 'atom' && (t.text === 'true' || t.text === 'false' || t.text === 'nil')) return t.text;
  return null;
}
