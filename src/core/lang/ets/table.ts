/**
 * One ETS table's objects, for the four table types:
 *  - set: one object per key, keys compared exactly (`=:=`, so `1` and `1.0` are two keys);
 *  - ordered_set: one object per key, kept in Erlang term order, keys compared with `==`
 *    (so inserting `{1.0, x}` replaces `{1, ...}`, as on BEAM);
 *  - bag: objects per key, no two exactly equal;
 *  - duplicate_bag: objects per key, duplicates kept.
 * A hash table (set, bag, duplicate_bag) lists its objects in insertion order (BEAM's order is
 * its hash's, which no program may rely on); an ordered_set in key order.
 *
 * The table counts the words its objects take (heap-limit.ts's termWords), so the node can bound
 * what all its tables hold (store.ts).
 */
import type { Term, Tuple } from '../../term/types.ts';
import { mapKey } from '../../term/hash.ts';
import { compare } from '../../term/order.ts';
import { strictEquals } from '../../term/equality.ts';
import { termWords } from '../../runtime/heap-limit.ts';
import { PlaceIndex } from './places.ts';

export type TableType = 'set' | 'ordered_set' | 'bag' | 'duplicate_bag';

/** The objects of one table, whatever its type. */
export interface Objects {
  readonly size: number;
  /** Words the objects take. */
  readonly words: number;
  lookup(key: Term): readonly Tuple[];
  /** Adds (a set replaces the object of the same key); `words` is termWords(obj). */
  insert(obj: Tuple, words: number): void;
  /** Removes every object of `key`. */
  delete(key: Term): void;
  /** Removes the objects exactly equal to `obj`. */
  deleteObject(obj: Tuple): void;
  /** Every object, in table order; a snapshot, so the table may change while a walk traps. */
  all(): Tuple[];
  /** The first key, the key after `key` (null: none; undefined: `key` is not in the table). */
  first(): Term | null;
  next(key: Term): Term | null | undefined;
  last(): Term | null;
  prev(key: Term): Term | null | undefined;
  /**
   * Where `key` stands in a hash table's order, a number kept while the key is in (null: an
   * ordered_set, whose keys are their own places, or no such key). A continuation resumes after
   * it (`afterMark`) even when the key was deleted meanwhile, as BEAM's bucket-indexed ones do.
   */
  mark(key: Term): number | null;
  afterMark(mark: number): Term | null;
  clear(): void;
}

export function makeObjects(type: TableType, keypos: number): Objects {
  switch (type) {
    case 'set':
      return new SetObjects(keypos);
    case 'ordered_set':
      return new OrderedObjects(keypos);
    case 'bag':
      return new BagObjects(keypos, false);
    case 'duplicate_bag':
      return new BagObjects(keypos, true);
  }
}

function keyOf(obj: Tuple, keypos: number): Term {
  return obj.elements[keypos - 1] as Term;
}

/** Hash tables: keys in insertion order, found by their places (places.ts). */
abstract class HashObjects<V> {
  protected readonly map = new Map<unknown, V>();
  /** Each key's place in insertion order (see Objects.mark). */
  private readonly order = new PlaceIndex<unknown>();
  words = 0;
  size = 0;
  constructor(protected readonly keypos: number) {}

  protected abstract keyOfValue(v: V): Term;

  protected put(k: unknown, v: V): void {
    this.order.add(k);
    this.map.set(k, v);
  }
  protected remove(k: unknown): void {
    this.map.delete(k);
    this.order.remove(k);
  }
  mark(key: Term): number | null {
    return this.order.place(mapKey(key)) ?? null;
  }
  afterMark(mark: number): Term | null {
    return this.keyAt(this.order.after(mark));
  }
  first(): Term | null {
    return this.keyAt(this.order.after(-1));
  }
  last(): Term | null {
    return this.keyAt(this.order.before(Infinity));
  }
  next(key: Term): Term | null | undefined {
    const place = this.order.place(mapKey(key));
    return place === undefined ? undefined : this.keyAt(this.order.after(place));
  }
  prev(key: Term): Term | null | undefined {
    const place = this.order.place(mapKey(key));
    return place === undefined ? undefined : this.keyAt(this.order.before(place));
  }
  clear(): void {
    this.map.clear();
    this.order.clear();
    this.words = 0;
    this.size = 0;
  }
  /** The term key of a map key (null stays null). */
  private keyAt(k: unknown): Term | null {
    return k === null ? null : this.keyOfValue(this.map.get(k) as V);
  }
}

