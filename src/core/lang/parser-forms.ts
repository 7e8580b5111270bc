/**
 * Special forms: Elixir parses `if x do … end` as an ordinary call with a keyword list; here the
 * call is turned into its own node (if, case, cond, receive, try, with, for, defmodule, def).
 * The `do:` keyword form and the `do … end` form go through the same path.
 */
import type { Clause, Expr, ForStep, Pos, RescueClause, WithStep } from './ast.ts';
import { fail, toExpr, type Node } from './parser.ts';
import { plainArgs, type Call, type KwPair } from './parser-calls.ts';
import type { SectionBody } from './parser-blocks.ts';

type Sections = Map<string, SectionBody[]>;

const SECTION_KEYS: ReadonlySet<string> = new Set(['do', 'else', 'after', 'rescue', 'catch']);

/** do-block sections plus `do:`/`else:`… keywords; other keywords stay in `rest`. */
function split(call: Call): { sections: Sections; rest: KwPair[] } {
  const sections: Sections = new Map();
  const add = (name: string, body: SectionBody): void => {
    sections.set(name, [...(sections.get(name) ?? []), body]);
  };
  const rest: KwPair[] = [];
  for (const kv of call.kw) {
    if (SECTION_KEYS.has(kv.key)) add(kv.key, { kind: 'block', exprs: [kv.value] });
    else rest.push(kv);
  }
  for (const s of call.sections) add(s.name, s.body);
  return { sections, rest };
}

function block(bodies: readonly SectionBody[] | undefined, pos: Pos, what: string): Expr | null {
  if (bodies === undefined) return null;
  const exprs: Expr[] = [];
  for (const b of bodies) {
    if (b.kind === 'clauses') return fail(pos, `unexpected -> clauses in "${what}"`);
    exprs.push(...b.exprs);
  }
  const [first] = exprs;
  if (exprs.length === 1 && first !== undefined) return first;
  if (exprs.length === 0) return { kind: 'atom', pos, name: 'nil' };
  return { kind: 'block', pos: first?.pos ?? pos, exprs };
}

function required(e: Expr | null, pos: Pos, name: string): Expr {
  return e ?? fail(pos, `missing :do option in "${name}"`);
}

function clauses(bodies: readonly SectionBody[] | undefined, pos: Pos, what: string): Clause[] {
  const out: Clause[] = [];
  for (const b of bodies ?? []) {
    const [only] = b.kind === 'block' && b.exprs.length === 1 ? b.exprs : [];
    if (b.kind === 'clauses') out.push(...b.clauses);
    else if (only?.kind === 'stab') out.push(...only.clauses); // `do: (a -> b)`
    else if (b.exprs.length > 0) return fail(pos, `expected -> clauses for :${what}`);
  }
  return out;
}

function args(call: Call, n: number, pos: Pos, name: string): Expr[] {
  if (call.args.length !== n) return fail(pos, `undefined function ${name}/${call.args.length + 1}`);
  return call.args.map(toExpr);
}

