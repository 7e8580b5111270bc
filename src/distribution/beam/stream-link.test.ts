import { describe, expect, it } from 'vitest';
import { Cluster, collect, A } from '../testing.ts';
import { MemoryNetwork } from '../transports/memory.ts';
import type { Link } from '../transports/transport.ts';
import { DFLAG } from '../handshake/flags.ts';
import { atom, tuple } from '../../core/term/types.ts';
import { beamFramed } from './testing.ts';
import { linkPipe } from './link-pipe.ts';
import { streamLink } from './stream-link.ts';
import { concatBytes } from '../etf/concat.ts';

/** Two playground nodes whose links speak BEAM's TCP framing, every chunk cut to `chunk` bytes. */
function beamPair(chunk: number) {
  const c = new Cluster({ maxMessageBytes: 64 * 1024 });
  const wire: Uint8Array[] = [];
  c.net.onSend((m) => {
    if (m.from.startsWith('a@')) wire.push(m.bytes);
  });
  const a = c.add('a@host', { wrapTransport: (t) => beamFramed(t, { chunk }) });
  const b = c.add('b@host', { wrapTransport: (t) => beamFramed(t, { chunk }) });
  return { c, a, b, wire };
}

function joined(parts: Uint8Array[]): Uint8Array {
  return concatBytes(parts, parts.reduce((n, p) => n + p.length, 0));
}

describe('stream link: BEAM framing between two nodes', () => {
  it('handshakes with 2-byte lengths, BEAM flags and MD5, then runs 4-byte packets and ticks', () => {
    const { c, a, b, wire } = beamPair(3);
    const steps: string[] = [];
    a.dist.subscribe((e) => {
      if (e.type === 'handshake:step') steps.push(`${e.name}:${e.direction}`);
    });
    expect(c.connect(a, b)).toBe(true);
    expect(steps).toEqual(['send_name:out', 'status:in', 'challenge:in', 'challenge_reply:out', 'challenge_ack:in']);
    const bytes = joined(wire);
    // send_name: length 2 bytes, 'N', flags: BEAM's own (no playground bit), so the digest is MD5.
    const nameLen = bytes[0]! * 256 + bytes[1]!;
    expect(bytes[2]).toBe(78);
    const flags = new DataView(bytes.buffer, 3, 8).getBigUint64(0);
    expect(flags & DFLAG.PLAYGROUND_HMAC).toBe(0n);
    expect(flags & DFLAG.PUBLISHED).toBe(DFLAG.PUBLISHED);
    // challenge_reply: 2-byte length 21 = 'r' + challenge + a 16-byte MD5 digest.
    const reply = bytes.subarray(2 + nameLen);
    expect([reply[0], reply[1], reply[2]]).toEqual([0, 21, 114]);
    // Then a message goes both ways in 4-byte packets.
    const got = collect(b.node);
    b.node.register(atom('sink'), got.pid);
    a.node.send(tuple(A('sink'), b.name), atom('hello'));
    c.settle();
    expect(got.got).toEqual([atom('hello')]);
    const after = joined(wire).subarray(2 + nameLen + 23);
    const packetLen = new DataView(after.buffer, after.byteOffset, 4).getUint32(0);
    expect(after.length).toBeGreaterThanOrEqual(4 + packetLen);
    // A packet's body, not another 2-byte frame, and never pass-through (112) to a BEAM peer.
    expect([after[4], after[5]]).toEqual([131, 68]);
    // Ticks keep the connection through minutes of silence (zero-length packets).
    c.advance(5 * 60_000);
    expect(a.dist.list()).toEqual([b.name]);
    expect(b.dist.list()).toEqual([a.name]);
  });

  it('a wrong cookie fails as BEAM: false, and the acceptor logs the invalid challenge reply', () => {
    const c = new Cluster();
    const a = c.add('a@host', { cookie: 'one', wrapTransport: (t) => beamFramed(t, { chunk: 7 }) });
    const b = c.add('b@host', { cookie: 'two', wrapTransport: (t) => beamFramed(t, { chunk: 7 }) });
    expect(c.connect(a, b)).toBe(false);
    expect(b.logs).toContainEqual(['error', '** Connection attempt from node :a@host rejected. Invalid challenge reply. **']);
  });
});

/** A stream link on one end of a memory link; the test writes raw bytes from the other end. */
function rawEnd() {
  const net = new MemoryNetwork();
  const ta = net.transport();
  const tb = net.transport();
  let inner: Link | null = null;
  ta.listen('a@h', (l) => (inner = l));
  tb.listen('b@h', () => {});
  let raw: Link | null = null;
  tb.connect('a@h', (r) => {
    if (r.ok) raw = r.link;
  });
  net.flush();
  const link = streamLink(linkPipe(inner as unknown as Link), 'b@h', { maxPacketBytes: 1000 });
  const got: Uint8Array[] = [];
  const closed: string[] = [];
  link.onMessage((b) => got.push(b));
  link.onClose((r) => closed.push(r));
  return { net, link, raw: raw as unknown as Link, got, closed };
}

describe('stream link: hostile peers', () => {
  it('a huge length prefix in the handshake closes with a protocol error', () => {
    const { net, raw, got, closed } = rawEnd();
    raw.send(Uint8Array.of(0xff, 0xff, 78, 0, 0));
    net.flush();
    expect(got).toEqual([]);
    expect(closed).toEqual(['protocol error: handshake message of 65535 bytes exceeds 2048']);
  });

  it('a huge packet length after the handshake closes with a protocol error at once', () => {
    const { net, raw, got, closed } = rawEnd();
    // A challenge_ack (the switch), a tick, then 4 GB announced in two pieces: the bytes before
    // the bad length pass (the tick and the length's first half), the rest closes the link.
    raw.send(Uint8Array.of(0, 17, 97, ...new Array<number>(16).fill(1), 0, 0, 0, 0, 0xff, 0xff));
    raw.send(Uint8Array.of(0xff, 0xf0, 1, 2, 3));
    net.flush();
    expect(got.map((b) => b.length)).toEqual([17, 6]);
    expect(closed).toEqual(['protocol error: packet of 4294967280 bytes exceeds 1000']);
  });

  it('garbage in the handshake reaches the handshake, which refuses it; nothing after a close counts', () => {
    const { net, raw, link, got, closed } = rawEnd();
    raw.send(Uint8Array.of(0, 3, 1, 2, 3, 0, 1));
    net.flush();
    expect(got).toEqual([Uint8Array.of(1, 2, 3)]);
    link.close();
    raw.send(Uint8Array.of(9));
    net.flush();
    expect(got.length).toBe(1);
    expect(closed).toEqual(['closed']);
  });

  it('a stalled handshake is dropped at the setup timeout', () => {
    const c = new Cluster();
    const b = c.add('b@host', { setupTimeoutMs: 7000, wrapTransport: (t) => beamFramed(t) });
    const t = c.net.transport();
    t.listen('x@host', () => {});
    const closed: string[] = [];
    t.connect('b@host', (r) => {
      if (r.ok) r.link.onClose((why) => closed.push(why));
    });
    c.settle();
    expect(closed).toEqual([]);
    c.advance(7001);
    expect(closed.length).toBe(1);
    expect(b.dist.list()).toEqual([]);
  });
});
