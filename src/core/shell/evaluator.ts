/**
 * What the shell needs from the language layer, as an interface so the shell's line handling,
 * prompts and restarts are independent of how the VM runs code.
 */
import type { ProcessApi } from '../runtime/process-api.ts';
import type { Term } from '../term/types.ts';

/** One expression being evaluated inside the shell process; runs in slices like any body. */
export interface EvalTask {
  run(proc: ProcessApi, budget: number): EvalStep;
  /** End the current run soon (ProcessBody.interrupt). */
  interrupt?(): void;
}

export type EvalStep =
  | { readonly type: 'yield'; readonly reductions: number }
  | { readonly type: 'wait'; readonly reductions: number }
  /** Evaluated: the value to print. The evaluator keeps the new bindings itself. */
  | { readonly type: 'value'; readonly reductions: number; readonly value: Term; readonly text?: string }
  /** Raised, threw or exited: `text` is what iex prints (`** (MatchError) ...`). */
  | { readonly type: 'raised'; readonly reductions: number; readonly text: string };

export type ParseOutcome =
  | { readonly type: 'complete'; readonly task: (proc: ProcessApi) => EvalTask }
  | { readonly type: 'incomplete' }
  /** A syntax error: the text iex prints (`** (SyntaxError) iex:1:5: ...`). */
  | { readonly type: 'error'; readonly text: string };

/** A shell's language: parses what was typed (counter = line number for error positions). */
export interface ShellLanguage {
  /** Parse `source` (all lines typed for this expression); bindings persist inside the language. */
  prepare(source: string, counter: number): ParseOutcome;
  /** Forget all bindings (the shell process restarted). */
  reset(): void;
  /** How results are printed (inspect with the node's PID numbering, 80 columns). */
  inspect(value: Term): string;
  /**
   * iex's words for the shell's exit reason (`an exception was raised: ...`), worded with the
   * node's module table; without it, the shell words it alone.
   */
  exitText?(reason: Term): string;
}
