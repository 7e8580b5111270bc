/**
 * Escaping and printability, as Elixir 1.14's `Inspect` does it for strings, charlists and
 * quoted atoms.
 */

const ESCAPES: Record<number, string> = {
  7: '\\a',
  8: '\\b',
  127: '\\d',
  27: '\\e',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
  92: '\\\\',
};

/**
 * Escape `s` for printing between `quote` characters, at most `limit` code points.
 * Returns the escaped text and whether code points were left over (the caller prints `...`).
 */
export function escape(s: string, quote: number, limit = Infinity): { text: string; truncated: boolean } {
  let out = '';
  let count = 0;
  let i = 0;
  while (i < s.length) {
    if (count >= limit) return { text: out, truncated: true };
    const c = s.codePointAt(i) as number;
    const w = c > 0xffff ? 2 : 1;
    if (c === quote) out += '\\' + String.fromCharCode(c);
    else if (c === 35 /* # */ && s.charCodeAt(i + 1) === 123 /* { */) {
      out += '\\#{';
      i++; // the `{` is consumed with the `#` (counted as one, as Elixir does)
    } else {
      const m = ESCAPES[c];
      out += m !== undefined ? m : escapeChar(c, s, i, w);
    }
    i += w;
    count++;
  }
  return { text: out, truncated: false };
}

function escapeChar(c: number, s: string, i: number, w: number): string {
  if (c === 0) return '\\0';
  if (c === 0xfeff) return '\\uFEFF'; // the BOM would be invisible
  if (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  )
    return w === 1 ? (s[i] as string) : s.slice(i, i + 2);
  const h = c.toString(16).toUpperCase();
  if (c < 0x100) return '\\x' + h.padStart(2, '0');
  return '\\x{' + h.padStart(c < 0x10000 ? 4 : 6, '0') + '}';
}

/** String.printable?/2 of Elixir 1.14: only the first `limit` code points are checked. */
export function isPrintableText(s: string, limit: number): boolean {
  let count = 0;
  for (let i = 0; i < s.length && count < limit; count++) {
    const c = s.codePointAt(i) as number;
    if (!isPrintableCodepoint(c)) return false;
    i += c > 0xffff ? 2 : 1;
  }
  return true;
}

function isPrintableCodepoint(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa0 && c <= 0xd7ff) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff) ||
    (c >= 7 && c <= 13) ||
    c === 27 ||
    c === 127
  );
}

/** List.ascii_printable?/2: printable ASCII or one of \a \b \t \n \v \f \r \e. */
export function isAsciiPrintable(c: unknown): boolean {
  return typeof c === 'number' && ((c >= 32 && c <= 126) || (c >= 7 && c <= 13) || c === 27);
}
