/**
 * More of Elixir 1.14's String (beside string.ts): case modes, replace_leading/trailing,
 * printable?, next_codepoint/next_grapheme, Unicode normalization (JS's normalize is the same
 * Unicode algorithm), jaro_distance and bag_distance over graphemes; and Integer's
 * extended_gcd and to_charlist/2. Checked against real iex (golden/25-strings-more.exs).
 * Modes `:greek` and `:turkic` are taken as `:default` (JS has no language-specific casing
 * without a locale).
 */
import { atom, bool, NIL_ATOM, Tuple, type Term } from '../../term/types.ts';
import { isPrintableText } from '../../term/escape.ts';
import { at, defineBifs } from './define.ts';
import { argumentError } from '../errors.ts';
import { functionClause } from './errors.ts';
import { bin, graphemes, needText } from './text.ts';
import { fromArray } from './enumerable.ts';
import { needInt } from './numbers.ts';
import { mkFloat } from './values.ts';
import { STEP, walk, type Walk } from './walk.ts';

const ASCII = atom('ascii');

function withMode(a: readonly Term[], name: string, ascii: (s: string) => string, unicode: (s: string) => string): Term {
  const s = needText(at(a, 0), name, 2);
  const mode = at(a, 1);
  if (mode === ASCII) return bin(ascii(s));
  if (mode === atom('default') || mode === atom('greek') || mode === atom('turkic')) return bin(unicode(s));
  return functionClause('String', name, 2);
}

const asciiUp = (s: string) => s.replace(/[a-z]+/g, (m) => m.toUpperCase());
const asciiDown = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

function capitalizeWith(s: string, up: (s: string) => string, down: (s: string) => string): string {
  const gs = graphemes(s);
  return gs.length === 0 ? '' : up(gs[0] as string) + down(gs.slice(1).join(''));
}

/** Every `match` at the start (or end) of `s` replaced by `replacement`, as many times. */
function replaceEdge(a: readonly Term[], name: string, leading: boolean): Term {
  const [s, match, replacement] = [needText(at(a, 0), name, 3), needText(at(a, 1), name, 3), needText(at(a, 2), name, 3)];
  if (match === '') return argumentError("cannot use an empty string as the match to replace");
  // Indexes, not slices: a long run of matches stays linear.
  const m = match.length;
  let n = 0;
  if (leading) {
    while (s.startsWith(match, n * m)) n++;
    return bin(replacement.repeat(n) + s.slice(n * m));
  }
  while (s.length - (n + 1) * m >= 0 && s.startsWith(match, s.length - (n + 1) * m)) n++;
  return bin(s.slice(0, s.length - n * m) + replacement.repeat(n));
}

function printable(t: Term, limit: Term): Term {
  if (typeof t !== 'object' || t.kind !== 'binary') return functionClause('String', 'printable?', 2);
  const n = limit === atom('infinity') ? Infinity : typeof limit === 'number' && limit >= 0 ? limit : functionClause('String', 'printable?', 2);
  if (n === 0) return bool(true);
  if (t.text === null) return bool(false);
  return bool(isPrintableText(t.text, n));
}

/** `{first, rest}` of a string split after its first code point or grapheme; nil when empty. */
function next(t: Term, name: string, first: (s: string) => string): Term {
  const s = needText(t, name, 1);
  if (s === '') return NIL_ATOM;
  const f = first(s);
  return new Tuple([bin(f), bin(s.slice(f.length))]);
}

const firstCodepoint = (s: string) => String.fromCodePoint(s.codePointAt(0) as number);
const firstGrapheme = (s: string) => graphemes(s.slice(0, 64))[0] ?? '';

const FORMS: Record<string, 'NFC' | 'NFD' | 'NFKC' | 'NFKD'> = { nfc: 'NFC', nfd: 'NFD', nfkc: 'NFKC', nfkd: 'NFKD' };

function normalize(a: readonly Term[]): Term {
  const s = needText(at(a, 0), 'normalize', 2);
  const f = at(a, 1);
  const form = typeof f === 'object' && f.kind === 'atom' && Object.hasOwn(FORMS, f.name) ? FORMS[f.name] : undefined;
  return form === undefined ? functionClause('String', 'normalize', 2) : bin(s.normalize(form));
}

/**
 * Jaro similarity of two grapheme sequences (1.0 equal, 0.0 nothing in common). The matching
 * window makes it quadratic on long strings, so it is a walk: it yields every STEP comparisons.
 */
