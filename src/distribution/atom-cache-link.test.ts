/**
 * The atom cache on a link: the class's messages take the header form and shrink, the tool's
 * stay cache-free (they may overtake held packets), and a peer's bad cache use closes the link
 * with a logged reason while the node runs on.
 */
import { describe, expect, it } from 'vitest';
import { atom, tuple } from '../core/term/types.ts';
import { Cluster, collect, rawPeer } from './testing.ts';
import { hasAtomCacheRefs } from './etf/packet.ts';
import { PACKET_LENGTH_BYTES } from './packet-stream.ts';
import type { Link, Transport } from './transports/transport.ts';

function frame(body: number[]): Uint8Array {
  const out = new Uint8Array(4 + body.length);
  new DataView(out.buffer).setUint32(0, body.length);
  out.set(body, 4);
  return out;
}

/** Records every transport message a node sends. */
function tap(sent: Uint8Array[]): (t: Transport) => Transport {
  const wrap = (l: Link): Link => ({ ...l, send: (b) => (sent.push(b.slice()), l.send(b)), peer: l.peer, close: () => l.close(), onMessage: (cb) => l.onMessage(cb), onClose: (cb) => l.onClose(cb), onDrain: (cb) => l.onDrain(cb), get writable() { return l.writable; } });
  return (t) => ({
    ...t,
    listen: (name, onLink) => t.listen(name, (l, peer) => onLink(wrap(l), peer)),
    connect: (peer, done) => t.connect(peer, (r) => done(r.ok ? { ok: true, link: wrap(r.link) } : r)),
  });
}

describe('the atom cache between two nodes', () => {
  it('a small SEND shrinks once the node names are cached, and arrives intact', () => {
    const c = new Cluster();
    const one = c.add('one@lab');
    const two = c.add('two@lab');
    const box = collect(two.node);
    c.connect(one, two);
    const sizes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = one.dist.stats(two.name)?.bytesOut ?? 0;
      one.node.spawn({ run: (p) => (p.send(box.pid, tuple(atom('msg'), i)), { type: 'exit', reductions: 1, reason: atom('normal') }) });
      c.settle();
      sizes.push((one.dist.stats(two.name)?.bytesOut ?? 0) - before);
    }
    expect(box.got).toEqual([0, 1, 2].map((i) => tuple(atom('msg'), i)));
    // Length, 131 68 3, two flag bytes, three slots, {22, pid, pid} with refs, {ref, int}.
    expect(sizes[2]).toBe(4 + 3 + 2 + 3 + 4 + 2 * 15 + 6);
    expect(sizes[1]).toBe(sizes[2]);
    expect(sizes[0]).toBeGreaterThan((sizes[2] as number) + 2 * 'one@lab'.length);
  });

  it('the tool\'s own packets (net_kernel, ticks) carry no refs; the class\'s do', () => {
    const c = new Cluster();
    const sent: Uint8Array[] = [];
    const one = c.add('one@lab', { wrapTransport: tap(sent) });
    const two = c.add('two@lab');
    const box = collect(two.node);
    c.connect(one, two);
    c.settle();
    const toolPackets = sent.filter((m) => m.length > PACKET_LENGTH_BYTES && m[PACKET_LENGTH_BYTES] !== undefined);
    sent.length = 0;
    two.node.register(atom('rex'), box.pid); // a tool's name: the tool's traffic
    one.node.send(tuple(atom('rex'), two.name), atom('to_rex'));
    c.settle();
    one.node.spawn({ run: (p) => (p.send(box.pid, atom('from_class')), { type: 'exit', reductions: 1, reason: atom('normal') }) });
    c.settle();
    const bodies = sent.map((m) => m.subarray(PACKET_LENGTH_BYTES));
    expect(bodies.map(hasAtomCacheRefs)).toEqual([false, true]);
    expect(toolPackets.length).toBeGreaterThan(0);
    expect(toolPackets.every((m) => !hasAtomCacheRefs(m.subarray(PACKET_LENGTH_BYTES)))).toBe(true);
    expect(box.got).toEqual([atom('to_rex'), atom('from_class')]);
  });
});

