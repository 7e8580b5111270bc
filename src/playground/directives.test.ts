// alias/import/require at the prompt and in modules (core/lang/directives.ts). What iex 1.14 prints for
// these inputs was taken from real iex (`iex < file`); core/lang/golden/53-directives.exs has the rest.
import { describe, expect, it } from 'vitest';
import { transcriptOf } from './transcript.ts';

/** What the session printed after each input, one string per input. */
const results = (...lines: string[]) =>
  transcriptOf(lines)
    .replace(/ +$/gm, '')
    .split(/^iex\(\d+\)> .*\n/m)
    .slice(1)
    .map((s) => s.trimEnd());

describe('lexical directives', () => {
  it('an expression that fails keeps none of its directives for the next prompt (iex: Bar stays Bar)', () => {
    const [, bar, , zed] = results('alias Foo.Bar; raise "x"', 'Bar', 'alias Foo.Zed; :ok', 'Zed');
    expect(bar).toBe('Bar');
    expect(zed).toBe('Foo.Zed');
  });

  it('a directive inside a fn is scoped to it', () => {
    expect(results('fn -> alias Foo.Zed; Zed end.()', 'Zed')).toEqual(['Foo.Zed', 'Zed']);
  });

  it('a module defined earlier in the same input can be imported (as Elixir expands in order)', () => {
    expect(results('defmodule M1 do def hi(x), do: x end; import M1; hi(2)').at(-1)).toBe('2');
  });

  it('rescue clauses see aliases', () => {
    const out = results('defmodule E1 do defexception message: "e1" end', 'alias E1, as: Mine', 'try do raise E1 rescue e in Mine -> {:caught, e.message} end');
    expect(out.at(-1)).toBe('{:caught, "e1"}');
  });

  it('module-level imports reach every def after them, not a sibling module', () => {
    const out = results('defmodule I1 do import List, only: [first: 1]; def a(xs), do: first(xs) end', 'I1.a([7])', 'defmodule I2 do def b(xs), do: first(xs) end');
    expect(out[1]).toBe('7');
    expect(out[2]).toBe(
      '** (CompileError) iex:3: undefined function first/1 (expected I2 to define such a function or for it to be imported, but none are available)\n' +
        '    (elixir 1.14.0) src/elixir_locals.erl:115: anonymous fn/4 in :elixir_locals.ensure_no_undefined_local/3\n' +
        '    (elixir 1.14.0) src/elixir_erl_compiler.erl:12: anonymous fn/2 in :elixir_erl_compiler.spawn/1',
    );
  });

  it('hostile arguments are CompileErrors in Elixir’s words, and the shell goes on', () => {
    expect(results('alias "x"', 'import 1', 'require 1.5', 'alias Foo.{1}', ':ok')).toEqual([
      '** (CompileError) iex:1: invalid argument for alias, expected a compile time atom or alias, got: "x"',
      '** (CompileError) iex:1: invalid argument for import, expected a compile time atom or alias, got: 1',
      '** (CompileError) iex:1: invalid argument for require, expected a compile time atom or alias, got: 1.5',
      '** (CompileError) iex:1: invalid argument for alias, expected a compile time atom or alias, got: 1',
      ':ok',
    ]);
  });

  it('Logger: the lazy form, {message, metadata} and :skip', () => {
    const out = results('require Logger', 'Logger.info(fn -> {"lazy", [a: 1]} end)', 'Logger.debug(fn -> :skip end)', 'Logger.error(["a", ?b, ["c"]])');
    expect(out[1]).toMatch(/^\n\d\d:\d\d:\d\d\.\d{3} \[info\] lazy\n:ok$/);
    expect(out[2]).toBe(':ok');
    expect(out[3]).toMatch(/\[error\] abc\n:ok$/);
  });
});
