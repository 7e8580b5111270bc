/**
 * ETS match patterns and match specifications (`:ets.match/2`, `match_object`, `select`,
 * `select_count`, `select_delete`), as ERTS's db_match compiles them:
 *  - a pattern is a term where `:_` matches anything and `:"$N"` binds (a variable met twice
 *    must match equal terms); everything else matches exactly (`=:=`);
 *  - a match spec is `[{head, guards, body}]`; guards and body are expressions: `:"$N"`,
 *    `:"$_"` (the object), `:"$$"` (the bound variables, in order), `{:const, t}`, `{{...}}`
 *    (a tuple built from its elements), lists and maps built element-wise, literals, and calls
 *    `{fun, args...}` of the guard BIFs below. A guard that raises is false; a body that raises
 *    gives `:EXIT`, as on BEAM.
 * A spec is checked when it is compiled: an unknown function or a malformed clause is badarg
 * ("not a valid match specification"). Patterns and expressions nest at most MAX_DEPTH deep,
 * since matching recurses on the pattern (the object is only walked as deep as the pattern goes).
 */
import { atom, Cons, NIL, Tuple, type Atom, type Term } from '../../term/types.ts';
import { strictEquals } from '../../term/equality.ts';
import { mapFromPairs, mapGet } from '../../term/map.ts';
import * as ops from '../ops.ts';

export const MAX_DEPTH = 1000;

const ANY = atom('_');
const ALL = atom('$_');
const BINDINGS = atom('$$');
const CONST = atom('const');
const EXIT = atom('EXIT');

/** `:"$N"` → N, else -1. */
function varIndex(t: Term): number {
  if (typeof t !== 'object' || t.kind !== 'atom') return -1;
  const n = t.name;
  if (n.length < 2 || n.charCodeAt(0) !== 36 /* $ */) return -1;
  const d = n.slice(1);
  return /^(0|[1-9]\d{0,8})$/.test(d) ? Number(d) : -1;
}

export type Bindings = (Term | undefined)[];

/** Does `obj` match `pattern`? Binds the variables into `b`. */
export function matchPattern(pattern: Term, obj: Term, b: Bindings): boolean {
  if (pattern === ANY) return true;
  const v = varIndex(pattern);
  if (v >= 0) {
    const bound = b[v];
    if (bound === undefined) {
      b[v] = obj;
      return true;
    }
    return strictEquals(bound, obj);
  }
  if (typeof pattern !== 'object' || typeof obj !== 'object') return pattern === obj || strictEquals(pattern, obj);
  switch (pattern.kind) {
    case 'tuple': {
      if (obj.kind !== 'tuple' || obj.elements.length !== pattern.elements.length) return false;
      for (let i = 0; i < pattern.elements.length; i++) if (!matchPattern(pattern.elements[i] as Term, obj.elements[i] as Term, b)) return false;
      return true;
    }
    case 'cons': {
      let p: Term = pattern;
      let o: Term = obj;
      while (typeof p === 'object' && p.kind === 'cons') {
        if (typeof o !== 'object' || o.kind !== 'cons' || !matchPattern(p.head, o.head, b)) return false;
        p = p.tail;
        o = o.tail;
      }
      return matchPattern(p, o, b);
    }
    case 'map': {
      if (obj.kind !== 'map') return false;
      for (const [k, v2] of pattern.entries.values()) {
        const e = mapGet(obj, k);
        if (e === undefined || !matchPattern(v2, e, b)) return false;
      }
      return true;
    }
    default:
      return strictEquals(pattern, obj);
  }
}

/** The variables of a match, in order of their numbers (`:ets.match/2`'s rows, `:"$$"`). */
export function boundList(b: Bindings): Term {
  let l: Term = NIL;
  for (let i = b.length - 1; i >= 0; i--) if (b[i] !== undefined) l = new Cons(b[i] as Term, l);
  return l;
}

/** How deep a term nests (stops counting past `limit`). */
export function depthOver(t: Term, limit: number): boolean {
  const stack: [Term, number][] = [[t, 1]];
  while (stack.length > 0) {
    const [x, d] = stack.pop() as [Term, number];
    if (d > limit) return true;
    if (typeof x !== 'object') continue;
    if (x.kind === 'tuple') for (const e of x.elements) stack.push([e, d + 1]);
    else if (x.kind === 'cons') {
      let l: Term = x;
      for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) stack.push([l.head, d + 1]);
      stack.push([l, d + 1]);
    } else if (x.kind === 'map') for (const [k, v] of x.entries.values()) stack.push([k, d + 1], [v, d + 1]);
  }
  return false;
}

// --- guard and body expressions ---

class Fail {}
const FAIL = new Fail();

const TRUE_ATOM = atom('true');
const FALSE_ATOM = atom('false');

function bool(x: boolean): Atom {
  return x ? TRUE_ATOM : FALSE_ATOM;
}
function isAtom(t: Term): boolean {
  return typeof t === 'object' && t.kind === 'atom';
}
function num(t: Term): boolean {
  return typeof t === 'number' || typeof t === 'bigint' || (typeof t === 'object' && t.kind === 'float');
}
function need<T>(x: T | undefined | null | false): T {
  if (x === undefined || x === null || x === false) throw FAIL;
  return x;
}

