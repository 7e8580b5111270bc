/**
 * `inspect/1` exactly as Elixir 1.14 prints terms, and `inspectPretty` for what iex prints as a
 * result (80 columns, line breaks as Inspect.Algebra places them). Both truncate containers
 * after `limit` (50) items with `...` and strings/charlists after 4096 characters, as Elixir does.
 *
 * PIDs, references and ports print with the printing node's number for the node they live on:
 * the runtime supplies `nodeNumber` (0 for its own node), so one pid prints differently on
 * different nodes, as on BEAM.
 */
import { atom, Cons, NIL, Tuple, type Atom, type Binary, type Fun, type MapTerm, type Term } from './types.ts';
import { inspectAtom, inspectAtomKey, inspectAtomRemote } from './atom-format.ts';
import { escape, isAsciiPrintable, isPrintableText } from './escape.ts';
import { formatFloat } from './float-format.ts';
import { sortedPairs } from './map-order.ts';
import { REGEX_MODULE, regexSigil } from './inspect-regex.ts';
import { calendarInspect, calendarKind, dateRangeInspect } from './calendar-format.ts';
import {
  concat,
  concatAll,
  flexGlue,
  format,
  glue,
  group,
  isSimple,
  nest,
  type Doc,
} from './algebra.ts';

export interface InspectOptions {
  /** The printing node's number for a node name: 0 for itself (the default for every node). */
  readonly nodeNumber?: (node: Atom) => number;
  /** Items shown per container before `...` (Elixir's `:limit`, default 50). */
  readonly limit?: number;
  /** Characters shown of a string or charlist (Elixir's `:printable_limit`, default 4096). */
  readonly printableLimit?: number;
  /** Line width; `inspect` defaults to Infinity (one line), `inspectPretty` to 80. */
  readonly width?: number;
  /**
   * The printing node's structs: a module's fields in definition order, undefined when it
   * defines none. Without it, only ranges and exceptions print as structs.
   */
  readonly structFields?: (module: Atom) => readonly Atom[] | undefined;
  /** Structs printed by their own Inspect implementation: the text it gave (by identity). */
  readonly custom?: ReadonlyMap<MapTerm, string>;
}

interface Ctx {
  readonly nodeNumber: (node: Atom) => number;
  readonly printableLimit: number;
  readonly structFields: ((module: Atom) => readonly Atom[] | undefined) | undefined;
  readonly custom: ReadonlyMap<MapTerm, string> | undefined;
}

const zero = (): number => 0;

/** Elixir's `inspect(term)`: one line. */
export function inspect(term: Term, opts: InspectOptions = {}): string {
  return format(toDoc(term, opts), opts.width ?? Infinity);
}

/** What iex prints for a result: `inspect(term, pretty: true, width: 80)`. */
export function inspectPretty(term: Term, width = 80, opts: InspectOptions = {}): string {
  return format(toDoc(term, opts), width);
}

/** The algebra document, for callers that compose bigger documents (exceptions, IEx). */
export function toDoc(term: Term, opts: InspectOptions = {}): Doc {
  const ctx: Ctx = { nodeNumber: opts.nodeNumber ?? zero, printableLimit: opts.printableLimit ?? 4096, structFields: opts.structFields, custom: opts.custom };
  return doc(term, opts.limit ?? 50, ctx);
}

/**
 * A subterm's document, asked for by a container's generator: `const d = yield [term, limit]`.
 * Containers nest as deep as memory allows (`limit: :infinity` prints every level), so they do
 * not call each other: `doc` runs their generators on an explicit stack.
 */
type Req = readonly [Term, number];
type DocGen<R = Doc> = Generator<Req, R, Doc>;

