import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../core/ports.ts';
import { Binary, Pid, Tuple, atom, type Term } from '../../core/term/types.ts';
import { PacketWriter } from '../packet-stream.ts';
import { OutAtomCache } from '../etf/atom-cache.ts';
import { decodeDelta, encodeDelta } from './packet-delta.ts';
import { decodeFrame, encodeFrame } from './frame.ts';

const MAX = 64 * 1024;
const from = new Pid(atom('bencha@lab'), 90, 0, 12345);
const to = new Pid(atom('benchb@lab'), 80, 0, 54321);

/** One data-channel message of the packets `terms` make (atom cache form, as between tabs). */
function batchOf(terms: Term[]): Uint8Array {
  const w = new PacketWriter(MAX, Infinity, new OutAtomCache());
  for (const t of terms) w.pushSend(from, to, t, { versionByte: false }, true);
  const out = w.take();
  expect(out.length).toBe(1);
  return out[0] as Uint8Array;
}

/** The delta of `bytes` (with room for anything), or null when it gives up. */
function delta(bytes: Uint8Array): Uint8Array | null {
  const out = new Uint8Array(bytes.length * 2 + 64);
  const end = encodeDelta(bytes, out, 0);
  return end < 0 ? null : out.subarray(0, end);
}

const same = (a: Uint8Array | null, b: Uint8Array): boolean => a !== null && a.length === b.length && a.every((x, i) => x === b[i]);

describe('packet deltas (packet-delta.ts)', () => {
  it('a flood of {:msg, i} costs a few bytes a packet and comes back byte for byte', () => {
    const batch = batchOf(Array.from({ length: 900 }, (_, i) => new Tuple([atom('msg'), 100 + i])));
    const d = delta(batch) as Uint8Array;
    expect(d.length).toBeLessThan(900 * 6);
    expect(same(decodeDelta(d, 0, batch.length), batch)).toBe(true);
  });

  it('packets of other sizes and contents between them round-trip (the copy distance follows each packet)', () => {
    const rnd = new SeededRandom(4);
    for (let t = 0; t < 40; t++) {
      const terms: Term[] = [];
      for (let i = 0; i < 200; i++) {
        const k = Math.floor(rnd.next() * 4);
        if (k === 0) terms.push(new Tuple([atom('msg'), Math.floor(rnd.next() * 1e6)]));
        else if (k === 1) terms.push(Binary.fromBytes(Uint8Array.from({ length: Math.floor(rnd.next() * 40) }, () => Math.floor(rnd.next() * 256))));
        else if (k === 2) terms.push(atom(`a${Math.floor(rnd.next() * 5)}`));
        else terms.push(new Tuple([atom('msg'), i, i]));
      }
      const batch = batchOf(terms);
      const d = delta(batch);
      expect(same(decodeDelta(d as Uint8Array, 0, batch.length), batch)).toBe(true);
    }
  });

  it('a single changed byte anywhere in a packet comes back (runs are compared four bytes at a time, their tails byte by byte)', () => {
    const body = Uint8Array.from({ length: 53 }, (_, i) => (i * 29 + 7) & 0xff);
    for (let k = 0; k < body.length; k++) {
      const w = new PacketWriter(MAX);
      for (let p = 0; p < 4; p++) {
        const b = body.slice();
        if (p % 2 === 1) b[k] = (b[k] as number) ^ 0x5a;
        w.push(b);
      }
      const batch = w.take()[0] as Uint8Array;
      expect(same(decodeDelta(delta(batch) as Uint8Array, 0, batch.length), batch)).toBe(true);
    }
  });

  it('gives up on what is not whole packets, and when the delta would not fit the room given', () => {
    expect(delta(Uint8Array.of(0, 0, 0, 9, 1, 2))).toBe(null); // a packet longer than the message
    expect(delta(Uint8Array.of(0, 0, 0, 1, 5, 0, 0))).toBe(null); // a cut length prefix
    const rnd = new SeededRandom(2);
    const noise = batchOf(Array.from({ length: 50 }, () => Binary.fromBytes(Uint8Array.from({ length: 30 }, () => Math.floor(rnd.next() * 256)))));
    expect(encodeDelta(noise, new Uint8Array(noise.length >> 2), 0)).toBe(-1);
  });

  it('hostile tokens give null, never a throw, an out-of-range copy or another length', () => {
    const cases: [string, number[], number][] = [
      ['a copy from before the start', [1, 7, 4, 2], 5],
      ['a distance of 0', [1, 7, 2, 0], 3],
      ['more literals than the input holds', [5, 1, 2], 5],
      ['more literals than the declared length', [3, 1, 2, 3, 0], 2],
      ['a match past the declared length', [1, 7, 9, 1], 5],
      ['a varint longer than 5 bytes', [0x80, 0x80, 0x80, 0x80, 0x80, 0x01], 1],
      ['a varint over 2^32', [0xff, 0xff, 0xff, 0xff, 0x7f], 1],
      ['a truncated varint', [0x80], 1],
      ['a match with no distance', [1, 7, 3], 4],
      ['fewer bytes than declared', [1, 7, 0], 2],
      ['nothing for a declared byte', [], 1],
    ];
    for (const [why, bytes, length] of cases) expect([why, decodeDelta(Uint8Array.from(bytes), 0, length)]).toEqual([why, null]);
    // An overlapping copy (a run) is fine: the distance is shorter than the match.
    expect(decodeDelta(Uint8Array.of(1, 7, 4, 1), 0, 5)).toEqual(Uint8Array.of(7, 7, 7, 7, 7));
  });

  it('a corrupted delta frame gives null or exactly the declared length, and a bomb is refused before allocating', () => {
    const batch = batchOf(Array.from({ length: 900 }, (_, i) => new Tuple([atom('msg'), i])));
    const frame = encodeFrame(batch);
    expect(frame[0]).toBe(2);
    expect(same(decodeFrame(frame, MAX), batch)).toBe(true);
    const rnd = new SeededRandom(9);
    for (let t = 0; t < 1000; t++) {
      const bad = frame.slice();
      const at = 1 + Math.floor(rnd.next() * (bad.length - 1));
      bad[at] = (bad[at] as number) ^ (1 + Math.floor(rnd.next() * 255));
      const out = decodeFrame(bad, MAX);
      if (out !== null) expect(out.length).toBe(new DataView(bad.buffer).getUint32(1));
    }
    // 6 bytes claiming 4 GB: refused on the claim; claiming the limit, a run fills it (work bounded by it).
    expect(decodeFrame(Uint8Array.of(2, 0xff, 0xff, 0xff, 0xff, 1, 0, 0xff, 0xff, 0x03, 1), MAX)).toBe(null);
    expect(decodeFrame(Uint8Array.of(2, 0, 1, 0, 0, 1, 0, 0xff, 0xff, 0x03, 1), MAX)).toEqual(new Uint8Array(MAX));
  });
});
