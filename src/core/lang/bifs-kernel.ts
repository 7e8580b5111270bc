/**
 * Kernel's built-in functions (the ones the VM needs; Enum & co. are in stdlib/). Guards and
 * data accessors are also registered under `:erlang`, where BEAM has them, so `&is_atom/1`
 * prints `&:erlang.is_atom/1` and `:erlang.element/2` works.
 */
import { Rethrow } from './vm-errors.ts';
import { atom, toAtom, bool, Fun, Float, NIL, NIL_ATOM, Tuple, TRUE, FALSE, Binary, type Atom, type MapTerm, type Term } from '../term/types.ts';
import { inspect, inspectPretty, type InspectOptions } from '../term/inspect.ts';
import { mapHas } from '../term/map.ts';
import { compare } from '../term/order.ts';
import { bitSizeOf, isBits } from '../term/bits.ts';
import type { Bif, BifFn, BuiltinModule, LangNode } from './builtins.ts';
import { asErlang, ElixirThrow, exception, raise } from './errors.ts';
import { makeException, isException } from './exceptions.ts';
import { structFieldsOf } from './structs.ts';
import { toStr } from './values.ts';
import * as ops from './ops.ts';
import { list as listOf } from '../term/types.ts';

const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th'];

/** `ArgumentError` as BEAM's error_info words it: "errors were found at the given arguments". */
export function badargAt(index: number, what: string): never {
  return raise('ArgumentError', `errors were found at the given arguments:\n\n  * ${ORDINALS[index] ?? `${index + 1}th`} argument: ${what}\n`);
}

const isInt = (t: Term): t is number | bigint => typeof t === 'number' || typeof t === 'bigint';
const kindIs = (t: Term, k: string): boolean => typeof t === 'object' && t.kind === k;

function tupleArg(t: Term, i: number): Tuple {
  if (!kindIs(t, 'tuple')) badargAt(i, 'not a tuple');
  return t as Tuple;
}

export function elem(t: Term, i: Term): Term {
  if (typeof i !== 'number') badargAt(0, 'not an integer');
  const tup = tupleArg(t, 1);
  if (i < 0 || i >= tup.elements.length) badargAt(0, 'out of range');
  return tup.elements[i] as Term;
}

/** The `i + 1` Elixir's elem/put_elem pass to :erlang.element/setelement (an ArithmeticError for a non-number, as there). */
function erlangIndex(i: Term): Term {
  return typeof i === 'number' ? i + 1 : asErlang('+', [i, 1], () => ops.add(i, 1));
}

export function putElem(t: Term, i: Term, v: Term): Term {
  if (typeof i !== 'number') badargAt(0, 'not an integer');
  const tup = tupleArg(t, 1);
  if (i < 0 || i >= tup.elements.length) badargAt(0, 'out of range');
  const els = tup.elements.slice();
  els[i] = v;
  return new Tuple(els);
}

/** Reads Elixir inspect options (`limit:`, `pretty:`, `width:`, `label:`) from a keyword list. */
export function inspectOpts(opts: Term, node?: LangNode): { opts: InspectOptions; pretty: boolean; label: string | null } {
  let pretty = false;
  let label: string | null = null;
  // PIDs print with the printing node's numbering of other nodes.
  const o: { -readonly [K in keyof InspectOptions]: InspectOptions[K] } = node ? { nodeNumber: node.nodeNumber, structFields: structFieldsOf(node) } : {};
  for (let l = opts; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
    const kv = l.head;
    if (typeof kv !== 'object' || kv.kind !== 'tuple' || kv.elements.length !== 2) continue;
    const [k, v] = kv.elements as [Term, Term];
    const name = typeof k === 'object' && k.kind === 'atom' ? k.name : '';
    if (name === 'pretty') pretty = v === TRUE;
    else if (name === 'limit') o.limit = typeof v === 'number' ? v : Infinity;
    else if (name === 'width') o.width = typeof v === 'number' ? v : Infinity;
    else if (name === 'printable_limit') o.printableLimit = typeof v === 'number' ? v : Infinity;
    else if (name === 'label') label = toStr(v).text ?? '';
  }
  return { opts: o, pretty, label };
}

export function inspectTerm(t: Term, opts: Term = NIL, node?: LangNode): string {
  const { opts: o, pretty } = inspectOpts(opts, node);
  return pretty ? inspectPretty(t, o.width ?? 80, o) : inspect(t, o);
}

function toInt(x: number): Term {
  return Number.isSafeInteger(x) ? x : ops.add(BigInt(Math.trunc(x)) as unknown as Term, 0);
}

