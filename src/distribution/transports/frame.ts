/**
 * The one-byte frame of a data-channel message: stored, or DEFLATE-compressed (fflate).
 *
 * Why compress: uncompressed, a flood of small sends is bound by the channel's bytes, not by the
 * tabs' CPU (bench:dist --profile showed both main threads mostly idle). A batch of similar packets
 * (the same pids and atoms in each) shrinks ~20× at level 1, in about a millisecond, synchronously, so
 * ordering and back-pressure stay as they are. Only links between playground tabs use it; the
 * packet stream inside stays byte-exact Erlang (packet-stream.ts).
 *
 * Frame: `0 | bytes` (stored), `1 | RawLength:32 | raw DEFLATE`, or `2 | RawLength:32 | delta`
 * (packet-delta.ts: each packet as its difference from the previous one). A flood's batch is
 * tried as a delta first: it shrinks ~10× for a fraction of DEFLATE's time, which was a quarter
 * of the sending tab's CPU; a batch the delta does not shrink fourfold is deflated as before.
 *
 * Decoding trusts nothing: a corrupt frame gives null, never a throw. A decompression bomb (64 KiB
 * of DEFLATE can claim ~66 MB) is cut short: the declared length must fit the link's largest
 * message, only that much is allocated, and inflating stops soon after the output outgrows it
 * (inflateExactly).
 */
import { Inflate, deflateSync, inflateSync } from 'fflate';
import { decodeDelta, encodeDelta } from './packet-delta.ts';

const STORED = 0;
const DEFLATED = 1;
/** Each packet as its difference from the one before (packet-delta.ts). */
const DELTA = 2;
const HEADER_BYTES = 5;
/** Smaller messages go stored: nothing much to gain, and round trips stay copy-only. */
export const COMPRESS_FROM_BYTES = 1024;
/** Level 1 (fast): level 6 saves ~12% more bytes for ~1.5× the time per batch. */
const LEVEL = 1;
/**
 * fflate's smallest hash table (mem 0: 4096 entries): it is allocated and zeroed on every call,
 * and a 64 KiB batch compresses as well with it (within 1%) in ~30% less time than the default.
 */
const MEM = 0;
/** Compressed input inflated in one step: a flood batch (~3 KB) is one step. */
const PIECE_BYTES = 4096;

/** The frame for one message: compressed when that is smaller. */
export function encodeFrame(bytes: Uint8Array): Uint8Array {
  if (bytes.length >= COMPRESS_FROM_BYTES) {
    const delta = new Uint8Array(HEADER_BYTES + (bytes.length >> 2));
    const end = encodeDelta(bytes, delta, HEADER_BYTES);
    if (end >= 0) return withHeader(delta.slice(0, end), DELTA, bytes.length);
    const z = deflateSync(bytes, { level: LEVEL, mem: MEM });
    if (z.length + HEADER_BYTES < bytes.length + 1) {
      const out = new Uint8Array(z.length + HEADER_BYTES);
      out.set(z, HEADER_BYTES);
      return withHeader(out, DEFLATED, bytes.length);
    }
  }
  return storedFrame(bytes);
}

/**
 * The stored frame of `bytes` written into `buf` (which must have room for it), as a view of
 * `buf`: for a sender whose channel copies what it is given (RTCDataChannel.send), so a small
 * message costs no new buffer.
 */
export function storedFrameInto(buf: Uint8Array<ArrayBuffer>, bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  buf[0] = STORED;
  buf.set(bytes, 1);
  return buf.subarray(0, bytes.length + 1);
}

/** Fills in `kind | RawLength:32` at the start of `out`. */
function withHeader(out: Uint8Array, kind: number, n: number): Uint8Array {
  out[0] = kind;
  out[1] = n >>> 24;
  out[2] = (n >>> 16) & 0xff;
  out[3] = (n >>> 8) & 0xff;
  out[4] = n & 0xff;
  return out;
}

/** The stored frame of a message, never compressed. */
export function storedFrame(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length + 1);
  out[0] = STORED;
  out.set(bytes, 1);
  return out;
}

/**
 * What a data channel delivered, as the message its frame holds, or why it is refused: a text
 * (or any non-binary) message, a frame longer than the largest message the link takes, or a
 * corrupt frame. The type and size are checked before anything is copied or allocated; the
 * caller closes the link with the reason.
 */
export function unframe(data: unknown, maxBytes: number): Uint8Array | string {
  let frame: Uint8Array;
  if (data instanceof ArrayBuffer) {
    if (data.byteLength > maxBytes + 1) return tooLong(data.byteLength, maxBytes);
    frame = new Uint8Array(data);
  } else if (ArrayBuffer.isView(data)) {
    if (data.byteLength > maxBytes + 1) return tooLong(data.byteLength, maxBytes);
    frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } else return `non-binary data channel message (${typeof data})`;
  return decodeFrame(frame, maxBytes) ?? 'corrupt data channel frame';
}

/** A frame is at most one byte longer than its message (encodeFrame compresses only when smaller). */
const tooLong = (n: number, maxBytes: number): string => `data channel message of ${n} bytes exceeds the limit of ${maxBytes + 1}`;

/** The message a frame holds, or null when the frame is corrupt or claims more than `maxBytes`. */
export function decodeFrame(frame: Uint8Array, maxBytes: number): Uint8Array | null {
  if (frame[0] === STORED) return frame.length - 1 <= maxBytes ? frame.subarray(1) : null;
  if ((frame[0] !== DEFLATED && frame[0] !== DELTA) || frame.length < HEADER_BYTES) return null;
  const raw = (((frame[1] as number) << 24) | ((frame[2] as number) << 16) | ((frame[3] as number) << 8) | (frame[4] as number)) >>> 0;
  if (raw > maxBytes) return null;
  if (frame[0] === DELTA) return decodeDelta(frame, HEADER_BYTES, raw);
  return inflateExactly(frame.subarray(HEADER_BYTES), raw);
}

/**
 * Inflates `z`, which must give exactly `length` bytes, or null. A small `z` (a flood batch is
 * ~3 KB) inflates in one call straight into a buffer one byte longer than `length`: fflate never
 * grows a buffer it is given, so a longer stream only fills that spare byte, and the work past it
 * is bounded by what 4 KiB of DEFLATE can claim (~4 MB, a few tens of ms). A bigger `z` goes
 * through the streaming inflater piece by piece, which stops once the output is too long.
 */
function inflateExactly(z: Uint8Array, length: number): Uint8Array | null {
  try {
    if (z.length <= PIECE_BYTES) {
      const out = inflateSync(z, { out: new Uint8Array(length + 1) });
      return out.length === length ? out : null;
    }
    return inflatePieces(z, length);
  } catch {
    // fflate's own error for an invalid stream, or TooLong.
    return null;
  }
}

/** Thrown from the streaming inflater's callback to stop it mid-stream. */
class TooLong extends Error {}

function inflatePieces(z: Uint8Array, length: number): Uint8Array | null {
  const out = new Uint8Array(length);
  let at = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (at + chunk.length > length) throw new TooLong();
    out.set(chunk, at);
    at += chunk.length;
    ended = final;
  });
  for (let i = 0; i < z.length; i += PIECE_BYTES) inflater.push(z.subarray(i, i + PIECE_BYTES), i + PIECE_BYTES >= z.length);
  return ended && at === length ? out : null;
}
