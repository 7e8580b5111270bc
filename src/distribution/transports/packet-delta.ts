/**
 * A data-channel message of many small packets, written as each packet's difference from the one
 * before it (frame.ts's DELTA frame). A flood's packets (`Length:32 | 131,68,… {22, From, To}
 * {msg, I}`) are the same bytes but for the integer, so a packet costs a few bytes: a literal run
 * of what changed and a copy of the rest from the previous packet. Finding that is one
 * comparison per four bytes of a run (a byte per compare took twice the time), several times
 * cheaper than DEFLATE (which hashes every byte and, for a flood, was a quarter of the sending
 * tab's time: bench:dist --profile); decoding is a copy.
 *
 * Tokens, until the input ends: `Literals:varint | literal bytes | Match:varint | [Distance:varint]`
 * (the distance only when Match > 0): append the literals, then copy Match bytes from Distance
 * bytes back in the output (they may overlap, as in LZ77). Varints are LEB128, at most 5 bytes.
 *
 * The encoder walks the packets by their length prefixes (packet-stream.ts) and only ever copies
 * from the previous packet, at its length's distance; a message that is not whole packets (a piece
 * of a large one) is not delta-coded. The decoder is a plain bounded LZ77 copier: it trusts
 * nothing, and its work is bounded by the input read and the output length declared (which the
 * caller checked against the link's limit before anything was allocated).
 */

/** Matches shorter than this go as literals: a token costs 2-3 bytes. */
const MIN_MATCH = 4;

/** Output of the encoder, sized once: it gives up when the delta is no smaller than `limit`. */
class Out {
  at = 0;
  constructor(
    readonly buf: Uint8Array,
    readonly limit: number,
  ) {}
  /** False when the output would pass the limit. */
  varint(v: number): boolean {
    const b = this.buf;
    while (v >= 0x80) {
      if (this.at >= this.limit) return false;
      b[this.at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    if (this.at >= this.limit) return false;
    b[this.at++] = v;
    return true;
  }
  literals(src: Uint8Array, from: number, to: number): boolean {
    if (!this.varint(to - from) || this.at + (to - from) > this.limit) return false;
    const b = this.buf;
    let at = this.at;
    for (let i = from; i < to; i++) b[at++] = src[i] as number;
    this.at = at;
    return true;
  }
}

/**
 * The tokens for `bytes` (whole packets), written into `out` from `at`, or -1 when the delta would
 * not fit before `out.length` (the caller then sends the message some other way). Returns the end.
 */
export function encodeDelta(bytes: Uint8Array, out: Uint8Array, at: number): number {
  const o = new Out(out, out.length);
  o.at = at;
  const n = bytes.length;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let lit = 0; // where the pending literals start
  // A match not yet written: one that the next packet's continues is written as one token.
  let mFrom = 0;
  let mTo = 0;
  let mDist = 0;
  let prev = -1; // where the previous packet starts
  let p = 0;
  while (p < n) {
    if (n - p < 4) return -1;
    const end = p + 4 + ((((bytes[p] as number) << 24) | ((bytes[p + 1] as number) << 16) | ((bytes[p + 2] as number) << 8) | (bytes[p + 3] as number)) >>> 0);
    if (end > n) return -1;
    if (prev >= 0) {
      const d = p - prev;
      let i = p;
      while (i < end) {
        if (bytes[i] !== bytes[i - d]) {
          i++;
          continue;
        }
        let j = i + 1;
        // Four bytes a compare while they last, the tail byte by byte: a flood's packets repeat
        // ~50 bytes at a time, and this halved the encoder's time per packet (60 -> 30 ns).
        const last4 = end - 4;
        while (j <= last4 && dv.getUint32(j) === dv.getUint32(j - d)) j += 4;
        while (j < end && bytes[j] === bytes[j - d]) j++;
        if (mTo === i && mDist === d && mTo > mFrom) mTo = j;
        else if (j - i >= MIN_MATCH) {
          if (mTo > mFrom && (!o.literals(bytes, lit, mFrom) || !o.varint(mTo - mFrom) || !o.varint(mDist))) return -1;
          if (mTo > mFrom) lit = mTo;
          mFrom = i;
          mTo = j;
          mDist = d;
        }
        i = j;
      }
    }
    prev = p;
    p = end;
  }
  if (mTo > mFrom) {
    if (!o.literals(bytes, lit, mFrom) || !o.varint(mTo - mFrom) || !o.varint(mDist)) return -1;
    lit = mTo;
  }
  if (lit < n && (!o.literals(bytes, lit, n) || !o.varint(0))) return -1;
  return o.at;
}

/** A cursor over the tokens; every read is bounds-checked against the input. */
class In {
  constructor(
    readonly buf: Uint8Array,
    public at: number,
  ) {}
  /** A LEB128 varint, or -1 when it is truncated or longer than 5 bytes / 2^32. */
  varint(): number {
    const buf = this.buf;
    if (this.at >= buf.length) return -1;
    const b = buf[this.at++] as number;
    if (b < 0x80) return b;
    let v = b & 0x7f;
    for (let shift = 7; shift < 35; shift += 7) {
      if (this.at >= buf.length) return -1;
      const c = buf[this.at++] as number;
      v += (c & 0x7f) * 2 ** shift;
      if (c < 0x80) return v <= 0xffffffff ? v : -1;
    }
    return -1;
  }
}

/**
 * The `length` bytes the tokens from `at` to the end of `frame` make, or null when they are
 * malformed. Short literal runs (a flood's are 1-2 bytes) are a plain loop, as a subarray and a
 * `set` per packet cost more than the bytes they move; copies (~50 bytes) are `copyWithin`, which
 * measured 3× faster than a loop for them. `into` (at least `length` bytes): write there and
 * return a view of it, instead of a new buffer per message.
 */
export function decodeDelta(frame: Uint8Array, at: number, length: number, into?: Uint8Array): Uint8Array | null {
  const out = into === undefined ? new Uint8Array(length) : into.subarray(0, length);
  const n = frame.length;
  const r = new In(frame, at);
  let pos = 0;
  while (r.at < n) {
    const lits = r.varint();
    if (lits < 0 || lits > n - r.at || lits > length - pos) return null;
    let p = r.at;
    if (lits <= 16) for (let i = 0; i < lits; i++) out[pos++] = frame[p++] as number;
    else {
      out.set(frame.subarray(p, p + lits), pos);
      p += lits;
      pos += lits;
    }
    r.at = p;
    const match = r.varint();
    if (match < 0 || match > length - pos) return null;
    if (match === 0) continue;
    const d = r.varint();
    if (d < 1 || d > pos) return null;
    if (d >= match && match > 8) {
      out.copyWithin(pos, pos - d, pos - d + match);
      pos += match;
    } else {
      // Byte by byte (a copy may also overlap what it writes: a distance shorter than the match).
      for (const end = pos + match; pos < end; pos++) out[pos] = out[pos - d] as number;
    }
  }
  return pos === length ? out : null;
}
