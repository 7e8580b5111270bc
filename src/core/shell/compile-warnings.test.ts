/** Compile warnings as iex 1.14 prints them (texts from real iex, see golden 06 and 07). */
import { describe, expect, it } from 'vitest';
import { parse } from '../lang/parser.ts';
import type { Expr } from '../lang/ast.ts';
import { SeededRandom, SimulatedClock } from '../ports.ts';
import { createElixirNode } from '../elixir-node.ts';
import { standardModules } from '../lang/standard-modules.ts';
import { iexHelpersModule } from './helpers.ts';
import { createElixirShell } from './elixir-shell.ts';
import { bareVariableWarning, redefinitionWarnings } from './compile-warnings.ts';

const ast = (src: string): Expr => {
  const r = parse(src);
  if (!r.ok) throw new Error(r.error.message);
  return r.expr;
};

/** Types each line into a fresh shell, letting the node run; the screen text, right-trimmed. */
function session(...lines: string[]): string {
  const clock = new SimulatedClock();
  let out = '';
  const write = (t: string) => (out += t);
  const elixir = createElixirNode({ clock, random: new SeededRandom(1), stdout: write, modules: [...standardModules, iexHelpersModule] });
  const shell = createElixirShell(elixir, { write, echo: true });
  elixir.node.runUntilIdle();
  for (const l of lines) {
    shell.input(l);
    elixir.node.runUntilIdle();
  }
  return out.replace(/ +$/gm, '');
}

const VAR_WARNING = (name: string, line: number) =>
  `warning: variable "${name}" does not exist and is being expanded to "${name}()", please use parentheses to remove the ambiguity or change the variable name\n  iex:${line}\n\n`;

describe('compile warnings', () => {
  it('names a redefined top-level module with its line', () => {
    const e = ast('defmodule A do\nend\ndefmodule B do\nend');
    expect(redefinitionWarnings(e, 15, (m) => m === 'Elixir.B')).toBe('warning: redefining module B (current version defined in memory)\n  iex:17\n\n');
    expect(redefinitionWarnings(e, 15, () => false)).toBe('');
  });

  it('warns about a bare word only when the undefined function is that word', () => {
    const err = '** (CompileError) undefined function undefined_var/0 (there is no such import)';
    expect(bareVariableWarning(ast('undefined_var'), err, 2)).toBe(VAR_WARNING('undefined_var', 2));
    expect(bareVariableWarning(ast('undefined_var()'), err, 2)).toBe('');
    expect(bareVariableWarning(ast('x'), '** (CompileError) undefined function f/1 (there is no such import)', 2)).toBe('');
  });

  it('the shell prints them before the result or the error', () => {
    const out = session('defmodule M do def f, do: 1 end', 'defmodule M do def f, do: 2 end', 'M.f()', 'nope');
    expect(out).toContain('iex(2)> defmodule M do def f, do: 2 end\nwarning: redefining module M (current version defined in memory)\n  iex:2\n\n{:module, M,');
    expect(out).toContain('iex(3)> M.f()\n2\n');
    expect(out).toContain(`iex(4)> nope\n${VAR_WARNING('nope', 4)}** (CompileError) iex:4: undefined function nope/0 (there is no such import)\n\n`);
  });
});