function doc(t: Term, limit: number, ctx: Ctx): Doc {
  const first = leafDoc(t, limit, ctx);
  if (first !== undefined) return first;
  const stack: DocGen[] = [containerDoc(t, limit, ctx)];
  let input: Doc = null;
  for (;;) {
    const step = (stack[stack.length - 1] as DocGen).next(input);
    if (step.done === true) {
      stack.pop();
      if (stack.length === 0) return step.value;
      input = step.value;
      continue;
    }
    const [sub, lim] = step.value;
    const leaf = leafDoc(sub, lim, ctx);
    if (leaf !== undefined) input = leaf;
    else {
      stack.push(containerDoc(sub, lim, ctx));
      input = null;
    }
  }
}

/** Lists, tuples and maps: documents made of their items' documents. */
function containerDoc(t: Term, limit: number, ctx: Ctx): DocGen {
  const c = t as Cons | Tuple | MapTerm;
  if (c.kind === 'cons') return listDoc(c, limit, ctx);
  if (c.kind === 'tuple') return container('{', c.elements, null, '}', limit, ctx, termDoc, ',', 'flex');
  return mapDoc(c, limit, ctx);
}

function* termDoc(t: Term, limit: number): DocGen {
  return yield [t, limit];
}

/** The document of anything but a list, tuple or map; undefined for those. */
function leafDoc(t: Term, limit: number, ctx: Ctx): Doc | undefined {
  if (typeof t === 'number') return String(t);
  if (typeof t === 'bigint') return t.toString();
  switch (t.kind) {
    case 'float':
      return formatFloat(t.value);
    case 'atom':
      return inspectAtom(t.name);
    case 'binary':
      return binaryDoc(t, limit, ctx);
    case 'bitstring':
      return bitsDoc(t.bytes, t.bitSize & 7, limit);
    case 'nil':
      return '[]';
    case 'cons':
    case 'tuple':
    case 'map':
      return undefined;
    case 'pid':
      return `#PID<${ctx.nodeNumber(t.node)}.${t.id}.${t.serial}>`;
    case 'port':
      return `#Port<${ctx.nodeNumber(t.node)}.${t.id}>`;
    case 'ref': {
      // Words print most significant first: the reverse of their wire order.
      let s = `#Reference<${ctx.nodeNumber(t.node)}`;
      for (let i = t.ids.length - 1; i >= 0; i--) s += '.' + String(t.ids[i]);
      return s + '>';
    }
    case 'fun':
      return funText(t);
  }
}

type ItemDoc<T> = (item: T, limit: number) => DocGen;

/** Inspect.Algebra.container_doc: `[a, b, c]`, breaking as Elixir does when too wide. */
function* container<T>(
  left: string,
  items: readonly T[],
  tail: Term | null,
  right: string,
  limit: number,
  ctx: Ctx,
  itemDoc: ItemDoc<T>,
  sep: string,
  breakMode: 'maybe' | 'flex' | 'strict',
): DocGen {
  if (items.length === 0) return left + right;
  const docs: Doc[] = [];
  let simple = breakMode === 'maybe';
  let lim = limit;
  const n = items.length;
  for (let i = 0; i < n; i++) {
    if (lim === 0) {
      docs.push('...');
      break;
    }
    lim--;
    const d = yield* itemDoc(items[i] as T, lim);
    if (i === n - 1 && tail !== null) {
      // The last cell of an improper list: `a | tail`.
      const td: Doc = yield [tail, lim];
      simple = simple && isSimple(d) && isSimple(td);
      docs.push(join(d, td, simple, ' |'));
    } else {
      docs.push(d);
      if (simple) simple = isSimple(d);
    }
  }
  const flex = simple || breakMode === 'flex';
  // fold_doc from the right, iteratively (containers can be huge with limit: Infinity).
  let body = docs[docs.length - 1] as Doc;
  for (let i = docs.length - 2; i >= 0; i--) body = join(docs[i] as Doc, body, flex, sep);
  return flex
    ? group(concat(concat(left, nest(body, 1)), right))
    : group(glue(nest(glue(left, '', body), 2), '', right));
}

function join(l: Doc, r: Doc, flex: boolean, sep: string): Doc {
  return flex ? flexGlue(concat(l, sep), ' ', r) : glue(concat(l, sep), ' ', r);
}

