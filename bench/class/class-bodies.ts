/**
 * The processes of `npm run bench:class`, as TypeScript bodies (bodies.ts) so the interpreter
 * stays out of the figures, as in bench/browser/dist-bodies.ts.
 *
 * Every tab runs one sender and one receiver (registered `:class_rx`). Each tick the sender sends
 * `{:seq, its_node, i}` to `{:class_rx, peer}` for every peer, with its own counter i per peer
 * (0, 1, 2...). The receiver checks each sender's numbers in order (class-tally.ts), so a lost or
 * reordered message is seen where it happens: at the receiver, per sender→receiver pair.
 */
import { Tuple, atom } from '../../src/core/term/types.ts';
import type { Atom } from '../../src/core/term/types.ts';
import type { ProcessApi } from '../../src/core/runtime/process-api.ts';
import type { ProcessBody, RunResult } from '../../src/core/runtime/process-body.ts';
import { loopBody } from '../../src/core/runtime/bodies.ts';

export const RECEIVER = atom('class_rx');
const SEQ = atom('seq');
const TICK = atom('tick');
export const STOP = atom('stop');

/** Hands each `{:seq, from, i}` to `seen` (the page checks it against `from`'s earlier numbers: class-tally.ts). */
export function receiverBody(seen: (from: string, i: number) => void): ProcessBody {
  return loopBody(null, (m, s) => {
    if (m instanceof Tuple && m.elements.length === 3 && m.elements[0] === SEQ) {
      seen((m.elements[1] as Atom).name, m.elements[2] as number);
    }
    return s;
  });
}

export interface SenderState {
  /** Messages sent to each peer (its next sequence number). */
  readonly sent: Map<string, number>;
  stopped: boolean;
}

/**
 * Every `everyMs` sends `perTick` messages to each of `peers`' receivers, until it gets `:stop`.
 * The ticks are the node's own timers (send_after), so the rate is what a BEAM process would keep.
 */
export function senderBody(peers: readonly Atom[], perTick: number, everyMs: number, state: SenderState): ProcessBody {
  let started = false;
  return {
    run(proc: ProcessApi, budget: number): RunResult {
      if (!started) {
        started = true;
        proc.sendAfter(proc.self, TICK, everyMs);
      }
      let used = 0;
      while (used < budget) {
        proc.beginReceive(null);
        const m = proc.nextMessage();
        if (m === undefined) return { type: 'wait', reductions: used + 1 };
        proc.takeMessage();
        used++;
        if (m === STOP) {
          state.stopped = true;
          return { type: 'exit', reductions: used, reason: atom('normal') };
        }
        if (m !== TICK) continue;
        for (const peer of peers) {
          let i = state.sent.get(peer.name) ?? 0;
          for (let k = 0; k < perTick; k++) proc.send(new Tuple([RECEIVER, peer]), new Tuple([SEQ, proc.nodeName, i++]));
          state.sent.set(peer.name, i);
          used += perTick;
        }
        proc.sendAfter(proc.self, TICK, everyMs);
      }
      return { type: 'yield', reductions: used };
    },
  };
}
