/**
 * Callbacks registered on a link (messages, close, drain), called in registration order over a
 * copy, so a callback may unsubscribe itself or others while they run. One helper for every
 * transport and middleware layer.
 */
export class Listeners<A> {
  private readonly cbs = new Set<(a: A) => void>();

  add(cb: (a: A) => void): () => void {
    this.cbs.add(cb);
    return () => this.cbs.delete(cb);
  }

  emit(a: A): void {
    for (const cb of [...this.cbs]) cb(a);
  }

  /** The callbacks, now forgotten: a closing link calls its close callbacks once, when it chooses. */
  take(): ((a: A) => void)[] {
    const cbs = [...this.cbs];
    this.cbs.clear();
    return cbs;
  }

  clear(): void {
    this.cbs.clear();
  }
}
