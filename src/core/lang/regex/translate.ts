/**
 * PCRE (what Elixir's Regex compiles with) to a JS RegExp. The pattern is read as PCRE reads it
 * and written out in JS syntax that means the same: `.` does not match only `\n`, `$` also
 * matches before a final newline, `\A \z \Z \h \R`, POSIX classes, `\Q…\E`, `(?P<n>…)`, the x
 * (extended) and U (ungreedy) modifiers, leading inline flags `(?i)`. Constructs JS has no
 * equivalent for (atomic groups, possessive quantifiers, recursion, conditionals, `\G`, `\K`,
 * inline flags past the start) are refused with a compile error, never read differently.
 *
 * It also tells whether the pattern may backtrack catastrophically (a repeated group that itself
 * repeats or alternates, or a back-reference): regex.ts always runs those on the bounded matcher.
 */

export interface Translated {
  readonly source: string;
  readonly flags: string;
  /** Capture group names, in PCRE's (alphabetical) order. */
  readonly names: readonly string[];
  readonly groups: number;
  readonly risky: boolean;
}

export type TranslateResult = { ok: true; value: Translated } | { ok: false; message: string; pos: number | string };

const MODIFIERS = new Set(['i', 'm', 's', 'x', 'u', 'f', 'U']);

class Refusal {
  constructor(
    readonly message: string,
    readonly pos: number,
  ) {}
}

const POSIX: Readonly<Record<string, string>> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: '\\t\\n\\v\\f\\r ',
  punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', word: '\\w', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f',
  print: ' -~', graph: '!-~',
};

/** `\w` in Erlang's re without the u modifier: ASCII word characters and Latin-1 letters. */
const LATIN1_WORD = 'A-Za-z0-9_\\xaa\\xb5\\xba\\xc0-\\xd6\\xd8-\\xf6\\xf8-\\xff';
/** The one-character class of those: `\\w` as Erlang's re reads it without u. */
export const LATIN1_WORD_CLASS = `[${LATIN1_WORD}]`;
const W = LATIN1_WORD_CLASS;
const BOUNDARY = `(?:(?<=${W})(?!${W})|(?<!${W})(?=${W}))`;

/**
 * The zero-width assertions PCRE has and JS writes as lookarounds, by their JS source. The
 * bounded matcher (pattern.ts) reads them back as the assertions they are.
 */
export const ASSERTIONS = {
  /** `^`, `\A`: the subject's start. */
  start: '(?<![\\s\\S])',
  /** `\z`: the subject's end. */
  end: '(?![\\s\\S])',
  /** `$`, `\Z`: the end, or before a final newline. */
  dollar: '(?=\\n?(?![\\s\\S]))',
  /** `$` with m: before any newline, or the end. */
  lineEnd: '(?=\\n|(?![\\s\\S]))',
  /** `^` with m: the start, or after a newline. */
  lineStart: '(?<=^|\\n)',
  /** `\b` without u: a Latin-1 word boundary. */
  latin1Boundary: BOUNDARY,
  /** `\B` without u. */
  latin1NonBoundary: `(?!${BOUNDARY})`,
} as const;

export type AssertionKind = keyof typeof ASSERTIONS;

/** A literal character as JS regex source (escaped when it is syntax). */
function lit(ch: string): string {
  // `\-` is an error in a JS RegExp with the u flag: the hyphen is written by its code.
  if (ch === '-') return '\\x2d';
  if (/[\\^$.*+?()[\]{}|/]/.test(ch)) return '\\' + ch;
  const cp = ch.codePointAt(0) as number;
  if (cp < 0x20 || cp === 0x7f) return '\\x' + cp.toString(16).padStart(2, '0');
  return ch;
}

function hexChar(cp: number, unicode: boolean): string {
  if (cp <= 0xff) return '\\x' + cp.toString(16).padStart(2, '0');
  if (unicode) return `\\u{${cp.toString(16)}}`;
  return cp <= 0xffff ? '\\u' + cp.toString(16).padStart(4, '0') : String.fromCodePoint(cp);
}

