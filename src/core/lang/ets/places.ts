/**
 * The order of a hash table's keys (insertion order, as its JS Map iterates), indexed so that
 * "the key after this place" is a binary search, not a walk from the start: `ets:next/2`, and a
 * select/match continuation resuming after a key that may have been deleted since, cost
 * O(log n) each, so every chunk of a walk costs O(chunk).
 *
 * Each key gets a place number when it comes in (kept while it stays; never reused, so a
 * continuation holding one stays meaningful). Places are kept sorted in an array; a deleted
 * key leaves a hole, and the holes are swept out once they are as many as the keys, so memory
 * stays proportional to the table and a search skips at most as many holes as there are keys.
 */
const HOLE: unique symbol = Symbol('hole');
/** Below this many holes a sweep is not worth it. */
const MIN_SWEEP = 32;

export class PlaceIndex<K> {
  private places: number[] = [];
  private keys: (K | typeof HOLE)[] = [];
  private holes = 0;
  private nextPlace = 0;
  private readonly placeOf = new Map<K, number>();

  /** Gives `k` a place at the end, unless it already has one. */
  add(k: K): void {
    if (this.placeOf.has(k)) return;
    const place = this.nextPlace++;
    this.placeOf.set(k, place);
    this.places.push(place);
    this.keys.push(k);
  }

  remove(k: K): void {
    const place = this.placeOf.get(k);
    if (place === undefined) return;
    this.placeOf.delete(k);
    this.keys[this.firstAfter(place - 1)] = HOLE; // places are integers: its own index
    this.holes++;
    if (this.holes >= MIN_SWEEP && this.holes * 2 >= this.keys.length) this.sweep();
  }

  /** The place of `k`, or undefined when it is not in. */
  place(k: K): number | undefined {
    return this.placeOf.get(k);
  }

  /** The first key whose place is past `place` (any number: a deleted key's place too). */
  after(place: number): K | null {
    for (let i = this.firstAfter(place); i < this.keys.length; i++) {
      const k = this.keys[i] as K | typeof HOLE;
      if (k !== HOLE) return k;
    }
    return null;
  }

  /** The last key whose place is before `place`. */
  before(place: number): K | null {
    for (let i = this.firstAfter(place - 1) - 1; i >= 0; i--) {
      const k = this.keys[i] as K | typeof HOLE;
      if (k !== HOLE) return k;
    }
    return null;
  }

  clear(): void {
    this.places = [];
    this.keys = [];
    this.holes = 0;
    this.placeOf.clear();
  }

  /** The index of the first place greater than `place`. */
  private firstAfter(place: number): number {
    let lo = 0;
    let hi = this.places.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.places[mid] as number) <= place) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private sweep(): void {
    const places: number[] = [];
    const keys: K[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i] as K | typeof HOLE;
      if (k === HOLE) continue;
      places.push(this.places[i] as number);
      keys.push(k);
    }
    this.places = places;
    this.keys = keys;
    this.holes = 0;
  }
}
