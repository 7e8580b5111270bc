/**
 * A bounded FIFO that drops its oldest items when full and counts them: what a tracer keeps for
 * a viewer that has not caught up. Push is O(1) (a start index, compacted now and then), so a
 * node sending thousands of messages a second pays little for being watched.
 */
export class EventBuffer<T> {
  private items: T[] = [];
  private start = 0;
  /** Items dropped since the last `take`. */
  dropped = 0;

  constructor(private readonly capacity: number) {}

  get length(): number {
    return this.items.length - this.start;
  }

  push(item: T): void {
    this.items.push(item);
    if (this.length > this.capacity) {
      this.start++;
      this.dropped++;
      if (this.start > 1024 && this.start * 2 > this.items.length) {
        this.items = this.items.slice(this.start);
        this.start = 0;
      }
    }
  }

  /** Everything buffered, oldest first, and how many were dropped before it; empties the buffer. */
  take(): { items: T[]; dropped: number } {
    const items = this.start === 0 ? this.items : this.items.slice(this.start);
    const dropped = this.dropped;
    this.items = [];
    this.start = 0;
    this.dropped = 0;
    return { items, dropped };
  }
}
