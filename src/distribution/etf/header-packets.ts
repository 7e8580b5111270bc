/** Test helpers for the atom cache's header form (atom-cache*.test.ts). */
import { atom, type Atom, type Term } from '../../core/term/types.ts';
import { OutAtomCache, cacheIndex } from './atom-cache.ts';
import { encodeInto } from './encode.ts';
import { ByteWriter } from './writer.ts';

/** `term` as a packet in the header form (`131, 68`, the header, the terms), through `cache`. */
export function headerPacket(cache: OutAtomCache, term: Term): Uint8Array {
  const s = new ByteWriter();
  s.atomRefs = cache;
  encodeInto(s, term, { versionByte: false });
  const w = new ByteWriter();
  cache.writeHeader(w);
  w.bytes(s.written());
  return w.finish();
}

/** Atoms named `prefix` and a number, three of them sharing a cache slot, then `x` and `y` (found by trying names). */
export function atomsWithCollisions(prefix = 'm'): Atom[] {
  const bySlot = new Map<number, Atom[]>();
  for (let i = 0; ; i++) {
    const a = atom(`${prefix}${i}`);
    const list = bySlot.get(cacheIndex(a)) ?? [];
    list.push(a);
    bySlot.set(cacheIndex(a), list);
    if (list.length === 3) return [...list, atom('x'), atom('y')];
  }
}
