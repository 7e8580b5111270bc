// How the PeerJS transport's links receive: from the data channel's own `message` event, inside
// the host's event scope (node-loop.ts `event`), and a message the peer should not have sent
// still only closes its link.
import { describe, expect, it } from 'vitest';
import type { TransportEvent } from './peerjs.ts';
import { fakeLinkPair, type FakeConnection } from './peerjs-fake.ts';
import { encodeFrame } from './frame.ts';

async function pair() {
  const log: string[] = [];
  const event: TransportEvent = { begin: () => log.push('begin'), end: () => log.push('end') };
  const closes: string[] = [];
  const { net, settle, link } = await fakeLinkPair(
    (l) => {
      l.onMessage((bytes) => {
        log.push(`message ${[...bytes].join(',')}`);
        if (bytes[0] === 99) throw new Error('listener failed');
      });
      l.onClose((r) => closes.push(r));
    },
    { event, log: () => {} },
  );
  return { link, theirs: net.connections[1] as FakeConnection, log, closes, settle };
}

describe('the PeerJS transport: receiving', () => {
  it("reads each message from the channel and hands it on inside the host's event scope", async () => {
    const p = await pair();
    p.link.send(Uint8Array.of(1, 2));
    p.link.send(Uint8Array.of(3));
    await p.settle();
    expect(p.log).toEqual(['begin', 'message 1,2', 'end', 'begin', 'message 3', 'end']);
  });

  it('ends the scope even when a listener throws', async () => {
    const p = await pair();
    p.log.length = 0;
    // A stored frame (kind 0) of one byte, 99, which the listener throws on.
    expect(() => p.theirs.channelMessage(Uint8Array.of(0, 99).buffer)).toThrow('listener failed');
    expect(p.log).toEqual(['begin', 'message 99', 'end']);
  });

  it('a text message from the peer closes the link with a protocol error, and nothing is delivered', async () => {
    const p = await pair();
    p.log.length = 0;
    p.theirs.channelMessage('hello');
    await p.settle();
    expect(p.log).toEqual([]);
    expect(p.closes).toEqual(['protocol error: non-binary data channel message (string)']);
  });

  it('decodes every delta frame into one buffer of its own, lent to the listener for the length of its callback', async () => {
    const seen: Uint8Array[] = [];
    const copies: number[][] = [];
    const { net, link } = await fakeLinkPair((l) => {
      expect(l.lendsMessages).toBe(true);
      l.onMessage((bytes) => {
        seen.push(bytes);
        copies.push([...bytes]);
      });
    });
    const theirs = net.connections[1] as FakeConnection;
    void link;
    // Two batches of 200 similar packets (a length prefix and a 28-byte body whose last byte
    // counts): delta frames.
    const packet = (n: number) => [0, 0, 0, 28, ...Array<number>(27).fill(7), n & 0xff];
    const batch = (k: number) => Uint8Array.from(Array.from({ length: 200 }, (_, i) => packet(k + i)).flat());
    for (const k of [1, 2]) {
      const frame = encodeFrame(batch(k));
      expect(frame[0]).toBe(2); // a delta, not stored
      theirs.channelMessage(frame.slice().buffer);
    }
    expect(copies).toEqual([[...batch(1)], [...batch(2)]]);
    // The same memory both times: the second message was written over the first.
    expect(seen[0]?.buffer).toBe(seen[1]?.buffer);
    expect([...(seen[0] as Uint8Array)]).toEqual([...batch(2)]);
  });
});
