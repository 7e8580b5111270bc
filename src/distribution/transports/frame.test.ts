import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { SeededRandom } from '../../core/ports.ts';
import { Pid, Tuple, atom } from '../../core/term/types.ts';
import { PacketWriter } from '../packet-stream.ts';
import { COMPRESS_FROM_BYTES, decodeFrame, encodeFrame, encodeFrameInto, unframe } from './frame.ts';

const MAX = 64 * 1024;

/** Byte-exact round trip (a plain loop: toEqual on 70 KB arrays is slow). */
function roundTrips(b: Uint8Array): boolean {
  const back = decodeFrame(encodeFrame(b), Math.max(MAX, b.length));
  if (back === null || back.length !== b.length) return false;
  for (let i = 0; i < b.length; i++) if (back[i] !== b[i]) return false;
  return true;
}

/** A data-channel message of a flood: 64 KiB of `{:msg, i}` sends between two pids. */
function floodBatch(): Uint8Array {
  const w = new PacketWriter(MAX);
  const from = new Pid(atom('bencha@lab'), 90, 0, 12345);
  const to = new Pid(atom('benchb@lab'), 80, 0, 54321);
  for (let i = 1000; i < 1800; i++) w.pushSend(from, to, new Tuple([atom('msg'), i]), { versionByte: false });
  return w.take()[0] as Uint8Array;
}

/** `1 | RawLength:32 | z`, as a sender would frame `z`, claiming `raw` bytes. */
function deflatedFrame(z: Uint8Array, raw: number): Uint8Array {
  const out = new Uint8Array(z.length + 5);
  out[0] = 1;
  new DataView(out.buffer).setUint32(1, raw);
  out.set(z, 5);
  return out;
}

describe('data-channel frames', () => {
  it('a flood batch shrinks more than tenfold, as a delta frame, and comes back byte for byte', () => {
    const batch = floodBatch();
    const frame = encodeFrame(batch);
    expect(frame[0]).toBe(2);
    expect(frame.length * 10).toBeLessThan(batch.length);
    expect(roundTrips(batch)).toBe(true);
  });

  it('small or incompressible messages go stored, one byte longer', () => {
    const rnd = new SeededRandom(3);
    const noise = Uint8Array.from({ length: 4096 }, () => Math.floor(rnd.next() * 256));
    const small = new Uint8Array(COMPRESS_FROM_BYTES - 1).fill(7);
    for (const b of [noise, small, new Uint8Array(0)]) {
      const f = encodeFrame(b);
      expect([f[0], f.length]).toEqual([0, b.length + 1]);
      expect(decodeFrame(f, MAX)).toEqual(b);
    }
  });

  it('round-trips runs, noise and repeats of many sizes', () => {
    const rnd = new SeededRandom(11);
    for (let t = 0; t < 60; t++) {
      const n = Math.floor(rnd.next() * 70_000);
      const b = new Uint8Array(n);
      // Stretches of noise, of one byte, and copies of earlier stretches at random distances.
      for (let i = 0; i < n; ) {
        const kind = Math.floor(rnd.next() * 3);
        const len = Math.min(n - i, 1 + Math.floor(rnd.next() * (rnd.next() < 0.1 ? 5000 : 40)));
        for (let k = 0; k < len; k++, i++) {
          if (kind === 0) b[i] = Math.floor(rnd.next() * 256);
          else if (kind === 1) b[i] = 42;
          else b[i] = i > 300 ? (b[i - 1 - Math.floor(rnd.next() * 300)] as number) : 1;
        }
      }
      expect(roundTrips(b)).toBe(true);
    }
  });

  it('a corrupt frame gives null, never a throw or a wrong length', () => {
    const batch = floodBatch();
    const frame = encodeFrame(batch);
    const rnd = new SeededRandom(5);
    expect(decodeFrame(Uint8Array.of(9, 1, 2), MAX)).toBe(null);
    expect(decodeFrame(Uint8Array.of(1, 0, 0), MAX)).toBe(null);
    expect(decodeFrame(Uint8Array.of(1, 0, 0, 0, 9), MAX)).toBe(null);
    expect(decodeFrame(frame.subarray(0, frame.length - 3), MAX)).toBe(null);
    let nulls = 0;
    for (let t = 0; t < 1000; t++) {
      const bad = frame.slice();
      const at = 1 + Math.floor(rnd.next() * (bad.length - 1));
      bad[at] = (bad[at] as number) ^ (1 + Math.floor(rnd.next() * 255));
      const out = decodeFrame(bad, MAX);
      if (out === null) nulls++;
      else expect(out.length).toBe(batch.length);
    }
    expect(nulls).toBeGreaterThan(500);
  });

  it('decoded into a lent buffer, a hostile delta is refused as in its own, and never writes past the length it claims', () => {
    const batch = floodBatch();
    const frame = encodeFrame(batch);
    const lent = new Uint8Array(MAX + 16).fill(0xee);
    const into = () => lent;
    const rnd = new SeededRandom(6);
    for (let t = 0; t < 500; t++) {
      const bad = frame.slice();
      const at = 1 + Math.floor(rnd.next() * (bad.length - 1));
      bad[at] = (bad[at] as number) ^ (1 + Math.floor(rnd.next() * 255));
      const claimed = (((bad[1] as number) << 24) | ((bad[2] as number) << 16) | ((bad[3] as number) << 8) | (bad[4] as number)) >>> 0;
      const out = decodeFrame(bad, MAX, into);
      expect(out === null ? null : out.length).toBe(decodeFrame(bad, MAX) === null ? null : claimed);
      // Nothing past what the frame claims (at most the link's limit) was written.
      expect(lent.subarray(Math.min(claimed, MAX)).every((x) => x === 0xee)).toBe(true);
      lent.fill(0xee);
    }
    // A claim past the limit is refused before the lent buffer is even asked for.
    let asked = 0;
    expect(unframe(Uint8Array.of(2, 0xff, 0xff, 0xff, 0xff, 0).buffer, MAX, () => (asked++, lent))).toBe('corrupt data channel frame');
    expect(asked).toBe(0);
  });

  it('refuses frames bigger than the link allows, stored or delta, before allocating for them', () => {
    const batch = floodBatch();
    expect(decodeFrame(encodeFrame(batch), batch.length - 1)).toBe(null);
    expect(decodeFrame(encodeFrame(new Uint8Array(10)), 9)).toBe(null);
    // A claimed length past the limit is refused before anything is allocated.
    expect(decodeFrame(Uint8Array.of(2, 0xff, 0xff, 0xff, 0xff, 0), MAX)).toBe(null);
  });

  it('a DEFLATE frame (kind 1, no longer sent) is refused as corrupt, however well formed', () => {
    const msg = new Uint8Array(4096).fill(7);
    const frame = deflatedFrame(deflateSync(msg), msg.length);
    expect(decodeFrame(frame, MAX)).toBe(null);
    expect(unframe(frame, MAX)).toBe('corrupt data channel frame');
  });

  it('what the delta does not shrink fourfold goes stored and round-trips, whatever its size', () => {
    const rnd = new SeededRandom(8);
    // Text-like bytes from a small alphabet: DEFLATE would have shrunk them, the delta does not.
    const b = Uint8Array.from({ length: 60_000 }, () => 97 + Math.floor(rnd.next() * 12));
    const frame = encodeFrame(b);
    expect([frame[0], frame.length]).toEqual([0, b.length + 1]);
    expect(decodeFrame(frame, MAX)).toEqual(b);
    expect(decodeFrame(frame, b.length - 1)).toBe(null);
  });
});

