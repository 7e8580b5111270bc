/**
 * Our Elixir AST → Erlang abstract format: what a tab's fun becomes for a real node, whose own
 * `:erl_eval` then runs it (as it runs a fun typed in its iex). The forms follow what Elixir
 * 1.14 itself emits for the same code (captured in fixtures/iex-funs.json): variables renamed
 * `_x@N` (Erlang binds once; Elixir rebinds), `if`/`&&`/`||` as cases on false/nil,
 * interpolation through String.Chars, `raise` through the exception module's exception/1.
 *
 * Code the other side lacks stays a call to it, so the real node answers with its own error
 * (UndefinedFunctionError); what has no Erlang form here (structs, `for`, `with`...) is an
 * ErlAbstractError naming it, raised on the sending tab.
 */
import { atom, Binary, Float, list, NIL, tuple, type Term } from '../../term/types.ts';
import { EMPTY_MAP, mapFromPairs } from '../../term/map.ts';
import type { Clause, Expr, Segment } from '../ast.ts';
import { ErlAbstractError, MAX_DEPTH, MAX_NODES } from './to-elixir.ts';

const A = atom;
const L = 1;

const lit = (kind: string, v: Term): Term => tuple(A(kind), L, v);
const atomF = (name: string): Term => lit('atom', A(name));
const varF = (name: string): Term => lit('var', A(name));
const remoteCall = (m: string, f: string, args: readonly Term[]): Term =>
  tuple(A('call'), L, tuple(A('remote'), L, atomF(m), atomF(f)), list([...args]));
const clauseF = (params: readonly Term[], guards: Term, body: readonly Term[]): Term => tuple(A('clause'), L, list([...params]), guards, list([...body]));
const opF = (op: string, l: Term, r: Term): Term => tuple(A('op'), L, A(op), l, r);
const caseF = (subject: Term, clauses: readonly Term[]): Term => tuple(A('case'), L, subject, list([...clauses]));
const NO_GUARD = NIL;

const BINOPS: Readonly<Record<string, string>> = {
  '+': '+', '-': '-', '*': '*', '/': '/', '++': '++', '--': '--',
  '==': '==', '!=': '/=', '===': '=:=', '!==': '=/=', '<': '<', '>': '>', '<=': '=<', '>=': '>=',
  and: 'andalso', or: 'orelse',
};

/** Kernel functions that are the :erlang BIF of the same name and argument order. */
const ERLANG_KERNEL = new Set([
  'self/0', 'node/0', 'node/1', 'spawn/1', 'spawn/3', 'spawn_link/1', 'spawn_link/3', 'send/2', 'hd/1', 'tl/1', 'length/1',
  'is_atom/1', 'is_binary/1', 'is_bitstring/1', 'is_boolean/1', 'is_float/1', 'is_function/1', 'is_function/2',
  'is_integer/1', 'is_list/1', 'is_map/1', 'is_number/1', 'is_pid/1', 'is_port/1', 'is_reference/1', 'is_tuple/1',
  'is_map_key/2', 'abs/1', 'trunc/1', 'round/1', 'div/2', 'rem/2', 'tuple_size/1', 'map_size/1', 'byte_size/1',
  'bit_size/1', 'make_ref/0', 'max/2', 'min/2', 'throw/1', 'exit/1', 'apply/2', 'apply/3', 'binary_part/3',
]);

/** A UTF-8 string as the byte list of a `{string, L, Bytes}` bin element. */
function bytesOf(s: string): Term {
  return list([...Binary.fromString(s).bytes]);
}

type Scope = Map<string, string>;

export class ElixirToErl {
  private n = 0;
  private nodes = 0;
  private depth = 0;
  /** Translating a guard: `and`/`or` are andalso/orelse there (a case is no guard expression). */
  private inGuard = false;
  /**
   * Set while translating an fn clause's head: a variable there shadows (Erlang funs), so a pin
   * becomes a fresh variable and a `=:=` test against the pinned one, as Elixir emits it.
   */
  private pinTests: Term[] | null = null;

