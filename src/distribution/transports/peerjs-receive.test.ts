// How the PeerJS transport's links receive: from the data channel's own `message` event, inside
// the host's event scope (node-loop.ts `event`), and a message the peer should not have sent
// still only closes its link.
import { describe, expect, it } from 'vitest';
import { createPeerJsTransport, type TransportEvent } from './peerjs.ts';
import { FakePeerNetwork, type FakeConnection } from './peerjs-fake.ts';
import { peerIdForNode } from '../peer-id.ts';
import type { Link } from './transport.ts';

async function pair() {
  const net = new FakePeerNetwork();
  const log: string[] = [];
  const event: TransportEvent = { begin: () => log.push('begin'), end: () => log.push('end') };
  const a = createPeerJsTransport(net.add(peerIdForNode('a@lab')));
  const b = createPeerJsTransport(net.add(peerIdForNode('b@lab')), undefined, { event, log: () => {} });
  const closes: string[] = [];
  b.listen('b@lab', (l) => {
    l.onMessage((bytes) => {
      log.push(`message ${[...bytes].join(',')}`);
      if (bytes[0] === 99) throw new Error('listener failed');
    });
    l.onClose((r) => closes.push(r));
  });
  a.listen('a@lab', () => {});
  let link: Link | null = null;
  a.connect('b@lab', (r) => {
    if (!r.ok) throw new Error(r.reason);
    link = r.link;
  });
  const settle = async () => {
    for (let i = 0; i < 10_000 && net.step(); i++) await Promise.resolve();
    await Promise.resolve();
  };
  await settle();
  if (link === null) throw new Error('not connected');
  return { link: link as Link, theirs: net.connections[1] as FakeConnection, log, closes, settle };
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
});
