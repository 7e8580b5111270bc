/**
 * The one interface behind which every process body runs: the shell's VM and the built-in
 * processes written in TypeScript (group leader, I/O server, later net_kernel and :global).
 *
 * The scheduler calls `run(proc, budget)`. The body does work worth at most `budget` reductions
 * (about one per function call, more for built-ins) and returns why it stopped. It never blocks:
 * a `receive` that finds no matching message returns `{ type: 'wait' }`, and the scheduler runs
 * the body again when a message arrives or the receive timer fires.
 *
 * Selective receive, seen from a body (see ProcessApi):
 *   1. on entering a receive: `proc.beginReceive(timeoutMs | null)` (null = :infinity; 0 polls);
 *   2. `proc.nextMessage()` returns the next message not yet looked at by this receive (in
 *      arrival order), or undefined when all have been looked at; messages are scanned once
 *      (a save pointer), so a receive that waits through a long mailbox stays linear;
 *   3. when one matches: `proc.takeMessage()` removes the message last returned by nextMessage
 *      and ends the receive;
 *   4. when none matches: if `proc.receiveTimedOut()` run the `after` branch and call
 *      `proc.endReceive()`, else return `{ type: 'wait' }`.
 * Resuming after a wait, a body may call `beginReceive` again: while a receive is in progress it
 * is a no-op (the save pointer and the `after` timer are kept), so either style works.
 */
import type { Term } from '../term/types.ts';

export type RunResult =
  /** Budget used up; still runnable. */
  | { readonly type: 'yield'; readonly reductions: number }
  /** Blocked in a receive (or sleeping): run again on a new message or when the timer fires. */
  | { readonly type: 'wait'; readonly reductions: number }
  /** The process ends with this reason (`normal` included). */
  | { readonly type: 'exit'; readonly reductions: number; readonly reason: Term; readonly crash?: CrashInfo };

/**
 * Set on an `exit` result when the process dies of an uncaught exception of class error or
 * throw (not `exit/1`: BEAM logs nothing for those): the node then prints a crash report,
 * `[error] Process #PID<0.115.0> raised an exception` followed by `formatCrash(crash)`.
 */
export interface CrashInfo {
  readonly kind: 'error' | 'throw';
  /** The raised term (an exception struct for Elixir raises) or the thrown value. */
  readonly value: Term;
  /** The language layer's stacktrace, passed through untouched to its formatter. */
  readonly stacktrace?: unknown;
}

export interface ProcessBody {
  run(proc: import('./process-api.ts').ProcessApi, budget: number): RunResult;
  /**
   * The running process was just suspended (it sent on a busy connection, busy-dist.ts): end
   * this run as soon as possible, with a `yield` or `wait` (the work done so far stands).
   * Bodies without it finish their run as usual before being suspended.
   */
  interrupt?(): void;
  /** What Process.info reports as current_function: {module, function, arity}. */
  currentFunction?(): readonly [string, string, number] | undefined;
  /** What Process.info reports as current_stacktrace (a list of `{m, f, a, location}`). */
  currentStacktrace?(): Term;
}
