import { describe, expect, it } from 'vitest';
import { PacketReader, PacketWriter } from './packet-stream.ts';

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe('packet stream: batching and fragments', () => {
  it('batches small packets into one message and reads them back', () => {
    const w = new PacketWriter(1024);
    const packets = [bytes(10, 1), new Uint8Array(0), bytes(100, 2), bytes(3, 3)];
    for (const p of packets) w.push(p);
    const msgs = w.take();
    expect(msgs.length).toBe(1);
    expect(msgs[0]?.length).toBe(4 * 4 + 113);
    const r = new PacketReader(1 << 20).push(msgs[0] as Uint8Array);
    expect(r).toEqual({ packets, error: null });
    expect(w.take()).toEqual([]);
  });

  it('splits a large packet into maxMessageBytes pieces and reassembles it, even with headers cut in two', () => {
    const w = new PacketWriter(16);
    const big = bytes(1000, 9);
    w.push(bytes(5, 1));
    w.push(big);
    w.push(bytes(2, 2));
    const msgs = w.take();
    expect(msgs.every((m) => m.length <= 16)).toBe(true);
    // Small packets travel whole; the big one starts a message and goes in pieces.
    expect([msgs[0]?.length, msgs[1]?.length, msgs.at(-1)?.length]).toEqual([9, 16, 6]);
    expect(msgs.map((m) => w.continuesPacket(m))).toEqual([false, false, ...Array<boolean>(msgs.length - 3).fill(true), false]);
    expect(msgs.reduce((n, m) => n + m.length, 0)).toBe(4 + 5 + 4 + 1000 + 4 + 2);
    const reader = new PacketReader(1 << 20);
    const got: Uint8Array[] = [];
    for (const m of msgs) {
      const r = reader.push(m);
      if (r.error !== null) throw new Error(r.error);
      got.push(...r.packets);
    }
    expect(got).toEqual([bytes(5, 1), big, bytes(2, 2)]);
    expect(reader.partial).toBe(false);
    // Another sender may cut anywhere, headers too: the same stream in 7-byte messages.
    const stream = Uint8Array.from(msgs.flatMap((m) => [...m]));
    const again = new PacketReader(1 << 20);
    const cut: Uint8Array[] = [];
    for (let at = 0; at < stream.length; at += 7) cut.push(...again.push(stream.subarray(at, at + 7)).packets);
    expect(cut).toEqual(got);
  });

  it('takeViews gives take\'s messages as views of its buffer; keep copies one, still a piece of its packet', () => {
    const w = new PacketWriter(16);
    const big = bytes(40, 5);
    w.push(bytes(5, 1));
    w.push(big);
    const copies = (() => {
      const x = new PacketWriter(16);
      x.push(bytes(5, 1));
      x.push(big);
      return x.take();
    })();
    const views = w.takeViews();
    expect(views.map((v) => [...v])).toEqual(copies.map((m) => [...m]));
    expect(new Set(views.map((v) => v.buffer)).size).toBe(1);
    const kept = views.map((v) => w.keep(v));
    expect(kept.map((m) => w.continuesPacket(m))).toEqual(views.map((v) => w.continuesPacket(v)));
    expect(kept.map((m) => w.continuesPacket(m))).toEqual([false, false, true, true]);
    // The next batch writes over the views, not over what was kept.
    w.push(bytes(60, 9));
    w.takeViews();
    expect(kept.map((m) => [...m])).toEqual(copies.map((m) => [...m]));
    expect(views.map((v) => [...v])).not.toEqual(copies.map((m) => [...m]));
  });

  it('reading lent messages (each written over once read), a packet spread over several is still whole', () => {
    const w = new PacketWriter(16);
    const big = bytes(200, 4);
    w.push(bytes(5, 1));
    w.push(big);
    const msgs = w.take().map((m) => m.slice());
    const read = (lent: boolean): Uint8Array[] => {
      const reader = new PacketReader(1 << 20, lent);
      const got: Uint8Array[] = [];
      for (const m of msgs.map((x) => x.slice())) {
        // A packet wholly inside the message is read before it is written over.
        reader.read(m);
        for (let i = 0; i < reader.count; i++) got.push(reader.packet(i).slice());
        reader.release();
        m.fill(0xa5);
      }
      return got;
    };
    expect(read(true)).toEqual([bytes(5, 1), big]);
    // Without the copy the pieces kept before half of the packet had come are garbage.
    expect(read(false)[1]).not.toEqual(big);
  });

  it('refuses a length over the limit and stays failed', () => {
    const r = new PacketReader(100);
    expect(r.push(Uint8Array.of(0, 0, 0, 101))).toEqual({ packets: [], error: 'packet of 101 bytes exceeds the limit of 100' });
    expect(r.push(Uint8Array.of(0, 0, 0, 0)).error).not.toBe(null);
  });

  it('a length within the limit holds only the bytes that really came, until the packet is whole', () => {
    const r = new PacketReader(64 * 1024 * 1024);
    expect(r.push(Uint8Array.of(4, 0, 0, 0, 7))).toEqual({ packets: [], error: null });
    expect(r.partial).toBe(true);
    expect(r.heldBytes).toBe(1);
    const rest = new Uint8Array(64 * 1024 * 1024 - 1).fill(9);
    const done = r.push(rest);
    expect(done.packets.length).toBe(1);
    expect(done.packets[0]?.length).toBe(64 * 1024 * 1024);
    expect(done.packets[0]?.[0]).toBe(7);
    expect(done.packets[0]?.[1]).toBe(9);
    expect(r.heldBytes).toBe(0);
  });

  it('returns the whole packets that came before a bad length in the same message', () => {
    const r = new PacketReader(100);
    const msg = Uint8Array.of(0, 0, 0, 2, 7, 8, 0, 0, 0, 0, 0, 0, 0, 101, 1, 2);
    expect(r.push(msg)).toEqual({ packets: [Uint8Array.of(7, 8), new Uint8Array(0)], error: 'packet of 101 bytes exceeds the limit of 100' });
  });
});

