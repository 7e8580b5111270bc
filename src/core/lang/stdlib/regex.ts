/**
 * Elixir's Regex module (compile, run, scan, match?, named_captures, names, replace, split,
 * source, opts, escape, regex?), `=~` and String.match?/2 over regexes, and the regex cases of
 * String.split/replace (string.ts hands them here). Results follow PCRE as Elixir returns them:
 * byte offsets, unmatched trailing groups dropped from `run`, an unmatched middle group "".
 * The matching itself is in ../regex/.
 */
import { atom, Binary, bool, FALSE, Fun, NIL, NIL_ATOM, TRUE, Tuple, type MapTerm, type Term } from '../../term/types.ts';
import { mapFromPairs } from '../../term/map.ts';
import { raise } from '../errors.ts';
import { compiledRegex, compileRegex, execQuick, execWalk, isRegex, Subject, type Compiled, type Match } from '../regex/regex.ts';
import type { Bif, BifContext } from '../builtins.ts';
import { at, defineBifs } from './define.ts';
import { enumToArray, fromArray } from './enumerable.ts';
import { functionClause } from './errors.ts';
import { STEP, walk, type Walk } from './walk.ts';

function opt(opts: Term, name: string): Term | undefined {
  for (const p of enumToArray(opts)) {
    if (typeof p === 'object' && p.kind === 'tuple' && p.elements[0] === atom(name)) return p.elements[1] as Term;
  }
  return undefined;
}

function needRegex(t: Term, name: string, arity: number): Compiled {
  return isRegex(t) ? compiledRegex(t) : functionClause('Regex', name, arity);
}

function needBin(t: Term, name: string, arity: number): Binary {
  return typeof t === 'object' && t.kind === 'binary' ? t : functionClause('Regex', name, arity);
}

/** The index just past an empty match at `i` (one character on). */
function stepPast(s: Subject, i: number): number {
  const c = s.text.charCodeAt(i);
  return i + (c >= 0xd800 && c <= 0xdbff && i + 1 < s.text.length ? 2 : 1);
}

/**
 * Every match, left to right; an empty match moves the search on by one character. A walk
 * (walk.ts): it yields every STEP matches, so scanning megabytes never holds the scheduler.
 */
function* matchesWalk(c: Compiled, s: Subject, limit = Infinity): Walk<Match[]> {
  const out: Match[] = [];
  let from = 0;
  while (out.length < limit && from <= s.text.length) {
    const m = yield* execWalk(c, s, from);
    if (m === null) break;
    out.push(m);
    if (out.length % STEP === 0) yield;
    const [a, b] = m[0] as readonly [number, number];
    from = b > a ? b : stepPast(s, b);
  }
  return out;
}

/** A list built from `items`, yielding every STEP of them. */
function* listWalk<T>(items: readonly T[], f: (x: T) => Term): Walk<Term> {
  const out: Term[] = [];
  for (const x of items) {
    out.push(f(x));
    if (out.length % STEP === 0) yield;
  }
  return fromArray(out);
}

type Capture = { kind: 'all' | 'first' | 'all_but_first' | 'none' } | { kind: 'list'; groups: (number | null)[] };

function captureOf(c: Compiled, opts: Term): Capture {
  const v = opt(opts, 'capture') ?? atom('all');
  if (typeof v === 'object' && v.kind === 'atom') {
    if (v.name === 'all' || v.name === 'first' || v.name === 'all_but_first' || v.name === 'none') return { kind: v.name };
    if (v.name === 'all_names') return { kind: 'list', groups: c.info.names.map((n) => groupOf(c, n)) };
  }
  return {
    kind: 'list',
    groups: enumToArray(v).map((g) => (typeof g === 'number' ? g : typeof g === 'object' && (g.kind === 'binary' || g.kind === 'atom') ? groupOf(c, g.kind === 'atom' ? g.name : (g.text ?? '')) : null)),
  };
}