  /** A fresh Erlang name for Elixir variable `name`. */
  private fresh(name: string): string {
    return `_${name}@${++this.n}`;
  }

  /** The erl_eval bindings of captured variables: Erlang names for `names`, in order. */
  bind(names: readonly string[], scope: Scope): string[] {
    return names.map((n) => {
      const e = this.fresh(n);
      scope.set(n, e);
      return e;
    });
  }

  private enter(): void {
    if (++this.nodes > MAX_NODES) throw new ErlAbstractError(`the fun's code has more than ${MAX_NODES} forms`);
    if (++this.depth > MAX_DEPTH) throw new ErlAbstractError(`the fun's code nests deeper than ${MAX_DEPTH}`);
  }

  /** The clauses of an `fn` as erl_eval keeps them (a list of clause forms). */
  fnClauses(e: Expr & { kind: 'fn' }, scope: Scope): Term {
    return list(e.clauses.map((c) => this.clause(c, scope, true)));
  }

  private clause(c: Clause, outer: Scope, fnHead = false): Term {
    const scope = new Map(outer);
    const pins: Term[] = [];
    this.pinTests = fnHead ? pins : null;
    const params = this.patterns(c.params, scope);
    this.pinTests = null;
    const tests = c.guard === null ? pins : [...pins, this.guard(c.guard, scope)];
    return clauseF(params, tests.length === 0 ? NO_GUARD : list([list(tests)]), this.body(c.body, scope));
  }

  private guard(g: Expr, scope: Scope): Term {
    this.inGuard = true;
    try {
      return this.expr(g, scope);
    } finally {
      this.inGuard = false;
    }
  }

  private patterns(ps: readonly Expr[], scope: Scope): Term[] {
    const fresh: Scope = new Map();
    const out = ps.map((p) => this.pattern(p, scope, fresh));
    for (const [k, v] of fresh) scope.set(k, v);
    return out;
  }

  /** A body: a block's expressions in order (each sees what the ones before bound). */
  private body(e: Expr, scope: Scope): Term[] {
    return e.kind === 'block' ? e.exprs.map((x) => this.expr(x, scope)) : [this.expr(e, scope)];
  }

  private pattern(e: Expr, scope: Scope, fresh: Scope): Term {
    this.enter();
    const out = this.patternForm(e, scope, fresh);
    this.depth--;
    return out;
  }

  private patternForm(e: Expr, scope: Scope, fresh: Scope): Term {
    const p = (x: Expr): Term => this.pattern(x, scope, fresh);
    switch (e.kind) {
      case 'var': {
        if (e.name.startsWith('_')) return varF('_');
        const seen = fresh.get(e.name);
        if (seen !== undefined) return varF(seen);
        const name = this.fresh(e.name);
        fresh.set(e.name, name);
        return varF(name);
      }
      case 'pin': {
        const pinned = varF(this.lookup(e.name, scope));
        if (this.pinTests === null) return pinned;
        const v = varF(this.fresh(''));
        this.pinTests.push(opF('=:=', pinned, v));
        return v;
      }
      case 'match': return tuple(A('match'), L, p(e.pattern), p(e.value));
      case 'list': return this.listF(e.items.map(p), e.tail === null ? null : p(e.tail));
      case 'tuple': return tuple(A('tuple'), L, list(e.items.map(p)));
      case 'map':
        if (e.update !== null) return this.unsupported('map update in a pattern');
        return tuple(A('map'), L, list(e.pairs.map(([k, v]) => tuple(A('map_field_exact'), L, p(k), p(v)))));
      case 'bitstring': return this.bin(e.segments, p, (x) => this.expr(x, scope));
      case 'binop':
        if (e.op === '<>' && e.left.kind === 'string') return this.bin([{ pos: e.pos, value: e.left, spec: null }, { pos: e.pos, value: e.right, spec: { kind: 'var', pos: e.pos, name: 'binary' } }], p, (x) => this.expr(x, scope));
        if (e.op === '++') return opF('++', p(e.left), p(e.right));
        return this.unsupported(`operator ${e.op} in a pattern`);
      default: return this.literal(e) ?? this.unsupported(`${e.kind} in a pattern`);
    }
  }

