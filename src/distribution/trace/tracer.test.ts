import { describe, expect, it } from 'vitest';
import { Tuple, atom, tuple, type Pid, type Term } from '../../core/term/types.ts';
import { loopBody } from '../../core/runtime/bodies.ts';
import { Cluster, collect, type TestPeer } from '../testing.ts';
import { startTracing } from './service.ts';
import { ACK_TIMEOUT_MS, FLUSH_MS, MAX_EVENTS } from './tracer.ts';
import { SUBSCRIBE, TRACER_NAME, decodeBatch, type TraceBatch } from './wire.ts';
import type { TraceSink } from './viewer.ts';

function recorder(): TraceSink & { batches: TraceBatch[]; downs: [string, string][] } {
  const batches: TraceBatch[] = [];
  const downs: [string, string][] = [];
  return { batches, downs, batch: (b) => void batches.push(b), down: (n, r) => void downs.push([n, r]) };
}

function pair(): { c: Cluster; a: TestPeer; b: TestPeer } {
  const c = new Cluster();
  const a = c.add('a@lab');
  const b = c.add('b@lab');
  c.settle();
  expect(c.connect(a, b)).toBe(true);
  return { c, a, b };
}

describe('tracing service over distribution', () => {
  it('streams a remote node\'s events and processes to the viewer, batched on the node\'s clock', () => {
    const { c, a, b } = pair();
    startTracing(b.node);
    const sink = recorder();
    const view = startTracing(a.node).view(sink);
    view.follow(a.dist);
    c.advance(FLUSH_MS * 2);
    expect(view.watching()).toEqual(['b@lab']);
    const first = sink.batches[0];
    expect(first?.node).toBe(b.name);
    // The process list is there from the first batch, without the tracer itself.
    expect(first?.processes?.some((p) => p.registeredName === TRACER_NAME)).toBe(false);
    expect(first?.processes?.some((p) => p.pid.id === b.node.groupLeader.id)).toBe(true);

    // A process on b that sends to a process on a: both show up in the next batch.
    const sinkA = collect(a.node);
    const worker = b.node.spawn(loopBody(null, (m, s, proc) => (proc.send(sinkA.pid, m), s)));
    b.node.send(worker, atom('hello'));
    const before = sink.batches.length;
    c.advance(FLUSH_MS);
    const got = sink.batches.slice(before).flatMap((x) => x.events);
    expect(got.find((e) => e.type === 'process:spawned')).toMatchObject({ pid: { id: worker.id } });
    const sent = got.find((e) => e.type === 'message:sent' && e.from?.id === worker.id);
    expect(sent).toMatchObject({ message: atom('hello'), remote: true });
    expect(sinkA.got).toEqual([atom('hello')]);
    // Batches come at most once per flush interval, each acknowledged before the next.
    expect(sink.batches.map((x) => x.seq)).toEqual(sink.batches.map((_, i) => i));
  });

  it('goes quiet when nothing happens: two nodes watching each other do not report their reports', () => {
    const { c, a, b } = pair();
    const sa = recorder();
    const sb = recorder();
    startTracing(a.node).view(sa).follow(a.dist);
    startTracing(b.node).view(sb).follow(b.dist);
    c.advance(1000);
    const n = sa.batches.length + sb.batches.length;
    c.advance(10_000);
    // Only ticks' aftermath (none traced) may pass: no batch at all while idle.
    expect(sa.batches.length + sb.batches.length).toBe(n);
  });

  it('stops streaming when the viewer dies (it monitors it)', () => {
    const { c, a, b } = pair();
    const tracing = startTracing(b.node);
    const sink = recorder();
    const view = startTracing(a.node).view(sink);
    view.watch(b.name);
    c.advance(FLUSH_MS * 2);
    expect(b.node.info(tracing.tracer)?.monitors.length).toBe(1);
    a.node.exit(view.pid, atom('kill'));
    c.advance(FLUSH_MS * 2);
    expect(b.node.info(tracing.tracer)?.monitors.length).toBe(0);
    const count = sink.batches.length;
    b.node.spawn(loopBody(null, (_m, s) => s));
    c.advance(FLUSH_MS * 3);
    expect(sink.batches.length).toBe(count);
  });

  it('reports :noconnection when the watched node goes down, and resubscribes after reconnecting', () => {
    const { c, a, b } = pair();
    startTracing(b.node);
    const sink = recorder();
    const view = startTracing(a.node).view(sink);
    view.follow(a.dist);
    c.advance(FLUSH_MS * 2);
    a.dist.disconnect(b.name);
    c.settle();
    expect(sink.downs).toEqual([['b@lab', ':noconnection']]);
    expect(view.watching()).toEqual([]);
    expect(c.connect(a, b)).toBe(true);
    const before = sink.batches.length;
    c.advance(FLUSH_MS * 2);
    expect(view.watching()).toEqual(['b@lab']);
    expect(sink.batches.length).toBeGreaterThan(before);
    expect(sink.batches[before]?.seq).toBe(0); // a new subscription
  });

  it('a node without a tracer answers :noproc', () => {
    const { c, a, b } = pair();
    const sink = recorder();
    startTracing(a.node).view(sink).watch(b.name);
    c.advance(FLUSH_MS);
    expect(sink.downs).toEqual([['b@lab', ':noproc']]);
  });

  it('a slow viewer gets the newest events and a count of the dropped ones', () => {
    const { c, a, b } = pair();
    startTracing(b.node);
    // A viewer that never acknowledges: it keeps the batches it gets.
    const got: Term[] = [];
    const slow = a.node.spawn(loopBody(got, (m, s) => (s.push(m), s)));
    a.node.send(new Tuple([TRACER_NAME, b.name]) as unknown as Pid, tuple(SUBSCRIBE, slow));
    c.advance(FLUSH_MS * 2);
    expect(got.length).toBe(1);
    // 3,000 messages on b while the viewer has not acknowledged.
    const echo = collect(b.node);
    for (let i = 0; i < 3000; i++) b.node.send(echo.pid, i);
    c.advance(ACK_TIMEOUT_MS / 2);
    expect(got.length).toBe(1);
    c.advance(ACK_TIMEOUT_MS);
    expect(got.length).toBe(2);
    const batch = decodeBatch(got[1] as Term);
    expect(batch?.events.length).toBe(MAX_EVENTS);
    // Each message is two events (sent, received), plus the collector's spawn and the like.
    expect(batch?.dropped).toBeGreaterThanOrEqual(6000 - MAX_EVENTS);
    const last = batch?.events.at(-1);
    expect(last).toMatchObject({ type: 'message:received', pid: { id: echo.pid.id } });
  });
});
