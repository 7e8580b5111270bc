/**
 * Distribution capability flags (64-bit, so bigint). Names follow erl_dist_protocol.md and
 * dist_util:dflag2str/1 on OTP 25.2.3. Each side sends its own flags; the connection uses their
 * AND (dist_util:adjust_flags/2).
 */

export const DFLAG = {
  PUBLISHED: 0x1n,
  ATOM_CACHE: 0x2n,
  EXTENDED_REFERENCES: 0x4n,
  DIST_MONITOR: 0x8n,
  FUN_TAGS: 0x10n,
  DIST_MONITOR_NAME: 0x20n,
  HIDDEN_ATOM_CACHE: 0x40n,
  NEW_FUN_TAGS: 0x80n,
  EXTENDED_PIDS_PORTS: 0x100n,
  EXPORT_PTR_TAG: 0x200n,
  BIT_BINARIES: 0x400n,
  NEW_FLOATS: 0x800n,
  UNICODE_IO: 0x1000n,
  DIST_HDR_ATOM_CACHE: 0x2000n,
  SMALL_ATOM_TAGS: 0x4000n,
  UTF8_ATOMS: 0x10000n,
  MAP_TAG: 0x20000n,
  BIG_CREATION: 0x40000n,
  SEND_SENDER: 0x80000n,
  BIG_SEQTRACE_LABELS: 0x100000n,
  EXIT_PAYLOAD: 0x400000n,
  FRAGMENTS: 0x800000n,
  HANDSHAKE_23: 0x1000000n,
  UNLINK_ID: 0x2000000n,
  /** Shorthand for "every flag mandatory in OTP 25" (bit 26; the doc's 1 bsl 36 is wrong). */
  MANDATORY_25_DIGEST: 0x4000000n,
  SPAWN: 1n << 32n,
  NAME_ME: 1n << 33n,
  V4_NC: 1n << 34n,
  ALIAS: 1n << 35n,
  /**
   * Ours, not BEAM's: when BOTH sides set it, challenge digests are HMAC-SHA-256 (32 bytes)
   * instead of MD5 (16 bytes). Bit 60 is far above anything OTP defines (OTP 27 stops at bit 37)
   * and BEAM ignores flags it does not know, so a real BEAM peer simply never matches it and the
   * handshake stays byte-exact MD5.
   */
  PLAYGROUND_HMAC: 1n << 60n,
} as const;

export type FlagName = keyof typeof DFLAG;

/** `erts_internal:get_dflags()` on OTP 25.2.3, without PUBLISHED (added unless hidden). */
export const DEFAULT_FLAGS = 0xd07df7fbcn;

/** Flags a peer must have or the connection is refused. */
export const MANDATORY_FLAGS = 0x1070f94n;

/**
 * Flags of a playground node: BEAM's defaults (the distribution header's atom cache included:
 * etf/atom-cache.ts; fragments, which we read from a peer but never send: etf/fragments.ts),
 * published, and HMAC digests between playground nodes.
 */
export const PLAYGROUND_FLAGS = DEFAULT_FLAGS | DFLAG.PUBLISHED | DFLAG.PLAYGROUND_HMAC;

/**
 * The flags a node offers a real BEAM peer (a link with `beam` set): its own without the
 * playground-only ones, so the handshake is BEAM's byte for byte (MD5 digests).
 */
export function beamFlags(flags: bigint): bigint {
  return flags & ~DFLAG.PLAYGROUND_HMAC;
}

/** dist_util:expand_mandatory_25_flag: bit 26 stands for the whole OTP 25 mandatory set. */
export function expandFlags(flags: bigint): bigint {
  return flags & DFLAG.MANDATORY_25_DIGEST ? flags | MANDATORY_FLAGS : flags;
}

/** The names of mandatory flags missing from `flags`, highest bit first (as check_mandatory lists them). */
export function missingMandatory(flags: bigint): string[] {
  const missing: string[] = [];
  const byBit = new Map<bigint, string>(Object.entries(DFLAG).map(([k, v]) => [v, k]));
  for (let bit = 1n; bit <= MANDATORY_FLAGS; bit <<= 1n) {
    if (MANDATORY_FLAGS & bit && !(flags & bit)) missing.unshift(byBit.get(bit) ?? `UNKNOWN<${bit.toString(16).toUpperCase()}>`);
  }
  return missing;
}

/** Both sides set the playground bit: digests are HMAC-SHA-256. */
export function usesHmac(flagsA: bigint, flagsB: bigint): boolean {
  return (flagsA & flagsB & DFLAG.PLAYGROUND_HMAC) !== 0n;
}