  private literal(e: Expr): Term | null {
    switch (e.kind) {
      case 'int': return lit('integer', e.value);
      case 'float': return lit('float', new Float(e.value));
      case 'atom': return atomF(e.name);
      case 'alias': return atomF(e.name.startsWith('Elixir.') ? e.name : `Elixir.${e.name}`);
      case 'unop':
        if (e.op === '-' && e.arg.kind === 'int') return lit('integer', -e.arg.value);
        if (e.op === '-' && e.arg.kind === 'float') return lit('float', new Float(-e.arg.value));
        return null;
      case 'string':
        if (e.parts.every((x) => typeof x === 'string')) return this.binText(e.parts.join(''));
        return null;
      case 'charlist':
        if (e.parts.every((x) => typeof x === 'string')) return lit('string', list(Array.from(e.parts.join(''), (c) => c.codePointAt(0) as number)));
        return null;
      default: return null;
    }
  }

  private binText(s: string): Term {
    return tuple(A('bin'), L, list(s === '' ? [] : [tuple(A('bin_element'), L, lit('string', bytesOf(s)), A('default'), A('default'))]));
  }

  private listF(items: readonly Term[], tail: Term | null): Term {
    let out = tail ?? tuple(A('nil'), L);
    for (let i = items.length - 1; i >= 0; i--) out = tuple(A('cons'), L, items[i] as Term, out);
    return out;
  }

  private lookup(name: string, scope: Scope): string {
    const v = scope.get(name);
    if (v === undefined) throw new ErlAbstractError(`undefined variable "${name}" in a fun sent to a BEAM node`);
    return v;
  }

  private unsupported(what: string): never {
    throw new ErlAbstractError(`a fun with ${what} cannot be sent to a BEAM node`);
  }

  /** `<<v::spec, ...>>`: a spec's `-`-separated words become the size and type list. */
  private bin(segs: readonly Segment[], value: (x: Expr) => Term, size: (x: Expr) => Term): Term {
    const els = segs.map((s) => {
      let sz: Term = A('default');
      const tsl: Term[] = [];
      const words: Expr[] = [];
      const split = (x: Expr): void => {
        if (x.kind === 'binop' && x.op === '-') {
          split(x.left);
          split(x.right);
        } else words.push(x);
      };
      if (s.spec !== null) split(s.spec);
      for (const w of words) {
        if (w.kind === 'var') tsl.push(A(w.name === 'bytes' ? 'binary' : w.name === 'bits' ? 'bitstring' : w.name));
        else if (w.kind === 'int') sz = size(w);
        else if (w.kind === 'call' && w.name === 'size' && w.args.length === 1) sz = size(w.args[0] as Expr);
        else if (w.kind === 'call' && w.name === 'unit' && w.args[0]?.kind === 'int') tsl.push(tuple(A('unit'), w.args[0].value));
        else if (w.kind === 'binop' && w.op === '*' && w.right.kind === 'int') {
          sz = size(w.left);
          tsl.push(tuple(A('unit'), w.right.value));
        } else this.unsupported('this binary segment type');
      }
      const utf = tsl.some((t) => typeof t === 'object' && t.kind === 'atom' && t.name.startsWith('utf'));
      let v: Term;
      if (s.value.kind === 'string' && s.value.parts.every((x) => typeof x === 'string')) {
        const text = s.value.parts.join('');
        v = lit('string', utf ? list(Array.from(text, (c) => c.codePointAt(0) as number)) : bytesOf(text));
        // A literal string is its bytes: Erlang takes no binary type on it (Elixir's `"!"::binary`).
        if (!utf) tsl.splice(0, tsl.length, ...tsl.filter((t) => !(typeof t === 'object' && t.kind === 'atom' && (t.name === 'binary' || t.name === 'bitstring'))));
      } else {
        v = value(s.value);
        // A non-literal string (interpolated) is a binary.
        if (s.value.kind === 'string' && tsl.length === 0) tsl.push(A('binary'));
      }
      return tuple(A('bin_element'), L, v, sz, tsl.length === 0 ? A('default') : list(tsl));
    });
    return tuple(A('bin'), L, list(els));
  }

