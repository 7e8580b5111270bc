/**
 * What a token's drawing works out once while it flies (its ends: tiles do not move under it),
 * kept in a Map swept of the tokens that landed, not in a WeakMap. At a class's 5,000 messages/s
 * a WeakMap held ~100,000 landed tokens (promoted to the old generation before they landed) as
 * ephemerons until the next full GC, whose final pause re-scans every unresolved ephemeron in
 * each round of its fixpoint: bench:ui's projector spent 40–150 ms in one frame there.
 */
export class RouteCache<K, V> {
  private readonly entries = new Map<K, { value: V; frame: number }>();
  private frame = 0;
  private used = 0;

  /** `key`'s value, made by `make` the first time it is asked for. */
  get(key: K, make: (key: K) => V): V {
    let e = this.entries.get(key);
    if (e === undefined) this.entries.set(key, (e = { value: make(key), frame: this.frame }));
    else if (e.frame !== this.frame) e.frame = this.frame;
    else return e.value;
    this.used++;
    return e.value;
  }

  /** After each frame: forgets the keys not asked for in it, once they outnumber those that were. */
  endFrame(): void {
    if (this.entries.size > 2 * this.used + 64) {
      for (const [k, e] of this.entries) if (e.frame !== this.frame) this.entries.delete(k);
    }
    this.frame++;
    this.used = 0;
  }

  get size(): number {
    return this.entries.size;
  }
}
