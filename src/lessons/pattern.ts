/**
 * A step's expected output, as a lesson author writes it: the text iex printed, where
 *   {host}  is the lesson's host (the tabs are `one@{host}`, `two@{host}`),
 *   {pid}   any `#PID<…>`, {ref} any `#Reference<…>`, {fun} any `#Function<…>`,
 *   {*}     any text.
 * Whitespace runs (line breaks included) count as one space on both sides, because inspect wraps
 * a term at 80 columns and a pid's or reference's length moves the break. The output shows the
 * step done when the pattern occurs in it anywhere.
 *
 * No regular expressions from the file: a pattern is literal pieces with gaps, found left to
 * right with indexOf, so a hostile lesson cannot make the check backtrack for ever (and the
 * parser bounds the gaps, format.ts).
 */

/** The literal pieces of a pattern; between two pieces any text may stand. */
export type Pattern = readonly string[];

const PLACEHOLDERS: Readonly<Record<string, readonly string[]>> = {
  '{*}': ['', ''],
  '{pid}': ['#PID<', '>'],
  '{ref}': ['#Reference<', '>'],
  '{fun}': ['#Function<', '>'],
};

/** A lesson's text (code or pattern) for tabs at `host`. */
export const withHost = (text: string, host: string): string => text.replaceAll('{host}', host);

/** Whitespace runs as one space, trimmed: how output and patterns are compared. */
export const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function compilePattern(source: string, host: string): Pattern {
  const pieces: string[] = [];
  let piece = '';
  for (const part of squash(withHost(source, host)).split(/(\{\*\}|\{pid\}|\{ref\}|\{fun\})/)) {
    const gap = PLACEHOLDERS[part];
    if (gap === undefined) {
      piece += part;
    } else {
      // `#PID<` + gap + `>`: the text before the gap ends this piece, the text after starts the next.
      pieces.push(piece + gap[0]);
      piece = gap[1] as string;
    }
  }
  return [...pieces, piece];
}

/** Where the first occurrence of `pattern` in `text` (squashed) ends, or -1. */
export function findPattern(pattern: Pattern, text: string): number {
  const [first = '', ...rest] = pattern;
  let at = text.indexOf(first);
  if (at < 0) return -1;
  at += first.length;
  for (const piece of rest) {
    const found = text.indexOf(piece, at);
    if (found < 0) return -1;
    at = found + piece.length;
  }
  return at;
}

/**
 * Whether a match of `pattern` could end in `text` after `from` (what was just added): its last
 * piece must. A cheap test before findPattern, so a tab that prints fast checks little.
 */
export function mayEndIn(pattern: Pattern, text: string, from: number): boolean {
  const last = pattern[pattern.length - 1] ?? '';
  return last === '' || text.indexOf(last, Math.max(0, from - last.length + 1)) >= 0;
}
