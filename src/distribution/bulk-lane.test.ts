/**
 * The bulk lane (bulk-lane.ts): large packets on a link's second channel, delivered where their
 * markers stand in the main stream, so that other processes' small messages overtake a large one
 * while the same sender's stay behind it (Erlang's order per pair of processes).
 */
import { describe, expect, it } from 'vitest';
import { Binary, Pid, atom, tuple } from '../core/term/types.ts';
import type { ControlMessage } from './control.ts';
import { BULK_WINDOW_BYTES, BulkOrder, MAX_WAITING_BYTES } from './bulk-lane.ts';
import { Cluster, collect, rawPeer, sendsOnce } from './testing.ts';
import type { Transport } from './transports/transport.ts';
import { withLinkMiddleware } from './middleware/middleware.ts';

const big = (n: number) => Binary.fromBytes(new Uint8Array(n).fill(7));

/** A transport whose links have no bulk channel (a peer without the lane). */
const withoutBulk = (t: Transport): Transport =>
  withLinkMiddleware(t, (link) => ({
    peer: link.peer,
    ...(link.lendsMessages === true ? { lendsMessages: true } : {}),
    send: (b) => link.send(b),
    onMessage: (cb) => link.onMessage(cb),
    onClose: (cb) => link.onClose(cb),
    get writable() {
      return link.writable;
    },
    onDrain: (cb) => link.onDrain(cb),
    close: () => link.close(),
  }));

function setup(o: { twoWithoutLane?: boolean } = {}) {
  const c = new Cluster({ bulkChannels: true, maxMessageBytes: 16 * 1024 });
  const one = c.add('one@lab', { bare: true });
  const two = c.add('two@lab', { bare: true, ...(o.twoWithoutLane === true ? { wrapTransport: withoutBulk } : {}) });
  const q = collect(two.node);
  const r = collect(two.node);
  expect(c.connect(one, two)).toBe(true);
  c.settle();
  return { c, one, two, q, r };
}

describe('large and small messages on one link', () => {
  it('a large message waits on the bulk channel; another process\'s small one overtakes it, the same sender\'s does not', () => {
    const { c, one, q, r } = setup();
    c.net.holdBulk(true);
    const payload = big(200_000);
    one.node.spawn(sendsOnce([[q.pid, tuple(atom('bulk'), payload)], [q.pid, atom('after_bulk')]]));
    one.node.spawn(sendsOnce([[r.pid, atom('other_sender')]]));
    c.settle();
    expect(r.got).toEqual([atom('other_sender')]);
    expect(q.got).toEqual([]);
    c.net.holdBulk(false);
    c.settle();
    expect(q.got).toEqual([tuple(atom('bulk'), payload), atom('after_bulk')]);
  });

  it('the sender keeps at most one window of bulk bytes on the way: the rest goes as the receiver acknowledges', () => {
    const { c, one, q } = setup();
    let sent = 0;
    c.net.onSend((m) => void (m.from === 'one@lab' && (sent += m.bytes.length)));
    c.net.holdBulk(true);
    one.node.spawn(sendsOnce([[q.pid, big(300_000)]]));
    c.settle();
    // One bulk message (16 KiB here) is on the way, and nothing acknowledged it.
    expect(sent).toBeLessThan(BULK_WINDOW_BYTES + 20 * 1024);
    c.net.holdBulk(false);
    c.settle();
    expect(sent).toBeGreaterThan(300_000);
    expect(q.got.length).toBe(1);
  });

  it('only the sender of a large message is suspended while the bulk channel is over the busy limit', () => {
    const { c, one, q, r } = setup();
    c.net.holdBulk(true);
    one.node.spawn(sendsOnce([[q.pid, big(2_000_000)]]));
    c.settle();
    // Two runs, a send in each: a sender suspended after its first send would not make the second.
    let runs = 0;
    one.node.spawn({
      run(proc) {
        proc.send(r.pid, atom(runs === 0 ? 'a' : 'b'));
        return runs++ === 0 ? { type: 'yield', reductions: 1 } : { type: 'exit', reductions: 1, reason: atom('normal') };
      },
    });
    c.settle();
    expect(r.got).toEqual([atom('a'), atom('b')]);
    c.net.holdBulk(false);
    c.settle();
    expect(q.got.length).toBe(1);
  });

  it('two large messages from one sender arrive in order, each before what followed it', () => {
    const { c, one, q } = setup();
    c.net.holdBulk(true);
    one.node.spawn(sendsOnce([[q.pid, big(100_000)], [q.pid, atom('one')], [q.pid, big(70_000)], [q.pid, atom('two')]]));
    c.settle();
    expect(q.got).toEqual([]);
    c.net.holdBulk(false);
    c.settle();
    expect(q.got.map((t) => (t instanceof Binary ? t.byteSize : t))).toEqual([100_000, atom('one'), 70_000, atom('two')]);
  });

  it('a small message after a large one to another process of the same sender waits too (order per sender)', () => {
    const { c, one, q, r } = setup();
    c.net.holdBulk(true);
    one.node.spawn(sendsOnce([[q.pid, big(100_000)], [r.pid, atom('later')]]));
    c.settle();
    expect(r.got).toEqual([]);
    c.net.holdBulk(false);
    c.settle();
    expect(r.got).toEqual([atom('later')]);
    expect(q.got.length).toBe(1);
  });

  it('small messages never take the bulk channel, and nothing does where the peer has none', () => {
    // two's links have no bulk channel: it never says HELLO.
    const { c, one, q } = setup({ twoWithoutLane: true });
    c.net.holdBulk(true);
    one.node.spawn(sendsOnce([[q.pid, big(100_000)], [q.pid, atom('after')]]));
    c.settle();
    expect(q.got.map((t) => (t instanceof Binary ? t.byteSize : t))).toEqual([100_000, atom('after')]);
    const { c: c2, one: one2, q: q2 } = setup();
    c2.net.holdBulk(true);
    one2.node.spawn(sendsOnce([[q2.pid, big(1000)], [q2.pid, atom('small')]]));
    c2.settle();
    expect(q2.got.length).toBe(2);
  });
});