export function translate(pattern: string, modifiers: string): TranslateResult {
  for (const m of modifiers) if (!MODIFIERS.has(m)) return { ok: false, message: 'invalid_option', pos: m };
  try {
    return { ok: true, value: new Translator(pattern, modifiers).run() };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, message: e.message, pos: e.pos };
    throw e;
  }
}

interface Group {
  /** Holds an unbounded quantifier or an alternation: repeating it may backtrack exponentially. */
  ambiguous: boolean;
}

class Translator {
  private i = 0;
  private out = '';
  private readonly names: string[] = [];
  private groups = 0;
  private risky = false;
  private readonly stack: Group[] = [{ ambiguous: false }];
  private caseless: boolean;
  private multiline: boolean;
  private dotall: boolean;
  private extended: boolean;
  private readonly ungreedy: boolean;
  private readonly unicode: boolean;

  constructor(
    private readonly p: string,
    mods: string,
  ) {
    this.caseless = mods.includes('i');
    this.multiline = mods.includes('m');
    this.dotall = mods.includes('s');
    this.extended = mods.includes('x');
    this.ungreedy = mods.includes('U');
    this.unicode = mods.includes('u');
    if (mods.includes('f')) throw new Refusal('the f (firstline) modifier is not supported in the playground', 0);
  }

