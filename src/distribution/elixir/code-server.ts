/**
 * The node's code server for `nl/1`: a built-in process registered as `:playground_code_server`
 * that loads modules sent by other nodes. iex's `nl/1` ships a module's BEAM file and calls
 * `:code.load_binary` on each node by rpc; a playground module has no BEAM file, so its
 * `defmodule` form travels instead, as a term (ast-terms.ts), and is compiled again here (no
 * eval). The request is `{:load, source, reply_to, ref}`, the reply `{ref, {:module, Mod}}` or
 * `{ref, {:error, reason}}`, as `:code.load_binary` answers.
 */
import { atom, tuple, type Atom, type Term } from '../../core/term/types.ts';
import { termToAst } from '../../core/lang/ast-terms.ts';
import type { Expr } from '../../core/lang/ast.ts';
import { NO_PROCESS } from '../../core/lang/fun-transfer.ts';
import { compileShellExpr } from '../../core/lang/program.ts';
import type { LangRuntime } from '../../core/lang/vm-node.ts';
import { loopBody } from '../../core/runtime/bodies.ts';
import type { Node } from '../../core/runtime/node.ts';

export const CODE_SERVER = atom('playground_code_server');
const LOAD = atom('load');
const MODULE = atom('module');
const ERROR = atom('error');
const BADFILE = atom('badfile');

/** Compiles and loads a `defmodule` form sent as a term; the reply `:code.load_binary` gives. */
export function loadModuleSource(source: Term, lang: LangRuntime): Term {
  let ast: Expr;
  try {
    ast = termToAst(source) as Expr;
  } catch {
    return tuple(ERROR, BADFILE);
  }
  if (ast === null || typeof ast !== 'object' || ast.kind !== 'defmodule') return tuple(ERROR, BADFILE);
  try {
    const m = lang.machine();
    m.start(compileShellExpr(ast, [], lang.builtins).code, []);
    // Defining a module only evaluates its attributes: no process, bounded work.
    const r = m.run(NO_PROCESS, Infinity);
    if (r.type !== 'done') return tuple(ERROR, BADFILE);
  } catch {
    return tuple(ERROR, BADFILE);
  }
  // As the compiler names it: `Elixir.` + the alias unless already there.
  const name: Atom = atom(ast.name.startsWith('Elixir.') ? ast.name : `Elixir.${ast.name}`);
  return tuple(MODULE, name);
}

/** Spawns and registers the code server of `node` (a system process, as BEAM's code_server). */
export function startCodeServer(node: Node, lang: LangRuntime): void {
  if (node.whereis(CODE_SERVER) !== undefined) return;
  const body = loopBody(null, (msg, state: null, proc) => {
    if (typeof msg !== 'object' || msg.kind !== 'tuple' || msg.elements.length !== 4 || msg.elements[0] !== LOAD) return state;
    const [, source, replyTo, ref] = msg.elements as [Term, Term, Term, Term];
    if (typeof replyTo !== 'object' || replyTo.kind !== 'pid') return state;
    proc.send(replyTo, tuple(ref, loadModuleSource(source, lang)));
    return state;
  }, ['code_server', 'loop', 1]);
  const pid = node.spawn(body, { system: true, initialCall: ['code_server', 'init', 1] });
  node.register(CODE_SERVER, pid);
}
