/**
 * OutAtomCache copies the previous header when a packet names the same atoms and none is new.
 * The bytes must be those a fresh computation gives, whatever came between: a packet that
 * brought a new entry, one that took a slot from an atom of the memo, an abandoned packet.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../core/ports.ts';
import { atom, tuple, type Atom, type Term } from '../../core/term/types.ts';
import { InAtomCache, OutAtomCache } from './atom-cache.ts';
import { encodeInto } from './encode.ts';
import { decodePacket } from './packet.ts';
import { ByteWriter } from './writer.ts';
import { hex } from './test-util.ts';
import { atomsWithCollisions, headerPacket } from './header-packets.ts';

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
    for (let i = 0; i < 3000; i++) {
      // Often the same term again (the memo's case), else a new mix; sometimes an abandoned packet.
      const term: Term = rnd.next() < 0.5 ? last : tuple(...Array.from({ length: 1 + Math.floor(rnd.next() * 3) }, pick));
      if (rnd.next() < 0.05) {
        const s = new ByteWriter();
        s.atomRefs = out;
        encodeInto(s, tuple(pick(), pick()), { versionByte: false });
        out.abandon();
      }
      const body = headerPacket(out, term);
      expect(decodePacket(body, {}, mirror)).toEqual({ ok: true, packet: { kind: 'message', control: term, payload: undefined } });
      last = term;
    }
  });
});
