// Every way a live connection can end gives {:nodedown, node} to the processes that called
// Node.monitor on that node (and to monitor_nodes subscribers): a closed transport, a packet
// that does not decode, a data-channel frame the transport refuses, the tick timeout, a peer that
// drops the link right after our side of the handshake came up, and Node.disconnect.
import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../core/term/types.ts';
import type { Atom } from '../core/term/types.ts';
import { forwardingLink } from './middleware/middleware.ts';
import type { Link, Transport } from './transports/transport.ts';
import { unframe } from './transports/frame.ts';
import { Cluster, collect, rawPeer } from './testing.ts';
import type { TestPeer } from './testing.ts';

const nodedown = (n: Atom) => tuple(atom('nodedown'), n);

/** `p` watches `n` with Node.monitor (already connected, so no connection attempt). */
function watch(p: TestPeer, n: Atom): { got: unknown[] } {
  const w = collect(p.node);
  expect(p.dist.monitorNode(w.pid, n, true)).toBe(true);
  return w;
}

function pair(o: { wrapTwo?: (t: Transport) => Transport } = {}) {
  const c = new Cluster();
  const one = c.add('one@lab');
  const two = c.add('two@lab', o.wrapTwo !== undefined ? { wrapTransport: o.wrapTwo } : {});
  expect(c.connect(one, two)).toBe(true);
  const atOne = watch(one, two.name);
  const atTwo = watch(two, one.name);
  /** Both sides' watchers got nodedown, once. */
  const bothDown = () => {
    expect(atOne.got).toEqual([nodedown(two.name)]);
    expect(atTwo.got).toEqual([nodedown(one.name)]);
  };
  return { c, one, two, bothDown };
}

/** `two@lab` up with a hand-driven `evil@lab` (testing.ts rawPeer), watched by a process on two. */
function withRawPeer(o: { stopAtAck?: boolean } = {}) {
  const c = new Cluster();
  const two = c.add('two@lab');
  c.settle();
  const evil = rawPeer(c, 'evil@lab', two, o);
  expect(two.dist.list()).toEqual([atom('evil@lab')]);
  return { c, two, evil, w: watch(two, atom('evil@lab')) };
}

/**
 * Links that can be handed what a data channel delivers (any value), checked as peerjs.ts checks
 * it (frame.ts `unframe`): a refused message closes the link with a protocol error.
 */
function dataChannels(deliver: ((data: unknown) => void)[]) {
  return (t: Transport): Transport => {
    const wrap = (link: Link): Link => {
      const closeCbs = new Set<(reason: string) => void>();
      let closed = false;
      const finish = (reason: string) => {
        if (closed) return;
        closed = true;
        for (const cb of [...closeCbs]) cb(reason);
      };
      link.onClose(finish);
      deliver.push((data) => {
        const bytes = unframe(data, t.maxMessageBytes);
        if (typeof bytes !== 'string') return;
        finish(`protocol error: ${bytes}`);
        link.close();
      });
      return forwardingLink(link, {
        onClose: (cb) => {
          closeCbs.add(cb);
          return () => closeCbs.delete(cb);
        },
      });
    };
    return {
      maxMessageBytes: t.maxMessageBytes,
      listen: (name, onIncoming) => t.listen(name, (link, peer) => onIncoming(wrap(link), peer)),
      connect: (peer, done) => t.connect(peer, (r) => done(r.ok ? { ok: true, link: wrap(r.link) } : r)),
    };
  };
}

describe('every link closure gives nodedown', () => {
  it('the transport closes the link (the network, or the peer went away)', () => {
    const { c, bothDown } = pair();
    c.net.disconnect('one@lab', 'two@lab');
    c.settle();
    bothDown();
  });

  it('a packet that does not decode', () => {
    const { c, two, evil, w } = withRawPeer();
    evil.link.send(Uint8Array.of(0, 0, 0, 3, 112, 131, 255));
    c.settle();
    expect(two.logs.at(-1)?.[1]).toMatch(/^\*\* Connection to node :evil@lab closed: protocol error: /);
    expect(w.got).toEqual([nodedown(atom('evil@lab'))]);
  });

  it('a data-channel message the transport refuses (text, oversized, corrupt frame)', () => {
    for (const data of ['1000000000', new ArrayBuffer(1 << 20), Uint8Array.of(9, 9, 9)]) {
      const deliver: ((data: unknown) => void)[] = [];
      const { c, two, bothDown } = pair({ wrapTwo: dataChannels(deliver) });
      expect(deliver.length).toBe(1);
      (deliver[0] as (data: unknown) => void)(data);
      c.settle();
      bothDown();
      expect(two.logs.at(-1)?.[1]).toMatch(/^\*\* Connection to node :one@lab closed: protocol error: (non-binary|data channel message of|corrupt)/);
    }
  });

  it('the tick timeout', () => {
    const { c, one, bothDown } = pair();
    one.conditioner.cut('two@lab');
    c.advance(135_000);
    expect(one.logs).toContainEqual(['error', '** Node :two@lab not responding **\n** Removing (timedout) connection **']);
    bothDown();
  });

  it('the peer drops the link after our side of the handshake came up (it never accepted our challenge_ack)', () => {
    const { c, evil, w } = withRawPeer({ stopAtAck: true });
    evil.link.close();
    c.settle();
    expect(w.got).toEqual([nodedown(atom('evil@lab'))]);
  });

  it('Node.disconnect', () => {
    const { c, one, two, bothDown } = pair();
    expect(one.dist.disconnect(two.name)).toBe(true);
    c.settle();
    bothDown();
  });
});
