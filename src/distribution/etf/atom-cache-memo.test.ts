/**
 * OutAtomCache copies one of the last two headers when a packet names the same atoms and none is new.
 * The bytes must be those a fresh computation gives, whatever came between: a packet that
 * brought a new entry, one that took a slot from an atom of the memo, an abandoned packet.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../core/ports.ts';
import { atom, tuple, type Atom, type Term } from '../../core/term/types.ts';
import { InAtomCache, OutAtomCache, cacheIndex } from './atom-cache.ts';
import { encodeInto } from './encode.ts';
import { decodePacket } from './packet.ts';
import { ByteWriter } from './writer.ts';
import { hex } from './test-util.ts';
import { atomsWithCollisions, headerPacket } from './header-packets.ts';

/** The `k`th atom named `r…` that takes `a`'s cache slot. */
function rivalOf(a: Atom, k: number): Atom {
  for (let i = 0, found = 0; ; i++) {
    const r = atom(`r${i}`);
    if (cacheIndex(r) === cacheIndex(a) && found++ === k) return r;
  }
}

describe('the repeated header', () => {
  it('a flood of one shape repeats the second header byte for byte', () => {
    const out = new OutAtomCache();
    const [a, b] = [atom('from@lab'), atom('msg')];
    const first = headerPacket(out, tuple(a, b, 1));
    const second = headerPacket(out, tuple(a, b, 2));
    const third = headerPacket(out, tuple(a, b, 3));
    expect(hex(first.subarray(0, 8))).not.toBe(hex(second.subarray(0, 8)));
    expect(hex(third)).toBe(hex(second).replace(/02$/, '03'));
  });

  it('random packets over colliding atoms give what a cache without the memo gives, and decode in order', () => {
    const atoms = atomsWithCollisions();
    const rnd = new SeededRandom(23);
    const out = new OutAtomCache();
    const mirror = new InAtomCache();
    const pick = () => atoms[Math.floor(rnd.next() * atoms.length)] as Atom;
    let last: Term = atom('none');
    let before: Term = atom('none');
    for (let i = 0; i < 3000; i++) {
      // Often the same term again or the one before it (the memo's cases), else a new mix; sometimes an abandoned packet.
      const r = rnd.next();
      const term: Term = r < 0.3 ? last : r < 0.55 ? before : tuple(...Array.from({ length: 1 + Math.floor(rnd.next() * 3) }, pick));
      if (rnd.next() < 0.05) {
        const s = new ByteWriter();
        s.atomRefs = out;
        encodeInto(s, tuple(pick(), pick()), { versionByte: false });
        out.abandon();
      }
      const body = headerPacket(out, term);
      expect(decodePacket(body, {}, mirror)).toEqual({ ok: true, packet: { kind: 'message', control: term, payload: undefined } });
      if (term !== last) [before, last] = [last, term];
    }
  });

  it('a caller alternating two shapes (a call\'s monitor, its request) decodes in order while new atoms take their slots', () => {
    const out = new OutAtomCache();
    const mirror = new InAtomCache();
    const [a, b] = [atom('a@lab'), atom('b@lab')];
    // Atoms of a's and $gen_call's slots: each one new in its packet, it takes the slot a kept header names.
    const rivals = [a, atom('$gen_call')].flatMap((x) => Array.from({ length: 3 }, (_, k) => rivalOf(x, k)));
    const monitor = tuple(a, b, 1);
    const request = tuple(a, b, atom('$gen_call'), atom('alias'));
    for (let i = 0; i < 300; i++) {
      const term = i % 25 === 24 ? tuple(rivals[Math.floor(i / 25) % rivals.length] as Atom, b) : i % 2 === 0 ? monitor : request;
      const body = headerPacket(out, term);
      expect(decodePacket(body, {}, mirror)).toEqual({ ok: true, packet: { kind: 'message', control: term, payload: undefined } });
    }
  });
});
