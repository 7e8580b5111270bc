/**
 * Building a MapTerm from decoded pairs. MapTerm's entries are keyed by the term layer's
 * `mapKey` (src/core/term/hash.ts), which did not exist when this codec was written; until it
 * does, `localMapKey` stands in. It follows the same rule (exact equality: `1` and `1.0` are
 * different keys) so that a decoded map looks up correctly once the real one replaces it.
 */
import { MapTerm, type Term } from '../../core/term/types.ts';
import { sortedPairs } from './order.ts';

/** Returns the map, or null when a key occurs twice (binary_to_term rejects such input). */
export function buildMap(pairs: readonly (readonly [Term, Term])[]): MapTerm | null {
  const entries = new Map<unknown, readonly [Term, Term]>();
  for (const p of pairs) {
    const k = localMapKey(p[0]);
    if (entries.has(k)) return null;
    entries.set(k, p);
  }
  return new MapTerm(entries);
}

/** An injective string for a term under exact equality. Iterative over list tails. */
export function localMapKey(t: Term): string {
  const parts: string[] = [];
  const todo: Term[] = [t];
  while (todo.length > 0) {
    const x = todo.pop() as Term;
    if (typeof x === 'number' || typeof x === 'bigint') { parts.push(`i${x};`); continue; }
    switch (x.kind) {
      case 'float': parts.push(`f${x.value === 0 ? 0 : x.value};`); break;
      case 'atom': parts.push(`a${x.name.length}:${x.name}`); break;
      case 'binary': parts.push(`b${x.byteSize}:${Array.from(x.bytes).join(',')};`); break;
      case 'nil': parts.push('n'); break;
      case 'cons': parts.push('c'); todo.push(x.tail, x.head); break;
      case 'tuple':
        parts.push(`t${x.size}`);
        for (let i = x.size - 1; i >= 0; i--) todo.push(x.elements[i] as Term);
        break;
      case 'map':
        parts.push(`m${x.size}`);
        // Sorted, so equal maps built in different insertion orders get the same key.
        for (const [k, v] of sortedPairs(x.entries.values()).reverse()) todo.push(v, k);
        break;
      case 'pid': parts.push(`p${x.node.name.length}:${x.node.name}${x.id}.${x.serial}.${x.creation};`); break;
      case 'port': parts.push(`o${x.node.name.length}:${x.node.name}${x.id}.${x.creation};`); break;
      case 'ref': parts.push(`r${x.node.name.length}:${x.node.name}${x.creation}.${x.ids.join('.')};`); break;
      case 'fun': parts.push(`F${x.info.module.name}.${x.arity}`); break;
    }
  }
  return parts.join('');
}
