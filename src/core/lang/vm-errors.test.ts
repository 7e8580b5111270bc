/** Error texts, checked against real iex 1.14 output (see the strings captured in the comments). */
import { describe, expect, it } from 'vitest';
import { run, langNode, evalText, spawnEval } from './vm-test-helpers.ts';
import { inspect } from '../term/inspect.ts';
import { advanceAndRun } from '../runtime/testing.ts';

describe('errors as iex prints them', () => {
  it.each([
    ['x = 1; 2 = x', '** (MatchError) no match of right hand side value: 1'],
    ['1 / 0', '** (ArithmeticError) bad argument in arithmetic expression: 1 / 0\n    :erlang./(1, 0)'],
    ['div(1, 0)', '** (ArithmeticError) bad argument in arithmetic expression: div(1, 0)\n    :erlang.div(1, 0)'],
    ['m = %{a: 1}; m.b', '** (KeyError) key :b not found in: %{a: 1}'],
    ['m = %{a: 1}; %{m | b: 2}', '** (KeyError) key :b not found in: %{a: 1}'],
    ['throw :x', '** (throw) :x'],
    ['exit(:bye)', '** (exit) :bye'],
    ['exit({:shutdown, 1})', '** (exit) shutdown: 1'],
    ['raise "boom"', '** (RuntimeError) boom'],
    ['raise ArgumentError', '** (ArgumentError) argument error'],
    ['raise ArgumentError, "bad"', '** (ArgumentError) bad'],
    ['raise ArgumentError, message: "bad2"', '** (ArgumentError) bad2'],
    ['f = fn x -> x end; f.(1, 2)', '** (BadArityError) #Function<42.3316493/1 in :erl_eval.expr/6> with arity 1 called with 2 arguments (1, 2)'],
    ['x = 1; x.(1)', '** (BadFunctionError) expected a function, got: 1'],
    ['case 3 do 1 -> 1 end', '** (CaseClauseError) no case clause matching: 3'],
    ['cond do false -> 1 end', '** (CondClauseError) no cond clause evaluated to a truthy value'],
    ['with {:ok, x} <- {:ok, 1}, 2 <- x do x else :foo -> 1 end', '** (WithClauseError) no with clause matching: 1'],
    ['"a#{{1, 2}}"', '** (Protocol.UndefinedError) protocol String.Chars not implemented for {1, 2} of type Tuple'],
    ['Foo.bar()', '** (UndefinedFunctionError) function Foo.bar/0 is undefined (module Foo is not available)'],
    ['hd([])', '** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a nonempty list\n\n    :erlang.hd([])'],
    [':erlang.atom_to_binary("x")', '** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not an atom\n\n    :erlang.atom_to_binary("x")'],
    ['Integer.pow(2, -1)', '** (ArithmeticError) bad argument in arithmetic expression'],
    ['raise %{__struct__: ArgumentError, __exception__: true, message: "x"}', '** (ArgumentError) x'],
  ])('%s', (src, expected) => {
    expect(run(src)).toBe(expected);
  });

  it.each([
    // The BIF or function that raised is the top of the stacktrace, as on BEAM.
    ['hd([])', '{:erlang, :hd, [[]], []}'],
    ['Map.fetch!(%{a: 1}, :b)', "{Map, :fetch!, 2, [file: 'lib/map.ex']}"],
    ['send(:nobody, :x)', '{:erlang, :send, [:nobody, :x], []}'],
    ['m = %{a: 1}; %{m | c: 3}', '{:maps, :update, [:c, 3, %{a: 1}], []}'],
    // An undefined function with its arguments (iex prints `Foo.bar()`).
    ['Foo.bar()', '{Foo, :bar, [], []}'],
    ['Foo.bar(1, 2)', '{Foo, :bar, [1, 2], []}'],
    ['apply(Foo, :bar, [])', '{Foo, :bar, [], []}'],
    ['List.flatten(:a)', "{:lists, :flatten, [:a], [file: 'lists.erl']}"],
    // Deliberate raises and a failed match: the frame of the code that raised (typed code runs
    // in erl_eval on BEAM: a spawned fun that raises is at do_apply's line 742), with Elixir's
    // error_info for a raised exception.
    ['raise "boom"', "{:erl_eval, :do_apply, 7, [file: 'erl_eval.erl', line: 742, error_info: %{module: Exception}]}"],
    ['throw :x', "{:erl_eval, :do_apply, 7, [file: 'erl_eval.erl', line: 742]}"],
    [':erlang.error(:x)', "{:erl_eval, :do_apply, 7, [file: 'erl_eval.erl', line: 742]}"],
    ['1 = 2', "{:erl_eval, :do_apply, 7, [file: 'erl_eval.erl', line: 742]}"],
  ])('stacktrace top of %s', (src, top) => {
    const t = langNode();
    const ev = spawnEval(t, src);
    advanceAndRun(t.clock, 10, t.node);
    const r = ev.result;
    if (r?.type !== 'error') throw new Error(`no error: ${r?.type}`);
    const stack = r.stack;
    expect(typeof stack === 'object' && stack.kind === 'cons' ? inspect(stack.head) : '').toBe(top);
  });

  it('a BIF standing for String.upcase/2 lists its arguments and the attempted clauses (as iex)', () => {
    expect(run('String.upcase(1)').replace(/ +$/gm, '')).toBe(
      [
        '** (FunctionClauseError) no function clause matching in String.upcase/2',
        '',
        '    The following arguments were given to String.upcase/2:',
        '',
        '        # 1',
        '        1',
        '',
        '        # 2',
        '        :default',
        '',
        '    Attempted function clauses (showing 4 out of 4):',
        '',
        '        def upcase(-""-, _mode)',
        '        def upcase(string, :default) when -is_binary(string)-',
        '        def upcase(string, -:ascii-) when -is_binary(string)-',
        '        def upcase(string, mode) when -is_binary(string)- and -mode === :greek- or -mode === :turkic-',
        '',
      ].join('\n'),
    );
    expect(run('try do String.downcase(:x) rescue e -> {e.arity, e.args} end')).toBe('{2, [:x, :default]}');
  });

  it('FunctionClauseError with the arguments block, and undefined/private functions', () => {
    const t = langNode();
    evalText(t, 'defmodule C do\n def f(1), do: 1\n defp g(x), do: x\n def h(x), do: g(x)\nend');
    expect(evalText(t, 'C.f(2)')).toBe(
      '** (FunctionClauseError) no function clause matching in C.f/1    \n    \n    The following arguments were given to C.f/1:\n    \n        # 1\n        2\n    ',
    );
    expect(evalText(t, 'C.g(1)')).toBe('** (UndefinedFunctionError) function C.g/1 is undefined or private');
    expect(evalText(t, 'C.nope()')).toBe('** (UndefinedFunctionError) function C.nope/0 is undefined or private');
    expect(evalText(t, 'C.h(5)')).toBe('5');
  });

  it('crash reports of spawned processes, and the shell survives', () => {
    const t = langNode();
    evalText(t, 'spawn(fn -> raise "boom" end)');
    evalText(t, 'spawn(fn -> throw :x end)');
    evalText(t, 'spawn(fn -> 1 = 2 end)');
    evalText(t, 'spawn(fn -> 1 / 0 end)');
    evalText(t, 'spawn(fn -> exit(:bye) end)');
    advanceAndRun(t.clock, 10, t.node);
    const text = t.out.join('');
    expect(text).toContain('[error] Process #PID<0.');
    expect(text).toContain('raised an exception\n** (RuntimeError) boom\n');
    expect(text).toContain('** (ErlangError) Erlang error: {:nocatch, :x}\n');
    expect(text).toContain('** (MatchError) no match of right hand side value: 2\n');
    expect(text).toContain('** (ArithmeticError) bad argument in arithmetic expression\n    :erlang./(1, 0)\n');
    expect(text).not.toContain('bye');
    expect(evalText(t, '1 + 1')).toBe('2');
  });
});
