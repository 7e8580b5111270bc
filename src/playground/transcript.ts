/**
 * Types lines into a fresh node's shell as a person would (each line once the node is idle),
 * on a simulated clock, and returns the transcript. Used by the golden tests and anything else
 * that wants "what would iex print for this session", deterministically.
 *
 * Time only moves while the shell is busy (a `Process.sleep`, a `receive ... after`): then the
 * clock jumps to the next timer. A shell that waits forever (a `receive` with no `after` and no
 * message coming) ends the session with a note instead of hanging.
 */
import { SeededRandom, SimulatedClock } from '../core/ports.ts';
import type { Node } from '../core/runtime/node.ts';
import { createElixirShell } from '../core/shell/elixir-shell.ts';
import type { Shell } from '../core/shell/shell.ts';
import { createPlaygroundNode } from './node.ts';

/** The pause after each line (see `pause` below). */
const THINK_MS = 300;

export interface TranscriptOptions {
  /** Simulated pause after each line, during which timers fire; default 300 ms. */
  readonly thinkMs?: number;
  /** Node name (`one@vm`); unnamed (nonode@nohost) by default. */
  readonly name?: string;
  readonly seed?: number;
  /** Stop a session whose simulated time passes this (a runaway timer loop). */
  readonly maxSimulatedMs?: number;
}

export interface TypingSession {
  readonly node: Node;
  readonly clock: SimulatedClock;
  readonly shell: Shell;
  /** Types one line and lets the node run until the shell is ready for the next. */
  type(line: string): void;
  output(): string;
}

export function startTypingSession(opts: TranscriptOptions = {}): TypingSession {
  const clock = new SimulatedClock();
  let out = '';
  const write = (text: string) => {
    out += text;
  };
  const elixir = createPlaygroundNode({
    clock,
    random: new SeededRandom(opts.seed ?? 1),
    stdout: write,
    ...(opts.name ? { name: opts.name, creation: 1 } : {}),
  });
  const { node } = elixir;
  const shell = createElixirShell(elixir, { write, echo: true });
  const limit = opts.maxSimulatedMs ?? 10 * 60_000;

  const settle = () => {
    for (;;) {
      node.runUntilIdle();
      if (!shell.isBusy) return;
      const at = node.nextTimerAt();
      if (at === null || at > limit) {
        write(`[transcript: the shell is still waiting at ${clock.now()} ms]\n`);
        return;
      }
      clock.set(Math.max(at, clock.now()));
    }
  };

  // A person takes a moment before typing the next line; timers due meanwhile fire (the
  // real transcripts were captured with at least this pause after each prompt).
  const pause = (ms: number) => {
    const until = clock.now() + ms;
    for (let at = node.nextTimerAt(); at !== null && at <= until; at = node.nextTimerAt()) {
      clock.set(Math.max(at, clock.now()));
      node.runUntilIdle();
    }
    clock.set(until);
    node.runUntilIdle();
  };

  return {
    node,
    clock,
    shell,
    type(line) {
      shell.input(line);
      settle();
      pause(opts.thinkMs ?? THINK_MS);
    },
    output: () => out,
  };
}

/** The transcript of typing `lines` into a fresh shell. */
export function transcriptOf(lines: readonly string[], opts: TranscriptOptions = {}): string {
  const session = startTypingSession(opts);
  for (const line of lines) session.type(line);
  return session.output();
}