/** The number of a named group: JS numbers groups by their opening parenthesis, as PCRE does. */
function groupOf(c: Compiled, name: string): number | null {
  const src = c.re.source;
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    if (src[i] === '\\') {
      i++;
      continue;
    }
    if (src[i] === '[') {
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      continue;
    }
    if (src[i] !== '(') continue;
    if (src[i + 1] !== '?') n++;
    else if (src[i + 2] === '<' && src[i + 3] !== '=' && src[i + 3] !== '!') {
      n++;
      if (src.startsWith(`(?<${name}>`, i)) return n;
    }
  }
  return null;
}

/** One match as `run`/`scan` return it. */
function shape(m: Match, s: Subject, cap: Capture, index: boolean): Term[] {
  const value = (g: readonly [number, number] | null): Term => {
    if (index) return g === null ? new Tuple([-1, 0]) : new Tuple([s.byteAt(g[0]), s.byteAt(g[1]) - s.byteAt(g[0])]);
    return g === null ? Binary.fromString('') : s.slice(g[0], g[1]);
  };
  if (cap.kind === 'list') return cap.groups.map((g) => value(g === null ? null : (m[g] ?? null)));
  if (cap.kind === 'none') return [];
  if (cap.kind === 'first') return [value(m[0] ?? null)];
  // PCRE reports groups up to the last one that took part.
  let last = m.length - 1;
  while (last > 0 && m[last] === null) last--;
  const groups = m.slice(0, last + 1).map(value);
  return cap.kind === 'all_but_first' ? groups.slice(1) : groups;
}

/** run/2,3's checked arguments: the regex, the subject and the options. */
function runArgs(a: readonly Term[], arity: number): { c: Compiled; s: Subject; opts: Term } {
  const opts = arity > 2 ? at(a, 2) : NIL;
  const [re, str] = [at(a, 0), at(a, 1)];
  if (!isRegex(re) || typeof str !== 'object' || str.kind !== 'binary') {
    // run/2 is run/3 with its default, as Elixir reports it.
    const failed = isRegex(re) ? 'def run(%Regex{} = regex, string, options) when -is_binary(string)-' : 'def run(-%Regex{} = regex-, string, options) when is_binary(string)';
    return functionClause('Regex', 'run', 3, [re, str, opts], [failed]);
  }
  const c = compiledRegex(re);
  return { c, s: new Subject(str, c.unicode), opts };
}

function runResult(m: Match | null, { c, s, opts }: { c: Compiled; s: Subject; opts: Term }): Term {
  if (m === null) return NIL_ATOM;
  return fromArray(shape(m, s, captureOf(c, opts), opt(opts, 'return') === atom('index')));
}

function scan(a: readonly Term[], arity: number, ctx: BifContext): Term {
  const c = needRegex(at(a, 0), 'scan', arity);
  const s = new Subject(needBin(at(a, 1), 'scan', arity), c.unicode);
  const opts = arity > 2 ? at(a, 2) : NIL;
  const cap = captureOf(c, opts);
  const index = opt(opts, 'return') === atom('index');
  return walk(ctx, (function* () {
    const ms = yield* matchesWalk(c, s);
    return yield* listWalk(ms, (m) => fromArray(shape(m, s, cap, index)));
  })());
}

function namedArgs(a: readonly Term[], arity: number): { c: Compiled; s: Subject } {
  const c = needRegex(at(a, 0), 'named_captures', arity);
  return { c, s: new Subject(needBin(at(a, 1), 'named_captures', arity), c.unicode) };
}

function namedResult(m: Match | null, { c, s }: { c: Compiled; s: Subject }): Term {
  if (m === null) return NIL_ATOM;
  return mapFromPairs(c.info.names.map((n) => {
    const g = groupOf(c, n);
    const span = g === null ? null : (m[g] ?? null);
    return [Binary.fromString(n), span === null ? Binary.fromString('') : s.slice(span[0], span[1])] as const;
  }));
}

