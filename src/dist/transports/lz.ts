/**
 * A small LZ77 block compressor (LZ4's sequence layout) for data-channel messages, and the
 * one-byte frame that says whether a message is compressed.
 *
 * Why: a flood of small sends is bound by the channel's bytes, not by the tabs' CPU (bench:dist
 * --profile shows both main threads mostly idle, and the dist byte rate equals a raw 64 KiB
 * message flood's). A batch of similar packets (the same pids and atoms in each) shrinks 10–25×
 * here, in well under a millisecond, synchronously, so ordering and back-pressure stay as they
 * are. Only links between playground tabs use it; the packet stream inside stays byte-exact
 * Erlang (packet-stream.ts).
 *
 * Frame: `0 | bytes` (stored) or `1 | RawLength:32 | sequences`. A sequence is a token
 * (literal length << 4 | match length - 4, 15 meaning "more follows as 255-runs"), the literals,
 * then a 16-bit little-endian offset and the match; the last sequence has literals only.
 * Decoding checks every length and offset: a corrupt frame gives null, never a throw or a hang.
 */

const STORED = 0;
const LZ = 1;
const HASH_BITS = 14;
const MIN_MATCH = 4;
const MAX_OFFSET = 0xffff;
/** Smaller messages go stored: nothing much to gain, and round trips stay copy-only. */
export const COMPRESS_FROM_BYTES = 1024;

const table = new Int32Array(1 << HASH_BITS);

/** The frame for one message: compressed when that is smaller. */
export function encodeFrame(bytes: Uint8Array): Uint8Array {
  if (bytes.length >= COMPRESS_FROM_BYTES) {
    const z = compress(bytes);
    if (z !== null) return z;
  }
  const out = new Uint8Array(bytes.length + 1);
  out[0] = STORED;
  out.set(bytes, 1);
  return out;
}

/** The message a frame holds, or null when the frame is corrupt. */
export function decodeFrame(frame: Uint8Array): Uint8Array | null {
  if (frame[0] === STORED) return frame.subarray(1);
  if (frame[0] !== LZ || frame.length < 5) return null;
  const raw = (((frame[1] as number) << 24) | ((frame[2] as number) << 16) | ((frame[3] as number) << 8) | (frame[4] as number)) >>> 0;
  // A compressed sequence expands at most ~255× per input byte: refuse absurd claimed sizes.
  if (raw > frame.length * 256) return null;
  return decompress(frame, 5, raw);
}

const read32 = (b: Uint8Array, i: number): number =>
  ((b[i] as number) | ((b[i + 1] as number) << 8) | ((b[i + 2] as number) << 16) | ((b[i + 3] as number) << 24)) | 0;

/** `1 | RawLength | sequences`, or null when that would not be smaller than the input. */
function compress(src: Uint8Array): Uint8Array | null {
  const n = src.length;
  const out = new Uint8Array(n); // we give up before reaching n bytes
  out[0] = LZ;
  out[1] = n >>> 24;
  out[2] = (n >>> 16) & 0xff;
  out[3] = (n >>> 8) & 0xff;
  out[4] = n & 0xff;
  let o = 5;
  table.fill(0);
  let anchor = 0;
  let i = 0;
  while (i + MIN_MATCH <= n) {
    const seq = read32(src, i);
    const h = Math.imul(seq, 0x9e3779b1) >>> (32 - HASH_BITS);
    const ref = (table[h] as number) - 1;
    table[h] = i + 1;
    if (ref < 0 || i - ref > MAX_OFFSET || read32(src, ref) !== seq) {
      // Skip faster through data that does not compress (LZ4's acceleration).
      i += 1 + ((i - anchor) >>> 6);
      continue;
    }
    let len = MIN_MATCH;
    while (i + len < n && src[ref + len] === src[i + len]) len++;
    o = sequence(out, o, src, anchor, i - anchor, i - ref, len);
    if (o < 0) return null;
    i += len;
    anchor = i;
  }
  o = sequence(out, o, src, anchor, n - anchor, 0, 0);
  return o < 0 ? null : out.subarray(0, o);
}

/** Writes one sequence (matchLen 0: the last, literals only); -1 when `out` is full. */
function sequence(out: Uint8Array, o: number, src: Uint8Array, from: number, lit: number, offset: number, matchLen: number): number {
  const m = matchLen === 0 ? 0 : matchLen - MIN_MATCH;
  if (o + 1 + lit + ((lit / 255) | 0) + 1 + 2 + ((m / 255) | 0) + 1 >= out.length) return -1;
  out[o++] = (Math.min(lit, 15) << 4) | Math.min(m, 15);
  if (lit >= 15) o = runLength(out, o, lit - 15);
  for (let k = 0; k < lit; k++) out[o++] = src[from + k] as number;
  if (matchLen === 0) return o;
  out[o++] = offset & 0xff;
  out[o++] = offset >>> 8;
  if (m >= 15) o = runLength(out, o, m - 15);
  return o;
}

function runLength(out: Uint8Array, o: number, n: number): number {
  for (; n >= 255; n -= 255) out[o++] = 255;
  out[o++] = n;
  return o;
}

function decompress(src: Uint8Array, at: number, rawLength: number): Uint8Array | null {
  const out = new Uint8Array(rawLength);
  let o = 0;
  let i = at;
  const end = src.length;
  while (i < end) {
    const token = src[i++] as number;
    let lit = token >>> 4;
    if (lit === 15) {
      for (let b = 255; b === 255; lit += b) {
        if (i >= end) return null;
        b = src[i++] as number;
      }
    }
    if (i + lit > end || o + lit > rawLength) return null;
    out.set(src.subarray(i, i + lit), o);
    i += lit;
    o += lit;
    if (i === end) break;
    if (i + 2 > end) return null;
    const offset = (src[i] as number) | ((src[i + 1] as number) << 8);
    i += 2;
    let len = token & 15;
    if (len === 15) {
      for (let b = 255; b === 255; len += b) {
        if (i >= end) return null;
        b = src[i++] as number;
      }
    }
    len += MIN_MATCH;
    if (offset === 0 || offset > o || o + len > rawLength) return null;
    // Byte by byte: a match may overlap what it is copying (a run).
    for (let k = 0; k < len; k++, o++) out[o] = out[o - offset] as number;
  }
  return o === rawLength ? out : null;
}
