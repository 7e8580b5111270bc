/**
 * Erlang abstract format (the clauses an `:erl_eval` fun carries: what iex turns typed Elixir
 * into) → our Elixir AST, which the ordinary compiler then compiles. Pure: terms in, AST out.
 *
 * Erlang binds a variable once; a later occurrence in a pattern matches the bound value. Our AST
 * rebinds instead, so a pattern occurrence of an already bound variable becomes a pin. Names are
 * prefixed (`_x@1` → `v_x@1`): Elixir's generated names start with `_`, which our compiler reads
 * as "unused". Bounded: at most MAX_NODES forms and MAX_DEPTH nesting (a hostile peer's fun must
 * not take the tab's stack or memory); anything unsupported is an ErlAbstractError naming it.
 */
import { Atom, NIL, Tuple, type Term } from '../../term/types.ts';
import { listToArray } from '../../term/list.ts';
import type { BinaryOp, Clause, Expr, Pos, Segment } from '../ast.ts';

export class ErlAbstractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ErlAbstractError';
  }
}

export const MAX_NODES = 100_000;
export const MAX_DEPTH = 400;
/** A clause is compiled once per guard alternative, so their number is bounded too. */
export const MAX_GUARD_ALTERNATIVES = 16;

const POS: Pos = { line: 1, column: 1 };

/** Erlang operators with an Elixir binary operator of the same meaning. */
const BINOPS: Readonly<Record<string, BinaryOp>> = {
  '+': '+', '-': '-', '*': '*', '/': '/', '++': '++', '--': '--',
  '==': '==', '/=': '!=', '=:=': '===', '=/=': '!==', '<': '<', '>': '>', '=<': '<=', '>=': '>=',
  andalso: 'and', orelse: 'or', and: 'and', or: 'or',
};
/** Erlang operators that are Kernel functions in Elixir. */
const KERNEL_OPS: Readonly<Record<string, string>> = { div: 'div', rem: 'rem', '!': 'send' };

/** The Elixir-safe name of an Erlang variable (see the module comment). */
export function varName(erl: string): string {
  return erl === '_' ? '_' : `v${erl}`;
}

type Scope = Set<string>;

class Reader {
  private nodes = 0;
  private depth = 0;

  enter(): void {
    if (++this.nodes > MAX_NODES) throw new ErlAbstractError(`the fun's code has more than ${MAX_NODES} forms`);
    if (++this.depth > MAX_DEPTH) throw new ErlAbstractError(`the fun's code nests deeper than ${MAX_DEPTH}`);
  }

  leave(): void {
    this.depth--;
  }
}

function bad(form: Term, what: string): never {
  const tag = form instanceof Tuple && form.elements[0] instanceof Atom ? form.elements[0].name : typeof form === 'object' ? form.kind : String(form);
  throw new ErlAbstractError(`unsupported ${what} in an erl_eval fun: ${tag}`);
}

function tupleOf(t: Term, what: string): readonly Term[] {
  if (!(t instanceof Tuple) || t.elements.length === 0 || !(t.elements[0] instanceof Atom)) return bad(t, what);
  return t.elements;
}

function items(t: Term, what: string): readonly Term[] {
  const r = listToArray(t);
  if (r.tail !== NIL) return bad(t, what);
  return r.items;
}

function atomName(t: Term | undefined, what: string): string {
  if (t instanceof Atom) return t.name;
  return bad(t ?? 0, what);
}

/** A charlist (`{string, A, "abc"}`) as its codes. */
function codes(t: Term): number[] {
  return items(t, 'string').map((c) => (typeof c === 'number' ? c : bad(c, 'string')));
}

function intLit(value: number | bigint): Expr {
  return value < 0 ? { kind: 'unop', pos: POS, op: '-', arg: { kind: 'int', pos: POS, value: -value } } : { kind: 'int', pos: POS, value };
}

function floatLit(value: number): Expr {
  return value < 0 || Object.is(value, -0) ? { kind: 'unop', pos: POS, op: '-', arg: { kind: 'float', pos: POS, value: -value } } : { kind: 'float', pos: POS, value };
}

function remote(module: string, name: string, args: readonly Expr[]): Expr {
  return { kind: 'remote', pos: POS, module: { kind: 'atom', pos: POS, name: module }, name, args };
}

function block(exprs: readonly Expr[]): Expr {
  return exprs.length === 1 ? (exprs[0] as Expr) : { kind: 'block', pos: POS, exprs };
}

/** Translates the forms of one fun; `bound` are the names of the fun's bindings. */
export class ErlToElixir {
  private readonly r = new Reader();

