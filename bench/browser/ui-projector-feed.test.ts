import { describe, expect, it } from 'vitest';
import { syntheticClass } from './ui-projector-feed.ts';
import { Pid } from '../../src/core/term/types.ts';
import { FLUSH_MS } from '../../src/distribution/trace/tracer.ts';

/** A fixed sequence, so the test does not depend on Math.random. */
function counter(): () => number {
  let i = 0;
  return () => ((i++ * 0.618033988) % 1);
}

describe('the synthetic class (projector bench feed)', () => {
  it('30 nodes, 3,000 processes, 5,000 messages/s, each tracer flushing every FLUSH_MS at its own phase', () => {
    const c = syntheticClass({ nodes: 30, processes: 3000, rate: 5000, start: 0, random: counter() });
    expect(c.names).toHaveLength(30);
    const batches = [...c.due(0), ...c.due(FLUSH_MS - 1)];
    // One flush of each node: its processes, once.
    expect(new Set(batches.map((b) => b.node.name)).size).toBe(30);
    expect(batches.reduce((n, b) => n + (b.processes?.length ?? 0), 0)).toBe(3000);
    for (let t = FLUSH_MS; t <= 10_000; t += 37) for (const b of c.due(t)) expect(b.processes).toBeNull();
    // 10 s at 5,000/s, give or take the batches not yet due.
    expect(c.sent).toBeGreaterThan(49_000);
    expect(c.sent).toBeLessThanOrEqual(50_000);
  });

  it('each send goes to a process of another node, and its receipt comes in that node\'s next batch', () => {
    const c = syntheticClass({ nodes: 3, processes: 30, rate: 300, start: 0, random: counter() });
    const batches = [0, 100, 200, 300, 400, 500].flatMap((t) => c.due(t));
    const sent = batches.flatMap((b) => b.events.filter((e) => e.type === 'message:sent').map((e) => ({ b, e })));
    const received = batches.flatMap((b) => b.events.filter((e) => e.type === 'message:received').map((e) => ({ b, e })));
    expect(sent.length).toBeGreaterThan(100);
    for (const { b, e } of sent) {
      if (e.type !== 'message:sent' || !(e.to instanceof Pid)) throw new Error('not a send to a pid');
      expect(e.to.node.name).not.toBe(b.node.name);
      expect(e.from?.node.name).toBe(b.node.name);
    }
    for (const { b, e } of received) if (e.type === 'message:received') expect(e.pid.node.name).toBe(b.node.name);
    // Every receipt belongs to a send made earlier, none twice.
    const messages = new Set(sent.map(({ e }) => (e.type === 'message:sent' ? e.message : null)));
    expect(received.every(({ e }) => e.type === 'message:received' && messages.has(e.message))).toBe(true);
    expect(new Set(received.map(({ e }) => (e.type === 'message:received' ? e.message : null))).size).toBe(received.length);
  });

  it('sends each node\'s processes again to a new subscriber (a remounted canvas)', () => {
    const c = syntheticClass({ nodes: 3, processes: 30, rate: 300, start: 0, random: counter() });
    expect(c.due(100).filter((b) => b.processes !== null)).toHaveLength(3);
    expect(c.due(200).filter((b) => b.processes !== null)).toHaveLength(0);
    c.subscribed();
    expect(c.due(300).reduce((n, b) => n + (b.processes?.length ?? 0), 0)).toBe(30);
  });
});
