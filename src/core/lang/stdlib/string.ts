/**
 * Elixir's String module on UTF-8 binaries. Lengths and indices count graphemes (text.ts).
 * Patterns are strings, lists of strings, or regexes (handed to regex.ts). FunctionClauseError names the arity Elixir reports (default arguments
 * included, e.g. `String.upcase/2`).
 */
import { atom, bool, NIL, NIL_ATOM, TRUE, FALSE, Tuple, type Term } from '../../term/types.ts';
import { at, defineBifs } from './define.ts';
import { badarg, functionClause } from './errors.ts';
import { enumToArray, fromArray, rangeParts } from './enumerable.ts';
import { bin, findMatch, graphemeCount, graphemes, needText, patterns, WHITESPACE } from './text.ts';
import { isRegex } from '../regex/regex.ts';
import { regexReplace, regexSplit } from './regex.ts';
import { viaErlang } from './inlined.ts';

const UTF8 = atom('utf8');

function opt(opts: Term, name: string): Term | undefined {
  for (const p of enumToArray(opts)) {
    if (typeof p === 'object' && p.kind === 'tuple' && p.elements[0] === atom(name)) return p.elements[1] as Term;
  }
  return undefined;
}

function split(s: string, pats: string[], parts: number, trim: boolean): Term {
  const out: string[] = [];
  if (pats.every((p) => p === '')) {
    const pieces = ['', ...graphemes(s), ''].filter((p) => !trim || p !== '');
    if (pieces.length > parts) pieces.splice(parts - 1, pieces.length, pieces.slice(parts - 1).join(''));
    return fromArray(pieces.map(bin));
  }
  let pos = 0;
  while (out.length < parts - 1) {
    const m = findMatch(s, pats, pos);
    if (m === null) break;
    const piece = s.slice(pos, m.index);
    pos = m.index + m.length;
    if (!(trim && piece === '')) out.push(piece);
  }
  const rest = s.slice(pos);
  if (!(trim && rest === '')) out.push(rest);
  return fromArray(out.map(bin));
}

function splitOpts(a: readonly Term[]): Term {
  const s = needText(at(a, 0), 'split', 3);
  const pats = patterns(at(a, 1), 'split', 3);
  const opts = a.length > 2 ? at(a, 2) : fromArray([]);
  const p = opt(opts, 'parts');
  const parts = p === undefined || p === atom('infinity') ? Infinity : typeof p === 'number' && p > 0 ? p : functionClause('String', 'split', 3);
  return split(s, pats, parts, opt(opts, 'trim') === TRUE);
}

function trimChars(s: string, lead: boolean, trail: boolean): string {
  const cps = Array.from(s);
  let i = 0;
  let j = cps.length;
  if (lead) while (i < j && WHITESPACE.test(cps[i] as string)) i++;
  if (trail) while (j > i && WHITESPACE.test(cps[j - 1] as string)) j--;
  return cps.slice(i, j).join('');
}

function trimString(s: string, t: string, lead: boolean, trail: boolean): string {
  if (t === '') return s;
  if (lead) while (s.startsWith(t)) s = s.slice(t.length);
  if (trail) while (s.endsWith(t)) s = s.slice(0, s.length - t.length);
  return s;
}

function trimFn(name: string, lead: boolean, trail: boolean): Record<string, (a: readonly Term[]) => Term> {
  return {
    [`${name}/1`]: (a) => bin(trimChars(needText(at(a, 0), name, 1), lead, trail)),
    [`${name}/2`]: (a) => bin(trimString(needText(at(a, 0), name, 2), needText(at(a, 1), name, 2), lead, trail)),
  };
}

function replace(a: readonly Term[], global: boolean): Term {
  const s = needText(at(a, 0), 'replace', 4);
  const pats = patterns(at(a, 1), 'replace', 4);
  const r = needText(at(a, 2), 'replace', 4);
  if (pats.length === 1 && pats[0] === '') {
    return bin(global ? r + graphemes(s).join(r) + (s === '' ? '' : r) : r + s);
  }
  let out = '';
  let pos = 0;
  for (;;) {
    const m = findMatch(s, pats, pos);
    if (m === null) break;
    out += s.slice(pos, m.index) + r;
    pos = m.index + m.length;
    if (!global) break;
  }
  return bin(out + s.slice(pos));
}

function slice(gs: string[], start: number, len: number): Term {
  const n = gs.length;
  const s = start < 0 ? Math.max(0, n + start) : start;
  return bin(gs.slice(s, s + Math.max(0, len)).join(''));
}

