/**
 * The distribution header's atom cache: the bytes OTP's format gives (erl_ext_dist, "Distribution
 * Header"), the cache kept across packets, and a peer's bad headers refused in words.
 */
import { describe, expect, it } from 'vitest';
import { Pid, atom, tuple, type Atom } from '../../core/term/types.ts';
import { ATOM_CACHE_SIZE, InAtomCache, OutAtomCache, cacheIndex } from './atom-cache.ts';
import { decodeTerm } from './decode.ts';
import { encodeInto } from './encode.ts';
import { decodePacket } from './packet.ts';
import { ByteWriter } from './writer.ts';
import { hex } from './test-util.ts';

/** One packet's body in the header form: the terms encoded with `cache`'s refs, then the header before them. */
function packet(cache: OutAtomCache, ...terms: Parameters<typeof encodeInto>[1][]): Uint8Array {
  const s = new ByteWriter();
  s.atomRefs = cache;
  for (const t of terms) encodeInto(s, t, { versionByte: false });
  const w = new ByteWriter();
  cache.writeHeader(w);
  w.bytes(s.written());
  return w.finish();
}

/** Two atoms of the same slot, found by trying names. */
function collidingPair(): [Atom, Atom] {
  const seen = new Map<number, Atom>();
  for (let i = 0; ; i++) {
    const a = atom(`c${i}`);
    const other = seen.get(cacheIndex(a));
    if (other !== undefined) return [other, a];
    seen.set(cacheIndex(a), a);
  }
}

describe('the header OTP reads', () => {
  it('one new atom: 131 68 1, flags (new, segment; LongAtoms 0), slot, length, text; then ATOM_CACHE_REF 0', () => {
    const hello = atom('hello');
    const cix = cacheIndex(hello);
    const body = packet(new OutAtomCache(), hello);
    // Flags byte: ref 0 in the low half (NewCacheEntryFlag 8 | segment), the LongAtoms half above it.
    const flags = (8 | (cix >> 8)).toString(16).padStart(2, '0');
    const slot = (cix & 0xff).toString(16).padStart(2, '0');
    expect(hex(body)).toBe(`834401${flags}${slot}0568656c6c6f5200`);
  });

  it('the second packet names a known atom by its slot only; two refs share one flags byte, LongAtoms in the next', () => {
    const out = new OutAtomCache();
    const [a, b] = [atom('alpha'), atom('beta')];
    packet(out, a);
    const body = packet(out, tuple(a, b));
    const [ca, cb] = [cacheIndex(a), cacheIndex(b)];
    const flags = (ca >> 8) | ((8 | (cb >> 8)) << 4);
    expect([...body.subarray(0, 8)]).toEqual([131, 68, 2, flags, 0, ca & 0xff, cb & 0xff, 4]);
    const inCache = new InAtomCache();
    expect(decodePacket(packet(new OutAtomCache(), a), {}, inCache).ok).toBe(true);
    // The receiver that saw the first packet decodes the second; one that did not cannot.
    const first = new OutAtomCache();
    const p1 = packet(first, a);
    const p2 = packet(first, tuple(a, b));
    const mirror = new InAtomCache();
    expect(decodePacket(p1, {}, mirror)).toMatchObject({ ok: true });
    expect(decodePacket(p2, {}, mirror)).toEqual({ ok: true, packet: { kind: 'message', control: tuple(a, b), payload: undefined } });
    expect(decodePacket(p2, {}, new InAtomCache())).toEqual({ ok: false, error: `atom cache reference to unset entry ${ca}` });
  });

  it('an atom over 255 bytes of UTF-8 sets LongAtoms: every new entry then has a 2-byte length', () => {
    const long = atom('é'.repeat(200));
    const out = new OutAtomCache();
    const body = packet(out, tuple(long, atom('x')));
    expect(body[2]).toBe(2);
    expect((body[4] as number) & 1).toBe(1); // the half byte after the two refs' flags
    expect(decodePacket(body, {}, new InAtomCache())).toEqual({ ok: true, packet: { kind: 'message', control: tuple(long, atom('x')), payload: undefined } });
  });

  it('a pid costs 2 bytes of node name once the peer holds it', () => {
    const pid = new Pid(atom('someone@somewhere.example'), 120, 0, 7);
    const out = new OutAtomCache();
    const first = packet(out, pid);
    const second = packet(out, pid);
    expect(second.length).toBe(3 + 1 + 1 + 1 + 2 + 12);
    expect(first.length).toBeGreaterThan(second.length + 'someone@somewhere.example'.length);
    const inCache = new InAtomCache();
    for (const p of [first, second]) expect(decodePacket(p, {}, inCache)).toMatchObject({ ok: true, packet: { control: pid } });
  });

  it('two atoms of one slot in one packet: the first takes it, the second is written inline', () => {
    const [a, b] = collidingPair();
    const out = new OutAtomCache();
    const body = packet(out, tuple(a, b));
    expect(body[2]).toBe(1);
    const inCache = new InAtomCache();
    expect(decodePacket(body, {}, inCache)).toEqual({ ok: true, packet: { kind: 'message', control: tuple(a, b), payload: undefined } });
    // The next packet gives the slot to b: the receiver's slot follows.
    const next = packet(out, b, a);
    expect(decodePacket(next.subarray(0, next.length), {}, inCache)).toMatchObject({ ok: true });
  });

  it('past 255 atoms in one packet the rest are inline', () => {
    const names = Array.from({ length: 400 }, (_, i) => atom(`many${i}`));
    const out = new OutAtomCache();
    const body = packet(out, tuple(...names));
    expect(body[2]).toBe(255);
    expect(decodePacket(body, {}, new InAtomCache())).toEqual({ ok: true, packet: { kind: 'message', control: tuple(...names), payload: undefined } });
    expect(ATOM_CACHE_SIZE).toBe(2048);
  });
});