function number(t: Term, i: number): number {
  if (typeof t === 'number') return t;
  if (typeof t === 'bigint') return Number(t);
  if (kindIs(t, 'float')) return (t as Float).value;
  return badargAt(i, 'not a number');
}

/** `raise/1,2`: a message, a module, a module with a message or options, or an exception. */
export function raiseBif(args: readonly Term[]): never {
  throw new ElixirThrow('error', exceptionOf(args));
}

/** The exception `raise/1,2` raises for a built-in module (or a string, or an exception itself). */
export function exceptionOf(args: readonly Term[]): Term {
  const [what, arg] = args as [Term, Term | undefined];
  if (kindIs(what, 'binary')) return exception('RuntimeError', (what as Binary).text ?? '');
  if (isException(what)) return what;
  if (kindIs(what, 'atom')) {
    if (arg === undefined) return makeException(what as Atom, null);
    if (kindIs(arg, 'binary')) return makeException(what as Atom, (arg as Binary).text ?? '');
    const fields: [string, Term][] = [];
    let message: string | null = null;
    for (let l = arg; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
      const kv = l.head;
      if (typeof kv === 'object' && kv.kind === 'tuple' && kv.elements.length === 2) {
        const k = kv.elements[0] as Term;
        const v = kv.elements[1] as Term;
        if (typeof k === 'object' && k.kind === 'atom') {
          if (k.name === 'message') message = toStr(v).text ?? '';
          else fields.push([k.name, v]);
        }
      }
    }
    return makeException(what as Atom, message, fields);
  }
  // Raised by the caller's own `raise` (no BIF frame), as iex shows it.
  const reason = exception('ArgumentError', `raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: ${inspect(what)}`);
  throw new ElixirThrow('error', reason, null, false);
}

const k = (name: string, arity: number, fn: BifFn, control = false): Bif =>
  control ? { module: 'Elixir.Kernel', name, arity, fn, control } : { module: 'Elixir.Kernel', name, arity, fn };
const e = (name: string, arity: number, fn: BifFn, control = false): Bif =>
  control ? { module: 'erlang', name, arity, fn, control } : { module: 'erlang', name, arity, fn };

/** Operators as functions (`apply(Kernel, :+, [1, 2])`, `&+/2`). */
const operators: [string, BifFn][] = [
  ['+', ([a, b]) => ops.add(a as Term, b as Term)],
  ['-', ([a, b]) => ops.sub(a as Term, b as Term)],
  ['*', ([a, b]) => ops.mul(a as Term, b as Term)],
  ['/', ([a, b]) => ops.fdiv(a as Term, b as Term)],
  ['==', ([a, b]) => bool(ops.eq(a as Term, b as Term))],
  ['<', ([a, b]) => bool(ops.lt(a as Term, b as Term))],
  ['>', ([a, b]) => bool(ops.gt(a as Term, b as Term))],
  ['>=', ([a, b]) => bool(ops.ge(a as Term, b as Term))],
];

