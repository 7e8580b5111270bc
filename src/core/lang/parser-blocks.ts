/**
 * `do … else … end` blocks, `->` clause lists ("stabs") and `fn … end`.
 * A section holds either plain expressions or clauses; which one is known only once a `->`
 * (or a `,` in a multi-parameter head) follows the first expression, so each expression is
 * parsed once and then filed as a body line or a clause head: no backtracking.
 */
import type { Clause, Expr, Pos } from './ast.ts';
import type { Token } from './tokens.ts';
import { errorBefore } from './parser-errors.ts';
import {
  blockOf, fail, isOp, isPunct, isReserved, isSep, nested, next, peek, posOf, skipNl, skipSeps, toExpr,
  type Node, type ParserState,
} from './parser.ts';
import { parseExpr } from './parser-exprs.ts';

export type SectionBody = { readonly kind: 'block'; readonly exprs: Expr[] } | { readonly kind: 'clauses'; readonly clauses: Clause[] };

export interface Section {
  /** do, else, after, rescue, catch */
  readonly name: string;
  readonly pos: Pos;
  readonly body: SectionBody;
}

const SECTION_WORDS: ReadonlySet<string> = new Set(['end', 'else', 'after', 'rescue', 'catch']);

function isSectionEnd(t: Token): boolean {
  return t.kind === 'reserved' && SECTION_WORDS.has(t.text);
}

/** The cursor is on `do`: read every section up to and including `end`. */
export function parseDoBlock(p: ParserState): Section[] {
  const sections: Section[] = [];
  let head = next(p);
  for (;;) {
    const body = nested(p, () => parseStab(p, isSectionEnd));
    sections.push({ name: head.text, pos: posOf(head), body });
    const t = next(p);
    if (isReserved(t, 'end')) return sections;
    head = t;
  }
}

/** `fn` has been consumed: clauses up to `end`. */
export function parseFn(p: ParserState, fnTok: Token): Expr {
  const pos = posOf(fnTok);
  const body = nested(p, () => parseStab(p, (t) => isReserved(t, 'end')));
  const end = next(p);
  if (!isReserved(end, 'end')) throw errorBefore(end);
  if (body.kind !== 'clauses' || body.clauses.length === 0) {
    return fail(pos, `expected anonymous functions to be defined with -> inside: 'fn'`);
  }
  return { kind: 'fn', pos, clauses: body.clauses };
}

interface OpenClause {
  readonly pos: Pos;
  readonly params: Expr[];
  readonly guard: Expr | null;
  readonly body: Expr[];
}

/** Expressions or `head -> body` clauses until `stop` matches (the stop token is not consumed). */
export function parseStab(p: ParserState, stop: (t: Token) => boolean): SectionBody {
  const exprs: Expr[] = [];
  const clauses: Clause[] = [];
  let cur: OpenClause | null = null;
  const close = (): void => {
    if (cur !== null) clauses.push({ pos: cur.pos, params: cur.params, guard: cur.guard, body: blockOf(cur.body, cur.pos) });
  };
  for (;;) {
    skipSeps(p);
    const t = peek(p);
    if (stop(t)) break;
    const heads: Node[] = [];
    if (!isOp(t, '->')) {
      heads.push(parseExpr(p, 0));
      const after = peek(p);
      if (!isPunct(after, ',') && !isOp(after, '->')) {
        if (!stop(after) && !isSep(after)) throw errorBefore(after);
        const [e] = heads;
        if (e === undefined) continue;
        if (cur !== null) cur.body.push(toExpr(e));
        else exprs.push(toExpr(e));
        continue;
      }
      while (isPunct(peek(p), ',')) {
        next(p);
        skipNl(p);
        heads.push(parseExpr(p, 0));
      }
    }
    const arrow = peek(p);
    if (!isOp(arrow, '->') || exprs.length > 0) throw errorBefore(arrow);
    next(p);
    close();
    cur = clauseHead(heads, posOf(heads.length > 0 ? t : arrow));
  }
  close();
  if (clauses.length > 0) return { kind: 'clauses', clauses };
  return { kind: 'block', exprs };
}

/** `a, b when g` parses as `a, (b when g)`: the guard hangs off the last parameter. */
function clauseHead(heads: readonly Node[], pos: Pos): OpenClause {
  const params: Expr[] = [];
  let guard: Expr | null = null;
  heads.forEach((h, i) => {
    if (h.kind === 'when' && i === heads.length - 1) {
      params.push(toExpr(h.left));
      guard = toExpr(h.right);
    } else params.push(toExpr(h));
  });
  return { pos, params, guard, body: [] };
}
