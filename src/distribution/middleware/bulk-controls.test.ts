/**
 * The bulk lane (bulk-lane.ts) through the classroom's network controls (network-controls.ts):
 * every layer passes a link's second channel on, and handles the lane's markers and ACKs, so
 * that in the app a large message crosses on its own channel whatever the controls do:
 * - pause/step (hold.ts, bulk-follow.ts): the large message is ONE held message, released by a
 *   step in order with the same sender's small ones, and a paused link takes one bulk message;
 * - message speed (message-speed.ts): the large message of a class process lands with the delay;
 * - the conditioner (conditioner.ts): delay, drop (which spares the lane) and cut (which ends
 *   the link, both channels, when the lane lost bytes).
 */
import { describe, expect, it } from 'vitest';
import { Binary, atom, tuple } from '../../core/term/types.ts';
import type { Term } from '../../core/term/types.ts';
import { SeededRandom } from '../../core/ports.ts';
import { BULK_WINDOW_BYTES } from '../bulk-lane.ts';
import { TICK_TIMEOUT_MS } from '../connection.ts';
import { Cluster, collect, sendsOnce, type TestPeer } from '../testing.ts';
import { createNetworkConditioner, type NetworkConditioner } from './network-controls.ts';
import { BulkFollower } from './bulk-follow.ts';

const big = (n: number) => Binary.fromBytes(new Uint8Array(n).fill(7));
/** What a process got, large binaries told by their size. */
const shown = (got: Term[]) => got.map((t) => (t instanceof Binary ? t.byteSize : t));

/** Two tabs, each behind the whole stack of network controls, over links with bulk channels. */
function setup() {
  const c = new Cluster({ bulkChannels: true, maxMessageBytes: 16 * 1024 });
  const controls: NetworkConditioner[] = [];
  const add = (name: string, seed: number): TestPeer => {
    const ctl = createNetworkConditioner(c.clock, new SeededRandom(seed));
    controls.push(ctl);
    return c.add(name, { bare: true, wrapTransport: (t) => ctl.wrap(t) });
  };
  const one = add('one@lab', 1);
  const two = add('two@lab', 2);
  const [c1, c2] = controls as [NetworkConditioner, NetworkConditioner];
  const settle = () => {
    for (let i = 0; i < 1000; i++) {
      c.settle();
      if (c1.runDue() + c2.runDue() === 0) return;
    }
    throw new Error('the controls did not settle');
  };
  /** Moves the clock by `ms` in steps, settling at each. */
  const advance = (ms: number, step = 10) => {
    for (let t = 0; t < ms; t += step) {
      c.clock.advance(Math.min(step, ms - t));
      settle();
    }
  };
  const q = collect(two.node);
  const r = collect(two.node);
  expect(c.connect(one, two)).toBe(true);
  settle();
  return { c, one, two, c1, c2, q, r, settle, advance };
}