function sliceRange(gs: string[], range: Term): Term {
  const r = rangeParts(range);
  if (r === null) return functionClause('String', 'slice', 2);
  const n = gs.length;
  const first = Math.max(0, r.first < 0 ? n + r.first : r.first);
  const last = Math.min(n - 1, r.last < 0 ? n + r.last : r.last);
  return first > last ? bin('') : bin(gs.slice(first, last + 1).join(''));
}

function pad(a: readonly Term[], name: string, leading: boolean): Term {
  const s = needText(at(a, 0), name, 3);
  const count = at(a, 1);
  const padding = a.length > 2 ? needText(at(a, 2), name, 3) : ' ';
  if (typeof count !== 'number' || count < 0 || padding === '') return functionClause('String', name, 3);
  const missing = count - graphemeCount(s);
  if (missing <= 0) return bin(s);
  const pg = graphemes(padding);
  let fill = '';
  for (let i = 0; i < missing; i++) fill += pg[i % pg.length] as string;
  return bin(leading ? fill + s : s + fill);
}

function intArg(t: Term, name: string, arity: number): number {
  return typeof t === 'number' ? t : functionClause('String', name, arity);
}

function capitalize(s: string): string {
  const gs = graphemes(s);
  if (gs.length === 0) return '';
  return (gs[0] as string).toUpperCase() + gs.slice(1).join('').toLowerCase();
}

export const stringBifs = defineBifs('Elixir.String', {
  'upcase/1': (a) => bin(caseText(at(a, 0), 'upcase').toUpperCase()),
  'downcase/1': (a) => bin(caseText(at(a, 0), 'downcase').toLowerCase()),
  'capitalize/1': (a) => bin(capitalize(needText(at(a, 0), 'capitalize', 2))),
  'length/1': (a) => graphemeCount(needText(at(a, 0), 'length', 1)),
  'split/1': (a) => fromArray(needText(at(a, 0), 'split', 1).split(/[\s\u0085]+/u).filter((p) => p !== '').map(bin)),
  ...trimFn('trim', true, true),
  ...trimFn('trim_leading', true, false),
  ...trimFn('trim_trailing', false, true),
  'contains?/2': (a) => {
    const s = needText(at(a, 0), 'contains?', 2);
    return bool(patterns(at(a, 1), 'contains?', 2).some((p) => s.includes(p)));
  },
  'starts_with?/2': (a) => {
    const s = needText(at(a, 0), 'starts_with?', 2);
    return bool(patterns(at(a, 1), 'starts_with?', 2).some((p) => s.startsWith(p)));
  },
  'ends_with?/2': (a) => {
    const s = needText(at(a, 0), 'ends_with?', 2);
    return bool(patterns(at(a, 1), 'ends_with?', 2).some((p) => s.endsWith(p)));
  },
  'slice/2': (a) => sliceRange(graphemes(needText(at(a, 0), 'slice', 2)), at(a, 1)),
  'slice/3': (a) => {
    const len = intArg(at(a, 2), 'slice', 3);
    if (len < 0) return functionClause('String', 'slice', 3);
    return slice(graphemes(needText(at(a, 0), 'slice', 3)), intArg(at(a, 1), 'slice', 3), len);
  },
  'reverse/1': (a) => bin(graphemes(needText(at(a, 0), 'reverse', 1)).reverse().join('')),
  // Inlined to :erlang BIFs by Elixir: their errors are the BIF's (inlined.ts).
  'to_integer/1': (a, ctx) => viaErlang(ctx, 'binary_to_integer', [at(a, 0)]),
  'to_integer/2': (a, ctx) => viaErlang(ctx, 'binary_to_integer', [at(a, 0), at(a, 1)]),
  'to_float/1': (a, ctx) => viaErlang(ctx, 'binary_to_float', [at(a, 0)]),
  'to_atom/1': (a, ctx) => viaErlang(ctx, 'binary_to_atom', [at(a, 0), UTF8]),
  'to_existing_atom/1': (a, ctx) => viaErlang(ctx, 'binary_to_existing_atom', [at(a, 0), UTF8]),
  'to_charlist/1': (a) => {
    const t = at(a, 0);
    if (typeof t !== 'object' || t.kind !== 'binary') return functionClause('String', 'to_charlist', 1, [t], ['def to_charlist(string) when -is_binary(string)-']);
    return fromArray(Array.from(needText(t, 'to_charlist', 1), (c) => c.codePointAt(0) as number));
  },
  'duplicate/2': (a) => {
    const s = needText(at(a, 0), 'duplicate', 2);
    const n = at(a, 1);
    if (typeof n !== 'number' || n < 0) return badarg(2, 'out of range');
    return bin(s.repeat(n));
  },
  'pad_leading/2': (a) => pad(a, 'pad_leading', true),
  'pad_leading/3': (a) => pad(a, 'pad_leading', true),
  'pad_trailing/2': (a) => pad(a, 'pad_trailing', false),
  'pad_trailing/3': (a) => pad(a, 'pad_trailing', false),
  'graphemes/1': (a) => fromArray(graphemes(needText(at(a, 0), 'graphemes', 1)).map(bin)),
  'codepoints/1': (a) => fromArray(Array.from(needText(at(a, 0), 'codepoints', 1)).map(bin)),
  'first/1': (a) => {
    const gs = graphemes(needText(at(a, 0), 'first', 1));
    return gs.length === 0 ? NIL_ATOM : bin(gs[0] as string);
  },
  'last/1': (a) => {
    const gs = graphemes(needText(at(a, 0), 'last', 1));
    return gs.length === 0 ? NIL_ATOM : bin(gs[gs.length - 1] as string);
  },
  'at/2': (a) => {
    const gs = graphemes(needText(at(a, 0), 'at', 2));
    const i = intArg(at(a, 1), 'at', 2);
    const g = gs[i < 0 ? gs.length + i : i];
    return g === undefined ? NIL_ATOM : bin(g);
  },
  'split_at/2': (a) => {
    const gs = graphemes(needText(at(a, 0), 'split_at', 2));
    const i = intArg(at(a, 1), 'split_at', 2);
    const k = i < 0 ? Math.max(0, gs.length + i) : Math.min(i, gs.length);
    return new Tuple([bin(gs.slice(0, k).join('')), bin(gs.slice(k).join(''))]);
  },
  'valid?/1': (a) => {
    const t = at(a, 0);
    return bool(typeof t === 'object' && t.kind === 'binary' && t.text !== null);
  },
  'replace_prefix/3': (a) => {
    const s = needText(at(a, 0), 'replace_prefix', 3);
    const p = needText(at(a, 1), 'replace_prefix', 3);
    return bin(s.startsWith(p) ? needText(at(a, 2), 'replace_prefix', 3) + s.slice(p.length) : s);
  },
  'replace_suffix/3': (a) => {
    const s = needText(at(a, 0), 'replace_suffix', 3);
    const p = needText(at(a, 1), 'replace_suffix', 3);
    return bin(s.endsWith(p) ? s.slice(0, s.length - p.length) + needText(at(a, 2), 'replace_suffix', 3) : s);
  },
});

