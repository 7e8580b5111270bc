/**
 * Which functions of a module never return, as OTP 25's compiler infers it: every clause ends in
 * (or passes through) `:erlang.error/1,2`, `throw/1`, `exit/1`, `raise/2` (Elixir expands it to
 * `:erlang.error/1`), or a local call to such a function. BEAM turns a call to one of them into a
 * jump, so the caller leaves no frame in a stacktrace: `two/1` calling a `defp inner` that always
 * raises shows only `inner/1` (captured from real iex). `raise "msg"` (`:erlang.error/3`) is not
 * one: real traces keep the caller of a function that ends in it.
 */
import type { Clause, Expr } from './ast.ts';

const EXITS: ReadonlySet<string> = new Set(['throw/1', 'exit/1']);
const ERLANG_EXITS: ReadonlySet<string> = new Set(['error/1', 'error/2', 'throw/1', 'exit/1']);

/** Does evaluating `e` surely end in an exception (`never`: the module's no-return functions so far)? */
function neverReturns(e: Expr, never: ReadonlySet<string>): boolean {
  switch (e.kind) {
    case 'block':
      // Code after a call that never returns is dead: the block never returns either.
      return e.exprs.some((x) => neverReturns(x, never));
    case 'match':
      return neverReturns(e.value, never);
    case 'call': {
      const key = `${e.name}/${e.args.length}`;
      return (e.name === 'raise' && e.args.length === 2) || EXITS.has(key) || never.has(key);
    }
    case 'remote':
      return e.module.kind === 'atom' && e.module.name === 'erlang' && ERLANG_EXITS.has(`${e.name}/${e.args.length}`);
    default:
      return false;
  }
}

/**
 * The `name/arity` of every function of the module that never returns. A greatest fixpoint, as
 * BEAM's type pass starts recursive functions at "returns nothing": `down(0)` raising and
 * `down(n)` calling `down(n - 1)` never returns.
 */
export function noReturnFunctions(defs: Iterable<{ readonly key: string; readonly clauses: readonly Clause[] }>): Set<string> {
  const all = [...defs].filter((d) => d.clauses.length > 0);
  const never = new Set(all.map((d) => d.key));
  for (let changed = true; changed; ) {
    changed = false;
    for (const d of all) {
      if (never.has(d.key) && !d.clauses.every((c) => neverReturns(c.body, never))) {
        never.delete(d.key);
        changed = true;
      }
    }
  }
  return never;
}