export function* jaro(a: readonly string[], b: readonly string[]): Walk<number> {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const usedB = new Array<boolean>(b.length).fill(false);
  const matchedA: string[] = [];
  let work = 0;
  for (let i = 0; i < a.length; i++) {
    const hi = Math.min(b.length - 1, i + window);
    for (let j = Math.max(0, i - window); j <= hi; j++) {
      if (!usedB[j] && a[i] === b[j]) {
        usedB[j] = true;
        matchedA.push(a[i] as string);
        break;
      }
    }
    work += hi - i + window + 1;
    if (work >= STEP) {
      work = 0;
      yield;
    }
  }
  const m = matchedA.length;
  if (m === 0) return 0;
  const matchedB = b.filter((_, j) => usedB[j]);
  let half = 0;
  for (let k = 0; k < m; k++) if (matchedA[k] !== matchedB[k]) half++;
  const t = half / 2;
  return (m / a.length + m / b.length + (m - t) / m) / 3;
}

/** Elixir's bag distance: 1 - the larger bag difference over the longer length (0.0 if either is empty). */
function bagDistance(x: string, y: string): number {
  if (x === '' || y === '') return 0;
  const bag = (gs: string[]) => gs.reduce((m, g) => m.set(g, (m.get(g) ?? 0) + 1), new Map<string, number>());
  const [gx, gy] = [graphemes(x), graphemes(y)];
  const [bx, by] = [bag(gx), bag(gy)];
  const diff = (p: Map<string, number>, q: Map<string, number>) => {
    let d = 0;
    for (const [g, n] of p) d += Math.max(0, n - (q.get(g) ?? 0));
    return d;
  };
  return 1 - Math.max(diff(bx, by), diff(by, bx)) / Math.max(gx.length, gy.length);
}

/** jaro_distance/2 traps (a control BIF): see jaro. */
export const stringWalkBifs = defineBifs(
  'Elixir.String',
  {
    'jaro_distance/2': (a, ctx) => {
      const [x, y] = [graphemes(needText(at(a, 0), 'jaro_distance', 2)), graphemes(needText(at(a, 1), 'jaro_distance', 2))];
      return walk(ctx, (function* () {
        return mkFloat(yield* jaro(x, y));
      })());
    },
  },
  true,
);

export const stringMoreBifs = defineBifs('Elixir.String', {
  'upcase/2': (a) => withMode(a, 'upcase', asciiUp, (s) => s.toUpperCase()),
  'downcase/2': (a) => withMode(a, 'downcase', asciiDown, (s) => s.toLowerCase()),
  'capitalize/2': (a) =>
    withMode(a, 'capitalize', (s) => capitalizeWith(s, asciiUp, asciiDown), (s) => capitalizeWith(s, (x) => x.toUpperCase(), (x) => x.toLowerCase())),
  'replace_leading/3': (a) => replaceEdge(a, 'replace_leading', true),
  'replace_trailing/3': (a) => replaceEdge(a, 'replace_trailing', false),
  'printable?/1': (a) => printable(at(a, 0), atom('infinity')),
  'printable?/2': (a) => printable(at(a, 0), at(a, 1)),
  'next_codepoint/1': (a) => next(at(a, 0), 'next_codepoint', firstCodepoint),
  'next_grapheme/1': (a) => next(at(a, 0), 'next_grapheme', firstGrapheme),
  'next_grapheme_size/1': (a) => {
    const s = needText(at(a, 0), 'next_grapheme_size', 1);
    if (s === '') return NIL_ATOM;
    const g = firstGrapheme(s);
    return new Tuple([new TextEncoder().encode(g).length, bin(s.slice(g.length))]);
  },
  'normalize/2': normalize,
  'equivalent?/2': (a) => bool(needText(at(a, 0), 'equivalent?', 2).normalize('NFD') === needText(at(a, 1), 'equivalent?', 2).normalize('NFD')),
  'bag_distance/2': (a) => mkFloat(bagDistance(needText(at(a, 0), 'bag_distance', 2), needText(at(a, 1), 'bag_distance', 2))),
});

/** `{gcd, s, t}` with gcd = a*s + b*t, as Elixir's Integer.extended_gcd/2 computes it. */
function extendedGcd(a: bigint, b: bigint): [bigint, bigint, bigint] {
  if (a === 0n && b === 0n) return [0n, 0n, 0n];
  let [r0, r1, s0, s1, t0, t1] = [a, b, 1n, 0n, 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
    [t0, t1] = [t1, t0 - q * t1];
  }
  return r0 < 0n ? [-r0, -s0, -t0] : [r0, s0, t0];
}

const small = (x: bigint): Term => (x >= BigInt(Number.MIN_SAFE_INTEGER) && x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x);

export const integerMoreBifs = defineBifs('Elixir.Integer', {
  'extended_gcd/2': (a) => new Tuple(extendedGcd(BigInt(needInt(at(a, 0))), BigInt(needInt(at(a, 1), 2))).map(small)),
  'to_charlist/2': (a) => {
    const base = at(a, 1);
    if (typeof base !== 'number' || base < 2 || base > 36) return functionClause('Integer', 'to_charlist', 2);
    const text = BigInt(needInt(at(a, 0))).toString(base).toUpperCase();
    return fromArray(Array.from(text, (c) => c.charCodeAt(0)));
  },
});