function binaryDoc(b: Binary, limit: number, ctx: Ctx): Doc {
  const text = b.text;
  if (text !== null && isPrintableText(text, ctx.printableLimit)) {
    const e = escape(text, 34, ctx.printableLimit);
    return '"' + e.text + (e.truncated ? '" <> ...' : '"');
  }
  return bitsDoc(b.bytes, 0, limit);
}

/**
 * Inspect.BitString.each_bit: `<<1, 2, ...>>` with flex breaks, nested by 2; a partial last
 * byte (`tailBits` of it used) prints as `5::size(3)`.
 */
function bitsDoc(bytes: Uint8Array, tailBits: number, limit: number): Doc {
  const items: string[] = [];
  const whole = tailBits === 0 ? bytes.length : bytes.length - 1;
  for (let i = 0; i < whole && i < limit; i++) items.push(String(bytes[i]));
  const all = whole + (tailBits === 0 ? 0 : 1);
  if (tailBits !== 0 && whole < limit) items.push(`${(bytes[whole] as number) >>> (8 - tailBits)}::size(${tailBits})`);
  let inner: Doc = items.length < all ? '...' : null;
  for (let i = items.length - 1; i >= 0; i--) {
    const s = items[i] as string;
    inner = inner === null ? s : flexGlue(s + ',', ' ', inner);
  }
  return group(concatAll(['<<', nest(inner, 2), '>>']));
}

function* listDoc(l: Term, limit: number, ctx: Ctx): DocGen {
  const pl = ctx.printableLimit;
  if (isCharlist(l, pl)) {
    // Only the first printable_limit characters are shown; stop walking there.
    let s = '';
    let t: Term = l;
    for (let n = 0; n <= pl && typeof t === 'object' && t.kind === 'cons'; n++, t = t.tail) s += String.fromCharCode(t.head as number);
    const e = escape(s, 39, pl);
    return "'" + e.text + (e.truncated ? "' ++ ..." : "'");
  }
  // Collect no more than the items that will be shown (plus one, to know there are more).
  const cap = limit + 1;
  const items: Term[] = [];
  let t: Term = l;
  while (typeof t === 'object' && t.kind === 'cons' && items.length < cap) {
    items.push(t.head);
    t = t.tail;
  }
  const truncated = typeof t === 'object' && t.kind === 'cons';
  const tail = truncated || (typeof t === 'object' && t.kind === 'nil') ? null : t;
  if (isKeyword(l)) return yield* container('[', items, null, ']', limit, ctx, keywordDoc, ',', 'strict');
  return yield* container('[', items, tail, ']', limit, ctx, termDoc, ',', 'maybe');
}

/** List.ascii_printable?/2: the first `limit` elements are printable ASCII (a proper list if shorter). */
function isCharlist(l: Term, limit: number): boolean {
  let n = 0;
  while (typeof l === 'object' && l.kind === 'cons') {
    if (n++ === limit) return true;
    if (!isAsciiPrintable(l.head)) return false;
    l = l.tail;
  }
  return typeof l === 'object' && l.kind === 'nil';
}

/** Inspect.List.keyword?/1: a proper list of `{atom, value}` pairs (walks the whole list, as Elixir). */
function isKeyword(l: Term): boolean {
  while (typeof l === 'object' && l.kind === 'cons') {
    if (!isKeywordPair(l.head)) return false;
    l = l.tail;
  }
  return typeof l === 'object' && l.kind === 'nil';
}

/** Inspect.List.keyword?: `{atom, value}` where the atom is not an alias (`Elixir.` prefix). */
function isKeywordPair(t: Term): boolean {
  if (typeof t !== 'object' || t.kind !== 'tuple' || t.elements.length !== 2) return false;
  const k = t.elements[0] as Term;
  return typeof k === 'object' && k.kind === 'atom' && !k.name.startsWith('Elixir.');
}

