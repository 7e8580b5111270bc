/**
 * A message's fingerprint: a 32-bit structural hash the sender's and the receiver's tracers
 * compute alike (a term and its copy decoded on another node give the same number), so a
 * recorder can pair a send with its receive without anything added to the class's own
 * distribution messages (a real BEAM peer sees byte-identical traffic).
 *
 * Bounded like `bounded` in wire.ts: 16 items per container, 6 levels, 256 bytes of a binary,
 * so a 1 MB message costs the same as a small one. Map entries are combined order-free (two
 * nodes may keep a map's entries in different orders). Funs hash by arity only: a fun crosses
 * nodes as code the receiver compiles again, so nothing else of it is the same object on both.
 */
import type { Term } from '../../core/term/types.ts';

const ITEMS = 16;
const DEPTH = 6;
const BYTES = 256;
/**
 * Terms visited at most. Items and depth alone do not bound the work: a term may share its parts
 * (6 nested tuples of 16 copies of the one below are 7 objects, and 16^6 leaves as a tree), so
 * each container splits what is left of the budget evenly among the items it reads: the same
 * split on both nodes (an even share per map entry keeps maps order-free).
 */
const BUDGET = 4096;

export function fingerprint(t: Term): number {
  return hashTerm(t, 0, 0x811c9dc5, BUDGET) >>> 0;
}

/** The budget each of `n` items of a container with `budget` gets (0: the container is cut). */
function share(budget: number, n: number): number {
  return n === 0 ? 0 : Math.floor((budget - 1) / n);
}

function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 0x01000193);
}

function mixString(h: number, s: string): number {
  const n = Math.min(s.length, BYTES);
  for (let i = 0; i < n; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

function mixNumber(h: number, n: number): number {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 31) return mix(h, n | 0);
  return mixString(h, String(n));
}

function hashTerm(t: Term, depth: number, h: number, budget: number): number {
  if (typeof t === 'number') return mixNumber(mix(h, 1), t);
  if (typeof t === 'bigint') return mixString(mix(h, 2), t.toString(16));
  if (depth >= DEPTH || budget < 1) return mix(h, 3);
  switch (t.kind) {
    case 'atom':
      return mixString(mix(h, 4), t.name);
    case 'float':
      return mixString(mix(h, 5), String(t.value));
    case 'binary':
    case 'bitstring': {
      const b = t.bytes;
      h = mix(mix(h, 6), b.length);
      const n = Math.min(b.length, BYTES);
      for (let i = 0; i < n; i++) h = mix(h, b[i] as number);
      return h;
    }
    case 'nil':
      return mix(h, 7);
    case 'cons': {
      h = mix(h, 8);
      const each = share(budget, ITEMS + 1); // up to ITEMS heads and the tail
      let l: Term = t;
      for (let i = 0; i < ITEMS && typeof l === 'object' && l.kind === 'cons'; i++, l = l.tail) h = hashTerm(l.head, depth + 1, h, each);
      return typeof l === 'object' && l.kind === 'cons' ? mix(h, 9) : hashTerm(l, depth + 1, h, each);
    }
    case 'tuple': {
      h = mix(mix(h, 10), t.elements.length);
      const n = Math.min(t.elements.length, ITEMS);
      const each = share(budget, n);
      for (let i = 0; i < n; i++) h = hashTerm(t.elements[i] as Term, depth + 1, h, each);
      return h;
    }
    case 'map': {
      // Order-free: a sum of each entry's own hash (a big map by its size alone: bounded work).
      if (t.entries.size > ITEMS * 4) return mix(mix(h, 11), t.entries.size);
      const each = share(budget, 2 * t.entries.size); // a key and a value per entry
      let sum = 0;
      for (const [k, v] of t.entries.values()) sum = (sum + hashTerm(v, depth + 1, hashTerm(k, depth + 1, 0x811c9dc5, each), each)) | 0;
      return mix(mix(h, 11), sum ^ t.entries.size);
    }
    case 'pid':
      return mix(mix(mixString(mix(h, 12), t.node.name), t.id), t.serial);
    case 'ref':
      return t.ids.reduce((a, x) => mix(a, x), mixString(mix(h, 13), t.node.name));
    case 'port':
      return mix(mixString(mix(h, 14), t.node.name), t.id);
    case 'fun':
      return mix(mix(h, 15), t.arity);
  }
}
