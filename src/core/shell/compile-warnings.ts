/**
 * Warnings iex prints while compiling what was typed, before the result or error. Our compiler
 * does not emit warnings, so the shell adapter finds these two in the parsed expression:
 *
 *   warning: redefining module Math (current version defined in memory)
 *     iex:15
 *
 *   warning: variable "x" does not exist and is being expanded to "x()", please use parentheses ...
 *     iex:2
 *
 * (each followed by a blank line). Real iex writes them to stderr; here they go to the shell's
 * group leader like the rest of the session.
 */
import type { Expr, Pos } from '../lang/ast.ts';

const line = (counter: number, pos: Pos) => counter + pos.line - 1;

/** The warnings for top-level `defmodule`s of modules that are already loaded. */
export function redefinitionWarnings(expr: Expr, counter: number, loaded: (module: string) => boolean): string {
  const forms = expr.kind === 'block' ? expr.exprs : [expr];
  let text = '';
  for (const f of forms) {
    if (f.kind !== 'defmodule' || f.role?.kind === 'impl') continue; // an impl is named by its protocol and type
    const short = f.name.startsWith('Elixir.') ? f.name.slice(7) : f.name;
    if (loaded(`Elixir.${short}`)) {
      text += `warning: redefining module ${short} (current version defined in memory)\n  iex:${line(counter, f.pos)}\n\n`;
    }
  }
  return text;
}

/** `expr` preceded by printing `text` to standard error (so it shows before the result). */
export function printingFirst(expr: Expr, text: string): Expr {
  const pos = expr.pos;
  const write: Expr = {
    kind: 'remote', pos, module: { kind: 'alias', pos, name: 'IO' }, name: 'write',
    args: [{ kind: 'atom', pos, name: 'stderr' }, { kind: 'string', pos, parts: [text] }],
  };
  return { kind: 'block', pos, exprs: [write, expr] };
}

/**
 * For `undefined function name/0 (there is no such import)`: when `name` was written as a bare
 * word (a variable that does not exist), the warning iex prints before that error; else ''.
 */
export function bareVariableWarning(expr: Expr, errorText: string, counter: number): string {
  const m = /undefined function ([a-z_][\w]*[?!]?)\/0 \(there is no such import\)/.exec(errorText);
  if (m === null) return '';
  const name = m[1] as string;
  const pos = findVar(expr, name);
  if (pos === null) return '';
  return (
    `warning: variable "${name}" does not exist and is being expanded to "${name}()", please use parentheses ` +
    `to remove the ambiguity or change the variable name\n  iex:${line(counter, pos)}\n\n`
  );
}

/** The position of the first variable node named `name` in the tree. */
function findVar(node: unknown, name: string): Pos | null {
  if (Array.isArray(node)) {
    for (const x of node) {
      const p = findVar(x, name);
      if (p !== null) return p;
    }
    return null;
  }
  if (node === null || typeof node !== 'object') return null;
  const n = node as { kind?: string; name?: string; pos?: Pos };
  if (n.kind === 'var' && n.name === name && n.pos !== undefined) return n.pos;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'pos') continue;
    const p = findVar(v, name);
    if (p !== null) return p;
  }
  return null;
}