describe('a peer\'s bad cache or fragment use closes the link with a logged reason', () => {
  const cases: [string, number[] | number[][], string][] = [
    ['a reference to an unset entry', [131, 68, 1, 2, 9, 104, 1, 82, 0], 'atom cache reference to unset entry 521'],
    ['an ATOM_CACHE_REF past the header', [131, 68, 1, 8, 9, 1, 0x61, 104, 1, 82, 4], 'control message: atom cache reference 4 out of range (the header has 1)'],
    ['a header longer than its packet', [131, 68, 200, 8, 8], 'bad distribution header: truncated input: need 101 bytes at offset 3, have 2'],
    // Fragments (etf/fragments.ts): a continuation of a message never begun, and one out of order.
    ['a fragment of an unknown sequence', [131, 70, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 1, 97, 1], 'fragment of unknown sequence 9'],
    ['fragments out of order', [[131, 69, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 3, 0, 104], [131, 70, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 1, 1]], 'fragment 1 of sequence 4 out of order (expected 2)'],
  ];
  /** What `body`, framed, does to a node from a peer that shook hands: links closed, last log, and whether it still delivers. */
  function afterHostile(body: number[] | number[][]): { closed: number; log: string | undefined; delivers: boolean } {
    const c = new Cluster();
    const two = c.add('two@lab');
    const box = collect(two.node);
    c.settle();
    const evil = rawPeer(c, 'evil@lab', two);
    const packets = typeof body[0] === 'number' ? [body as number[]] : (body as number[][]);
    for (const p of packets) evil.link.send(frame(p));
    c.settle();
    const log = two.logs.at(-1)?.[1];
    two.node.send(box.pid, atom('still_alive'));
    c.settle();
    return { closed: evil.closed.length, log, delivers: box.got.length === 1 };
  }

  for (const [what, body, reason] of cases) {
    it(what, () => {
      expect(afterHostile(body)).toEqual({ closed: 1, log: `** Connection to node :evil@lab closed: protocol error: ${reason} **`, delivers: true });
    });
  }

  it('a cache entry set by one packet serves the next (the header\'s state is kept per link)', () => {
    const c = new Cluster();
    const two = c.add('two@lab');
    const box = collect(two.node);
    two.node.register(atom('box'), box.pid);
    c.settle();
    const evil = rawPeer(c, 'evil@lab', two);
    const text = (s: string) => [...new TextEncoder().encode(s)];
    const from = (ref: number) => [88, 82, ref, 0, 0, 0, 120, 0, 0, 0, 0, 0, 0, 0, 5];
    // REG_SEND {6, From, '', box} + :hi, filling slots 1 (evil@lab), 2 (box) and 3 (hi) ...
    evil.link.send(frame([131, 68, 3, 0x88, 8, 1, 'evil@lab'.length, ...text('evil@lab'), 2, 3, ...text('box'), 3, 2, ...text('hi'), 104, 4, 97, 6, ...from(0), 119, 0, 82, 1, 82, 2]));
    // ... and naming them by slot alone in the next packet.
    evil.link.send(frame([131, 68, 3, 0, 0, 1, 2, 3, 104, 4, 97, 6, ...from(0), 119, 0, 82, 1, 82, 2]));
    c.settle();
    expect(two.logs).toEqual([]);
    expect(box.got).toEqual([atom('hi'), atom('hi')]);
    expect(evil.closed).toEqual([]);
  });

  // Packets are read where they lie in the transport's message (connection.ts): each must end
  // at its own length, whatever bytes the message holds after it.
  const text = (s: string) => [...new TextEncoder().encode(s)];
  const regSend = (fresh: boolean) => fresh
    ? [131, 68, 3, 0x88, 8, 1, 'evil@lab'.length, ...text('evil@lab'), 2, 3, ...text('box'), 3, 2, ...text('hi'), 104, 4, 97, 6, 88, 82, 0, 0, 0, 0, 120, 0, 0, 0, 0, 0, 0, 0, 5, 119, 0, 82, 1, 82, 2]
    : [131, 68, 3, 0, 0, 1, 2, 3, 104, 4, 97, 6, 88, 82, 0, 0, 0, 0, 120, 0, 0, 0, 0, 0, 0, 0, 5, 119, 0, 82, 1, 82, 2];
  const joined = (...packets: number[][]) => Uint8Array.from(packets.flatMap((p) => [...frame(p)]));

  it('several packets in one transport message: each read in place, a cache entry set by one serving the next', () => {
    const c = new Cluster();
    const two = c.add('two@lab');
    const box = collect(two.node);
    two.node.register(atom('box'), box.pid);
    c.settle();
    const evil = rawPeer(c, 'evil@lab', two);
    evil.link.send(joined(regSend(true), regSend(false), regSend(false)));
    c.settle();
    expect(two.logs).toEqual([]);
    expect(box.got).toEqual([atom('hi'), atom('hi'), atom('hi')]);
    expect(evil.closed).toEqual([]);
  });

  it('a DEMONITOR_P cut short closes the link as it does alone, though the next packet of its message could complete it', () => {
    // {20, From, :box, Ref} with the ref's last two words missing: the next packet's length and
    // its 4 bytes would be those words, ending the message where the ref would end.
    const cut = [131, 68, 1, 0x08, 1, 'evil@lab'.length, ...text('evil@lab'), 104, 4, 97, 20, 88, 82, 0, 0, 0, 0, 120, 0, 0, 0, 0, 0, 0, 0, 5, 119, 3, ...text('box'), 90, 0, 3, 82, 0, 0, 0, 0, 5, 0, 0, 0, 1];
    const outcome = (message: Uint8Array) => {
      const c = new Cluster();
      const two = c.add('two@lab');
      const box = collect(two.node);
      two.node.register(atom('box'), box.pid);
      c.settle();
      const evil = rawPeer(c, 'evil@lab', two);
      evil.link.send(message);
      c.settle();
      two.node.send(box.pid, atom('still_alive'));
      c.settle();
      return { closed: evil.closed.length, log: two.logs.at(-1)?.[1], got: box.got };
    };
    const alone = outcome(frame(cut));
    expect(alone.closed).toBe(1);
    expect(alone.log).toMatch(/^\*\* Connection to node :evil@lab closed: protocol error: .*truncated input/);
    expect(alone.got).toEqual([atom('still_alive')]);
    expect(outcome(joined(cut, [0, 0, 0, 3]))).toEqual(alone);
  });
});

