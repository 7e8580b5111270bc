/**
 * `record-memory`: heap bytes per event the recorder keeps (issue 14 §5), filled to its bound by
 * the `record` ring (100 processes passing `{:token, n, "payload of a message"}`; see record.ts).
 * Reference, in the same run: the same events kept as they come (the runtime's event objects in
 * an array), what a recorder without its own bounded rows would hold. Needs --expose-gc
 * (`npm run bench` gives it); without it both are n/a.
 */
import type { RuntimeEvent } from '../src/core/runtime/events.ts';
import type { Benchmark } from './harness.ts';
import { heapPerEvent, recorderKeeper } from './record.ts';

function bareKeeper(): { listen: (e: RuntimeEvent) => void; size: () => number } {
  const kept: RuntimeEvent[] = [];
  return { listen: (e) => void kept.push(e), size: () => kept.length };
}

export const recordMemory: Benchmark = {
  name: 'record-memory',
  unit: 'bytes/event',
  higherIsBetter: false,
  run() {
    const ours = heapPerEvent(recorderKeeper);
    const reference = heapPerEvent(bareKeeper);
    return {
      ours: ours ?? Number.NaN,
      reference,
      details: 'reference: the runtime\'s own event objects kept in an array; ours: the recorder\'s rows (bounded message copy, pairing, fingerprint), at 200,000 events',
    };
  },
};
