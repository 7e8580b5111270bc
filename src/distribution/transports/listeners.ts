/**
 * Callbacks registered on a link (messages, close, drain), called in registration order over a
 * copy, so a callback may unsubscribe itself or others while they run. One helper for every
 * transport and middleware layer.
 *
 * The copy is made when the callbacks change, not per call (a new array per message was an
 * allocation on every hop of a round trip): `emit` walks the array of the moment, and `add` or
 * an unsubscribe replaces it.
 */
export class Listeners<A> {
  private cbs: readonly ((a: A) => void)[] = [];

  add(cb: (a: A) => void): () => void {
    if (!this.cbs.includes(cb)) this.cbs = [...this.cbs, cb];
    return () => {
      this.cbs = this.cbs.filter((c) => c !== cb);
    };
  }

  emit(a: A): void {
    const cbs = this.cbs;
    for (let i = 0; i < cbs.length; i++) (cbs[i] as (a: A) => void)(a);
  }

  /** The callbacks, now forgotten: a closing link calls its close callbacks once, when it chooses. */
  take(): ((a: A) => void)[] {
    const cbs = [...this.cbs];
    this.cbs = [];
    return cbs;
  }

  clear(): void {
    this.cbs = [];
  }
}