  /** `{'fun', A, {clauses, Cs}}`'s clauses as an `fn`. */
  fn(clauses: Term, scope: Scope): Expr & { kind: 'fn' } {
    const cs = items(clauses, 'fun clauses').flatMap((c) => this.clause(c, scope, 'fn'));
    if (cs.length === 0) throw new ErlAbstractError('an erl_eval fun without clauses');
    const arity = cs[0]?.params.length;
    if (cs.some((c) => c.params.length !== arity)) throw new ErlAbstractError('an erl_eval fun whose clauses differ in arity');
    return { kind: 'fn', pos: POS, clauses: cs };
  }

  /** One Erlang clause: one of ours per guard alternative (see guards). */
  private clause(t: Term, outer: Scope, role: 'fn' | 'case'): Clause[] {
    this.r.enter();
    const [tag, , head, guards, body] = tupleOf(t, 'clause');
    if (atomName(tag, 'clause') !== 'clause' || body === undefined || guards === undefined || head === undefined) return bad(t, 'clause');
    const scope = new Set(outer);
    const params = this.patterns(items(head, 'clause head'), scope);
    if (role === 'case' && params.length !== 1) return bad(t, 'case clause');
    const alts = this.guards(guards, scope);
    const b = this.body(body, scope);
    this.r.leave();
    return alts.map((guard) => ({ pos: POS, params, guard, body: b }));
  }

  /** A clause head: the patterns bind together, so a variable repeated there matches itself. */
  private patterns(ps: readonly Term[], scope: Scope): Expr[] {
    const fresh = new Set<string>();
    const out = ps.map((p) => this.pattern(p, scope, fresh));
    for (const n of fresh) scope.add(n);
    return out;
  }

  /**
   * `[[G1, G2], [G3]]`: the alternatives `G1 and G2`, `G3`. Not `or`-ed into one guard: an error
   * in one alternative fails only that one (Erlang's `;`), so each becomes a clause of its own.
   */
  private guards(t: Term, scope: Scope): (Expr | null)[] {
    const seqs = items(t, 'guard');
    if (seqs.length > MAX_GUARD_ALTERNATIVES) throw new ErlAbstractError(`a guard with more than ${MAX_GUARD_ALTERNATIVES} alternatives`);
    const alts = seqs.map((seq) => {
      const tests = items(seq, 'guard').map((g) => this.expr(g, scope));
      return tests.reduce((a, b) => ({ kind: 'binop', pos: POS, op: 'and', left: a, right: b }) as Expr);
    });
    return alts.length === 0 ? [null] : alts;
  }

  /** A body: expressions in order, each seeing what the ones before it bound. */
  body(t: Term, scope: Scope): Expr {
    const es = items(t, 'body');
    if (es.length === 0) throw new ErlAbstractError('an empty body in an erl_eval fun');
    return block(es.map((e) => this.expr(e, scope)));
  }

  private pattern(t: Term, scope: Scope, fresh: Set<string>): Expr {
    this.r.enter();
    const out = this.patternForm(t, scope, fresh);
    this.r.leave();
    return out;
  }

  private patternForm(t: Term, scope: Scope, fresh: Set<string>): Expr {
    const f = tupleOf(t, 'pattern');
    const tag = atomName(f[0], 'pattern');
    const p = (x: Term | undefined): Expr => this.pattern(x ?? 0, scope, fresh);
    switch (tag) {
      case 'var': {
        const n = atomName(f[2], 'variable');
        if (n === '_') return { kind: 'var', pos: POS, name: '_' };
        const name = varName(n);
        if (scope.has(name)) return { kind: 'pin', pos: POS, name };
        fresh.add(name);
        return { kind: 'var', pos: POS, name };
      }
      case 'match': return { kind: 'match', pos: POS, pattern: p(f[2]), value: p(f[3]) };
      case 'cons': return this.cons(f, p);
      case 'tuple': return { kind: 'tuple', pos: POS, items: items(f[2] ?? 0, 'tuple').map(p) };
      case 'map':
        if (f.length !== 3) return bad(t, 'map pattern');
        return { kind: 'map', pos: POS, pairs: items(f[2] ?? 0, 'map').map((a) => this.assoc(a, p, p)), update: null };
      case 'bin': return this.bin(f, p, (x) => this.expr(x, scope));
      case 'op': {
        // `"ab" ++ Rest` and negative literals are the operators a pattern may hold.
        if (f.length === 4) return this.unop(f, p);
        if (atomName(f[2], 'operator') === '++') return { kind: 'binop', pos: POS, op: '++', left: p(f[3]), right: p(f[4]) };
        return bad(t, 'pattern operator');
      }
      default: return this.literal(f, tag) ?? bad(t, 'pattern');
    }
  }