describe('a SEND read where it lies in its batch (connection.ts sendInPlace) stops at its packet\'s end', () => {
  it('a packet cut inside its message, the next packet right behind it: the ones before are delivered, the link closes with the reason, the node runs on', () => {
    const c = new Cluster();
    const two = c.add('two@lab');
    const box = collect(two.node);
    c.settle();
    const evil = rawPeer(c, 'evil@lab', two);
    const u32 = (n: number): number[] => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
    // Both pids name two@lab by atom cache ref 0: the first packet fills slot 9 with it.
    const pid = [88, 82, 0, ...u32(box.pid.id), ...u32(box.pid.serial), ...u32(box.pid.creation)];
    const send = [104, 3, 97, 22, ...pid, ...pid];
    const name = [...'two@lab'].map((ch) => ch.charCodeAt(0));
    const first = [131, 68, 1, 8, 9, name.length, ...name, ...send, 97, 1];
    // INTEGER_EXT with none of its four bytes: the next packet's length prefix is right behind.
    const cut = [131, 68, 1, 0, 9, ...send, 98];
    const third = [131, 68, 1, 0, 9, ...send, 97, 3];
    evil.link.send(Uint8Array.from([...frame(first), ...frame(cut), ...frame(third)]));
    c.settle();
    expect(box.got).toEqual([1]);
    expect(evil.closed.length).toBe(1);
    expect(two.logs.at(-1)?.[1]).toBe('** Connection to node :evil@lab closed: protocol error: payload: truncated input: need 4 bytes at offset 40, have 0 **');
    two.node.send(box.pid, atom('still_alive'));
    c.settle();
    expect(box.got).toEqual([1, atom('still_alive')]);
  });
});
