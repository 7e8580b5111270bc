/**
 * A large binary crosses with as few copies as BEAM's dist makes: the sender keeps it by
 * reference (ByteWriter.refFrom) and cuts the bulk lane's messages straight from its bytes
 * (LaneWriter); the receiver assembles the packet in one buffer of its own (PacketReader) and
 * the binary stays a view of it (DecodeOptions.viewBinariesFrom). Whatever is handed out as a
 * view must never be a buffer that is written again.
 */
import { describe, expect, it } from 'vitest';
import { Binary, Tuple, atom, tuple } from '../core/term/types.ts';
import { ByteWriter, WriteLimit } from './etf/writer.ts';
import { encodeInto } from './etf/encode.ts';
import { decodeTerm } from './etf/decode.ts';
import { LaneWriter } from './bulk-lane.ts';
import { PacketReader } from './packet-stream.ts';
import { Cluster, collect, sendsOnce } from './testing.ts';

/** `n` bytes that differ from one offset to the next (and from one `seed` to another). */
function bytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  let x = seed * 2654435761;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 24;
  }
  return b;
}

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

describe('ByteWriter: large binaries by reference', () => {
  /** The same writes into `w`: bytes around two large binaries and a small one. */
  function writeSome(w: ByteWriter, big1: Uint8Array, big2: Uint8Array): { sizeAt: number } {
    w.u8(1);
    w.binary(big1);
    w.u16(0x0203);
    const sizeAt = w.length;
    w.u32(0);
    w.binary(Uint8Array.of(4, 5, 6));
    w.binary(big2);
    w.u8(7);
    w.patchU32(sizeAt, 0xa0b0c0d0);
    return { sizeAt };
  }

  it('writes the same bytes as a copying writer, whichever way out they are taken', () => {
    const big1 = bytes(40, 1);
    const big2 = bytes(33, 2);
    const plain = new ByteWriter(8);
    writeSome(plain, big1, big2);
    const expected = plain.finish();

    const byRef = new ByteWriter(8);
    byRef.refFrom = 32;
    writeSome(byRef, big1, big2);
    expect(byRef.length).toBe(expected.length);
    const pieces = byRef.takeFrom(0);
    expect(concat(pieces)).toEqual(expected);
    // The binaries are the pieces themselves, not copies; the small one was copied.
    expect(pieces).toContain(big1);
    expect(pieces).toContain(big2);
    expect(byRef.length).toBe(0);

    const inlined = new ByteWriter(8);
    inlined.refFrom = 32;
    writeSome(inlined, big1, big2);
    expect(inlined.finish()).toEqual(expected);
    const viewed = new ByteWriter(8);
    viewed.refFrom = 32;
    writeSome(viewed, big1, big2);
    expect(viewed.written()).toEqual(expected);
  });

  it('takeFrom and truncate cut at a position given by length, before or after a binary', () => {
    const big = bytes(50, 3);
    const w = new ByteWriter(8);
    w.refFrom = 32;
    w.u8(9);
    const mark = w.length;
    w.u32(0xdeadbeef);
    w.binary(big);
    const afterBig = w.length;
    w.u8(8);
    expect(concat(w.takeFrom(afterBig))).toEqual(Uint8Array.of(8));
    expect(w.length).toBe(afterBig);
    w.truncate(mark);
    expect(w.length).toBe(1);
    w.u8(10);
    expect(w.finish()).toEqual(Uint8Array.of(9, 10));
  });

  it('a binary past the limit throws WriteLimit and is not kept', () => {
    const w = new ByteWriter(8);
    w.refFrom = 32;
    w.limit = 60;
    w.u32(1);
    expect(() => w.binary(bytes(57, 4))).toThrow(WriteLimit);
    w.binary(bytes(56, 4));
    expect(w.length).toBe(60);
    // The limit is checked when the buffer grows (writer.ts): the referenced bytes count.
    expect(() => w.bytes(new Uint8Array(16))).toThrow(WriteLimit);
  });

  it('the pieces copied out of the buffer do not change when the writer writes again (the buffer is reused)', () => {
    const w = new ByteWriter(64);
    w.refFrom = 32;
    w.u32(0x01020304);
    w.binary(bytes(40, 5));
    w.u32(0x05060708);
    const pieces = w.takeFrom(0);
    const before = pieces.map((p) => p.slice());
    for (let i = 0; i < 16; i++) w.u32(0xffffffff);
    expect(pieces).toEqual(before);
  });

  it('the encoder writes large binaries and bitstrings by reference', () => {
    const big = Binary.fromBytes(bytes(100, 6));
    const w = new ByteWriter();
    w.refFrom = 64;
    encodeInto(w, tuple(atom('bulk'), big, Binary.fromBytes(Uint8Array.of(1, 2))), {});
    const pieces = w.takeFrom(0);
    expect(pieces).toContain(big.bytes);
    const d = decodeTerm(concat(pieces), 0, { versionByte: false });
    expect(d.ok && d.term).toEqual(tuple(atom('bulk'), big, Binary.fromBytes(Uint8Array.of(1, 2))));
  });
});

