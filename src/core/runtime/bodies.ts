/**
 * Helpers for writing process bodies in TypeScript (built-in processes: the group leader, later
 * net_kernel and :global; test processes; the benchmarks).
 *
 * - `loopBody(state, handle)`: a server loop that takes every message in arrival order and
 *   folds it into a state: the cheapest kind of body, used by the ring benchmark.
 * - `generatorBody(function* (proc) { const m = yield receive(match, after) ... })`: straight-line
 *   code with selective receive and timeouts, for processes whose logic is a sequence.
 * Both follow the receive protocol of process-body.ts and count one reduction per message.
 */
import { atom } from '../term/types.ts';
import type { Term } from '../term/types.ts';
import type { ProcessApi } from './process-api.ts';
import type { ProcessBody, RunResult } from './process-body.ts';

const NORMAL = atom('normal');

/** Returned by a handler to end the process with `reason`. */
export class Stop {
  constructor(readonly reason: Term) {}
}
export function stop(reason: Term = NORMAL): Stop {
  return new Stop(reason);
}

type Mfa = readonly [string, string, number];

export type Handler<S> = (msg: Term, state: S, proc: ProcessApi) => S | Stop;

class LoopBody<S> implements ProcessBody {
  constructor(
    private state: S,
    private readonly handle: Handler<S>,
    private readonly mfa: Mfa | undefined,
  ) {}

  run(proc: ProcessApi, budget: number): RunResult {
    let n = 0;
    while (n < budget) {
      proc.beginReceive(null);
      if (proc.nextMessage() === undefined) return { type: 'wait', reductions: n };
      const next = this.handle(proc.takeMessage(), this.state, proc);
      n++;
      if (next instanceof Stop) return { type: 'exit', reductions: n, reason: next.reason };
      this.state = next;
    }
    return { type: 'yield', reductions: n };
  }

  currentFunction(): Mfa | undefined {
    return this.mfa;
  }
}

/** A body that handles each message in turn: `handle(msg, state, proc)` returns the next state or `stop()`. */
export function loopBody<S>(state: S, handle: Handler<S>, currentFunction?: Mfa): ProcessBody {
  return new LoopBody(state, handle, currentFunction);
}

// --- generator bodies ---

/** What a generator body yields to wait for a message. */
export interface Receive {
  readonly match: (msg: Term) => boolean;
  /** Milliseconds, or null for :infinity. */
  readonly after: number | null;
}

/** The value a `yield receive(...)` gives back when its `after` fired. */
export const TIMEOUT: unique symbol = Symbol('timeout');

export function receive(match: (msg: Term) => boolean = () => true, after: number | null = null): Receive {
  return { match, after };
}

/** Process.sleep: a receive that matches nothing. */
export function sleep(ms: number): Receive {
  return { match: () => false, after: ms };
}

export type BodyGenerator = Generator<Receive, Term | void, Term | typeof TIMEOUT>;

class GeneratorBody implements ProcessBody {
  private gen: BodyGenerator | null = null;
  private waiting: Receive | null = null;

  constructor(
    private readonly start: (proc: ProcessApi) => BodyGenerator,
    private readonly mfa: Mfa | undefined,
  ) {}

  run(proc: ProcessApi, budget: number): RunResult {
    let n = 0;
    let input: Term | typeof TIMEOUT | undefined;
    if (this.gen === null) this.gen = this.start(proc);
    while (n < budget) {
      const w = this.waiting;
      if (w !== null) {
        proc.beginReceive(w.after);
        let got: Term | typeof TIMEOUT | undefined;
        for (let m = proc.nextMessage(); m !== undefined; m = proc.nextMessage()) {
          if (w.match(m)) {
            got = proc.takeMessage();
            break;
          }
        }
        if (got === undefined) {
          if (!proc.receiveTimedOut()) return { type: 'wait', reductions: n };
          proc.endReceive();
          got = TIMEOUT;
        }
        input = got;
      }
      n++;
      const step = input === undefined ? this.gen.next(NORMAL) : this.gen.next(input);
      if (step.done === true) return { type: 'exit', reductions: n, reason: step.value ?? NORMAL };
      this.waiting = step.value;
      input = undefined;
    }
    return { type: 'yield', reductions: n };
  }

  currentFunction(): Mfa | undefined {
    return this.mfa;
  }
}

/**
 * A body from a generator: `yield receive(match, after)` waits for the first message that
 * matches (selective receive) and gives it back, or TIMEOUT; returning ends the process
 * (with the returned reason, `:normal` by default).
 */
export function generatorBody(start: (proc: ProcessApi) => BodyGenerator, currentFunction?: Mfa): ProcessBody {
  return new GeneratorBody(start, currentFunction);
}