  private literal(f: readonly Term[], tag: string): Expr | null {
    const v = f[2];
    switch (tag) {
      case 'integer': case 'char':
        return typeof v === 'number' || typeof v === 'bigint' ? intLit(v) : bad(v ?? 0, 'integer');
      case 'float':
        return typeof v === 'object' && v.kind === 'float' ? floatLit(v.value) : bad(v ?? 0, 'float');
      case 'atom': return { kind: 'atom', pos: POS, name: atomName(v, 'atom') };
      case 'string': return { kind: 'list', pos: POS, items: codes(v ?? 0).map(intLit), tail: null };
      case 'nil': return { kind: 'list', pos: POS, items: [], tail: null };
      default: return null;
    }
  }

  private cons(f: readonly Term[], sub: (x: Term | undefined) => Expr): Expr {
    const head = [sub(f[2])];
    let tail = f[3];
    // A long list is a chain of conses: walked here, not recursed into.
    for (;;) {
      const t = tail instanceof Tuple ? tail.elements : null;
      if (t !== null && t[0] instanceof Atom && t[0].name === 'cons') {
        this.r.enter();
        this.r.leave();
        head.push(sub(t[2]));
        tail = t[3];
        continue;
      }
      if (t !== null && t[0] instanceof Atom && t[0].name === 'nil') return { kind: 'list', pos: POS, items: head, tail: null };
      return { kind: 'list', pos: POS, items: head, tail: sub(tail) };
    }
  }

  private assoc(a: Term, key: (x: Term | undefined) => Expr, value: (x: Term | undefined) => Expr): readonly [Expr, Expr] {
    const f = tupleOf(a, 'map field');
    const tag = atomName(f[0], 'map field');
    if (tag !== 'map_field_assoc' && tag !== 'map_field_exact') return bad(a, 'map field');
    return [key(f[2]), value(f[3])];
  }

  private unop(f: readonly Term[], sub: (x: Term | undefined) => Expr): Expr {
    const op = atomName(f[2], 'operator');
    const arg = sub(f[3]);
    if (op === '-' || op === '+' || op === 'not') return { kind: 'unop', pos: POS, op, arg };
    if (op === 'bnot') return remote('erlang', 'bnot', [arg]);
    return bad(f[2] ?? 0, 'unary operator');
  }

  /** `<<...>>`: each element's value, size and type list become our segment spec. */
  private bin(f: readonly Term[], value: (x: Term | undefined) => Expr, size: (x: Term) => Expr): Expr {
    const segments: Segment[] = [];
    for (const el of items(f[2] ?? 0, 'binary')) {
      const e = tupleOf(el, 'binary element');
      if (atomName(e[0], 'binary element') !== 'bin_element') return bad(el, 'binary element');
      const [, , v, sz, tsl] = e;
      const specs: Expr[] = [];
      if (sz !== undefined && !(sz instanceof Atom && sz.name === 'default')) {
        specs.push({ kind: 'call', pos: POS, name: 'size', args: [size(sz)] });
      }
      if (tsl !== undefined && !(tsl instanceof Atom && tsl.name === 'default')) {
        for (const s of items(tsl, 'binary type')) {
          if (s instanceof Atom) specs.push({ kind: 'var', pos: POS, name: s.name });
          else {
            const u = tupleOf(s, 'binary type');
            if (atomName(u[0], 'binary type') !== 'unit' || typeof u[1] !== 'number') return bad(s, 'binary type');
            specs.push({ kind: 'call', pos: POS, name: 'unit', args: [intLit(u[1])] });
          }
        }
      }
      const spec = specs.length === 0 ? null : specs.reduce((a, b) => ({ kind: 'binop', pos: POS, op: '-', left: a, right: b }) as Expr);
      const vf = v instanceof Tuple ? v.elements : [];
      if (vf[0] instanceof Atom && vf[0].name === 'string') {
        // A string element is its characters, one segment each, of the element's type.
        for (const c of codes(vf[2] ?? 0)) segments.push({ pos: POS, value: intLit(c), spec });
        continue;
      }
      segments.push({ pos: POS, value: value(v), spec });
    }
    return { kind: 'bitstring', pos: POS, segments, generator: null };
  }

  expr(t: Term, scope: Scope): Expr {
    this.r.enter();
    const out = this.exprForm(t, scope);
    this.r.leave();
    return out;
  }