  expr(e: Expr, scope: Scope): Term {
    this.enter();
    const out = this.exprForm(e, scope);
    this.depth--;
    return out;
  }

  /** `case x do false -> f; nil -> f; _ -> t end`, Elixir's truthiness. */
  private truthy(subject: Term, then: readonly Term[], otherwise: readonly Term[]): Term {
    const v = varF(this.fresh(''));
    const falsy = opF('orelse', opF('=:=', v, atomF('false')), opF('=:=', v, atomF('nil')));
    return caseF(subject, [clauseF([v], list([list([falsy])]), otherwise), clauseF([varF('_')], NO_GUARD, then)]);
  }

  private exprForm(e: Expr, scope: Scope): Term {
    const x = (y: Expr): Term => this.expr(y, scope);
    switch (e.kind) {
      case 'var': return varF(this.lookup(e.name, scope));
      case 'string': {
        const l = this.literal(e);
        if (l !== null) return l;
        const segs: Segment[] = e.parts.map((p) => (typeof p === 'string'
          ? { pos: e.pos, value: { kind: 'string', pos: e.pos, parts: [p] }, spec: null }
          : { pos: e.pos, value: { kind: 'remote', pos: e.pos, module: { kind: 'atom', pos: e.pos, name: 'Elixir.String.Chars' }, name: 'to_string', args: [p] }, spec: { kind: 'var', pos: e.pos, name: 'binary' } }));
        return this.bin(segs, x, x);
      }
      case 'list': return this.listF(e.items.map(x), e.tail === null ? null : x(e.tail));
      case 'tuple': return tuple(A('tuple'), L, list(e.items.map(x)));
      case 'map': {
        if (e.update !== null) return tuple(A('map'), L, x(e.update), list(e.pairs.map(([k, v]) => tuple(A('map_field_exact'), L, x(k), x(v)))));
        return tuple(A('map'), L, list(e.pairs.map(([k, v]) => tuple(A('map_field_assoc'), L, x(k), x(v)))));
      }
      case 'bitstring':
        if (e.generator !== null) return this.unsupported('a binary generator');
        return this.bin(e.segments, x, x);
      case 'match': {
        const value = x(e.value);
        const fresh: Scope = new Map();
        const pattern = this.pattern(e.pattern, scope, fresh);
        for (const [k, v] of fresh) scope.set(k, v);
        return tuple(A('match'), L, pattern, value);
      }
      case 'binop': return this.binop(e, scope);
      case 'unop': {
        const l = this.literal(e);
        if (l !== null) return l;
        if (e.op === '!') return this.truthy(x(e.arg), [atomF('false')], [atomF('true')]);
        return tuple(A('op'), L, A(e.op), x(e.arg));
      }
      case 'call': return this.localCall(e.name, e.args.map(x), e.args);
      case 'remote': {
        const m = e.module.kind === 'alias' || e.module.kind === 'atom' ? (this.literal(e.module) as Term) : x(e.module);
        return tuple(A('call'), L, tuple(A('remote'), L, m, atomF(e.name)), list(e.args.map(x)));
      }
      case 'apply': return tuple(A('call'), L, x(e.fun), list(e.args.map(x)));
      case 'field': return remoteCall('erlang', 'map_get', [atomF(e.name), x(e.subject)]);
      case 'fn': return tuple(A('fun'), L, tuple(A('clauses'), this.fnClauses(e, scope)));
      case 'capture_fun': {
        if (e.module === null) {
          const key = `${e.name}/${e.arity}`;
          const mod = ERLANG_KERNEL.has(key) ? 'erlang' : 'Elixir.Kernel';
          return tuple(A('fun'), L, tuple(A('function'), atomF(mod), atomF(e.name), lit('integer', e.arity)));
        }
        const m = this.literal(e.module) ?? x(e.module);
        return tuple(A('fun'), L, tuple(A('function'), m, atomF(e.name), lit('integer', e.arity)));
      }
      case 'capture_expr': {
        const inner = new Map(scope);
        const params = Array.from({ length: e.arity }, (_, i) => {
          const n = this.fresh(`&${i + 1}`);
          inner.set(`&${i + 1}`, n);
          return varF(n);
        });
        return tuple(A('fun'), L, tuple(A('clauses'), list([clauseF(params, NO_GUARD, [this.expr(e.body, inner)])])));
      }
      case 'capture_arg': return varF(this.lookup(`&${e.index}`, scope));
      case 'block': return tuple(A('block'), L, list(this.body(e, scope)));
      case 'case': return caseF(x(e.subject), e.clauses.map((c) => this.clause(c, scope)));
      case 'if': {
        const inner = (b: Expr | null): Term[] => (b === null ? [atomF('nil')] : this.body(b, new Map(scope)));
        return this.truthy(x(e.cond), inner(e.then), inner(e.else));
      }
      case 'cond': return this.cond(e.clauses, 0, scope);
      case 'receive': {
        const cs = list(e.clauses.map((c) => this.clause(c, scope)));
        if (e.after === null) return tuple(A('receive'), L, cs);
        return tuple(A('receive'), L, cs, x(e.after.timeout), list(this.body(e.after.body, new Map(scope))));
      }
      case 'try': return this.tryF(e, scope);
      case 'for': return this.forF(e, scope);
      default: {
        const l = this.literal(e);
        return l ?? this.unsupported(e.kind);
      }
    }
  }

