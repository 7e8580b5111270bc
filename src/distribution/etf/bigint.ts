/**
 * Integer <-> SMALL_BIG_EXT / LARGE_BIG_EXT digits. Bignums are sign + magnitude with
 * little-endian base-256 digits; JS has no direct bytes<->bigint, so we go through hex.
 */

/** Little-endian magnitude bytes of |n| (n != 0). */
export function magnitudeBytes(n: bigint): Uint8Array {
  const m = n < 0n ? -n : n;
  let hex = m.toString(16);
  if (hex.length % 2 === 1) hex = '0' + hex;
  const out = new Uint8Array(hex.length / 2);
  // hex is big-endian; write it reversed.
  for (let i = 0; i < out.length; i++) {
    const j = hex.length - 2 * (i + 1);
    out[i] = parseInt(hex.slice(j, j + 2), 16);
  }
  return out;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The integer whose little-endian magnitude is `digits`, negated when `negative`. */
export function fromMagnitude(digits: Uint8Array, negative: boolean): bigint {
  if (digits.length === 0) return 0n;
  let hex = '';
  for (let i = digits.length - 1; i >= 0; i--) hex += HEX[digits[i] as number] as string;
  const m = BigInt('0x' + hex);
  return negative ? -m : m;
}