function* keywordDoc(pair: Term, limit: number): DocGen {
  const [k, v] = (pair as unknown as { elements: readonly [Atom, Term] }).elements;
  return concat(inspectAtomKey(k.name) + ' ', yield [v, limit]);
}

/** `key: value` of a map or struct whose keys are all atoms. */
function* atomKeyDoc(p: readonly [Term, Term], limit: number): DocGen {
  return concat(inspectAtomKey((p[0] as Atom).name) + ' ', yield [p[1], limit]);
}

function* arrowDoc(p: readonly [Term, Term], limit: number): DocGen {
  const k: Doc = yield [p[0], limit];
  return concat(concat(k, ' => '), yield [p[1], limit]);
}

const STRUCT = atom('__struct__');
const EXCEPTION = atom('__exception__');
const RANGE = atom('Elixir.Range');
const STREAM = atom('Elixir.Stream');
const MAP_SET = atom('Elixir.MapSet');
const TRUE = atom('true');

/**
 * The fields of Elixir's exceptions in their definition order, which Inspect follows
 * (`%KeyError{key: :a, term: %{}, message: nil}`); other exceptions print in map order.
 */
const EXCEPTION_FIELDS = new Map<string, readonly string[]>([
  ['KeyError', ['key', 'term', 'message']],
  ['UndefinedFunctionError', ['module', 'function', 'arity', 'reason', 'message']],
  ['FunctionClauseError', ['module', 'function', 'arity', 'kind', 'args', 'clauses']],
  ['Protocol.UndefinedError', ['protocol', 'value', 'description']],
  ['BadArityError', ['function', 'args']],
  ['ErlangError', ['original', 'reason']],
]);

/**
 * Structs Inspect knows without the module's definition: ranges (`1..10`, `10..1//-1`) and
 * exceptions (`%ArgumentError{message: "x"}`). Other maps with `__struct__` print as maps, as
 * Elixir prints a struct whose module it cannot load.
 */
function* structDoc(m: MapTerm, limit: number, ctx: Ctx): DocGen<Doc | undefined> {
  const custom = ctx.custom?.get(m);
  if (custom !== undefined) return custom;
  const mod = m.entries.get(STRUCT)?.[1];
  if (typeof mod !== 'object' || mod.kind !== 'atom' || !mod.name.startsWith('Elixir.')) return undefined;
  const field = (k: string) => m.entries.get(atom(k))?.[1];
  if (mod === RANGE && m.size === 4) {
    const [first, last, step] = [field('first'), field('last'), field('step')];
    const isInt = (t: Term | undefined): t is number | bigint => typeof t === 'number' || typeof t === 'bigint';
    if (!isInt(first) || !isInt(last) || !isInt(step)) return undefined;
    const bounds = concatAll([String(first), '..', String(last)]);
    return step === 1 && last >= first ? bounds : concatAll([bounds, '//', String(step)]);
  }
  if (mod === STREAM && m.size === 5) return yield* streamDoc(m, limit);
  if (mod === MAP_SET && m.size === 3) return yield* mapSetDoc(m, limit);
  if (mod === REGEX_MODULE) return regexSigil(m);
  const calendar = calendarKind(m);
  if (calendar !== undefined) return calendarInspect(m, calendar);
  const dateRange = dateRangeInspect(m);
  if (dateRange !== undefined) return dateRange;
  const fields = ctx.structFields?.(mod);
  if (fields !== undefined) {
    // Inspect.Any: the module's fields in their order, when the map has exactly those keys.
    if (m.size !== fields.length + 1 || !fields.every((f) => m.entries.has(f))) return undefined;
    const pairs = fields.filter((f) => f !== EXCEPTION).map((f) => m.entries.get(f) as readonly [Term, Term]);
    return yield* container(`%${inspectAtom(mod.name)}{`, pairs, null, '}', limit, ctx, atomKeyDoc, ',', 'strict');
  }
  if (m.entries.get(EXCEPTION)?.[1] !== TRUE) return undefined;
  const name = mod.name.slice('Elixir.'.length);
  const order = EXCEPTION_FIELDS.get(name);
  const pairs = sortedPairs(m).filter(([k]) => k !== STRUCT && k !== EXCEPTION);
  if (order !== undefined) {
    const rank = (k: Term) => {
      const i = typeof k === 'object' && k.kind === 'atom' ? order.indexOf(k.name) : -1;
      return i < 0 ? order.length : i;
    };
    pairs.sort((a, b) => rank(a[0]) - rank(b[0]));
  }
  return yield* container(`%${inspectAtom(mod.name)}{`, pairs, null, '}', limit, ctx, atomKeyDoc, ',', 'strict');
}

