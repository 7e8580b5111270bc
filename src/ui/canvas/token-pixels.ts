/**
 * Tokens stamped into a pixel buffer: when hundreds of messages fly, the overlay writes each
 * token's pre-drawn pixels into one ImageData and hands it over with one putImageData.
 *
 * Why: a software-rendered tab (no GPU, as on a classroom laptop or the benchmark) records every
 * drawImage and rasterises them all when the frame is committed; with ~800 tokens that was about
 * 10 ms a frame, the largest steady cost of the cluster view. Copying a few dozen pixels per
 * token in a typed array costs a fraction of that. Pure, so it is tested in Node.
 */

/** A token's pixels, RGBA packed as the platform's 32-bit words (as an ImageData's buffer holds them). */
export interface Stamp {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint32Array;
  /** Alpha of each pixel, 0..255 (read once here, not unpacked per frame). */
  readonly alpha: Uint8Array;
}

export function stampOf(image: { readonly width: number; readonly height: number; readonly data: Uint8ClampedArray }): Stamp {
  const n = image.width * image.height;
  const alpha = new Uint8Array(n);
  for (let i = 0; i < n; i++) alpha[i] = image.data[i * 4 + 3] ?? 0;
  return { width: image.width, height: image.height, pixels: new Uint32Array(image.data.slice().buffer), alpha };
}

/**
 * Writes `s` with its top-left corner at (x, y) into `buf` (`width` × `height`), clipped at the
 * edges. Transparent pixels leave what is there; the faint rim of a disc does not overwrite a
 * more opaque pixel of a token beneath it (tokens overlap without holes).
 */
export function stamp(buf: Uint32Array, width: number, height: number, s: Stamp, x: number, y: number): void {
  const x0 = Math.max(0, x);
  const y0 = Math.max(0, y);
  const x1 = Math.min(width, x + s.width);
  const y1 = Math.min(height, y + s.height);
  for (let py = y0; py < y1; py++) {
    const row = py * width;
    const srow = (py - y) * s.width - x;
    for (let px = x0; px < x1; px++) {
      const a = s.alpha[srow + px] ?? 0;
      if (a === 0) continue;
      const d = buf[row + px] ?? 0;
      if (a === 255 || d === 0 || a >= (d >>> 24) /* little-endian: alpha in the top byte */) buf[row + px] = s.pixels[srow + px] ?? 0;
    }
  }
}