describe('a peer\'s bad headers', () => {
  const cache = () => new InAtomCache();
  it('a reference to an entry never filled', () => {
    // one ref, not new, segment 3, slot 7; then ATOM_CACHE_REF 0
    expect(decodePacket(Uint8Array.of(131, 68, 1, 3, 7, 82, 0), {}, cache())).toEqual({ ok: false, error: 'atom cache reference to unset entry 775' });
  });

  it('an ATOM_CACHE_REF past the header\'s refs', () => {
    const r = decodePacket(Uint8Array.of(131, 68, 1, 8, 7, 1, 0x61, 82, 1), {}, cache());
    expect(r).toEqual({ ok: false, error: 'control message: atom cache reference 1 out of range (the header has 1)' });
  });

  it('a header longer than the packet (255 refs claimed, a few bytes sent)', () => {
    const r = decodePacket(Uint8Array.of(131, 68, 255, 8, 8, 8), {}, cache());
    expect(r).toMatchObject({ ok: false, error: expect.stringMatching(/^bad distribution header: truncated input/) });
  });

  it('an entry whose text claims more bytes than there are, and one over 255 characters', () => {
    expect(decodePacket(Uint8Array.of(131, 68, 1, 8, 0, 200, 0x61), {}, cache())).toMatchObject({ ok: false, error: expect.stringMatching(/^bad distribution header: truncated/) });
    const text = new TextEncoder().encode('a'.repeat(300));
    const long = Uint8Array.of(131, 68, 1, 8 | 0x10, 0, 300 >> 8, 300 & 0xff, ...text, 82, 0);
    expect(decodePacket(long, {}, cache())).toEqual({ ok: false, error: 'atom cache entry longer than 255 characters' });
  });

  it('refs with no atom cache negotiated', () => {
    expect(decodePacket(Uint8Array.of(131, 68, 1, 8, 0, 1, 0x61, 82, 0))).toEqual({ ok: false, error: 'atom cache references are not supported' });
    expect(decodeTerm(Uint8Array.of(131, 82, 0)).ok).toBe(false);
  });
});
