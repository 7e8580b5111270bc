/**
 * `<<...>>`: segments `value::spec` separated by commas, and the binary generator of a `for`,
 * `<<r::8, g::8 <- pixels>>` (Elixir reads its last segment as `(g::8) <- pixels`). The spec is
 * kept as the expression written (`binary-size(n)`, `8*4`); bitstring-spec.ts gives it meaning.
 */
import type { Expr, Pos, Segment } from './ast.ts';
import { errorBefore, incompleteError } from './parser-errors.ts';
import { isOp, isPunct, next, peek, posOf, prev, skipNl, toExpr, type ParserState } from './parser.ts';
import { parseExpr, PREC_CONTAINER } from './parser-exprs.ts';

/** The cursor is just past `<<`. */
export function parseBitstring(p: ParserState, pos: Pos): Expr {
  const segments: Segment[] = [];
  let generator: Expr | null = null;
  skipNl(p);
  while (!isOp(peek(p), '>>')) {
    const at = posOf(peek(p));
    const value = toExpr(parseExpr(p, PREC_CONTAINER));
    let spec: Expr | null = null;
    if (isOp(peek(p), '::')) {
      next(p);
      skipNl(p);
      if (peek(p).kind === 'eof') throw incompleteError(prev(p));
      spec = toExpr(parseExpr(p, PREC_CONTAINER));
    }
    segments.push({ pos: at, value, spec });
    skipNl(p);
    let t = peek(p);
    if (isOp(t, '<-') && generator === null) {
      next(p);
      skipNl(p);
      if (peek(p).kind === 'eof') throw incompleteError(prev(p));
      generator = toExpr(parseExpr(p, PREC_CONTAINER));
      skipNl(p);
      t = peek(p);
      if (!isOp(t, '>>')) throw t.kind === 'eof' ? incompleteError(prev(p)) : errorBefore(t);
      break;
    }
    if (isPunct(t, ',')) {
      next(p);
      skipNl(p);
    } else if (!isOp(t, '>>')) throw t.kind === 'eof' ? incompleteError(prev(p)) : errorBefore(t);
  }
  next(p);
  return { kind: 'bitstring', pos, segments, generator };
}
