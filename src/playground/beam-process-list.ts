/**
 * A real BEAM node's whole process list, asked for from its card (issue 15 §2): a process of this
 * tab (not the shell, so the transcript stays the student's) runs
 * `:rpc.call(node, :erlang, :processes, [])`, and the answer comes back bounded to `limit` pids.
 */
import { atom, NIL, Pid, type Term } from '../core/term/types.ts';
import { listToArray } from '../core/term/list.ts';
import { inspect } from '../core/term/inspect.ts';
import type { ElixirNode } from '../core/elixir-node.ts';
import { callMachine, toRunResult } from '../core/lang/vm-node.ts';

export const LIST_LIMIT = 200;

export type ProcessListAnswer =
  | { readonly type: 'list'; readonly pids: readonly Pid[]; readonly total: number }
  /** `{:badrpc, reason}` or a crash, as inspect prints it. */
  | { readonly type: 'error'; readonly text: string };

export function askProcessList(en: ElixirNode, node: string, answer: (a: ProcessListAnswer) => void, limit = LIST_LIMIT): void {
  const m = callMachine(en.lang, atom('rpc'), atom('call'), [atom(node), atom('erlang'), atom('processes'), NIL]);
  en.node.spawn({
    run(proc, budget) {
      const r = m.run(proc, budget);
      if (r.type === 'done') answer(toAnswer(r.value, limit));
      else if (r.type === 'error') answer({ type: 'error', text: inspect(r.reason) });
      return r.type === 'error' ? { type: 'exit', reductions: r.reductions, reason: r.reason } : toRunResult(r);
    },
  });
}

function toAnswer(value: Term, limit: number): ProcessListAnswer {
  const list = listToArray(value);
  if (list.tail !== NIL || !list.items.every((p) => p instanceof Pid)) return { type: 'error', text: inspect(value) };
  return { type: 'list', pids: (list.items as Pid[]).slice(0, limit), total: list.items.length };
}
