/**
 * The shell process: a long-lived process (so `self()` is the same pid from one expression to
 * the next) that evaluates what the shell sends it. As IEx's evaluator does, it takes eval
 * requests from its own mailbox with a selective receive for `{:"$iex_eval", ref}`, so the
 * user's messages stay in the mailbox for `receive` and `flush()`.
 */
import { atom, Tuple, type Ref, type Term } from '../term/types.ts';
import type { ProcessApi } from '../runtime/process-api.ts';
import type { ProcessBody, RunResult } from '../runtime/process-body.ts';
import type { EvalStep, EvalTask } from './evaluator.ts';

export const EVAL_TAG = atom('$iex_eval');

export function evalRequest(ref: Ref): Tuple {
  return new Tuple([EVAL_TAG, ref]);
}

/** The page asking the shell process to evaluate what was typed: the tool's plumbing, not the class's message. */
export function isEvalRequest(msg: Term): msg is Tuple {
  return typeof msg === 'object' && msg.kind === 'tuple' && msg.elements.length === 2 && msg.elements[0] === EVAL_TAG;
}

export interface ShellHost {
  /** The task registered under `ref` (made when the request was sent). */
  takeTask(ref: Ref): ((proc: ProcessApi) => EvalTask) | undefined;
  /** The expression finished: print its value or error. */
  finished(step: Extract<EvalStep, { type: 'value' | 'raised' }>): void;
}

export class ShellProcessBody implements ProcessBody {
  private current: EvalTask | null = null;
  private receiving = false;

  constructor(private readonly host: ShellHost) {}

  run(proc: ProcessApi, budget: number): RunResult {
    let used = 0;
    while (used < budget) {
      if (this.current === null) {
        const task = this.nextTask(proc);
        if (task === null) return { type: 'wait', reductions: used };
        this.current = task;
      }
      const step = this.current.run(proc, budget - used);
      used += step.reductions;
      if (step.type === 'yield' || step.type === 'wait') return { type: step.type, reductions: used };
      this.current = null;
      this.host.finished(step);
      used += 1;
    }
    return { type: 'yield', reductions: used };
  }

  currentFunction(): readonly [string, string, number] {
    return ['Elixir.IEx.Evaluator', 'loop', 1];
  }

  interrupt(): void {
    this.current?.interrupt?.();
  }

  /** Selective receive for the next eval request; null when none is there yet. */
  private nextTask(proc: ProcessApi): EvalTask | null {
    if (!this.receiving) {
      proc.beginReceive(null);
      this.receiving = true;
    }
    for (let msg = proc.nextMessage(); msg !== undefined; msg = proc.nextMessage()) {
      if (!isEvalRequest(msg)) continue;
      proc.takeMessage();
      this.receiving = false;
      const make = this.host.takeTask(msg.elements[1] as Ref);
      if (make !== undefined) return make(proc);
      proc.beginReceive(null); // a stale request (from before a restart): keep looking
      this.receiving = true;
    }
    return null;
  }
}