describe('BulkOrder', () => {
  const pid = (id: number) => new Pid(atom('a@lab'), id, 0, 1);
  const send = (from: number | null, tag: string): ControlMessage => ({ type: 'send', from: from === null ? null : pid(from), to: pid(99), message: atom(tag) });
  const tags = (out: ControlMessage[]) => out.map((m) => (m.type === 'send' ? (m.message as { name: string }).name : m.type));

  it('passes everything through while no bulk packet is pending', () => {
    const o = new BulkOrder();
    const out: ControlMessage[] = [];
    o.main(send(1, 'a'), 10, out);
    o.main(send(null, 'b'), 10, out);
    expect(tags(out)).toEqual(['a', 'b']);
  });

  it('holds a sender behind its pending packet, and a signal without a sender behind any', () => {
    const o = new BulkOrder();
    const out: ControlMessage[] = [];
    expect(o.marker(0, '1.0', out)).toBe(null);
    o.main(send(1, 'same'), 10, out);
    o.main(send(2, 'other'), 10, out);
    o.main(send(null, 'anon'), 10, out);
    o.main(send(3, 'after_anon'), 10, out);
    expect(tags(out)).toEqual(['other']);
    o.bulk(send(1, 'bulk'), 1000, out);
    expect(tags(out)).toEqual(['other', 'bulk', 'same', 'anon', 'after_anon']);
    expect(o.heldBytes).toBe(0);
  });

  it('a bulk packet that comes before its marker waits for it', () => {
    const o = new BulkOrder();
    const out: ControlMessage[] = [];
    o.bulk(send(1, 'bulk'), 1000, out);
    expect(o.heldBytes).toBe(1000);
    o.main(send(1, 'before'), 10, out);
    o.marker(0, '1.0', out);
    o.main(send(1, 'after'), 10, out);
    expect(tags(out)).toEqual(['before', 'bulk', 'after']);
    expect(o.heldBytes).toBe(0);
  });

  it('refuses a marker out of sequence and a peer that makes it hold too much', () => {
    const o = new BulkOrder();
    expect(o.marker(1, null, [])).toBe('bulk lane: marker 1 where 0 was due');
    const p = new BulkOrder();
    expect(p.bulk(send(1, 'x'), MAX_WAITING_BYTES + 1, [])).toBe(`bulk lane: more than ${MAX_WAITING_BYTES} bytes wait`);
    const q = new BulkOrder();
    q.marker(0, '1.0', []);
    expect(q.main(send(1, 'x'), MAX_WAITING_BYTES, [])).toBe(null);
    expect(q.main(send(1, 'y'), 1, [])).toBe(`bulk lane: more than ${MAX_WAITING_BYTES} bytes wait`);
  });
});

/** A packet: Length:32 | body. */
function packet(body: number[]): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setUint32(0, body.length);
  out.set(body, 4);
  return out;
}
const u32 = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const marker = (seq: number) => [0xb1, ...u32(seq), 0, ...u32(0), ...u32(0)];
const HELLO = [0xb0];
/** A plain SEND_SENDER packet from evil's <0.5.0> to `to`, carrying a two-letter atom. */
function plainSend(to: Pid, message: string): number[] {
  const text = (s: string) => [...new TextEncoder().encode(s)];
  const pidExt = (node: string, id: number, creation: number) => [88, 119, node.length, ...text(node), ...u32(id), ...u32(0), ...u32(creation)];
  return [112, 131, 104, 3, 97, 22, ...pidExt('evil@lab', 5, 5), ...pidExt(to.node.name, to.id, to.creation), 131, 119, message.length, ...text(message)];
}