class SetObjects extends HashObjects<Tuple> implements Objects {
  protected keyOfValue(v: Tuple): Term {
    return keyOf(v, this.keypos);
  }
  lookup(key: Term): readonly Tuple[] {
    const o = this.map.get(mapKey(key));
    return o === undefined ? [] : [o];
  }
  insert(obj: Tuple, words: number): void {
    const k = mapKey(keyOf(obj, this.keypos));
    const old = this.map.get(k);
    if (old !== undefined) this.words -= termWords(old);
    else this.size++;
    this.put(k, obj);
    this.words += words;
  }
  delete(key: Term): void {
    const k = mapKey(key);
    const old = this.map.get(k);
    if (old === undefined) return;
    this.remove(k);
    this.words -= termWords(old);
    this.size--;
  }
  deleteObject(obj: Tuple): void {
    const old = this.map.get(mapKey(keyOf(obj, this.keypos)));
    if (old !== undefined && strictEquals(old, obj)) this.delete(keyOf(obj, this.keypos));
  }
  all(): Tuple[] {
    return [...this.map.values()];
  }
}

class BagObjects extends HashObjects<Tuple[]> implements Objects {
  constructor(
    keypos: number,
    private readonly duplicates: boolean,
  ) {
    super(keypos);
  }
  protected keyOfValue(v: Tuple[]): Term {
    return keyOf(v[0] as Tuple, this.keypos);
  }
  lookup(key: Term): readonly Tuple[] {
    return this.map.get(mapKey(key)) ?? [];
  }
  insert(obj: Tuple, words: number): void {
    const k = mapKey(keyOf(obj, this.keypos));
    const objs = this.map.get(k);
    if (objs === undefined) this.put(k, [obj]);
    else if (this.duplicates || !objs.some((o) => strictEquals(o, obj))) objs.push(obj);
    else return;
    this.size++;
    this.words += words;
  }
  delete(key: Term): void {
    const k = mapKey(key);
    const objs = this.map.get(k);
    if (objs === undefined) return;
    this.remove(k);
    this.forget(objs);
  }
  deleteObject(obj: Tuple): void {
    const k = mapKey(keyOf(obj, this.keypos));
    const objs = this.map.get(k);
    if (objs === undefined) return;
    const keep = objs.filter((o) => !strictEquals(o, obj));
    this.forget(objs.filter((o) => strictEquals(o, obj)));
    if (keep.length === 0) this.remove(k);
    else this.put(k, keep);
  }
  all(): Tuple[] {
    const out: Tuple[] = [];
    for (const objs of this.map.values()) for (const o of objs) out.push(o);
    return out;
  }
  private forget(objs: readonly Tuple[]): void {
    for (const o of objs) this.words -= termWords(o);
    this.size -= objs.length;
  }
}

/** ordered_set: objects sorted by key (term order, `1 == 1.0`), found by binary search. */
class OrderedObjects implements Objects {
  private readonly objs: Tuple[] = [];
  words = 0;
  constructor(private readonly keypos: number) {}

  get size(): number {
    return this.objs.length;
  }
  mark(): null {
    return null;
  }
  afterMark(): null {
    return null;
  }
  /** The index of `key`'s object, or -(insertion point) - 1. */
  private find(key: Term): number {
    let lo = 0;
    let hi = this.objs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = compare(keyOf(this.objs[mid] as Tuple, this.keypos), key);
      if (c === 0) return mid;
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -lo - 1;
  }
  lookup(key: Term): readonly Tuple[] {
    const i = this.find(key);
    return i >= 0 ? [this.objs[i] as Tuple] : [];
  }
  insert(obj: Tuple, words: number): void {
    const i = this.find(keyOf(obj, this.keypos));
    if (i >= 0) {
      this.words -= termWords(this.objs[i] as Tuple);
      this.objs[i] = obj;
    } else this.objs.splice(-i - 1, 0, obj);
    this.words += words;
  }
  delete(key: Term): void {
    const i = this.find(key);
    if (i < 0) return;
    this.words -= termWords(this.objs[i] as Tuple);
    this.objs.splice(i, 1);
  }
  deleteObject(obj: Tuple): void {
    const i = this.find(keyOf(obj, this.keypos));
    if (i >= 0 && strictEquals(this.objs[i] as Tuple, obj)) this.delete(keyOf(obj, this.keypos));
  }
  all(): Tuple[] {
    return this.objs.slice();
  }
  private keyAt(i: number): Term | null {
    const o = this.objs[i];
    return o === undefined ? null : keyOf(o, this.keypos);
  }
  first(): Term | null {
    return this.keyAt(0);
  }
  last(): Term | null {
    return this.keyAt(this.objs.length - 1);
  }
  // An ordered_set's next/prev take any key, in the table or not (BEAM does the same).
  next(key: Term): Term | null {
    const i = this.find(key);
    return this.keyAt(i >= 0 ? i + 1 : -i - 1);
  }
  prev(key: Term): Term | null {
    const i = this.find(key);
    return this.keyAt(i >= 0 ? i - 1 : -i - 2);
  }
  clear(): void {
    this.objs.length = 0;
    this.words = 0;
  }
}
