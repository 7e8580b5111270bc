/**
 * A regex as a term and as a running matcher. The term is Elixir 1.14's `%Regex{}`
 * (`__struct__`, `source`, `opts`, `re_pattern`, `re_version`), built here and nowhere else, so
 * it crosses nodes as Elixir's does. Its `re_pattern` cannot hold PCRE's compiled bytes: it is
 * `{:re_pattern, groups, 0, 0, ""}` and `re_version` names this engine, so a real BEAM node that
 * receives one recompiles it from `source` (Elixir's Regex does so when the version differs).
 *
 * Matching runs a JS RegExp (translate.ts) over the subject's bytes: without the u modifier each
 * byte is one character (PCRE's byte mode: `~r/./` on "é" matches <<195>>), with u the UTF-8 text.
 * Offsets come back in bytes, as PCRE gives them.
 */
import { atom, Binary, Tuple, type MapTerm, type Term } from '../../term/types.ts';
import { mapFromPairs } from '../../term/map.ts';
import { latin1 } from '../../term/bits.ts';
import { REGEX_MODULE } from '../../term/inspect-regex.ts';
import { raise } from '../errors.ts';
import { translate, type Translated } from './translate.ts';
import { charlist } from '../patterns.ts';
import { parsePattern, requiredTexts, ways, type Parsed } from './pattern.ts';
import { compileProgram, runBounded, type Program } from './bounded.ts';
import type { Walk } from '../stdlib/walk.ts';

/** The version a regex built here carries: never equal to a BEAM's, so BEAM recompiles from source. */
export const ENGINE_VERSION = new Tuple([Binary.fromString('playground (JavaScript RegExp)'), atom('little')]);

export interface Compiled {
  readonly re: RegExp;
  readonly info: Translated;
  readonly unicode: boolean;
  readonly source: Binary;
  readonly tree: Parsed;
  /** Texts every match contains (pattern.ts requiredTexts): a subject without one cannot match. */
  readonly required: readonly string[];
  /** The bounded matcher's program, made the first time a run needs it. */
  program: Program | null;
}

export type CompileResult = { ok: true; regex: MapTerm } | { ok: false; reason: Term };

const OPTION_LETTERS: Readonly<Record<string, string>> = {
  caseless: 'i', multiline: 'm', dotall: 's', extended: 'x', unicode: 'u', ungreedy: 'U', firstline: 'f',
};

function text(b: Binary, unicode: boolean): string | null {
  return unicode ? b.text : latin1(b.bytes);
}

/** `Regex.compile(source, opts)`: opts a string of modifiers or a list of option atoms. */
export function compileRegex(source: Binary, opts: Term): CompileResult {
  let letters = '';
  if (typeof opts === 'object' && opts.kind === 'binary') letters = opts.text ?? '';
  else {
    for (let l: Term = opts; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
      const o = l.head;
      const letter = typeof o === 'object' && o.kind === 'atom' ? OPTION_LETTERS[o.name] : undefined;
      if (letter === undefined) return { ok: false, reason: new Tuple([atom('invalid_option'), o]) };
      letters += letter;
    }
  }
  const src = text(source, letters.includes('u'));
  if (src === null) return { ok: false, reason: new Tuple([charlist('invalid UTF-8 string'), 0]) };
  const t = translate(src, letters);
  if (!t.ok) {
    if (t.message === 'invalid_option') return { ok: false, reason: new Tuple([atom('invalid_option'), Binary.fromString(String(t.pos))]) };
    return { ok: false, reason: new Tuple([charlist(t.message), t.pos as number]) };
  }
  const regex = mapFromPairs([
    [atom('__struct__'), REGEX_MODULE],
    [atom('opts'), Binary.fromString(letters)],
    [atom('re_pattern'), new Tuple([atom('re_pattern'), t.value.groups, 0, 0, Binary.fromString('')])],
    [atom('re_version'), ENGINE_VERSION],
    [atom('source'), source],
  ]);
  return { ok: true, regex };
}

const compiledOf = new WeakMap<MapTerm, Compiled>();

/** Is `t` a %Regex{}? */
export function isRegex(t: Term): t is MapTerm {
  return typeof t === 'object' && t.kind === 'map' && t.entries.get(atom('__struct__'))?.[1] === REGEX_MODULE;
}

