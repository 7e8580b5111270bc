// Our fn AST → an erl_eval environment: its shape (what erl_eval's fun_data reads), and clear
// errors for what has no Erlang form here. (Real Elixir runs the output: beam-funs/to-real-node.test.ts.)
import { describe, expect, it } from 'vitest';
import { parse } from '../parser.ts';
import { inspect } from '../../term/inspect.ts';
import type { Expr } from '../ast.ts';
import { erlEvalEnvOf } from './from-elixir.ts';
import { erlEvalFn } from './erl-eval-fun.ts';
import { Tuple } from '../../term/types.ts';

function fnAst(src: string): Expr & { kind: 'fn' } {
  const r = parse(src);
  if (!r.ok || r.expr.kind !== 'fn') throw new Error(`not a fn: ${src}`);
  return r.expr;
}

describe('tab funs as Erlang abstract format', () => {
  it('binds captured variables under fresh Erlang names, as Elixir does (_x@N)', () => {
    const env = erlEvalEnvOf(fnAst('fn y -> x + y end'), ['x'], [5]);
    expect(inspect(env)).toBe(
      '{1, %{_x@1: 5}, :none, :none, %{}, [{:clause, 1, [{:var, 1, :_y@2}], [], [{:op, 1, :+, {:var, 1, :_x@1}, {:var, 1, :_y@2}}]}]}',
    );
  });

  it('reads back through the erl_eval translator (round trip of the forms)', () => {
    const env = erlEvalEnvOf(fnAst('fn {:ok, v} when v > 0 -> [v | [1]]; _ -> "no" end'), [], []) as Tuple;
    const back = erlEvalFn(env.elements, 1);
    expect(back.ast.clauses).toHaveLength(2);
    expect(back.names).toEqual([]);
  });

  it('names what cannot be sent', () => {
    expect(() => erlEvalEnvOf(fnAst('fn l -> for x <- l, into: %{}, do: {x, x} end'), [], [])).toThrow('a fun with for with into:, uniq: or reduce: cannot be sent to a BEAM node');
    expect(() => erlEvalEnvOf(fnAst('fn -> %URI{} end'), [], [])).toThrow('a fun with struct cannot be sent to a BEAM node');
  });

  it('bounds nesting', () => {
    const deep = `fn -> ${'['.repeat(500)}${']'.repeat(500)} end`;
    expect(() => erlEvalEnvOf(fnAst(deep), [], [])).toThrow('nests deeper than');
  });
});