  private exprForm(t: Term, scope: Scope): Expr {
    const f = tupleOf(t, 'expression');
    const tag = atomName(f[0], 'expression');
    const e = (x: Term | undefined): Expr => this.expr(x ?? 0, scope);
    switch (tag) {
      case 'var': {
        const n = atomName(f[2], 'variable');
        if (n === '_') throw new ErlAbstractError('variable _ used in an expression');
        return { kind: 'var', pos: POS, name: varName(n) };
      }
      case 'match': {
        // The value is evaluated before the pattern binds.
        const value = e(f[3]);
        const fresh = new Set<string>();
        const pattern = this.pattern(f[2] ?? 0, scope, fresh);
        for (const n of fresh) scope.add(n);
        return { kind: 'match', pos: POS, pattern, value };
      }
      case 'cons': return this.cons(f, e);
      case 'tuple': return { kind: 'tuple', pos: POS, items: items(f[2] ?? 0, 'tuple').map(e) };
      case 'map': {
        if (f.length === 3) return { kind: 'map', pos: POS, pairs: items(f[2] ?? 0, 'map').map((a) => this.assoc(a, e, e)), update: null };
        return this.mapUpdate(e(f[2]), items(f[3] ?? 0, 'map'), e);
      }
      case 'bin': return this.bin(f, e, e);
      case 'op': {
        if (f.length === 4) return this.unop(f, e);
        const op = atomName(f[2], 'operator');
        const left = e(f[3]);
        const right = e(f[4]);
        const b = BINOPS[op];
        if (b !== undefined) return { kind: 'binop', pos: POS, op: b, left, right };
        const k = KERNEL_OPS[op];
        if (k !== undefined) return { kind: 'call', pos: POS, name: k, args: [left, right] };
        if (['band', 'bor', 'bxor', 'bsl', 'bsr', 'xor'].includes(op)) return remote('erlang', op, [left, right]);
        return bad(t, 'operator');
      }
      case 'call': return this.call(f, e);
      case 'fun': return this.funForm(f, scope);
      case 'case': {
        const subject = e(f[2]);
        return { kind: 'case', pos: POS, subject, clauses: items(f[3] ?? 0, 'case').flatMap((c) => this.clause(c, scope, 'case')) };
      }
      case 'receive': {
        const clauses = items(f[2] ?? 0, 'receive').flatMap((c) => this.clause(c, scope, 'case'));
        const after = f.length === 5 ? { timeout: e(f[3]), body: this.body(f[4] ?? 0, new Set(scope)) } : null;
        return { kind: 'receive', pos: POS, clauses, after };
      }
      case 'block': return this.body(f[2] ?? 0, scope);
      case 'if': {
        // `if G -> B; ... end`: the first clause whose guard holds; none is if_clause.
        const clauses = items(f[2] ?? 0, 'if').flatMap((c) => this.clause(c, scope, 'fn'));
        const cs: Clause[] = clauses.map((c) => ({ ...c, params: [{ kind: 'var', pos: POS, name: '_' }] }));
        cs.push({ pos: POS, params: [{ kind: 'var', pos: POS, name: '_' }], guard: null, body: remote('erlang', 'error', [{ kind: 'atom', pos: POS, name: 'if_clause' }]) });
        return { kind: 'case', pos: POS, subject: { kind: 'atom', pos: POS, name: 'true' }, clauses: cs };
      }
      case 'try': return this.tryForm(f, scope);
      default: return this.literal(f, tag) ?? bad(t, 'expression');
    }
  }

  /** `M#{K := V, K2 => V2}`: `:=` must find the key (%{m | k: v}), `=>` puts it. */
  private mapUpdate(base: Expr, assocs: readonly Term[], e: (x: Term | undefined) => Expr): Expr {
    let out = base;
    for (const a of assocs) {
      const f = tupleOf(a, 'map field');
      const pair: readonly [Expr, Expr] = [e(f[2]), e(f[3])];
      out = atomName(f[0], 'map field') === 'map_field_exact'
        ? { kind: 'map', pos: POS, pairs: [pair], update: out }
        : remote('maps', 'put', [pair[0], pair[1], out]);
    }
    return out;
  }

