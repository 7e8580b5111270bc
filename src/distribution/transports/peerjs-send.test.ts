// How the PeerJS transport's links send: straight on the data channel, framed in one buffer the
// link reuses (the channel copies at once, as RTCDataChannel.send does), and through PeerJS
// whenever PeerJS still holds messages of its own or the channel is past PeerJS's own mark.
import { describe, expect, it } from 'vitest';
import { fakeLinkPair, type FakeConnection, type FakePeerNetwork } from './peerjs-fake.ts';
import type { Link } from './transport.ts';

interface Pair {
  readonly net: FakePeerNetwork;
  readonly link: Link;
  readonly conn: FakeConnection;
  readonly got: number[][];
  readonly closes: string[];
  settle(): Promise<void>;
}

async function pair(): Promise<Pair> {
  const got: number[][] = [];
  const closes: string[] = [];
  const { net, link, settle } = await fakeLinkPair((l) => l.onMessage((bytes) => got.push([...bytes])));
  link.onClose((r) => closes.push(r));
  return { net, link, conn: net.connections[0] as FakeConnection, got, closes, settle };
}

describe('the PeerJS transport: sending', () => {
  it('sends small messages on the channel itself, each intact and in order, though framed in one reused buffer', async () => {
    const p = await pair();
    const msgs = Array.from({ length: 50 }, (_, i) => Array.from({ length: 1 + (i % 7) * 9 }, (_, j) => (i * 31 + j) & 0xff));
    for (const m of msgs) p.link.send(Uint8Array.from(m));
    await p.settle();
    expect(p.got).toEqual(msgs);
    expect(p.conn.sent).toEqual({ viaPeerJs: 0, viaChannel: 50 });
  });

  it('goes through PeerJS while PeerJS holds messages of its own, so nothing overtakes them', async () => {
    const p = await pair();
    p.conn.bufferSize = 2;
    p.link.send(Uint8Array.of(1, 2, 3));
    p.conn.bufferSize = 0;
    p.link.send(Uint8Array.of(4));
    await p.settle();
    expect(p.got).toEqual([[1, 2, 3], [4]]);
    expect(p.conn.sent).toEqual({ viaPeerJs: 1, viaChannel: 1 });
  });

  it('sends large messages on the channel too, framed in the same reused buffer, compressed or not, each intact', async () => {
    const p = await pair();
    // Batches of packets (a length prefix, then a body): similar ones travel as a delta, random ones stored.
    const packets = (n: number, body: (i: number, j: number) => number) => Uint8Array.from(Array.from({ length: n }, (_, i) => [0, 0, 0, 20, ...Array.from({ length: 20 }, (_, j) => body(i, j))]).flat());
    const similar = packets(200, (i, j) => (j === 19 ? i & 0xff : 7));
    const noisy = packets(100, (i, j) => (i * 7919 + j * 104729) % 251);
    p.link.send(similar);
    p.link.send(Uint8Array.of(9));
    p.link.send(noisy);
    p.link.send(similar.subarray(0, 24 * 150));
    await p.settle();
    expect(p.got).toEqual([[...similar], [9], [...noisy], [...similar.subarray(0, 24 * 150)]]);
    expect(p.conn.sent).toEqual({ viaPeerJs: 0, viaChannel: 4 });
  });

  it('goes through PeerJS while the channel holds more than PeerJS itself would send into it', async () => {
    const p = await pair();
    p.conn.dataChannel.bufferedAmount = 9 * 1024 * 1024;
    p.link.send(Uint8Array.of(1));
    p.conn.dataChannel.bufferedAmount = 0;
    p.link.send(Uint8Array.of(2));
    await p.settle();
    expect(p.got).toEqual([[1], [2]]);
    expect(p.conn.sent).toEqual({ viaPeerJs: 1, viaChannel: 1 });
  });

  it('a channel whose send throws closes the link with the error, once, and later sends are dropped', async () => {
    const p = await pair();
    p.conn.dataChannel.send = () => {
      throw new Error('RTCDataChannel.readyState is not open');
    };
    p.link.send(Uint8Array.of(1));
    p.link.send(Uint8Array.of(2));
    await Promise.resolve(); // close callbacks come in a microtask (the Link contract)
    expect(p.closes).toEqual(['data channel error: RTCDataChannel.readyState is not open']);
    expect(p.link.writable).toBe(false);
    await p.settle();
    expect(p.got).toEqual([]);
  });
});