/** Inspect for Stream: `#Stream<[enum: 1..3, funs: [#Function<...>]]>`, stages oldest first. */
function* streamDoc(m: MapTerm, limit: number): DocGen<Doc | undefined> {
  const [e, funs] = [m.entries.get(atom('enum'))?.[1], m.entries.get(atom('funs'))?.[1]];
  if (e === undefined || funs === undefined || typeof funs !== 'object' || (funs.kind !== 'cons' && funs.kind !== 'nil')) return undefined;
  let reversed: Term = NIL;
  for (let l: Term = funs; typeof l === 'object' && l.kind === 'cons'; l = l.tail) reversed = new Cons(l.head, reversed);
  const inner = new Cons(new Tuple([atom('enum'), e]), new Cons(new Tuple([atom('funs'), reversed]), NIL));
  return concatAll(['#Stream<', yield [inner, limit], '>']);
}

/** Inspect for MapSet: `MapSet.new([1, 2])`, the members in their map's key order. */
function* mapSetDoc(m: MapTerm, limit: number): DocGen<Doc | undefined> {
  const members = m.entries.get(atom('map'))?.[1];
  if (typeof members !== 'object' || members.kind !== 'map' || m.entries.get(atom('version'))?.[1] !== 2) return undefined;
  let keys: Term = NIL;
  const pairs = sortedPairs(members);
  for (let i = pairs.length - 1; i >= 0; i--) keys = new Cons((pairs[i] as readonly [Term, Term])[0], keys);
  return concatAll(['MapSet.new(', yield [keys, limit], ')']);
}

function* mapDoc(m: MapTerm, limit: number, ctx: Ctx): DocGen {
  const asStruct = yield* structDoc(m, limit, ctx);
  if (asStruct !== undefined) return asStruct;
  const pairs = sortedPairs(m);
  let keyword = true;
  for (const [k] of pairs) {
    if (typeof k !== 'object' || k.kind !== 'atom' || k.name.startsWith('Elixir.')) {
      keyword = false;
      break;
    }
  }
  return yield* container('%{', pairs, null, '}', limit, ctx, keyword ? atomKeyDoc : arrowDoc, ',', 'strict');
}

/** Inspect.Function: `&Mod.fun/2` for export funs, `#Function<i.u/a in mod.parent/n>` for closures. */
function funText(f: Fun): string {
  const info = f.info;
  if (info.type === 'export') return `&${inspectAtom(info.module.name)}.${inspectAtomRemote(info.name.name)}/${f.arity}`;
  return `#Function<${info.index}.${info.uniq}/${f.arity} in ${inspectAtom(info.module.name)}${funName(info.name)}>`;
}

/** `-expr/6-fun-2-` (the compiler's name for a closure) prints as its parent `expr/6`. */
function funName(name: string): string {
  if (name === '') return '';
  const anon = /^-(.*)\/(\d+)-fun-\d+-$/.exec(name);
  if (anon !== null) return '.' + inspectAtomRemote(anon[1] as string) + '/' + (anon[2] as string);
  const plain = /^(.+)\/(\d+)$/.exec(name);
  if (plain !== null) return '.' + inspectAtomRemote(plain[1] as string) + '/' + (plain[2] as string);
  return '.' + inspectAtomRemote(name);
}