  run(): Translated {
    this.leadingFlags();
    while (this.i < this.p.length) this.term();
    if (this.stack.length > 1) throw new Refusal('missing )', this.p.length);
    // ^ $ and . are written out above, so m and s need no JS flag.
    let flags = 'g';
    if (this.caseless) flags += 'i';
    if (this.unicode) flags += 'u';
    try {
      new RegExp(this.out, flags);
    } catch (e) {
      throw new Refusal(e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e), this.p.length);
    }
    return { source: this.out, flags, names: [...this.names].sort(), groups: this.groups, risky: this.risky };
  }

  /** `(?i)`, `(?ms)` at the very start set flags for the whole pattern, as PCRE reads them. */
  private leadingFlags(): void {
    for (;;) {
      const m = /^\(\?([imsxU]+)\)/.exec(this.p.slice(this.i));
      if (m === null) return;
      for (const f of m[1] as string) {
        if (f === 'i') this.caseless = true;
        else if (f === 'm') this.multiline = true;
        else if (f === 's') this.dotall = true;
        else if (f === 'x') this.extended = true;
        else throw new Refusal('inline (?U) is not supported in the playground', this.i);
      }
      this.i += m[0].length;
    }
  }

  private peek(k = 0): string {
    return this.p[this.i + k] ?? '';
  }

  private term(): void {
    const ch = this.peek();
    if (this.extended && /\s/.test(ch)) {
      this.i++;
      return;
    }
    if (this.extended && ch === '#') {
      while (this.i < this.p.length && this.p[this.i] !== '\n') this.i++;
      return;
    }
    switch (ch) {
      case '\\':
        this.escape(false);
        this.quantifier();
        return;
      case '[':
        this.cls();
        this.quantifier();
        return;
      case '(':
        this.group();
        return;
      case ')':
        if (this.stack.length === 1) throw new Refusal('unmatched parentheses', this.i);
        this.i++;
        this.out += ')';
        this.closeGroup();
        return;
      case '|':
        this.i++;
        this.out += '|';
        this.top().ambiguous = true;
        return;
      case '.':
        this.i++;
        this.out += this.dotall ? '[\\s\\S]' : '[^\\n]';
        this.quantifier();
        return;
      case '$':
        this.i++;
        this.out += this.multiline ? ASSERTIONS.lineEnd : ASSERTIONS.dollar;
        return;
      case '^':
        this.i++;
        this.out += this.multiline ? ASSERTIONS.lineStart : ASSERTIONS.start;
        return;
      case '*':
      case '+':
      case '?':
        throw new Refusal('nothing to repeat', this.i);
      case '{':
        if (/^\{\d+(,\d*)?\}/.test(this.p.slice(this.i))) throw new Refusal('nothing to repeat', this.i);
        this.i++;
        this.out += '\\{';
        this.quantifier();
        return;
      default:
        this.i += ch.length;
        this.out += lit(ch);
        this.quantifier();
    }
  }

  private top(): Group {
    return this.stack[this.stack.length - 1] as Group;
  }

  private group(): void {
    const start = this.i;
    const rest = this.p.slice(this.i);
    let m: RegExpExecArray | null;
    if (rest.startsWith('(?#')) {
      const end = this.p.indexOf(')', this.i);
      if (end < 0) throw new Refusal('missing ) after comment', this.p.length);
      this.i = end + 1;
      return;
    }
    if ((m = /^\(\?(?:P?<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)')/.exec(rest)) !== null) {
      const name = (m[1] ?? m[2]) as string;
      if (this.names.includes(name)) throw new Refusal('two named subpatterns have the same name', this.i + m[0].length - 1);
      this.names.push(name);
      this.groups++;
      this.out += `(?<${name}>`;
      this.i += m[0].length;
    } else if ((m = /^\(\?P=([A-Za-z_]\w*)\)/.exec(rest)) !== null) {
      this.out += `\\k<${m[1] as string}>`;
      this.risky = true;
      this.i += m[0].length;
      this.quantifier();
      return;
    } else if ((m = /^\(\?(?::|=|!|<=|<!)/.exec(rest)) !== null) {
      this.out += m[0];
      this.i += m[0].length;
    } else if (rest.startsWith('(?')) {
      throw new Refusal(`${rest.slice(0, 3)} is not supported in the playground (atomic groups, inline flags, recursion and conditionals have no JavaScript equivalent)`, start);
    } else {
      this.groups++;
      this.out += '(';
      this.i++;
    }
    this.stack.push({ ambiguous: false });
  }

  private closeGroup(): void {
    const g = this.stack.pop() as Group;
    const unbounded = this.quantifier();
    if (unbounded && g.ambiguous) this.risky = true;
    if (g.ambiguous || unbounded) this.top().ambiguous = true;
  }

  /** Copies a quantifier after an atom; true when it is unbounded (`*`, `+`, `{n,}`). */
  private quantifier(): boolean {
    if (this.extended) while (/\s/.test(this.peek())) this.i++;
    const rest = this.p.slice(this.i);
    const m = /^(?:[*+?]|\{(\d+)(?:(,)(\d*))?\})/.exec(rest);
    if (m === null) return false;
    if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(m[1])) throw new Refusal('numbers out of order in {} quantifier', this.i + m[0].length - 1);
    this.i += m[0].length;
    let lazy = false;
    if (this.peek() === '+') throw new Refusal('possessive quantifiers are not supported in the playground', this.i);
    if (this.peek() === '?') {
      lazy = true;
      this.i++;
    }
    if (this.ungreedy) lazy = !lazy;
    this.out += m[0] + (lazy ? '?' : '');
    const unbounded = m[0] === '*' || m[0] === '+' || (m[2] === ',' && m[3] === '');
    if (unbounded) {
      this.top().ambiguous = true;
    }
    return unbounded;
  }

  private cls(): void {
    const start = this.i;
    this.i++;
    let s = '[';
    if (this.peek() === '^') {
      s += '^';
      this.i++;
    }
    let first = true;
    for (;;) {
      if (this.i >= this.p.length) throw new Refusal('missing terminating ] for character class', this.p.length);
      const ch = this.peek();
      if (ch === ']' && !first) {
        this.i++;
        break;
      }
      first = false;
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(this.p.slice(this.i));
      if (posix !== null) {
        const body = POSIX[posix[2] as string];
        if (body === undefined || posix[1] === '^') throw new Refusal('unknown POSIX class name', this.i);
        s += body;
        this.i += posix[0].length;
        continue;
      }
      if (ch === '\\') {
        s += this.escape(true);
        continue;
      }
      this.i += ch.length;
      s += ch === '-' ? '-' : ch === '[' || ch === '/' ? '\\' + ch : lit(ch);
    }
    if (s === '[' || s === '[^') throw new Refusal('missing terminating ] for character class', start);
    this.out += s + ']';
  }

  /** An escape at `\`; inside a class it returns the text, outside it appends it. */
  private escape(inClass: boolean): string {
    const at = this.i;
    this.i++;
    const c = this.peek();
    if (c === '') throw new Refusal('\\ at end of pattern', this.p.length);
    this.i++;
    let s: string;
    switch (c) {
      case 'd': case 'D': case 's': case 'S': case 'n': case 't': case 'r': case 'f':
        s = '\\' + c;
        break;
      case 'w': case 'W':
        // Erlang's re reads bytes above 127 as Latin-1: its letters are word characters.
        s = this.unicode ? '\\' + c : c === 'w' ? (inClass ? LATIN1_WORD : `[${LATIN1_WORD}]`) : `[^${LATIN1_WORD}]`;
        break;
      case 'b': case 'B': {
        if (inClass) s = c === 'b' ? '\\x08' : 'B';
        else if (this.unicode) s = '\\' + c;
        else s = c === 'b' ? ASSERTIONS.latin1Boundary : ASSERTIONS.latin1NonBoundary;
        break;
      }
      case 'e':
        s = '\\x1b';
        break;
      case 'a':
        s = '\\x07';
        break;
      case 'h':
        s = inClass ? ' \\t\\xa0' : '[ \\t\\xa0]';
        break;
      case 'H':
        s = '[^ \\t\\xa0]';
        break;
      case 'v':
        s = inClass ? '\\n\\v\\f\\r\\x85' : '[\\n\\v\\f\\r\\x85]';
        break;
      case 'R':
        s = '(?:\\r\\n|[\\n\\v\\f\\r\\x85])';
        break;
      case 'A':
        s = ASSERTIONS.start;
        break;
      case 'z':
        s = ASSERTIONS.end;
        break;
      case 'Z':
        s = ASSERTIONS.dollar;
        break;
      case 'x': {
        const m = /^\{([0-9a-fA-F]+)\}|^[0-9a-fA-F]{0,2}/.exec(this.p.slice(this.i)) as RegExpExecArray;
        this.i += m[0].length;
        s = hexChar(parseInt(m[1] ?? (m[0] === '' ? '0' : m[0]), 16), this.unicode);
        break;
      }
      case 'Q': {
        const end = this.p.indexOf('\\E', this.i);
        const text = this.p.slice(this.i, end < 0 ? this.p.length : end);
        this.i = end < 0 ? this.p.length : end + 2;
        s = [...text].map(lit).join('');
        if (!inClass && text.length > 1) s = `(?:${s})`;
        break;
      }
      case 'E':
        s = '';
        break;
      case 'p': case 'P':
        if (!this.unicode) throw new Refusal('\\p and \\P need the u modifier in the playground', at);
        s = '\\' + c;
        break;
      case 'k': case 'g': {
        const m = /^(?:<([A-Za-z_]\w*)>|\{([A-Za-z_]\w*)\}|'([A-Za-z_]\w*)'|\{(\d+)\}|(\d+))/.exec(this.p.slice(this.i));
        if (m === null) throw new Refusal(`\\${c} is not followed by a group name or number`, at);
        this.i += m[0].length;
        const name = m[1] ?? m[2] ?? m[3];
        s = name !== undefined ? `\\k<${name}>` : `\\${m[4] ?? m[5]}`;
        this.risky = true;
        break;
      }
      default:
        if (/[1-9]/.test(c)) {
          let digits = c;
          while (/[0-9]/.test(this.peek())) digits += this.p[this.i++];
          s = '\\' + digits;
          this.risky = true;
        } else if (c === '0') {
          s = '\\x00';
        } else if (/[A-Za-z]/.test(c)) {
          throw new Refusal(`\\${c} is not supported in the playground`, at);
        } else {
          s = lit(c);
        }
    }
    if (!inClass) this.out += s;
    return s;
  }
}
