// A flooding sender over a link that pushes back (transport.ts: back-pressure): the distribution
// keeps the overflow in its own queue, so the transport never holds much more than its high-water
// mark, and every message still arrives, in order.
import { describe, expect, it } from 'vitest';
import { Binary, Tuple, atom, tuple } from '../core/term/types.ts';
import type { Pid, Term } from '../core/term/types.ts';
import type { ProcessApi } from '../core/runtime/process-api.ts';
import type { ProcessBody, RunResult } from '../core/runtime/process-body.ts';
import { DIST_BUF_BUSY_LIMIT } from './link-driver.ts';
import { PacketWriter } from './packet-stream.ts';
import { OutAtomCache } from './etf/atom-cache.ts';
import { PENDING_BUSY_MESSAGES } from './peers.ts';
import { generatorBody, receive, sleep } from '../core/runtime/bodies.ts';
import { Cluster, collect } from './testing.ts';

const MESSAGES = 3000;

/** one@lab connected to two@lab, where `box` collects what arrives. */
function connectedPair(c: Cluster) {
  const one = c.add('one@lab');
  const two = c.add('two@lab');
  const box = collect(two.node);
  c.connect(one, two);
  return { one, two, box };
}

function flood(c: Cluster): Term[] {
  const { one, box } = connectedPair(c);
  one.node.spawn(
    generatorBody(function* (proc) {
      for (let i = 0; i < MESSAGES; i++) proc.send(box.pid, tuple(atom('msg'), i));
      yield receive(() => false, 0);
    }),
  );
  c.settle();
  return box.got;
}

describe('back-pressure', () => {
  it('a flood waits in the connection while the link is not writable, and arrives whole and in order', () => {
    const c = new Cluster({ maxMessageBytes: 1024, highWaterBytes: 4096 });
    const got = flood(c);
    expect(got).toEqual(Array.from({ length: MESSAGES }, (_, i) => tuple(atom('msg'), i)));
    // At most one message past the mark: the link said "not writable" and the driver stopped.
    expect(c.net.maxBufferedBytes).toBeLessThanOrEqual(4096 + 1024);
  });

  it('without back-pressure the same flood piles up in the transport', () => {
    const c = new Cluster({ maxMessageBytes: 1024 });
    expect(flood(c).length).toBe(MESSAGES);
    expect(c.net.maxBufferedBytes).toBeGreaterThan(10 * 4096);
  });
});

/**
 * A sender that sends `{i, payload}` to `to`, one message per reduction, and ends its run at
 * once when interrupted (as the VM does at its next call).
 */
class Flood implements ProcessBody {
  sent = 0;
  private interrupted = false;
  constructor(
    private readonly to: Pid,
    private readonly total: number,
    private readonly payload: Term,
  ) {}
  run(proc: ProcessApi, budget: number): RunResult {
    this.interrupted = false;
    let used = 0;
    while (this.sent < this.total && used < budget && !this.interrupted) {
      proc.send(this.to, tuple(this.sent, this.payload));
      this.sent++;
      used++;
    }
    return this.sent < this.total ? { type: 'yield', reductions: used } : { type: 'exit', reductions: used, reason: atom('normal') };
  }
  interrupt(): void {
    this.interrupted = true;
  }
}