describe('pause and step with the bulk lane', () => {
  it('a paused sender holds a large message as one held message; steps release it in order with the same sender\'s small ones', () => {
    const { one, c1, q, r, settle } = setup();
    c1.hold(true);
    one.node.spawn(sendsOnce([[q.pid, big(200_000)], [q.pid, atom('after_bulk')]]));
    one.node.spawn(sendsOnce([[r.pid, atom('other_sender')]]));
    settle();
    expect(c1.held()).toBe(3);
    const [first] = c1.heldMessages(1);
    expect(first?.kind).toBe('message');
    expect(first?.to).toEqual(q.pid);
    expect(first?.bytes).toBeGreaterThan(200_000);
    expect(q.got).toEqual([]);
    expect(c1.releaseOne()).toBe(true);
    settle();
    // The step released the large message: it crossed whole while the link stays paused.
    expect(shown(q.got)).toEqual([200_000]);
    expect(c1.lastReleased()).toEqual(first);
    expect(c1.steps().map((s) => s.message?.bytes)).toEqual([first?.bytes]);
    expect(c1.held()).toBe(2);
    expect(c1.releaseOne()).toBe(true);
    settle();
    expect(shown(q.got)).toEqual([200_000, atom('after_bulk')]);
    expect(r.got).toEqual([]);
    expect(c1.releaseOne()).toBe(true);
    settle();
    expect(r.got).toEqual([atom('other_sender')]);
  });

  it('a paused link takes one bulk message of a large one, whatever is sent into it; resuming lets all of it go, in order', () => {
    const { c, one, c1, q, settle } = setup();
    let sent = 0;
    c.net.onSend((m) => void (m.from === 'one@lab' && (sent += m.bytes.length)));
    c1.hold(true);
    one.node.spawn(sendsOnce([[q.pid, big(300_000)], [q.pid, big(300_000)], [q.pid, atom('done')]]));
    settle();
    // Each large message is one held message (its marker): it took the lane.
    expect(c1.held()).toBe(3);
    expect(sent).toBeLessThan(BULK_WINDOW_BYTES + 20 * 1024);
    c1.hold(false);
    settle();
    expect(shown(q.got)).toEqual([300_000, 300_000, atom('done')]);
  });

  it('the cluster-wide pause (each node holds what it sends) holds a large message once, at its sender', () => {
    const { one, c1, c2, q, settle } = setup();
    c1.hold(true, 'outgoing');
    c2.hold(true, 'outgoing');
    one.node.spawn(sendsOnce([[q.pid, big(150_000)], [q.pid, atom('after')]]));
    settle();
    expect([c1.held(), c2.held()]).toEqual([2, 0]);
    c1.releaseOne();
    settle();
    expect(shown(q.got)).toEqual([150_000]);
    c1.hold(false);
    settle();
    expect(shown(q.got)).toEqual([150_000, atom('after')]);
  });

  it('a receiver paused both ways holds an incoming large message as one, until a step', () => {
    const { one, c2, q, settle } = setup();
    c2.hold(true, 'both');
    one.node.spawn(sendsOnce([[q.pid, big(150_000)], [q.pid, atom('after')]]));
    settle();
    expect(q.got).toEqual([]);
    expect(c2.held()).toBe(2);
    expect(c2.heldMessages(1)[0]?.bytes).toBeGreaterThan(150_000);
    c2.releaseOne();
    settle();
    expect(shown(q.got)).toEqual([150_000]);
    c2.releaseOne();
    settle();
    expect(shown(q.got)).toEqual([150_000, atom('after')]);
  });
});

describe('message speed with the bulk lane', () => {
  it('a class process\'s large message waits the message speed, in order with its small ones', () => {
    const { one, c1, q, settle, advance } = setup();
    c1.slowNetwork(300);
    one.node.spawn(sendsOnce([[q.pid, big(100_000)], [q.pid, atom('after')]]));
    settle();
    advance(250);
    expect(q.got).toEqual([]);
    advance(100);
    expect(shown(q.got)).toEqual([100_000, atom('after')]);
  });
});

