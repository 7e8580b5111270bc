/**
 * The distribution header's atom cache (DFLAG_DIST_HDR_ATOM_CACHE), as OTP encodes it
 * (erl_ext_dist "Distribution Header", erts/emulator/beam/dist.c and external.c):
 *
 *   131, 68, NumberOfAtomCacheRefs, Flags, AtomCacheRefs
 *
 * Each connection direction has a cache of 2,048 atoms (8 segments of 256) that the sender
 * fills and the receiver mirrors. A packet's header lists the atoms its terms use (at most 255):
 * one half byte of flags each (NewCacheEntryFlag bit 3, SegmentIndex bits 0-2; an even index in
 * the low half of its byte, an odd one in the high half), then one more half byte whose bit 0 is
 * LongAtoms (2-byte atom lengths). Then per ref: the index inside the segment, and for a new
 * entry its length and UTF-8 text. In the terms after the header an atom is ATOM_CACHE_REF (82)
 * with its position in that list. So a pid's node name, 2 + its length on every message, costs 2
 * bytes once the peer has it.
 *
 * Which slot an atom takes is the sender's choice (OTP hashes its atom index; we hash the name).
 * As in OTP's insert_acache_map, within one packet the first atom to claim a slot gets it, a
 * later one for the same slot is written inline, and past 255 refs atoms are written inline.
 */
import { tryAtom, type Atom } from '../../core/term/types.ts';
import { atomText } from './encode.ts';
import { ByteReader, DecodeFail } from './reader.ts';
import * as T from './tags.ts';
import type { AtomRefs, ByteWriter } from './writer.ts';

export const ATOM_CACHE_SIZE = 2048;
/** ERTS_MAX_INTERNAL_ATOM_CACHE_ENTRIES: one byte indexes a packet's refs. */
export const MAX_ATOM_CACHE_REFS = 255;

/** The slot an atom takes: a hash of its name (a pure memo, like encode.ts's atom bytes). */
const slots = new Map<Atom, number>();

export function cacheIndex(a: Atom): number {
  let ix = slots.get(a);
  if (ix === undefined) {
    let h = 0x811c9dc5;
    for (let i = 0; i < a.name.length; i++) h = Math.imul(h ^ a.name.charCodeAt(i), 0x01000193);
    ix = (h >>> 0) % ATOM_CACHE_SIZE;
    slots.set(a, ix);
  }
  return ix;
}

/**
 * Our side of one connection's cache: what the peer holds, and the refs of the packet being
 * written. Its arrays are made once and reused (a count says how many refs the packet has:
 * emptying a JS array with `length = 0` let go of its storage on every packet), and a packet
 * whose refs are the previous packet's, none new, copies the previous header's bytes: a flood
 * names the same atoms in every packet.
 */
export class OutAtomCache implements AtomRefs {
  private readonly sent: (Atom | undefined)[] = new Array<Atom | undefined>(ATOM_CACHE_SIZE);
  /** Slot -> position in this packet's refs (-1: unused in this packet). */
  private readonly inPacket = new Int16Array(ATOM_CACHE_SIZE).fill(-1);
  private readonly refs: (Atom | undefined)[] = new Array<Atom | undefined>(MAX_ATOM_CACHE_REFS).fill(undefined);
  private readonly refSlots = new Uint16Array(MAX_ATOM_CACHE_REFS);
  private readonly fresh = new Uint8Array(MAX_ATOM_CACHE_REFS);
  private count = 0;
  /**
   * The last two headers with no new entries (the bytes after `131, 68`), most recent first: a
   * GenServer.call's monitor and demonitor name two atoms and its request four, so a caller's
   * headers alternate between two.
   */
  private kept: [KeptHeader, KeptHeader] = [keptHeader(), keptHeader()];

  ref(a: Atom): number {
    const cix = cacheIndex(a);
    const i = this.inPacket[cix] as number;
    if (i >= 0) return this.refs[i] === a ? i : -1;
    const n = this.count;
    if (n >= MAX_ATOM_CACHE_REFS) return -1;
    this.inPacket[cix] = n;
    this.refs[n] = a;
    this.refSlots[n] = cix;
    this.count = n + 1;
    return n;
  }

