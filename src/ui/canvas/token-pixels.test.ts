import { describe, expect, it } from 'vitest';
import { stamp, stampOf } from './token-pixels.ts';

/** A 2×2 image: opaque red, half-transparent green, transparent, opaque blue. */
function image() {
  const data = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 0, 0, 0, 0, 255, 255]);
  return { width: 2, height: 2, data };
}
const bytes = (buf: Uint32Array) => [...new Uint8Array(buf.buffer)];

describe('stamping tokens into a pixel buffer', () => {
  it('copies a token\'s pixels where it stands, leaving its transparent pixels alone', () => {
    const buf = new Uint32Array(9); // 3×3
    const s = stampOf(image());
    buf[4] = new Uint32Array(new Uint8Array([9, 9, 9, 255]).buffer)[0] ?? 0; // something already drawn at (1,1)
    stamp(buf, 3, 3, s, 1, 0);
    const b = bytes(buf);
    expect(b.slice(4, 8)).toEqual([255, 0, 0, 255]); // (1,0) red
    expect(b.slice(8, 12)).toEqual([0, 255, 0, 128]); // (2,0) green
    expect(b.slice(16, 20)).toEqual([9, 9, 9, 255]); // (1,1): the transparent pixel kept what was there
    expect(b.slice(20, 24)).toEqual([0, 0, 255, 255]); // (2,1) blue
    expect(b.slice(0, 4)).toEqual([0, 0, 0, 0]);
  });

  it('clips at every edge, and a faint rim does not cut into an opaque token beneath', () => {
    const buf = new Uint32Array(4); // 2×2
    const s = stampOf(image());
    stamp(buf, 2, 2, s, -1, -1); // only the blue corner lands, at (0,0)
    expect(bytes(buf).slice(0, 4)).toEqual([0, 0, 255, 255]);
    expect(bytes(buf).slice(4)).toEqual(new Array(12).fill(0));
    stamp(buf, 2, 2, s, -1, 0); // its half-transparent green lands at (0,0), on the opaque blue: kept blue
    expect(bytes(buf).slice(0, 4)).toEqual([0, 0, 255, 255]);
    stamp(buf, 2, 2, s, 5, 5); // off the buffer: nothing
    expect(bytes(buf).slice(4, 8)).toEqual([0, 0, 0, 0]);
  });
});