/** Build the node for a local call `name(args…)`, recognising the special forms. */
export function buildLocalCall(name: string, pos: Pos, call: Call): Node {
  if (name === 'match?' && call.args.length === 2 && call.kw.length === 0 && call.sections.length === 0) return matchForm(call, pos);
  // `def f(a, b \\ 1)` with no body: a head declaring defaults (defForm).
  const bodiless = (name === 'def' || name === 'defp') && call.kw.length === 0 && call.sections.length === 0 && call.args.length === 1 && call.args[0]?.kind === 'head';
  if (bodiless) return defForm(name === 'defp', call, new Map(), pos);
  if (!FORMS.has(name) || (call.kw.length === 0 && call.sections.length === 0)) {
    if (call.args.some((a) => a.kind === '\\\\' || a.kind === 'when')) {
      return { kind: 'head', pos, name, args: call.args };
    }
    return { kind: 'call', pos, name, args: plainArgs(call, pos) };
  }
  const { sections: s, rest } = split(call);
  if (rest.length > 0 && name !== 'for' && name !== 'defimpl') return { kind: 'call', pos, name, args: plainArgs(call, pos) };
  switch (name) {
    case 'if':
    case 'unless': {
      const [cond] = args(call, 1, pos, name);
      const yes = required(block(s.get('do'), pos, name), pos, name);
      const no = block(s.get('else'), pos, name);
      if (name === 'if' || cond === undefined) return { kind: 'if', pos, cond: cond ?? yes, then: yes, else: no };
      return { kind: 'if', pos, cond, then: no ?? { kind: 'atom', pos, name: 'nil' }, else: yes };
    }
    case 'case': {
      const [subject] = args(call, 1, pos, name);
      if (subject === undefined) return fail(pos, 'case needs a subject');
      return { kind: 'case', pos, subject, clauses: clauses(s.get('do'), pos, 'do') };
    }
    case 'cond': {
      args(call, 0, pos, name);
      const cs = clauses(s.get('do'), pos, 'do');
      if (cs.some((c) => c.params.length !== 1 || c.guard !== null)) return fail(pos, 'cond clauses accept only one condition');
      return { kind: 'cond', pos, clauses: cs };
    }
    case 'receive': {
      args(call, 0, pos, name);
      const after = clauses(s.get('after'), pos, 'after');
      const [a] = after;
      const [timeout] = a?.params ?? [];
      if (after.length > 1 || (a !== undefined && (timeout === undefined || a.params.length !== 1))) {
        return fail(pos, 'expected a single -> clause for :after in "receive"');
      }
      const afterNode = a !== undefined && timeout !== undefined ? { timeout, body: a.body } : null;
      return { kind: 'receive', pos, clauses: clauses(s.get('do'), pos, 'do'), after: afterNode };
    }
    case 'try':
      return tryForm(call, s, pos);
    case 'with':
      return withForm(call, s, pos);
    case 'for':
      return forForm(call, s, rest, pos);
    case 'defmodule': {
      const [alias] = args(call, 1, pos, name);
      // `defmodule :timer do`: an Erlang-style module, its name marked with a leading `:`.
      const modName = alias?.kind === 'alias' ? alias.name : alias?.kind === 'atom' ? `:${alias.name}` : null;
      if (modName === null) return fail(pos, 'invalid module name in defmodule');
      return { kind: 'defmodule', pos, name: modName, body: required(block(s.get('do'), pos, name), pos, name) };
    }
    case 'defprotocol':
    case 'defimpl': {
      const [alias] = args(call, 1, pos, name);
      if (alias?.kind !== 'alias') return fail(pos, `invalid module name in ${name}`);
      const body = required(block(s.get('do'), pos, name), pos, name);
      const forKw = rest.find((kv) => kv.key === 'for');
      const role = name === 'defprotocol' ? { kind: 'protocol' as const } : { kind: 'impl' as const, for: forKw === undefined ? null : forKw.value };
      return { kind: 'defmodule', pos, name: alias.name, body, role };
    }
    case 'def':
    case 'defp':
      return defForm(name === 'defp', call, s, pos);
    default:
      return { kind: 'call', pos, name, args: plainArgs(call, pos) };
  }
}

const FORMS: ReadonlySet<string> = new Set([
  'if', 'unless', 'case', 'cond', 'receive', 'try', 'with', 'for', 'defmodule', 'def', 'defp', 'defprotocol', 'defimpl',
]);

function tryForm(call: Call, s: Sections, pos: Pos): Expr {
  args(call, 0, pos, 'try');
  const body = required(block(s.get('do'), pos, 'try'), pos, 'try');
  const rescue = clauses(s.get('rescue'), pos, 'rescue').map(rescueClause);
  const elseBodies = s.get('else');
  return {
    kind: 'try', pos, body, rescue,
    catch: clauses(s.get('catch'), pos, 'catch'),
    else: elseBodies === undefined ? null : clauses(elseBodies, pos, 'else'),
    after: block(s.get('after'), pos, 'try'),
  };
}

/** `e in [A, B] ->`, `A ->`, `e ->`. */
function rescueClause(c: Clause): RescueClause {
  const [p] = c.params;
  const names = (e: Expr): string[] => {
    if (e.kind === 'alias') return [e.name];
    if (e.kind === 'list' && e.tail === null) return e.items.flatMap(names);
    return fail(e.pos, 'invalid "rescue" clause. The clause should match on an alias, a variable or be in the "var in [alias]" format');
  };
  if (p === undefined || c.params.length !== 1 || c.guard !== null) return fail(c.pos, 'invalid "rescue" clause');
  if (p.kind === 'var') return { pos: c.pos, binding: p.name, modules: [], body: c.body };
  if (p.kind === 'binop' && p.op === 'in' && p.left.kind === 'var') {
    return { pos: c.pos, binding: p.left.name, modules: names(p.right), body: c.body };
  }
  return { pos: c.pos, binding: null, modules: names(p), body: c.body };
}

function withForm(call: Call, s: Sections, pos: Pos): Expr {
  const steps: WithStep[] = call.args.map((a) => {
    if (a.kind !== '<-') return { kind: 'expr', value: toExpr(a) };
    const { pattern, guard } = guarded(a.left);
    return { kind: 'bind', pattern, guard, value: toExpr(a.right) };
  });
  const elseBodies = s.get('else');
  return {
    kind: 'with', pos, steps,
    body: required(block(s.get('do'), pos, 'with'), pos, 'with'),
    else: elseBodies === undefined ? null : clauses(elseBodies, pos, 'else'),
  };
}

