// erl_eval closures built from terms (as a peer could send them): what is translated, and what a
// hostile or unsupported form gives (a fun that raises, never a crash or a hung tab).
import { describe, expect, it } from 'vitest';
import { atom, list, NIL, Tuple, tuple, type Term } from '../../term/types.ts';
import { mapFromPairs } from '../../term/map.ts';
import { inspect } from '../../term/inspect.ts';
import { advanceAndRun } from '../../runtime/testing.ts';
import { langNode, resultText, spawnEval } from '../vm-test-helpers.ts';
import { erlEvalEnv, erlEvalFunFromWire, MAX_BINDINGS } from './erl-eval-fun.ts';
import { MAX_DEPTH, MAX_NODES } from './to-elixir.ts';

const A = atom;
const v = (n: string): Tuple => tuple(A('var'), 1, A(n));
const int = (n: number): Tuple => tuple(A('integer'), 1, n);
const op = (o: string, l: Term, r: Term): Tuple => tuple(A('op'), 1, A(o), l, r);
const clause = (params: Term[], body: Term[], guards: Term[][] = []): Tuple => tuple(A('clause'), 1, list(params), list(guards.map((g) => list(g))), list(body));
const env = (bindings: [string, Term][], clauses: Term[]): Tuple =>
  tuple(1, mapFromPairs(bindings.map(([k, x]) => [A(k), x] as const)), A('none'), A('none'), mapFromPairs([]), list(clauses));

function call(e: Tuple, arity: number, args: Term[]): string {
  const t = langNode();
  const fun = erlEvalFunFromWire(e.elements, arity, t.rt);
  const ev = spawnEval(t, 'apply(f, args)', new Map<string, Term>([['f', fun], ['args', list(args)]]));
  advanceAndRun(t.clock, 1_000, t.node);
  return resultText(ev);
}

describe('erl_eval funs', () => {
  it('recognises only the 6- or 7-tuple environment of erl_eval', () => {
    expect(erlEvalEnv([env([], [])])).not.toBeNull();
    expect(erlEvalEnv([1, 2, 3])).toBeNull();
    expect(erlEvalEnv([tuple(1, 2)])).toBeNull();
  });

  it('runs clauses over their bindings; a bound variable in a pattern matches', () => {
    const e = env([['X', 5]], [clause([v('X')], [tuple(A('atom'), 1, A('same'))]), clause([v('Y')], [op('+', v('X'), v('Y'))])]);
    expect(call(e, 1, [5])).toBe(':same');
    expect(call(e, 1, [2])).toBe('7');
  });

  it('an error in one guard alternative does not fail the others (Erlang ;)', () => {
    const hd = tuple(A('call'), 1, tuple(A('atom'), 1, A('hd')), list([v('L')]));
    const e = env([], [clause([v('L')], [tuple(A('atom'), 1, A('yes'))], [[op('==', hd, int(1))], [op('==', v('L'), int(7))]]), clause([v('_')], [tuple(A('atom'), 1, A('no'))])]);
    expect(call(e, 1, [7])).toBe(':yes');
    expect(call(e, 1, [list([1])])).toBe(':yes');
    expect(call(e, 1, [3])).toBe(':no');
  });

  it('a call to a missing function is BEAM\'s UndefinedFunctionError', () => {
    const c = tuple(A('call'), 1, tuple(A('remote'), 1, tuple(A('atom'), 1, A('Elixir.NoSuch')), tuple(A('atom'), 1, A('thing'))), list([int(1)]));
    expect(call(env([], [clause([], [c])]), 0, [])).toContain('** (UndefinedFunctionError) function NoSuch.thing/1 is undefined (module NoSuch is not available)');
  });

  it('an unsupported form gives a fun that raises why, with the right arity', () => {
    const lc = tuple(A('lc'), 1, int(1), NIL);
    const t = langNode();
    const fun = erlEvalFunFromWire(env([], [clause([v('X')], [lc])]).elements, 1, t.rt);
    expect(fun.arity).toBe(1);
    expect(call(env([], [clause([v('X')], [lc])]), 1, [1])).toContain('{:unsupported_fun, "unsupported expression in an erl_eval fun: lc"}');
  });

  it('bounds nesting and size of a hostile fun', () => {
    let deep: Term = int(1);
    for (let i = 0; i < MAX_DEPTH * 3; i++) deep = op('+', deep, int(1));
    expect(call(env([], [clause([], [deep])]), 0, [])).toContain(`nests deeper than ${MAX_DEPTH}`);
    const wide = tuple(A('tuple'), 1, list(Array.from({ length: MAX_NODES + 1 }, () => int(1))));
    expect(call(env([], [clause([], [wide])]), 0, [])).toContain(`more than ${MAX_NODES} forms`);
    const many = Array.from({ length: MAX_BINDINGS + 1 }, (_, i) => [`X${i}`, i] as [string, Term]);
    expect(call(env(many, [clause([], [int(1)])]), 0, [])).toContain(`more than ${MAX_BINDINGS} bindings`);
  });

  it('prints as a closure of erl_eval', () => {
    const t = langNode();
    const fun = erlEvalFunFromWire(env([], [clause([], [int(1)])]).elements, 0, t.rt);
    expect(inspect(fun)).toMatch(/^#Function<.* in :erl_eval/);
  });
});