  /**
   * Writes `131, 68, header` for the refs of the packet just encoded, records its new entries
   * as the peer's (the packet goes out in this order), and starts the next packet.
   */
  writeHeader(w: ByteWriter): void {
    const n = this.count;
    w.u8(T.VERSION);
    w.u8(T.DIST_HEADER);
    const k = this.keptMatch();
    if (k !== null) {
      w.bytes(k.bytes);
      this.clear();
      return;
    }
    const from = w.length;
    w.u8(n);
    if (n === 0) return this.remember(w, from);
    let long = false;
    let anyFresh = false;
    for (let i = 0; i < n; i++) {
      const a = this.refs[i] as Atom;
      const isNew = this.sent[this.refSlots[i] as number] !== a;
      this.fresh[i] = isNew ? 1 : 0;
      if (isNew) anyFresh = true;
      if (isNew && atomText(a).length > 255) long = true;
    }
    // n + 1 half bytes: the refs' flags, then LongAtoms.
    for (let b = 0; b <= n >> 1; b++) {
      const lo = 2 * b;
      const hi = lo + 1;
      w.u8(this.nibble(lo, n, long) | (this.nibble(hi, n, long) << 4));
    }
    for (let i = 0; i < n; i++) {
      const cix = this.refSlots[i] as number;
      w.u8(cix & 0xff);
      if (this.fresh[i] === 0) continue;
      const a = this.refs[i] as Atom;
      const text = atomText(a);
      if (long) w.u16(text.length);
      else w.u8(text.length);
      w.bytes(text);
      this.sent[cix] = a;
    }
    // A header that brought new entries differs from the next one, which names them as known.
    if (anyFresh) {
      // New entries may take slots a kept header names as known.
      for (const h of this.kept) h.count = -1;
      this.clear();
    } else this.remember(w, from);
  }

  /** The packet was not written (its terms could not be encoded): forget its refs. */
  abandon(): void {
    this.clear();
  }

  /** A kept header whose refs are this packet's, in order (the peer has them all: it had no new ones); it becomes the most recent. */
  private keptMatch(): KeptHeader | null {
    const [a, b] = this.kept;
    if (this.sameRefs(a)) return a;
    if (!this.sameRefs(b)) return null;
    this.kept = [b, a];
    return b;
  }

  private sameRefs(h: KeptHeader): boolean {
    const n = this.count;
    if (n !== h.count) return false;
    for (let i = 0; i < n; i++) if (this.refs[i] !== h.refs[i]) return false;
    return true;
  }

  /** Keeps the header written from `from` (with no new entries) in place of the older kept one. */
  private remember(w: ByteWriter, from: number): void {
    const n = this.count;
    const [a, h] = this.kept;
    h.bytes = w.written().slice(from);
    for (let i = 0; i < n; i++) h.refs[i] = this.refs[i];
    h.count = n;
    this.kept = [h, a];
    this.clear();
  }

  private nibble(i: number, n: number, long: boolean): number {
    if (i < n) return (this.fresh[i] === 1 ? 8 : 0) | ((this.refSlots[i] as number) >> 8);
    return i === n && long ? 1 : 0;
  }

  private clear(): void {
    const n = this.count;
    for (let i = 0; i < n; i++) {
      this.inPacket[this.refSlots[i] as number] = -1;
      this.refs[i] = undefined;
    }
    this.count = 0;
  }
}

/** A header with no new entries, and the atoms it names in order (count -1: none kept). */
interface KeptHeader {
  bytes: Uint8Array;
  readonly refs: (Atom | undefined)[];
  count: number;
}

function keptHeader(): KeptHeader {
  return { bytes: new Uint8Array(0), refs: new Array<Atom | undefined>(MAX_ATOM_CACHE_REFS).fill(undefined), count: -1 };
}

/** The peer's side: the cache its headers fill, read in packet order. */
export class InAtomCache {
  private readonly slots: (Atom | undefined)[] = new Array<Atom | undefined>(ATOM_CACHE_SIZE);
  /** The refs the last `readHere` read: overwritten by the next call. */
  readonly lastRefs: Atom[] = [];

