/**
 * Text primitives for String: graphemes (Unicode extended grapheme clusters through
 * Intl.Segmenter, as String.graphemes/length count them; code points where Intl.Segmenter is
 * missing), pattern search with Elixir's rules (several patterns: leftmost match, longest at the
 * same position), and the argument checks that raise String's FunctionClauseError.
 */
import { Binary, type Term } from '../../term/types.ts';
import { functionClause } from './errors.ts';
import { enumToArray } from './enumerable.ts';

type Segmenter = { segment(s: string): Iterable<{ segment: string }> };
const IntlSeg = (Intl as unknown as { Segmenter?: new (l: undefined, o: { granularity: 'grapheme' }) => Segmenter }).Segmenter;
const segmenter: Segmenter | null = IntlSeg === undefined ? null : new IntlSeg(undefined, { granularity: 'grapheme' });

/**
 * Segmenting is done in chunks: V8's Intl.Segmenter takes time quadratic in the length of the
 * text it iterates (80,000 characters took 7 s), so a long string is segmented CHUNK
 * characters at a time, each chunk's last grapheme (which may go on past it) segmented again
 * at the start of the next. Linear; exact unless one grapheme is longer than a chunk.
 */
const CHUNK = 2048;

export function graphemes(s: string): string[] {
  if (segmenter === null) return Array.from(s);
  const out: string[] = [];
  let pos = 0;
  while (s.length - pos > CHUNK) {
    let last = '';
    let done = 0;
    for (const g of segmenter.segment(s.slice(pos, pos + CHUNK))) {
      if (last !== '') {
        out.push(last);
        done += last.length;
      }
      last = g.segment;
    }
    if (done === 0) {
      out.push(last);
      done = last.length;
    }
    pos += done;
  }
  for (const g of segmenter.segment(pos === 0 ? s : s.slice(pos))) out.push(g.segment);
  return out;
}

/** ASCII-only strings are one grapheme per char except "\r\n": the fast path for the common case. */
export function graphemeCount(s: string): number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(s) && !s.includes('\r\n')) return s.length;
  return graphemes(s).length;
}

/** The text of a String function's binary argument, else FunctionClauseError in String.name/arity. */
export function needText(t: Term, name: string, arity: number): string {
  if (typeof t !== 'object' || t.kind !== 'binary') return functionClause('String', name, arity);
  return t.text ?? String.fromCharCode(...t.bytes);
}

/** A pattern argument: one string or a list of strings. */
export function patterns(t: Term, name: string, arity: number): string[] {
  if (typeof t === 'object' && t.kind === 'binary') return [needText(t, name, arity)];
  if (typeof t === 'object' && (t.kind === 'cons' || t.kind === 'nil')) return enumToArray(t).map((p) => needText(p, name, arity));
  return functionClause('String', name, arity);
}

/** The leftmost match of any (non-empty) pattern from `from`, longest at equal positions. */
export function findMatch(s: string, pats: readonly string[], from: number): { index: number; length: number } | null {
  let best: { index: number; length: number } | null = null;
  for (const p of pats) {
    if (p === '') continue;
    const i = s.indexOf(p, from);
    if (i < 0) continue;
    if (best === null || i < best.index || (i === best.index && p.length > best.length)) best = { index: i, length: p.length };
  }
  return best;
}

export function bin(s: string): Binary {
  return Binary.fromString(s);
}

/** Elixir's whitespace for trim/split/1 (Unicode White_Space). */
export const WHITESPACE = /[\s\u0085]/u;