/** The matcher of a %Regex{} (compiled from its source and opts, once per term). */
export function compiledRegex(t: MapTerm): Compiled {
  const hit = compiledOf.get(t);
  if (hit !== undefined) return hit;
  const source = t.entries.get(atom('source'))?.[1];
  const opts = t.entries.get(atom('opts'))?.[1];
  if (typeof source !== 'object' || source.kind !== 'binary' || typeof opts !== 'object' || opts.kind !== 'binary') {
    return raise('ArgumentError', 'argument error');
  }
  const letters = opts.text ?? '';
  const src = text(source, letters.includes('u'));
  const t2 = src === null ? null : translate(src, letters);
  if (t2 === null || !t2.ok) return raise('ArgumentError', 'argument error');
  // d: every group's position, as PCRE reports them.
  const unicode = letters.includes('u');
  const tree = parsePattern(t2.value.source, unicode);
  // Caseless, a text is compared as it is: only when case cannot change it. A few suffice.
  const caseless = t2.value.flags.includes('i');
  const required = requiredTexts(tree.root).filter((r) => !caseless || r.toLowerCase() === r.toUpperCase()).slice(0, 3);
  const c: Compiled = {
    re: new RegExp(t2.value.source, t2.value.flags + 'd'),
    info: t2.value,
    unicode,
    source,
    tree,
    required,
    program: null,
  };
  compiledOf.set(t, c);
  return c;
}

/** A subject as the engine sees it, with byte offsets for its indices. */
export class Subject {
  readonly text: string;
  private readonly offsets: Uint32Array | null;
  constructor(
    readonly bin: Binary,
    unicode: boolean,
  ) {
    const t = unicode ? bin.text : null;
    if (unicode && t !== null) {
      this.text = t;
      const offs = new Uint32Array(t.length + 1);
      let byte = 0;
      for (let i = 0; i < t.length; i++) {
        offs[i] = byte;
        const c = t.charCodeAt(i);
        byte += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 4 : c >= 0xdc00 && c <= 0xdfff ? 0 : 3;
      }
      offs[t.length] = byte;
      this.offsets = offs;
    } else {
      this.text = latin1(bin.bytes);
      this.offsets = null;
    }
  }
  byteAt(i: number): number {
    return this.offsets === null ? i : (this.offsets[i] as number);
  }
  slice(from: number, to: number): Binary {
    return Binary.fromBytes(this.bin.bytes.slice(this.byteAt(from), this.byteAt(to)));
  }
}

/** One match: for group 0..n, [start, end] in the subject's indices, or null when it did not take part. */
export type Match = (readonly [number, number] | null)[];

/**
 * Worst-case backtracking steps a JS RegExp may take, below which it runs inline: about 10 ms of
 * V8 at its slowest. Above it, the bounded matcher runs the pattern (bounded.ts).
 */
export const INLINE_STEPS = 2_000_000;

/**
 * The first match at or after index `from`, or null, as PCRE answers it, without ever holding the
 * scheduler (ARCHITECTURE.md, "Regex safety"):
 *  - a subject without the pattern's required text cannot match (PCRE's required character);
 *  - a pattern V8 runs in few steps on this subject (its worst case, pattern.ts `ways`, times the
 *    start positions, under INLINE_STEPS) runs on the JS RegExp, at once;
 *  - anything else runs on the bounded matcher, which yields (a walk) and gives up at PCRE's
 *    match limit with no match, as re:run does.
 */
export function* execWalk(c: Compiled, s: Subject, from: number): Walk<Match | null> {
  const quick = execQuick(c, s, from);
  if (quick !== undefined) return quick;
  c.program ??= compileProgram(c.tree, c.info.flags);
  const regs = yield* runBounded(c.program, s.text, from);
  if (regs === null) return null;
  const out: Match = [];
  for (let g = 0; g <= c.info.groups; g++) {
    const [a, b] = [regs[2 * g] as number, regs[2 * g + 1] as number];
    out.push(a < 0 || b < 0 ? null : [a, b]);
  }
  return out;
}

/** The match when it takes no bounded run (no match for lack of required text, or a cheap pattern); undefined when it does. */
export function execQuick(c: Compiled, s: Subject, from: number): Match | null | undefined {
  for (const r of c.required) if (s.text.indexOf(r, from) < 0) return null;
  const len = s.text.length - from;
  if (c.info.risky || (len + 1) * ways(c.tree.root, len) > INLINE_STEPS) return undefined;
  c.re.lastIndex = from;
  const m = c.re.exec(s.text);
  if (m === null) return null;
  const out: Match = [];
  const idx = m.indices;
  for (let g = 0; g <= c.info.groups; g++) {
    const span = idx?.[g];
    out.push(span === undefined ? null : [span[0], span[1]]);
  }
  return out;
}

/** execWalk run to the end at once: for tests and callers that cannot trap (still bounded by the match limit). */
export function exec(c: Compiled, s: Subject, from: number): Match | null {
  const w = execWalk(c, s, from);
  for (;;) {
    const r = w.next();
    if (r.done === true) return r.value;
  }
}