/** `\\1`, `\\g{1}`, `\\0` in a replacement string: the pieces, numbers standing for groups. */
function replacementParts(r: string): (string | number)[] {
  const out: (string | number)[] = [];
  let buf = '';
  for (let i = 0; i < r.length; i++) {
    const ch = r[i] as string;
    if (ch !== '\\') {
      buf += ch;
      continue;
    }
    const rest = r.slice(i + 1);
    const m = /^(\d+)|^g\{(\d+)\}/.exec(rest);
    if (m !== null) {
      if (buf !== '') out.push(buf);
      buf = '';
      out.push(Number(m[1] ?? m[2]));
      i += m[0].length;
    } else if (rest[0] !== undefined) {
      buf += rest[0];
      i++;
    } else buf += '\\';
  }
  if (buf !== '') out.push(buf);
  return out;
}

/** The text between matches and the matches themselves, for replace and split. */
function* pieces(c: Compiled, s: Subject, global: boolean): Walk<{ matches: Match[]; between: Binary[] }> {
  const matches = yield* matchesWalk(c, s, global ? Infinity : 1);
  const between: Binary[] = [];
  let pos = 0;
  for (const m of matches) {
    const [a, b] = m[0] as readonly [number, number];
    between.push(s.slice(pos, a));
    pos = b;
  }
  between.push(s.slice(pos, s.text.length));
  return { matches, between };
}

/** Regex.replace: a string with `\\N` references, or a fun (run in Elixir, see the prelude). */
export function regexReplace(re: Term, str: Term, replacement: Term, global: boolean, ctx: BifContext, arity: number): Term {
  const c = needRegex(re, 'replace', arity);
  const s = new Subject(needBin(str, 'replace', arity), c.unicode);
  if (replacement instanceof Fun) {
    // Funs run as Elixir code, through Regex's prelude, once the matches are found.
    return walk(ctx, replaceFunWalk(c, s, global, replacement, ctx));
  }
  const rp = replacementParts(needBin(replacement, 'replace', arity).text ?? '');
  return walk(ctx, replaceWalk(c, s, global, rp));
}

function* replaceFunWalk(c: Compiled, s: Subject, global: boolean, fun: Fun, ctx: BifContext): Walk<Term> {
  const { matches, between } = yield* pieces(c, s, global);
  const parts: Term[] = [];
  matches.forEach((m, i) => {
    parts.push(between[i] as Binary);
    parts.push(fromArray(m.map((g) => (g === null ? Binary.fromString('') : s.slice(g[0], g[1])))));
  });
  parts.push(between[between.length - 1] as Binary);
  return ctx.tailCallMfa(atom('Elixir.Regex'), atom('__replace_fun__'), [fromArray(parts), fun, fun.arity]);
}

function* replaceWalk(c: Compiled, s: Subject, global: boolean, rp: readonly (string | number)[]): Walk<Term> {
  const { matches, between } = yield* pieces(c, s, global);
  const chunks: Uint8Array[] = [];
  matches.forEach((m, i) => {
    chunks.push((between[i] as Binary).bytes);
    for (const p of rp) {
      if (typeof p === 'string') chunks.push(new TextEncoder().encode(p));
      else {
        const g = m[p];
        if (g !== undefined && g !== null) chunks.push(s.slice(g[0], g[1]).bytes);
      }
    }
  });
  chunks.push((between[between.length - 1] as Binary).bytes);
  const out = new Uint8Array(chunks.reduce((n, x) => n + x.length, 0));
  let o = 0;
  for (const x of chunks) {
    out.set(x, o);
    o += x.length;
  }
  return Binary.fromBytes(out);
}

/** Regex.split (and String.split with a regex): `parts:`, `trim:`. */
export function regexSplit(re: Term, str: Term, opts: Term, module: string, arity: number, ctx: BifContext): Term {
  if (!isRegex(re)) return functionClause(module, 'split', arity);
  const c = compiledRegex(re);
  const s = new Subject(needBin(str, 'split', arity), c.unicode);
  const p = opt(opts, 'parts');
  const parts = p === undefined || p === atom('infinity') ? Infinity : typeof p === 'number' && p > 0 ? p : functionClause(module, 'split', arity);
  const trim = opt(opts, 'trim') === TRUE;
  if (s.text === '') return fromArray(trim ? [] : [Binary.fromString('')]);
  return walk(ctx, splitWalk(c, s, parts, trim));
}