  /**
   * As `read`, for a reader that decodes the packet's terms at once: the refs go to `lastRefs`
   * (no new array or result per packet: every packet of a round trip has a header), and the
   * answer is where the terms start, or why the header is bad. A header whose refs all name
   * slots already filled (a conversation's usual packet) is read without a ByteReader; any
   * other goes through `read`, which gives the same answer and fills new entries. `start` and
   * `end`: where the packet lies in `body` (one read inside the transport's message; an error
   * names offsets in the packet).
   */
  readHere(body: Uint8Array, at: number, end = body.length, start = 0): number | string {
    const refs = this.lastRefs;
    const n = body[at];
    if (n === 0) {
      // No refs, and so no flags either.
      refs.length = 0;
      return at + 1;
    }
    if (n !== undefined) {
      const flagsAt = at + 1;
      const slotsAt = flagsAt + (n >> 1) + 1;
      let i = 0;
      // Each old ref is one slot byte after the flags (the flags' last half byte is `long`, which only new entries use).
      if (slotsAt + n <= end) {
        for (; i < n; i++) {
          const f = nibbleAt(body, flagsAt, i);
          if ((f & 8) !== 0) break;
          const a = this.slots[((f & 7) << 8) | (body[slotsAt + i] as number)];
          if (a === undefined) break;
          refs[i] = a;
        }
        if (i === n) {
          refs.length = n;
          return slotsAt + n;
        }
      }
    }
    const r = start === 0 && end === body.length ? this.read(body, at) : this.read(body.subarray(start, end), at - start);
    if (typeof r === 'string') return r;
    refs.length = 0;
    for (const a of r.refs) refs.push(a);
    return r.next + start;
  }

  /**
   * Reads the header that follows `131, 68` at `at`: the packet's refs (the atoms its
   * ATOM_CACHE_REFs name) and where its terms start, or why the header is bad (a reference to a
   * slot never filled, a truncated or oversized header, a bad atom).
   */
  read(body: Uint8Array, at: number): { readonly refs: Atom[]; readonly next: number } | string {
    try {
      const r = new ByteReader(body, at);
      const n = r.u8();
      const refs: Atom[] = [];
      if (n === 0) return { refs, next: r.pos };
      const flagsAt = r.pos;
      r.need((n >> 1) + 1);
      r.pos += (n >> 1) + 1;
      const long = (nibbleAt(body, flagsAt, n) & 1) === 1;
      for (let i = 0; i < n; i++) {
        const f = nibbleAt(body, flagsAt, i);
        const cix = ((f & 7) << 8) | r.u8();
        if ((f & 8) === 0) {
          const a = this.slots[cix];
          if (a === undefined) return `atom cache reference to unset entry ${cix}`;
          refs.push(a);
          continue;
        }
        const len = long ? r.u16() : r.u8();
        const name = r.utf8(len);
        if (name.length > T.MAX_ATOM_CHARS && [...name].length > T.MAX_ATOM_CHARS) return 'atom cache entry longer than 255 characters';
        const a = tryAtom(name);
        if (a === undefined) return 'the atom table is full (system_limit)';
        this.slots[cix] = a;
        refs.push(a);
      }
      return { refs, next: r.pos };
    } catch (e) {
      if (e instanceof DecodeFail) return `bad distribution header: ${e.message}`;
      throw e;
    }
  }
}

/** The `i`th half byte of the flags that start at `at` (an even one in the low half of its byte). */
function nibbleAt(body: Uint8Array, at: number, i: number): number {
  return ((body[at + (i >> 1)] as number) >> ((i & 1) * 4)) & 0xf;
}

/** Where the terms start after the header that follows `131, 68` at `at` (no cache needed), or null when it is malformed. */
export function headerEnd(body: Uint8Array, at: number): number | null {
  const n = body[at];
  if (n === undefined) return null;
  if (n === 0) return at + 1;
  const flagsAt = at + 1;
  const nibble = (i: number) => ((body[flagsAt + (i >> 1)] ?? 0) >> ((i & 1) * 4)) & 0xf;
  const long = (nibble(n) & 1) === 1;
  let p = flagsAt + (n >> 1) + 1;
  for (let i = 0; i < n; i++) {
    p++; // the slot
    if ((nibble(i) & 8) === 0) continue;
    const len = long ? ((body[p] ?? 0) << 8) | (body[p + 1] ?? 0) : (body[p] ?? 0);
    p += (long ? 2 : 1) + len;
  }
  return p <= body.length ? p : null;
}