describe('LaneWriter: messages cut straight from the pieces', () => {
  it('every message is at most the maximum, all full but the last of a packet, and their bytes are Length:32 and the body', () => {
    const head = bytes(7, 7);
    const bin = bytes(100, 8);
    const tail = bytes(3, 9);
    const lane = new LaneWriter(16);
    lane.push([head, bin, tail]);
    lane.push([bytes(5, 10)]);
    expect(lane.pendingBytes).toBe(4 + 110 + 4 + 5);
    const out = lane.take();
    expect(lane.pendingBytes).toBe(0);
    // 114 bytes of the first packet: 7 messages of 16 and one of 2; the second packet's 9 bytes alone.
    expect(out.map((m) => m.length)).toEqual([16, 16, 16, 16, 16, 16, 16, 2, 9]);
    expect(concat(out.slice(0, 8))).toEqual(concat([Uint8Array.of(0, 0, 0, 110), head, bin, tail]));
    expect(concat(out.slice(8))).toEqual(concat([Uint8Array.of(0, 0, 0, 5), bytes(5, 10)]));
    // The whole messages inside the binary are views of it: no copy of its bytes here.
    expect(out.filter((m) => m.buffer === bin.buffer).length).toBeGreaterThan(0);
  });

  it('an empty packet is its length alone', () => {
    const lane = new LaneWriter(16);
    lane.push([]);
    expect(lane.take()).toEqual([Uint8Array.of(0, 0, 0, 0)]);
  });
});

describe('PacketReader: a packet in many messages', () => {
  it('assembles equal whatever the cut, and a packet read earlier keeps its bytes', () => {
    const r = new PacketReader(1 << 20);
    const got: Uint8Array[] = [];
    const sent: Uint8Array[] = [];
    for (let k = 0; k < 4; k++) {
      const body = bytes(30_000 + k * 777, 20 + k);
      sent.push(body);
      const stream = concat([Uint8Array.of(0, 0, body.length >>> 8, body.length & 0xff), body]);
      let at = 0;
      for (let cut = 1; at < stream.length; cut = (cut * 7 + k) % 5000 + 1) {
        const res = r.push(stream.slice(at, at + cut));
        expect(res.error).toBe(null);
        got.push(...res.packets);
        at += cut;
      }
      expect(r.partial).toBe(false);
    }
    expect(got.length).toBe(sent.length);
    expect(got.every((g, i) => same(g, sent[i] as Uint8Array))).toBe(true);
  });
});

describe('a large binary across the bulk lane', () => {
  it('arrives equal, split over many messages; the first is still intact once a second has come', () => {
    const c = new Cluster({ bulkChannels: true, maxMessageBytes: 16 * 1024 });
    const one = c.add('one@lab', { bare: true });
    const two = c.add('two@lab', { bare: true });
    const q = collect(two.node);
    expect(c.connect(one, two)).toBe(true);
    c.settle();
    const first = Binary.fromBytes(bytes(100_001, 30));
    const second = Binary.fromBytes(bytes(70_003, 31));
    one.node.spawn(sendsOnce([[q.pid, tuple(atom('bulk'), first)]]));
    c.settle();
    const kept = binariesOf(q.got[0]);
    expect(kept.map((b) => b.length)).toEqual([100_001]);
    // A view of the packet the receiver assembled (its buffer holds the tuple around it), not a copy.
    expect(kept[0]?.buffer.byteLength).toBeGreaterThan(100_001);
    one.node.spawn(sendsOnce([[q.pid, tuple(atom('bulk'), second, first)]]));
    c.settle();
    expect(q.got.length).toBe(2);
    const next = binariesOf(q.got[1]);
    // Compared byte for byte with fresh copies of what was sent (toEqual on 100,000 bytes is slow).
    expect(same(next[0], bytes(70_003, 31)) && same(next[1], bytes(100_001, 30))).toBe(true);
    expect(same(kept[0], bytes(100_001, 30))).toBe(true);
    // The sender's binaries were not touched by the sending.
    expect(same(first.bytes, bytes(100_001, 30)) && same(second.bytes, bytes(70_003, 31))).toBe(true);
  });
});

/** The bytes of the binaries in a `{:bulk, ...}` tuple. */
function binariesOf(t: unknown): Uint8Array[] {
  if (!(t instanceof Tuple) || t.elements[0] !== atom('bulk')) return [];
  return t.elements.slice(1).map((b) => (b instanceof Binary ? b.bytes : new Uint8Array(0)));
}

const same = (a: Uint8Array | undefined, b: Uint8Array): boolean => a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);

describe('decoding a large binary as a view', () => {
  const term = (n: number) => concat([Uint8Array.of(131, 109, 0, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff), bytes(n, 40)]);

  it('only where asked, and only from the size asked: a small binary and the default copy', () => {
    const large = term(70_000);
    const d = decodeTerm(large, 0, { viewBinariesFrom: 65_536 });
    expect(d.ok && d.term instanceof Binary && d.term.bytes.buffer === large.buffer).toBe(true);
    expect(d.ok && d.term instanceof Binary && same(d.term.bytes, bytes(70_000, 40))).toBe(true);
    const copied = decodeTerm(large, 0);
    expect(copied.ok && copied.term instanceof Binary && copied.term.bytes.buffer !== large.buffer).toBe(true);
    const small = term(1000);
    const s = decodeTerm(small, 0, { viewBinariesFrom: 65_536 });
    expect(s.ok && s.term instanceof Binary && s.term.bytes.buffer !== small.buffer).toBe(true);
  });

  it('a length past the end is an error, not a view of what lies beyond', () => {
    const cut = term(70_000).subarray(0, 50_000);
    expect(decodeTerm(cut, 0, { viewBinariesFrom: 65_536 })).toEqual({ ok: false, error: 'truncated input: need 70000 bytes at offset 6, have 49994' });
  });
});