function* splitWalk(c: Compiled, s: Subject, parts: number, trim: boolean): Walk<Term> {
  const out: Binary[] = [];
  let pos = 0;
  for (const m of yield* matchesWalk(c, s, parts - 1)) {
    const [a, b] = m[0] as readonly [number, number];
    out.push(s.slice(pos, a));
    pos = b;
  }
  out.push(s.slice(pos, s.text.length));
  return yield* listWalk(trim ? out.filter((x) => x.byteSize > 0) : out, (x) => x);
}

/** `match?`, `=~` and String.match?'s arguments: the regex and the subject. */
function matchArgs(re: Term, str: Term, module: string, name: string): { c: Compiled; s: Subject } {
  if (!isRegex(re)) return functionClause(module, name, 2);
  const c = compiledRegex(re);
  if (typeof str !== 'object' || str.kind !== 'binary') return functionClause(module, name, 2);
  return { c, s: new Subject(str, c.unicode) };
}

/** `string =~ string`: does the left contain the right? */
function containsText(l: Term, r: Term): Term {
  const text = (t: Term) => (typeof t === 'object' && t.kind === 'binary' ? (t.text ?? String.fromCharCode(...t.bytes)) : null);
  const [lt, rt] = [text(l), text(r)];
  if (lt === null || rt === null) return functionClause('Kernel', '=~', 2);
  return lt.includes(rt) ? TRUE : atom('false');
}

function compileBang(a: readonly Term[]): Term {
  const r = compileRegex(needBin(at(a, 0), 'compile!', 2), a.length > 1 ? at(a, 1) : Binary.fromString(''));
  if (r.ok) return r.regex;
  const reason = r.reason as Tuple;
  const [what, where] = reason.elements as [Term, Term];
  const text = typeof what === 'object' && what.kind === 'atom' ? what.name : charlistText(what);
  const pos = typeof where === 'object' && where.kind === 'binary' ? (where.text ?? '') : String(where);
  return raise('Regex.CompileError', `${text} at position ${pos}`);
}

function charlistText(t: Term): string {
  let s = '';
  for (let l = t; typeof l === 'object' && l.kind === 'cons'; l = l.tail) s += String.fromCodePoint(l.head as number);
  return s;
}

function compile(a: readonly Term[]): Term {
  const r = compileRegex(needBin(at(a, 0), 'compile', 2), a.length > 1 ? at(a, 1) : Binary.fromString(''));
  return r.ok ? new Tuple([atom('ok'), r.regex]) : new Tuple([atom('error'), r.reason]);
}

const ESCAPED = new Set([...'.^$*+?()[]{}|\\#-/ \t\n\r\f\v']);

export const regexBifs = defineBifs('Elixir.Regex', {
  'compile/1': compile,
  'compile/2': compile,
  'compile!/1': compileBang,
  'compile!/2': compileBang,
  'names/1': (a) => fromArray(needRegex(at(a, 0), 'names', 1).info.names.map((n) => Binary.fromString(n))),
  'source/1': (a) => (isRegex(at(a, 0)) ? ((at(a, 0) as MapTerm).entries.get(atom('source'))?.[1] as Term) : functionClause('Regex', 'source', 1)),
  'opts/1': (a) => (isRegex(at(a, 0)) ? ((at(a, 0) as MapTerm).entries.get(atom('opts'))?.[1] as Term) : functionClause('Regex', 'opts', 1)),
  'regex?/1': (a) => bool(isRegex(at(a, 0))),
  'escape/1': (a) => {
    const s = needBin(at(a, 0), 'escape', 1).text ?? '';
    const ctl: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\f': '\\f', '\v': '\\v' };
    return Binary.fromString([...s].map((ch) => (ESCAPED.has(ch) ? (ctl[ch] ?? '\\' + ch) : ch)).join(''));
  },
});