type GuardFn = (args: Term[], self: Term) => Term;

const kindTest = (kind: string) => (a: Term[]) => bool(typeof a[0] === 'object' && a[0].kind === kind);

/** The guard BIFs a match spec may call, by name/arity. */
const FUNS: Record<string, GuardFn> = {
  'is_atom/1': (a) => bool(isAtom(a[0] as Term)),
  'is_integer/1': (a) => bool(typeof a[0] === 'number' || typeof a[0] === 'bigint'),
  'is_float/1': kindTest('float'),
  'is_number/1': (a) => bool(num(a[0] as Term)),
  'is_tuple/1': kindTest('tuple'),
  'is_map/1': kindTest('map'),
  'is_binary/1': kindTest('binary'),
  'is_pid/1': kindTest('pid'),
  'is_reference/1': kindTest('ref'),
  'is_port/1': kindTest('port'),
  'is_function/1': kindTest('fun'),
  'is_list/1': (a) => bool(typeof a[0] === 'object' && (a[0].kind === 'cons' || a[0].kind === 'nil')),
  'not/1': (a) => bool(need(isAtom(a[0] as Term) && ['true', 'false'].includes((a[0] as Atom).name)) && (a[0] as Atom).name === 'false'),
  'and/2': (a) => bool(truth(a[0]) && truth(a[1])),
  'or/2': (a) => bool(truth(a[0]) || truth(a[1])),
  'xor/2': (a) => bool(truth(a[0]) !== truth(a[1])),
  '>/2': (a) => bool(ops.gt(a[0] as Term, a[1] as Term)),
  '>=/2': (a) => bool(ops.ge(a[0] as Term, a[1] as Term)),
  '</2': (a) => bool(ops.lt(a[0] as Term, a[1] as Term)),
  '=</2': (a) => bool(ops.le(a[0] as Term, a[1] as Term)),
  '==/2': (a) => bool(ops.eq(a[0] as Term, a[1] as Term)),
  '/=/2': (a) => bool(!ops.eq(a[0] as Term, a[1] as Term)),
  '=:=/2': (a) => bool(ops.seq(a[0] as Term, a[1] as Term)),
  '=/=/2': (a) => bool(!ops.seq(a[0] as Term, a[1] as Term)),
  '+/2': (a) => ops.add(a[0] as Term, a[1] as Term),
  '-/2': (a) => ops.sub(a[0] as Term, a[1] as Term),
  '*/2': (a) => ops.mul(a[0] as Term, a[1] as Term),
  '//2': (a) => ops.fdiv(a[0] as Term, a[1] as Term),
  'div/2': (a) => ops.idiv(a[0] as Term, a[1] as Term),
  'rem/2': (a) => ops.irem(a[0] as Term, a[1] as Term),
  '-/1': (a) => ops.neg(a[0] as Term),
  'abs/1': (a) => (ops.lt(a[0] as Term, 0) ? ops.neg(a[0] as Term) : need(num(a[0] as Term) && (a[0] as Term))),
  'element/2': (a) => {
    const t = a[1] as Term;
    return need(typeof a[0] === 'number' && typeof t === 'object' && t.kind === 'tuple' && t.elements[a[0] - 1]);
  },
  'tuple_size/1': (a) => need(typeof a[0] === 'object' && a[0].kind === 'tuple' && a[0].elements.length),
  'size/1': (a) => need(typeof a[0] === 'object' && (a[0].kind === 'tuple' ? a[0].elements.length : a[0].kind === 'binary' && a[0].byteSize)),
  'byte_size/1': (a) => need(typeof a[0] === 'object' && a[0].kind === 'binary' && a[0].byteSize),
  'hd/1': (a) => need(typeof a[0] === 'object' && a[0].kind === 'cons' && a[0].head),
  'tl/1': (a) => need(typeof a[0] === 'object' && a[0].kind === 'cons' && a[0].tail),
  'length/1': (a) => {
    let n = 0;
    let l = a[0] as Term;
    for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) n++;
    return need(typeof l === 'object' && l.kind === 'nil') && n;
  },
  'map_size/1': (a) => need(typeof a[0] === 'object' && a[0].kind === 'map' && a[0].size),
  'map_get/2': (a) => {
    const m = a[1] as Term;
    if (typeof m !== 'object' || m.kind !== 'map') throw FAIL;
    return need(mapGet(m, a[0] as Term));
  },
  'is_map_key/2': (a) => {
    const m = a[1] as Term;
    if (typeof m !== 'object' || m.kind !== 'map') throw FAIL;
    return bool(mapGet(m, a[0] as Term) !== undefined);
  },
  'self/0': (_a, self) => self,
};

function truth(t: Term | undefined): boolean {
  if (t === TRUE_ATOM) return true;
  if (t === FALSE_ATOM) return false;
  throw FAIL;
}

