/**
 * The one-byte frame of a data-channel message: stored, or a packet delta.
 *
 * Why shrink: uncompressed, a flood of small sends is bound by the channel's bytes, not by the
 * tabs' CPU (bench:dist --profile showed both main threads mostly idle). A flood's batch (the same
 * pids and atoms in each packet) travels as each packet's difference from the previous one
 * (packet-delta.ts): ~10× smaller, synchronously, so ordering and back-pressure stay as they are.
 * Only links between playground tabs use it; the packet stream inside stays byte-exact Erlang
 * (packet-stream.ts).
 *
 * Frame: `0 | bytes` (stored) or `2 | RawLength:32 | delta`. Kind 1 was DEFLATE (fflate): once
 * floods took the delta it only served batches the delta could not shrink fourfold and single
 * packets of 1 to 64 KiB (bigger ones take the bulk lane), and it cost ~4 KB gzipped of every
 * tab's first load (issue 11), so no tab sends it, and a frame of that kind is refused as corrupt.
 *
 * Decoding trusts nothing: a corrupt frame gives null, never a throw. A delta claiming more than
 * the link's largest message is refused before anything is allocated (packet-delta.ts bounds its
 * copies to the declared length).
 */
import { decodeDelta, encodeDelta } from './packet-delta.ts';

const STORED = 0;
/** Each packet as its difference from the one before (packet-delta.ts). */
const DELTA = 2;
const HEADER_BYTES = 5;
/** Smaller messages go stored: nothing much to gain, and round trips stay copy-only. */
export const COMPRESS_FROM_BYTES = 1024;

/** The frame for one message: a delta when that is at most a quarter of it, else stored. */
export function encodeFrame(bytes: Uint8Array): Uint8Array {
  if (bytes.length >= COMPRESS_FROM_BYTES) {
    const delta = new Uint8Array(HEADER_BYTES + (bytes.length >> 2));
    const end = encodeDelta(bytes, delta, HEADER_BYTES);
    if (end >= 0) return withHeader(delta.slice(0, end), DELTA, bytes.length);
  }
  return storedFrame(bytes);
}

/**
 * encodeFrame's frame written into `buf` (at least one byte longer than `bytes`), as a view of
 * `buf`: for a sender whose channel copies what it is given (RTCDataChannel.send), so a batch
 * costs no new buffer either.
 */
export function encodeFrameInto(buf: Uint8Array<ArrayBuffer>, bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  if (bytes.length >= COMPRESS_FROM_BYTES) {
    const end = encodeDelta(bytes, buf.subarray(0, HEADER_BYTES + (bytes.length >> 2)), HEADER_BYTES);
    if (end >= 0) return withHeader(buf.subarray(0, end), DELTA, bytes.length);
  }
  return storedFrameInto(buf, bytes);
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
function withHeader<T extends Uint8Array>(out: T, kind: number, n: number): T {
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
 * caller closes the link with the reason. `into`: gives a buffer of at least `maxBytes` to decode
 * a delta in (asked only for one), and the message is then a view of it that the next one
 * overwrites (Link.lendsMessages).
 */
export function unframe(data: unknown, maxBytes: number, into?: () => Uint8Array): Uint8Array | string {
  let frame: Uint8Array;
  if (data instanceof ArrayBuffer) {
    if (data.byteLength > maxBytes + 1) return tooLong(data.byteLength, maxBytes);
    frame = new Uint8Array(data);
  } else if (ArrayBuffer.isView(data)) {
    if (data.byteLength > maxBytes + 1) return tooLong(data.byteLength, maxBytes);
    frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  } else return `non-binary data channel message (${typeof data})`;
  return decodeFrame(frame, maxBytes, into) ?? 'corrupt data channel frame';
}

/** A frame is at most one byte longer than its message (encodeFrame takes the delta only when smaller). */
const tooLong = (n: number, maxBytes: number): string => `data channel message of ${n} bytes exceeds the limit of ${maxBytes + 1}`;

/**
 * The message a frame holds, or null when the frame is corrupt or claims more than `maxBytes`; a
 * delta is decoded into `into` when given (see unframe).
 */
export function decodeFrame(frame: Uint8Array, maxBytes: number, into?: () => Uint8Array): Uint8Array | null {
  if (frame[0] === STORED) return frame.length - 1 <= maxBytes ? frame.subarray(1) : null;
  if (frame[0] !== DELTA || frame.length < HEADER_BYTES) return null;
  const raw = (((frame[1] as number) << 24) | ((frame[2] as number) << 16) | ((frame[3] as number) << 8) | (frame[4] as number)) >>> 0;
  if (raw > maxBytes) return null;
  return decodeDelta(frame, HEADER_BYTES, raw, into?.());
}