describe('packet stream: encoding terms in place', () => {
  it('a term that cannot be encoded is dropped with a reason; packets around it survive', async () => {
    const { Float, atom, tuple } = await import('../core/term/types.ts');
    const { decodePacket } = await import('./etf/packet.ts');
    const w = new PacketWriter(64);
    expect(w.pushTerms(tuple(1, atom('a')), undefined, {})).toBe(null);
    expect(w.pushTerms(tuple(2, atom('b')), new Float(NaN), {})).not.toBe(null);
    expect(w.pushTerms(tuple(3, atom('c')), atom('payload'), {})).toBe(null);
    const r = new PacketReader(1 << 20);
    const packets = w.take().flatMap((m) => {
      const x = r.push(m);
      return x.error === null ? x.packets : [];
    });
    expect(packets.map((p) => decodePacket(p))).toEqual([
      { ok: true, packet: { kind: 'message', control: tuple(1, atom('a')), payload: undefined } },
      { ok: true, packet: { kind: 'message', control: tuple(3, atom('c')), payload: atom('payload') } },
    ]);
  });

  it('a term whose packet would exceed the limit is refused while encoding; the packets around it stay', async () => {
    const { Binary, Pid, atom } = await import('../core/term/types.ts');
    const w = new PacketWriter(64, 1000);
    const pid = new Pid(atom('a@b'), 1, 0, 1);
    expect(w.pushSend(pid, pid, atom('small'), {})).toBe(null);
    const before = w.pendingBytes;
    expect(w.pushSend(pid, pid, Binary.fromBytes(new Uint8Array(5000)), {})).toBe("the term is larger than the link's limit of 1000 bytes");
    expect(w.pendingBytes).toBe(before);
    expect(w.pushSend(pid, pid, Binary.fromBytes(new Uint8Array(900)), {})).toBe(null);
    expect(w.packets).toBe(2);
  });
});