/** Functions that exist both as Kernel.name and :erlang.name. */
const shared: [string, number, BifFn][] = [
  ['is_integer', 1, ([x]) => bool(isInt(x as Term))],
  ['is_float', 1, ([x]) => bool(kindIs(x as Term, 'float'))],
  ['is_number', 1, ([x]) => bool(isInt(x as Term) || kindIs(x as Term, 'float'))],
  ['is_atom', 1, ([x]) => bool(kindIs(x as Term, 'atom'))],
  ['is_boolean', 1, ([x]) => bool(x === TRUE || x === FALSE)],
  ['is_binary', 1, ([x]) => bool(kindIs(x as Term, 'binary'))],
  ['is_bitstring', 1, ([x]) => bool(isBits(x))],
  ['is_list', 1, ([x]) => bool(kindIs(x as Term, 'cons') || x === NIL)],
  ['is_tuple', 1, ([x]) => bool(kindIs(x as Term, 'tuple'))],
  ['is_map', 1, ([x]) => bool(kindIs(x as Term, 'map'))],
  ['is_pid', 1, ([x]) => bool(kindIs(x as Term, 'pid'))],
  ['is_reference', 1, ([x]) => bool(kindIs(x as Term, 'ref'))],
  ['is_port', 1, ([x]) => bool(kindIs(x as Term, 'port'))],
  ['is_function', 1, ([x]) => bool(kindIs(x as Term, 'fun'))],
  ['is_function', 2, ([x, n]) => bool(kindIs(x as Term, 'fun') && (x as Fun).arity === n)],
  ['hd', 1, ([x]) => (kindIs(x as Term, 'cons') ? (x as Term & { head: Term }).head : badargAt(0, 'not a nonempty list'))],
  ['tl', 1, ([x]) => (kindIs(x as Term, 'cons') ? (x as Term & { tail: Term }).tail : badargAt(0, 'not a nonempty list'))],
  ['tuple_size', 1, ([x]) => tupleArg(x as Term, 0).elements.length],
  ['map_size', 1, ([x]) => (kindIs(x as Term, 'map') ? (x as Term & { size: number }).size : badargAt(0, 'not a map'))],
  ['byte_size', 1, ([x]) => (isBits(x) ? x.bytes.length : badargAt(0, 'not a bitstring'))],
  ['bit_size', 1, ([x]) => (isBits(x) ? bitSizeOf(x) : badargAt(0, 'not a bitstring'))],
  ['abs', 1, ([x]) => {
    const v = x as Term;
    if (typeof v === 'number') return Math.abs(v);
    if (typeof v === 'bigint') return v < 0n ? -v : v;
    if (kindIs(v, 'float')) return new Float(Math.abs((v as Float).value));
    return badargAt(0, 'not a number');
  }],
  ['round', 1, ([x]) => (isInt(x as Term) ? (x as Term) : toInt(Math.sign(number(x as Term, 0)) * Math.round(Math.abs(number(x as Term, 0)))))],
  ['trunc', 1, ([x]) => (isInt(x as Term) ? (x as Term) : toInt(Math.trunc(number(x as Term, 0))))],
  ['div', 2, ([a, b]) => ops.idiv(a as Term, b as Term)],
  ['rem', 2, ([a, b]) => ops.irem(a as Term, b as Term)],
  ['self', 0, (_a, ctx) => ctx.proc.self],
  ['node', 0, (_a, ctx) => ctx.proc.nodeName],
  ['node', 1, ([x], ctx) => {
    const t = x as Term;
    return typeof t === 'object' && (t.kind === 'pid' || t.kind === 'ref' || t.kind === 'port') ? t.node : kindIs(t, 'atom') ? ctx.proc.nodeName : badargAt(0, 'not a pid, port or reference');
  }],
  ['make_ref', 0, (_a, ctx) => ctx.proc.makeRef()],
  ['throw', 1, ([x]) => { throw new ElixirThrow('throw', x as Term); }],
  ['exit', 1, ([x]) => { throw new ElixirThrow('exit', x as Term); }],
  ['max', 2, ([a, b]) => (compare(a as Term, b as Term) >= 0 ? (a as Term) : (b as Term))],
  ['min', 2, ([a, b]) => (compare(a as Term, b as Term) <= 0 ? (a as Term) : (b as Term))],
];