describe('the conditioner with the bulk lane', () => {
  it('a delayed link delays the large message and keeps its place', () => {
    const { one, c1, q, r, settle, advance } = setup();
    c1.delay('two@lab', 200);
    one.node.spawn(sendsOnce([[q.pid, big(100_000)], [q.pid, atom('after')]]));
    one.node.spawn(sendsOnce([[r.pid, atom('other')]]));
    settle();
    advance(150);
    expect(q.got).toEqual([]);
    expect(r.got).toEqual([]);
    // One bulk message on the way at a time: each waits a round trip of the delay.
    advance(6000, 50);
    expect(shown(q.got)).toEqual([100_000, atom('after')]);
    expect(r.got).toEqual([atom('other')]);
  });

  it('drop spares the lane: every small message is lost, the large one arrives and the link stays up', () => {
    const { one, two, c1, q, settle } = setup();
    c1.dropRate('two@lab', 1);
    one.node.spawn(sendsOnce([[q.pid, atom('before')], [q.pid, big(120_000)], [q.pid, atom('after')]]));
    settle();
    expect(shown(q.got)).toEqual([120_000]);
    expect(one.dist.list()).toEqual([two.name]);
    expect(two.dist.list()).toEqual([one.name]);
  });

  it('a cut during a transfer ends the link (both channels) at the tick timeout; nothing of the large message arrives', () => {
    const { c, one, two, c1, q, settle, advance } = setup();
    const w1 = collect(one.node);
    one.dist.monitorNodes(w1.pid, true);
    // The first bulk message is on the way when the partition comes.
    c.net.holdBulk(true);
    one.node.spawn(sendsOnce([[q.pid, big(400_000)]]));
    settle();
    c1.cut('two@lab');
    c.net.holdBulk(false);
    advance(TICK_TIMEOUT_MS + 20_000, 1000);
    expect(one.dist.list()).toEqual([]);
    expect(two.dist.list()).toEqual([]);
    expect(w1.got).toEqual([tuple(atom('nodedown'), two.name)]);
    c1.heal('two@lab');
    settle();
    expect(q.got).toEqual([]);
  });

  it('healing a cut that broke a transfer closes the link on both sides; one that broke nothing keeps it', () => {
    const { one, two, c1, q, settle } = setup();
    c1.cut('two@lab');
    c1.heal('two@lab');
    one.node.spawn(sendsOnce([[q.pid, big(80_000)]]));
    settle();
    expect(shown(q.got)).toEqual([80_000]);
    expect(one.dist.list()).toEqual([two.name]);

    c1.cut('two@lab');
    one.node.spawn(sendsOnce([[q.pid, big(80_000)]]));
    settle();
    c1.heal('two@lab');
    settle();
    expect(one.dist.list()).toEqual([]);
    expect(two.dist.list()).toEqual([]);
    expect(q.got.length).toBe(1);
  });

  it('disconnect during a transfer closes both channels: nodedown on both sides, nothing half-delivered', () => {
    const { c, one, two, c1, q, settle } = setup();
    c.net.holdBulk(true);
    one.node.spawn(sendsOnce([[q.pid, big(200_000)], [q.pid, atom('after')]]));
    settle();
    c1.disconnect('two@lab');
    c.net.holdBulk(false);
    settle();
    expect(one.dist.list()).toEqual([]);
    expect(two.dist.list()).toEqual([]);
    expect(q.got).toEqual([]);
  });
});

describe('BulkFollower (what a pause does with the bulk channel)', () => {
  const message = (length: number, fill: number, size = length + 4) => {
    const m = new Uint8Array(size).fill(fill);
    new DataView(m.buffer).setUint32(0, length);
    return m;
  };

  it('holds a packet\'s messages until its marker went, and numbers packets by their lengths', () => {
    const out: number[] = [];
    const f = new BulkFollower((b) => out.push(b[b.length - 1] as number));
    f.push(message(10, 1, 8), true); // packet 0, first piece
    f.push(new Uint8Array(6).fill(2), true); // packet 0, the rest
    f.push(message(3, 3), true); // packet 1, whole
    expect(f.head(0)?.length).toBe(8);
    expect(f.head(1)?.length).toBe(7);
    f.markerGone(0);
    expect(out).toEqual([1, 2]);
    f.push(message(3, 4), true); // packet 2: held behind packet 1
    f.markerGone(2);
    expect(out).toEqual([1, 2, 3, 4]);
    f.push(message(3, 5), false); // not holding: goes at once
    expect(out).toEqual([1, 2, 3, 4, 5]);
  });

  it('takes a peer\'s nonsense without throwing: held in order, and let go in order when the pause ends', () => {
    const out: Uint8Array[] = [];
    const f = new BulkFollower((b) => out.push(b));
    const junk = [new Uint8Array(0), Uint8Array.of(1), message(0xffffffff, 9, 16), new Uint8Array(3)];
    for (const j of junk) f.push(j, true);
    expect(out).toEqual([]);
    f.releaseAll();
    expect(out).toEqual(junk);
    f.push(Uint8Array.of(7), true);
    f.clear();
    f.releaseAll();
    expect(out.length).toBe(junk.length);
  });
});
