/**
 * A closure as an erl_eval environment for a real BEAM node (from-elixir.ts). Apart from
 * fun-transfer.ts so that the Erlang abstract format is loaded only where a BEAM peer may be
 * (a page loads it on demand: ui/beam-links.ts).
 */
import type { Fun, Term } from '../../term/types.ts';
import type { Expr } from '../ast.ts';
import { qualifyLocalCalls } from '../fun-transfer.ts';
import { FnTemplate } from '../vm-code.ts';
import type { LangRuntime } from '../vm-node.ts';
import { erlEvalEnvOf } from './from-elixir.ts';

/** The erl_eval environment of `fun`, or null for funs we cannot ship. Throws ErlAbstractError for code with no Erlang form here. */
export function funToErlEval(fun: Fun, lang: LangRuntime): Term | null {
  const t = fun.code;
  if (!(t instanceof FnTemplate) || fun.info.type !== 'local') return null;
  const ast = (t.module === null ? t.ast : qualifyLocalCalls(t.ast, lang, t.module)) as Expr;
  if (ast.kind !== 'fn') return null;
  return erlEvalEnvOf(ast, t.captureNames, (fun.env ?? []) as readonly Term[]);
}