/** Kernel's and :erlang's basic functions: comparisons, type tests, apply, raise... */
export const kernelModule: BuiltinModule = { name: 'kernel', bifs: [
  ...shared.map(([n, a, f]) => k(n, a, f)),
  ...shared.map(([n, a, f]) => e(n, a, f)),
  k('is_nil', 1, ([x]) => bool(x === NIL_ATOM)),
  k('is_map_key', 2, ([m, key]) => (kindIs(m as Term, 'map') ? bool(mapHas(m as MapTerm, key as Term)) : badargAt(0, 'not a map'))),
  // Elixir inlines elem/2 and put_elem/3 to `:erlang.element(i + 1, t)` / `setelement`: they fail as those BIFs.
  k('elem', 2, ([t, i]) => {
    if (typeof i === 'number' && typeof t === 'object' && t.kind === 'tuple' && i >= 0 && i < t.elements.length) return t.elements[i] as Term;
    return asErlang('element', [erlangIndex(i as Term), t as Term], () => elem(t as Term, i as Term));
  }),
  k('put_elem', 3, ([t, i, v]) => asErlang('setelement', [erlangIndex(i as Term), t as Term, v as Term], () => putElem(t as Term, i as Term, v as Term))),
  e('element', 2, ([i, t]) => (typeof i === 'number' ? elem(t as Term, i - 1) : badargAt(0, 'not an integer'))),
  e('setelement', 3, ([i, t, v]) => (typeof i === 'number' ? putElem(t as Term, i - 1, v as Term) : badargAt(0, 'not an integer'))),
  k('to_string', 1, ([x]) => toStr(x as Term)),
  k('inspect', 1, ([x], c) => Binary.fromString(inspect(x as Term, { nodeNumber: c.node.nodeNumber, structFields: structFieldsOf(c.node) }))),
  k('inspect', 2, ([x, o], c) => Binary.fromString(inspectTerm(x as Term, o as Term, c.node))),
  k('raise', 1, (args) => {
    throw new ElixirThrow('error', exceptionOf(args), null, true, true);
  }),
  k('raise', 2, (args) => raiseBif(args)),
  // The given stacktrace is kept, as Kernel.reraise/2 (`:erlang.raise/3`) keeps it.
  k('reraise', 2, ([x, stack]) => {
    throw new Rethrow(atom('error'), exceptionOf([x as Term]), stack as Term);
  }),
  k('is_exception', 1, ([x]) => bool(isException(x as Term))),
  k('is_exception', 2, ([x, m]) => bool(isException(x as Term) && (x as MapTerm).entries.get(atom('__struct__'))?.[1] === m)),
  k('apply', 2, ([f, args], ctx) => ctx.tailCall(f as Term, listArgs(args as Term, 1)), true),
  k('apply', 3, ([m, f, args], ctx) => applyMfa(m as Term, f as Term, args as Term, ctx), true),
  e('apply', 2, ([f, args], ctx) => ctx.tailCall(f as Term, listArgs(args as Term, 1)), true),
  e('apply', 3, ([m, f, args], ctx) => applyMfa(m as Term, f as Term, args as Term, ctx), true),
  k('then', 2, ([x, f], ctx) => ctx.tailCall(f as Term, [x as Term]), true),
  e('error', 1, ([x]) => { throw new ElixirThrow('error', x as Term); }),
  e('error', 2, ([x]) => { throw new ElixirThrow('error', x as Term); }),
  e('tuple_to_list', 1, ([t]) => listOf(tupleArg(t as Term, 0).elements)),
  e('list_to_tuple', 1, ([l]) => new Tuple(listArgs(l as Term, 0))),
  e('atom_to_binary', 1, ([a]) => (kindIs(a as Term, 'atom') ? Binary.fromString((a as Atom).name) : badargAt(0, 'not an atom'))),
  e('atom_to_binary', 2, ([a]) => (kindIs(a as Term, 'atom') ? Binary.fromString((a as Atom).name) : badargAt(0, 'not an atom'))),
  e('binary_to_atom', 1, ([b]) => (kindIs(b as Term, 'binary') ? toAtom((b as Binary).text ?? '') : badargAt(0, 'not a binary'))),
  e('binary_to_atom', 2, ([b]) => (kindIs(b as Term, 'binary') ? toAtom((b as Binary).text ?? '') : badargAt(0, 'not a binary'))),
  e('integer_to_binary', 1, ([i]) => (isInt(i as Term) ? Binary.fromString(String(i)) : badargAt(0, 'not an integer'))),
  e('list_to_atom', 1, ([l]) => toAtom(String.fromCodePoint(...(listArgs(l as Term, 0) as number[])))),
  e('phash2', 1, ([x]) => phash(x as Term, 2 ** 27)),
  e('phash2', 2, ([x, r]) => phash(x as Term, typeof r === 'number' ? r : 2 ** 27)),
  e('monotonic_time', 0, (_a, ctx) => Math.floor(ctx.proc.now() * 1_000_000)),
  e('monotonic_time', 1, (_a, ctx) => Math.floor(ctx.proc.now())),
  e('system_time', 0, (_a, ctx) => Math.floor(ctx.proc.now() * 1_000_000)),
  e('system_time', 1, (_a, ctx) => Math.floor(ctx.proc.now())),
  e('garbage_collect', 0, () => TRUE),
  ...operators.flatMap(([n, f]) => [e(n, 2, f), k(n, 2, f)]),
  e('=<', 2, ([a, b]) => bool(ops.le(a as Term, b as Term))),
  e('=:=', 2, ([a, b]) => bool(ops.seq(a as Term, b as Term))),
  e('=/=', 2, ([a, b]) => bool(!ops.seq(a as Term, b as Term))),
  e('/=', 2, ([a, b]) => bool(!ops.eq(a as Term, b as Term))),
] };

/** The elements of a proper list (for apply's argument list); badarg otherwise. */
export function listArgs(l: Term, argIndex: number): Term[] {
  const out: Term[] = [];
  let t = l;
  while (typeof t === 'object' && t.kind === 'cons') {
    out.push(t.head);
    t = t.tail;
  }
  if (t !== NIL) badargAt(argIndex, 'not a list');
  return out;
}

function applyMfa(m: Term, f: Term, args: Term, ctx: Parameters<BifFn>[1]): Term {
  if (!kindIs(m, 'atom')) badargAt(0, 'not an atom');
  if (!kindIs(f, 'atom')) badargAt(1, 'not an atom');
  return ctx.tailCallMfa(m as Atom, f as Atom, listArgs(args, 2));
}

function phash(t: Term, range: number): number {
  const s = inspect(t);
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) >>> 0;
  return h % range;
}
