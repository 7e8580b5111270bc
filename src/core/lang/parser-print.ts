/**
 * A compact S-expression rendering of the AST, so parser tests (and debugging sessions) can
 * state expected trees in one line: `x = 1 + 2` prints `(= x (+ 1 2))`.
 */
import type { Clause, Expr } from './ast.ts';

export function sexpr(e: Expr): string {
  switch (e.kind) {
    case 'int':
      return String(e.value);
    case 'float':
      return Number.isInteger(e.value) ? e.value.toFixed(1) : String(e.value);
    case 'atom':
      return /^[a-zA-Z_][a-zA-Z0-9_@]*[?!]?$/.test(e.name) ? `:${e.name}` : `:${JSON.stringify(e.name)}`;
    case 'alias':
      return e.name;
    case 'string':
      return strParts(e.parts, 'str', JSON.stringify);
    case 'bitstring': {
      const segs = e.segments.map((s) => (s.spec === null ? sexpr(s.value) : `(:: ${sexpr(s.value)} ${sexpr(s.spec)})`));
      const gen = e.generator === null ? '' : ` (<- ${sexpr(e.generator)})`;
      return `(<<>> ${segs.join(' ')}${gen})`;
    }
    case 'charlist':
      return strParts(e.parts, 'chars', (s) => `'${JSON.stringify(s).slice(1, -1)}'`);
    case 'var':
      return e.name;
    case 'pin':
      return `^${e.name}`;
    case 'list':
      return `[${e.items.map(sexpr).join(' ')}${e.tail === null ? '' : ` | ${sexpr(e.tail)}`}]`;
    case 'tuple':
      return `{${e.items.map(sexpr).join(' ')}}`;
    case 'map': {
      const pairs = e.pairs.map(([k, v]) => `${sexpr(k)} => ${sexpr(v)}`).join(', ');
      return e.update === null ? `%{${pairs}}` : `%{${sexpr(e.update)} | ${pairs}}`;
    }
    case 'struct': {
      const pairs = e.pairs.map(([k, v]) => `${sexpr(k)} => ${sexpr(v)}`).join(', ');
      return `%${sexpr(e.module)}{${e.update === null ? '' : `${sexpr(e.update)} | `}${pairs}}`;
    }
    case 'binop':
      return `(${e.op} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case 'unop':
      return `(${e.op} ${sexpr(e.arg)})`;
    case 'match':
      return `(= ${sexpr(e.pattern)} ${sexpr(e.value)})`;
    case 'call':
      return `(${[e.name, ...e.args.map(sexpr)].join(' ')})`;
    case 'remote':
      return `(${[`${sexpr(e.module)}.${e.name}`, ...e.args.map(sexpr)].join(' ')})`;
    case 'apply':
      return `(${[`${sexpr(e.fun)}.`, ...e.args.map(sexpr)].join(' ')})`;
    case 'field':
      return `(field ${sexpr(e.subject)} ${e.name})`;
    case 'fn':
      return `(fn ${clauses(e.clauses)})`;
    case 'stab':
      return `(stab ${clauses(e.clauses)})`;
    case 'capture_fun':
      return `&${e.module === null ? '' : `${sexpr(e.module)}.`}${e.name}/${e.arity}`;
    case 'capture_expr':
      return `(&/${e.arity} ${sexpr(e.body)})`;
    case 'capture_arg':
      return `&${e.index}`;
    case 'block':
      return `(block${e.exprs.map((x) => ' ' + sexpr(x)).join('')})`;
    case 'case':
      return `(case ${sexpr(e.subject)} ${clauses(e.clauses)})`;
    case 'cond':
      return `(cond ${clauses(e.clauses)})`;
    case 'if':
      return `(if ${sexpr(e.cond)} ${sexpr(e.then)}${e.else === null ? '' : ' ' + sexpr(e.else)})`;
    case 'receive': {
      const after = e.after === null ? '' : ` (after ${sexpr(e.after.timeout)} ${sexpr(e.after.body)})`;
      return `(receive ${clauses(e.clauses)}${after})`;
    }
    case 'with': {
      const steps = e.steps.map((s) =>
        s.kind === 'expr' ? sexpr(s.value) : `(<- ${sexpr(s.pattern)}${guard(s.guard)} ${sexpr(s.value)})`,
      );
      const els = e.else === null ? '' : ` (else ${clauses(e.else)})`;
      return `(with ${steps.join(' ')} ${sexpr(e.body)}${els})`;
    }
    case 'for': {
      const steps = e.steps.map((s) =>
        s.kind === 'filter'
          ? sexpr(s.cond)
          : `(<- ${sexpr(s.pattern)}${s.kind === 'bits' ? '' : guard(s.guard)} ${sexpr(s.source)})`,
      );
      const into = e.into === null ? '' : ` (into ${sexpr(e.into)})`;
      const uniq = e.uniq === null ? '' : ` (uniq ${sexpr(e.uniq)})`;
      if (e.reduce !== null) return `(for ${steps.join(' ')}${into}${uniq} (reduce ${sexpr(e.reduce.init)}) ${e.reduce.clauses?.length ?? 'bad'} clauses)`;
      return `(for ${steps.join(' ')}${into}${uniq} ${sexpr(e.body)})`;
    }
    case 'try': {
      const out = [`(try ${sexpr(e.body)}`];
      for (const r of e.rescue) {
        out.push(` (rescue ${r.binding ?? '_'} [${r.modules.join(' ')}] ${sexpr(r.body)})`);
      }
      if (e.catch.length > 0) out.push(` (catch ${clauses(e.catch)})`);
      if (e.else !== null) out.push(` (else ${clauses(e.else)})`);
      if (e.after !== null) out.push(` (after ${sexpr(e.after)})`);
      return out.join('') + ')';
    }
    case 'defmodule':
      return `(defmodule ${e.name} ${sexpr(e.body)})`;
    case 'def': {
      const defaults = e.defaults.some((d) => d !== null)
        ? ` (defaults ${e.defaults.map((d) => (d === null ? '_' : sexpr(d))).join(' ')})`
        : '';
      return `(${e.private ? 'defp' : 'def'} ${e.name} ${clause(e.clause)}${defaults})`;
    }
    case 'attr_set':
      return `(@${e.name} ${sexpr(e.value)})`;
    case 'attr_get':
      return `@${e.name}`;
    case 'module_ref':
      return '__MODULE__';
  }
}

function strParts(parts: readonly (string | Expr)[], tag: string, lit: (s: string) => string): string {
  const [first] = parts;
  if (parts.length === 1 && typeof first === 'string') return lit(first);
  return `(${tag} ${parts.map((x) => (typeof x === 'string' ? lit(x) : sexpr(x))).join(' ')})`;
}

function guard(g: Expr | null): string {
  return g === null ? '' : ` when ${sexpr(g)}`;
}

function clause(c: Clause): string {
  return `([${c.params.map(sexpr).join(' ')}]${guard(c.guard)} -> ${sexpr(c.body)})`;
}

function clauses(cs: readonly Clause[]): string {
  return cs.map(clause).join(' ');
}