  /**
   * `for` with generators and filters into a list, as Elixir 1.14 emits it: `:lists.reverse` of
   * an Enum.reduce per generator (a value its pattern does not match is skipped), the innermost
   * one consing the body onto the accumulator.
   */
  private forF(e: Expr & { kind: 'for' }, scope: Scope): Term {
    if (e.into !== null || e.uniq !== null || e.reduce !== null) this.unsupported('for with into:, uniq: or reduce:');
    const inner = new Map(scope);
    const acc0 = tuple(A('nil'), L);
    return remoteCall('lists', 'reverse', [this.forSteps(e, 0, inner, acc0)]);
  }

  private forSteps(e: Expr & { kind: 'for' }, i: number, scope: Scope, acc: Term): Term {
    const step = e.steps[i];
    if (step === undefined) return tuple(A('cons'), L, this.expr(e.body, scope), acc);
    if (step.kind === 'filter') return this.truthy(this.expr(step.cond, scope), [this.forSteps(e, i + 1, scope, acc)], [acc]);
    if (step.kind === 'bits') return this.unsupported('a binary generator');
    const source = this.expr(step.source, scope);
    const inner = new Map(scope);
    const accName = varF(this.fresh('acc'));
    const [p] = this.patterns([step.pattern], inner);
    const guards = step.guard === null ? NO_GUARD : list([list([this.guard(step.guard, inner)])]);
    const skip = varF(this.fresh('acc'));
    const fn = tuple(A('fun'), L, tuple(A('clauses'), list([
      clauseF([p as Term, accName], guards, [this.forSteps(e, i + 1, inner, accName)]),
      clauseF([varF('_'), skip], NO_GUARD, [skip]),
    ])));
    return remoteCall('Elixir.Enum', 'reduce', [source, acc, fn]);
  }