  private call(f: readonly Term[], e: (x: Term | undefined) => Expr): Expr {
    const target = tupleOf(f[2] ?? 0, 'call');
    const args = items(f[3] ?? 0, 'call').map(e);
    const ttag = atomName(target[0], 'call');
    if (ttag === 'remote') {
      const m = tupleOf(target[2] ?? 0, 'call');
      const n = tupleOf(target[3] ?? 0, 'call');
      const mod = m[0] instanceof Atom && m[0].name === 'atom' ? { kind: 'atom', pos: POS, name: atomName(m[2], 'module') } as Expr : e(target[2]);
      if (n[0] instanceof Atom && n[0].name === 'atom') {
        const name = atomName(n[2], 'function');
        // Elixir's raise is erlang:error(E, none, [{error_info, ...}]): the third argument only
        // tells BEAM where to format the error from, so the exception itself is what is raised.
        if (mod.kind === 'atom' && mod.name === 'erlang' && name === 'error' && args.length === 3) return remote('erlang', 'error', [args[0] as Expr]);
        // map_get with an atom key is `m.key` (guards use it for `e in ArithmeticError`).
        const [k, m] = args;
        if (mod.kind === 'atom' && mod.name === 'erlang' && name === 'map_get' && k?.kind === 'atom' && m !== undefined) return { kind: 'field', pos: POS, subject: m, name: k.name };
        return { kind: 'remote', pos: POS, module: mod, name, args };
      }
      return remote('erlang', 'apply', [mod, e(target[3]), { kind: 'list', pos: POS, items: args, tail: null }]);
    }
    if (ttag === 'atom') {
      // A local call in an erl_eval fun without a local handler: an auto-imported BIF.
      return remote('erlang', atomName(target[2], 'function'), args);
    }
    return { kind: 'apply', pos: POS, fun: e(f[2]), args };
  }

  private funForm(f: readonly Term[], scope: Scope): Expr {
    const body = tupleOf(f[2] ?? 0, 'fun');
    const kind = atomName(body[0], 'fun');
    if (kind === 'clauses') return this.fn(body[1] ?? 0, scope);
    if (kind === 'function' && body.length === 4) {
      const lit = (x: Term | undefined, k: string): Term | undefined => {
        const g = x instanceof Tuple ? x.elements : [];
        return g[0] instanceof Atom && g[0].name === k ? g[2] : undefined;
      };
      const m = lit(body[1], 'atom');
      const n = lit(body[2], 'atom');
      const a = lit(body[3], 'integer');
      if (m instanceof Atom && n instanceof Atom && typeof a === 'number') {
        return { kind: 'capture_fun', pos: POS, module: { kind: 'atom', pos: POS, name: m.name }, name: n.name, arity: a };
      }
    }
    return bad(f[2] ?? 0, 'fun form');
  }

  /**
   * `try B of Cases catch Class:Reason:Stack -> ... after A end`. A catch clause's `{Class,
   * Reason, Stack}` becomes our `catch kind, reason` clause; the stack is bound to [].
   */
  private tryForm(f: readonly Term[], scope: Scope): Expr {
    const [, , b, cases, catches, after] = f;
    const body = this.body(b ?? 0, new Set(scope));
    const caseClauses = items(cases ?? 0, 'try').flatMap((c) => this.clause(c, scope, 'case'));
    const catchClauses = items(catches ?? 0, 'try').flatMap((c) => this.catchClause(c, scope));
    const afterForms = items(after ?? 0, 'try');
    return {
      kind: 'try', pos: POS, body, rescue: [], catch: catchClauses,
      else: caseClauses.length === 0 ? null : caseClauses,
      after: afterForms.length === 0 ? null : this.body(after ?? 0, new Set(scope)),
    };
  }

  private catchClause(t: Term, outer: Scope): Clause[] {
    const [, , head, guards, body] = tupleOf(t, 'catch clause');
    const [p] = items(head ?? 0, 'catch clause');
    const parts = p instanceof Tuple && p.elements[0] instanceof Atom && p.elements[0].name === 'tuple' ? items(p.elements[2] ?? 0, 'catch clause') : [];
    if (parts.length !== 3) return bad(t, 'catch clause');
    const scope = new Set(outer);
    const [kind, reason] = this.patterns(parts.slice(0, 2), scope);
    const stack = tupleOf(parts[2] ?? 0, 'catch clause');
    const pre: Expr[] = [];
    if (atomName(stack[0], 'catch clause') === 'var' && atomName(stack[2], 'variable') !== '_') {
      const name = varName(atomName(stack[2], 'variable'));
      scope.add(name);
      pre.push({ kind: 'match', pos: POS, pattern: { kind: 'var', pos: POS, name }, value: { kind: 'list', pos: POS, items: [], tail: null } });
    }
    const alts = this.guards(guards ?? 0, scope);
    const b = this.body(body ?? 0, scope);
    return alts.map((guard) => ({ pos: POS, params: [kind as Expr, reason as Expr], guard, body: pre.length === 0 ? b : block([...pre, b]) }));
  }
}