describe('a frame written into a buffer of the sender (encodeFrameInto)', () => {
  it('is the same frame as encodeFrame, a delta or stored, as a view of that buffer', () => {
    const buf = new Uint8Array(MAX + 1).fill(0xee);
    const noise = new Uint8Array(4000);
    const random = new SeededRandom(3);
    for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(random.next() * 256);
    for (const b of [floodBatch(), noise, Uint8Array.of(1, 2, 3)]) {
      const f = encodeFrameInto(buf, b);
      expect(f.buffer).toBe(buf.buffer);
      expect([...f]).toEqual([...encodeFrame(b)]);
      expect(decodeFrame(f, MAX)).toEqual(b);
    }
    expect(encodeFrameInto(buf, floodBatch())[0]).toBe(2); // the flood's batch goes as a delta
  });
});

describe('what a data channel delivers (unframe)', () => {
  it('refuses a text message, and anything else that is not binary, before allocating anything', () => {
    // `new Uint8Array('1000000000')` would allocate a gigabyte: the old receive path did that.
    expect(unframe('1000000000', MAX)).toBe('non-binary data channel message (string)');
    expect(unframe({ byteLength: 3 }, MAX)).toBe('non-binary data channel message (object)');
    expect(unframe(null, MAX)).toBe('non-binary data channel message (object)');
    expect(unframe(42, MAX)).toBe('non-binary data channel message (number)');
  });

  it('refuses a message longer than the largest frame the link takes, before copying it', () => {
    expect(unframe(new ArrayBuffer(102), 100)).toBe('data channel message of 102 bytes exceeds the limit of 101');
    expect(unframe(new Uint8Array(500).subarray(0, 102), 100)).toBe('data channel message of 102 bytes exceeds the limit of 101');
    const full = encodeFrame(new Uint8Array(100).map((_, i) => (i * 97) & 0xff));
    expect(full.length).toBe(101);
    expect(unframe(full.buffer, 100)).toEqual(full.subarray(1));
  });

  it('reads a view as its own bytes only, and says when a frame is corrupt', () => {
    const frame = encodeFrame(Uint8Array.of(1, 2, 3));
    const big = new Uint8Array(10);
    big.set(frame, 4);
    expect(unframe(big.subarray(4, 4 + frame.length), MAX)).toEqual(Uint8Array.of(1, 2, 3));
    expect(unframe(Uint8Array.of(7, 1, 2), MAX)).toBe('corrupt data channel frame');
    expect(unframe(new ArrayBuffer(0), MAX)).toBe('corrupt data channel frame');
  });
});