describe('busy_dist_port: a sender on a congested connection is suspended until it drains', () => {
  const TOTAL = 20_000;
  const payload = Binary.fromBytes(new Uint8Array(100).fill(42));
  /** The bytes the first `n` messages of the flood make as packets (length, atom cache header, SEND_SENDER control, payload). */
  const floodBytes = (n: number, to: Pid, from: Pid): number => {
    const w = new PacketWriter(1 << 20, Infinity, new OutAtomCache());
    for (let i = 0; i < n; i++) w.pushSend(from, to, tuple(i, payload), { versionByte: false }, true);
    return w.pendingBytes;
  };

  function stalled() {
    const c = new Cluster({ maxMessageBytes: 16 * 1024, highWaterBytes: 64 * 1024 });
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    const box = collect(two.node);
    c.connect(one, two);
    const flood = new Flood(box.pid, TOTAL, payload);
    const pid = one.node.spawn(flood);
    // The network is stalled: only node one runs, nothing is delivered, the link stays full.
    for (let i = 0; i < 100; i++) one.node.runUntilIdle();
    return { c, one, two, box, flood, pid };
  }

  it('stops scheduling the sender once the queue passes the limit, so memory stays bounded, then delivers everything in order', () => {
    const { c, one, box, flood, pid } = stalled();
    // The queue filled up to the limit, then the sender stopped: at most one message past it, beside
    // what the link itself holds (its high-water mark and one transport message).
    const bytes = floodBytes(flood.sent, box.pid, pid);
    const last = bytes - floodBytes(flood.sent - 1, box.pid, pid);
    expect(bytes).toBeGreaterThanOrEqual(DIST_BUF_BUSY_LIMIT);
    expect(bytes).toBeLessThanOrEqual(DIST_BUF_BUSY_LIMIT + 64 * 1024 + 16 * 1024 + last);
    expect(one.node.info(pid)?.status).toBe('suspended');
    expect(one.node.hasWork()).toBe(false);
    // A message does not wake it.
    one.node.send(pid, atom('hello'));
    expect(one.node.runUntilIdle()).toBe(0);
    expect(one.node.info(pid)?.status).toBe('suspended');
    // The link drains: the sender resumes, is suspended again as often as needed, and all arrives in order.
    c.settle();
    expect(flood.sent).toBe(TOTAL);
    expect(box.got.length).toBe(TOTAL);
    expect(box.got.every((m, i) => m instanceof Tuple && m.elements[0] === i)).toBe(true);
    expect(c.net.maxBufferedBytes).toBeLessThanOrEqual(64 * 1024 + 16 * 1024);
  });

  it('other processes keep running while the sender is suspended', () => {
    const { one, pid } = stalled();
    expect(one.node.info(pid)?.status).toBe('suspended');
    const echo = collect(one.node);
    one.node.send(echo.pid, atom('ping'));
    one.node.runUntilIdle();
    expect(echo.got).toEqual([atom('ping')]);
  });

  it('a connection that goes down resumes its suspended senders (their messages to it are lost, as on BEAM)', () => {
    const { c, one, two, flood, pid } = stalled();
    const watcher = collect(one.node);
    one.dist.monitorNode(watcher.pid, two.name, true);
    expect(one.node.info(pid)?.status).toBe('suspended');
    const before = flood.sent;
    c.net.disconnect('one@lab', 'two@lab');
    c.settle();
    expect(watcher.got).toEqual([tuple(atom('nodedown'), two.name)]);
    expect(flood.sent).toBeGreaterThan(before);
    expect(one.node.info(pid)).toBe(undefined); // it ran to its end
  });

  it('what waits for the link is bytes of its own: batches written after it, before the link drains, leave it whole', () => {
    const c = new Cluster({ maxMessageBytes: 1024, highWaterBytes: 4096 });
    const { one, box } = connectedPair(c);
    // Three batches, each flushed at the end of its own slice, with no delivery between them: the
    // first fills the link and the rest of it waits, while the next two are written to the
    // connection's buffer, of which the first batch's messages were views.
    one.node.spawn(
      generatorBody(function* (proc) {
        for (let batch = 0; batch < 3; batch++) {
          for (let i = 0; i < 300; i++) proc.send(box.pid, tuple(atom('msg'), batch * 300 + i));
          yield sleep(1);
        }
      }),
    );
    for (let batch = 0; batch < 3; batch++) {
      one.node.runUntilIdle();
      c.clock.advance(1);
    }
    c.settle();
    expect(box.got).toEqual(Array.from({ length: 900 }, (_, i) => tuple(atom('msg'), i)));
  });

  it('a flood while the connection is still being set up is suspended at a bounded queue, then crosses in order', () => {
    const c = new Cluster({ maxMessageBytes: 16 * 1024, highWaterBytes: 64 * 1024 });
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    const box = collect(two.node);
    c.settle();
    const flood = new Flood(box.pid, TOTAL, payload);
    const pid = one.node.spawn(flood);
    // The first send starts the connection; the handshake cannot finish while only one runs.
    for (let i = 0; i < 100; i++) one.node.runUntilIdle();
    expect(flood.sent).toBe(PENDING_BUSY_MESSAGES);
    expect(one.node.info(pid)?.status).toBe('suspended');
    c.settle();
    expect(box.got.length).toBe(TOTAL);
    expect(box.got.every((m, i) => m instanceof Tuple && m.elements[0] === i)).toBe(true);
  });
});
