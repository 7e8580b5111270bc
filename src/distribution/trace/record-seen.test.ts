import { describe, expect, it } from 'vitest';
import { atom } from '../../core/term/types.ts';
import { Recorder } from './record.ts';
import { toRows, traceOf } from './record-rows.ts';
import { toJson } from './record-export.ts';
import { importTrace } from './record-import.ts';
import { pa, pb } from './record-test-nodes.ts';

describe('each event keeps when the recording tab saw it (one clock for every node)', () => {
  it('is stamped from the injected clock, exported, imported back; a trace without it falls back on each event\'s own time', () => {
    let now = 100;
    const r = new Recorder({ clock: () => now });
    r.record('a@lab', { type: 'message:sent', time: 7, from: pa, to: pb, message: atom('x'), remote: true });
    now = 350;
    r.record('b@lab', { type: 'message:received', time: 900_000, pid: pb, message: atom('x') });
    const t = traceOf(toRows(r.events()));
    expect(t.rows.map((x) => [x.time, x.seen])).toEqual([[7, 100], [900_000, 350]]);
    const back = importTrace(toJson(t));
    expect(back.ok && back.trace.rows.map((x) => x.seen)).toEqual([100, 350]);
    const old = JSON.parse(toJson(t)) as { events: Record<string, unknown>[] };
    for (const e of old.events) delete e.seen;
    const fallback = importTrace(JSON.stringify(old));
    expect(fallback.ok && fallback.trace.rows.map((x) => x.seen)).toEqual([7, 900_000]);
    // Without a clock (the pure tests, the benches), `seen` is the event's own time.
    const plain = new Recorder();
    plain.record('a@lab', { type: 'process:exited', time: 42, pid: pa, reason: atom('normal') });
    expect(plain.events()[0]?.seen).toBe(42);
  });
});
