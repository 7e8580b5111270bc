/**
 * The processes the distribution benchmarks run, as TypeScript bodies (bodies.ts), shared by the
 * Node benchmark over the memory transport (bench/dist.ts) and the browser harness over WebRTC
 * (dist-bench-page.ts). TS bodies keep the interpreter out of the figures: what is
 * measured is the distribution layer (encode, batch, transport, decode, deliver).
 *
 * Wire traffic, as a BEAM program would send it:
 * - one-way: the sender sends `{:msg, i}` n times to the sink, then `{:end, self}`; the sink
 *   answers `{:done, count}`. Delivery is ordered per pair, so `:done` means all arrived;
 * - ping-pong: the pinger sends `{self, i}`, the echo answers `i`, n times.
 */
import { Tuple, atom } from '../../src/core/term/types.ts';
import type { Pid, Term } from '../../src/core/term/types.ts';
import type { ProcessApi } from '../../src/core/runtime/process-api.ts';
import type { ProcessBody, RunResult } from '../../src/core/runtime/process-body.ts';
import { loopBody } from '../../src/core/runtime/bodies.ts';

const MSG = atom('msg');
const END = atom('end');
const DONE = atom('done');

/** Counts what arrives; `{:end, from}` is answered with `{:done, count}` and resets the count. */
export function sinkBody(): ProcessBody {
  return loopBody({ count: 0 }, (m, s, proc) => {
    if (m instanceof Tuple && m.elements[0] === END) {
      proc.send(m.elements[1] as Pid, new Tuple([DONE, s.count]));
      return { count: 0 };
    }
    s.count++;
    return s;
  });
}

/** Answers `{from, x}` with `x`. */
export function echoBody(): ProcessBody {
  return loopBody(null, (m, s, proc) => {
    if (m instanceof Tuple && m.elements.length === 2) proc.send(m.elements[0] as Pid, m.elements[1] as Term);
    return s;
  });
}

/**
 * Sends n `{:msg, i}` to `sink` (at most `budget` per run, so the scheduler, and with it the
 * distribution flush, gets its turns as with any busy process), then `{:end, self}`, and calls
 * `done(count)` when the sink's answer arrives.
 */
export function senderBody(sink: Pid, n: number, done: (count: number) => void): ProcessBody {
  let sent = 0;
  let ended = false;
  return {
    run(proc: ProcessApi, budget: number): RunResult {
      let used = 0;
      while (sent < n && used < budget) {
        proc.send(sink, new Tuple([MSG, sent]));
        sent++;
        used++;
      }
      if (sent < n) return { type: 'yield', reductions: used };
      if (!ended) {
        proc.send(sink, new Tuple([END, proc.self]));
        ended = true;
      }
      proc.beginReceive(null);
      const m = proc.nextMessage();
      if (m === undefined) return { type: 'wait', reductions: used + 1 };
      proc.takeMessage();
      done(m instanceof Tuple ? (m.elements[1] as number) : -1);
      return { type: 'exit', reductions: used + 1, reason: atom('normal') };
    },
  };
}

/** n round trips `{self, i}` → `i` with `echo`, then `done()`; `lap()` after each answer (per-trip timings). */
export function pingerBody(echo: Pid, n: number, done: () => void, lap?: () => void): ProcessBody {
  let i = 0;
  let started = false;
  return {
    run(proc: ProcessApi, budget: number): RunResult {
      if (!started) {
        started = true;
        proc.send(echo, new Tuple([proc.self, i]));
      }
      for (let used = 1; used <= budget; used++) {
        proc.beginReceive(null);
        if (proc.nextMessage() === undefined) return { type: 'wait', reductions: used };
        proc.takeMessage();
        lap?.();
        i++;
        if (i >= n) {
          done();
          return { type: 'exit', reductions: used, reason: atom('normal') };
        }
        proc.send(echo, new Tuple([proc.self, i]));
      }
      return { type: 'yield', reductions: budget };
    },
  };
}

/** Sends one `{:bulk, payload}` to `sink`, then `{:end, self}`, and calls `done()` when the sink answers (all arrived). */
export function bulkBody(sink: Pid, payload: Term, done: () => void): ProcessBody {
  let sent = false;
  return {
    run(proc: ProcessApi): RunResult {
      if (!sent) {
        proc.send(sink, new Tuple([atom('bulk'), payload]));
        proc.send(sink, new Tuple([END, proc.self]));
        sent = true;
      }
      proc.beginReceive(null);
      if (proc.nextMessage() === undefined) return { type: 'wait', reductions: 1 };
      proc.takeMessage();
      done();
      return { type: 'exit', reductions: 1, reason: atom('normal') };
    },
  };
}
