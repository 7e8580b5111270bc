/**
 * Integer <-> SMALL_BIG_EXT / LARGE_BIG_EXT digits. Bignums are sign + magnitude with
 * little-endian base-256 digits; JS has no direct bytes<->bigint, so we go through hex, which
 * V8 converts in linear time both ways (a power-of-two radix). Both directions are linear in the
 * number of digits, and the digits are bounded by BEAM's own limit.
 */

/**
 * The most digit bytes a bignum may have: OTP 25 (64-bit) holds integers below 2^33554368
 * (`1 bsl 33554367` works, `1 bsl 33554368` raises system_limit), and binary_to_term refuses a
 * LARGE_BIG_EXT with more digits (badarg). So a peer cannot make us convert more than 4 MiB.
 */
export const MAX_BIG_DIGITS = 4_194_296;

const HEX_CHARS = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
/** Hex digits are ASCII, which every single-byte decoding maps to themselves. */
const ascii = new TextDecoder('latin1');

/** Little-endian magnitude bytes of |n| (n != 0). */
export function magnitudeBytes(n: bigint): Uint8Array {
  const hex = (n < 0n ? -n : n).toString(16);
  const len = (hex.length + 1) >> 1;
  const out = new Uint8Array(len);
  // hex is big-endian, its first digit alone when the length is odd: read it from the end.
  for (let i = 0, j = hex.length; i < len; i++, j -= 2) out[i] = (j >= 2 ? nibble(hex.charCodeAt(j - 2)) << 4 : 0) | nibble(hex.charCodeAt(j - 1));
  return out;
}

const nibble = (c: number): number => (c <= 57 ? c - 48 : c - 87);

/** The integer whose little-endian magnitude is `digits`, negated when `negative`. */
export function fromMagnitude(digits: Uint8Array, negative: boolean): bigint {
  const n = digits.length;
  if (n === 0) return 0n;
  // One buffer of "0x" + big-endian hex, one string, one parse.
  const chars = new Uint8Array(2 * n + 2);
  chars[0] = 48; // 0
  chars[1] = 120; // x
  for (let i = 0, j = 2 * n; i < n; i++, j -= 2) {
    const b = digits[i] as number;
    chars[j] = HEX_CHARS[b >> 4] as number;
    chars[j + 1] = HEX_CHARS[b & 15] as number;
  }
  const m = BigInt(ascii.decode(chars));
  return negative ? -m : m;
}