describe("a peer's bad use of the bulk lane closes the link with a logged reason", () => {
  /** What `act` does to two from a peer that shook hands: links closed, the last log, and whether two still delivers. */
  function afterHostile(bulkChannels: boolean, act: (evil: ReturnType<typeof rawPeer>, box: Pid) => void) {
    const c = new Cluster({ bulkChannels });
    const two = c.add('two@lab', { bare: true });
    const box = collect(two.node);
    c.settle();
    const evil = rawPeer(c, 'evil@lab', two);
    act(evil, box.pid);
    c.settle();
    const log = two.logs.at(-1)?.[1];
    two.node.send(box.pid, atom('still_alive'));
    c.settle();
    return { closed: evil.closed.length, log, delivers: box.got.at(-1) === atom('still_alive'), got: box.got.slice(0, -1) };
  }
  const closedWith = (reason: string) => ({ closed: 1, log: `** Connection to node :evil@lab closed: protocol error: ${reason} **`, delivers: true, got: [] });

  it('garbage on the bulk channel', () => {
    expect(afterHostile(true, (e) => e.link.bulk?.send(packet([1, 2, 3])))).toEqual(closedWith('unknown packet type 1'));
  });

  it('a packet length past the limit on the bulk channel', () => {
    expect(afterHostile(true, (e) => e.link.bulk?.send(Uint8Array.of(0xff, 0xff, 0xff, 0xff)))).toEqual(closedWith('packet of 4294967295 bytes exceeds the limit of 67108864'));
  });

  it('an atom-cache header or a marker on the bulk channel', () => {
    expect(afterHostile(true, (e) => e.link.bulk?.send(packet([131, 68, 0, 104, 0])))).toEqual(closedWith('bulk lane: not a plain packet'));
    expect(afterHostile(true, (e) => e.link.bulk?.send(packet(marker(0))))).toEqual(closedWith('bulk lane: not a plain packet'));
  });

  it('markers out of sequence', () => {
    expect(afterHostile(true, (e) => e.link.send(packet(marker(3))))).toEqual(closedWith('bulk lane: marker 3 where 0 was due'));
    expect(afterHostile(true, (e) => (e.link.send(packet(marker(0))), e.link.send(packet(marker(0)))))).toEqual(closedWith('bulk lane: marker 0 where 1 was due'));
  });

  it('a marker on a link without a bulk channel', () => {
    expect(afterHostile(false, (e) => e.link.send(packet(marker(0))))).toEqual(closedWith('bulk lane: marker on a link without one'));
  });

  it('an ACK of more than was sent', () => {
    const ack = [0xb2, ...u32(1)];
    expect(afterHostile(true, (e) => e.link.send(packet(ack)))).toEqual(closedWith('bulk lane: ACK of 1 bytes with 0 on the way'));
    expect(afterHostile(false, (e) => e.link.send(packet(ack)))).toEqual(closedWith('bulk lane: ack on a link without one'));
  });

  it('a binary whose length runs past its bulk packet (the lane decodes large binaries as views)', () => {
    const r = afterHostile(true, (e, box) => {
      const send = plainSend(box, 'xx');
      // The message `xx` (its last 4 bytes: 119, 2, x, x) becomes a binary claiming 100,000 bytes with 3.
      e.link.send(packet(marker(0)));
      e.link.bulk?.send(packet([...send.slice(0, -4), 109, ...u32(100_000), 1, 2, 3]));
    });
    expect(r).toEqual(closedWith('payload: truncated input: need 100000 bytes at offset 57, have 3'));
  });

  it('a malformed HELLO or marker', () => {
    expect(afterHostile(true, (e) => e.link.send(packet([0xb0, 1])))).toEqual(closedWith('bulk lane: HELLO of 2 bytes'));
    expect(afterHostile(true, (e) => e.link.send(packet([0xb1, 0, 0])))).toEqual(closedWith('bulk lane: marker of 3 bytes'));
  });

  it('a bulk packet is delivered where its marker stands; a HELLO where we have no channel is ignored', () => {
    const r = afterHostile(true, (e, box) => {
      e.link.send(packet(HELLO));
      e.link.send(packet(plainSend(box, 'm1')));
      e.link.send(packet(marker(0)));
      e.link.send(packet(plainSend(box, 'm2')));
      e.link.bulk?.send(packet(plainSend(box, 'bk')));
    });
    expect(r).toEqual({ closed: 0, log: undefined, delivers: true, got: [atom('m1'), atom('bk'), atom('m2')] });
    expect(afterHostile(false, (e, box) => (e.link.send(packet(HELLO)), e.link.send(packet(plainSend(box, 'm1')))))).toEqual({ closed: 0, log: undefined, delivers: true, got: [atom('m1')] });
  });
});