/** scan, split and replace walk their matches (trapping every 1,000) and replace may call a fun: control BIFs. */
export const regexControlBifs = defineBifs(
  'Elixir.Regex',
  {
    'scan/2': (a, ctx) => scan(a, 2, ctx),
    'scan/3': (a, ctx) => scan(a, 3, ctx),
    'split/2': (a, ctx) => regexSplit(at(a, 0), at(a, 1), NIL, 'Regex', 2, ctx),
    'split/3': (a, ctx) => regexSplit(at(a, 0), at(a, 1), at(a, 2), 'Regex', 3, ctx),
    'replace/3': (a, ctx) => regexReplace(at(a, 0), at(a, 1), at(a, 2), true, ctx, 3),
    'replace/4': (a, ctx) => regexReplace(at(a, 0), at(a, 1), at(a, 2), opt(at(a, 3), 'global') !== FALSE, ctx, 4),
  },
  true,
);

/**
 * The one-match functions, whose single match may need the bounded matcher: a control BIF each,
 * trapping while it runs, with the common case (execQuick: no required text, or a pattern V8
 * runs at once) done inline as `small`.
 */
function oneMatch<A>(module: string, name: string, arity: number, args: (a: readonly Term[]) => A & { c: Compiled; s: Subject }, result: (m: Match | null, x: A) => Term): Bif {
  return {
    module,
    name,
    arity,
    control: true,
    fn: (a, ctx) => {
      const x = args(a);
      return walk(ctx, (function* () {
        return result(yield* execWalk(x.c, x.s, 0), x);
      })());
    },
    small: (a) => {
      const x = args(a);
      const m = execQuick(x.c, x.s, 0);
      return m === undefined ? undefined : result(m, x);
    },
  };
}

const matched = (m: Match | null): Term => bool(m !== null);

export const regexMatchBifs: Bif[] = [
  oneMatch('Elixir.Regex', 'run', 2, (a) => runArgs(a, 2), runResult),
  oneMatch('Elixir.Regex', 'run', 3, (a) => runArgs(a, 3), runResult),
  oneMatch('Elixir.Regex', 'named_captures', 2, (a) => namedArgs(a, 2), namedResult),
  oneMatch('Elixir.Regex', 'named_captures', 3, (a) => namedArgs(a, 3), namedResult),
  oneMatch('Elixir.Regex', 'match?', 2, (a) => matchArgs(at(a, 0), at(a, 1), 'Regex', 'match?'), matched),
  oneMatch('Elixir.String', 'match?', 2, (a) => matchArgs(at(a, 1), at(a, 0), 'String', 'match?'), matched),
  textOrRegex(oneMatch('Elixir.Kernel', '=~', 2, (a) => matchArgs(at(a, 1), at(a, 0), 'Kernel', '=~'), matched)),
];

/** `string =~ string` is a substring test, done at once; `string =~ regex` matches. */
function textOrRegex(b: Bif): Bif {
  const small = b.small as NonNullable<Bif['small']>;
  return {
    ...b,
    fn: (a, ctx) => (isRegex(at(a, 1)) ? b.fn(a, ctx) : containsText(at(a, 0), at(a, 1))),
    small: (a) => (isRegex(at(a, 1)) ? small(a) : containsText(at(a, 0), at(a, 1))),
  };
}

/** Replacement funs run as Elixir code: called with the match and as many groups as they take. */
export const REGEX_PRELUDE = `
defmodule Regex do
  def __replace_fun__(parts, fun, arity), do: replace_fun(parts, fun, arity, [])

  defp replace_fun([tail], _fun, _arity, acc), do: :erlang.iolist_to_binary(:lists.reverse([tail | acc]))

  defp replace_fun([pre, groups | rest], fun, arity, acc) do
    replace_fun(rest, fun, arity, [call(fun, arity, groups ++ List.duplicate("", arity)), pre | acc])
  end

  defp call(fun, 1, [m | _]), do: fun.(m)
  defp call(fun, 2, [m, a | _]), do: fun.(m, a)
  defp call(fun, 3, [m, a, b | _]), do: fun.(m, a, b)
  defp call(fun, 4, [m, a, b, c | _]), do: fun.(m, a, b, c)
end
`;
