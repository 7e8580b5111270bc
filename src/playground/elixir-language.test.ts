/** The Elixir shell adapter: what iex prints around results and errors (checked against real iex 1.14). */
import { describe, expect, it } from 'vitest';
import { transcriptOf } from './transcript.ts';

const session = (...lines: string[]) => transcriptOf(lines).replace(/ +$/gm, '');

describe('the Elixir shell language', () => {
  it('a blank line stands for an empty stacktrace; a BIF that raised is a stack line instead', () => {
    // iex: `2 = x` has no frames left after pruning the evaluator's (blank line);
    // `hd([])` shows `    :erlang.hd([])`, `Foo.bar()` shows `    Foo.bar()` (no blank line).
    expect(session('x = 1', '2 = x', 'hd([])', 'Foo.bar()', 'Map.fetch!(%{a: 1}, :b)', 'raise "boom"', ':ok')).toBe(
      'iex(1)> x = 1\n1\n' +
        'iex(2)> 2 = x\n** (MatchError) no match of right hand side value: 1\n\n' +
        'iex(2)> hd([])\n** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a nonempty list\n\n    :erlang.hd([])\n' +
        'iex(2)> Foo.bar()\n** (UndefinedFunctionError) function Foo.bar/0 is undefined (module Foo is not available)\n    Foo.bar()\n' +
        // iex: `    (elixir 1.14.0) lib/map.ex:293: Map.fetch!/2` (our Map is not Elixir's file).
        'iex(2)> Map.fetch!(%{a: 1}, :b)\n** (KeyError) key :b not found in: %{a: 1}\n    (elixir 1.14.0) lib/map.ex: Map.fetch!/2\n' +
        'iex(2)> raise "boom"\n** (RuntimeError) boom\n\n' +
        'iex(2)> :ok\n:ok\n',
    );
  });

  it("the call of a function a module lacks names the module's application when Elixir or OTP has the module", () => {
    // Real iex 1.14 (`:application.get_application/1` of the module): Elixir's and stdlib's
    // modules print their app, a module typed at the prompt or nobody's prints none.
    const out = session('Kernel.apply(String, :nope, [1])', ':lists.revers([1])', 'defmodule M do\n def a, do: 1\nend', 'M.b()', 'Foo.bar()', 'spawn(fn -> String.nope(2) end); Process.sleep(10)');
    expect(out).toContain('iex(1)> Kernel.apply(String, :nope, [1])\n** (UndefinedFunctionError) function String.nope/1 is undefined or private\n    (elixir 1.14.0) String.nope(1)\niex(1)> ');
    expect(out).toContain(
      'iex(1)> :lists.revers([1])\n** (UndefinedFunctionError) function :lists.revers/1 is undefined or private. Did you mean:\n\n      * reverse/1\n      * reverse/2\n\n    (stdlib 4.2) :lists.revers([1])\niex(1)> ',
    );
    expect(out).toContain('iex(2)> M.b()\n** (UndefinedFunctionError) function M.b/0 is undefined or private\n    M.b()\niex(2)> ');
    expect(out).toContain('iex(2)> Foo.bar()\n** (UndefinedFunctionError) function Foo.bar/0 is undefined (module Foo is not available)\n    Foo.bar()\niex(2)> ');
    // A crash report: no hint, the app as at the prompt, and no erl_eval frame under a tail call.
    expect(out).toMatch(/\[error\] Process #PID<[\d.]+> raised an exception\n\*\* \(UndefinedFunctionError\) function String\.nope\/1 is undefined or private\n {4}\(elixir 1\.14\.0\) String\.nope\(2\)\n:ok\n$/);
  });

  it("a task's crash report names Elixir's Task.Supervised.invoke_mfa/2 under the error, not our own function", () => {
    // Real iex 1.14: `    (elixir 1.14.0) lib/task/supervised.ex:89: Task.Supervised.invoke_mfa/2` (our line differs).
    const out = session('Task.start(fn -> Foo.bar() end); Process.sleep(10)');
    expect(out).toMatch(/\n {4}Foo\.bar\(\)\n {4}\(elixir 1\.14\.0\) lib\/task\/supervised\.ex:\d+: Task\.Supervised\.invoke_mfa\/2\nFunction: #Function</);
  });

  it('a function clause error of a fun has its blank line after the arguments', () => {
    const out = session('f = fn :a -> 1 end', 'f.(:b)');
    expect(out).toContain('        # 1\n        :b\n\n');
  });
});