  private cond(cs: readonly Clause[], i: number, scope: Scope): Term {
    const c = cs[i];
    if (c === undefined) return remoteCall('erlang', 'error', [atomF('cond_clause')]);
    const inner = new Map(scope);
    return this.truthy(this.expr(c.params[0] as Expr, inner), this.body(c.body, inner), [this.cond(cs, i + 1, scope)]);
  }

  private binop(e: Expr & { kind: 'binop' }, scope: Scope): Term {
    const x = (y: Expr): Term => this.expr(y, scope);
    if (e.op === '|>') {
      const r = e.right;
      if (r.kind === 'call' || r.kind === 'remote' || r.kind === 'apply') return x({ ...r, args: [e.left, ...r.args] });
      return this.unsupported('a pipe into something not a call');
    }
    if ((e.op === 'and' || e.op === 'or') && !this.inGuard) return this.strictBool(e.op, x(e.left), x(e.right));
    const erl = BINOPS[e.op];
    if (erl !== undefined) return opF(erl, x(e.left), x(e.right));
    switch (e.op) {
      case '&&': return this.andAlso(x(e.left), x(e.right), true);
      case '||': return this.andAlso(x(e.left), x(e.right), false);
      case '<>': return this.bin([
        { pos: e.pos, value: e.left, spec: { kind: 'var', pos: e.pos, name: 'binary' } },
        { pos: e.pos, value: e.right, spec: { kind: 'var', pos: e.pos, name: 'binary' } },
      ], x, x);
      case 'in': return remoteCall('Elixir.Enum', 'member?', [x(e.right), x(e.left)]);
      case 'not in': return tuple(A('op'), L, A('not'), remoteCall('Elixir.Enum', 'member?', [x(e.right), x(e.left)]));
      case '..': return tuple(A('map'), L, list([
        ['__struct__', atomF('Elixir.Range')], ['first', x(e.left)], ['last', x(e.right)], ['step', lit('integer', 1)],
      ].map(([k, v]) => tuple(A('map_field_assoc'), L, atomF(k as string), v as Term))));
      case '=~': return remoteCall('Elixir.Kernel', '=~', [x(e.left), x(e.right)]);
      default: return this.unsupported(`operator ${e.op}`);
    }
  }

  /** `a and b` / `a or b` outside guards: a non-boolean left side is BadBooleanError, as in Elixir. */
  private strictBool(op: 'and' | 'or', left: Term, right: Term): Term {
    const v = varF(this.fresh(''));
    const bad = remoteCall('erlang', 'error', [tuple(A('tuple'), L, list([atomF('badbool'), atomF(op), v]))]);
    return caseF(left, [
      clauseF([atomF('false')], NO_GUARD, [op === 'and' ? atomF('false') : right]),
      clauseF([atomF('true')], NO_GUARD, [op === 'and' ? right : atomF('true')]),
      clauseF([v], NO_GUARD, [bad]),
    ]);
  }

  /** `a && b` (and) / `a || b`: the left value decides by truthiness, as Elixir's case does. */
  private andAlso(left: Term, right: Term, and: boolean): Term {
    const v = varF(this.fresh(''));
    const falsy = opF('orelse', opF('=:=', v, atomF('false')), opF('=:=', v, atomF('nil')));
    return caseF(left, [clauseF([v], list([list([falsy])]), [and ? v : right]), clauseF([v], NO_GUARD, [and ? right : v])]);
  }

