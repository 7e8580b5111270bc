/**
 * The translated pattern (translate.ts's JS RegExp source) read back into a tree, for three
 * questions a JS RegExp cannot answer: which literal text every match must contain (PCRE's
 * "required character", checked before matching), how many steps a backtracking run may take at
 * worst on a subject of n characters (to decide whether V8 may run it inline), and the program
 * of the bounded matcher (bounded.ts). The source is translate.ts's own output, so only the forms
 * it writes are read: escapes, classes, groups (capturing, named, non-capturing, lookarounds),
 * back-references, alternation and quantifiers.
 */
import { ASSERTIONS, LATIN1_WORD_CLASS, type AssertionKind } from './translate.ts';

export type Node =
  /** One character, tested by a one-character sticky RegExp of this source (classes, escapes, literals). */
  | { readonly t: 'char'; readonly src: string; readonly literal: string | null }
  | { readonly t: 'seq'; readonly items: readonly Node[] }
  | { readonly t: 'alt'; readonly alts: readonly Node[] }
  | { readonly t: 'group'; readonly cap: number | null; readonly body: Node }
  | { readonly t: 'look'; readonly ahead: boolean; readonly neg: boolean; readonly body: Node }
  | { readonly t: 'rep'; readonly min: number; readonly max: number; readonly greedy: boolean; readonly body: Node }
  | { readonly t: 'bref'; readonly group: number }
  /** PCRE's anchors (translate.ts ASSERTIONS), and `^`/`$` inside them (the subject's start and end). */
  | { readonly t: 'assert'; readonly kind: Anchor }
  /** `\b` (`\B` with neg): word characters as `word`, a one-character source, gives them. */
  | { readonly t: 'wordb'; readonly neg: boolean; readonly word: string };

export type Anchor = 'start' | 'end' | 'dollar' | 'lineEnd' | 'lineStart';


export interface Parsed {
  readonly root: Node;
  readonly groups: number;
}

/** Reads translate.ts's output (`unicode`: the u flag, so a surrogate pair is one character). */
export function parsePattern(src: string, unicode: boolean): Parsed {
  return new Reader(src, unicode).read();
}

class Reader {
  private i = 0;
  private groups = 0;
  private readonly names = new Map<string, number>();
  private readonly pendingNames: { name: string; at: Node[]; index: number }[] = [];

  constructor(
    private readonly s: string,
    private readonly unicode: boolean,
  ) {}

  read(): Parsed {
    const root = this.alt();
    // `\k<name>` may come before its group: resolve once every group is numbered.
    for (const p of this.pendingNames) p.at[p.index] = { t: 'bref', group: this.names.get(p.name) ?? 0 };
    return { root, groups: this.groups };
  }

  private alt(): Node {
    const alts = [this.seq()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.seq());
    }
    return alts.length === 1 ? (alts[0] as Node) : { t: 'alt', alts };
  }

  private seq(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom(items);
      if (atom !== null) items.push(this.quantified(atom));
    }
    return items.length === 1 ? (items[0] as Node) : { t: 'seq', items };
  }

  /** One atom, or null for a named back-reference resolved later (already pushed to `items`). */
  private atom(items: Node[]): Node | null {
    const s = this.s;
    const ch = s[this.i] as string;
    if (ch === '(') return this.assertion() ?? this.group();
    if (ch === '[') {
      const start = this.i;
      this.i++;
      if (s[this.i] === '^') this.i++;
      while (s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      this.i++;
      return { t: 'char', src: s.slice(start, this.i), literal: null };
    }
    if (ch === '^' || ch === '$') {
      this.i++;
      return { t: 'assert', kind: ch === '^' ? 'start' : 'end' };
    }
    if (ch === '\\') return this.escape(items);
    const cp = this.unicode ? (s.codePointAt(this.i) as number) : s.charCodeAt(this.i);
    const text = this.unicode ? String.fromCodePoint(cp) : (ch as string);
    this.i += text.length;
    return { t: 'char', src: text, literal: ch === '.' ? null : text };
  }

  private escape(items: Node[]): Node | null {
    const s = this.s;
    const start = this.i;
    const c = s[this.i + 1] as string;
    this.i += 2;
    if (c === 'b' || c === 'B') return { t: 'wordb', neg: c === 'B', word: '\\w' };
    if (/[1-9]/.test(c)) {
      while (/[0-9]/.test(s[this.i] ?? '')) this.i++;
      return { t: 'bref', group: Number(s.slice(start + 1, this.i)) };
    }
    if (c === 'k') {
      const end = s.indexOf('>', this.i);
      const name = s.slice(this.i + 1, end);
      this.i = end + 1;
      const n = this.names.get(name);
      if (n !== undefined) return { t: 'bref', group: n };
      this.pendingNames.push({ name, at: items, index: items.length });
      items.push({ t: 'bref', group: 0 });
      return null;
    }
    if (c === 'x') this.i += 2;
    else if (c === 'u' && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
    else if (c === 'u') this.i += 4;
    else if ((c === 'p' || c === 'P') && s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
    else if (c === 'c') this.i += 1;
    const src = s.slice(start, this.i);
    const literal = /[dDsSwW]/.test(c) ? null : new RegExp(`^${src}$`, this.unicode ? 'u' : '').test(decoded(src)) ? decoded(src) : null;
    return { t: 'char', src, literal };
  }

  /** One of translate.ts's ASSERTIONS at `(`, or null. */
  private assertion(): Node | null {
    for (const [kind, src] of Object.entries(ASSERTIONS) as [AssertionKind, string][]) {
      if (!this.s.startsWith(src, this.i)) continue;
      this.i += src.length;
      if (kind === 'latin1Boundary' || kind === 'latin1NonBoundary') {
        return { t: 'wordb', neg: kind === 'latin1NonBoundary', word: LATIN1_WORD_CLASS };
      }
      return { t: 'assert', kind };
    }
    return null;
  }

  private group(): Node {
    const rest = this.s.slice(this.i, this.i + 4);
    let node: (body: Node) => Node;
    if (rest.startsWith('(?:')) {
      this.i += 3;
      node = (body) => ({ t: 'group', cap: null, body });
    } else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      this.i += 3;
      const neg = rest[2] === '!';
      node = (body) => ({ t: 'look', ahead: true, neg, body });
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.i += 4;
      const neg = rest[3] === '!';
      node = (body) => ({ t: 'look', ahead: false, neg, body });
    } else {
      const cap = ++this.groups;
      if (rest.startsWith('(?<')) {
        const end = this.s.indexOf('>', this.i);
        this.names.set(this.s.slice(this.i + 3, end), cap);
        this.i = end + 1;
      } else this.i += 1;
      node = (body) => ({ t: 'group', cap, body });
    }
    const body = this.alt();
    this.i++; // ')'
    return node(body);
  }

  private quantified(atom: Node): Node {
    const m = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})(\??)/.exec(this.s.slice(this.i, this.i + 40));
    if (m === null) return atom;
    this.i += m[0].length;
    const q = m[1];
    const min = q === '*' || q === '?' ? 0 : q === '+' ? 1 : Number(m[2]);
    const max = q === '*' || q === '+' ? Infinity : q === '?' ? 1 : m[3] === undefined ? min : m[4] === '' ? Infinity : Number(m[4]);
    return { t: 'rep', min, max, greedy: m[5] !== '?', body: atom };
  }
}

