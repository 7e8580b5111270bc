/**
 * InAtomCache.readHere (the connection's receive path) answers as `read` does, header by header,
 * whatever the headers hold: refs to old entries (its own quick read), new entries, refs to unset
 * slots, cut or corrupted bytes (through `read`), and it leaves the cache as `read` does.
 */
import { describe, expect, it } from 'vitest';
import { SeededRandom } from '../../core/ports.ts';
import { atom, tuple, type Atom } from '../../core/term/types.ts';
import { InAtomCache, OutAtomCache } from './atom-cache.ts';
import { atomsWithCollisions, headerPacket } from './header-packets.ts';

/** Atoms sharing cache slots with others of the list, and a long one. */
const atoms = (): Atom[] => [...atomsWithCollisions('h'), atom('a_rather_long_atom_name_for_the_cache')];

const answer = (r: ReturnType<InAtomCache['read']>) => (typeof r === 'string' ? r : { refs: [...r.refs], next: r.next });
const answerHere = (c: InAtomCache, r: number | string) => (typeof r === 'string' ? r : { refs: [...c.lastRefs], next: r });

describe('InAtomCache.readHere', () => {
  it('answers as read does over random headers, corrupted ones included, and keeps the same cache', () => {
    const list = atoms();
    const rnd = new SeededRandom(41);
    const out = new OutAtomCache();
    const viaRead = new InAtomCache();
    const viaHere = new InAtomCache();
    const probe = headerPacket(new OutAtomCache(), tuple(...list));
    let quick = 0;
    for (let i = 0; i < 4000; i++) {
      const term = tuple(...Array.from({ length: 1 + Math.floor(rnd.next() * 4) }, () => list[Math.floor(rnd.next() * list.length)] as Atom));
      let p = headerPacket(out, term);
      const damage = rnd.next();
      if (damage < 0.05) p = p.subarray(0, Math.floor(rnd.next() * p.length));
      else if (damage < 0.1) {
        p = p.slice();
        p[2 + Math.floor(rnd.next() * Math.min(p.length - 2, 8))] = Math.floor(rnd.next() * 256);
      }
      const a = answer(viaRead.read(p, 2));
      const b = answerHere(viaHere, viaHere.readHere(p, 2));
      expect(b).toEqual(a);
      if (typeof a !== 'string' && a.refs.length > 0) quick++;
      // The caches agree: a header of every atom, all new or all known, reads the same from both.
      if (i % 200 === 0) expect(answerHere(viaHere, viaHere.readHere(probe, 2))).toEqual(answer(viaRead.read(probe, 2)));
    }
    expect(quick).toBeGreaterThan(1000);
  });

  it('a ref to a slot never filled gives read\'s error', () => {
    const c = new InAtomCache();
    // One ref, old (flag 0), to slot 5; then the long-atoms half byte.
    const header = Uint8Array.of(1, 0x00, 5);
    expect(c.readHere(header, 0)).toBe(new InAtomCache().read(header, 0));
    expect(c.readHere(header, 0)).toMatch(/unset entry 5/);
  });

  it('an empty header has no refs and its terms start after its count', () => {
    const c = new InAtomCache();
    c.readHere(headerPacket(new OutAtomCache(), tuple(atom('x'))), 2);
    expect(c.readHere(Uint8Array.of(0, 104, 0), 0)).toBe(1);
    expect(c.lastRefs).toEqual([]);
  });
});
