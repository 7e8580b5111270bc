/**
 * Piped input (`printf 'x = 1\nx + 1\n' | npm run -s iex`), typed as iex takes it: each line as
 * soon as the shell is ready for input, while other processes may still run (a process in an
 * endless loop must not stop the session, as it does not in iex).
 *
 * Two bounded waits keep transcripts readable without ever hanging:
 *  - before typing a line, up to SETTLE_MS for the node to go idle, so the output of processes
 *    the previous line spawned comes before the next prompt when they finish promptly;
 *  - at the end of input, the last prompt is printed (as iex prints it, with no newline), then
 *    the terminal exits once the node is idle (pending timers alone do not keep it alive), or
 *    after QUIET_MS with no output, or after END_MS in all, whichever comes first.
 */
import type { Shell } from '../core/shell/shell.ts';

/** Longest wait, once the shell is ready, for the processes of the previous line to finish. */
export const SETTLE_MS = 50;
/** At the end of input: exit after this long with no output... */
export const QUIET_MS = 1000;
/** ...and after this long in all, however busy the node still is. */
export const END_MS = 5000;
/** How often the shell and the node are looked at while waiting. */
const POLL_MS = 1;

export interface PipedInputDeps {
  readonly shell: Pick<Shell, 'isBusy' | 'input' | 'prompt'>;
  readonly node: { hasWork(): boolean };
  /** Tells the node loop that the shell has work. */
  readonly wake: () => void;
  readonly write: (text: string) => void;
  readonly exit: () => void;
  readonly now?: () => number;
  readonly setTimer?: (run: () => void, ms: number) => void;
}

export interface PipedInput {
  /** A line of input arrived. */
  line(text: string): void;
  /** The input ended. */
  end(): void;
  /** The terminal printed something (so the node's output has not settled yet). */
  output(): void;
}

export function pipedInput(deps: PipedInputDeps): PipedInput {
  const now = deps.now ?? (() => performance.now());
  const setTimer = deps.setTimer ?? ((run, ms) => void setTimeout(run, ms));
  const queue: string[] = [];
  let pumping = false;
  let readyAt: number | null = null;
  let ended = false;
  /** When the last prompt was printed (every line typed and evaluated). */
  let endedAt: number | null = null;
  let lastOutput = now();

  const later = () => setTimer(pump, POLL_MS);
  const pump = (): void => {
    if (deps.shell.isBusy) {
      readyAt = null;
      return later();
    }
    const t = now();
    readyAt ??= t;
    const line = queue[0];
    if (line !== undefined) {
      if (deps.node.hasWork() && t - readyAt < SETTLE_MS) return later();
      queue.shift();
      readyAt = null;
      deps.shell.input(line);
      deps.wake();
      return later();
    }
    if (!ended) {
      pumping = false;
      return;
    }
    if (endedAt === null) {
      deps.write(deps.shell.prompt);
      endedAt = t;
    }
    if (!deps.node.hasWork() || t - lastOutput >= QUIET_MS || t - endedAt >= END_MS) return deps.exit();
    later();
  };
  const start = () => {
    if (pumping) return;
    pumping = true;
    pump();
  };

  return {
    line(text) {
      queue.push(text);
      start();
    },
    end() {
      ended = true;
      start();
    },
    output() {
      lastOutput = now();
    },
  };
}