  private localCall(name: string, args: readonly Term[], src: readonly Expr[]): Term {
    const key = `${name}/${args.length}`;
    if (ERLANG_KERNEL.has(key)) return remoteCall('erlang', name, args);
    const [a, b, c] = args;
    switch (key) {
      case 'elem/2': return remoteCall('erlang', 'element', [opF('+', b as Term, lit('integer', 1)), a as Term]);
      case 'put_elem/3': return remoteCall('erlang', 'setelement', [opF('+', b as Term, lit('integer', 1)), a as Term, c as Term]);
      case 'is_nil/1': return opF('==', a as Term, atomF('nil'));
      case 'to_string/1': return remoteCall('Elixir.String.Chars', 'to_string', args);
      case 'raise/1':
        if (src[0]?.kind === 'alias') return remoteCall('erlang', 'error', [remoteCall(`Elixir.${src[0].name}`, 'exception', [tuple(A('nil'), L)])]);
        return remoteCall('erlang', 'error', [remoteCall('Elixir.RuntimeError', 'exception', [a as Term])]);
      case 'raise/2':
        if (src[0]?.kind === 'alias') return remoteCall('erlang', 'error', [remoteCall(`Elixir.${src[0].name}`, 'exception', [b as Term])]);
        return this.unsupported('raise/2 of a non-alias');
      default: return remoteCall('Elixir.Kernel', name, args);
    }
  }

  /** try/rescue/catch/else/after as Erlang's try; a rescue normalises the error first. */
  private tryF(e: Expr & { kind: 'try' }, scope: Scope): Term {
    const body = this.body(e.body, new Map(scope));
    const elseCs = (e.else ?? []).map((c) => this.clause(c, scope));
    const catches: Term[] = [];
    for (const r of e.rescue) {
      const inner = new Map(scope);
      const raw = varF(this.fresh('raw'));
      const stack = varF(this.fresh('stack'));
      const excName = this.fresh('exception');
      const exc = varF(excName);
      if (r.binding !== null) inner.set(r.binding, excName);
      const normalized = tuple(A('match'), L, exc, remoteCall('Elixir.Exception', 'normalize', [atomF('error'), raw, stack]));
      const rethrow = remoteCall('erlang', 'raise', [atomF('error'), raw, stack]);
      const matches = r.modules.length === 0
        ? this.body(r.body, inner)
        : [caseF(remoteCall('erlang', 'map_get', [atomF('__struct__'), exc]), [
            ...r.modules.map((m) => clauseF([atomF(m.startsWith('Elixir.') ? m : `Elixir.${m}`)], NO_GUARD, this.body(r.body, new Map(inner)))),
            clauseF([varF('_')], NO_GUARD, [rethrow]),
          ])];
      catches.push(clauseF([tuple(A('tuple'), L, list([atomF('error'), raw, stack]))], NO_GUARD, [normalized, ...matches]));
    }
    for (const c of e.catch) {
      const inner = new Map(scope);
      const [k, v] = c.params.length === 2 ? this.patterns(c.params, inner) : [atomF('throw'), ...this.patterns(c.params, inner)];
      const guards = c.guard === null ? NO_GUARD : list([list([this.guard(c.guard, inner)])]);
      catches.push(clauseF([tuple(A('tuple'), L, list([k as Term, v as Term, varF('_')]))], guards, this.body(c.body, inner)));
    }
    const after = e.after === null ? [] : this.body(e.after, new Map(scope));
    return tuple(A('try'), L, list(body), list(elseCs), list(catches), list(after));
  }
}

/**
 * The environment of an erl_eval closure (OTP 25's `{Anno, Bindings, Lf, Ef, UsedVars, Clauses}`)
 * for an `fn` whose free variables `names` hold `values`.
 */
export function erlEvalEnvOf(ast: Expr & { kind: 'fn' }, names: readonly string[], values: readonly Term[]): Term {
  const t = new ElixirToErl();
  const scope: Scope = new Map();
  const erlNames = t.bind(names, scope);
  const clauses = t.fnClauses(ast, scope);
  const bindings = mapFromPairs(erlNames.map((n, i) => [A(n), values[i] as Term] as const));
  return tuple(L, bindings, A('none'), A('none'), EMPTY_MAP, clauses);
}
