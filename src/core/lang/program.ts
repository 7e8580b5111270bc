/**
 * Entry points of the compiler: a whole program (prelude source, a script) or one shell input
 * evaluated with the shell's bindings. Both compile to an FnCode run at the bottom of a machine's
 * frame stack; the shell's bindings are slots of that frame, so after the run the new bindings
 * are read straight from the machine.
 */
import type { Term } from '../term/types.ts';
import type { BifResolver } from './builtins.ts';
import type { Expr } from './ast.ts';
import { FnBuilder, type Scope } from './env.ts';
import { compileExpr, emitReturn } from './compiler.ts';
import type { FnCode, SourceInfo } from './vm-code.ts';
import type { Machine } from './vm.ts';

export function compileProgram(ast: Expr, bifs: BifResolver, name = 'expr'): FnCode {
  return compileShellExpr(ast, [], bifs, name).code;
}

export interface ShellCode {
  readonly code: FnCode;
  /** Every variable bound after the expression, with the slot holding its value. */
  readonly bindings: ReadonlyMap<string, number>;
  /** The names given as input bindings, in the order their values must be passed. */
  readonly inputs: readonly string[];
}

/**
 * Compiles one shell expression. `bindings` are the names already bound in the shell; pass their
 * values, in the same order, as the machine's start arguments (`machine.start(code, values)`).
 * `bifs` are the built-ins of the node that will run the code (calls to them compile to direct
 * calls, so code compiled for one node is run only where the same built-ins resolve). `src` says
 * where the code came from, for stacktraces (`{file: 'iex', line0: counter - 1}` at the prompt). Throws a
 * CompileError (env.ts) for code Elixir rejects at compile time.
 */
export function compileShellExpr(ast: Expr, bindings: readonly string[], bifs: BifResolver, name = 'expr', src?: SourceInfo): ShellCode {
  const fb = new FnBuilder('erl_eval', name, bindings.length, null, null, bifs, src);
  const scope: Scope = new Map();
  bindings.forEach((n, i) => scope.set(n, i));
  const ctx = { fb, scope };
  // Not compiled in tail position: a tail call would reuse the frame that holds the bindings.
  const ev = compileExpr(ast, ctx);
  emitReturn(ev, ctx, ast.pos);
  return { code: fb.code, bindings: scope, inputs: bindings };
}

/** After a successful run: the shell's new bindings (name → value). */
export function readBindings(shell: ShellCode, m: Machine): Map<string, Term> {
  const out = new Map<string, Term>();
  for (const [n, s] of shell.bindings) if (!n.startsWith('&')) out.set(n, m.slot(s));
  return out;
}
