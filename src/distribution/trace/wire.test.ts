import { describe, expect, it } from 'vitest';
import { Binary, Pid, Ref, atom, list, str, tuple, type Term } from '../../core/term/types.ts';
import { inspect } from '../../core/term/inspect.ts';
import type { RuntimeEvent } from '../../core/runtime/events.ts';
import type { ProcessSummary } from '../../core/runtime/introspection.ts';
import { bounded, decodeBatch, decodeEvent, decodeSummary, encodeBatch, encodeEvent, encodeSummary } from './wire.ts';
import { EventBuffer } from './event-buffer.ts';
import { fingerprint } from './fingerprint.ts';

const node = atom('two@lab');
const p = (id: number) => new Pid(node, id, 0, 3);
const ref = new Ref(node, 3, [1, 2, 3]);

describe('trace wire format', () => {
  it('every runtime event survives encode/decode (received events travel without their message)', () => {
    const events: RuntimeEvent[] = [
      { type: 'process:spawned', time: 1, pid: p(110), parent: null, system: false },
      { type: 'process:spawned', time: 1, pid: p(111), parent: p(110), system: true },
      { type: 'process:exited', time: 2, pid: p(111), reason: tuple(atom('shutdown'), 1) },
      { type: 'message:sent', time: 3, from: p(110), to: tuple(atom('ticker'), atom('one@lab')), message: str('hi'), remote: true },
      { type: 'message:sent', time: 3, from: null, to: p(110), message: 42, remote: false },
      { type: 'link:added', time: 4, from: p(110), to: p(111) },
      { type: 'link:removed', time: 4, from: p(110), to: p(111) },
      { type: 'monitor:added', time: 5, ref, watcher: p(110), target: p(111) },
      { type: 'monitor:removed', time: 5, ref, watcher: p(110), target: p(111) },
      { type: 'name:registered', time: 6, name: atom('ticker'), pid: p(110) },
      { type: 'name:unregistered', time: 6, name: atom('ticker'), pid: p(110) },
      { type: 'spawn:requested', time: 8, from: p(110), node: atom('two@lab'), call: tuple(atom('erlang'), atom('apply'), atom('f')) },
    ];
    // A send carries its message's fingerprint (fingerprint.ts), for the recorder's pairing.
    for (const e of events) expect(decodeEvent(encodeEvent(e))).toEqual(e.type === 'message:sent' ? { ...e, fp: fingerprint(e.message) } : e);
    const got = decodeEvent(encodeEvent({ type: 'message:received', time: 7, pid: p(110), message: str('big') }));
    expect(got).toEqual({ type: 'message:received', time: 7, pid: p(110), message: atom('nil'), fp: fingerprint(str('big')) });
    // A forged fingerprint is left out, never trusted as one.
    const forged = decodeEvent(tuple(atom('received'), 7, p(110), str('not a number')));
    expect(forged).toEqual({ type: 'message:received', time: 7, pid: p(110), message: atom('nil') });
  });

  it('a batch carries events, the process list (or nil when unchanged) and the dropped count', () => {
    const summary: ProcessSummary = { pid: p(110), status: 'waiting', registeredName: atom('ticker'), messageQueueLen: 2, links: [p(111)], reductions: 30, groupLeader: p(60), label: null };
    const b = { tracer: p(70), node, seq: 4, events: [{ type: 'link:added', time: 1, from: p(110), to: p(111) } as RuntimeEvent], processes: [summary], dropped: 9 };
    expect(decodeBatch(encodeBatch(b))).toEqual(b);
    expect(decodeBatch(encodeBatch({ ...b, processes: null }))?.processes).toBeNull();
    // A supervisor's label travels with it; a 7-element summary (an older tracer) has none.
    const sup: ProcessSummary = { ...summary, label: tuple(atom('supervisor'), atom('one_for_one')) };
    expect(decodeSummary(encodeSummary(sup))).toEqual(sup);
    const old = tuple(p(110), atom('waiting'), atom('nil'), 0, atom('nil'), 1, p(60));
    expect(decodeSummary(old)).toMatchObject({ label: null });
    expect(decodeSummary(tuple(p(110), atom('waiting'), atom('nil'), 0, atom('nil'), 1, p(60), p(1), p(2)))).toBeNull();
    expect(decodeBatch(tuple(atom('trace_batch'), 1))).toBeNull();
    expect(decodeEvent(tuple(atom('spawned'), 1, atom('not_a_pid')))).toBeNull();
    // A spawn request from a peer that is not a pid, or to a node that is not an atom, or without its call.
    expect(decodeEvent(tuple(atom('spawn_request'), 1, atom('x'), atom('two@lab'), atom('f')))).toBeNull();
    expect(decodeEvent(tuple(atom('spawn_request'), 1, p(110), 7, atom('f')))).toBeNull();
    expect(decodeEvent(tuple(atom('spawn_request'), 1, p(110), atom('two@lab')))).toBeNull();
  });

  it('bounds what it traces: long lists and binaries are cut, deep terms folded', () => {
    const long = list(Array.from({ length: 100 }, (_, i) => i));
    expect(inspect(bounded(long))).toBe(`[${Array.from({ length: 16 }, (_, i) => i).join(', ')}]`);
    const big = Binary.fromString('x'.repeat(10_000));
    expect((bounded(big) as Binary).byteSize).toBe(256);
    let deep: Term = atom('core');
    for (let i = 0; i < 10; i++) deep = tuple(deep);
    expect(inspect(bounded(deep))).toBe('{{{{{{:...}}}}}}');
    const small = tuple(atom('ok'), 1, str('x'));
    expect(bounded(small)).toBe(small);
  });

  it('the event buffer keeps the newest and counts what it dropped', () => {
    const b = new EventBuffer<number>(3);
    for (let i = 0; i < 5000; i++) b.push(i);
    expect(b.length).toBe(3);
    expect(b.take()).toEqual({ items: [4997, 4998, 4999], dropped: 4997 });
    expect(b.take()).toEqual({ items: [], dropped: 0 });
  });
});