/**
 * The string of `String.upcase/downcase(string, :default)`, else their FunctionClauseError with
 * the clauses iex shows (Elixir 1.14's lib/string.ex), `-marked-` where the argument fails.
 */
function caseText(t: Term, name: string): string {
  if (typeof t === 'object' && t.kind === 'binary') return t.text ?? String.fromCharCode(...t.bytes);
  const guard = '-is_binary(string)-';
  return functionClause('String', name, 2, [t, atom('default')], [
    `def ${name}(-""-, _mode)`,
    `def ${name}(string, :default) when ${guard}`,
    `def ${name}(string, -:ascii-) when ${guard}`,
    `def ${name}(string, mode) when ${guard} and -mode === :greek- or -mode === :turkic-`,
  ]);
}

/** split and replace may walk a regex's matches (regex.ts traps every 1,000): control BIFs. */
export const stringControlBifs = defineBifs(
  'Elixir.String',
  {
    'split/2': (a, ctx) => (isRegex(at(a, 1)) ? regexSplit(at(a, 1), at(a, 0), NIL, 'String', 3, ctx) : splitOpts(a)),
    'split/3': (a, ctx) => (isRegex(at(a, 1)) ? regexSplit(at(a, 1), at(a, 0), at(a, 2), 'String', 3, ctx) : splitOpts(a)),
    'replace/3': (a, ctx) => (isRegex(at(a, 1)) ? regexReplace(at(a, 1), at(a, 0), at(a, 2), true, ctx, 4) : replace(a, true)),
    'replace/4': (a, ctx) => {
      const global = opt(at(a, 3), 'global') !== FALSE;
      return isRegex(at(a, 1)) ? regexReplace(at(a, 1), at(a, 0), at(a, 2), global, ctx, 4) : replace(a, global);
    },
  },
  true,
);