/** The one character an escape such as `\x41`, `\u{1F600}` or `\.` stands for. */
function decoded(src: string): string {
  if (/^\\x[0-9a-fA-F]{2}$/.test(src) || /^\\u[0-9a-fA-F]{4}$/.test(src)) return String.fromCharCode(parseInt(src.slice(2), 16));
  if (src.startsWith('\\u{')) return String.fromCodePoint(parseInt(src.slice(3, -1), 16));
  const named: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };
  return named[src[1] as string] ?? (src.length === 2 ? (src[1] as string) : '');
}

/**
 * Texts every match contains, outside lookarounds (runs of literal characters, longest first).
 * PCRE's required-character test does the same with one character: a subject without one of
 * them cannot match, whatever the pattern's backtracking would cost.
 */
export function requiredTexts(n: Node): string[] {
  const found = new Set<string>();
  let run = '';
  const flush = (): void => {
    if (run !== '') found.add(run);
    run = '';
  };
  const visit = (x: Node): void => {
    switch (x.t) {
      case 'char':
        if (x.literal === null) flush();
        else run += x.literal;
        return;
      case 'seq':
        x.items.forEach(visit);
        return;
      case 'group':
        visit(x.body);
        return;
      case 'rep':
        if (x.min === 0) {
          flush();
          return;
        }
        // The first iteration is required; text after it may be another iteration.
        visit(x.body);
        if (x.max !== 1) flush();
        return;
      case 'assert':
      case 'wordb':
      case 'look':
        // Zero-width: the text on either side is still adjacent.
        return;
      default: {
        flush();
        // An alternation: the texts every branch requires.
        if (x.t === 'alt') {
          const [first, ...rest] = x.alts.map(requiredTexts);
          for (const r of first ?? []) if (rest.every((o) => o.some((t) => t.includes(r)))) found.add(r);
        }
      }
    }
  };
  visit(n);
  flush();
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * An upper bound on the ways a backtracking matcher can try `n` against a subject of `len`
 * characters from one starting point: each quantifier may take any count up to its bound (or the
 * subject's length), each alternation any branch. Adjacent quantifiers multiply (`a*a*a*b` is
 * about len^3 from each start), nested ones exponentiate.
 */
export function ways(n: Node, len: number): number {
  switch (n.t) {
    case 'seq':
      return n.items.reduce((w, x) => w * ways(x, len), 1);
    case 'alt':
      return n.alts.reduce((w, x) => w + ways(x, len), 0);
    case 'group':
      return ways(n.body, len);
    case 'look':
      return ways(n.body, len);
    case 'rep': {
      const upTo = Math.min(n.max, len);
      const inner = ways(n.body, len);
      const counts = Math.max(1, upTo - n.min + 1);
      return inner === 1 ? counts : Math.pow(inner, Math.max(upTo, 1)) * counts;
    }
    case 'bref':
      return len + 1;
    default:
      return 1;
  }
}

/** The character counts `n` can match, when it has few fixed ones (for a lookbehind), else null. */
export function fixedLengths(n: Node): readonly number[] | null {
  const cap = (xs: number[]): number[] | null => (xs.length > 64 ? null : [...new Set(xs)]);
  switch (n.t) {
    case 'char':
      return [1];
    case 'seq': {
      let acc: number[] | null = [0];
      for (const x of n.items) {
        const l = fixedLengths(x);
        if (l === null || acc === null) return null;
        acc = cap(acc.flatMap((a) => l.map((b) => a + b)));
      }
      return acc;
    }
    case 'alt': {
      const all: number[] = [];
      for (const x of n.alts) {
        const l = fixedLengths(x);
        if (l === null) return null;
        all.push(...l);
      }
      return cap(all);
    }
    case 'group':
      return fixedLengths(n.body);
    case 'rep': {
      const l = fixedLengths(n.body);
      if (n.min !== n.max || l === null || l.length !== 1) return null;
      return [(l[0] as number) * n.min];
    }
    case 'bref':
      return null;
    default:
      return [0];
  }
}