function forForm(call: Call, s: Sections, rest: readonly KwPair[], pos: Pos): Expr {
  const steps: ForStep[] = call.args.map((a) => {
    if (a.kind === 'bitstring' && a.generator !== null) return { kind: 'bits', pattern: { ...a, generator: null }, source: a.generator };
    if (a.kind !== '<-') return { kind: 'filter', cond: toExpr(a) };
    const { pattern, guard } = guarded(a.left);
    return { kind: 'generator', pattern, guard, source: toExpr(a.right) };
  });
  const opts = new Map<string, Expr>();
  for (const kv of rest) {
    if (kv.key !== 'into' && kv.key !== 'uniq' && kv.key !== 'reduce') return fail(kv.pos, `unsupported option :${kv.key} given to for`);
    opts.set(kv.key, kv.value);
  }
  const init = opts.get('reduce');
  if (init !== undefined) {
    // `acc -> expr` clauses, each with the accumulator as its one parameter.
    const bodies = s.get('do') ?? [];
    const ok = bodies.length > 0 && bodies.every((b) => b.kind === 'clauses' && b.clauses.every((c) => c.params.length === 1));
    const cls = ok ? clauses(bodies, pos, 'do') : null;
    return { kind: 'for', pos, steps, into: opts.get('into') ?? null, uniq: opts.get('uniq') ?? null, reduce: { init, clauses: cls }, body: { kind: 'atom', pos, name: 'nil' } };
  }
  const body = required(block(s.get('do'), pos, 'for'), pos, 'for');
  return { kind: 'for', pos, steps, into: opts.get('into') ?? null, uniq: opts.get('uniq') ?? null, reduce: null, body };
}

/** `match?(pattern, expr)` (a Kernel macro): `case expr do pattern -> true; _ -> false end`. */
function matchForm(call: Call, pos: Pos): Expr {
  const [p, v] = call.args as [Node, Node];
  const { pattern, guard } = guarded(p);
  const atomNode = (name: string): Expr => ({ kind: 'atom', pos, name });
  return {
    kind: 'case', pos, subject: toExpr(v),
    clauses: [
      { pos, params: [pattern], guard, body: atomNode('true') },
      { pos, params: [{ kind: 'var', pos, name: '_' }], guard: null, body: atomNode('false') },
    ],
  };
}

function guarded(n: Node): { pattern: Expr; guard: Expr | null } {
  if (n.kind === 'when') return { pattern: toExpr(n.left), guard: toExpr(n.right) };
  return { pattern: toExpr(n), guard: null };
}

/** `def name(params) when guard do body end`, with `\\` defaults and `do:` one-liners. */
function defForm(isPrivate: boolean, call: Call, s: Sections, pos: Pos): Expr {
  const [head] = call.args;
  if (head === undefined || call.args.length !== 1) return fail(pos, `invalid syntax in def`);
  const { pattern: fhead, guard } = head.kind === 'when' ? { pattern: head.left, guard: toExpr(head.right) } : { pattern: head, guard: null };
  let name: string;
  let raw: readonly Node[];
  if (fhead.kind === 'var') [name, raw] = [fhead.name, []];
  else if (fhead.kind === 'call' || fhead.kind === 'head') [name, raw] = [fhead.name, fhead.args];
  else return fail(pos, `invalid syntax in def`);
  const params: Expr[] = [];
  const defaults: (Expr | null)[] = [];
  for (const a of raw) {
    params.push(toExpr(a.kind === '\\\\' ? a.left : a));
    defaults.push(a.kind === '\\\\' ? toExpr(a.right) : null);
  }
  // A head with no body (`def f(a, b \\ 1)` before f's clauses) declares defaults only.
  if (!s.has('do') && !s.has('rescue') && !s.has('catch') && !s.has('after')) {
    return { kind: 'def', pos, private: isPrivate, name, clause: { pos, params, guard, body: { kind: 'atom', pos, name: 'nil' } }, defaults, bodiless: true };
  }
  let body = required(block(s.get('do'), pos, isPrivate ? 'defp' : 'def'), pos, 'def');
  if (s.has('rescue') || s.has('catch') || s.has('after')) {
    // `def f do … rescue … end` is sugar for a try around the body.
    body = tryForm({ args: [], kw: [], sections: [] }, new Map([...s, ['do', [{ kind: 'block', exprs: [body] }]]]), pos);
  }
  return { kind: 'def', pos, private: isPrivate, name, clause: { pos, params, guard, body }, defaults };
}