/** Is `e` a valid expression? (Checked once, when the spec is compiled.) */
function validExpr(e: Term, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof e !== 'object') return true;
  if (e.kind === 'atom') return true;
  if (e.kind === 'cons') {
    let l: Term = e;
    for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) if (!validExpr(l.head, depth + 1)) return false;
    return validExpr(l, depth + 1);
  }
  if (e.kind === 'map') return [...e.entries.values()].every(([k, v]) => validExpr(k, depth + 1) && validExpr(v, depth + 1));
  if (e.kind !== 'tuple') return true;
  const [f, ...args] = e.elements;
  if (f === undefined) return false;
  if (e.elements.length === 1 && typeof f === 'object' && f.kind === 'tuple') return f.elements.every((x) => validExpr(x, depth + 1));
  if (f === CONST) return e.elements.length === 2;
  if (f === atom('andalso') || f === atom('orelse')) return args.every((x) => validExpr(x, depth + 1));
  if (typeof f !== 'object' || f.kind !== 'atom' || FUNS[`${f.name}/${args.length}`] === undefined) return false;
  return args.every((x) => validExpr(x, depth + 1));
}

function evalExpr(e: Term, obj: Tuple, b: Bindings, self: Term): Term {
  if (typeof e !== 'object') return e;
  switch (e.kind) {
    case 'atom': {
      if (e === ALL) return obj;
      if (e === BINDINGS) return boundList(b);
      const v = varIndex(e);
      if (v < 0) return e;
      return need(b[v]);
    }
    case 'cons': {
      const items: Term[] = [];
      let l: Term = e;
      for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) items.push(evalExpr(l.head, obj, b, self));
      let out = evalExpr(l, obj, b, self);
      for (let i = items.length - 1; i >= 0; i--) out = new Cons(items[i] as Term, out);
      return out;
    }
    case 'map':
      return mapFromPairs([...e.entries.values()].map(([k, v]) => [evalExpr(k, obj, b, self), evalExpr(v, obj, b, self)] as const));
    case 'tuple': {
      const [f, ...args] = e.elements as [Term, ...Term[]];
      if (e.elements.length === 1 && typeof f === 'object' && f.kind === 'tuple') return new Tuple(f.elements.map((x) => evalExpr(x, obj, b, self)));
      if (f === CONST) return args[0] as Term;
      const name = (f as Atom).name;
      if (name === 'andalso') return bool(args.every((x) => truth(evalExpr(x, obj, b, self))));
      if (name === 'orelse') return bool(args.some((x) => truth(evalExpr(x, obj, b, self))));
      const fn = FUNS[`${name}/${args.length}`] as GuardFn;
      const values = args.map((x) => evalExpr(x, obj, b, self));
      try {
        return fn(values, self);
      } catch (err) {
        if (err === FAIL) throw err;
        throw FAIL; // an arithmetic or type error of the operator: the guard fails
      }
    }
    default:
      return e;
  }
}

interface Clause {
  readonly head: Term;
  readonly guards: readonly Term[];
  readonly body: readonly Term[];
}

/** A compiled match spec; null when the term is not one. */
export class MatchSpec {
  private constructor(private readonly clauses: readonly Clause[]) {}

  static compile(spec: Term): MatchSpec | null {
    const clauses: Clause[] = [];
    let l = spec;
    for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) {
      const c = l.head;
      if (typeof c !== 'object' || c.kind !== 'tuple' || c.elements.length !== 3) return null;
      const [head, guards, body] = c.elements as [Term, Term, Term];
      const g = properList(guards);
      const bd = properList(body);
      if (g === null || bd === null || depthOver(head, MAX_DEPTH)) return null;
      if (!g.every((x) => validExpr(x, 1)) || !bd.every((x) => validExpr(x, 1))) return null;
      clauses.push({ head, guards: g, body: bd });
    }
    if (typeof l !== 'object' || l.kind !== 'nil') return null;
    return new MatchSpec(clauses);
  }

  /** The first clause's result for `obj`, or undefined when no clause matches. */
  run(obj: Tuple, self: Term): Term | undefined {
    for (const c of this.clauses) {
      const b: Bindings = [];
      if (!matchPattern(c.head, obj, b)) continue;
      let ok = true;
      for (const g of c.guards) {
        try {
          if (evalExpr(g, obj, b, self) !== TRUE_ATOM) ok = false;
        } catch (err) {
          if (err !== FAIL) throw err;
          ok = false;
        }
        if (!ok) break;
      }
      if (!ok) continue;
      let result: Term = atom('true');
      try {
        for (const e of c.body) result = evalExpr(e, obj, b, self);
      } catch (err) {
        if (err !== FAIL) throw err;
        return EXIT;
      }
      return result;
    }
    return undefined;
  }
}

function properList(t: Term): Term[] | null {
  const out: Term[] = [];
  let l = t;
  for (; typeof l === 'object' && l.kind === 'cons'; l = l.tail) out.push(l.head);
  return typeof l === 'object' && l.kind === 'nil' ? out : null;
}

